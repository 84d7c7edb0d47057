import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // `server-only` throws outside React Server Components; the tests import server modules directly.
    alias: { "server-only": path.resolve("lib/test/empty.ts"), "@": path.resolve(".") },
  },
  test: {
    include: ["**/*.test.ts"],
    // *.pg.test.ts need a real PostgreSQL (an outage they cause on purpose): the integration run on DATABASE_URL.
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**", ...(process.env.DATABASE_URL ? [] : ["**/*.pg.test.ts"])],
    globalSetup: ["lib/test/global-setup.ts"],
    setupFiles: ["lib/test/setup-db.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
