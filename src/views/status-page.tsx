import type { PublicView } from '../domain/public-view'
import { useReader } from '../i18n/reader-context'
import { overallWord } from '../i18n/status-labels'
import { ComponentList } from './component-list'
import { IncidentCard } from './incident-card'
import { Layout } from './layout'
import { PastList, recentlyClosed } from './past-list'
import { Time } from './time'

const RECENT_DAYS = 7
/** At most this many of the last week's closed items are listed; the rest are in the history. */
export const PAST_SHOWN = 10

const OVERALL_GLYPHS = { none: '✓', minor: '!', major: '▲', critical: '✕' } as const

/**
 * The status page: overall status, open incidents, maintenance in progress, what is upcoming
 * (known faults posted early and scheduled maintenance),
 * components by group with 90-day bars, and the last week's closed incidents (the latest
 * PAST_SHOWN of them, with how many more the full history holds), so a busy week does not make
 * every reader download its whole log.
 */
export function StatusPage(props: { view: PublicView }) {
  const { view } = props
  const reader = useReader()
  const { t } = reader
  const now = view.ctx.now
  const status = view.status()
  const open = view.currentIncidents()
  const active = view.activeMaintenances()
  const upcoming = [...view.upcomingIncidents(), ...view.upcomingMaintenances()]
  const past = recentlyClosed([...view.incidents(), ...view.maintenances()], now, RECENT_DAYS)
  const maintenanceOnly =
    status.indicator === 'none' &&
    view.snapshot.components.some((c) => c.status === 'under_maintenance')
  const overall = overallWord(reader, status.indicator, maintenanceOnly)
  const page = view.pageName
  return (
    <Layout
      pageName={page}
      title={t('status.title', { page })}
      description={`${page}: ${overall}`}
      current="status"
    >
      <section
        class={`overall tone-${maintenanceOnly ? 'maintenance' : status.indicator}`}
        aria-labelledby="overall"
      >
        <h1 id="overall">
          <span class="glyph" aria-hidden="true">
            {maintenanceOnly ? '⚙' : OVERALL_GLYPHS[status.indicator]}
          </span>{' '}
          {overall}
        </h1>
        <p>{reader.rich('status.lastChange', { time: <Time iso={view.snapshot.builtAt} /> })}</p>
      </section>

      {open.length > 0 ? (
        <section aria-labelledby="open-incidents">
          <h2 id="open-incidents">{t('status.currentIncidents')}</h2>
          {open.map((incident) => (
            <IncidentCard incident={incident} />
          ))}
        </section>
      ) : null}

      {active.length > 0 ? (
        <section aria-labelledby="maintenance">
          <h2 id="maintenance">{t('status.maintenanceInProgress')}</h2>
          {active.map((m) => (
            <IncidentCard incident={m} />
          ))}
        </section>
      ) : null}

      {upcoming.length > 0 ? (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t('status.upcoming')}</h2>
          {upcoming.map((item) => (
            <IncidentCard incident={item} />
          ))}
        </section>
      ) : null}

      <section aria-labelledby="components">
        <h2 id="components">{t('status.components')}</h2>
        {view.snapshot.components.length > 0 ? (
          <ComponentList
            components={view.components()}
            bars={{ dailyStatus: view.snapshot.dailyStatus, builtAt: view.snapshot.builtAt, now }}
          />
        ) : (
          <p>{t('status.noComponents')}</p>
        )}
      </section>

      <section aria-labelledby="past-incidents">
        <h2 id="past-incidents">{t('status.pastIncidents')}</h2>
        {past.length > 0 ? (
          <PastList incidents={past.slice(0, PAST_SHOWN)} />
        ) : (
          <p>{t('status.nothingResolved', { days: RECENT_DAYS })}</p>
        )}
        {past.length > PAST_SHOWN ? (
          <p>{t('status.moreResolved', { count: past.length - PAST_SHOWN, days: RECENT_DAYS })}</p>
        ) : null}
        <p>
          <a href="/history">{t('status.fullHistory')}</a>
        </p>
      </section>
    </Layout>
  )
}
