import { describe, expect, it } from 'vitest'
import { LOCAL_TIME_SCRIPT } from '../../src/views/time'
import { call } from './factories'

/** The page script: small enough to inline on every page, and the one the CSP allows. */
describe('the local time script', () => {
  it('stays under 1 KB gzipped', async () => {
    const gzipped = new Blob([LOCAL_TIME_SCRIPT])
      .stream()
      .pipeThrough(new CompressionStream('gzip'))
    const size = (await new Response(gzipped).arrayBuffer()).byteLength
    expect(size).toBeLessThan(1024)
  })

  it('is inlined as is on the public pages and allowed by its hash', async () => {
    const res = await call('GET', '/', { token: null })
    expect(await res.text()).toContain(`<script>${LOCAL_TIME_SCRIPT}</script>`)
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(LOCAL_TIME_SCRIPT),
    )
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)))
    expect(res.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`)
  })
})
