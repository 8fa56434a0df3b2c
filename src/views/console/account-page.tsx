import type { Passkey } from '../../domain/passkeys'
import { CsrfField } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { PASSKEY_SCRIPTS, PasskeysSection, type PasskeyRename } from './passkeys-section'

/**
 * The member's own account: who they are, their passkeys, and signing out here or on every
 * device.
 */
export function AccountPage(props: {
  frame: ConsoleFrame
  passkeys: readonly Passkey[]
  notice?: string
  rename?: PasskeyRename
}) {
  const m = props.frame.member
  return (
    <ConsoleLayout
      {...props.frame}
      title="Your account"
      current="account"
      notice={props.notice}
      scripts={PASSKEY_SCRIPTS}
    >
      <dl class="facts">
        <dt>Email</dt>
        <dd>{m.email}</dd>
        <dt>Name</dt>
        <dd>{m.name ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{m.role}</dd>
      </dl>
      <PasskeysSection
        passkeys={props.passkeys}
        csrfToken={props.frame.csrfToken}
        rename={props.rename}
      />
      <h2>Sessions</h2>
      <p>Signing out everywhere ends every session of yours, on every device, at once.</p>
      <form method="post" action="/console/sign-out-everywhere" class="inline-form">
        <CsrfField token={props.frame.csrfToken} />
        <button type="submit">Sign out everywhere</button>
      </form>
    </ConsoleLayout>
  )
}
