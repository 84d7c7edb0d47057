import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import { CohortPage } from "./pages/cohort.page";
import { CoursesPage } from "./pages/courses.page";
import { SignInPage } from "./pages/sign-in.page";

test.describe("cohort access", () => {
  test("a student gets a 404 page for a cohort they are not in and for its lessons", async ({
    openBrowser,
    signInPage,
    coursesPage,
    notFoundPage,
    page,
  }) => {
    // Ida (in "Frühjahr 2026") tells us where her cohort and its lessons live.
    const idaPage = await openBrowser();
    await new SignInPage(idaPage).signIn(demo.otherCohortStudent.email, DEMO_PASSWORD);
    const idaCourses = new CoursesPage(idaPage);
    await expect(idaCourses.card(demo.otherCohort.name)).toBeVisible();
    await expect(idaCourses.card(demo.mainCohort.name)).toHaveCount(0);
    const otherCohortId = await idaCourses.cohortId(demo.otherCohort.name);
    const idaCohort = new CohortPage(idaPage);
    await idaCohort.goto(otherCohortId);
    await expect(idaCohort.lessonLinks).toHaveCount(demo.lessons.length);
    const lessonHrefs = await idaCohort.lessonHrefs();
    expect(lessonHrefs).toHaveLength(demo.lessons.length);

    // Anna (in "Herbst 2026" only) must not see any of it.
    await signInPage.signIn(demo.student.email, DEMO_PASSWORD);
    await expect(coursesPage.card(demo.mainCohort.name)).toBeVisible();
    await expect(coursesPage.card(demo.otherCohort.name)).toHaveCount(0);
    expect(await coursesPage.cohortId(demo.mainCohort.name)).not.toBe(otherCohortId);

    for (const path of [`/cohorts/${otherCohortId}`, ...lessonHrefs]) {
      await test.step(`404 page at ${path}`, async () => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        await expect(notFoundPage.heading).toBeVisible();
        await expect(page).toHaveURL(path);
        await expect(page.locator("body")).not.toContainText(demo.courseTitle);
        await expect(page.locator("body")).not.toContainText(demo.otherCohort.name);
      });
    }

    // Ida still reads her lessons: the 404 is about Anna, not the URLs.
    await idaPage.goto(lessonHrefs[0]!);
    await expect(idaPage.getByRole("heading", { level: 1, name: demo.lessons[0] })).toBeVisible();
  });

  test("a malformed cohort id is a 404 too", async ({ signInPage, notFoundPage, page }) => {
    await signInPage.signIn(demo.student.email, DEMO_PASSWORD);
    const response = await page.goto("/cohorts/not-a-cohort/lessons/business-model-canvas");
    expect(response?.status()).toBe(404);
    await expect(notFoundPage.heading).toBeVisible();
  });

  for (const path of ["/courses", "/settings", "/cohorts/00000000-0000-4000-8000-000000000000"]) {
    test(`anonymous visitors of ${path} are sent to the sign-in page`, async ({ page, signInPage }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in(\?|$)/);
      await expect(signInPage.heading).toBeVisible();
    });
  }
});
