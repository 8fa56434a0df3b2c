import type { Area, Component } from '../../domain/types'
import type { Webhook } from '../../domain/webhooks'
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  FieldGroup,
  InputField,
  SelectField,
  type FormState,
} from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'

export const FORMAT_OPTIONS = [
  ['', 'Detect from the URL'],
  ['standard', 'Standard (signed Candor event)'],
  ['slack', 'Slack'],
  ['discord', 'Discord'],
  ['teams', 'Microsoft Teams'],
] as const

/** The names of what a webhook follows ("everything" when nothing is chosen). */
export function followsText(w: Webhook, components: Component[], areas: Area[]): string {
  const names = [
    ...w.componentIds.map((id) => components.find((c) => c.id === id)?.name ?? id),
    ...w.areaIds.map((id) => `${areas.find((a) => a.id === id)?.name ?? id} (area)`),
  ]
  return names.length ? names.join(', ') : 'everything'
}

/** The new-webhook form: URL (the outbound-URL rules' message beside it), format, owner, targets. */
function NewWebhookForm(props: {
  csrf: string
  state: FormState
  fresh: boolean
  components: Component[]
  areas: Area[]
}) {
  const { state } = props
  return (
    <form method="post" action="/console/webhooks" class="webhook-form">
      <CsrfField token={props.csrf} />
      <ErrorSummary state={state} idPrefix="webhook" />
      <InputField
        idPrefix="webhook"
        name="url"
        label="URL"
        type="url"
        required
        maxlength={2000}
        state={state}
        hint="https:// only, and not a local or private address."
      />
      <SelectField
        idPrefix="webhook"
        name="format"
        label="Format"
        options={FORMAT_OPTIONS}
        state={state}
      />
      <InputField
        idPrefix="webhook"
        name="email"
        label="Owner’s email (optional)"
        type="email"
        maxlength={320}
        state={state}
        hint="Told if the webhook is disabled."
      />
      {props.components.length ? (
        <FieldGroup legend="Components" hint="None chosen (and no areas) means everything.">
          {props.components.map((c) => (
            <CheckboxField
              idPrefix="webhook"
              name="component_ids"
              value={c.id}
              label={c.name}
              state={state}
              fresh={props.fresh}
            />
          ))}
        </FieldGroup>
      ) : null}
      {props.areas.length ? (
        <FieldGroup legend="Areas">
          {props.areas.map((a) => (
            <CheckboxField
              idPrefix="webhook"
              name="area_ids"
              value={a.id}
              label={a.name}
              state={state}
              fresh={props.fresh}
            />
          ))}
        </FieldGroup>
      ) : null}
      <button type="submit">Create webhook</button>
    </form>
  )
}

/** The webhooks: each one's URL, format, state and what it follows; and a form for a new one. */
export function WebhooksPage(props: {
  frame: ConsoleFrame
  webhooks: Webhook[]
  components: Component[]
  areas: Area[]
  form: FormState
  fresh: boolean
  notice?: string
}) {
  return (
    <ConsoleLayout {...props.frame} title="Webhooks" current="webhooks" notice={props.notice}>
      {props.webhooks.length === 0 ? (
        <p>No webhook yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Format</th>
                <th scope="col">State</th>
                <th scope="col">Follows</th>
              </tr>
            </thead>
            <tbody>
              {props.webhooks.map((w) => (
                <tr>
                  <td>
                    <a href={`/console/webhooks/${encodeURIComponent(w.id)}`}>{w.url}</a>
                  </td>
                  <td>{w.format}</td>
                  <td>
                    {w.status}
                    {w.disabledReason ? <> — {w.disabledReason}</> : null}
                  </td>
                  <td>{followsText(w, props.components, props.areas)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>New webhook</h2>
      <NewWebhookForm
        csrf={props.frame.csrfToken}
        state={props.form}
        fresh={props.fresh}
        components={props.components}
        areas={props.areas}
      />
    </ConsoleLayout>
  )
}

/** The answer to creating a webhook or rotating its secret: the secret, shown this once. */
export function WebhookSecretPage(props: {
  frame: ConsoleFrame
  webhook: Webhook
  secret: string
  rotated: boolean
}) {
  return (
    <ConsoleLayout
      {...props.frame}
      title={props.rotated ? 'New signing secret' : 'Webhook created'}
      current="webhooks"
    >
      <p role="status">
        {props.rotated
          ? 'The webhook has a new signing secret. The old one keeps signing alongside it for 24 hours.'
          : 'The webhook is active and gets the next event.'}{' '}
        Copy its signing secret now: <strong>it is not shown again</strong>.
      </p>
      <dl class="facts">
        <dt>URL</dt>
        <dd>{props.webhook.url}</dd>
        <dt>Signing secret</dt>
        <dd>
          <code class="webhook-secret">{props.secret}</code>
        </dd>
      </dl>
      <p>
        <a href={`/console/webhooks/${encodeURIComponent(props.webhook.id)}`}>Go to the webhook</a>{' '}
        · <a href="/console/webhooks">All webhooks</a>
      </p>
    </ConsoleLayout>
  )
}
