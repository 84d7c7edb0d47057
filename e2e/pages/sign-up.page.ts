import type { Locator, Page } from "@playwright/test";

export type SignUpDetails = { inviteCode: string; name: string; email: string; password: string };

export class SignUpPage {
  readonly heading: Locator;
  readonly inviteCode: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly formMessage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Deiner Kohorte beitreten" });
    const form = page.getByRole("main").locator("form");
    this.inviteCode = form.getByLabel("Einladungscode", { exact: true });
    this.name = form.getByLabel("Vollständiger Name", { exact: true });
    this.email = form.getByLabel("E-Mail", { exact: true });
    this.password = form.getByLabel("Passwort", { exact: true });
    this.submit = form.getByRole("button", { name: "Konto anlegen", exact: true });
    this.formMessage = form.getByRole("status");
  }

  /** `code` arrives as ?code=…, the way an instructor's invite link prefills it. */
  async goto(code?: string): Promise<void> {
    await this.page.goto(code ? `/sign-up?code=${encodeURIComponent(code)}` : "/sign-up");
  }

  /** Fills and submits the form; the caller waits for the outcome. */
  async submitWith(details: SignUpDetails): Promise<void> {
    await this.inviteCode.fill(details.inviteCode);
    await this.name.fill(details.name);
    await this.email.fill(details.email);
    await this.password.fill(details.password);
    await this.submit.click();
  }
}
