import { DEMO_PASSWORD, STRONG_PASSWORD, demo, expect, test } from "./fixtures";
import { CoursesPage } from "./pages/courses.page";
import { SignInPage } from "./pages/sign-in.page";

test.describe("sessions", () => {
  test("a copied session cookie stops working once its owner signs out", async ({ page, signInPage, coursesPage, shell, openBrowser }) => {
    await signInPage.signIn(demo.student.email, DEMO_PASSWORD);
    await expect(coursesPage.heading).toBeVisible();
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toContain("authjs.session-token");

    // While the owner is signed in, the copy works: it really is the session.
    const before = await openBrowser();
    await before.context().addCookies(cookies);
    await before.goto("/courses");
    await expect(new CoursesPage(before).heading).toBeVisible();
    await before.context().close();

    await shell.signOut();
    await expect(signInPage.heading).toBeVisible();

    const after = await openBrowser();
    await after.context().addCookies(cookies);
    await after.goto("/courses");
    await expect(after).toHaveURL(/\/sign-in(\?|$)/);
    await expect(new SignInPage(after).heading).toBeVisible();
  });

  test("changing the password signs out the other browsers but not this one", async ({
    page,
    signUpStudent,
    settingsPage,
    coursesPage,
    openBrowser,
  }) => {
    const account = await signUpStudent();
    const newPassword = "Neues-Kennwort-fuer-Tests-7";

    const other = await openBrowser();
    await new SignInPage(other).signIn(account.email, account.password);
    await expect(new CoursesPage(other).heading).toBeVisible();

    await settingsPage.goto();
    await expect(settingsPage.heading).toBeVisible();
    const changed = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/settings");
    await settingsPage.changePassword(account.password, newPassword);
    expect((await changed).ok()).toBe(true);
    await expect(settingsPage.passwordMessage).toHaveText("Dein Passwort ist geändert. Andere Geräte wurden abgemeldet.");
    await expect(page).toHaveURL(/\/settings$/);

    // The other browser is signed out on its next navigation.
    await other.goto("/courses");
    await expect(other).toHaveURL(/\/sign-in(\?|$)/);
    const otherSignIn = new SignInPage(other);
    await expect(otherSignIn.heading).toBeVisible();

    // This browser stays signed in.
    await coursesPage.goto();
    await expect(page).toHaveURL(/\/courses$/);
    await expect(coursesPage.heading).toBeVisible();
    await settingsPage.goto();
    await expect(settingsPage.heading).toBeVisible();

    // Only the new password opens the account now.
    await otherSignIn.submitWith(account.email, STRONG_PASSWORD);
    await expect(otherSignIn.formMessage).toHaveText("E-Mail-Adresse oder Passwort stimmen nicht.");
    await otherSignIn.signIn(account.email, newPassword);
    await expect(new CoursesPage(other).heading).toBeVisible();
  });
});
