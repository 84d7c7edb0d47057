import { expect, type Locator, type Page } from "@playwright/test";

/** "Neue Kohorte": the form that opens a cohort of a course. */
export class NewCohortPage {
  readonly heading: Locator;
  readonly course: Locator;
  readonly name: Locator;
  readonly startDate: Locator;
  readonly endDate: Locator;
  readonly timeZone: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Neue Kohorte" });
    const form = page.getByRole("main").locator("form");
    this.course = form.getByLabel("Kurs", { exact: true });
    this.name = form.getByLabel("Name", { exact: true });
    this.startDate = form.getByLabel("Beginn", { exact: true });
    this.endDate = form.getByLabel("Ende", { exact: true });
    this.timeZone = form.getByLabel("Zeitzone", { exact: true });
    this.submit = form.getByRole("button", { name: "Kohorte anlegen" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/cohorts/new");
  }

  /** Fills and submits; the caller waits for the outcome. Dates as YYYY-MM-DD. */
  async submitWith(details: { name: string; start: string; end: string }): Promise<void> {
    await this.name.fill(details.name);
    await this.startDate.fill(details.start);
    await this.endDate.fill(details.end);
    await this.submit.click();
  }
}

/** A cohort's settings: name and dates, and the invite (link, code, new code, joining off and on). */
export class CohortSettingsPage {
  readonly joinLink: Locator;
  readonly inviteCode: Locator;
  readonly copyLink: Locator;
  readonly copyLinkStatus: Locator;
  readonly regenerate: Locator;
  readonly disable: Locator;
  readonly enable: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    const invite = page.getByRole("region", { name: "Einladung" });
    this.joinLink = invite.getByLabel("Einladungslink", { exact: true });
    this.inviteCode = invite.getByLabel("Einladungscode", { exact: true });
    this.copyLink = invite.getByRole("button", { name: "Link kopieren" });
    this.copyLinkStatus = invite.getByRole("status").filter({ hasText: "Einladungslink in die Zwischenablage kopiert" });
    this.regenerate = invite.getByRole("button", { name: "Neuer Code", exact: true });
    this.disable = invite.getByRole("button", { name: "Beitreten abschalten", exact: true });
    this.enable = invite.getByRole("button", { name: "Beitreten einschalten", exact: true });
    this.status = invite.getByRole("status").last();
  }

  async goto(cohortId: string): Promise<void> {
    await this.page.goto(`/cohorts/${cohortId}/settings`);
  }

  dialog(title: string): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  async currentLink(): Promise<string> {
    return this.joinLink.inputValue();
  }

  /** "Neuer Code" → confirm; waits until the link on the page has changed. */
  async regenerateCode(): Promise<string> {
    const before = await this.currentLink();
    await this.regenerate.click();
    const dialog = this.dialog("Neuen Code erstellen?");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Neuen Code erstellen" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.joinLink).not.toHaveValue(before);
    return this.currentLink();
  }
}

/** The members list and its actions. */
export class CohortMembersPage {
  readonly heading: Locator;
  readonly instructorEmail: Locator;
  readonly addInstructor: Locator;
  readonly addStatus: Locator;
  readonly search: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 2, name: "Mitglieder" });
    const add = page.getByRole("region", { name: "Lehrkraft hinzufügen" });
    this.instructorEmail = add.getByLabel("E-Mail-Adresse des Kontos");
    this.addInstructor = add.getByRole("button", { name: "Als Lehrkraft hinzufügen" });
    this.addStatus = add.getByRole("status");
    this.search = page.getByRole("searchbox", { name: "Name oder E-Mail" });
    this.table = page.getByRole("region", { name: "Mitgliederliste" }).getByRole("table");
  }

  async goto(cohortId: string): Promise<void> {
    await this.page.goto(`/cohorts/${cohortId}/members`);
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name }) });
  }

  /** The names in the table, top to bottom. */
  async names(): Promise<string[]> {
    return (await this.table.getByRole("rowheader").allTextContents()).map((t) => t.replace(/\s*\(du\)$/, "").trim());
  }

  removeButton(name: string): Locator {
    return this.row(name).getByRole("button", { name: `${name} entfernen` });
  }
}

/** The members page's roster import: paste or upload, send, the lines refused; the invitations below. */
export class RosterImport {
  readonly roster: Locator;
  readonly file: Locator;
  readonly send: Locator;
  readonly status: Locator;
  readonly rejected: Locator;
  readonly invitations: Locator;

  constructor(readonly page: Page) {
    const card = page.getByRole("region", { name: "Teilnehmende per E-Mail einladen" });
    this.roster = card.getByLabel("Namen und E-Mail-Adressen");
    this.file = card.getByLabel("CSV-Datei wählen");
    this.send = card.getByRole("button", { name: "Einladungen senden" });
    this.status = card.getByRole("status").first();
    this.rejected = card.getByRole("list", { name: /nicht eingeladen/ });
    this.invitations = page.getByRole("region", { name: "Einladungsliste" }).getByRole("table");
  }

  invitation(email: string): Locator {
    return this.invitations.getByRole("row").filter({ hasText: email });
  }
}

/** A personal invitation link, /join/invitation/TOKEN. */
export class InvitationPage {
  readonly name: Locator;
  readonly password: Locator;
  readonly register: Locator;
  readonly join: Locator;
  readonly signInToJoin: Locator;
  readonly unknown: Locator;
  readonly used: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Vollständiger Name", { exact: true });
    this.password = page.getByLabel("Passwort", { exact: true });
    this.register = page.getByRole("button", { name: "Konto anlegen und beitreten" });
    this.join = page.getByRole("button", { name: "Beitreten" });
    this.signInToJoin = page.getByRole("link", { name: "Anmelden und beitreten" });
    this.unknown = page.getByRole("heading", { level: 1, name: "Einladung nicht gefunden" });
    this.used = page.getByText("Diese Einladung wurde schon angenommen.");
  }
}

/** /join/CODE: for signed-out visitors, for members, for everyone else. */
export class JoinPage {
  readonly unknown: Locator;
  readonly signUp: Locator;
  readonly signIn: Locator;
  readonly join: Locator;
  readonly openCohort: Locator;

  constructor(readonly page: Page) {
    this.unknown = page.getByRole("heading", { level: 1, name: "Dieser Einladungslink funktioniert nicht" });
    this.signUp = page.getByRole("link", { name: "Konto anlegen und beitreten" });
    this.signIn = page.getByRole("link", { name: "Anmelden und beitreten" });
    this.join = page.getByRole("button", { name: "Kohorte beitreten" });
    this.openCohort = page.getByRole("link", { name: "Kohorte öffnen" });
  }

  heading(cohortName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: cohortName });
  }
}
