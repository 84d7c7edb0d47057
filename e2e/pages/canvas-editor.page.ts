import type { Locator, Page } from "@playwright/test";

/** My canvases (list + new-canvas form) and the canvas editor. */
export class CanvasEditorPage {
  readonly saveStatus: Locator;
  readonly fitScore: Locator;
  readonly conflictDialog: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId("save-status");
    this.fitScore = page.getByTestId("fit-score");
    this.conflictDialog = page.getByRole("dialog", { name: "Dieses Canvas wurde woanders geändert" });
  }

  async gotoList(cohortId: string) {
    await this.page.goto(`/cohorts/${cohortId}/canvases`);
  }

  block(title: string): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  addNoteButton(blockTitle: string): Locator {
    return this.page.getByRole("button", { name: `Notiz zu ${blockTitle} hinzufügen` });
  }

  note(blockTitle: string, n: number): Locator {
    return this.page.getByRole("textbox", { name: `Notiz ${n} in ${blockTitle}` });
  }

  noteMenu(blockTitle: string, n: number): Locator {
    return this.note(blockTitle, n).locator("xpath=ancestor::li[1]").locator("summary");
  }

  dragHandle(blockTitle: string, n: number): Locator {
    return this.page.getByRole("button", { name: `Notiz ${n} in ${blockTitle} ziehen` });
  }

  async waitSaved() {
    await this.saveStatus.and(this.page.locator('[data-state="saved"]')).waitFor();
  }
}
