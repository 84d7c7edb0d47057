import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, expectNoSideScroll } from "./a11y";
import { DEMO_PASSWORD, STRONG_PASSWORD, uniqueEmail } from "./fixtures";
import { createEmpathyAssignment } from "./flows";
import { AppShell } from "./pages/app-shell.page";
import { CanvasEditorPage } from "./pages/canvas-editor.page";
import { NewCohortPage } from "./pages/cohort-admin.page";
import { SignInPage } from "./pages/sign-in.page";
import { CoursesPage } from "./pages/courses.page";
import { GradebookPage } from "./pages/gradebook.page";
import { SignUpPage } from "./pages/sign-up.page";

/**
 * Visits every kind of page as the user who sees it, at desktop and phone width, and runs axe
 * (WCAG 2.2 AA) and the sideways-scroll check on each. Everything it needs is made through the UI in a
 * cohort of its own, so the demo cohorts stay as the other specs expect them.
 */

const INSTRUCTOR = "lena.keller@werkbank.test";
const ADMIN = "admin@werkbank.test";
const LESSONS = ["business-model-canvas", "kanaele-und-kundenbeziehungen", "von-der-empathy-map-zur-value-proposition", "feedback-probelauf-prime-pizza"] as const;
const PRACTICE = LESSONS[3];
/** The lesson that gets the crawl's assignment (an Empathy Map), its submission thread and a review. */
const ASSIGNED = LESSONS[1];
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

type State = Awaited<ReturnType<BrowserContext["storageState"]>>;
type World = {
  cohortId: string;
  inviteCode: string;
  courseId: string;
  studentId: string;
  lessonEditor: string;
  canvases: Record<"business-model" | "value-proposition" | "empathy-map" | "persona", string>;
  thread: string;
  review: string;
  states: { student: State; instructor: State; admin: State };
  /** The demo's finished practice run in "Herbst 2026" (db/seed/practice-run.ts), visited read-only. */
  practice: { base: string; assignmentId: string; detail: string; example: string; annaThread: string; states: { anna: State; henrik: State } };
};

let world: World;

function ymd(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function newPage(browser: Browser, baseURL: string, storageState?: State, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "de-DE", storageState, viewport: viewport ?? { width: 1440, height: 900 } });
  // Every page the crawl visits also proves the Content-Security-Policy blocks nothing of Werkbank's own.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return context.newPage();
}

async function signedIn(browser: Browser, baseURL: string, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await newPage(browser, baseURL);
  await new SignInPage(page).signIn(email, password);
  return page;
}

/**
 * The server's HTML is complete at "load" (streamed Suspense boundaries included); what the browser
 * draws later is the charts, whose placeholders pulse until they arrive.
 */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[class*="animate-pulse"]')).toHaveCount(0);
}

