// What machine a benchmark ran on, printed beside its figures.

import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './wrangler.mjs'

/** The 1-minute load average, to show how busy the machine was. */
export function loadAverage() {
  return os.loadavg()[0].toFixed(2)
}

/** The version field of an installed package. */
async function packageVersion(name) {
  const file = path.join(ROOT, 'node_modules', name, 'package.json')
  return JSON.parse(await readFile(file, 'utf8')).version
}

/** The machine summary line: cores, CPU model, Node, wrangler and `tools` versions, load. */
export async function machineLine(tools = []) {
  const cpus = os.cpus()
  const versions = []
  for (const name of ['wrangler', ...tools]) versions.push(`${name}=${await packageVersion(name)}`)
  return [
    `machine: nproc=${os.availableParallelism()}`,
    `cpu="${cpus[0]?.model.trim() ?? 'unknown'}"`,
    `node=${process.version}`,
    ...versions,
    `platform=${os.platform()}-${os.arch()}`,
    `loadavg=${loadAverage()}`,
  ].join(' ')
}
