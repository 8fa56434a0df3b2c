import { CsrfField } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The member's own account: who they are, and signing out here or on every device. */
export function AccountPage(props: { frame: ConsoleFrame }) {
  const m = props.frame.member
  return (
    <ConsoleLayout {...props.frame} title="Your account" current="account">
      <dl class="facts">
        <dt>Email</dt>
        <dd>{m.email}</dd>
        <dt>Name</dt>
        <dd>{m.name ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{m.role}</dd>
      </dl>
      <h2>Sessions</h2>
      <p>Signing out everywhere ends every session of yours, on every device, at once.</p>
      <form method="post" action="/console/sign-out-everywhere" class="inline-form">
        <CsrfField token={props.frame.csrfToken} />
        <button type="submit">Sign out everywhere</button>
      </form>
    </ConsoleLayout>
  )
}
