import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import {
  createArgs,
  deployConfig,
  missingSecrets,
  parseD1List,
  parseKvList,
  parseQueuesTable,
  parseR2List,
  parseSecretList,
  planResources,
  requiredSecrets,
  resourcesOf,
} from '../../scripts/lib/deploy-plan.mjs'

/**
 * The planning half of `npm run deploy`, fed with wrangler output recorded by hand in
 * tests/fixtures/wrangler/ and with the project's own wrangler.toml.
 */

const root = path.resolve(import.meta.dirname, '../..')
const fixture = (name: string) =>
  readFileSync(path.join(root, 'tests/fixtures/wrangler', name), 'utf8')
const projectConfig = () => parse(readFileSync(path.join(root, 'wrangler.toml'), 'utf8'))

/** A config with one of each kind, a shared dead-letter queue and an R2 bucket. */
const sample = {
  name: 'candor',
  main: 'src/index.ts',
  d1_databases: [
    { binding: 'DB', database_name: 'candor', database_id: '00000000-0000-0000-0000-000000000000' },
  ],
  kv_namespaces: [{ binding: 'SNAPSHOTS', id: '00000000000000000000000000000000' }],
  queues: {
    producers: [
      { binding: 'EVENTS', queue: 'candor-events' },
      { binding: 'DELIVERIES', queue: 'candor-deliveries' },
    ],
    consumers: [
      { queue: 'candor-events', dead_letter_queue: 'candor-dlq' },
      { queue: 'candor-deliveries', dead_letter_queue: 'candor-dlq' },
      { queue: 'candor-dlq' },
    ],
  },
  r2_buckets: [{ binding: 'EXPORTS', bucket_name: 'candor-exports' }],
}

const recordedAccount = () => ({
  d1: parseD1List(fixture('d1-list.json')),
  kv: parseKvList(fixture('kv-namespace-list.json')),
  queues: parseQueuesTable(fixture('queues-list.txt')),
  r2: parseR2List(fixture('r2-bucket-list.txt')),
})

describe('reading wrangler output', () => {
  it('reads D1, KV, queue, R2 and secret listings', () => {
    const account = recordedAccount()
    expect(account.d1).toEqual([
      { name: 'candor', id: '7b3f0e2a-5c1d-4e8f-9a6b-1c2d3e4f5a6b' },
      { name: 'another-app', id: '0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b' },
    ])
    expect(account.kv.map((ns) => ns.title)).toEqual(['another-app-CACHE', 'candor-SNAPSHOTS'])
    expect(account.queues).toEqual(['candor-events', 'candor-deliveries'])
    expect(account.r2).toEqual(['candor-exports', 'another-app-uploads'])
    expect(parseSecretList(fixture('secret-list.json'))).toEqual(['ADMIN_TOKEN'])
  })

  it('reads an empty queue table and JSON after a banner line', () => {
    expect(parseQueuesTable('┌┐\n└┘\n')).toEqual([])
    expect(parseD1List('⛅️ wrangler 4\n[]\n')).toEqual([])
    expect(parseKvList('▲ [WARNING] a newer wrangler is out\n[{"id":"a1","title":"t"}]\n')).toEqual(
      [{ id: 'a1', title: 't' }],
    )
  })

  it('refuses output it does not understand', () => {
    expect(() => parseD1List('You are not authenticated.')).toThrow(/no JSON list/)
    expect(() => parseQueuesTable('│ id │ title │\n│ 1 │ x │\n')).toThrow(/"name" column/)
  })
})

describe('what wrangler.toml names', () => {
  it('lists every queue once, dead-letter queues included', () => {
    expect(resourcesOf(sample)).toEqual({
      d1: [{ binding: 'DB', name: 'candor', id: '00000000-0000-0000-0000-000000000000' }],
      kv: [
        { binding: 'SNAPSHOTS', title: 'candor-SNAPSHOTS', id: '00000000000000000000000000000000' },
      ],
      queues: ['candor-events', 'candor-deliveries', 'candor-dlq'],
      r2: [{ binding: 'EXPORTS', name: 'candor-exports' }],
    })
  })

  it("covers the project's own wrangler.toml, whatever it binds", () => {
    const config = projectConfig() as typeof sample
    const resources = resourcesOf(config)
    expect(resources.d1.map((db: { binding: string }) => db.binding)).toEqual(
      config.d1_databases.map((d) => d.binding),
    )
    expect(resources.kv.map((ns: { binding: string }) => ns.binding)).toEqual(
      config.kv_namespaces.map((n) => n.binding),
    )
    const named = [
      ...config.queues.producers.map((p) => p.queue),
      ...config.queues.consumers.flatMap((c) => [c.queue, c.dead_letter_queue ?? []].flat()),
    ]
    expect(new Set(resources.queues)).toEqual(new Set(named))
    expect(resources.queues).toContain('candor-deliveries-dlq')
  })
})

