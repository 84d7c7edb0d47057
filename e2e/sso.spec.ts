import type { Page } from "@playwright/test";
import { STRONG_PASSWORD, demo, expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell.page";
import { SettingsPage } from "./pages/settings.page";
import { SignInPage } from "./pages/sign-in.page";
import { SignUpPage } from "./pages/sign-up.page";

// playwright.config.ts starts e2e/oidc-idp.mjs (a real OpenID Connect provider) and points the
// app's AUTH_OIDC_* at it, with the button label "Campus-Login".
const SSO_BUTTON = "Weiter mit Campus-Login";

/** From the sign-in page through the provider's login form and back; a fresh username per run is a new subject. */
async function signInWithSso(page: Page, username: string): Promise<void> {
  await new SignInPage(page).goto();
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await loginAtProvider(page, username);
}

/** The provider's own login page (each test browser is new to the provider, so it always asks). */
async function loginAtProvider(page: Page, username: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));
  await expect(page.getByRole("heading", { name: "Campus login" })).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Log in" }).click();
}

test.describe("single sign-on through the institution's OpenID Connect provider", () => {
  test("a first sign-in creates the account from the provider's claims; the second finds it by the subject", async ({ openBrowser }) => {
    const username = `mara${Date.now().toString(36)}`;
    const page = await openBrowser();
    const shell = new AppShell(page);

    await signInWithSso(page, username);
    await page.waitForURL("**/courses");
    await expect(shell.banner).toContainText(`Angemeldet als ${username}`);

    // The account is the user's own now: a new name sticks across sign-ins.
    const settings = new SettingsPage(page);
    await settings.goto();
    await expect(page.getByText(`${username}@campus.example`)).toBeVisible();
    await expect(page.getByRole("region", { name: "Single Sign-on" })).toContainText("Dein Konto ist mit Campus-Login verbunden");
    // No password to change: the page says how she signs in.
    await expect(page.getByRole("region", { name: "Anmeldung" })).toHaveText(/Du meldest dich mit Campus-Login an/);
    await expect(page.getByLabel("Aktuelles Passwort")).toHaveCount(0);
    await page.getByLabel("Vollständiger Name").fill("Mara Campus-Neu");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByText("Dein Name ist gespeichert.")).toBeVisible();
    await shell.signOut();

    // The second sign-in in a new browser (a new provider session too): the same account.
    const again = await openBrowser();
    await signInWithSso(again, username);
    await again.waitForURL("**/courses");
    await expect(new AppShell(again).banner).toContainText("Angemeldet als Mara Campus-Neu");
  });

  test("an address with a password account is not taken over; its owner connects the provider in the settings", async ({ openBrowser }) => {
    const username = `tom${Date.now().toString(36)}`;
    const email = `${username}@campus.example`;

    // Tom already has a password account under the address his provider will claim.
    const tom = await openBrowser();
    const signUp = new SignUpPage(tom);
    await signUp.goto(demo.otherCohort.inviteCode);
    await signUp.submitWith({ inviteCode: demo.otherCohort.inviteCode, name: "Tom Passwort", email, password: STRONG_PASSWORD });
    await tom.waitForURL("**/cohorts/*");
    await new AppShell(tom).signOut();

    const sso = await openBrowser();
    await signInWithSso(sso, username);
    await sso.waitForURL("**/sign-in?**");
    await expect(sso.getByRole("status").first()).toContainText("gibt es schon ein Werkbank-Konto");

    // Signed in with the password, Tom connects the provider; from then on it signs him in.
    await new SignInPage(tom).signIn(email, STRONG_PASSWORD);
    await new SettingsPage(tom).goto();
    await tom.getByRole("button", { name: "Mit Campus-Login verbinden" }).click();
    await loginAtProvider(tom, username);
    await tom.waitForURL("**/settings");
    await expect(tom.getByRole("region", { name: "Single Sign-on" })).toContainText("Dein Konto ist mit Campus-Login verbunden");
    await new AppShell(tom).signOut();

    const later = await openBrowser();
    await signInWithSso(later, username);
    await later.waitForURL("**/courses");
    await expect(new AppShell(later).banner).toContainText("Angemeldet als Tom Passwort");
  });

  test("a provider that shares no address is refused with a reason, and the password form stays", async ({ openBrowser }) => {
    const page = await openBrowser();
    await signInWithSso(page, `noemail${Date.now().toString(36)}`);
    await page.waitForURL("**/sign-in?**");
    await expect(page.getByRole("status").first()).toContainText("keine E-Mail-Adresse mitgeteilt");
    // The password form is still there beside it.
    await expect(new SignInPage(page).submit).toBeVisible();
  });
});
