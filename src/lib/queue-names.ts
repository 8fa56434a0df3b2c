/** The queues of wrangler.toml, by name: src/index.ts hands each batch to its own consumer. */
export const QUEUES = {
  events: 'candor-events',
  eventsDeadLetters: 'candor-events-dlq',
  deliveries: 'candor-deliveries',
  deliveriesDeadLetters: 'candor-deliveries-dlq',
  opsAlerts: 'candor-ops-alerts',
  opsAlertsDeadLetters: 'candor-ops-alerts-dlq',
} as const
