import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CandorError } from '../../src/domain/errors'
import { checkWebhookUrl, outboundUrlRefusal } from '../../src/domain/webhook-endpoint'

/** The 400 a refused URL gets, or null when it is accepted. */
function refusal(url: string, allowHttp = false): CandorError | null {
  try {
    checkWebhookUrl(url, allowHttp)
    return null
  } catch (error) {
    if (error instanceof CandorError) return error
    throw error
  }
}

const REFUSED = [
  // names
  'https://localhost/hook',
  'https://LOCALHOST/hook',
  'https://localhost./hook',
  'https://localhost../hook',
  'https://api.localhost/hook',
  'https://printer.local/hook',
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://db.internal./hook',
  'https://%6c%6f%63%61%6c%68%6f%73%74/hook',
  // loopback in every spelling
  'https://127.0.0.1/hook',
  'https://127.0.0.1./hook',
  'https://127.0.0.1../hook',
  'https://127.1/hook',
  'https://127.0.1/hook',
  'https://2130706433/hook',
  'https://0x7f000001/hook',
  'https://0x7f.0.0.1/hook',
  'https://0177.0.0.1/hook',
  'https://017700000001/hook',
  'https://127.255.255.254:8443/hook',
  'https://[::1]/hook',
  'https://[0:0:0:0:0:0:0:1]/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://[::ffff:7f00:1]/hook',
  'https://[::127.0.0.1]/hook',
  // private
  'https://10.0.0.1/hook',
  'https://10.255.255.255/hook',
  'https://167772161/hook',
  'https://172.16.0.1/hook',
  'https://172.31.255.255/hook',
  'https://192.168.1.1/hook',
  'https://0xc0a80101/hook',
  'https://[::ffff:10.0.0.1]/hook',
  'https://[::ffff:c0a8:101]/hook',
  'https://[fc00::1]/hook',
  'https://[fd12:3456:789a::1]/hook',
  // link-local and cloud metadata
  'https://169.254.169.254/latest/meta-data/',
  'https://2852039166/latest/meta-data/',
  'https://0xa9fea9fe/latest/meta-data/',
  'https://[::ffff:169.254.169.254]/latest/meta-data/',
  'https://[fe80::1]/hook',
  'https://[febf::1]/hook',
  // CGNAT, unspecified, multicast, broadcast, reserved
  'https://100.64.0.1/hook',
  'https://100.127.255.254/hook',
  'https://0.0.0.0/hook',
  'https://0/hook',
  'https://[::]/hook',
  'https://224.0.0.1/hook',
  'https://239.255.255.250/hook',
  'https://[ff02::1]/hook',
  'https://255.255.255.255/hook',
  'https://240.0.0.1/hook',
  'https://192.0.2.1/hook',
  'https://198.51.100.7/hook',
  'https://203.0.113.9/hook',
  'https://198.18.0.1/hook',
  'https://[2001:db8::1]/hook',
  // IPv4 carried in IPv6: 6to4, Teredo, NAT64, SIIT
  'https://[2002:7f00:1::1]/hook',
  'https://[2002:a9fe:a9fe::]/hook',
  'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
  'https://[64:ff9b::a9fe:a9fe]/hook',
  'https://[64:ff9b::127.0.0.1]/hook',
  'https://[64:ff9b:1::1]/hook',
  'https://[::ffff:0:a00:1]/hook',
]

const ACCEPTED = [
  'https://hooks.example.com/candor',
  'https://hooks.slack.com/services/T000/B000/XXXX',
  'https://8.8.8.8/hook',
  'https://134744072/hook',
  'https://1.1.1.1:8443/hook',
  'https://[2606:4700:4700::1111]/hook',
  'https://[::ffff:8.8.8.8]/hook',
  'https://[2002:808:808::1]/hook',
  'https://[64:ff9b::808:808]/hook',
  'https://local.example.com/hook',
  'https://internal-tools.example.com/hook',
  'https://localhost.example.com/hook',
  'https://172.32.0.1/hook',
  'https://100.128.0.1/hook',
]

