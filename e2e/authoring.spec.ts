import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import { CourseEditorPage, LessonEditorPage } from "./pages/authoring.page";
import { CohortPage } from "./pages/cohort.page";
import { SignInPage } from "./pages/sign-in.page";

const INSTRUCTOR = "lena.keller@werkbank.test";
const NEW_TITLE = `${demo.courseTitle} – überarbeitet`;
const LESSON = { title: "Pitch vorbereiten", slug: "pitch-vorbereiten" };
const BODY = [
  "## Dein Pitch in drei Sätzen",
  "",
  "Wer ist die **Kundin**, welches Problem löst du, und warum gerade du?",
  "",
  "<script>window.__authoringXss = true</script>",
  "",
  '<img src=x onerror="window.__authoringXss = true">',
].join("\n");

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "de-DE" });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email, DEMO_PASSWORD);
  return page;
}

// Later specs read the demo course: whatever this file changed is put back, also after a failure.
test.afterEach(async ({ browser, baseURL }) => {
  const page = await signedIn(browser, baseURL, INSTRUCTOR);
  const editor = new CourseEditorPage(page);
  // The link's name holds the title whether or not the rename went through.
  await editor.open(demo.courseTitle);
  if ((await editor.editLink(LESSON.title).count()) > 0) await editor.deleteLesson(LESSON.title);
  if ((await editor.heading.textContent()) !== demo.courseTitle) await editor.saveTitle(demo.courseTitle);
  await page.context().close();
});

