import type { Session } from './domain/sessions'
import type { Actor } from './domain/types'
import type { AppEnv } from './env'

/** Hono's type parameters for every Candor app and sub-app. */
export interface AppBindings {
  Bindings: AppEnv
  Variables: {
    actor: Actor
    requestId: string
    /** Set by `accessSignIn()` when a Cloudflare Access assertion verifies. */
    accessEmail?: string
    /** The console session, set by `consoleSession()` on every signed-in console screen. */
    session?: Session
  }
}
