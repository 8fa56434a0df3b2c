import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages'
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  InputField,
  SelectField,
  type FormState,
} from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { IntakeFields } from './settings-intake-fields'
import { BrandSection } from './settings-brand-section'
import type { PageBrand } from '../../domain/brand'

/** The page's settings, its brand and the intake mapping, three forms (owners only). */
export function SettingsPage(props: {
  frame: ConsoleFrame
  notice?: string
  /** The name used when the page has none of its own. */
  fallbackName: string
  timeZones: readonly string[]
  page: FormState
  brand: FormState
  /** The brand in force (its images are shown beside their fields). */
  currentBrand: PageBrand
  intake: FormState
  severities: readonly { index: number; name: string }[]
}) {
  const csrf = props.frame.csrfToken
  return (
    <ConsoleLayout {...props.frame} title="Page settings" current="settings" notice={props.notice}>
      <section id="page">
        <h2>The page</h2>
        <form method="post" action="/console/settings">
          <CsrfField token={csrf} />
          <ErrorSummary state={props.page} idPrefix="page" />
          <InputField
            idPrefix="page"
            name="name"
            label="Page name"
            state={props.page}
            maxlength={200}
            hint={`Empty: “${props.fallbackName}”.`}
          />
          <SelectField
            idPrefix="page"
            name="time_zone"
            label="Time zone"
            state={props.page}
            options={props.timeZones.map((z) => [z, z] as const)}
            hint="Public pages, emails and the widget print times in this zone; the console's forms read them in it."
          />
          <SelectField
            idPrefix="page"
            name="language"
            label="Default language"
            state={props.page}
            options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]] as const)}
            hint="For readers whose browser asks for none Candor speaks. What you write is shown as written."
          />
          <InputField
            idPrefix="page"
            name="dispute_min_votes"
            label="Dispute after this many “still broken” answers"
            type="number"
            min={1}
            max={100000}
            state={props.page}
          />
          <InputField
            idPrefix="page"
            name="dispute_min_share"
            label="…making up at least this share of answers (%)"
            type="number"
            min={0}
            max={100}
            state={props.page}
          />
          <CheckboxField
            idPrefix="page"
            name="show_affected_counts"
            label="Show affected counts on the public page"
            hint="Ops always see them here."
            state={props.page}
            fresh={false}
          />
          <button type="submit">Save page settings</button>
        </form>
      </section>
      <BrandSection csrf={csrf} state={props.brand} current={props.currentBrand} />
      <section id="intake">
        <h2>Alert intake</h2>
        <p>How alerts from monitoring become incidents.</p>
        <form method="post" action="/console/settings/intake">
          <CsrfField token={csrf} />
          <ErrorSummary state={props.intake} idPrefix="intake" />
          <IntakeFields state={props.intake} severities={props.severities} />
          <button type="submit">Save intake settings</button>
        </form>
      </section>
    </ConsoleLayout>
  )
}
