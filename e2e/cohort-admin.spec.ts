import { DEMO_PASSWORD, STRONG_PASSWORD, demo, expect, expectFieldError, test, uniqueEmail } from "./fixtures";
import { CohortMembersPage, CohortSettingsPage, JoinPage, NewCohortPage } from "./pages/cohort-admin.page";
import { NotFoundPage } from "./pages/not-found.page";
import { SignInPage } from "./pages/sign-in.page";
import { SignUpPage } from "./pages/sign-up.page";

const INSTRUCTOR = "lena.keller@werkbank.test";
const BEN = { email: "ben.schulz@werkbank.test", name: "Ben Schulz" };

test.describe("cohort management", () => {
  test("an instructor opens a cohort, shares and renews its link; people join; a second instructor; a student removed", async ({
    page,
    context,
    signInPage,
    openBrowser,
  }) => {
    const cohortName = `Winter ${Date.now().toString(36)}`;
    let cohortId = "";
    let link = "";

    await test.step("Lena opens a cohort; an end before the start is refused at the field", async () => {
      await signInPage.signIn(INSTRUCTOR, DEMO_PASSWORD);
      const form = new NewCohortPage(page);
      await form.goto();
      await expect(form.heading).toBeVisible();
      await expect(form.course).toHaveValue(/[0-9a-f-]{36}/);
      await expect(form.timeZone).toHaveValue("Europe/Berlin");
      await form.submitWith({ name: cohortName, start: "2027-01-11", end: "2027-01-04" });
      await expectFieldError(form.endDate, "Das Ende muss nach dem Beginn liegen.");
      await expect(form.name).toHaveValue(cohortName);
      await form.submitWith({ name: cohortName, start: "2027-01-11", end: "2027-04-02" });
      await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}\/settings\?created=1$/);
      cohortId = page.url().split("/")[4]!;
      await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
      await expect(page.getByText("Die Kohorte ist angelegt.")).toBeVisible();
    });

    const settings = new CohortSettingsPage(page);
    await test.step("the link copies to the clipboard; a new code replaces it", async () => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const first = await settings.currentLink();
      expect(first).toMatch(/^http:\/\/localhost:\d+\/join\/[A-Z0-9]{6,16}$/);
      await expect(settings.inviteCode).toHaveValue(first.split("/").pop()!);
      await settings.copyLink.click();
      await expect(settings.copyLinkStatus).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

      link = await settings.regenerateCode();
      expect(link).not.toBe(first);
      await expect(settings.status).toHaveText("Neuer Code erstellt. Der alte Code und Link funktionieren nicht mehr.");

      const stranger = new JoinPage(await openBrowser());
      await stranger.page.goto(first);
      await expect(stranger.unknown).toBeVisible();
    });

    const newcomer = { email: uniqueEmail(), name: "Nora Neu" };
    await test.step("a new person follows the link, signs up with the code filled in and is in", async () => {
      const joinPage = new JoinPage(await openBrowser());
      await joinPage.page.goto(link);
      await expect(joinPage.heading(cohortName)).toBeVisible();
      await joinPage.signUp.click();
      const signUp = new SignUpPage(joinPage.page);
      await expect(signUp.inviteCode).toHaveValue(link.split("/").pop()!);
      await signUp.name.fill(newcomer.name);
      await signUp.email.fill(newcomer.email);
      await signUp.password.fill(STRONG_PASSWORD);
      await signUp.submit.click();
      await joinPage.page.waitForURL(`**/cohorts/${cohortId}`);
    });

    await test.step("Ben, who has an account, signs in from the link, comes back and joins", async () => {
      const joinPage = new JoinPage(await openBrowser());
      await joinPage.page.goto(link);
      await joinPage.signIn.click();
      await new SignInPage(joinPage.page).submitWith(BEN.email, DEMO_PASSWORD);
      await joinPage.page.waitForURL(link);
      await joinPage.join.click();
      await joinPage.page.waitForURL(`**/cohorts/${cohortId}`);
      await joinPage.page.goto(link);
      await expect(joinPage.openCohort).toBeVisible();
    });

    const members = new CohortMembersPage(page);
    await test.step("the members list: instructors first; unknown email refused; a student promoted", async () => {
      await members.goto(cohortId);
      expect(await members.names()).toEqual(["Lena Keller", BEN.name, newcomer.name]);
      await expect(members.removeButton("Lena Keller")).toHaveCount(0);

      await members.instructorEmail.fill("niemand@example.test");
      await members.addInstructor.click();
      await expectFieldError(members.instructorEmail, "Zu dieser E-Mail-Adresse gibt es kein Konto.");

      await members.instructorEmail.fill(newcomer.email);
      await members.addInstructor.click();
      await expect(members.addStatus).toHaveText(`${newcomer.name} war hier Teilnehmende:r und ist jetzt Lehrkraft.`);
      await expect(members.row(newcomer.name)).toContainText("Lehrkraft");
      expect(await members.names()).toEqual(["Lena Keller", newcomer.name, BEN.name]);

      await members.search.fill("ben.schulz");
      await members.search.press("Enter");
      await page.waitForURL(/\?q=ben\.schulz$/);
      expect(await members.names()).toEqual([BEN.name]);
      await expect(members.row(BEN.name).getByRole("link", { name: BEN.name })).toHaveAttribute(
        "href",
        new RegExp(`/cohorts/${cohortId}/dashboard/students/[0-9a-f-]{36}$`),
      );
    });

    await test.step("Lena removes Ben after reading what happens to his reviews; he is out", async () => {
      await members.removeButton(BEN.name).click();
      const dialog = page.getByRole("dialog", { name: `${BEN.name} aus der Kohorte entfernen?` });
      await expect(dialog).toContainText("bereits abgegebene Reviews bleiben erhalten");
      await dialog.getByRole("button", { name: "Entfernen" }).click();
      await expect(members.row(BEN.name)).toHaveCount(0);
      await expect(page.getByText("Niemand passt zu „ben.schulz“.")).toBeVisible();

      const ben = await openBrowser();
      await new SignInPage(ben).signIn(BEN.email, DEMO_PASSWORD);
      const response = await ben.goto(`/cohorts/${cohortId}`);
      expect(response?.status()).toBe(404);
      // Students never see the management pages.
      expect((await ben.goto(`/cohorts/${cohortId}/members`))?.status()).toBe(404);
    });

    await test.step("joining switched off: the link tells so; on again gives a new link", async () => {
      await settings.goto(cohortId);
      await settings.disable.click();
      await page.getByRole("dialog", { name: "Beitreten abschalten?" }).getByRole("button", { name: "Abschalten" }).click();
      await expect(settings.enable).toBeVisible();
      const visitor = new JoinPage(await openBrowser());
      await visitor.page.goto(link);
      await expect(visitor.unknown).toBeVisible();
      await settings.enable.click();
      await expect(settings.joinLink).toBeVisible();
      expect(await settings.currentLink()).not.toBe(link);
    });

    await test.step("a student of another cohort gets a 404 for this cohort's settings", async () => {
      const anna = await openBrowser();
      await new SignInPage(anna).signIn(demo.student.email, DEMO_PASSWORD);
      expect((await anna.goto(`/cohorts/${cohortId}/settings`))?.status()).toBe(404);
      await expect(new NotFoundPage(anna).heading).toBeVisible();
    });
  });
});
