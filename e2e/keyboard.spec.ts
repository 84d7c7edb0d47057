import { DEMO_PASSWORD, demo, expect, tabTo, test } from "./fixtures";

test("sign in and reach a lesson with the keyboard only", async ({ page, signInPage, coursesPage, cohortPage, lessonPage }) => {
  await signInPage.goto();

  await tabTo(page, signInPage.email);
  await page.keyboard.type(demo.student.email);
  await page.keyboard.press("Tab");
  await expect(signInPage.password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/courses$/);
  await expect(coursesPage.heading).toBeVisible();

  await tabTo(page, coursesPage.courseLink(demo.mainCohort.name));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
  await expect(cohortPage.heading).toHaveText(demo.courseTitle);

  await tabTo(page, cohortPage.lessonLink(demo.lessons[0]));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/lessons\/[^/]+$/);
  await expect(lessonPage.heading).toHaveText(demo.lessons[0]);
  await expect(lessonPage.bodyHeadings.first()).toBeVisible();
});
