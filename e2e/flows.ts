import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { CanvasEditorPage } from "./pages/canvas-editor.page";

export const ASSIGNMENT_LESSON = "von-der-empathy-map-zur-value-proposition";

/**
 * Builds what the demo assignment asks for, through the UI: a Business Model Canvas with the given
 * segments, and from each segment's menu a Value Proposition Canvas with one pain.
 */
export async function buildSegmentCanvases(page: Page, cohortId: string, segments: Array<{ name: string; pain: string }>) {
  const editor = new CanvasEditorPage(page);
  await editor.gotoList(cohortId);
  await page.getByLabel("Business Model Canvas").check();
  await page.getByLabel("Titel").fill("Pendel-Café");
  await page.getByRole("button", { name: "Canvas anlegen" }).click();
  await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
  const bmcUrl = page.url();
  for (const [i, segment] of segments.entries()) {
    await editor.addNoteButton("Kundensegmente").click();
    await editor.note("Kundensegmente", i + 1).fill(segment.name);
  }
  await editor.waitSaved();
  for (const [i, segment] of segments.entries()) {
    await page.goto(bmcUrl);
    await editor.noteMenu("Kundensegmente", i + 1).click();
    await page.getByRole("button", { name: "Value Proposition Canvas für dieses Segment anlegen" }).click();
    await page.waitForURL((url) => url.href !== bmcUrl && /\/canvases\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Value Proposition Canvas");
    await editor.addNoteButton("Pains").click();
    await editor.note("Pains", 1).fill(segment.pain);
    await editor.waitSaved();
  }
}
