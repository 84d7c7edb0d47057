import type { Locator, Page } from "@playwright/test";

/** A cohort's course page: the course title, its lessons in order, the student's progress. */
export class CohortPage {
  readonly heading: Locator;
  readonly lessonList: Locator;
  readonly lessonLinks: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1 });
    this.lessonList = main.getByRole("region", { name: /^(Lektionen|Lessons)$/ }).getByRole("list");
    this.lessonLinks = this.lessonList.getByRole("link");
    this.progress = main.getByRole("complementary").getByRole("progressbar");
  }

  async goto(cohortId: string) {
    return this.page.goto(`/cohorts/${cohortId}`);
  }

  lessonLink(title: string): Locator {
    return this.lessonList.getByRole("link").filter({ hasText: title });
  }

  async openLesson(title: string): Promise<void> {
    await this.lessonLink(title).click();
    await this.page.waitForURL(/\/cohorts\/[0-9a-f-]{36}\/lessons\/[^/]+$/);
  }

  /** The lesson URLs in course order, as the page links them. */
  async lessonHrefs(): Promise<string[]> {
    const hrefs = await this.lessonLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.filter(Boolean);
  }
}
