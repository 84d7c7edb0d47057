import type { Locator, Page } from "@playwright/test";

export class SettingsPage {
  readonly heading: Locator;
  readonly passwordSection: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly changePasswordButton: Locator;
  readonly passwordMessage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Einstellungen" });
    this.passwordSection = page.getByRole("region", { name: "Passwort ändern" });
    this.currentPassword = this.passwordSection.getByLabel("Aktuelles Passwort", { exact: true });
    this.newPassword = this.passwordSection.getByLabel("Neues Passwort", { exact: true });
    this.confirmPassword = this.passwordSection.getByLabel("Neues Passwort wiederholen", { exact: true });
    this.changePasswordButton = this.passwordSection.getByRole("button", { name: "Passwort ändern", exact: true });
    this.passwordMessage = this.passwordSection.getByRole("status");
  }

  async goto(): Promise<void> {
    await this.page.goto("/settings");
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.confirmPassword.fill(next);
    await this.changePasswordButton.click();
  }
}
