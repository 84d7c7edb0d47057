import { expect, firstCohortId, tabTo, test } from "./fixtures";
import { CanvasEditorPage } from "./pages/canvas-editor.page";

/** The text chunks (iTXt / tEXt) of a PNG file. */
function pngText(png: Buffer): Record<string, string> {
  const found: Record<string, string> = {};
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString("latin1");
    const data = png.subarray(at + 8, at + 8 + length);
    const nul = data.indexOf(0);
    if (type === "tEXt") found[data.subarray(0, nul).toString("latin1")] = data.subarray(nul + 1).toString("latin1");
    if (type === "iTXt") {
      const language = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, language + 1);
      found[data.subarray(0, nul).toString("utf8")] = data.subarray(translated + 1).toString("utf8");
    }
    if (type === "IEND") break;
    at += 12 + length;
  }
  return found;
}

async function createCanvas(editor: CanvasEditorPage, cohortId: string, kind: string, title: string) {
  await editor.gotoList(cohortId);
  await editor.page.getByLabel(kind).check();
  await editor.page.getByLabel("Titel").fill(title);
  await editor.page.getByRole("button", { name: "Canvas anlegen" }).click();
  await editor.page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
}

test.describe("canvas editor", () => {
  test("build a Value Proposition Canvas by keyboard only, link a reliever to a pain, and see the fit change and stay", async ({
    page,
    signUpStudent,
  }) => {
    await signUpStudent();
    const cohortId = await firstCohortId(page);
    const editor = new CanvasEditorPage(page);
    await editor.gotoList(cohortId);

    // The new-canvas form, by keyboard.
    await tabTo(page, page.getByLabel("Business Model Canvas"));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Value Proposition Canvas")).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.type("Pendler am Morgen");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Pendler am Morgen" })).toBeVisible();
    await expect(editor.fitScore).toHaveText("–");

    // Customer profile first: a pain.
    await tabTo(page, editor.addNoteButton("Pains"));
    await page.keyboard.press("Enter");
    await expect(editor.note("Pains", 1)).toBeFocused();
    await page.keyboard.type("Keine Zeit fürs Frühstück");
    await expect(editor.fitScore).toHaveText("0 %");
    await expect(editor.block("Pains")).toContainText("Nicht adressiert");

    // Then the value map: a reliever, linked to the pain from its menu.
    await tabTo(page, editor.addNoteButton("Pain Reliever"));
    await page.keyboard.press("Enter");
    await expect(editor.note("Pain Reliever", 1)).toBeFocused();
    await page.keyboard.type("Frühstückspizza ans Gleis");
    await tabTo(page, editor.noteMenu("Pain Reliever", 1));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Lindert" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    const link = page.getByRole("menuitemcheckbox", { name: "Keine Zeit fürs Frühstück" });
    await expect(link).toBeFocused();
    await page.keyboard.press("Space");
    await expect(link).toBeChecked();
    await expect(editor.fitScore).toHaveText("100 %");
    await expect(editor.block("Pains")).not.toContainText("Nicht adressiert");
    // Escape closes the submenu, then the menu, and the focus is back on the menu button.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(editor.noteMenu("Pain Reliever", 1)).toBeFocused();
    // While the reliever has the focus, the pain it relieves lights up, and a connector joins them.
    await expect(page.getByRole("listitem", { name: "Notiz 1 in Pains" })).toHaveAttribute("data-highlight", "related");
    await expect(page.getByTestId("fit-connectors").locator("path")).toHaveCount(1);
    // The board says it on both notes.
    await expect(editor.block("Pains")).toContainText("Gelindert durch: Frühstückspizza ans Gleis");
    await expect(editor.block("Pain Reliever")).toContainText("Lindert: Keine Zeit fürs Frühstück");

    await editor.waitSaved();
    await page.reload();
    await expect(editor.note("Pains", 1)).toHaveValue("Keine Zeit fürs Frühstück");
    await expect(editor.note("Pain Reliever", 1)).toHaveValue("Frühstückspizza ans Gleis");
    await expect(editor.fitScore).toHaveText("100 %");
  });

  test("reorder notes with the keyboard through the drag handle", async ({ page, signUpStudent }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Empathy Map", "Hanna");
    for (const text of ["erste", "zweite"]) {
      await editor.addNoteButton("Sieht").click();
      await page.keyboard.type(text);
    }
    const handle = editor.dragHandle("Sieht", 2);
    await handle.focus();
    await page.keyboard.press("Space");
    // Screen readers hear each step; the test waits for the same announcements before the next key.
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("Notiz über Sieht, Position 2.")).toBeAttached();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByText("Notiz über Sieht, Position 1.")).toBeAttached();
    await page.keyboard.press("Space");
    await expect(page.getByText("Nach Sieht verschoben, Position 1 von 2.")).toBeAttached();
    await expect(editor.note("Sieht", 1)).toHaveValue("zweite");
    await expect(editor.note("Sieht", 2)).toHaveValue("erste");
    await editor.waitSaved();
  });

  test("two windows editing different notes merge without asking; the same note asks per note, and the choice stays", async ({
    page,
    context,
    signUpStudent,
  }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Persona", "Mehmet");
    await editor.addNoteButton("Ziele").click();
    await page.keyboard.type("Ziel eins");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Ziel zwei");
    await editor.waitSaved();
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    const second = new CanvasEditorPage(other);
    await expect(second.note("Ziele", 2)).toHaveValue("Ziel zwei");

    // Different notes, and a new one in another block: merged, no dialog.
    await editor.note("Ziele", 1).fill("Ziel eins, von Tab eins");
    await editor.waitSaved();
    await second.note("Ziele", 2).fill("Ziel zwei, von Tab zwei");
    await second.addNoteButton("Frustrationen").click();
    await other.keyboard.type("Frust aus Tab zwei");
    await second.waitSaved();
    await expect(second.conflictDialog).toBeHidden();
    await expect(other.getByText("Mit einer Änderung aus einem anderen Fenster zusammengeführt.")).toBeAttached();
    await expect(second.note("Ziele", 1)).toHaveValue("Ziel eins, von Tab eins");
    for (const p of [page, other]) {
      await p.reload();
      const view = new CanvasEditorPage(p);
      await expect(view.note("Ziele", 1)).toHaveValue("Ziel eins, von Tab eins");
      await expect(view.note("Ziele", 2)).toHaveValue("Ziel zwei, von Tab zwei");
      await expect(view.note("Frustrationen", 1)).toHaveValue("Frust aus Tab zwei");
    }

    // The same note on both sides: one question, for that note only; the other change merges.
    await editor.note("Ziele", 1).fill("Fassung A");
    await editor.waitSaved();
    await second.note("Ziele", 1).fill("Fassung B");
    await second.note("Ziele", 2).fill("Ziel zwei, nochmals geändert");
    await expect(second.conflictDialog).toBeVisible();
    await expect(second.conflictDialog.getByTestId("merge-conflict")).toHaveCount(1);
    await expect(second.conflictDialog).toContainText("Fassung A");
    await expect(second.conflictDialog).toContainText("Fassung B");
    await second.conflictDialog.getByRole("radio", { name: /Diese Version/ }).check();
    await second.conflictDialog.getByRole("button", { name: "Auswahl übernehmen" }).click();
    await expect(second.conflictDialog).toBeHidden();
    await second.waitSaved();
    await page.reload();
    await expect(editor.note("Ziele", 1)).toHaveValue("Fassung B");
    await expect(editor.note("Ziele", 2)).toHaveValue("Ziel zwei, nochmals geändert");
    await expect(page.getByRole("heading", { level: 1, name: "Mehmet" })).toBeVisible();

    // Keeping one's whole canvas as a copy is still there, as an explicit choice.
    await editor.note("Ziele", 1).fill("nur meine Fassung");
    await editor.waitSaved();
    await second.note("Ziele", 1).fill("die andere Fassung");
    await expect(second.conflictDialog).toBeVisible();
    await second.conflictDialog.getByRole("button", { name: "Stattdessen meinen ganzen Stand als Kopie behalten" }).click();
    await other.waitForURL((u) => u.toString() !== url);
    await expect(other.getByRole("heading", { level: 1, name: "Mehmet (meine Version)" })).toBeVisible();
    await expect(second.note("Ziele", 1)).toHaveValue("die andere Fassung");
    await page.reload();
    await expect(editor.note("Ziele", 1)).toHaveValue("nur meine Fassung");
  });

  test("export a Value Proposition Canvas as PNG and PDF: title and fit, no editing controls", async ({ page, signUpStudent }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Value Proposition Canvas", "Export Pendler");
    await editor.addNoteButton("Pains").click();
    await page.keyboard.type("Volle Zuege am Morgen");
    await editor.addNoteButton("Pain Reliever").click();
    await page.keyboard.type("Vorbestellung per App");
    await editor.noteMenu("Pain Reliever", 1).click();
    await editor.openSubmenu("Lindert");
    await editor.pick(page.getByRole("menuitemcheckbox", { name: "Volle Zuege am Morgen" }));
    await editor.closeMenus();
    await expect(editor.fitScore).toHaveText("100 %");
    await editor.waitSaved();

    // The export dialog previews exactly the sheet the files are drawn from: title, fit, notes — no control.
    await page.getByRole("button", { name: "Exportieren" }).click();
    const dialog = page.getByRole("dialog", { name: "Exportieren" });
    const preview = dialog.getByTestId("export-preview");
    await expect(preview).toContainText("Export Pendler");
    await expect(preview).toContainText("Fit 100 %");
    await expect(preview).toContainText("Volle Zuege am Morgen");
    await expect(preview).toContainText("Lindert: Volle Zuege am Morgen");
    const sheet = (await preview.textContent()) ?? "";
    for (const control of ["Notiz hinzufügen", "Menü", "ziehen", "Leitfragen", "Schlagwörter", "⋯", "⠿", "?"]) expect(sheet).not.toContain(control);
    await expect(preview.getByRole("button")).toHaveCount(0);
    await expect(preview.locator("textarea, input, select")).toHaveCount(0);

    const read = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: label }).click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const png = await read("PNG herunterladen");
    expect(png.name).toBe("Export-Pendler.png");
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const text = pngText(png.bytes);
    expect(text.Title).toBe("Export Pendler");
    expect(text.Description).toContain("Fit 100 %");
    expect(text.Author).toBe("Erika Probe");

    const pdf = await read("PDF herunterladen");
    expect(pdf.name).toBe("Export-Pendler.pdf");
    const raw = pdf.bytes.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw).toContain("(Export Pendler) Tj");
    expect(raw).toContain("(Fit 100 %) Tj");
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/);
    await dialog.getByRole("button", { name: "Schließen" }).click();
    await expect(dialog).toBeHidden();
  });

  test("a classmate cannot open someone else's draft", async ({ page, signUpStudent, openBrowser }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Persona", "Geheim");
    const url = page.url();
    const classmate = await openBrowser();
    await signUpStudent(classmate);
    const response = await classmate.goto(url);
    expect(response?.status()).toBe(404);
    await expect(classmate.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
  });
});
