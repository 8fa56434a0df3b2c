// Copies the browser libraries the console's pages load into public/console-assets/vendor/,
// so they are served from our own origin (no CDN; the pages' policy allows scripts from 'self').
// The copies are git-ignored: `npm start`, `npm run dev`, `npm test` and `npm run deploy` run
// this first, from whatever `npm ci` installed. `node scripts/vendor-assets.mjs` runs it alone.

import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const VENDOR_DIR = path.join(ROOT, 'public', 'console-assets', 'vendor')

/** [file in node_modules (not in the packages' exports, so read by path), name served]. */
const FILES = [
  ['@simplewebauthn/browser/dist/bundle/index.umd.min.js', 'simplewebauthn-browser.js'],
]

/** Copies every vendored file; returns the paths written. */
export async function vendorAssets() {
  await mkdir(VENDOR_DIR, { recursive: true })
  const written = []
  for (const [from, to] of FILES) {
    const target = path.join(VENDOR_DIR, to)
    await copyFile(path.join(ROOT, 'node_modules', from), target)
    written.push(target)
  }
  return written
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await vendorAssets()
}