async function createCanvas(page: Page, cohortId: string, kind: string, title: string): Promise<string> {
  await new CanvasEditorPage(page).gotoList(cohortId);
  await page.getByLabel(kind).check();
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Canvas anlegen" }).click();
  await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test.describe("accessibility crawl", () => {
  test.beforeAll(async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const baseURL = testInfo.project.use.baseURL!;

    // The instructor opens a cohort of the demo course and gives a lesson an assignment.
    const lena = await signedIn(browser, baseURL, INSTRUCTOR);
    const form = new NewCohortPage(lena);
    await form.goto();
    await form.submitWith({ name: `Barrierefrei ${Date.now().toString(36)}`, start: ymd(-7), end: ymd(60) });
    await lena.waitForURL(/\/cohorts\/[0-9a-f-]{36}\/settings\?created=1$/);
    const cohortId = lena.url().split("/")[4]!;
    const inviteCode = await lena.getByRole("region", { name: "Einladung" }).getByLabel("Einladungscode", { exact: true }).inputValue();
    await createEmpathyAssignment(lena, cohortId, ASSIGNED, { anonymity: "named" });
    await lena.goto(`/cohorts/${cohortId}/lessons/${ASSIGNED}`);
    const lessonEditor = (await lena.getByRole("link", { name: "Lektion bearbeiten" }).getAttribute("href"))!;
    const courseId = lessonEditor.split("/")[2]!;

    // A new student joins with the code, makes a canvas of every kind and submits the Empathy Map.
    const student = await newPage(browser, baseURL);
    const signUp = new SignUpPage(student);
    await signUp.goto();
    await signUp.submitWith({ inviteCode, name: "Alex Prüfer", email: uniqueEmail(), password: STRONG_PASSWORD });
    await student.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
    const editor = new CanvasEditorPage(student);
    const bmc = await createCanvas(student, cohortId, "Business Model Canvas", "Pendel-Café");
    await editor.addNoteButton("Kundensegmente").click();
    await editor.note("Kundensegmente", 1).fill("Pendler:innen");
    await editor.waitSaved();
    await student.reload();
    await editor.segmentMenu(1).click();
    await student.getByRole("menuitem", { name: "Value Proposition Canvas für dieses Segment anlegen" }).click();
    await student.waitForURL((url) => url.pathname !== bmc && /\/canvases\/[0-9a-f-]{36}$/.test(url.pathname));
    const vpc = new URL(student.url()).pathname;
    await editor.addNoteButton("Pains").click();
    await editor.note("Pains", 1).fill("Volle Züge");
    await editor.waitSaved();
    const persona = await createCanvas(student, cohortId, "Persona", "Mehmet");
    const empathy = await createCanvas(student, cohortId, "Empathy Map", "Meine Empathy Map");
    await editor.addNoteButton("Pains").click();
    await editor.note("Pains", 1).fill("Keine Zeit am Morgen");
    await editor.waitSaved();
    await student.goto(`/cohorts/${cohortId}/lessons/${ASSIGNED}`);
    await student.getByRole("checkbox", { name: /^Meine Empathy Map Empathy Map/ }).check();
    await student.getByRole("button", { name: "Einreichen" }).click();
    await student.waitForURL(/\/forum\/[0-9a-f-]{36}/);
    const thread = new URL(student.url()).pathname;

    // The instructor pairs the one submission, answers in its thread and takes a review from the pool.
    await lena.goto(`/cohorts/${cohortId}/lessons/${ASSIGNED}`);
    const summary = lena.getByTestId("pairing-summary");
    await summary.getByRole("button", { name: /Jetzt zuteilen \(1 Einreichung\)/ }).click();
    await expect(summary).toContainText("zugeteilt");
    await lena.goto(thread);
    await lena.getByRole("combobox", { name: "Deine Antwort" }).fill("Danke, Alex! Ich schaue es mir an.");
    await lena.getByRole("button", { name: "Antwort senden" }).click();
    await expect(lena.getByRole("article", { name: "Lena Keller" }).filter({ hasText: "Danke, Alex!" })).toBeVisible();
    await lena.goto(`/cohorts/${cohortId}/reviews`);
    await lena.getByRole("button", { name: "Review übernehmen" }).first().click();
    await lena.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    const review = new URL(lena.url()).pathname;
    await lena.goto(`/cohorts/${cohortId}/members`);
    const studentHref = (await lena.getByRole("link", { name: "Alex Prüfer" }).getAttribute("href"))!;

    const admin = await signedIn(browser, baseURL, ADMIN);

    // The practice run: its gradebook cell for Anna, the first calibration example, Anna's own thread.
    await lena.goto("/courses");
    const mainId = await new CoursesPage(lena).cohortId("Herbst 2026");
    const book = new GradebookPage(lena);
    await book.goto(mainId);
    const detail = await book.detailHref("Feedback, das weiterhilft: Probelauf mit Prime Pizza", "Anna Berger");
    const assignmentId = detail.split("/")[4]!;
    await lena.goto(`/cohorts/${mainId}/calibration/${assignmentId}/examples`);
    const example = (await lena.getByRole("link", { name: /bewerten und bearbeiten$/ }).first().getAttribute("href"))!;
    const anna = await signedIn(browser, baseURL, "anna.berger@werkbank.test");
    await anna.goto(`/cohorts/${mainId}/lessons/${PRACTICE}`);
    const annaThread = (await anna.getByRole("link", { name: "Zum Thema im Forum" }).getAttribute("href"))!;
    const henrik = await signedIn(browser, baseURL, "henrik.lange@werkbank.test");
    const practice = {
      base: `/cohorts/${mainId}`,
      assignmentId,
      detail,
      example,
      annaThread,
      states: { anna: await anna.context().storageState(), henrik: await henrik.context().storageState() },
    };
    for (const p of [anna, henrik]) await p.context().close();

    world = {
      practice,
      cohortId,
      inviteCode,
      courseId,
      studentId: studentHref.split("/").pop()!,
      lessonEditor,
      canvases: { "business-model": bmc, "value-proposition": vpc, "empathy-map": empathy, persona },
      thread,
      review,
      states: { student: await student.context().storageState(), instructor: await lena.context().storageState(), admin: await admin.context().storageState() },
    };
    for (const p of [lena, student, admin]) await p.context().close();
  });

  for (const viewport of VIEWPORTS) {
    test(`every page at ${viewport.width}×${viewport.height} (${viewport.name})`, async ({ browser }, testInfo) => {
      test.setTimeout(240_000);
      const baseURL = testInfo.project.use.baseURL!;
      const open = (state?: State) => newPage(browser, baseURL, state, viewport);
      const check = async (page: Page, path: string, label: string, ready?: (page: Page) => Promise<void>) => {
        await test.step(label, async () => {
          await page.goto(path);
          await settled(page);
          await ready?.(page);
          const where = `${label} (${path}) at ${viewport.width}px`;
          await expectAccessible(page, where, { soft: true });
          await expectNoSideScroll(page, where, { soft: true });
          expect.soft(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []), `CSP violations on ${where}`).toEqual([]);
          // A11Y_SHOTS=/some/dir keeps a full-page screenshot of every page, to look at the layout.
          if (process.env.A11Y_SHOTS) {
            const file = `${label.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}-${viewport.width}.png`;
            await page.screenshot({ path: `${process.env.A11Y_SHOTS}/${file}`, fullPage: true });
          }
        });
      };
      const { cohortId } = world;
      const base = `/cohorts/${cohortId}`;
      const boardReady = async (page: Page) => {
        await page.locator(".canvas-board").first().waitFor();
      };

      const anonymous = await open();
      await check(anonymous, "/sign-in", "sign-in");
      await check(anonymous, "/sign-up", "sign-up");
      await check(anonymous, `/join/${world.inviteCode}`, "join link, signed out");
      await check(anonymous, "/no-such-page", "not found, signed out");

      const student = await open(world.states.student);
      await check(student, "/courses", "courses");
      await check(student, base, "cohort");
      for (const slug of LESSONS) await check(student, `${base}/lessons/${slug}`, `lesson ${slug}${slug === ASSIGNED ? " (with assignment)" : ""}`);
      await check(student, `${base}/canvases`, "canvases list");
      for (const [kind, path] of Object.entries(world.canvases)) await check(student, path, `canvas editor: ${kind}`, boardReady);
      await check(student, `${base}/lessons/${ASSIGNED}/forum`, "lesson forum board");
      await check(student, world.thread, "submission thread with frozen canvases", boardReady);
      await check(student, `${base}/reviews`, "reviews, student");
      await check(student, "/notifications", "notifications");
      await check(student, "/settings", "settings");
      await check(student, "/cohorts/00000000-0000-4000-8000-000000000000", "not found, signed in");

      const lena = await open(world.states.instructor);
      await check(lena, `${base}/lessons/${ASSIGNED}`, "lesson, instructor (pairing summary)");
      await check(lena, `${base}/dashboard`, "cohort dashboard");
      await check(lena, `${base}/dashboard/students/${world.studentId}`, "dashboard: one student");
      await check(lena, `${base}/settings`, "cohort settings");
      await check(lena, `${base}/members`, "cohort members");
      await check(lena, "/cohorts/new", "new cohort");
      await check(lena, "/courses/new", "new course");
      await check(lena, `/courses/${world.courseId}/edit`, "course editor");
      await check(lena, world.lessonEditor, "lesson editor");
      await check(lena, `${base}/lessons/${ASSIGNED}/assignment`, "assignment editor");
      await check(lena, `${base}/reviews`, "reviews, instructor (reserve pool)");
      await check(lena, world.review, "review form", boardReady);
      await check(lena, world.thread, "submission thread, instructor", boardReady);

      // The demo's practice run: graded, calibrated, self-assessed (read only: nothing here changes it).
      const { practice } = world;
      const annaPage = await open(practice.states.anna);
      await check(annaPage, `${practice.base}/lessons/${PRACTICE}`, "practice lesson with grade card and calibration");
      await check(annaPage, `${practice.base}/calibration/${practice.assignmentId}`, "calibration comparison");
      await check(annaPage, `${practice.base}/self-assessment/${practice.assignmentId}`, "self-assessment with comparison");
      await check(annaPage, practice.annaThread, "double-blind thread with helpfulness ratings", boardReady);
      const henrikPage = await open(practice.states.henrik);
      await check(henrikPage, `${practice.base}/self-assessment/${practice.assignmentId}`, "self-assessment form");
      await check(lena, `${practice.base}/gradebook`, "gradebook");
      await check(lena, practice.detail, "gradebook: one grade");
      await check(lena, `${practice.base}/calibration/${practice.assignmentId}/examples`, "calibration examples");
      await check(lena, practice.example, "calibration example editor");
      await check(lena, practice.annaThread, "double-blind thread, instructor (send back)", boardReady);
      await check(lena, `${practice.base}/dashboard`, "demo cohort dashboard (reserve pool, self vs peers)");
      for (const page of [annaPage, henrikPage]) await page.context().close();

      // A roster invitation: Lena invites an address; its link (read from the outbox) opened signed out.
      const invitee = `a11y-${viewport.width}-${Date.now().toString(36)}@uni.example`;
      await lena.goto(`${base}/members`);
      await lena.getByLabel("Namen und E-Mail-Adressen").fill(`Ina Vitation, ${invitee}`);
      await lena.getByRole("button", { name: "Einladungen senden" }).click();
      await expect(lena.getByText("1 Einladung verschickt.")).toBeVisible();
      await check(lena, `${base}/members`, "cohort members with invitations");

      const admin = await open(world.states.admin);
      await check(admin, "/admin/outbox", "admin outbox");
      const mail = await admin.getByRole("listitem").filter({ hasText: `<${invitee}>` }).first().textContent();
      const invitation = /\/join\/invitation\/[A-Za-z0-9_-]{32}/.exec(mail ?? "")?.[0];
      expect(invitation).toBeTruthy();
      await check(anonymous, invitation!, "invitation link, signed out (sign-up form)");
      await check(admin, "/admin/lti", "admin LMS (LTI 1.3)");
      await check(anonymous, "/lti/error?reason=signature", "LTI launch refused");
      await check(admin, "/courses", "courses, admin");

      for (const page of [anonymous, student, lena, admin]) await page.context().close();
    });
  }

  test("a few pages in English, at phone width", async ({ browser }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL!;
    const phone = VIEWPORTS[1];
    // The crawl's own student: switching their account to English touches no one else.
    const student = await newPage(browser, baseURL, world.states.student, phone);
    await student.goto("/courses");
    await new AppShell(student).switchLanguage("en");
    const anonymous = await newPage(browser, baseURL, undefined, phone);
    await anonymous.goto("/sign-in");
    await new AppShell(anonymous).switchLanguage("en");
    const base = `/cohorts/${world.cohortId}`;
    for (const [page, path] of [
      [anonymous, "/sign-in"],
      [anonymous, "/sign-up"],
      [student, "/courses"],
      [student, base],
      [student, `${base}/lessons/${ASSIGNED}`],
      [student, world.thread],
      [student, "/settings"],
    ] as const) {
      await test.step(`${path} in English`, async () => {
        await page.goto(path);
        await settled(page);
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        const where = `${path} (en) at ${phone.width}px`;
        await expectAccessible(page, where, { soft: true });
        await expectNoSideScroll(page, where, { soft: true });
      });
    }
    await student.context().close();
    await anonymous.context().close();
  });
});
