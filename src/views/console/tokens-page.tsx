import { TOKEN_SCOPES, type ApiToken, type TokenScope } from '../../domain/types'
import { Time } from '../time'
import { CsrfField, ErrorSummary, InputField, valuesOf, type FormState } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The API tokens screens (owner only): the list with the mint form, and a new token's secret. */

const SCOPE_TEXT: Record<TokenScope, string> = {
  read: 'read — incidents, components and the rest, without changing them',
  write: 'write — incidents, maintenance, components, areas, subscribers (and read)',
  intake: 'intake — alert intake (Alertmanager and generic alerts) only',
  owner: 'owner — everything, including members, tokens and settings',
}

function Minter(props: { token: ApiToken }) {
  const t = props.token
  if (t.member) return <>{t.member.email}</>
  return <>{t.createdBy ?? 'unknown'}</>
}

/** The scopes as checkboxes, each with its own label; the group's error beside it. */
function ScopeChoices(props: { form: FormState; fresh: boolean }) {
  const error = props.form.errors['scopes']
  const ticked = props.fresh ? ['read'] : valuesOf(props.form, 'scopes')
  return (
    <fieldset
      class={error ? 'field-group field-invalid' : 'field-group'}
      id="mint-scopes"
      aria-describedby={error ? 'mint-scopes-error' : undefined}
    >
      <legend>Scopes</legend>
      {error ? (
        <span class="field-error" id="mint-scopes-error">
          {error}
        </span>
      ) : null}
      {TOKEN_SCOPES.map((scope) => (
        <div class="field field-check">
          <input
            id={`mint-scope-${scope}`}
            type="checkbox"
            name="scopes"
            value={scope}
            checked={ticked.includes(scope)}
          />
          <label for={`mint-scope-${scope}`}>{SCOPE_TEXT[scope]}</label>
        </div>
      ))}
    </fieldset>
  )
}

/** Every token (never a secret), revoking, and the form that mints one. */
export function TokensPage(props: {
  frame: ConsoleFrame
  tokens: ApiToken[]
  form: FormState
  fresh: boolean
  notice?: string | undefined
  problem?: string | undefined
}) {
  return (
    <ConsoleLayout {...props.frame} title="API tokens" current="tokens" notice={props.notice}>
      {props.problem ? (
        <div class="form-error" role="alert">
          <p>
            <strong>Nothing was changed:</strong> {props.problem}
          </p>
        </div>
      ) : null}
      <p>
        A token you mint belongs to you: it acts for you, never beyond your role, and is revoked if
        you are removed. The audit log names you beside it.
      </p>
      <div class="table-scroll">
        <table>
          <caption>Tokens (their secrets are never shown again)</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Minted by</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoked</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>{t.scopes.join(', ')}</td>
                <td>
                  <Minter token={t} />
                </td>
                <td>
                  <Time iso={t.createdAt} />
                </td>
                <td>{t.lastUsedAt ? <Time iso={t.lastUsedAt} /> : 'never'}</td>
                <td>
                  {t.revokedAt ? (
                    <Time iso={t.revokedAt} />
                  ) : (
                    <form
                      method="post"
                      action={`/console/tokens/${encodeURIComponent(t.id)}/revoke`}
                      class="inline-form"
                    >
                      <CsrfField token={props.frame.csrfToken} />
                      <button type="submit" class="danger">
                        Revoke<span class="visually-hidden"> {t.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="mint">Mint a token</h2>
      <ErrorSummary state={props.form} idPrefix="mint" />
      <form method="post" action="/console/tokens" class="form" aria-labelledby="mint">
        <CsrfField token={props.frame.csrfToken} />
        <InputField
          idPrefix="mint"
          name="name"
          label="Name"
          maxlength={100}
          autocomplete="off"
          hint="What it is for, e.g. “deploy pipeline”."
          required
          state={props.form}
        />
        <ScopeChoices form={props.form} fresh={props.fresh} />
        <button type="submit">Mint token</button>
      </form>
    </ConsoleLayout>
  )
}

/** The new token's secret: shown on this page only, never again. */
export function MintedTokenPage(props: {
  frame: ConsoleFrame
  token: ApiToken & { token: string }
}) {
  return (
    <ConsoleLayout {...props.frame} title="Token minted" current="tokens">
      <div class="console-notice" role="status">
        <p>
          Copy <strong>{props.token.name}</strong> now: this is the only time it is shown. Only its
          hash is kept.
        </p>
      </div>
      <dl class="facts">
        <dt>Token</dt>
        <dd>
          <code class="minted-token">{props.token.token}</code>
        </dd>
        <dt>Scopes</dt>
        <dd>{props.token.scopes.join(', ')}</dd>
        <dt>Use it as</dt>
        <dd>
          <code>Authorization: Bearer {props.token.token}</code>
        </dd>
      </dl>
      <p>
        <a href="/console/tokens">Back to API tokens</a>
      </p>
    </ConsoleLayout>
  )
}
