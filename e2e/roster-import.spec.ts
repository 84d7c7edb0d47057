import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, STRONG_PASSWORD, demo, expect, test } from "./fixtures";
import { CohortMembersPage, InvitationPage, NewCohortPage, RosterImport } from "./pages/cohort-admin.page";
import { CoursesPage } from "./pages/courses.page";
import { SignInPage } from "./pages/sign-in.page";

const INSTRUCTOR = "lena.keller@werkbank.test";
const ADMIN = "admin@werkbank.test";

/** The invitation link in the newest outbox email to `email` (the e2e server has no SMTP_URL: emails wait there). */
async function invitationLink(admin: Page, email: string): Promise<string> {
  await admin.goto("/admin/outbox");
  const item = admin.getByRole("listitem").filter({ hasText: `<${email}>` }).first();
  await expect(item).toContainText("Einladung zur Kohorte");
  const link = /https?:\/\/\S+\/join\/invitation\/[A-Za-z0-9_-]{32}/.exec((await item.textContent()) ?? "")?.[0];
  expect(link, `an invitation link for ${email}`).toBeTruthy();
  return new URL(link!).pathname;
}

test.describe("roster import by email", () => {
  test("an instructor invites a class list; bad lines come back with reasons; a new person joins by the link once", async ({
    page,
    signInPage,
    openBrowser,
  }) => {
    const stamp = Date.now().toString(36);
    const cohortName = `Roster ${stamp}`;
    const nora = { name: "Nora Neumann", email: `nora.${stamp}@uni.example` };
    const jule = { name: "Jülide Öztürk", email: `jule.${stamp}@uni.example` };
    let cohortId = "";

    await test.step("Lena opens a cohort and pastes a list with a member, a duplicate and broken lines", async () => {
      await signInPage.signIn(INSTRUCTOR, DEMO_PASSWORD);
      const form = new NewCohortPage(page);
      await form.goto();
      await form.submitWith({ name: cohortName, start: "2027-02-01", end: "2027-05-01" });
      await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}\/settings\?created=1$/);
      cohortId = page.url().split("/")[4]!;

      await new CohortMembersPage(page).goto(cohortId);
      const roster = new RosterImport(page);
      await expect(roster.invitations).toHaveCount(0);
      await roster.roster.fill(
        [
          "Name;E-Mail",
          `${nora.name};${nora.email}`,
          `Lena Keller;${INSTRUCTOR}`,
          `Nora doppelt;${nora.email.toUpperCase()}`,
          "Ohne Adresse;",
          "Kaputt;kaputt@",
        ].join("\n"),
      );
      await roster.send.click();
      await expect(roster.status).toHaveText("1 Einladung verschickt.");
      await expect(roster.rejected.getByRole("listitem")).toHaveText([
        /Zeile 3:.*schon Mitglied der Kohorte/,
        /Zeile 4:.*Adresse steht schon weiter oben/,
        /Zeile 5:.*keine E-Mail-Adresse/,
        /Zeile 6:.*keine gültige E-Mail-Adresse/,
      ]);
      // Only the lines to mend stay in the box.
      await expect(roster.roster).toHaveValue("Ohne Adresse;\nKaputt;kaputt@");
      await expect(roster.invitation(nora.email)).toContainText("Eingeladen");
    });

    await test.step("a CSV file from German Excel (Windows-1252) is read into the box, umlauts intact, and sent", async () => {
      const roster = new RosterImport(page);
      const csv = Buffer.from(`Vorname;Nachname;E-Mail\r\nJülide;Öztürk;${jule.email}\r\n`, "latin1");
      await roster.file.setInputFiles({ name: "kurs.csv", mimeType: "text/csv", buffer: csv });
      await expect(roster.roster).toHaveValue(`Vorname;Nachname;E-Mail\r\nJülide;Öztürk;${jule.email}\r\n`.replace(/\r\n/g, "\n"));
      await roster.send.click();
      await expect(roster.status).toHaveText("1 Einladung verschickt.");
      await expect(roster.invitation(jule.email)).toContainText(jule.name);
      // The same list again invites nobody twice.
      await roster.roster.fill(`${jule.name}, ${jule.email}`);
      await roster.send.click();
      await expect(roster.status).toHaveText("Keine neue Einladung verschickt.");
      await expect(roster.rejected).toContainText("schon eingeladen (Link noch gültig)");
    });

    const admin = await openBrowser();
    await new SignInPage(admin).signIn(ADMIN, DEMO_PASSWORD);
    const noraLink = await invitationLink(admin, nora.email);

    await test.step("Nora opens her link signed out, picks a password and lands in the cohort", async () => {
      const invitee = new InvitationPage(await openBrowser());
      await invitee.page.goto(noraLink);
      await expect(invitee.page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
      await expect(invitee.page.getByText(nora.email)).toBeVisible();
      await expect(invitee.name).toHaveValue(nora.name);
      await invitee.password.fill("kurz");
      await invitee.register.click();
      await expect(invitee.password).toHaveAccessibleDescription(/Verwende mindestens 10 Zeichen/);
      await invitee.password.fill(STRONG_PASSWORD);
      await invitee.register.click();
      await invitee.page.waitForURL(`**/cohorts/${cohortId}`);
      await expect(invitee.page.getByRole("heading", { level: 1, name: demo.courseTitle })).toBeVisible();
      await expect(invitee.page.getByText(`Angemeldet als ${nora.name}`)).toBeVisible();

      // The link works once: opened again (by anyone), it says so.
      const again = new InvitationPage(await openBrowser());
      await again.page.goto(noraLink);
      await expect(again.used).toBeVisible();
      await expect(again.register).toHaveCount(0);
    });

    await test.step("the members page shows Nora as joined and lists her among the members", async () => {
      await page.reload();
      const roster = new RosterImport(page);
      await expect(roster.invitation(nora.email)).toContainText("Beigetreten");
      await expect(roster.invitation(nora.email).getByRole("button")).toHaveCount(0);
      expect(await new CohortMembersPage(page).names()).toContain(nora.name);
    });

    await test.step("resend replaces Jülide's link; revoke ends it; an existing account signs in to accept", async () => {
      const roster = new RosterImport(page);
      const first = await invitationLink(admin, jule.email);
      await roster.invitation(jule.email).getByRole("button", { name: `Einladung an ${jule.email} neu senden` }).click();
      await expect(roster.invitation(jule.email)).toContainText("Neuer Link verschickt.");
      const second = await invitationLink(admin, jule.email);
      expect(second).not.toBe(first);

      const stranger = new InvitationPage(await openBrowser());
      await stranger.page.goto(first);
      await expect(stranger.unknown).toBeVisible();

      await roster.invitation(jule.email).getByRole("button", { name: `Einladung an ${jule.email} zurückziehen` }).click();
      await expect(roster.invitation(jule.email)).toContainText("Zurückgezogen");
      await stranger.page.goto(second);
      await expect(stranger.unknown).toBeVisible();

      // Anna (a demo account) is invited: signed out she is sent to sign in, then joins with one click.
      await roster.roster.fill(`${demo.student.name} <${demo.student.email}>`);
      await roster.send.click();
      await expect(roster.status).toHaveText("1 Einladung verschickt.");
      const annaLink = await invitationLink(admin, demo.student.email);
      const anna = new InvitationPage(await openBrowser());
      await anna.page.goto(annaLink);
      await anna.signInToJoin.click();
      await new SignInPage(anna.page).submitWith(demo.student.email, DEMO_PASSWORD);
      await anna.page.waitForURL(`**${annaLink}`);
      await anna.join.click();
      await anna.page.waitForURL(`**/cohorts/${cohortId}`);
    });
  });

  test("on a phone the import form and the invitation page fit the screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
    const page = await context.newPage();
    await new SignInPage(page).signIn(INSTRUCTOR, DEMO_PASSWORD);
    const courses = new CoursesPage(page);
    await courses.goto();
    const cohortId = await courses.cohortId(demo.mainCohort.name);
    await new CohortMembersPage(page).goto(cohortId);
    await expect(new RosterImport(page).send).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
