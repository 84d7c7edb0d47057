import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// Auth redirects point at localhost, so the browser must use it too (not 127.0.0.1).
const baseURL = `http://localhost:${PORT}`;
// The institution's OpenID Connect provider (e2e/oidc-idp.mjs) for the single sign-on tests.
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? PORT + 2);
const idpIssuer = `http://localhost:${IDP_PORT}`;
// An LMS speaking LTI 1.3 (e2e/lti-platform.mjs) for the LTI tests.
const LTI_PORT = Number(process.env.E2E_LTI_PORT ?? PORT + 4);
// Each port gets its own PGlite folder, removed before the server starts: every run begins from the seed.
const dataDir = `.data/e2e-${PORT}`;

// `npx playwright install` cannot download browsers here; Debian's chromium works.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd} || test -x /usr/sbin/${cmd}`]).status === 0;
// The cluster project (npm run cluster: nginx → 2 app servers → PgBouncer → PostgreSQL) needs Debian's
// nginx and pgbouncer and a PostgreSQL (the machine's on :5432, or one the script starts); .ci/run
// installs them. Without them the suite runs the rest and says why the cluster part was left out.
const CLUSTER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 3230);
const clusterMissing =
  process.env.E2E_CLUSTER === "0" ? "E2E_CLUSTER=0" : ["nginx", "pgbouncer"].filter((c) => !has(c)).map((c) => `${c} is not installed`).join(", ");
if (clusterMissing && !process.env.PLAYWRIGHT_CLUSTER_NOTICE) {
  process.env.PLAYWRIGHT_CLUSTER_NOTICE = "1";
  console.warn(`\n[e2e] The cluster project is left out: ${clusterMissing} (apt-get install nginx pgbouncer; bash .ci/run does).\n`);
}
// Sign in, edit a canvas from two windows (stale saves merged across servers), submit and review.
const clusterSpecs = ["auth.spec.ts", "canvas.spec.ts", "reviews.spec.ts"];
const clusterTests = /a demo student signs in|two windows editing different notes|four students submit/;
const browserUse = {
  ...devices["Desktop Chrome"],
  // The desktop the product is designed and checked for; phones are tested at 390 × 844 per test.
  viewport: { width: 1440, height: 900 },
  locale: "de-DE",
  launchOptions: {
    executablePath,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One test at a time: the tests of a project share one server and its demo data, and on two cores
  // running the cluster project beside the other gained ~10 % and slowed every test down.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "de-DE",
    // Recording a trace of every test (to keep the failing ones) made the suite ~30 % slower: a
    // failing test is retried on CI (retries: 1), and that retry records one.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: browserUse },
    // The main flows again, through nginx balancing two app servers on PostgreSQL behind PgBouncer.
    ...(clusterMissing ? [] : [{ name: "cluster", testMatch: clusterSpecs, grep: clusterTests, use: { ...browserUse, baseURL: `http://localhost:${CLUSTER_PORT}` } }]),
  ],
  webServer: [
    {
      command: "node e2e/lti-platform.mjs",
      url: `http://localhost:${LTI_PORT}/.well-known/jwks.json`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { LTI_PORT: String(LTI_PORT), TOOL_URL: baseURL, LTI_CLIENT_ID: "werkbank-sim", LTI_DEPLOYMENT_ID: "deploy-1" },
    },
    {
      // Auth.js reads the provider's discovery document on each sign-in: it only has to be up before the first click.
      command: "node e2e/oidc-idp.mjs",
      url: `${idpIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { OIDC_PORT: String(IDP_PORT), OIDC_REDIRECT: `${baseURL}/api/auth/callback/oidc` },
    },
    {
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
        // Single sign-on through e2e/oidc-idp.mjs (e2e/sso.spec.ts).
        AUTH_OIDC_ISSUER: idpIssuer,
        AUTH_OIDC_ID: "werkbank-e2e",
        AUTH_OIDC_SECRET: "werkbank-e2e-secret",
        AUTH_OIDC_LABEL: "Campus-Login",
      },
    },
    ...(clusterMissing
      ? []
      : [
          {
            // One build for every server (the first web server has made it); a fresh database each run.
            command: `node lib/cli/cluster.mjs --fresh --servers 2 --port ${CLUSTER_PORT} --app-port ${CLUSTER_PORT + 1} --pgbouncer-port ${CLUSTER_PORT + 10} --database werkbank_e2e_cluster`,
            url: `http://localhost:${CLUSTER_PORT}/api/health`,
            reuseExistingServer: false,
            timeout: 240_000,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
            env: { NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", SMTP_URL: "" },
          },
        ]),
  ],
});
