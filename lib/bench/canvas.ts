import autocannon from "autocannon";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { scriptBytes, signIn } from "./browser";

const CANVASES = 20;

export type CanvasFigures = {
  readPageJs: number;
  canvasPageJs: number;
  /** A submission thread showing two frozen Value Proposition Canvases read-only. */
  threadPageJs: number;
  page: autocannon.Result;
  save: autocannon.Result;
  saved: number;
  conflicts: number;
};

/**
 * The canvas figures: a student builds 20 canvases in a real browser; the browser's first autosave
 * gives the action's id and wire format; then 20 connections load the canvas page, and 20 more
 * each autosave their own canvas with the version the last answer gave them.
 */
export async function benchCanvas(browser: Browser, baseUrl: string, seconds: number): Promise<CanvasFigures> {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await signIn(page, baseUrl, "greta.neumann@werkbank.test", DEMO_PASSWORD);
  const cohortPath = (await page.locator('a[href^="/cohorts/"]').first().getAttribute("href"))!.match(/\/cohorts\/[0-9a-f-]{36}/)![0];
  const lessonHref = await (async () => {
    await page.goto(`${baseUrl}${cohortPath}`);
    return page.locator('a[href*="/lessons/"]').first().getAttribute("href");
  })();
  const readPageJs = await scriptBytes(page, `${baseUrl}${lessonHref}`);

  const canvasPaths: string[] = [];
  for (let i = 0; i < CANVASES; i++) {
    await page.goto(`${baseUrl}${cohortPath}/canvases`);
    await page.getByLabel("Value Proposition Canvas").check();
    await page.getByRole("textbox", { name: "Titel" }).fill(`Bench ${i + 1}`);
    await page.locator('form:has(input[name="template"]) button[type="submit"]').click();
    await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
    canvasPaths.push(new URL(page.url()).pathname);
  }

  const canvasPageJs = await scriptBytes(page, `${baseUrl}${canvasPaths[0]}`);
  const saveRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Notiz hinzufügen: Pains" }).click();
  await page.keyboard.type("Kein Frühstück vor dem Zug");
  const captured = await saveRequest;
  await page.getByTestId("save-status").and(page.locator('[data-state="saved"]')).waitFor();
  const threadPageJs = await scriptBytes(page, await submitTwoSegments(page, baseUrl, cohortPath));
  const headers = captured.headers();
  const [, template] = JSON.parse(captured.postData()!) as [unknown, { document: string }];
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();

  const pageResult = await autocannon({ url: `${baseUrl}${canvasPaths[1]}`, headers: { cookie }, connections: 20, duration: seconds });

  let next = 0;
  const versions = new Map<string, number>(canvasPaths.map((p, i) => [p, i === 0 ? 2 : 1]));
  let saved = 0;
  let conflicts = 0;
  const saveHeaders = {
    cookie,
    accept: "text/x-component",
    "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
    "next-action": headers["next-action"]!,
    "next-router-state-tree": headers["next-router-state-tree"] ?? "",
  };
  const saveResult = await autocannon({
    url: baseUrl,
    connections: CANVASES,
    duration: seconds,
    requests: [
      {
        method: "POST",
        // autocannon resets a connection's context after each request: versions live per canvas here.
        setupRequest: (request, ctx: object) => {
          const context = ctx as { path?: string };
          const path = canvasPaths[next++ % CANVASES]!;
          context.path = path;
          const canvasId = path.split("/").pop()!;
          const cohortId = path.split("/")[2]!;
          const body = JSON.stringify([null, { canvasId, cohortId, baseVersion: versions.get(path) ?? 1, document: template.document }]);
          return { ...request, path, headers: { ...request.headers, ...saveHeaders }, body };
        },
        onResponse: (_status, body, ctx: object) => {
          const { path } = ctx as { path?: string };
          const version = body.match(/"version":(\d+)/);
          if (version && path) versions.set(path, Math.max(versions.get(path) ?? 1, Number(version[1])));
          if (body.includes('"conflict"')) conflicts++;
          else if (version) saved++;
        },
      },
    ],
  });
  return { readPageJs, canvasPageJs, threadPageJs, page: pageResult, save: saveResult, saved, conflicts };
}

/**
 * What the demo assignment asks for, through the UI: a Business Model Canvas with two segments, a
 * Value Proposition Canvas for each from the segment's menu, submitted; returns the thread's URL.
 */
async function submitTwoSegments(page: Page, baseUrl: string, cohortPath: string): Promise<string> {
  await page.goto(`${baseUrl}${cohortPath}/canvases`);
  await page.getByLabel("Business Model Canvas").check();
  await page.getByRole("textbox", { name: "Titel" }).fill("Bench Segmente");
  await page.locator('form:has(input[name="template"]) button[type="submit"]').click();
  await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
  const bmc = page.url();
  const segments = ["Pendler", "Studierende"];
  await page.getByRole("button", { name: "Notiz hinzufügen: Kundensegmente" }).click();
  await page.keyboard.type(segments[0]!);
  await page.keyboard.press("Enter");
  await page.keyboard.type(segments[1]!);
  await page.getByTestId("save-status").and(page.locator('[data-state="saved"]')).waitFor();
  for (const [i, segment] of segments.entries()) {
    await page.goto(bmc);
    await page.getByRole("button", { name: `Segment-Menü: Notiz ${i + 1} in Kundensegmente` }).click();
    await page.getByRole("menuitem", { name: "Value Proposition Canvas für dieses Segment anlegen" }).click();
    await page.waitForURL((url) => url.href !== bmc && /\/canvases\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole("button", { name: "Notiz hinzufügen: Pains" }).click();
    await page.keyboard.type(`Schmerz von ${segment}`);
    await page.getByTestId("save-status").and(page.locator('[data-state="saved"]')).waitFor();
  }
  await page.goto(`${baseUrl}${cohortPath}/lessons/von-der-empathy-map-zur-value-proposition`);
  for (const segment of segments) await page.getByRole("checkbox", { name: new RegExp(`Value Proposition Canvas: ${segment}`) }).check();
  await page.getByRole("button", { name: "Einreichen" }).click();
  await page.waitForURL(/\/forum\/[0-9a-f-]{36}/);
  return page.url();
}
