import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import { ASSIGNMENT_LESSON } from "./flows";
import { CoursesPage } from "./pages/courses.page";
import { GradebookPage } from "./pages/gradebook.page";
import { SignInPage } from "./pages/sign-in.page";

/**
 * The SQL each main page sends per render, against its budget (issue 13): at most 4 statements on
 * ordinary pages, 6 on lesson and thread, 7 on the dashboard (its reserve pool, issue 16) — the session's own statement included — and at
 * most 3 sequential waits on the database. The server counts (WERKBANK_SQL_COUNT=1, set for the e2e
 * server) and /api/health reports the running totals; the scheduler's sweep is not counted.
 */

type Counted = { statements: number; roundTrips: number };

/**
 * The grade pages of issue 16, and a lesson seen by a student who has submitted, been reviewed and
 * graded (the practice run). That lesson is the one page allowed a fourth wait: its peer-feedback
 * section reads the student's standing only once the panel has found their submission.
 */
const BUDGET = { gradebook: { statements: 4, roundTrips: 3 }, grade: { statements: 6, roundTrips: 3 }, gradedLesson: { statements: 11, roundTrips: 4 } };

async function counted(request: APIRequestContext): Promise<Counted> {
  const body = (await (await request.get("/api/health")).json()) as Partial<Counted>;
  expect(body.statements, "the e2e server counts statements (WERKBANK_SQL_COUNT=1)").toBeDefined();
  return { statements: body.statements!, roundTrips: body.roundTrips! };
}

/** Statements and round trips of one render of `path`, less what /api/health itself costs. */
async function sqlOf(page: Page, path: string): Promise<Counted> {
  const a = await counted(page.request);
  const b = await counted(page.request);
  const res = await page.request.get(path, { maxRedirects: 0 });
  expect(res.status(), `${path} renders`).toBe(200);
  const c = await counted(page.request);
  return {
    statements: c.statements - b.statements - (b.statements - a.statements),
    roundTrips: c.roundTrips - b.roundTrips - (b.roundTrips - a.roundTrips),
  };
}

async function signedIn(page: Page, email: string): Promise<string> {
  await page.goto("/sign-in");
  await new SignInPage(page).signIn(email, DEMO_PASSWORD);
  await page.waitForURL("**/courses");
  const hrefs = await page.locator('a[href^="/cohorts/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const cohort = hrefs.map((h) => h.match(/^\/cohorts\/[0-9a-f-]{36}/)?.[0]).find(Boolean);
  expect(cohort, "My courses links a cohort").toBeTruthy();
  return cohort!;
}

/** Off the app, so no prefetch of the page's links runs while a render is counted. */
async function quiet(page: Page): Promise<void> {
  await page.goto("about:blank");
}

test.describe("SQL per page stays within its budget", () => {
  test("a student's pages", async ({ page }) => {
    const cohort = await signedIn(page, demo.student.email);
    const lesson = `${cohort}/lessons/${ASSIGNMENT_LESSON}`;
    // A canvas of her own and a thread on the lesson's board, made through the pages.
    await page.goto(`${cohort}/canvases`);
    await page.getByLabel("Value Proposition Canvas").check();
    await page.getByRole("textbox", { name: "Titel" }).fill("Budget: Pendler");
    await page.locator('form:has(input[name="template"]) button[type="submit"]').click();
    await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
    const canvas = new URL(page.url()).pathname;
    await page.goto(`${lesson}/forum`);
    const toggle = page.getByRole("button", { name: "Neues Thema", exact: true });
    if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
    await page.getByLabel("Titel", { exact: true }).fill(`Budget ${Date.now().toString(36)}`);
    await page.getByRole("combobox", { name: "Dein Beitrag" }).fill("Wie viele Abfragen kostet diese Seite?");
    await page.getByRole("button", { name: "Thema erstellen" }).click();
    await page.waitForURL(/\/forum\/[0-9a-f-]{36}$/);
    const thread = new URL(page.url()).pathname;
    await quiet(page);

    const budgets: Array<[string, string, number]> = [
      ["courses", "/courses", 4],
      ["cohort page", cohort, 4],
      ["lesson with its assignment", lesson, 6],
      ["canvases", `${cohort}/canvases`, 4],
      ["canvas editor", canvas, 4],
      ["forum board", `${lesson}/forum`, 4],
      ["thread", thread, 6],
      ["notifications", "/notifications", 4],
      ["reviews", `${cohort}/reviews`, 4],
      ["settings", "/settings", 4],
    ];
    for (const [name, path, budget] of budgets) {
      await test.step(`${name}: ≤ ${budget} statements, ≤ 3 round trips`, async () => {
        const used = await sqlOf(page, path);
        expect(used.statements, `${name} (${path}) statements`).toBeLessThanOrEqual(budget);
        expect(used.statements, `${name} reads its session from the database`).toBeGreaterThan(0);
        expect(used.roundTrips, `${name} (${path}) sequential round trips`).toBeLessThanOrEqual(3);
      });
    }
  });

  test("the instructor's dashboard", async ({ page }) => {
    const cohort = await signedIn(page, "lena.keller@werkbank.test");
    await quiet(page);
    const used = await sqlOf(page, `${cohort}/dashboard`);
    // 7: the reserve pool section (issue 16) is one statement of its own.
    expect(used.statements).toBeLessThanOrEqual(7);
    expect(used.statements).toBeGreaterThan(0);
    expect(used.roundTrips).toBeLessThanOrEqual(3);
  });

  test("the gradebook, one grade, and the graded practice lesson", async ({ page, browser }) => {
    await signedIn(page, "lena.keller@werkbank.test");
    // Other specs give Lena more cohorts: the demo's is found by its name.
    const cohortId = await new CoursesPage(page).cohortId(demo.mainCohort.name);
    const cohort = `/cohorts/${cohortId}`;
    const book = new GradebookPage(page);
    await book.goto(cohortId);
    const detail = await book.detailHref(demo.lessons[3], demo.student.name);
    await quiet(page);
    const anna = await browser.newPage({ locale: "de-DE" });
    const annaCohort = await signedIn(anna, demo.student.email);
    await quiet(anna);
    const budgets: Array<[string, Page, string, { statements: number; roundTrips: number }]> = [
      ["gradebook", page, `${cohort}/gradebook`, BUDGET.gradebook],
      ["one grade", page, detail, BUDGET.grade],
      ["graded lesson (grade card, calibration, reviews received)", anna, `${annaCohort}/lessons/feedback-probelauf-prime-pizza`, BUDGET.gradedLesson],
    ];
    for (const [name, who, path, budget] of budgets) {
      await test.step(`${name}: ≤ ${budget.statements} statements, ≤ ${budget.roundTrips} round trips`, async () => {
        const used = await sqlOf(who, path);
        expect(used.statements, `${name} (${path}) statements`).toBeLessThanOrEqual(budget.statements);
        expect(used.statements, `${name} reads its session from the database`).toBeGreaterThan(0);
        expect(used.roundTrips, `${name} (${path}) sequential round trips`).toBeLessThanOrEqual(budget.roundTrips);
      });
    }
    await anna.close();
  });

  test("the sign-in page sends none", async ({ page }) => {
    await quiet(page);
    expect((await sqlOf(page, "/sign-in")).statements).toBe(0);
  });
});
