import type { Locator, Page } from "@playwright/test";

/** My canvases (list + new-canvas form) and the canvas editor. */
export class CanvasEditorPage {
  readonly saveStatus: Locator;
  readonly fitScore: Locator;
  readonly conflictDialog: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId("save-status");
    this.fitScore = page.getByTestId("fit-score");
    this.conflictDialog = page.getByRole("dialog", { name: "Dieselbe Notiz wurde zweimal geändert" });
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

  /** The note's menu button (Radix: the menu opens on click, Enter, Space or ArrowDown). */
  noteMenu(blockTitle: string, n: number): Locator {
    return this.page.getByRole("button", { name: `Menü: Notiz ${n} in ${blockTitle}`, exact: true });
  }

  /** A customer-segment note's own "Segment" menu button. */
  segmentMenu(n: number): Locator {
    return this.page.getByRole("button", { name: `Segment-Menü: Notiz ${n} in Kundensegmente`, exact: true });
  }

  /** Opens a submenu of the open menu by its label (e.g. "Lindert", "Farbe des Segments"). */
  async openSubmenu(label: string | RegExp) {
    await this.page.getByRole("menuitem", { name: label }).click();
  }

  /** Closes every open menu level. */
  async closeMenus() {
    while ((await this.page.getByRole("menu").count()) > 0) await this.page.keyboard.press("Escape");
  }

  dragHandle(blockTitle: string, n: number): Locator {
    return this.page.getByRole("button", { name: `Notiz ${n} in ${blockTitle} ziehen` });
  }

  async waitSaved() {
    await this.saveStatus.and(this.page.locator('[data-state="saved"]')).waitFor();
  }
}
