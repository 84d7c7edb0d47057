import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { AppShell } from "./pages/app-shell.page";
import { CohortPage } from "./pages/cohort.page";
import { CoursesPage } from "./pages/courses.page";
import { LessonPage } from "./pages/lesson.page";
import { NotFoundPage } from "./pages/not-found.page";
import { SettingsPage } from "./pages/settings.page";
import { SignInPage } from "./pages/sign-in.page";
import { SignUpPage } from "./pages/sign-up.page";

/** Seeded on every start of the embedded default (db/seed/demo-accounts.ts). */
export const DEMO_PASSWORD = "werkbank-demo";
export const demo = {
  student: { email: "anna.berger@werkbank.test", name: "Anna Berger" },
  otherCohortStudent: { email: "ida.roth@werkbank.test", name: "Ida Roth" },
  mainCohort: { name: "Herbst 2026", inviteCode: "WERKBANK26" },
  otherCohort: { name: "Frühjahr 2026", inviteCode: "FRUEHLING26" },
  courseTitle: "Geschäftsmodelle gestalten: vom Business Model Canvas zur Value Proposition",
  lessons: [
    "Das Business Model Canvas: neun Bausteine für dein Geschäftsmodell",
    "Kanäle und Kundenbeziehungen: Kunden erreichen, gewinnen und halten",
    "Von der Empathy Map zur Value Proposition",
    "Feedback, das weiterhilft: Probelauf mit Prime Pizza",
  ],
} as const;

export type Account = { email: string; password: string; name: string };

/** An address no other test (or earlier run) has used. */
export function uniqueEmail(): string {
  return `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}@example.test`;
}

/** A password the sign-up rules accept (≥ 10 characters, not common, not built from the email). */
export const STRONG_PASSWORD = "Werkstatt-Probe-2026!";

type Pages = {
  signInPage: SignInPage;
  signUpPage: SignUpPage;
  coursesPage: CoursesPage;
  cohortPage: CohortPage;
  lessonPage: LessonPage;
  settingsPage: SettingsPage;
  notFoundPage: NotFoundPage;
  shell: AppShell;
  /** Opens a page in a browser context of its own (its own cookies), closed after the test. */
  openBrowser: () => Promise<Page>;
  /** Signs up a new student into "Herbst 2026" through the UI; ends on the cohort page, signed in. */
  signUpStudent: (page?: Page) => Promise<Account>;
  /** The app server (nginx's X-Werkbank-Upstream) that answered each page, action and RSC request, in order. */
  upstreams: string[];
  /** In the cluster project: after each test, its requests must have been spread over the servers. */
  balanced: void;
};

const watchUpstreams = (context: BrowserContext, seen: string[]) =>
  context.on("response", (response) => {
    const request = response.request();
    const counted = request.resourceType() === "document" || request.method() === "POST" || request.headers()["rsc"] === "1";
    const upstream = response.headers()["x-werkbank-upstream"];
    if (counted && upstream) seen.push(upstream);
  });

export const test = base.extend<Pages>({
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  coursesPage: async ({ page }, use) => use(new CoursesPage(page)),
  cohortPage: async ({ page }, use) => use(new CohortPage(page)),
  lessonPage: async ({ page }, use) => use(new LessonPage(page)),
  settingsPage: async ({ page }, use) => use(new SettingsPage(page)),
  notFoundPage: async ({ page }, use) => use(new NotFoundPage(page)),
  shell: async ({ page }, use) => use(new AppShell(page)),

  upstreams: async ({ context }, use) => {
    const seen: string[] = [];
    watchUpstreams(context, seen);
    await use(seen);
  },

  balanced: [
    async ({ upstreams }, use, testInfo) => {
      await use();
      if (testInfo.project.name !== "cluster" || testInfo.status !== "passed") return;
      // Round-robin behind nginx: a flow of several requests must have met more than one server,
      // and consecutive requests must have changed servers (a session, an action, a redirect
      // answered by another server than the one before it).
      const distinct = new Set(upstreams);
      const switches = upstreams.filter((u, i) => i > 0 && u !== upstreams[i - 1]).length;
      testInfo.annotations.push({ type: "upstreams", description: `${upstreams.length} requests, ${distinct.size} servers, ${switches} switches` });
      // A short test (one page and one refused form) may meet one server; every flow of four or more must not.
      if (upstreams.length < 4) return;
      expect(distinct.size, `servers that answered: ${[...distinct].join(", ")}`).toBeGreaterThanOrEqual(2);
      expect(switches, "consecutive requests that landed on another server").toBeGreaterThanOrEqual(Math.floor(upstreams.length / 4));
    },
    { auto: true },
  ],

  openBrowser: async ({ browser, contextOptions, baseURL, locale, viewport, upstreams }, use) => {
    // browser.newContext() does not apply the config's `use` options by itself.
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext({ ...contextOptions, baseURL, locale, viewport });
      watchUpstreams(context, upstreams);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  signUpStudent: async ({ page: defaultPage }, use) => {
    await use(async (page = defaultPage) => {
      const account: Account = { email: uniqueEmail(), password: STRONG_PASSWORD, name: "Erika Probe" };
      await test.step(`sign up ${account.email}`, async () => {
        const signUp = new SignUpPage(page);
        await signUp.goto();
        await signUp.submitWith({ inviteCode: demo.mainCohort.inviteCode, ...account });
        await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
      });
      return account;
    });
  },
});

export { expect };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The field is marked invalid and its error is linked to it: the message is part of its
 * accessible description, through an element named in aria-describedby.
 */
export async function expectFieldError(field: Locator, message: string): Promise<void> {
  await test.step(
    `field error "${message}"`,
    async () => {
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
      // Only the ids that resolve count: the message must sit in one of them.
      const linked = await field.evaluate((el) =>
        (el.getAttribute("aria-describedby") ?? "")
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => ({ id, text: document.getElementById(id)?.textContent ?? null })),
      );
      expect(
        linked.some((ref) => ref.text?.includes(message)),
        `aria-describedby (${linked.map((ref) => ref.id).join(" ")}) names the element with the error`,
      ).toBe(true);
    },
    { box: true },
  );
}

/** Presses Tab until `target` has focus (at most `max` times); fails if it never does. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  await test.step(
    "Tab to target",
    async () => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      }
      throw new Error(`focus did not reach ${target} within ${max} Tab presses`);
    },
    { box: true },
  );
}

/** The id of the first cohort on "My courses" (the one a new student joined). */
export async function firstCohortId(page: Page): Promise<string> {
  await page.goto("/courses");
  const href = await page.locator('a[href^="/cohorts/"]').first().getAttribute("href");
  return href!.split("/")[2]!;
}
