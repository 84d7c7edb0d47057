import type { Locator, Page } from "@playwright/test";

/** The 404 page, shown also for cohorts the user is not in (their existence is not revealed). */
export class NotFoundPage {
  readonly heading: Locator;
  readonly homeLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Nicht gefunden" });
    this.homeLink = page.getByRole("link", { name: "Zu meinen Kursen" });
  }
}
