import { expect, firstCohortId, test } from "./fixtures";
import { expectNoSideScroll } from "./a11y";
import { expectWholeCanvas } from "./board";
import { ASSIGNMENT_LESSON as LESSON, buildSegmentCanvases } from "./flows";

test.describe("submitting an assignment", () => {
  test("two Value Proposition Canvases for two segments are submitted and found in the lesson forum", async ({ page, signUpStudent }) => {
    await signUpStudent();
    const cohortId = await firstCohortId(page);
    await buildSegmentCanvases(page, cohortId, [
      { name: "Pendler:innen", pain: "Volle Züge" },
      { name: "Studierende", pain: "Wenig Geld" },
    ]);

    // The lesson shows the assignment with its checklist; one canvas is not enough.
    await page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
    await expect(page.getByRole("heading", { name: "Einreichen: 2 × Value Proposition Canvas" })).toBeVisible();
    const requirement = page.getByTestId("requirement");
    await expect(requirement).toContainText("0 von 2 gewählt");
    const first = page.getByRole("checkbox", { name: /Value Proposition Canvas: Pendler:innen/ });
    const second = page.getByRole("checkbox", { name: /Value Proposition Canvas: Studierende/ });
    await first.check();
    await page.getByRole("button", { name: "Einreichen" }).click();
    await expect(page.getByText("Zu wenige Canvases")).toBeVisible();

    // Both, by keyboard: the checklist turns done and the submission lands in its thread.
    await second.focus();
    await page.keyboard.press("Space");
    await expect(requirement).toContainText("2 von 2 gewählt");
    await expect(requirement).toContainText("erledigt");
    await page.getByLabel("Kommentar für deine Gruppe (optional)").fill("Meine zwei Segmente – bin gespannt!");
    await page.getByRole("button", { name: "Einreichen" }).dblclick();
    await page.waitForURL(/\/forum\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 3, name: "Value Proposition Canvas: Pendler:innen" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Value Proposition Canvas: Studierende" })).toBeVisible();
    await expect(page.getByText("Meine zwei Segmente – bin gespannt!")).toBeVisible();
    // The thread shows every block of both frozen canvases, whole, on a desktop and on a phone.
    await expectWholeCanvas(page, page.getByRole("main"), 12);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectWholeCanvas(page, page.getByRole("main"), 12);
    await expectNoSideScroll(page);
    await page.setViewportSize({ width: 1440, height: 900 });

    // Back on the lesson: submitted, version 1; the board lists the thread once, marked as a submission.
    await page.goto(`/cohorts/${cohortId}/lessons/${LESSON}`);
    await expect(page.getByTestId("submission-status")).toContainText("Version 1");
    await page.getByRole("link", { name: /Forum der Lektion/ }).click();
    await expect(page.getByRole("link", { name: /Von der Empathy Map/ })).toHaveCount(1);
  });
});
