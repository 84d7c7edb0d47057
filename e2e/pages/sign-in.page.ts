import type { Locator, Page } from "@playwright/test";
import type { Lang } from "./app-shell.page";

const TEXT = {
  de: { heading: "Bei Werkbank anmelden", email: "E-Mail", password: "Passwort", submit: "Anmelden", signUp: "Mit Einladungscode beitreten" },
  en: { heading: "Sign in to Werkbank", email: "Email", password: "Password", submit: "Sign in", signUp: "Join with an invite code" },
} as const;

export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly signUpLink: Locator;
  /** The form-level message (role=status; Next's route announcer owns role=alert). */
  readonly formMessage: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = "de",
  ) {
    const t = TEXT[lang];
    this.heading = page.getByRole("heading", { level: 1, name: t.heading });
    const form = page.getByRole("main").locator("form").first();
    this.email = form.getByLabel(t.email, { exact: true });
    this.password = form.getByLabel(t.password, { exact: true });
    this.submit = form.getByRole("button", { name: t.submit, exact: true });
    this.signUpLink = page.getByRole("link", { name: t.signUp });
    this.formMessage = form.getByRole("status");
  }

  in(lang: Lang): SignInPage {
    return new SignInPage(this.page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
  }

  /** Fills and submits the form; the caller waits for the outcome. */
  async submitWith(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits until the app has left the sign-in page. */
  async signIn(email: string, password: string): Promise<void> {
    await this.goto();
    await this.submitWith(email, password);
    await this.page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }
}
