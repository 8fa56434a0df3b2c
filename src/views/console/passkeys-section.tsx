import type { Passkey } from '../../domain/passkeys'
import { PASSKEY_NAME_MAX } from '../../domain/passkeys'
import { Time } from '../time'
import { CsrfField, InputField, type FormState, EMPTY_FORM } from './fields'

/** The browser library and the console's own passkey script, in the order they must run. */
export const PASSKEY_SCRIPTS = [
  '/console-assets/vendor/simplewebauthn-browser.js',
  '/console-assets/passkeys.js',
] as const

/** A rename that came back: which passkey, and what was typed with its error. */
export interface PasskeyRename {
  id: string
  state: FormState
}

function PasskeyItem(props: { passkey: Passkey; csrfToken: string; rename?: PasskeyRename }) {
  const p = props.passkey
  const state = props.rename?.id === p.id ? props.rename.state : { ...EMPTY_FORM }
  const base = `/console/passkeys/${encodeURIComponent(p.id)}`
  return (
    <li class="passkey">
      <h3>{p.name}</h3>
      <dl class="facts">
        <dt>Added</dt>
        <dd>
          <Time iso={p.createdAt} />
        </dd>
        <dt>Last used</dt>
        <dd>{p.lastUsedAt ? <Time iso={p.lastUsedAt} /> : 'Never'}</dd>
      </dl>
      <form method="post" action={`${base}/rename`} class="passkey-rename">
        <CsrfField token={props.csrfToken} />
        <InputField
          idPrefix={`passkey-${p.id}`}
          name="name"
          label={`New name for “${p.name}”`}
          state={state}
          fallback={p.name}
          maxlength={PASSKEY_NAME_MAX}
          required
        />
        <button type="submit" class="secondary">
          Rename
        </button>
      </form>
      <form method="post" action={`${base}/remove`} class="inline-form">
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="danger">
          Remove “{p.name}”
        </button>
      </form>
    </li>
  )
}

/**
 * The member's passkeys: each with when it was added and last used, rename and remove (plain
 * forms). Adding one needs the browser's WebAuthn, so its form stays hidden until
 * `passkeys.js` shows it; without JavaScript a sentence says so instead.
 */
export function PasskeysSection(props: {
  passkeys: readonly Passkey[]
  csrfToken: string
  rename?: PasskeyRename
}) {
  return (
    <section class="passkeys" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>
        A passkey signs you in with this device’s screen lock or a security key, without waiting for
        an email. Email sign-in links keep working either way.
      </p>
      {props.passkeys.length ? (
        <ul class="passkey-list">
          {props.passkeys.map((passkey) => (
            <PasskeyItem passkey={passkey} csrfToken={props.csrfToken} rename={props.rename} />
          ))}
        </ul>
      ) : (
        <p>You have no passkeys yet.</p>
      )}
      <p data-passkey-nojs="">
        Adding a passkey needs JavaScript, which is off or not loaded in this browser. Email sign-in
        links still work.
      </p>
      <form data-passkey-add="" hidden>
        <CsrfField token={props.csrfToken} />
        <InputField
          idPrefix="passkey-new"
          name="name"
          label="Name for the new passkey"
          state={EMPTY_FORM}
          maxlength={PASSKEY_NAME_MAX}
          placeholder="Work laptop"
          hint="So you can tell your passkeys apart. Optional."
        />
        <button type="submit">Add a passkey</button>
        <p class="passkey-status" data-passkey-status="" role="status"></p>
      </form>
    </section>
  )
}
