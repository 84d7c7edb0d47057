import { expectNoSideScroll } from "./a11y";
import { expectWholeCanvas } from "./board";
import { expect, firstCohortId, test } from "./fixtures";
import { CanvasEditorPage } from "./pages/canvas-editor.page";

async function createCanvas(editor: CanvasEditorPage, cohortId: string, kind: string, title: string) {
  await editor.gotoList(cohortId);
  await expectNoSideScroll(editor.page);
  await editor.page.getByLabel(kind).check();
  await editor.page.getByLabel("Titel").fill(title);
  await editor.page.getByRole("button", { name: "Canvas anlegen" }).click();
  await editor.page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
}

test.describe("the board on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("build a Value Proposition Canvas at 390 px: add, edit, move between blocks, link a reliever to a pain, see the fit", async ({
    page,
    signUpStudent,
  }) => {
    await signUpStudent();
    await expectNoSideScroll(page);
    const cohortId = await firstCohortId(page);
    await expectNoSideScroll(page);
    const editor = new CanvasEditorPage(page, true);
    await createCanvas(editor, cohortId, "Value Proposition Canvas", "Pendler am Handy");
    await expectNoSideScroll(page);

    // One column, customer profile first: the jobs block comes before the value map's blocks.
    const jobs = (await editor.block("Kundenaufgaben (Jobs)").boundingBox())!;
    const relievers = (await editor.block("Pain Reliever").boundingBox())!;
    expect(jobs.y).toBeLessThan(relievers.y);
    expect(Math.abs(jobs.x - relievers.x)).toBeLessThan(2);

    // A pain typed into Gains by mistake is moved across with its menu.
    await editor.press(editor.addNoteButton("Gains"));
    await page.keyboard.type("Zug faellt aus");
    await editor.press(editor.noteMenu("Gains", 1));
    await editor.openSubmenu("In Baustein verschieben");
    await editor.pick(page.getByRole("menuitemradio", { name: "Pains" }));
    await expect(editor.note("Pains", 1)).toHaveValue("Zug faellt aus");
    await expect(editor.note("Gains", 1)).toHaveCount(0);
    await editor.note("Pains", 1).fill("Zug fällt aus, ich komme zu spät");
    await expect(editor.fitScore).toHaveText("0 %");

    // A reliever, linked from the pain's side.
    await editor.press(editor.addNoteButton("Pain Reliever"));
    await page.keyboard.type("Ersatzbus-Alarm aufs Handy");
    await editor.press(editor.noteMenu("Pains", 1));
    await editor.openSubmenu("Gelindert durch");
    await editor.pick(page.getByRole("menuitemcheckbox", { name: "Ersatzbus-Alarm aufs Handy" }));
    await editor.closeMenus();
    await expect(editor.fitScore).toHaveText("100 %");
    await expect(editor.block("Pains")).toContainText("Gelindert durch: Ersatzbus-Alarm aufs Handy");

    // Blocks fold away on a phone.
    const toggle = editor.block("Gains").getByRole("button", { name: "Gains zuklappen" });
    await editor.press(toggle);
    await expect(editor.addNoteButton("Gains")).toBeHidden();
    await editor.press(editor.block("Gains").getByRole("button", { name: "Gains aufklappen" }));
    await expect(editor.addNoteButton("Gains")).toBeVisible();

    await editor.waitSaved();
    await expectNoSideScroll(page);
    await expectWholeCanvas(page, page.getByTestId("board"), 6);
    await page.reload();
    await expect(editor.note("Pains", 1)).toHaveValue("Zug fällt aus, ich komme zu spät");
    await expect(editor.fitScore).toHaveText("100 %");
  });
});

test.describe("the board on a desktop", () => {
  test("a 500-character note shows all its text; Enter, Shift+Enter and Escape work as the shortcut sheet says", async ({ page, signUpStudent }) => {
    await signUpStudent();
    const editor = new CanvasEditorPage(page);
    await createCanvas(editor, await firstCohortId(page), "Business Model Canvas", "Nachtküche");

    await editor.addNoteButton("Schlüsselpartner").click();
    await page.keyboard.type("Bäckerei");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("am Bahnhof");
    await page.keyboard.press("Enter");
    // Enter finished the note and began the next one in the same block.
    await expect(editor.note("Schlüsselpartner", 2)).toBeFocused();
    await expect(editor.note("Schlüsselpartner", 1)).toHaveValue("Bäckerei\nam Bahnhof");
    const long = "Nacht-Lieferung bis 4 Uhr für Krankenhäuser, Taxizentralen und Rechenzentren – ".repeat(7).slice(0, 500);
    await page.keyboard.insertText(long);
    await page.keyboard.press("Escape");
    const card = page.getByRole("listitem", { name: "Notiz 2 in Schlüsselpartner" });
    await expect(card).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(editor.note("Schlüsselpartner", 2)).toBeFocused();
    await expect(editor.note("Schlüsselpartner", 2)).toHaveValue(long);

    // The whole text shows: the text box is as tall as its text and needs no scrolling of its own.
    const box = editor.note("Schlüsselpartner", 2);
    const { scrollHeight, clientHeight } = await box.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
    expect(clientHeight).toBeGreaterThan(100);
    await expectWholeCanvas(page, page.getByTestId("board"), 9);

    // "?" opens the shortcut sheet when no text field has the focus.
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    const sheet = page.getByRole("dialog", { name: "Tastenkürzel der Tafel" });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText("Zeilenumbruch in der Notiz");
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await editor.waitSaved();
  });
});
