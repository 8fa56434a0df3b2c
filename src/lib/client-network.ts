/**
 * Who a client is, for rate limits and once-per-reader counts: its IPv4 address, or for IPv6
 * its /64 network — one subscriber line usually holds a whole /64, so counting addresses in it
 * would let one person count as millions.
 */
export function clientNetwork(ip: string): string {
  const address = ip.trim().toLowerCase()
  if (!address.includes(':')) return address
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (mapped) return mapped[1]!
  const [head = '', tail] = address.split('::')
  const headParts = head ? head.split(':') : []
  const tailParts = tail ? tail.split(':') : []
  const missing = tail === undefined ? 0 : 8 - headParts.length - tailParts.length
  const parts = [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts]
  const prefix = parts.slice(0, 4).map((p) => p.replace(/^0+(?=.)/, '') || '0')
  return `${prefix.join(':')}::/64`
}
