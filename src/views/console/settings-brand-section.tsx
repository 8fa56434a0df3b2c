import { logoDisplaySize, MAX_FOOTER_LINKS, type PageBrand } from '../../domain/brand'
import { CheckboxField, CsrfField, ErrorSummary, Field, FieldGroup, InputField } from './fields'
import type { FormState } from './fields'

/** A file chooser with its label, hint and error, as the other fields. */
function FileField(props: {
  name: string
  label: string
  accept: string
  hint: string
  state: FormState
}) {
  const id = `brand-${props.name}`
  const error = props.state.errors[props.name]
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        type="file"
        name={props.name}
        accept={props.accept}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
      />
    </Field>
  )
}

/**
 * The page's brand (owners only): logo and favicon uploads, accent colour, support link and
 * footer links, one multipart form posted to `/console/settings/brand`.
 */
export function BrandSection(props: { csrf: string; state: FormState; current: PageBrand }) {
  const { state, current } = props
  const logo = current.logo
  return (
    <section id="brand">
      <h2>Brand</h2>
      <p>How public pages, the widget and subscriber emails carry your name and colour.</p>
      <form method="post" action="/console/settings/brand" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <ErrorSummary state={state} idPrefix="brand" />
        {logo ? (
          <p>
            Current logo:{' '}
            <img src={`/brand/${logo.key}`} alt="Current logo" {...logoDisplaySize(logo)} />
          </p>
        ) : null}
        <FileField
          name="logo"
          label="Logo"
          accept="image/png,image/jpeg,image/webp"
          hint="PNG, JPEG or WebP, at most 512 KB; shown in the header at most 200 × 40 pixels, in place of the name. SVG is not accepted (it can carry scripts)."
          state={state}
        />
        {logo ? (
          <CheckboxField
            idPrefix="brand"
            name="remove_logo"
            label="Remove the logo"
            state={state}
            fresh={false}
          />
        ) : null}
        <FileField
          name="favicon"
          label="Favicon"
          accept="image/png,image/x-icon,.ico"
          hint={`PNG or ICO, at most 128 KB.${current.favicon ? ' One is set.' : ''}`}
          state={state}
        />
        {current.favicon ? (
          <CheckboxField
            idPrefix="brand"
            name="remove_favicon"
            label="Remove the favicon"
            state={state}
            fresh={false}
          />
        ) : null}
        <InputField
          idPrefix="brand"
          name="accent_color"
          label="Accent colour"
          state={state}
          maxlength={7}
          placeholder="#0550ae"
          hint="#rrggbb for links and buttons on public pages, the widget's links and the email header bar. It needs a contrast of at least 4.5:1 against white. Empty: Candor's blue."
        />
        <InputField
          idPrefix="brand"
          name="support_url"
          label="Support link"
          type="url"
          state={state}
          maxlength={2000}
          hint="“Contact support” on every public page: an https://, http:// or mailto: link. Empty: none."
        />
        <FieldGroup
          legend="Footer links"
          hint={`Up to ${MAX_FOOTER_LINKS}, in order; https:// or http:// only. Leave a row empty to drop it.`}
        >
          {Array.from({ length: MAX_FOOTER_LINKS }, (_, i) => (
            <>
              <InputField
                idPrefix="brand"
                name={`footer_links.${i}.label`}
                label={`Link ${i + 1} label`}
                state={state}
                maxlength={80}
              />
              <InputField
                idPrefix="brand"
                name={`footer_links.${i}.url`}
                label={`Link ${i + 1} URL`}
                type="url"
                state={state}
                maxlength={2000}
              />
            </>
          ))}
        </FieldGroup>
        <button type="submit">Save brand</button>
      </form>
    </section>
  )
}
