import ipaddr from 'ipaddr.js'

/** Names that always mean this machine or a private network (RFC 6761, RFC 6762, ICANN). */
const LOCAL_NAME = /(^|\.)(localhost|local|internal)$/

/** IPv6 ranges that carry an IPv4 address inside them: it is judged instead. */
const EMBEDDING_RANGES = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo'])

/** The IPv4-compatible block (`::a.b.c.d`, deprecated), which ipaddr.js does not name. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96')
/** NAT64's well-known prefix (RFC 6052); its local-use /48 (RFC 8215) is refused outright. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96')

function ipv4From(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes)
}

/** The IPv4 address an IPv6 address carries, or null when it carries none we can tell. */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const bytes = address.toByteArray()
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return ipv4From(bytes.slice(12))
    case 'rfc6052':
      return address.match(NAT64_WELL_KNOWN) ? ipv4From(bytes.slice(12)) : null
    case '6to4':
      return ipv4From(bytes.slice(2, 6))
    case 'teredo':
      // The client's address, stored inverted in the last 32 bits (RFC 4380).
      return ipv4From(bytes.slice(12).map((b) => b ^ 0xff))
    default:
      return null
  }
}

/** Why an IP address is not a public unicast one, or null when it is. */
function ipRefusal(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  if (address.kind() === 'ipv4') {
    const range = address.range()
    return range === 'unicast' ? null : `${address.toString()} is ${range}`
  }
  const v6 = address as ipaddr.IPv6
  const range = v6.range()
  if (range === 'unicast') {
    // `::a.b.c.d` (not `::` or `::1`, which have ranges of their own).
    if (!v6.match(IPV4_COMPATIBLE)) return null
    const refusal = ipRefusal(ipv4From(v6.toByteArray().slice(12)))
    return refusal ? `${v6.toString()} (IPv4-compatible) carries ${refusal}` : null
  }
  if (EMBEDDING_RANGES.has(range)) {
    const inner = embeddedIpv4(v6, range)
    if (!inner) return `${v6.toString()} is ${range}`
    const refusal = ipRefusal(inner)
    return refusal ? `${v6.toString()} (${range}) carries ${refusal}` : null
  }
  return `${v6.toString()} is ${range}`
}

/**
 * Why a URL's host names a local or private place, or null when it does not: `localhost`,
 * `*.localhost`, `*.local`, `*.internal` (trailing dots ignored), or an IP literal — in any
 * spelling the URL standard normalises (`2130706433`, `0x7f000001`, `127.1`, `[::ffff:7f00:1]`)
 * — that is not public unicast (loopback, private, unique-local, link-local, CGNAT, unspecified,
 * multicast, broadcast, reserved…), including IPv4 addresses carried in IPv6 (mapped, 6to4,
 * Teredo, NAT64). The host is judged as written: a name resolving to a private address is not
 * caught here.
 */
export function localAddressRefusal(url: URL): string | null {
  let host = url.hostname.toLowerCase()
  if (host.startsWith('[') && host.endsWith(']')) {
    const inner = host.slice(1, -1)
    return ipaddr.IPv6.isValid(inner) ? ipRefusal(ipaddr.IPv6.parse(inner)) : null
  }
  host = host.replace(/\.+$/, '')
  if (host === '') return 'the host is empty'
  if (LOCAL_NAME.test(host)) return `${host} is a local name`
  // "127.0.0.1.." is a name to the URL parser; without its dots it is an address again.
  let normalised = host
  try {
    normalised = new URL(`https://${host}/`).hostname
  } catch {
    return `${host} is not a usable host name`
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(normalised)) {
    return ipRefusal(ipaddr.IPv4.parse(normalised))
  }
  return null
}
