/**
 * The one test of an email address a person gives (subscribe forms, the API, imports, a
 * webhook owner's address): a local part and a dotted domain, without spaces, brackets,
 * quotes or the other characters that would need quoting in a header.
 */
export const EMAIL_ADDRESS_PATTERN =
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/

/** True for an address `EMAIL_ADDRESS_PATTERN` accepts. */
export function isEmailAddress(text: string): boolean {
  return EMAIL_ADDRESS_PATTERN.test(text)
}

/**
 * A console member's address: any address `isEmailAddress` accepts, or `name@localhost` — the
 * default first owner of a local Candor (`npm start`), whose mail stays in the local sink.
 */
export const MEMBER_ADDRESS_PATTERN = new RegExp(
  `${EMAIL_ADDRESS_PATTERN.source}|^[^\\s@<>()[\\]\\\\,;:"]+@localhost$`,
  'i',
)

/** True for an address a member may have (see MEMBER_ADDRESS_PATTERN). */
export function isMemberAddress(text: string): boolean {
  return MEMBER_ADDRESS_PATTERN.test(text)
}
