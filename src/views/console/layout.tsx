import type { Child } from 'hono/jsx'
import { roleReaches, type Member } from '../../domain/members'
import { CONSOLE_NAV } from './nav'

/** What every console screen is given to draw its frame. */
export interface ConsoleFrame {
  pageName: string
  member: Member
  csrfToken: string
}

/**
 * The frame of every signed-in console screen: the navigation (only the screens the member's
 * role reaches), a notice after a change, the screen's heading and body, and who is signed in
 * with the sign-out button. Works without JavaScript; `console.js` only enhances.
 */
export function ConsoleLayout(
  props: ConsoleFrame & {
    title: string
    current: string
    notice?: string
    /** Extra controls beside the heading (e.g. "New incident"). */
    actions?: Child
    /** A screen's own enhancement scripts (files in public/console-assets/, e.g. `/console-assets/now.js`). */
    scripts?: readonly string[]
    children?: Child
  },
) {
  const entries = CONSOLE_NAV.filter((entry) => roleReaches(props.member.role, entry.role))
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${props.pageName} console`}</title>
        <link rel="stylesheet" href="/style.css" />
        <link rel="stylesheet" href="/console.css" />
        <link rel="stylesheet" href="/console-screens.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <script src="/console.js" defer></script>
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body class="console">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="console-header">
          <a class="brand" href="/console">
            {props.pageName} <span class="console-tag">console</span>
          </a>
          <nav aria-label="Console">
            <ul class="console-nav">
              {entries.map((entry) => (
                <li>
                  <a
                    href={entry.href}
                    aria-current={entry.key === props.current ? 'page' : undefined}
                  >
                    {entry.label}
                  </a>
                </li>
              ))}
              <li>
                <a href="/">Public page</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class="console-main">
          <div class="console-title">
            <h1>{props.title}</h1>
            {props.actions ?? null}
          </div>
          {props.notice ? (
            <p class="console-notice" role="status">
              {props.notice}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="console-footer">
          <p>
            Signed in as <strong>{props.member.name ?? props.member.email}</strong>
            {props.member.name ? <> ({props.member.email})</> : null}, role{' '}
            <strong>{props.member.role}</strong>.
          </p>
          <form method="post" action="/console/sign-out" class="inline-form">
            <input type="hidden" name="csrf" value={props.csrfToken} />
            <button type="submit">Sign out</button>
          </form>
        </footer>
      </body>
    </html>
  )
}
