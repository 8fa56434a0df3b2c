/** Characters XML 1.0 does not allow at all (C0 controls but tab, CR, LF; FFFE, FFFF; lone surrogates). */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Escaping for XML and HTML text and attribute values. Characters XML cannot carry (control
 * characters from a monitoring system's text, say) are dropped, or one would void the document.
 */
export function escapeXml(text: string): string {
  return text
    .replace(XML_ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
