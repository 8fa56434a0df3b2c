import type { MemberRole } from '../../domain/members'
import { FormError, NoticePage, PostButton, SubmitRow, TextField } from '../page-form'
import { PASSKEY_SCRIPTS } from './passkeys-section'

/** The console's pages before a session: sign-in, its links, and the refusals. */

/**
 * The sign-in form: one address; the answer is the same whether or not it is a member's. Beside
 * it, signing in with a passkey: a button `passkeys.js` shows where the browser can use one.
 */
export function SignInPage(props: { pageName: string; email?: string; error?: string }) {
  return (
    <NoticePage pageName={props.pageName} heading="Sign in to the console">
      <FormError id="sign-in-error" lead="Not sent:" message={props.error} />
      <form method="post" action="/console/sign-in" class="form">
        <TextField
          id="sign-in-email"
          label="Email"
          type="email"
          name="email"
          maxlength={254}
          value={props.email ?? ''}
          autocomplete="email"
          hint="We email a sign-in link to members; it works once, for 15 minutes."
          errorId={props.error ? 'sign-in-error' : undefined}
        />
        <SubmitRow label="Email me a sign-in link" />
      </form>
      <div class="passkey-sign-in" data-passkey-sign-in="" hidden>
        <h2>Or use a passkey</h2>
        <p>
          If you added a passkey to your account, sign in with it instead of waiting for an email.
        </p>
        <p>
          <button type="button" data-passkey-sign-in-button="">
            Sign in with a passkey
          </button>
        </p>
        <p class="passkey-status" data-passkey-status="" role="status"></p>
      </div>
      {PASSKEY_SCRIPTS.map((src) => (
        <script src={src} defer></script>
      ))}
    </NoticePage>
  )
}

/** After the sign-in form: the same words for every address. */
export function SignInSentPage(props: { pageName: string; email: string }) {
  return (
    <NoticePage pageName={props.pageName} heading="Check your inbox">
      <p role="status">
        If <strong>{props.email}</strong> belongs to a member, an email with a sign-in link is on
        its way to it. The link works once, for 15 minutes.
      </p>
      <p>
        <a href="/console/sign-in">Send another link</a>
      </p>
    </NoticePage>
  )
}

/** A link from an email, opened: a button, because opening it must sign nobody in. */
export function LinkPage(props: { pageName: string; email: string; invite: boolean }) {
  return (
    <NoticePage
      pageName={props.pageName}
      heading={props.invite ? 'Accept your invitation' : 'Sign in to the console'}
    >
      <p>
        Signing in as <strong>{props.email}</strong>. Nothing happens until you press the button.
      </p>
      <PostButton label={props.invite ? 'Accept and sign in' : 'Sign in'} />
    </NoticePage>
  )
}

/** A link that cannot be used (unknown, used or expired), with the way to a new one. */
export function LinkProblemPage(props: {
  pageName: string
  state: 'unknown' | 'used' | 'expired'
}) {
  const heading =
    props.state === 'used'
      ? 'This link was already used'
      : props.state === 'expired'
        ? 'This link has expired'
        : 'This link is not valid'
  return (
    <NoticePage pageName={props.pageName} heading={heading}>
      <p>
        Nobody was signed in. A sign-in link works once, for 15 minutes; an invitation, once, for 72
        hours. If you copied the link, check that it is complete.
      </p>
      <p>
        <a href="/console/sign-in">Get a new sign-in link</a>
      </p>
    </NoticePage>
  )
}

/** A console form refused: no session, a wrong form token or another site's form. */
export function RefusedPage(props: { pageName: string }) {
  return (
    <NoticePage pageName={props.pageName} heading="This form was refused">
      <p>
        Nothing was changed. The form did not come from this console page, or your session has
        ended. <a href="/console">Open the console</a> and try again.
      </p>
    </NoticePage>
  )
}

/** A screen or action the member's role does not reach: nothing was done. */
export function RoleRefusedPage(props: { pageName: string; role: MemberRole; needed: MemberRole }) {
  return (
    <NoticePage pageName={props.pageName} heading="Your role does not allow this">
      <p>
        Nothing was changed. This needs the <strong>{props.needed}</strong> role; you are{' '}
        <strong>{props.role}</strong>. An owner can change your role.{' '}
        <a href="/console">Back to the console</a>
      </p>
    </NoticePage>
  )
}

/** Cloudflare Access let this person through, but they are not a member of this console. */
export function NotAMemberPage(props: { pageName: string; email: string }) {
  return (
    <NoticePage pageName={props.pageName} heading="You are not a member of this console">
      <p>
        You are signed in to Cloudflare Access as <strong>{props.email}</strong>, but that address
        is not a member here. Ask an owner to invite you; the invitation comes by email.
      </p>
    </NoticePage>
  )
}
