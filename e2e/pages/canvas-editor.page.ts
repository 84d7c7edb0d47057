import type { Locator, Page } from "@playwright/test";

/** My canvases (list + new-canvas form) and the canvas editor. */
export class CanvasEditorPage {
  readonly saveStatus: Locator;
  readonly fitScore: Locator;
  readonly conflictDialog: Locator;

  /** `touch`: a phone; menus are tapped, as fingers do (Radix menus react to touch on tap, not hover). */
  constructor(
    readonly page: Page,
    readonly touch = false,
  ) {
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
    return this.page.getByRole("button", { name: `Notiz hinzufügen: ${blockTitle}` });
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
    await this.press(this.page.getByRole("menuitem", { name: label }));
  }

  /** A click, or a tap on a phone. */
  async press(target: Locator) {
    await (this.touch ? target.tap() : target.click());
  }

  /**
   * Clicks an item of an open submenu the way a hand moves a mouse: along a path, not in one jump
   * (Radix closes a submenu when the pointer leaves its trigger in a way no hand can).
   */
  async pick(item: Locator) {
    if (this.touch) return item.tap();
    const box = (await item.boundingBox())!;
    const to = { x: box.x + Math.min(24, box.width / 2), y: box.y + box.height / 2 };
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.mouse.click(to.x, to.y);
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
