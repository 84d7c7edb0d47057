import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { DEMO_PASSWORD, demo, expect, STRONG_PASSWORD, test, uniqueEmail, type Account } from "./fixtures";
import { createEmpathyAssignment, submitEmpathyMap } from "./flows";
import { CoursesPage } from "./pages/courses.page";
import { NotFoundPage } from "./pages/not-found.page";
import { ReviewPage } from "./pages/review.page";
import { SignInPage } from "./pages/sign-in.page";
import { SignUpPage } from "./pages/sign-up.page";

const LESSON = "business-model-canvas";
const INSTRUCTOR = { email: "lena.keller@werkbank.test", name: "Lena Keller" };
const STANDOUT =
  "Deine Empathy Map macht die Lage sehr greifbar. Ich würde als Nächstes klären, welche der Sorgen am schwersten wiegt und wie du sie im Gespräch prüfen kannst.";

async function signUp(page: Page, name: string): Promise<Account> {
  const account: Account = { email: uniqueEmail(), password: STRONG_PASSWORD, name };
  const signUpPage = new SignUpPage(page);
  await signUpPage.goto();
  await signUpPage.submitWith({ inviteCode: demo.mainCohort.inviteCode, ...account });
  await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
  return account;
}

/** The matrix as the page shows it, in order: name, email, [given/owed, received, owes]. */
async function tableRows(page: Page): Promise<Array<{ name: string; email: string; cols: string[] }>> {
  const rows = page.getByTestId("matrix-table").locator("tbody tr");
  const out = [];
  for (const row of await rows.all()) {
    const name = (await row.locator("th a").innerText()).trim();
    const email = (await row.locator("th span").innerText()).trim();
    const cols = await Promise.all(["given", "received", "blocking"].map(async (c) => (await row.locator(`td[data-col="${c}"]`).innerText()).split("\n")[0]!.trim()));
    out.push({ name, email, cols });
  }
  return out;
}

