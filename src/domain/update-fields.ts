import type { StatuspageFields } from './statuspage-fields'
import type { ComponentStatus, Impact, Incident, IncidentUpdate } from './types'

/** The fields an update may carry; an omitted field keeps its value. */
export interface UpdateFields {
  status?: string
  body: string
  name?: string
  impact?: Impact
  components?: Record<string, ComponentStatus>
  area_ids?: string[]
  eta?: string | null
  next_update_at?: string | null
  progress?: number | null
  workaround?: string | null
  next_steps?: string | null
  notify?: boolean
  display_at?: string
  /** On creation: a known fault posted early, expected to take effect at this (future) time. */
  expected_start?: string
  /**
   * While upcoming: whether this update makes it live now (default true: ops posting to it
   * means it is happening); false posts a note and keeps it upcoming.
   */
  go_live?: boolean
  /** Statuspage-only fields to keep (Manage API v1): a key sent replaces that key. */
  statuspage_fields?: StatuspageFields
}

export interface PlannedChange {
  incident: Incident
  update: IncidentUpdate
  statements: D1PreparedStatement[]
}

/** How an update is made: by the clock, or as the cancellation of a scheduled maintenance. */
export interface ChangeOptions {
  /** The update is the clock's, not ops' — it answers no next-update promise. */
  byClock?: boolean
  /**
   * The update calls off a maintenance that has not begun: it closes it as `completed`
   * (Statuspage's last status) with `cancelledAt` set, and leaves component statuses alone.
   */
  cancel?: boolean
  /**
   * The statuses this update applies are the system's doing (a reopen restoring them), not a
   * person's choice: no component is set better than another open incident holds it.
   */
  keepWorseHeld?: boolean
}
