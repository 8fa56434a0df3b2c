import { describe, expect, it } from 'vitest'
import { clientNetwork } from '../../src/lib/client-network'

describe('who a client is, for limits and counts', () => {
  it('an IPv4 address as it is', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7')
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('every IPv6 address of one /64 as that network', () => {
    const net = '2001:db8:85a3:12::/64'
    for (const ip of [
      '2001:db8:85a3:12::1',
      '2001:0db8:85a3:0012:ffff:ffff:ffff:ffff',
      '2001:DB8:85A3:12:1:2:3:4',
    ]) {
      expect(clientNetwork(ip)).toBe(net)
    }
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientNetwork('2001:db8:85a3:13::1')).not.toBe(net)
  })
})
