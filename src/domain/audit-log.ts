import { selectAudit, type AuditEntry } from '../db/audit'
import { selectOutbox, type OutboxEvent } from '../db/outbox'

/** The newest `limit` entries of the audit log: who changed what, newest first. */
export function listAudit(db: D1Database, limit: number): Promise<AuditEntry[]> {
  return selectAudit(db, limit)
}

/** The newest `limit` events of the outbox, dispatched or not, newest first. */
export function listOutbox(db: D1Database, limit: number): Promise<OutboxEvent[]> {
  return selectOutbox(db, limit)
}
