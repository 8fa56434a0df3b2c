// A sign-in link for the owner of a local Candor, got the way anyone gets one: the console's
// sign-in form is posted (same origin), the Worker mails a single-use link through its mail
// queue, and the link is read from the message the local mail sink kept.

import { readFile } from 'node:fs/promises'
import { simpleParser } from 'mailparser'

/** The first owner's address when OWNER_EMAIL is not set. */
export const DEFAULT_OWNER_EMAIL = 'owner@localhost'

/**
 * Watches the mail sink's messages: `onMessage` is the sink's hook (it also calls `forward`,
 * e.g. the sink's usual console line); `next(test, timeoutMs)` waits for the next message that
 * passes `test`, or null.
 */
export function mailWatcher(forward = () => {}) {
  const waiters = new Set()
  return {
    onMessage(message) {
      forward(message)
      for (const waiter of waiters) {
        if (waiter.test(message)) {
          waiters.delete(waiter)
          waiter.resolve(message)
        }
      }
    },
    next(test, timeoutMs) {
      return new Promise((resolve) => {
        const waiter = { test, resolve }
        waiters.add(waiter)
        setTimeout(() => {
          if (waiters.delete(waiter)) resolve(null)
        }, timeoutMs).unref()
      })
    },
  }
}

/** The console sign-in link in a kept .eml file, or null. */
async function linkInMail(file) {
  const parsed = await simpleParser(await readFile(file))
  const text = `${parsed.text ?? ''}\n${typeof parsed.html === 'string' ? parsed.html : ''}`
  return /https?:\/\/[^\s"<>]+\/console\/sign-in\/[A-Za-z0-9_%-]+/.exec(text)?.[0] ?? null
}

/**
 * Asks `baseUrl`'s sign-in form for a link for `email` and returns the link from the mail that
 * arrives (single-use, 15 minutes), or null when none comes within `timeoutMs` (not a member,
 * or too many links asked for lately).
 */
export async function ownerSignInLink({ baseUrl, email, watcher, timeoutMs = 30_000 }) {
  const wanted = email.toLowerCase()
  const arrived = watcher.next(
    (message) => message.to.some((to) => to.toLowerCase() === wanted),
    timeoutMs,
  )
  const res = await fetch(`${baseUrl}/console/sign-in`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
    redirect: 'manual',
  })
  if (res.status !== 200) {
    throw new Error(`asking for a sign-in link for ${email} answered ${res.status}`)
  }
  const message = await arrived
  return message ? linkInMail(message.file) : null
}
