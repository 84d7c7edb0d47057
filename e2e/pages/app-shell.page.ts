import { expect, type Locator, type Page } from "@playwright/test";

export type Lang = "de" | "en";

const TEXT = {
  de: { courses: "Meine Kurse", settings: "Einstellungen", signOut: "Abmelden", nav: "Hauptnavigation" },
  en: { courses: "My courses", settings: "Settings", signOut: "Sign out", nav: "Main navigation" },
} as const;

/** Accessible names of the language buttons (after the visible code, "DE – Deutsch"): the same in both languages. */
const LANGUAGE_BUTTON = { de: "Deutsch", en: "English" } as const;

/**
 * The header every page has: on the auth pages only the logo and the language switch,
 * in the signed-in shell also the main navigation and the sign-out button.
 */
export class AppShell {
  readonly banner: Locator;
  readonly nav: Locator;
  readonly coursesLink: Locator;
  readonly settingsLink: Locator;
  readonly signOutButton: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = "de",
  ) {
    const t = TEXT[lang];
    this.banner = page.getByRole("banner");
    this.nav = this.banner.getByRole("navigation", { name: t.nav });
    this.coursesLink = this.nav.getByRole("link", { name: t.courses, exact: true });
    this.settingsLink = this.nav.getByRole("link", { name: t.settings, exact: true });
    this.signOutButton = this.banner.getByRole("button", { name: t.signOut, exact: true });
  }

  /** The same header, read in the other language (after a switch). */
  in(lang: Lang): AppShell {
    return new AppShell(this.page, lang);
  }

  languageButton(lang: Lang): Locator {
    return this.banner.getByRole("button", { name: `${lang.toUpperCase()} – ${LANGUAGE_BUTTON[lang]}`, exact: true });
  }

  async switchLanguage(lang: Lang): Promise<void> {
    const button = this.languageButton(lang);
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(this.page.locator("html")).toHaveAttribute("lang", lang);
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL("**/sign-in");
  }
}
