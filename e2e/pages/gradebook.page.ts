import type { Locator, Page } from "@playwright/test";

/** The cohort gradebook: students × assignments, a column per assignment headed by its lesson's title. */
export class GradebookPage {
  constructor(readonly page: Page) {}

  async goto(cohortId: string): Promise<void> {
    await this.page.goto(`/cohorts/${cohortId}/gradebook`);
  }

  /** A student's cell in an assignment's column, found by the lesson title in the header (other specs add assignments). */
  async cell(lessonTitle: string, student: string): Promise<Locator> {
    const headers = await this.page.locator("thead th").allInnerTexts();
    const column = headers.findIndex((h) => h.includes(lessonTitle));
    if (column < 1) throw new Error(`no gradebook column for "${lessonTitle}" in ${JSON.stringify(headers)}`);
    return this.page.getByRole("row", { name: new RegExp(student) }).locator("td").nth(column - 1);
  }

  /** The page that explains a student's grade in an assignment ("why this grade"). */
  async detailHref(lessonTitle: string, student: string): Promise<string> {
    return (await (await this.cell(lessonTitle, student)).getByRole("link").getAttribute("href"))!;
  }
}
