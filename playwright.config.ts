import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// Auth redirects point at localhost, so the browser must use it too (not 127.0.0.1).
const baseURL = `http://localhost:${PORT}`;
// Each port gets its own PGlite folder, removed before the server starts: every run begins from the seed.
const dataDir = `.data/e2e-${PORT}`;

// `npx playwright install` cannot download browsers here; Debian's chromium works.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "de-DE",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // The desktop the product is designed and checked for; phones are tested at 390 × 844 per test.
        viewport: { width: 1440, height: 900 },
        locale: "de-DE",
        launchOptions: {
          executablePath,
          args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
        },
      },
    },
  ],
  webServer: {
    // Not in globalSetup: the web server starts before it, and the folder must be gone by then.
    command: `rm -rf ${dataDir} && npm run start -- -p ${PORT}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    // start.mjs stops `next start` on SIGTERM, which lets the server close the embedded database
    // cleanly (a SIGKILL would be survived too: the server ends with its parent, lib/startup.ts).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PGLITE_DIR: dataDir,
      // The embedded default seeds the demo accounts; a DATABASE_URL from the shell would skip that.
      // AUTH_SECRET is left alone: start.mjs makes and keeps one when it is unset.
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // e2e/budget.spec.ts reads the server's statement count from /api/health.
      WERKBANK_SQL_COUNT: "1",
    },
  },
});