describe('outbound URLs: where Candor may POST', () => {
  it.each(REFUSED)('refuses %s on `url` (400 validation_failed)', (url) => {
    const error = refusal(url)
    expect(error, url).not.toBeNull()
    expect(error!.code).toBe('validation_failed')
    expect(error!.status).toBe(400)
    expect(error!.details).toEqual([{ path: 'url', message: error!.message }])
    expect(error!.message).toMatch(/local or private/)
    expect(outboundUrlRefusal(url, false)).toMatch(/local or private/)
  })

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(refusal(url)).toBeNull()
    expect(outboundUrlRefusal(url, false)).toBeNull()
  })

  it('says which range refused the address', () => {
    expect(refusal('https://2130706433/')!.message).toMatch(/127\.0\.0\.1 is loopback/)
    expect(refusal('https://169.254.169.254/')!.message).toMatch(/linkLocal/)
    expect(refusal('https://100.64.0.1/')!.message).toMatch(/carrierGradeNat/)
    expect(refusal('https://[::1]/')!.message).toMatch(/::1 is loopback/)
    expect(refusal('https://[::ffff:7f00:1]/')!.message).toMatch(/carries 127\.0\.0\.1 is loopback/)
  })

  it('refuses plain http unless the development switch is on', () => {
    expect(refusal('http://hooks.example.com/')!.message).toMatch(/https:\/\//)
    expect(refusal('http://hooks.example.com/', true)).toBeNull()
  })

  it('the development switch allows local and private addresses', () => {
    for (const url of ['http://127.0.0.1:9/hook', 'https://10.0.0.1/', 'http://localhost:8787/']) {
      expect(refusal(url, true), url).toBeNull()
    }
  })

  it('the field path is the one asked for', () => {
    try {
      checkWebhookUrl('https://127.1/', false, 'webhook_url')
      expect.unreachable()
    } catch (error) {
      expect((error as CandorError).details).toEqual([
        { path: 'webhook_url', message: (error as CandorError).message },
      ])
    }
  })
})

/** An IPv4 address in a private or local range, as four octets. */
const localIpv4 = fc.oneof(
  fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.integer({ min: 224, max: 255 }), fc.nat(255), fc.nat(255), fc.nat(255)),
)

type Octets = [number, number, number, number]

const asNumber = (o: Octets) => ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3]
const hex16 = (a: number, b: number) => ((a << 8) + b).toString(16)

/** Spellings of one IPv4 address that the URL standard turns back into it. */
const SPELLINGS: Record<string, (o: Octets) => string> = {
  dotted: (o) => o.join('.'),
  decimal: (o) => String(asNumber(o)),
  hex: (o) => `0x${asNumber(o).toString(16)}`,
  octal: (o) => `0${asNumber(o).toString(8)}`,
  'octal octets': (o) => o.map((n) => `0${n.toString(8)}`).join('.'),
  'hex octets': (o) => o.map((n) => `0x${n.toString(16)}`).join('.'),
  'short form': (o) => `${o[0]}.${(o[1] << 16) + (o[2] << 8) + o[3]}`,
  'trailing dot': (o) => `${o.join('.')}.`,
  'mapped IPv6': (o) => `[::ffff:${o.join('.')}]`,
  'mapped IPv6 hex': (o) => `[::ffff:${hex16(o[0], o[1])}:${hex16(o[2], o[3])}]`,
  '6to4': (o) => `[2002:${hex16(o[0], o[1])}:${hex16(o[2], o[3])}::1]`,
  NAT64: (o) => `[64:ff9b::${hex16(o[0], o[1])}:${hex16(o[2], o[3])}]`,
}

describe('outbound URLs: any local IPv4 address in any spelling', () => {
  it.each(Object.keys(SPELLINGS))('is refused when written as %s', (name) => {
    const spell = SPELLINGS[name]!
    fc.assert(
      fc.property(localIpv4, (octets) => {
        const url = `https://${spell(octets as Octets)}/hook`
        expect(refusal(url), url).not.toBeNull()
      }),
      { numRuns: 300 },
    )
  })
})
