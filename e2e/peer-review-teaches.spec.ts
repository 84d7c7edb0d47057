import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import { CoursesPage } from "./pages/courses.page";
import { GradebookPage } from "./pages/gradebook.page";
import { NotFoundPage } from "./pages/not-found.page";
import { ReviewPage } from "./pages/review.page";
import { SignInPage } from "./pages/sign-in.page";

/**
 * The demo's finished practice run (db/seed/practice-run.ts): a double-blind, calibrated,
 * self-assessed assignment whose grades are released. Each test changes a different student's
 * part of it, so they do not depend on one another's order.
 */
const PRACTICE = { slug: "feedback-probelauf-prime-pizza", title: demo.lessons[3] };
const LENA = "lena.keller@werkbank.test";
const STUDENTS = {
  anna: { email: "anna.berger@werkbank.test", name: "Anna Berger" },
  ben: { email: "ben.schulz@werkbank.test", name: "Ben Schulz" },
  clara: { email: "clara.wagner@werkbank.test", name: "Clara Wagner" },
  deniz: { email: "deniz.yilmaz@werkbank.test", name: "Deniz Yılmaz" },
  emil: { email: "emil.hoffmann@werkbank.test", name: "Emil Hoffmann" },
  fatma: { email: "fatma.kaya@werkbank.test", name: "Fatma Kaya" },
  greta: { email: "greta.neumann@werkbank.test", name: "Greta Neumann" },
  henrik: { email: "henrik.lange@werkbank.test", name: "Henrik Lange" },
};
const NAMES = Object.values(STUDENTS).map((s) => s.name);

type Opener = () => Promise<Page>;

async function signedIn(openBrowser: Opener, email: string): Promise<{ page: Page; cohortId: string }> {
  const page = await openBrowser();
  await new SignInPage(page).signIn(email, DEMO_PASSWORD);
  const cohortId = await new CoursesPage(page).cohortId(demo.mainCohort.name);
  return { page, cohortId };
}

/** The practice assignment's id and Anna's grade page, read off the gradebook. */
async function practiceLinks(page: Page, cohortId: string): Promise<{ assignmentId: string; annaDetail: string }> {
  const book = new GradebookPage(page);
  await book.goto(cohortId);
  const annaDetail = await book.detailHref(PRACTICE.title, STUDENTS.anna.name);
  return { assignmentId: annaDetail.split("/")[4]!, annaDetail };
}

/** Picks point `n` of a rubric criterion in any rubric form (review, calibration, self-assessment). */
async function score(page: Page, criterion: string, n: number, scale: number) {
  await new ReviewPage(page).score(criterion, n, scale);
}

async function expectNoNames(page: Page, names: string[], where: string) {
  // The window title too: a tab or a bookmark must not give the author away.
  const text = `${await page.title()}\n${await page.locator("body").innerText()}`;
  for (const name of names) expect(text, `${name} on ${where}`).not.toContain(name);
}

async function threadLinks(page: Page, cohortId: string): Promise<string[]> {
  await page.goto(`/cohorts/${cohortId}/lessons/${PRACTICE.slug}/forum`);
  const links = page.getByRole("main").getByRole("link", { name: /Einreichung|–/ });
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))).filter((h) => /\/forum\/[0-9a-f-]{36}$/.test(h));
}

/** A student's cell in the practice run's column of the gradebook. */
const practiceCell = (page: Page, name: string): Promise<Locator> => new GradebookPage(page).cell(PRACTICE.title, name);

const points = (text: string) => Number(text.trim().split(/\s/)[0]!.replace(",", "."));

