// The one way `npm run deploy` calls wrangler: a runner that captures stdout and stderr
// separately (stdout carries the JSON), or hands the terminal over for interactive steps.

import { spawn } from 'node:child_process'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { ROOT, wranglerEnv } from './wrangler.mjs'

/** The project's own wrangler; the WRANGLER environment variable names another executable. */
export function wranglerBin(env = process.env) {
  return env.WRANGLER || path.join(ROOT, 'node_modules', '.bin', 'wrangler')
}

/**
 * A runner: `run(args, { inherit })` resolves to `{ code, stdout, stderr }`; with `inherit`
 * wrangler's output goes straight to this terminal (and stdout/stderr come back empty).
 */
export function createRunner({
  bin = wranglerBin(),
  cwd = ROOT,
  env = wranglerEnv({ WRANGLER_HIDE_BANNER: 'true' }),
} = {}) {
  return function run(args, { inherit = false } = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(bin, args, {
        cwd,
        env,
        stdio: inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout?.on('data', (d) => (stdout += d))
      child.stderr?.on('data', (d) => (stderr += d))
      child.on('error', (error) =>
        reject(new Error(`Could not start ${bin} (${error.message}); run npm install`)),
      )
      child.on('exit', (code, signal) =>
        resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr }),
      )
    })
  }
}

/** Runs `args`; returns stdout, or throws with the command and its output if it failed. */
export async function runOrThrow(run, args, options) {
  const result = await run(args, options)
  if (result.code !== 0) {
    const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`).trim()
    throw new Error(`wrangler ${args.join(' ')} failed (exit code ${result.code})\n${output}`)
  }
  return result.stdout
}
