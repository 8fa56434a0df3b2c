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
