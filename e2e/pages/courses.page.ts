import type { Locator, Page } from "@playwright/test";
import type { Lang } from "./app-shell.page";

const TEXT = {
  de: { heading: "Meine Kurse", continue: "Weiter mit" },
  en: { heading: "My courses", continue: "Continue with" },
} as const;

/** "My courses": one card (a list item) per cohort. */
export class CoursesPage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = "de",
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: TEXT[lang].heading, exact: true });
  }

  in(lang: Lang): CoursesPage {
    return new CoursesPage(this.page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto("/courses");
  }

  card(cohortName: string): Locator {
    return this.page.getByRole("main").getByRole("listitem").filter({ hasText: cohortName });
  }

  /** The course title in the card, a link to the cohort page. */
  courseLink(cohortName: string): Locator {
    return this.card(cohortName).getByRole("heading", { level: 3 }).getByRole("link");
  }

  continueLink(cohortName: string): Locator {
    return this.card(cohortName).getByRole("link", { name: TEXT[this.lang].continue });
  }

  progress(cohortName: string): Locator {
    return this.card(cohortName).getByRole("progressbar");
  }

  /** The cohort id, read from the card's link (/cohorts/<id>). */
  async cohortId(cohortName: string): Promise<string> {
    const href = await this.courseLink(cohortName).getAttribute("href");
    const id = href?.match(/^\/cohorts\/([0-9a-f-]{36})$/)?.[1];
    if (!id) throw new Error(`no cohort link in the card "${cohortName}" (href: ${href})`);
    return id;
  }

  async openCourse(cohortName: string): Promise<void> {
    await this.courseLink(cohortName).click();
    await this.page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
  }
}
