import { NO_BRAND, type PageBrand } from './brand'
import type { IncidentJson, MaintenanceJson, PageJson } from '../schemas/statuspage'
import { computePageStatus } from './page-status'
import {
  groupChildren,
  presentComponent,
  presentIncident,
  presentMaintenance,
  presentPage,
  type PresentContext,
} from './present'
import type { Snapshot } from './snapshot'
import { isClosedStatus } from './types'

/**
 * Statuspage v2 documents served from the snapshot. Built per request so time-dependent
 * fields (overdue, ETA passed) are right at the moment of reading.
 */
export class PublicView {
  readonly ctx: PresentContext

  constructor(
    readonly snapshot: Snapshot,
    baseUrl: string,
    readonly configuredName: string | undefined,
    now = new Date(),
  ) {
    this.ctx = {
      pageId: snapshot.page.pageId,
      baseUrl,
      now,
      components: new Map(snapshot.components.map((c) => [c.id, c])),
      children: groupChildren(snapshot.components),
      showAffectedReports: snapshot.page.showAffectedCounts === true,
    }
  }

  /** The page's brand; none in a snapshot built before brands existed. */
  get brand(): PageBrand {
    return this.snapshot.page.brand ?? NO_BRAND
  }

  get pageName(): string {
    return this.snapshot.page.name ?? this.configuredName ?? 'Candor'
  }

  page(): PageJson {
    return presentPage(this.ctx, this.pageName, this.snapshot.page.timeZone, this.snapshot.builtAt)
  }

  status() {
    return computePageStatus(
      this.snapshot.components,
      this.snapshot.incidents.filter((i) => !i.resolvedAt),
    )
  }

  components() {
    return this.snapshot.components.map((c) => presentComponent(c, this.ctx))
  }

  /** The 50 most recent incidents, newest first, plus any older unresolved ones. */
  incidents(): IncidentJson[] {
    return this.snapshot.incidents.map((i) => presentIncident(i, this.ctx))
  }

  unresolvedIncidents(): IncidentJson[] {
    return this.snapshot.incidents
      .filter((i) => !isClosedStatus(i.status))
      .map((i) => presentIncident(i, this.ctx))
  }

  /** Unresolved incidents in effect now (not those posted early and still upcoming). */
  currentIncidents(): IncidentJson[] {
    return this.unresolvedIncidents().filter((i) => !i.upcoming)
  }

  /** Known faults posted early, not in effect yet, soonest first. */
  upcomingIncidents(): IncidentJson[] {
    return this.unresolvedIncidents()
      .filter((i) => i.upcoming)
      .sort((a, b) => (a.expected_start ?? '').localeCompare(b.expected_start ?? ''))
  }

  maintenances(): MaintenanceJson[] {
    return this.snapshot.maintenances.map((m) => presentMaintenance(m, this.ctx))
  }

  upcomingMaintenances(): MaintenanceJson[] {
    return this.maintenances().filter((m) => m.status === 'scheduled')
  }

  activeMaintenances(): MaintenanceJson[] {
    return this.maintenances().filter((m) => m.status === 'in_progress' || m.status === 'verifying')
  }

  summary() {
    return {
      page: this.page(),
      components: this.components(),
      incidents: this.unresolvedIncidents(),
      scheduled_maintenances: [...this.activeMaintenances(), ...this.upcomingMaintenances()],
      status: this.status(),
    }
  }
}
