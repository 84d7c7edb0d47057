import { expect, firstCohortId, test } from "./fixtures";
import { CanvasEditorPage } from "./pages/canvas-editor.page";

test.describe("customer segments", () => {
  test("colour a segment, tag a note with it, make its Empathy Map and Value Proposition Canvas, and pull the pains across", async ({
    page,
    signUpStudent,
  }) => {
    await signUpStudent();
    const cohortId = await firstCohortId(page);
    const editor = new CanvasEditorPage(page);
    await editor.gotoList(cohortId);
    await page.getByLabel("Business Model Canvas").check();
    await page.getByLabel("Titel").fill("Pendel-Café");
    await page.getByRole("button", { name: "Canvas anlegen" }).click();
    await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
    const bmcUrl = page.url();

    // A segment with a colour.
    await editor.addNoteButton("Kundensegmente").click();
    await editor.note("Kundensegmente", 1).fill("Pendler:innen am Morgen");
    await editor.segmentMenu(1).click();
    await editor.openSubmenu("Farbe des Segments");
    await editor.pick(page.getByRole("menuitemradio", { name: "Petrol" }));
    await editor.segmentMenu(1).click();
    await editor.openSubmenu("Farbe des Segments");
    await expect(page.getByRole("menuitemradio", { name: "Petrol" })).toBeChecked();
    await editor.closeMenus();

    // A value proposition tagged with it takes its colour.
    await editor.addNoteButton("Wertangebote").click();
    await editor.note("Wertangebote", 1).fill("Kaffee am Gleis, vorbestellt");
    await editor.noteMenu("Wertangebote", 1).click();
    await editor.openSubmenu("Kundensegmente");
    const tag = page.getByRole("menuitemcheckbox", { name: "Pendler:innen am Morgen" });
    await editor.pick(tag);
    await expect(tag).toBeChecked();
    await editor.closeMenus();
    await expect(editor.note("Wertangebote", 1).locator("xpath=ancestor::li[1]")).toHaveClass(/bg-teal-50/);

    // An Empathy Map for the segment (pending edits are saved first), with a pain and a gain.
    await editor.segmentMenu(1).click();
    await page.getByRole("menuitem", { name: "Empathy Map für dieses Segment anlegen" }).click();
    await page.waitForURL((url) => url.href !== bmcUrl && /\/canvases\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect(page.getByRole("heading", { level: 1, name: "Empathy Map: Pendler:innen am Morgen" })).toBeVisible();
    const picker = page.getByLabel("Kundensegment:");
    await expect(picker).toHaveValue(/:/);
    // The picker saves itself, grouped by Business Model Canvas: off and on again, kept over a reload.
    const attached = await picker.inputValue();
    await expect(picker.locator("optgroup")).toHaveAttribute("label", "Pendel-Café");
    await picker.selectOption("");
    await expect(page.getByRole("status").filter({ hasText: "Gespeichert." })).toBeVisible();
    await page.reload();
    await expect(picker).toHaveValue("");
    await picker.selectOption(attached);
    await expect(page.getByRole("status").filter({ hasText: "Gespeichert." })).toBeVisible();
    await page.reload();
    await expect(picker).toHaveValue(attached);
    await editor.addNoteButton("Pains").click();
    await editor.note("Pains", 1).fill("Der Zug ist schon voll");
    await editor.addNoteButton("Gains").click();
    await editor.note("Gains", 1).fill("Zehn ruhige Minuten");
    await editor.waitSaved();

    // Back on the Business Model Canvas the segment lists its canvas; make its Value Proposition Canvas.
    await page.goto(bmcUrl);
    await expect(editor.note("Wertangebote", 1)).toHaveValue("Kaffee am Gleis, vorbestellt");
    await editor.segmentMenu(1).click();
    await expect(page.getByRole("menuitem", { name: "Empathy Map: Pendler:innen am Morgen" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Value Proposition Canvas für dieses Segment anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Value Proposition Canvas: Pendler:innen am Morgen" })).toBeVisible();

    // Pull the segment's pain and gain into the customer profile; the fit score now has something to measure.
    const panel = page.getByRole("complementary", { name: "Aus der Recherche zu diesem Segment" });
    await expect(panel).toContainText("Der Zug ist schon voll");
    await panel.getByRole("button", { name: "„Der Zug ist schon voll“ in Pains übernehmen" }).click();
    await expect(editor.note("Pains", 1)).toHaveValue("Der Zug ist schon voll");
    await expect(panel.getByText("übernommen")).toHaveCount(1);
    await panel.getByRole("button", { name: "„Zehn ruhige Minuten“ in Gains übernehmen" }).focus();
    await page.keyboard.press("Enter");
    await expect(editor.note("Gains", 1)).toHaveValue("Zehn ruhige Minuten");
    await expect(editor.fitScore).toHaveText("0 %");
    await editor.waitSaved();

    // The list of canvases says which segment each belongs to.
    await editor.gotoList(cohortId);
    await expect(page.getByText("Für: Pendler:innen am Morgen")).toHaveCount(2);
  });
});
