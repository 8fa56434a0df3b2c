import type { MailSession, Mailer } from '../types'

/**
 * A Mailer from a way to open sessions: send() sends its messages one after the other over one
 * session, then closes it.
 */
export function mailerOverSessions(open: () => MailSession): Mailer {
  return {
    open,
    async send(messages) {
      const session = open()
      try {
        const results = []
        for (const message of messages) results.push(await session.send(message))
        return results
      } finally {
        await session.close()
      }
    },
  }
}
