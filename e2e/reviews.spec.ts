import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectFieldError, firstCohortId, tabTo, test, type Account } from "./fixtures";
import { createEmpathyAssignment, submitEmpathyMap } from "./flows";
import { expectWholeCanvas } from "./board";
import { ReviewPage } from "./pages/review.page";
import { SignInPage } from "./pages/sign-in.page";

const LESSON = "kanaele-und-kundenbeziehungen";
const INSTRUCTOR = "lena.keller@werkbank.test";
const STANDOUT =
  "Mir fällt auf, wie genau du die Situation der Pendler:innen beschreibst. Der Schritt von den Pains zu einem klaren Angebot fehlt noch – welche Sorge würdest du zuerst lösen?";

test.describe("peer reviews", () => {
  test.setTimeout(10 * 60_000);

  test("four students submit, are paired, review each other, read and rate; a late fifth is inserted and reviewed", async ({
    page,
    openBrowser,
    signUpStudent,
  }) => {
    // Five new students, each in a browser of their own.
    const students: Array<{ page: Page; account: Account; pain: string }> = [];
    for (const pain of ["Volle Züge", "Teurer Kaffee", "Keine Zeit", "Lärm im Abteil", "Verspätungen"]) {
      const p = await openBrowser();
      students.push({ page: p, account: await signUpStudent(p), pain });
    }
    const cohortId = await firstCohortId(students[0]!.page);

    await test.step("the instructor creates the assignment", async () => {
      await new SignInPage(page).signIn(INSTRUCTOR, DEMO_PASSWORD);
      await createEmpathyAssignment(page, cohortId, LESSON, { anonymity: "double" });
    });

    await test.step("four students submit", async () => {
      for (const s of students.slice(0, 4)) await submitEmpathyMap(s.page, cohortId, LESSON, s.pain);
    });

    await test.step("the instructor pairs now", async () => {
      await page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
      const summary = page.getByTestId("pairing-summary");
      await summary.getByRole("button", { name: /Jetzt zuteilen \(\d+ Einreichungen\)/ }).click();
      await expect(summary).toContainText("zugeteilt");
      await expect(summary).toContainText("8 offen");
    });

    await test.step("each of the four sees two tasks, on the course page and the lesson", async () => {
      for (const s of students.slice(0, 4)) {
        await s.page.goto(`/cohorts/${cohortId}`);
        await expect(s.page.getByRole("heading", { name: /^2 Reviews zu geben, fällig / })).toBeVisible();
        await expect(new ReviewPage(s.page).tasks).toHaveCount(2);
        await expect(s.page.getByTestId("bell-count")).toHaveText("1");
      }
    });

    await test.step("a late fifth student is inserted: two tasks to do, two reviewers", async () => {
      const late = students[4]!;
      await submitEmpathyMap(late.page, cohortId, LESSON, late.pain);
      const reviews = new ReviewPage(late.page);
      await reviews.gotoList(cohortId);
      await expect(reviews.tasks).toHaveCount(2);
      await page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
      await expect(page.getByTestId("pairing-summary")).toContainText("10 offen");
    });

    // Everyone but the first writes their reviews; the first then finds theirs waiting, locked.
    const writeAll = async (s: (typeof students)[number]) => {
      const reviews = new ReviewPage(s.page);
      for (let i = 0; (await reviews.gotoList(cohortId), await reviews.tasks.count()) > 0; i++) {
        await reviews.tasks.first().click();
        await s.page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
        await expect(s.page.getByRole("heading", { level: 1 })).toContainText("Review für eine:r aus der Gruppe");
        if (i === 0) {
          // The frozen canvas beside the form shows every block, whole.
          await expectWholeCanvas(s.page, s.page.getByRole("region", { name: "Die eingereichte Arbeit" }), 6);
          // Too short first: refused with a message, nothing lost.
          await reviews.score("Klarheit", 3, 4);
          await reviews.score("Tiefe", 2, 4);
          await reviews.standout.fill("Gut.");
          await reviews.submitButton.click();
          await expect(s.page.getByRole("status").filter({ hasText: "Schreib noch etwas mehr" })).toBeVisible();
          await expectFieldError(reviews.standout, "Mindestens 60 Zeichen unter „Was auffällt“.");
          await expectFieldError(s.page.getByRole("textbox", { name: "Kommentar zu Klarheit" }), "Mindestens 20 Zeichen je Kriterium.");
          await expect(reviews.standout).toHaveValue("Gut.");
        }
        const firstNote = s.page.getByRole("button", { name: /^Auf die Notiz „.+“ Bezug nehmen$/ }).first();
        await firstNote.click();
        await reviews.writeAndSubmit(STANDOUT);
        // The thread opens at the new review (#post-…), marked as a peer review.
        const posted = s.page.locator(new URL(s.page.url()).hash);
        await expect(posted.getByTestId("review-post")).toContainText("Mir fällt auf");
        await expect(posted.getByText("Peer-Review", { exact: true })).toBeVisible();
        // Anonymous in the thread: the reviewer sees their own name, the submission's title and author are hidden.
        await expect(s.page.getByRole("heading", { level: 1 })).toHaveText(/^Anonyme Einreichung #[0-9A-F]{4} — /);
      }
      await reviews.gotoList(cohortId);
      await expect(s.page.getByText("Gerade gibt es nichts zu begutachten.")).toBeVisible();
    };
    // One review by keyboard only: Tab to the task, arrows for the scores, Space to refer to a note, Enter to submit.
    const writeByKeyboard = async (p: Page) => {
      const reviews = new ReviewPage(p);
      await reviews.gotoList(cohortId);
      await tabTo(p, reviews.tasks.first());
      await p.keyboard.press("Enter");
      await p.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
      // Anonymous: the task names no one.
      await expect(p.getByRole("heading", { level: 1 })).toContainText("Review für eine:r aus der Gruppe");
      await tabTo(p, p.getByRole("button", { name: /^Auf die Notiz „.+“ Bezug nehmen$/ }).first());
      await p.keyboard.press("Space");
      await expect(p.getByRole("button", { name: /^Bezug auf die Notiz „.+“ entfernen$/ }).first()).toBeVisible();
      await tabTo(p, p.getByRole("radio", { name: "1 von 4" }).first());
      await p.keyboard.press("ArrowRight");
      await p.keyboard.press("ArrowRight");
      await expect(p.getByRole("radio", { name: "3 von 4" }).first()).toBeChecked();
      await p.keyboard.press("Tab");
      await p.keyboard.type("Klar gegliedert, die Pains sind greifbar.");
      await tabTo(p, p.getByRole("radio", { name: "1 von 4" }).nth(1));
      await p.keyboard.press("ArrowRight");
      await p.keyboard.press("Tab");
      await p.keyboard.type("Die Zitate tragen, die Gains brauchen Belege.");
      await tabTo(p, reviews.standout);
      await p.keyboard.type(STANDOUT);
      await tabTo(p, reviews.submitButton);
      await p.keyboard.press("Enter");
      await p.waitForURL(/\/forum\/[0-9a-f-]{36}\?reviewed=1/);
      const posted = p.locator(new URL(p.url()).hash);
      await expect(posted.getByTestId("review-post")).toContainText("3 / 4");
      await expect(posted.getByTestId("review-post")).toContainText("2 / 4");
    };

    await test.step("students 2–5 write their two reviews", async () => {
      for (const s of students.slice(1)) await writeAll(s);
    });

    const first = students[0]!;
    await test.step("the first student's received reviews stay hidden until they give their own", async () => {
      await first.page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
      await expect(first.page.getByTestId("received-count")).toHaveText("2 von 2");
      await expect(first.page.getByText(/2 Reviews deiner Arbeit warten/)).toBeVisible();
      await first.page.getByRole("link", { name: "Zum Thema im Forum" }).click();
      await expect(first.page.getByTestId("reviews-locked")).toBeVisible();
      await expect(first.page.getByTestId("review-post")).toHaveCount(0);
      await writeByKeyboard(first.page);
      await writeAll(first);
    });

    await test.step("the instructor sees names in the anonymous thread", async () => {
      await page.goto(`/cohorts/${cohortId}/lessons/${LESSON}/forum`);
      await expect(page.getByRole("link", { name: /^Erika Probe – Kanäle/ })).toHaveCount(5);
      await page.getByRole("link", { name: /^Erika Probe – Kanäle/ }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Erika Probe – /);
      await expect(page.getByText(/^Reviewer:in \d$/)).toHaveCount(0);
    });

    await test.step("everyone sees the two reviews they received; the first rates one", async () => {
      for (const s of students) {
        await s.page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
        await expect(s.page.getByTestId("given-count")).toHaveText("2 von 2");
        await expect(s.page.getByTestId("received-count")).toHaveText("2 von 2");
      }
      await first.page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
      await first.page.getByRole("link", { name: "Die 2 Reviews deiner Arbeit lesen" }).click();
      const posts = first.page.getByTestId("review-post");
      await expect(posts).toHaveCount(2);
      // The author reads them from "Reviewer 1" and "Reviewer 2", not by name.
      await expect(first.page.getByRole("heading", { level: 3, name: /^Reviewer:in [12]$/ })).toHaveCount(2);
      const rated = first.page.locator("article[id^=post-]").filter({ has: first.page.getByTestId("review-post") }).first();
      await rated.getByRole("button", { name: "4 von 5: Hilfreich" }).click();
      await expect(rated.getByText("Du hast dieses Review mit 4 von 5 bewertet.")).toBeVisible();
      await first.page.reload();
      await expect(first.page.getByText("Du hast dieses Review mit 4 von 5 bewertet.")).toBeVisible();
    });
  });
});
