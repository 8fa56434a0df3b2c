import { describe, expect, it } from 'vitest'
import { StatusSchema } from '../../src/schemas/statuspage'
import { call } from './factories'

describe('worker', () => {
  it('serves the status', async () => {
    const res = await call('GET', '/api/v2/status.json', { token: null })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: unknown }
    expect(StatusSchema.parse(body.status).indicator).toBe('none')
  })
})
