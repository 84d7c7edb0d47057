import type { Locator, Page } from "@playwright/test";

/** One lesson: title, rendered markdown body, and the student's done toggle. */
export class LessonPage {
  readonly article: Locator;
  readonly heading: Locator;
  /** Section headings of the markdown body (## → h2). */
  readonly bodyHeadings: Locator;
  readonly markDoneButton: Locator;
  readonly markNotDoneButton: Locator;
  readonly doneNotice: Locator;
  readonly breadcrumb: Locator;

  constructor(readonly page: Page) {
    this.article = page.getByRole("main").getByRole("article");
    this.heading = this.article.getByRole("heading", { level: 1 });
    this.bodyHeadings = this.article.getByRole("heading", { level: 2 });
    this.markDoneButton = this.article.getByRole("button", { name: "Lektion als erledigt markieren" });
    this.markNotDoneButton = this.article.getByRole("button", { name: "Als offen markieren" });
    this.doneNotice = this.article.getByText("Du hast diese Lektion als erledigt markiert.");
    this.breadcrumb = page.getByRole("navigation", { name: "Brotkrumennavigation" });
  }

  async goto(href: string) {
    return this.page.goto(href);
  }
}
