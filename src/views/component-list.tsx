import { alignDailyStatus } from '../domain/daily-status'
import { worseStatus } from '../domain/page-status'
import type { ComponentStatus } from '../domain/types'
import type { ComponentJson } from '../schemas/statuspage'
import { useReader } from '../i18n/reader-context'
import { ComponentHelp } from './brand/component-help'
import { ComponentStatusBadge } from './labels'
import { visuallyHidden, type Markup } from './rich'
import { UptimeBars } from './uptime-bars'

/** What the component list needs besides the components: the bars and the clock. */
export interface BarsSource {
  dailyStatus: Record<string, (ComponentStatus | null)[]>
  builtAt: string
  now: Date
}

const byPosition = (a: ComponentJson, b: ComponentJson) => a.position - b.position

/** A component is listed unless it asked to appear only when degraded and is operational. */
function isListed(c: ComponentJson): boolean {
  return !(c.only_show_if_degraded && c.status === 'operational')
}

function ComponentRow(props: { component: ComponentJson; bars: BarsSource }) {
  const c = props.component
  const days = props.bars.dailyStatus[c.id]
  return (
    <li class="component">
      <div class="row">
        <span class="name">{c.name}</span>
        <ComponentStatusBadge status={c.status} />
      </div>
      {c.description ? (
        <p class="description" dir="auto">
          {c.description}
        </p>
      ) : null}
      <ComponentHelp component={c} />
      {c.showcase && days ? (
        <UptimeBars
          componentId={c.id}
          days={alignDailyStatus(days, props.bars.builtAt, props.bars.now, c.status)}
          now={props.bars.now}
        />
      ) : null}
    </li>
  )
}

function GroupItem(props: { group: ComponentJson; members: ComponentJson[]; bars: BarsSource }) {
  const headingId = `group-${props.group.id}`
  const worst = props.members.map((m) => m.status).reduce(worseStatus, 'operational')
  return (
    <li class="group">
      <section aria-labelledby={headingId}>
        <div class="row">
          <h3 id={headingId}>{props.group.name}</h3>
          <ComponentStatusBadge status={worst} />
        </div>
        <ul class="components">
          {props.members.map((member) => (
            <ComponentRow component={member} bars={props.bars} />
          ))}
        </ul>
      </section>
    </li>
  )
}

/**
 * Components in position order, each group with its members beneath it; a group shows the
 * worst status among its members. Each component gets its 90-day bars when showcased.
 */
export function ComponentList(props: { components: ComponentJson[]; bars: BarsSource }) {
  const listed = props.components.filter((c) => c.group || isListed(c)).sort(byPosition)
  const topLevel = listed.filter((c) => c.group_id === null)
  return (
    <ul class="components">
      {topLevel.map((c) => {
        if (!c.group) return <ComponentRow component={c} bars={props.bars} />
        const members = listed.filter((m) => m.group_id === c.id && !m.group)
        return members.length > 0 ? (
          <GroupItem group={c} members={members} bars={props.bars} />
        ) : null
      })}
    </ul>
  )
}
