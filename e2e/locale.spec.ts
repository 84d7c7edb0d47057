import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell.page";
import { CoursesPage } from "./pages/courses.page";
import { SignInPage } from "./pages/sign-in.page";

test.describe("language", () => {
  test("a signed-in user's language choice sticks to the account", async ({ page, signUpStudent, shell, coursesPage, openBrowser }) => {
    const account = await signUpStudent();
    await expect(shell.languageButton("de")).toHaveAttribute("aria-pressed", "true");
    await expect(shell.languageButton("en")).toHaveAttribute("aria-pressed", "false");

    await shell.switchLanguage("en");
    await expect(shell.languageButton("de")).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByRole("heading", { level: 2, name: "Lessons" })).toBeVisible();

    const english = coursesPage.in("en");
    await english.goto();
    await expect(english.heading).toBeVisible();
    await expect(shell.in("en").coursesLink).toBeVisible();

    await shell.in("en").signOut();

    // A new browser without any cookies and a German Accept-Language: the account decides.
    const fresh = await openBrowser();
    const signIn = new SignInPage(fresh);
    await signIn.goto();
    await expect(signIn.heading).toBeVisible(); // German before signing in
    await signIn.signIn(account.email, account.password);
    await expect(new CoursesPage(fresh, "en").heading).toBeVisible();
    await expect(fresh.locator("html")).toHaveAttribute("lang", "en");
    await expect(new AppShell(fresh, "en").languageButton("en")).toHaveAttribute("aria-pressed", "true");
  });

  test("an anonymous visitor switches the sign-in page between German and English", async ({ page, signInPage, shell }) => {
    await signInPage.goto();
    await expect(signInPage.heading).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await shell.switchLanguage("en");
    const english = signInPage.in("en");
    await expect(english.heading).toBeVisible();
    await expect(english.email).toBeVisible();
    await expect(english.submit).toBeVisible();

    // The choice is kept in a cookie for the next visit.
    await page.reload();
    await expect(english.heading).toBeVisible();

    await shell.switchLanguage("de");
    await expect(signInPage.heading).toBeVisible();
  });
});
