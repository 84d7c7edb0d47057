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
    await editor.segmentMenu(i + 1).click();
    await page.getByRole("menuitem", { name: "Value Proposition Canvas für dieses Segment anlegen" }).click();
    await page.waitForURL((url) => url.href !== bmcUrl && /\/canvases\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Value Proposition Canvas");
    await editor.addNoteButton("Pains").click();
    await editor.note("Pains", 1).fill(segment.pain);
    await editor.waitSaved();
  }
}

/** The instructor creates a lesson's assignment: one Empathy Map, a two-criteria rubric (Klarheit, Tiefe), two reviews each. */
export async function createEmpathyAssignment(page: Page, cohortId: string, lesson: string, opts: { anonymity: "named" | "double" }) {
  await page.goto(`/cohorts/${cohortId}/lessons/${lesson}/assignment`);
  // The editor's rows are client state: act once it is interactive.
  await expect(async () => {
    await page.getByLabel("Art").selectOption({ label: "Empathy Map" });
    await expect(page.getByLabel("Art")).toHaveValue("empathy-map", { timeout: 500 });
  }).toPass();
  await page.getByLabel("Anzahl").fill("1");
  await page.getByLabel("je für ein anderes Kundensegment").uncheck();
  const titles = page.getByRole("textbox", { name: /^Kriterium \d$/ });
  await titles.nth(0).fill("Klarheit");
  await titles.nth(1).fill("Tiefe");
  // The demo rubric has three criteria; keep two.
  await page.getByRole("button", { name: "Entfernen" }).last().click();
  // Anonymity is an explicit choice. Double-blind: students see no names either way; the instructor does.
  await page.getByRole("radio", { name: opts.anonymity === "double" ? /^Doppelt anonym/ : /^Mit Namen/ }).check();
  await page.getByRole("button", { name: "Aufgabe speichern" }).click();
  await expect(page.getByText("Aufgabe gespeichert.")).toBeVisible();
}

/** A student builds an Empathy Map with one pain and submits it for the lesson's assignment. */
export async function submitEmpathyMap(page: Page, cohortId: string, lesson: string, pain: string) {
  const editor = new CanvasEditorPage(page);
  await editor.gotoList(cohortId);
  await page.getByLabel("Empathy Map").check();
  await page.getByLabel("Titel").fill("Meine Empathy Map");
  await page.getByRole("button", { name: "Canvas anlegen" }).click();
  await page.waitForURL(/\/canvases\/[0-9a-f-]{36}$/);
  await editor.addNoteButton("Pains").click();
  await editor.note("Pains", 1).fill(pain);
  await editor.waitSaved();
  await page.goto(`/cohorts/${cohortId}/lessons/${lesson}`);
  await page.getByRole("checkbox", { name: /^Meine Empathy Map Empathy Map/ }).check();
  await page.getByRole("button", { name: "Einreichen" }).click();
  await page.waitForURL(/\/forum\/[0-9a-f-]{36}/);
}
