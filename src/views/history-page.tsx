import type { EtaStats } from '../domain/eta-stats'
import { EtaRecord } from './eta-record'
import type { HistoryMonth } from './history-months'
import type { PresentedIncident } from '../domain/presented-incident'
import { Layout } from './layout'
import { PastList } from './past-list'
import { useReader } from '../i18n/reader-context'

const monthValue = (m: HistoryMonth) => `${m.year}-${String(m.month + 1).padStart(2, '0')}`

/**
 * Past incidents and maintenances by month, newest month first, with links to older and newer
 * pages of months; first, the ETA record of the last 90 days in plain words.
 */
export function HistoryPage(props: {
  pageName: string
  months: { month: HistoryMonth; items: PresentedIncident[] }[]
  page: number
  hasOlder: boolean
  etaStats: EtaStats
}) {
  const { months, page } = props
  const { t, clock } = useReader()
  const heading = t('history.heading')
  return (
    <Layout pageName={props.pageName} title={`${heading} · ${props.pageName}`} current="history">
      <h1>{heading}</h1>
      <EtaRecord stats={props.etaStats} />
      {months.map(({ month, items }) => {
        const headingId = `month-${monthValue(month)}`
        return (
          <section aria-labelledby={headingId}>
            <h2 id={headingId}>
              <time datetime={monthValue(month)}>{clock.month(month.year, month.month)}</time>
            </h2>
            {items.length > 0 ? <PastList incidents={items} /> : <p>{t('history.none')}</p>}
          </section>
        )
      })}
      <nav class="pager" aria-label={t('history.pages')}>
        <ul>
          {page > 0 ? (
            <li>
              <a href={page === 1 ? '/history' : `/history?page=${page - 1}`} rel="prev">
                {t('history.newer')}
              </a>
            </li>
          ) : null}
          {props.hasOlder ? (
            <li>
              <a href={`/history?page=${page + 1}`} rel="next">
                {t('history.older')}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </Layout>
  )
}