test.describe("cohort dashboard", () => {
  test.setTimeout(10 * 60_000);

  test("an instructor finds the student who keeps two others waiting, reassigns in one click, and exports the matrix", async ({ page, openBrowser }) => {
    // A tag per run: a retry (CI) must not meet the first attempt's students.
    const tag = Math.random().toString(36).slice(2, 6);
    const names = ["Mara Blocker", "Nils Wartend", "Olga Wartend", "Paul Fleißig"].map((n) => `${n} ${tag}`);
    const mara = names[0]!;
    const students: Array<{ page: Page; account: Account }> = [];
    for (const name of names) {
      const p = await openBrowser();
      students.push({ page: p, account: await signUp(p, name) });
    }
    const cohortId = new URL(students[0]!.page.url()).pathname.split("/")[2]!;
    const [, , , paul] = students;

    await test.step("the instructor sets the assignment and the four submit", async () => {
      await new SignInPage(page).signIn(INSTRUCTOR.email, DEMO_PASSWORD);
      await createEmpathyAssignment(page, cohortId, LESSON, { anonymity: "named" });
      for (const [i, s] of students.entries()) await submitEmpathyMap(s.page, cohortId, LESSON, `Sorge ${i + 1}`);
    });

    await test.step("the instructor pairs from the dashboard", async () => {
      await page.goto(`/cohorts/${cohortId}/dashboard`);
      // A short wait: on a retry the assignment is paired already and the button is gone.
      await page.getByRole("button", { name: "Jetzt zuteilen (4 Einreichungen)" }).click({ timeout: 20_000 });
      await expect(page.getByTestId("waits")).toContainText("8 offene Reviews");
    });

    await test.step("Paul gives both his reviews and becomes a volunteer", async () => {
      const review = new ReviewPage(paul!.page);
      for (let i = 0; i < 2; i++) {
        await review.gotoList(cohortId);
        await review.tasks.first().click();
        await review.writeAndSubmit(STANDOUT);
      }
    });

    let blocked: string[] = [];
    await test.step("the instructor finds Mara blocking two students and hands both reviews on with one click", async () => {
      await page.goto(`/cohorts/${cohortId}/dashboard?filter=blocking&q=${encodeURIComponent(mara)}`);
      const maraRow = page.getByTestId("matrix-table").locator("tbody tr", { hasText: mara });
      await expect(maraRow.locator('td[data-col="blocking"]')).toHaveText(/^2/);

      const group = page.getByTestId("waits-group").filter({ has: page.getByRole("link", { name: mara }) });
      await expect(group).toContainText("Schuldet 2 offene Reviews");
      blocked = (await group.getByTestId("open-review").allInnerTexts()).map((t) => names.find((n) => n !== mara && t.includes(n))!);
      expect(blocked).toHaveLength(2);
      await group.getByRole("button", { name: `Alle 2 offenen Reviews von ${mara} neu zuweisen` }).click();
      // Mara owes nothing any more: her group leaves the list, and she leaves the "blocking someone" matrix.
      await expect(group).toHaveCount(0);
      await expect(maraRow).toHaveCount(0);
      const audit = page.getByTestId("audit");
      for (const author of blocked) await expect(audit).toContainText(`Lena Keller hat das Review von ${mara} zu ${author} an`);
    });

    await test.step("the blocked students see their new reviewer", async () => {
      for (const author of blocked) {
        const s = students[names.indexOf(author)]!;
        await s.page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
        const reviewers = s.page.getByTestId("my-reviewers");
        await expect(reviewers).not.toContainText(mara);
        await expect(reviewers).toContainText(new RegExp(`${names[3]}|Lena Keller`));
      }
    });

    await test.step("the matrix export parses back to the matrix", async () => {
      await page.goto(`/cohorts/${cohortId}/dashboard`);
      const shown = await tableRows(page);
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Matrix exportieren (CSV)" }).click();
      const file = await (await download).path();
      const text = readFileSync(file, "utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...records] = parseCsv(text);
      expect(header!.slice(0, 2)).toEqual(["Name", "E-Mail"]);
      const col = (title: string) => header!.indexOf(title);
      const total = Number((await page.getByTestId("matrix").getByText(/^\d+ Personen$/).innerText()).split(" ")[0]);
      expect(records).toHaveLength(total);
      // Same students, same order, same numbers as the table's first page.
      expect(records.slice(0, shown.length).map((r) => [r[0], r[1]])).toEqual(shown.map((s) => [s.name, s.email]));
      for (const [i, r] of records.slice(0, shown.length).entries()) {
        expect([`${r[col("Reviews gegeben")]}/${r[col("Reviews geschuldet")]}`, r[col("Reviews erhalten")], r[col("Offene geschuldete Reviews")]]).toEqual(shown[i]!.cols);
      }
      const maraRecord = records.find((r) => r[0] === mara)!;
      expect(maraRecord[col(`${demo.lessons[0]}: Abgabe`)]).toBe("Pünktlich");
      expect(maraRecord[col(`${demo.lessons[0]}: Reviews gegeben`)]).toBe("0");
    });
  });

  test("only the cohort's instructors and admins see the dashboard; everyone else gets not-found and no export", async ({ page, openBrowser }) => {
    await new SignInPage(page).signIn(INSTRUCTOR.email, DEMO_PASSWORD);
    const cohortId = await new CoursesPage(page).cohortId(demo.mainCohort.name);
    const urls = [`/cohorts/${cohortId}/dashboard`, `/cohorts/${cohortId}/dashboard/export/matrix.csv`, `/cohorts/${cohortId}/dashboard/export/reviews.csv`];

    const who = [
      { email: "admin@werkbank.test", allowed: true },
      { email: INSTRUCTOR.email, allowed: true },
      { email: "jonas.frank@werkbank.test", allowed: false }, // another cohort's instructor
      { email: demo.student.email, allowed: false }, // a student of this cohort
      { email: demo.otherCohortStudent.email, allowed: false }, // a student of another cohort
    ];
    for (const person of who) {
      await test.step(`${person.email}: ${person.allowed ? "allowed" : "not found"}`, async () => {
        const p = await openBrowser();
        await new SignInPage(p).signIn(person.email, DEMO_PASSWORD);
        await p.goto(urls[0]!);
        if (person.allowed) await expect(p.getByRole("heading", { level: 1, name: "Kohorten-Dashboard" })).toBeVisible();
        else await expect(new NotFoundPage(p).heading).toBeVisible();
        for (const url of urls.slice(1)) {
          const response = await p.request.get(url);
          expect(response.status(), url).toBe(person.allowed ? 200 : 404);
          const body = await response.text();
          if (person.allowed) expect(response.headers()["content-type"]).toContain("text/csv");
          else expect(body).not.toContain(",");
        }
      });
    }

    await test.step("signed out: the page and the exports send to sign-in, with no data", async () => {
      const p = await openBrowser();
      await p.goto(urls[0]!);
      await expect(p).toHaveURL(/\/sign-in/);
      for (const url of urls.slice(1)) {
        const response = await p.request.get(url, { maxRedirects: 0 });
        expect([307, 404]).toContain(response.status());
        expect(response.headers()["content-type"] ?? "").not.toContain("text/csv");
      }
    });
  });
});
