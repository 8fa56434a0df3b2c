import { MEMBER_ROLES, type Member } from '../../domain/members'
import { Time } from '../time'
import { CsrfField, ErrorSummary, InputField, SelectField, type FormState } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The members screens (owner only): the list and invitation form, a member, removing one. */

export type MemberNotice = 'invited' | 'changed' | 'removed' | 'resent'

const NOTICE_TEXT: Record<MemberNotice, string> = {
  invited: 'Invited: the invitation email is on its way (its link works once, for 72 hours).',
  changed: 'Saved.',
  removed: 'Removed: their sessions have ended and their API tokens are revoked.',
  resent: 'A new invitation is on its way; the links sent before no longer work.',
}

const ROLE_OPTIONS = MEMBER_ROLES.map((role) => [role, role] as const)

const ROLE_HINT =
  'owner: everything, including members, tokens and settings; editor: incidents, maintenance, components, areas, templates, subscribers; viewer: reads only.'

function memberPath(member: Member, rest = ''): string {
  return `/console/members/${encodeURIComponent(member.id)}${rest}`
}

/** A domain refusal (409), read out at once, with nothing changed. */
function Problem(props: { message?: string | undefined }) {
  if (!props.message) return null
  return (
    <div class="form-error" role="alert">
      <p>
        <strong>Nothing was changed:</strong> {props.message}
      </p>
    </div>
  )
}

function LastSignIn(props: { member: Member }) {
  return props.member.lastSignInAt ? <Time iso={props.member.lastSignInAt} /> : <>never</>
}

/** Every member, and the form that invites one. */
export function MembersPage(props: {
  frame: ConsoleFrame
  members: Member[]
  form: FormState
  notice?: MemberNotice | undefined
}) {
  return (
    <ConsoleLayout
      {...props.frame}
      title="Members"
      current="members"
      notice={props.notice ? NOTICE_TEXT[props.notice] : undefined}
    >
      <div class="table-scroll">
        <table>
          <caption>People who may sign in to this console</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr>
                <td>{m.email}</td>
                <td>{m.name ?? '—'}</td>
                <td>{m.role}</td>
                <td>{m.status}</td>
                <td>
                  <LastSignIn member={m} />
                </td>
                <td>
                  <a href={memberPath(m)}>
                    Change<span class="visually-hidden"> {m.email}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="invite">Invite someone</h2>
      <ErrorSummary state={props.form} idPrefix="invite" />
      <form method="post" action="/console/members" class="form" aria-labelledby="invite">
        <CsrfField token={props.frame.csrfToken} />
        <InputField
          idPrefix="invite"
          name="email"
          label="Email"
          type="email"
          maxlength={254}
          autocomplete="off"
          required
          state={props.form}
        />
        <InputField
          idPrefix="invite"
          name="name"
          label="Name"
          maxlength={100}
          autocomplete="off"
          hint="Optional."
          state={props.form}
        />
        <SelectField
          idPrefix="invite"
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          fallback="editor"
          hint={ROLE_HINT}
          state={props.form}
        />
        <button type="submit">Send invitation</button>
      </form>
    </ConsoleLayout>
  )
}

/** One member: their name and role to change, a new invitation while invited, removing. */
export function MemberPage(props: {
  frame: ConsoleFrame
  member: Member
  form: FormState
  problem?: string | undefined
  notice?: MemberNotice | undefined
}) {
  const m = props.member
  return (
    <ConsoleLayout
      {...props.frame}
      title={m.name ? `${m.name} (${m.email})` : m.email}
      current="members"
      notice={props.notice ? NOTICE_TEXT[props.notice] : undefined}
    >
      <p>
        <a href="/console/members">All members</a>
      </p>
      <Problem message={props.problem} />
      <dl class="facts">
        <dt>Email</dt>
        <dd>{m.email}</dd>
        <dt>Status</dt>
        <dd>{m.status}</dd>
        <dt>Invited</dt>
        <dd>
          <Time iso={m.createdAt} />
        </dd>
        <dt>Last sign-in</dt>
        <dd>
          <LastSignIn member={m} />
        </dd>
      </dl>
      <h2 id="change">Name and role</h2>
      <ErrorSummary state={props.form} idPrefix="member" />
      <form method="post" action={memberPath(m)} class="form" aria-labelledby="change">
        <CsrfField token={props.frame.csrfToken} />
        <InputField
          idPrefix="member"
          name="name"
          label="Name"
          maxlength={100}
          autocomplete="off"
          fallback={m.name ?? ''}
          hint="Leave empty for no name."
          state={props.form}
        />
        <SelectField
          idPrefix="member"
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          fallback={m.role}
          hint={ROLE_HINT}
          state={props.form}
        />
        <button type="submit">Save</button>
      </form>
      {m.status === 'invited' ? (
        <>
          <h2>Invitation</h2>
          <p>They have not accepted yet. A new invitation replaces the links sent before.</p>
          <form method="post" action={memberPath(m, '/resend')} class="inline-form">
            <CsrfField token={props.frame.csrfToken} />
            <button type="submit" class="secondary">
              Send the invitation again
            </button>
          </form>
        </>
      ) : null}
      <h2>Remove</h2>
      <p>
        <a class="button" href={memberPath(m, '/remove')}>
          Remove {m.email}…
        </a>
      </p>
    </ConsoleLayout>
  )
}

/** Are you sure? Removing ends the member's sessions and revokes their API tokens. */
export function RemoveMemberPage(props: {
  frame: ConsoleFrame
  member: Member
  problem?: string | undefined
}) {
  const m = props.member
  return (
    <ConsoleLayout {...props.frame} title={`Remove ${m.email}?`} current="members">
      <Problem message={props.problem} />
      <p>
        <strong>{m.email}</strong> ({m.role}) will no longer be able to sign in. Their sessions end
        at once and the API tokens they minted are revoked. The audit log keeps what they did.
      </p>
      <form method="post" action={memberPath(m, '/remove')} class="inline-form">
        <CsrfField token={props.frame.csrfToken} />
        <button type="submit" class="danger">
          Remove member
        </button>
        <a href={memberPath(m)}>Cancel</a>
      </form>
    </ConsoleLayout>
  )
}
