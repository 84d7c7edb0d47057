#!/usr/bin/env node
// `npm test`: typecheck, lint, Vitest, Playwright — every step runs; the run fails if any step fails.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = path.join(root, ".data", "reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: ["--max-warnings", "0", "."] },
  {
    name: "vitest",
    cmd: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`],
  },
  {
    name: "playwright",
    cmd: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "playwright.json") },
  },
];

// typecheck and lint read the same files and need no server: they run side by side.
function runStep(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.cmd, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
    child.on("exit", (code) => resolve({ name: step.name, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}
const results = [];
console.log(`\n━━ ${steps[0].name} + ${steps[1].name} ━━`);
results.push(...(await Promise.all([runStep(steps[0]), runStep(steps[1])])));
for (const step of steps.slice(2)) {
  console.log(`\n━━ ${step.name} ━━`);
  results.push(await runStep(step));
}

function counts(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  try {
    return pick(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const vitest = counts(path.join(reports, "vitest.json"), (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const playwright = counts(path.join(reports, "playwright.json"), (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
}));

console.log("\n━━ summary ━━");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(11)} ${r.seconds}s`);
const failedSteps = results.filter((r) => !r.ok).length;
console.log(`tests: ${vitest.passed + playwright.passed} passed, ${vitest.failed + playwright.failed + failedSteps} failed`);
process.exit(failedSteps > 0 ? 1 : 0);