describe('planning', () => {
  it('creates everything on a fresh account', () => {
    const plan = planResources(resourcesOf(sample), { d1: [], kv: [], queues: [], r2: [] })
    expect(plan.existing).toEqual([])
    expect(plan.create).toEqual([
      { kind: 'd1', name: 'candor' },
      { kind: 'kv', name: 'candor-SNAPSHOTS' },
      { kind: 'queue', name: 'candor-events' },
      { kind: 'queue', name: 'candor-deliveries' },
      { kind: 'queue', name: 'candor-dlq' },
      { kind: 'r2', name: 'candor-exports' },
    ])
    expect(plan.create.map(createArgs)).toEqual([
      ['d1', 'create', 'candor'],
      ['kv', 'namespace', 'create', 'candor-SNAPSHOTS'],
      ['queues', 'create', 'candor-events'],
      ['queues', 'create', 'candor-deliveries'],
      ['queues', 'create', 'candor-dlq'],
      ['r2', 'bucket', 'create', 'candor-exports'],
    ])
  })

  it('creates only what the account lacks', () => {
    const plan = planResources(resourcesOf(sample), recordedAccount())
    expect(plan.create).toEqual([{ kind: 'queue', name: 'candor-dlq' }])
    expect(plan.existing).toContainEqual({
      kind: 'd1',
      name: 'candor',
      id: '7b3f0e2a-5c1d-4e8f-9a6b-1c2d3e4f5a6b',
    })
    expect(plan.existing).toContainEqual({
      kind: 'kv',
      name: 'candor-SNAPSHOTS',
      id: '9a8b7c6d5e4f30211f2e3d4c5b6a7980',
    })
  })

  it('keeps a KV namespace whose real id is in the config, whatever its title', () => {
    const config = {
      ...sample,
      kv_namespaces: [{ binding: 'SNAPSHOTS', id: '3e1a9c5b7d2f4e6a8b0c1d2e3f4a5b6c' }],
    }
    const plan = planResources(resourcesOf(config), recordedAccount())
    expect(plan.create.filter((c) => c.kind === 'kv')).toEqual([])
    expect(deployConfig(config, recordedAccount()).kv_namespaces[0].id).toBe(
      '3e1a9c5b7d2f4e6a8b0c1d2e3f4a5b6c',
    )
  })
})

describe('the deploy config', () => {
  it("is wrangler.toml with the account's ids and nothing else changed", () => {
    const config = projectConfig()
    const account = {
      ...recordedAccount(),
      queues: [],
    }
    const out = deployConfig(config, account)
    expect(out.d1_databases[0].database_id).toBe('7b3f0e2a-5c1d-4e8f-9a6b-1c2d3e4f5a6b')
    expect(out.kv_namespaces[0].id).toBe('9a8b7c6d5e4f30211f2e3d4c5b6a7980')
    const { d1_databases: _d, kv_namespaces: _k, ...rest } = out
    const { d1_databases: _d0, kv_namespaces: _k0, ...restBefore } = config
    expect(rest).toEqual(restBefore)
    expect(out.d1_databases[0].migrations_dir).toBe('migrations')
  })

  it('refuses to write placeholders for resources the account lacks', () => {
    expect(() => deployConfig(sample, { d1: [], kv: [], queues: [], r2: [] })).toThrow(
      /D1 database candor, KV namespace candor-SNAPSHOTS/,
    )
  })
})

describe('secrets', () => {
  it('needs ADMIN_TOKEN and SMTP_URL, and the ops secret once ops webhooks are on', () => {
    expect(requiredSecrets(sample)).toEqual(['ADMIN_TOKEN', 'SMTP_URL'])
    expect(
      requiredSecrets({ ...sample, vars: { OPS_WEBHOOK_URL: 'https://ops.example/hook' } }),
    ).toEqual(['ADMIN_TOKEN', 'SMTP_URL', 'OPS_WEBHOOK_SECRET'])
    expect(requiredSecrets({ ...sample, send_email: [{ name: 'EMAIL' }] })).toEqual(['ADMIN_TOKEN'])
  })

  it('asks only for those the Worker lacks', () => {
    const existing = parseSecretList(fixture('secret-list.json'))
    expect(missingSecrets(requiredSecrets(sample), existing)).toEqual(['SMTP_URL'])
  })
})
