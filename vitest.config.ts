import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/**
 * Projects: `worker` runs inside workerd with local D1 and KV (domain, db and route tests);
 * `tools` runs in Node over the sources themselves (import rules); `browser` and `e2e` run in
 * Node and drive a real `wrangler dev` process.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'))
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest(({ inject }) => ({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ADMIN_TOKEN: 'test-admin-token',
                  ALLOW_HTTP_WEBHOOKS: 'true',
                  // The real SMTP server started by the global setup.
                  SMTP_URL: inject('smtpUrl'),
                  EMAIL_FROM: 'status@candor.test',
                  // Signs ops alerts; each clock test points OPS_WEBHOOK_URL at its receiver.
                  OPS_WEBHOOK_SECRET: 'whsec_b3BzLWFsZXJ0LXNpZ25pbmctc2VjcmV0LWZvci10ZXN0cw==',
                },
              },
            })),
          ],
          test: {
            name: 'worker',
            // Some tests drive several queue batches and a real SMTP round trip; on a busy
            // 2-core machine those take longer than vitest's 5 s default.
            testTimeout: 30_000,
            // Most of a worker test's time is spent waiting (queue batch windows, SMTP, HTTP
            // receivers), so three files at once finish far sooner even on two cores.
            maxWorkers: 3,
            globalSetup: ['./tests/support/global-setup.ts'],
            include: ['tests/worker/**/*.test.ts', 'tests/worker/**/*.test.tsx'],
            setupFiles: ['./tests/worker/apply-migrations.ts'],
          },
        },
        {
          test: {
            name: 'browser',
            // Each file starts its own wrangler dev (and Chromium): mostly waiting, so two
            // files at once halve the wall time on two cores. Browser and e2e files run as one
            // group after the worker files (vitest wants a group per maxWorkers).
            maxWorkers: 2,
            sequence: { groupOrder: 1 },
            include: ['tests/browser/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          test: {
            name: 'tools',
            include: ['tests/tools/**/*.test.ts'],
            environment: 'node',
          },
        },
        {
          test: {
            name: 'e2e',
            // Each file starts its own wrangler dev (and Chromium): mostly waiting, so two
            // files at once halve the wall time on two cores. Browser and e2e files run as one
            // group after the worker files (vitest wants a group per maxWorkers).
            maxWorkers: 2,
            sequence: { groupOrder: 1 },
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }
})
