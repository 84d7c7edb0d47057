import { expect, type Locator, type Page } from "@playwright/test";

/** The review workspace (frozen canvases + rubric form) and the student's review list. */
export class ReviewPage {
  readonly tasks: Locator;
  readonly standout: Locator;
  readonly submitButton: Locator;
  readonly saveDraftButton: Locator;

  constructor(readonly page: Page) {
    this.tasks = page.getByTestId("review-tasks").getByRole("link");
    this.standout = page.getByLabel("Was auffällt");
    this.submitButton = page.getByRole("button", { name: "Review abschicken" });
    this.saveDraftButton = page.getByRole("button", { name: "Entwurf speichern" });
  }

  async gotoList(cohortId: string) {
    await this.page.goto(`/cohorts/${cohortId}/reviews`);
  }

  /** Picks point `n` of a rubric criterion. */
  async score(criterion: string, n: number, scale: number) {
    const group = this.page.getByRole("radiogroup", { name: `Bewertung für ${criterion}` });
    const radio = group.getByRole("radio", { name: `${n} von ${scale}` });
    // The radio itself is visually hidden; people click its label (the visible number).
    await group.locator("label", { has: this.page.getByRole("radio", { name: `${n} von ${scale}` }) }).click();
    await expect(radio).toBeChecked();
  }

  referButton(noteText: string): Locator {
    return this.page.getByRole("button", { name: `Auf die Notiz „${noteText}“ Bezug nehmen` });
  }

  /** Fills the demo-style rubric (two criteria) and a long enough "what stands out", then submits. */
  async writeAndSubmit(text: string) {
    await this.score("Klarheit", 3, 4);
    await this.score("Tiefe", 2, 4);
    await this.page.getByRole("textbox", { name: "Kommentar zu Klarheit" }).fill("Die Pains sind konkret formuliert, die Gains noch etwas allgemein.");
    await this.page.getByRole("textbox", { name: "Kommentar zu Tiefe" }).fill("Die Interviewzitate tragen, die Gewinne brauchen noch Belege.");
    await this.standout.fill(text);
    await this.submitButton.click();
    await this.page.waitForURL(/\/forum\/[0-9a-f-]{36}\?reviewed=1/);
  }
}
