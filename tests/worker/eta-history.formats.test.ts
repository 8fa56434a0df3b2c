import { describe, expect, it } from 'vitest'
import { discordMessage, slackMessage, teamsMessage } from '../../src/notify/webhooks/chat-formats'
import { eventMessage, incident } from './email-fixtures'

const HISTORY = 'ETA moved 2 times: Mon 23 Nov 18:00 → Tue 24 Nov 18:00 → Wed 25 Nov 18:00 UTC'

/** The incident of the fixtures: its ETA moved twice, Mon 18:00 → Tue 18:00 → Wed 18:00. */
const moved = () => eventMessage('incident.updated', { incident: incident() })

describe('every move of the ETA, said the same way in each format', () => {
  it('Slack has an "ETA history" field', () => {
    const body = JSON.stringify(slackMessage(moved()))
    expect(body).toContain(`*ETA history*\\n${HISTORY}`)
  })

  it('Discord has an "ETA history" field', () => {
    const embed = (discordMessage(moved()) as any).embeds[0]
    expect(embed.fields).toContainEqual({ name: 'ETA history', value: HISTORY, inline: false })
  })

  it('Teams has an "ETA history" fact', () => {
    const card = (teamsMessage(moved()) as any).attachments[0].content
    const facts = card.body.find((b: any) => b.type === 'FactSet').facts
    expect(facts).toContainEqual({ title: 'ETA history', value: HISTORY })
  })

  it('an ETA that never moved adds no history line', () => {
    const once = incident({
      eta_history: [incident().eta_history[0]!],
      eta_moves: 0,
    })
    const body = JSON.stringify(slackMessage(eventMessage('incident.updated', { incident: once })))
    expect(body).not.toContain('ETA history')
  })

  it('a passed ETA is said as passed in each format, never as if it still stood', () => {
    const passed = eventMessage('incident.updated', { incident: incident({ eta_passed: true }) })
    const plain = eventMessage('incident.updated', { incident: incident() })
    for (const format of [slackMessage, discordMessage, teamsMessage]) {
      expect(JSON.stringify(format(passed))).toContain('passed — no new estimate yet')
      expect(JSON.stringify(format(plain))).not.toContain('passed')
    }
  })
})