test.describe("peer review that teaches (the demo's practice run)", () => {
  test.setTimeout(4 * 60_000);

  test("double-blind: a classmate sees no other student's name on the board, in any thread, on the lesson, reviews or notifications page; the instructor sees them", async ({ openBrowser }) => {
    const { page, cohortId } = await signedIn(openBrowser, STUDENTS.ben.email);
    const others = NAMES.filter((n) => n !== STUDENTS.ben.name);
    const threads = await threadLinks(page, cohortId);
    expect(threads).toHaveLength(8);
    // Seven anonymous submissions, each told apart by a short label that says nothing of its author.
    const anonymous = page.getByRole("main").getByRole("link", { name: /^Anonyme Einreichung #[0-9A-F]{4} — / });
    await expect(anonymous).toHaveCount(7);
    expect(new Set(await anonymous.allInnerTexts()).size).toBe(7);
    await expectNoNames(page, others, "the board");

    for (const href of threads) {
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoNames(page, others, href);
      if ((await page.getByRole("heading", { level: 1 }).innerText()).includes(STUDENTS.ben.name)) {
        // His own thread: the two reviews are there, from "Reviewer 1" and "Reviewer 2".
        await expect(page.getByText("Reviewer:in 1", { exact: true }).first()).toBeVisible();
        await expect(page.getByText("Reviewer:in 2", { exact: true }).first()).toBeVisible();
      }
    }
    for (const path of [`/cohorts/${cohortId}/lessons/${PRACTICE.slug}`, `/cohorts/${cohortId}/reviews`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoNames(page, others, path);
    }
    // His notifications about the practice run (other specs may tell him of named threads elsewhere).
    await page.goto("/notifications");
    const practiceNews = page.getByRole("main").getByRole("listitem").filter({ hasText: PRACTICE.title });
    await expect(practiceNews.first()).toBeVisible();
    const news = (await practiceNews.allInnerTexts()).join("\n");
    for (const name of others) expect(news, `${name} in Ben's notifications`).not.toContain(name);

    // The instructor always sees who wrote what.
    const lena = await signedIn(openBrowser, LENA);
    await lena.page.goto(`/cohorts/${lena.cohortId}/lessons/${PRACTICE.slug}/forum`);
    for (const name of NAMES) await expect(lena.page.getByRole("main").getByRole("link", { name: new RegExp(`^${name} –`) })).toBeVisible();
  });

  test("a calibration round: far off on the first example, Clara tries another and compares per criterion with the instructor's reasons", async ({ openBrowser }) => {
    const { page, cohortId } = await signedIn(openBrowser, STUDENTS.clara.email);
    await page.goto(`/cohorts/${cohortId}/lessons/${PRACTICE.slug}`);
    await page.getByRole("link", { name: `Vergleich ansehen: ${PRACTICE.title}` }).click();
    await expect(page.getByRole("heading", { name: "Dein Vergleich: Prime Pizza für alle" })).toBeVisible();
    await expect(page.getByText("61 % Übereinstimmung")).toBeVisible();
    await expect(page.getByText(/Da liegt ihr noch deutlich auseinander/)).toBeVisible();

    await page.getByRole("link", { name: "Anderes Beispiel versuchen" }).click();
    await expect(page.getByRole("heading", { name: "Beispiel: Prime Pizza für Familien und Büroteams" })).toBeVisible();
    // The instructor's scores and reasons stay hidden until Clara has committed to hers.
    await expect(page.getByText(/Jeder schwere Pain hat einen Pain Reliever/)).toHaveCount(0);
    await score(page, "Kundenprofil", 4, 4);
    await score(page, "Fit", 3, 4);
    await score(page, "Zwei Segmente", 3, 3);
    await page.getByRole("button", { name: "Bewertung abschicken" }).click();

    await expect(page.getByRole("heading", { name: "Dein Vergleich: Prime Pizza für Familien und Büroteams" })).toBeVisible();
    await expect(page.getByText("89 % Übereinstimmung")).toBeVisible();
    await expect(page.getByText(/Gut getroffen/)).toBeVisible();
    const fit = page.getByRole("main").locator("li, tr").filter({ hasText: /^Fit/ }).first();
    await expect(fit).toContainText("1 Punkt niedriger");
    await expect(fit).toContainText("Jeder schwere Pain hat einen Pain Reliever");
    await expect(page.getByText("Prime Pizza für alle: 61 %")).toBeVisible();
  });

  test("self-assessment before reading: Henrik's reviews stay hidden until he has scored his own work, then he sees both and the comparison", async ({ openBrowser }) => {
    const { page, cohortId } = await signedIn(openBrowser, STUDENTS.henrik.email);
    await page.goto(`/cohorts/${cohortId}/lessons/${PRACTICE.slug}`);
    await page.getByRole("link", { name: "Zum Thema im Forum" }).click();
    await expect(page.getByText("2 Reviews deiner Arbeit warten, bis du sie selbst eingeschätzt hast.")).toBeVisible();
    await expect(page.getByText("Reviewer:in 1", { exact: true })).toHaveCount(0);

    await page.getByRole("link", { name: "Eigene Arbeit einschätzen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Schätze deine eigene Arbeit ein" })).toBeVisible();
    await page.getByRole("button", { name: "Einschätzung abschicken" }).click();
    // Nothing scored yet: refused with a message at each criterion, nothing saved.
    await expect(page.getByText("Bewerte jedes Kriterium.")).toBeVisible();
    await score(page, "Kundenprofil", 3, 4);
    await score(page, "Fit", 3, 4);
    await score(page, "Zwei Segmente", 2, 3);
    await page.getByLabel("Was möchtest du noch sagen? (optional)").fill("Beim Fit der Nachtschicht war ich unsicher.");
    await page.getByRole("button", { name: "Einschätzung abschicken" }).click();

    await expect(page.getByRole("heading", { name: "Du im Vergleich zu deinen Peers" })).toBeVisible();
    await page.getByRole("link", { name: "Die Reviews im Forum lesen" }).click();
    await expect(page.getByText("Reviewer:in 1", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Reviewer:in 2", { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/bis du sie selbst eingeschätzt hast/)).toHaveCount(0);
    await expectNoNames(page, NAMES.filter((n) => n !== STUDENTS.henrik.name), "Henrik's thread");
  });

  test("send back: the instructor returns Deniz's review with a note; it leaves the thread, Deniz revises it, and it comes back into the same post", async ({ openBrowser }) => {
    const lena = await signedIn(openBrowser, LENA);
    const note = "Bitte nenne zu jedem Kriterium die Notiz, die du meinst.";
    const replies = async () => (await lena.page.getByRole("main").locator("p", { hasText: /^\d+ Beiträge?$/ }).first().innerText()).trim();
    let thread = "";
    let before = "";
    for (const href of await threadLinks(lena.page, lena.cohortId)) {
      await lena.page.goto(href);
      const post = lena.page.getByRole("listitem").filter({ hasText: STUDENTS.deniz.name }).filter({ has: lena.page.getByRole("button", { name: "Zur Überarbeitung zurückgeben" }) });
      if ((await post.count()) === 0) continue;
      thread = href;
      before = await replies();
      await post.first().getByRole("button", { name: "Zur Überarbeitung zurückgeben" }).click();
      await lena.page.getByLabel("Was soll überarbeitet werden?").fill(note);
      await lena.page.getByRole("button", { name: "Zurückgeben", exact: true }).click();
      await expect(lena.page.getByTestId("review-sent-back")).toContainText(note);
      break;
    }
    expect(thread, "a thread with a review by Deniz").not.toBe("");

    const deniz = await signedIn(openBrowser, STUDENTS.deniz.email);
    const reviewPage = new ReviewPage(deniz.page);
    await reviewPage.gotoList(deniz.cohortId);
    await reviewPage.tasks.filter({ hasText: PRACTICE.title }).first().click();
    await expect(deniz.page.getByText("Zur Überarbeitung zurückgegeben – die Notiz der Lehrenden:")).toBeVisible();
    await expect(deniz.page.getByText(note)).toBeVisible();
    const revised = "Überarbeitet: Die Notiz „Zutatenliste pro Pizza in der App“ lindert den schwersten Pain direkt; verknüpfe noch den Gain „Klare Kennzeichnung“.";
    await reviewPage.standout.fill(revised);
    await reviewPage.submitButton.click();
    await deniz.page.waitForURL(/\/forum\/[0-9a-f-]{36}\?reviewed=1/);
    expect(new URL(deniz.page.url()).pathname).toBe(thread);
    await expect(deniz.page.getByText(revised)).toBeVisible();

    await lena.page.reload();
    await expect(lena.page.getByTestId("review-sent-back")).toHaveCount(0);
    await expect(lena.page.getByText(revised)).toBeVisible();
    expect(await replies()).toBe(before);
  });

  test("grades: the gradebook, an override with its reason, the CSV parsing back to the page, and release as the student sees it", async ({ openBrowser }) => {
    const { page, cohortId } = await signedIn(openBrowser, LENA);
    await page.goto(`/cohorts/${cohortId}/dashboard`);
    await page.getByRole("link", { name: "Notenbuch" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Notenbuch" })).toBeVisible();
    for (const name of NAMES) await expect(await practiceCell(page, name)).toHaveText(/^\d+,\d/);

    await test.step("an override needs a reason and shows in the gradebook", async () => {
      await (await practiceCell(page, STUDENTS.clara.name)).getByRole("link").click();
      await expect(page.getByRole("heading", { level: 1, name: STUDENTS.clara.name })).toBeVisible();
      await expect(page.getByText("Wie diese Note zustande kommt")).toBeVisible();
      await page.getByLabel("Punkte (0–100)").fill("70");
      await page.getByRole("button", { name: /^Note (festlegen|ändern)$/ }).click();
      // No reason, no override: the form does not go out (the server refuses it too, lib/grades/store.test.ts).
      expect(await page.getByLabel("Begründung").evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
      await expect(page.getByText("Note festgelegt.")).toHaveCount(0);
      await page.getByLabel("Begründung").fill("Nach dem Gespräch: Die Segmente sind besser getrennt, als der Canvas zeigt.");
      await page.getByRole("button", { name: /^Note (festlegen|ändern)$/ }).click();
      await expect(page.getByText("Note festgelegt.")).toBeVisible();
      await page.goto(`/cohorts/${cohortId}/gradebook`);
      const clara = await practiceCell(page, STUDENTS.clara.name);
      await expect(clara).toContainText("70,0");
      await expect(clara).toContainText("von Lehrenden gesetzt");
    });

    await test.step("the CSV export parses back to what the page shows", async () => {
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Notenbuch exportieren (CSV)" }).click();
      const raw = readFileSync((await (await download).path())!, "utf8");
      expect(raw.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = parseCsv(raw.slice(1));
      // Name, email, a column per assignment (other specs add some), the total.
      expect(header!.slice(0, 2)).toEqual(["Name", "E-Mail"]);
      expect(header!.at(-1)).toBe("Gesamt");
      const column = header!.indexOf(`${PRACTICE.title} (Punkte)`);
      expect(column).toBeGreaterThan(1);
      for (const s of Object.values(STUDENTS)) {
        const row = rows.find((r) => r[1] === s.email)!;
        expect(row[0]).toBe(s.name);
        expect(Number(row[column])).toBe(points(await (await practiceCell(page, s.name)).innerText()));
      }
      expect(Number(rows.find((r) => r[1] === STUDENTS.clara.email)![column])).toBe(70);
    });

    const anna = await signedIn(openBrowser, STUDENTS.anna.email);
    const annaPoints = await (await practiceCell(page, STUDENTS.anna.name)).innerText();
    const card = anna.page.getByTestId("grade-card");

    await test.step("withdrawn, the student sees no grade; released again, she sees the gradebook's points and why", async () => {
      await page.getByRole("button", { name: `Noten von ${PRACTICE.title} zurückziehen` }).click();
      await expect(page.getByRole("button", { name: `Noten von ${PRACTICE.title} freigeben` })).toBeVisible();
      await anna.page.goto(`/cohorts/${anna.cohortId}/lessons/${PRACTICE.slug}`);
      await expect(anna.page.getByRole("heading", { level: 1, name: PRACTICE.title })).toBeVisible();
      await expect(card).toHaveCount(0);
      // Withdrawn, the assignment takes new versions again; released, it does not.
      await expect(anna.page.getByRole("button", { name: "Neue Version einreichen" })).toBeVisible();

      await page.getByRole("button", { name: `Noten von ${PRACTICE.title} freigeben` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Noten freigeben" }).click();
      // The eight of the demo, and any student other specs signed up since (a missed submission is graded too).
      await expect(page.getByText(/^Freigegeben; \d+ Personen benachrichtigt\.$/)).toBeVisible();

      await anna.page.reload();
      await expect(card).toContainText(`${points(annaPoints).toFixed(1).replace(".", ",")} / 100`);
      await expect(anna.page.getByTestId("submission-final")).toContainText("Die Noten dieser Aufgabe sind freigegeben.");
      await expect(anna.page.getByRole("button", { name: "Neue Version einreichen" })).toHaveCount(0);
      await card.getByText("Wie diese Note zustande kommt").click();
      for (const part of ["Einreichung", "Gegebene Reviews", "Kalibrierung", "Hilfreichkeit der Reviews"]) await expect(card.getByText(part, { exact: true })).toBeVisible();
    });
  });

  test("the new pages and the gradebook export are the cohort's: instructors and admins, or its students where it is theirs; everyone else gets not-found", async ({ openBrowser }) => {
    const { page, cohortId } = await signedIn(openBrowser, LENA);
    const { assignmentId, annaDetail } = await practiceLinks(page, cohortId);
    const base = `/cohorts/${cohortId}`;
    const pages = {
      gradebook: `${base}/gradebook`,
      detail: annaDetail,
      examples: `${base}/calibration/${assignmentId}/examples`,
      calibration: `${base}/calibration/${assignmentId}`,
      selfAssessment: `${base}/self-assessment/${assignmentId}`,
    };
    const exportUrl = `${base}/gradebook/export`;
    type Key = keyof typeof pages;
    const staff: Key[] = ["gradebook", "detail", "examples", "calibration", "selfAssessment"];
    const who: Array<{ email: string; allowed: Key[]; csv: boolean }> = [
      { email: "admin@werkbank.test", allowed: staff, csv: true },
      { email: LENA, allowed: staff, csv: true },
      { email: "jonas.frank@werkbank.test", allowed: [], csv: false }, // another cohort's instructor
      { email: STUDENTS.anna.email, allowed: ["calibration", "selfAssessment"], csv: false }, // a student of this cohort
      { email: demo.otherCohortStudent.email, allowed: [], csv: false }, // a student of another cohort
    ];
    for (const person of who) {
      await test.step(`${person.email}: ${person.allowed.join(", ") || "nothing"}`, async () => {
        const p = await openBrowser();
        await new SignInPage(p).signIn(person.email, DEMO_PASSWORD);
        for (const [key, url] of Object.entries(pages) as Array<[Key, string]>) {
          const response = await p.goto(url);
          const allowed = person.allowed.includes(key);
          expect(response?.status(), `${key} for ${person.email}`).toBe(allowed ? 200 : 404);
          if (!allowed) {
            await expect(new NotFoundPage(p).heading).toBeVisible();
            // Nobody's name but the viewer's own (in the header).
            await expectNoNames(p, NAMES.filter((n) => n !== STUDENTS.anna.name || person.email !== STUDENTS.anna.email), url);
          }
        }
        const response = await p.request.get(exportUrl);
        expect(response.status()).toBe(person.csv ? 200 : 404);
        if (person.csv) expect(response.headers()["content-type"]).toContain("text/csv");
        else expect(await response.text()).not.toContain(STUDENTS.anna.email);
        await p.context().close();
      });
    }

    await test.step("signed out: the pages send to sign-in and the export gives no data", async () => {
      const p = await openBrowser();
      for (const url of Object.values(pages)) {
        await p.goto(url);
        await expect(p).toHaveURL(/\/sign-in/);
      }
      const response = await p.request.get(exportUrl, { maxRedirects: 0 });
      expect([307, 404]).toContain(response.status());
      expect(response.headers()["content-type"] ?? "").not.toContain("text/csv");
    });
  });
});