test("an instructor edits the course, writes and previews a lesson, reorders by keyboard; students see it", async ({
  page,
  browser,
  baseURL,
  signInPage,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signInPage.signIn(INSTRUCTOR, DEMO_PASSWORD);
  const editor = new CourseEditorPage(page);
  await editor.open(demo.courseTitle);
  await expect(editor.heading).toHaveText(demo.courseTitle);

  await test.step("rename the course", async () => {
    await editor.saveTitle(NEW_TITLE);
    await expect(page.getByRole("main").getByText("Gespeichert.", { exact: true })).toBeVisible();
  });

  await test.step("add a lesson: the slug is suggested from the title", async () => {
    await editor.newLessonTitle.fill(LESSON.title);
    await expect(editor.newLessonSlug).toHaveValue(LESSON.slug);
    await editor.addLesson.click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}\/lessons\/[0-9a-f-]{36}\/edit$/);
  });

  const lesson = new LessonEditorPage(page);
  await test.step("write markdown and preview it, rendered and sanitised by the server", async () => {
    await expect(lesson.heading).toHaveText(LESSON.title);
    await lesson.body.fill(BODY);
    await expect(page.getByText(`${BODY.length} von 100.000 Zeichen`)).toBeVisible();
    // Tabs by keyboard: the arrow key moves to Preview and shows it.
    await lesson.writeTab.focus();
    await page.keyboard.press("ArrowRight");
    await expect(lesson.previewTab).toBeFocused();
    await expect(lesson.previewTab).toHaveAttribute("aria-selected", "true");
    await expect(lesson.preview.getByRole("heading", { level: 2, name: "Dein Pitch in drei Sätzen" })).toBeVisible();
    await expect(lesson.preview.locator("strong")).toHaveText("Kundin");
    await expect(lesson.body).toBeHidden();
    await expect(lesson.preview.locator("script, img, [onerror]")).toHaveCount(0);
    await expect(lesson.preview).not.toContainText("__authoringXss");
    expect(await page.evaluate(() => (window as unknown as { __authoringXss?: boolean }).__authoringXss)).toBeUndefined();
    await page.keyboard.press("ArrowLeft");
    await expect(lesson.body).toBeVisible();
  });

  await test.step("save the lesson", async () => {
    await lesson.save.click();
    await expect(lesson.saved).toBeVisible();
    await lesson.backToCourse.click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}\/edit$/);
  });

  await test.step("the Move up / Move down buttons move it and keep the focus", async () => {
    expect(await editor.lessonTitles()).toEqual([...demo.lessons, LESSON.title]);
    await editor.moveUp(LESSON.title).click();
    expect(await editor.lessonTitles()).toEqual([demo.lessons[0], demo.lessons[1], demo.lessons[2], LESSON.title, demo.lessons[3]]);
    await expect(editor.moveUp(LESSON.title)).toBeFocused();
    await editor.expectOrderSaved();
    await page.keyboard.press("Tab"); // to "Move down"
    await page.keyboard.press("Enter");
    expect(await editor.lessonTitles()).toEqual([...demo.lessons, LESSON.title]);
    await editor.expectOrderSaved();
  });

  await test.step("move the new lesson up one place with the keyboard", async () => {
    await editor.handle(LESSON.title).focus();
    await page.keyboard.press("Space");
    await expect(page.getByText(`„${LESSON.title}“ aufgenommen, Position 5 von 5.`)).toBeAttached();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByText(`„${LESSON.title}“ über Position 4 von 5.`)).toBeAttached();
    await page.keyboard.press("Space");
    await editor.expectOrderSaved();
    expect(await editor.lessonTitles()).toEqual([demo.lessons[0], demo.lessons[1], demo.lessons[2], LESSON.title, demo.lessons[3]]);
    await expect(editor.handle(LESSON.title)).toBeFocused();
    // The order is the server's, not just the page's.
    await page.reload();
    expect(await editor.lessonTitles()).toEqual([demo.lessons[0], demo.lessons[1], demo.lessons[2], LESSON.title, demo.lessons[3]]);
  });

  await test.step("a student of the cohort sees the new title and lesson in the new order", async () => {
    const student = await signedIn(browser, baseURL, demo.student.email);
    await student.getByRole("main").getByRole("link", { name: NEW_TITLE }).first().click();
    await student.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
    const cohort = new CohortPage(student);
    await expect(cohort.heading).toHaveText(NEW_TITLE);
    const slugs = (await cohort.lessonHrefs()).map((href) => href.split("/").pop());
    expect(slugs).toEqual(["business-model-canvas", "kanaele-und-kundenbeziehungen", "von-der-empathy-map-zur-value-proposition", LESSON.slug, "feedback-probelauf-prime-pizza"]);
    await cohort.openLesson(LESSON.title);
    await expect(student.getByRole("article").getByRole("heading", { level: 2, name: "Dein Pitch in drei Sätzen" })).toBeVisible();
    await student.context().close();
  });

  expect(dialogs).toEqual([]);
});

test("a stale save is refused with the typed text kept; a taken slug is a field error", async ({ page, browser, baseURL, signInPage }) => {
  await signInPage.signIn(INSTRUCTOR, DEMO_PASSWORD);
  const mine = new CourseEditorPage(page);
  await mine.open(demo.courseTitle);

  // The same instructor in a second window saves first.
  const other = await signedIn(browser, baseURL, INSTRUCTOR);
  const theirs = new CourseEditorPage(other);
  await theirs.open(demo.courseTitle);
  await theirs.saveDetails.click();
  await expect(other.getByRole("main").getByText("Gespeichert.", { exact: true })).toBeVisible();
  await other.context().close();

  await mine.title.fill(NEW_TITLE);
  await mine.saveDetails.click();
  await expect(page.getByText("Jemand anderes hat inzwischen gespeichert.")).toBeVisible();
  await expect(mine.title).toHaveValue(NEW_TITLE);
  await expect(mine.heading).toHaveText(demo.courseTitle);

  await mine.newLessonTitle.fill("Doppelt");
  await mine.newLessonSlug.fill("business-model-canvas");
  await mine.addLesson.click();
  await expect(mine.newLessonSlug).toHaveAttribute("aria-invalid", "true");
  await expect(mine.newLessonSlug).toHaveAccessibleDescription(/Diesen Kurznamen hat schon eine andere Lektion/);
  await expect(mine.newLessonSlug).toBeFocused();
});
