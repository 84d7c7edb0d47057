import { expect, type Locator, type Page } from "@playwright/test";

/** The course editor (/courses/<id>/edit): details, the ordered lesson list, and "Add a lesson". */
export class CourseEditorPage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly summary: Locator;
  readonly saveDetails: Locator;
  readonly lessonList: Locator;
  readonly lessonItems: Locator;
  readonly newLessonTitle: Locator;
  readonly newLessonSlug: Locator;
  readonly addLesson: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1 });
    const details = main.getByRole("form", { name: "Angaben zum Kurs" });
    this.title = details.getByLabel("Titel des Kurses");
    this.summary = details.getByLabel("Kurzbeschreibung");
    this.saveDetails = details.getByRole("button", { name: "Angaben speichern" });
    this.lessonList = main.getByRole("list", { name: "Lektionen in ihrer Reihenfolge" });
    this.lessonItems = this.lessonList.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Verschieben: / }) });
    const add = main.getByRole("form", { name: "Lektion hinzufügen" });
    this.newLessonTitle = add.getByLabel("Titel der Lektion");
    this.newLessonSlug = add.getByLabel("Kurzname (URL)");
    this.addLesson = add.getByRole("button", { name: "Lektion hinzufügen" });
  }

  /**
   * Opens the editor of a course the signed-in user may edit, from "Your courses" beside the
   * new-course form.
   */
  async open(courseTitle: string): Promise<void> {
    await this.page.goto("/courses/new");
    await this.page.getByRole("complementary").getByRole("link", { name: courseTitle }).click();
    await this.page.waitForURL(/\/courses\/[0-9a-f-]{36}\/edit$/);
  }

  /** The drag handle of a lesson: Space picks it up, arrows move it, Space drops it. */
  handle(lessonTitle: string): Locator {
    return this.lessonList.getByRole("button", { name: `Verschieben: ${lessonTitle}`, exact: true });
  }

  moveUp(lessonTitle: string): Locator {
    return this.lessonList.getByRole("button", { name: `Nach oben: ${lessonTitle}`, exact: true });
  }

  deleteButton(lessonTitle: string): Locator {
    return this.lessonList.getByRole("button", { name: `Löschen: ${lessonTitle}`, exact: true });
  }

  editLink(lessonTitle: string): Locator {
    return this.lessonList.getByRole("link", { name: lessonTitle, exact: true });
  }

  /** The lesson titles in the order the editor shows them. */
  async lessonTitles(): Promise<string[]> {
    return this.lessonItems.evaluateAll((items) => items.map((li) => li.querySelector("a")?.textContent?.trim() ?? ""));
  }

  async expectOrderSaved(): Promise<void> {
    await expect(this.page.getByText("Reihenfolge gespeichert.")).toBeVisible();
  }

  async deleteLesson(lessonTitle: string): Promise<void> {
    await this.deleteButton(lessonTitle).click();
    const dialog = this.page.getByRole("dialog", { name: `„${lessonTitle}“ löschen?` });
    await dialog.getByRole("button", { name: "Lektion löschen" }).click();
    await expect(this.editLink(lessonTitle)).toHaveCount(0);
  }

  async saveTitle(title: string): Promise<void> {
    await this.title.fill(title);
    await this.saveDetails.click();
    await expect(this.heading).toHaveText(title);
  }
}

/** The lesson editor (/courses/<id>/lessons/<id>/edit): title, slug, and the body with Write / Preview tabs. */
export class LessonEditorPage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly slug: Locator;
  readonly body: Locator;
  readonly tabs: Locator;
  readonly writeTab: Locator;
  readonly previewTab: Locator;
  readonly preview: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly backToCourse: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1 });
    this.title = main.getByLabel("Titel der Lektion");
    this.slug = main.getByLabel("Kurzname (URL)");
    this.body = main.getByRole("textbox", { name: "Inhalt (Markdown)" });
    this.tabs = main.getByRole("tablist", { name: "Inhalt bearbeiten oder Vorschau" });
    this.writeTab = this.tabs.getByRole("tab", { name: "Schreiben" });
    this.previewTab = this.tabs.getByRole("tab", { name: "Vorschau" });
    this.preview = main.getByRole("tabpanel", { name: "Vorschau" });
    this.save = main.getByRole("button", { name: "Lektion speichern" });
    this.saved = main.getByText("Gespeichert.", { exact: true });
    this.backToCourse = main.getByRole("link", { name: "Zurück zum Kurs" });
  }
}
