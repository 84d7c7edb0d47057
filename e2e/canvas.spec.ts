import { expect, firstCohortId, tabTo, test } from "./fixtures";
import { CanvasEditorPage } from "./pages/canvas-editor.page";

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

    // Then the value map: a reliever, linked to the pain from its menu.
    await tabTo(page, editor.addNoteButton("Pain Reliever"));
    await page.keyboard.press("Enter");
    await expect(editor.note("Pain Reliever", 1)).toBeFocused();
    await page.keyboard.type("Frühstückspizza ans Gleis");
    await tabTo(page, editor.noteMenu("Pain Reliever", 1));
    await page.keyboard.press("Enter");
    const link = page.getByRole("checkbox", { name: "Keine Zeit fürs Frühstück" });
    await tabTo(page, link);
    await page.keyboard.press("Space");
    await expect(link).toBeChecked();
    await expect(editor.fitScore).toHaveText("100 %");

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

  test("a stale save in a second tab gets a conflict; take the saved version or keep mine as a copy", async ({
    page,
    context,
    signUpStudent,
  }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Persona", "Mehmet");
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    const second = new CanvasEditorPage(other);

    await editor.addNoteButton("Ziele").click();
    await page.keyboard.type("aus Tab eins");
    await editor.waitSaved();

    await second.addNoteButton("Ziele").click();
    await other.keyboard.type("aus Tab zwei");
    await expect(second.conflictDialog).toBeVisible();
    await second.conflictDialog.getByRole("button", { name: "Gespeicherte Version übernehmen" }).click();
    await expect(second.conflictDialog).toBeHidden();
    await expect(second.note("Ziele", 1)).toHaveValue("aus Tab eins");
    await expect(second.note("Ziele", 2)).toHaveCount(0);

    // Now the first tab is behind: it keeps its own edit as a copy.
    await second.note("Ziele", 1).fill("aus Tab eins, ergänzt");
    await second.waitSaved();
    await editor.note("Ziele", 1).fill("nur meine Fassung");
    await expect(editor.conflictDialog).toBeVisible();
    await editor.conflictDialog.getByRole("button", { name: "Meine als Kopie behalten" }).click();
    await page.waitForURL((u) => u.toString() !== url);
    await expect(page.getByRole("heading", { level: 1, name: "Mehmet (meine Version)" })).toBeVisible();
    await expect(editor.note("Ziele", 1)).toHaveValue("nur meine Fassung");
    await other.reload();
    await expect(second.note("Ziele", 1)).toHaveValue("aus Tab eins, ergänzt");
  });

  test("download the canvas as a PNG image", async ({ page, signUpStudent }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Business Model Canvas", "Prime Pizza");
    await editor.addNoteButton("Kundensegmente").click();
    await page.keyboard.type("Pendler");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Als Bild herunterladen" }).click()]);
    expect(download.suggestedFilename()).toBe("Prime-Pizza.png");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const png = Buffer.concat(chunks);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
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
