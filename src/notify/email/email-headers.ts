/**
 * The headers every notification email carries: RFC 2369 / RFC 8058 one-click unsubscribe
 * (mail clients show an "Unsubscribe" button that POSTs `List-Unsubscribe=One-Click` to the
 * URL) and RFC 3834 `Auto-Submitted`, so auto-responders and vacation replies stay quiet.
 */
export function notificationHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  }
}
