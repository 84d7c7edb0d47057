import type { Page } from "@playwright/test";
import { expect, firstCohortId, test } from "./fixtures";
import { ASSIGNMENT_LESSON, buildSegmentCanvases } from "./flows";

/** Hostile input of every kind we render: HTML, event handlers, script URLs, SVG, broken markup, markdown tricks. */
const PAYLOADS = [
  `<script>alert("script")</script>`,
  `<img src=x onerror=alert("img")>`,
  `<svg onload=alert("svg")><circle r=5 /></svg>`,
  `<svg><script>alert("svg-script")</script></svg>`,
  `<iframe src="javascript:alert('iframe')"></iframe>`,
  `<a href="javascript:alert('a')">a</a>`,
  `<details open ontoggle=alert("details")>x</details>`,
  `"><script>alert("attr-break")</script>`,
  `'"><img src=x onerror=alert("quote")>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>`,
  `<div style="background:url(javascript:alert('css'))">css</div>`,
  `[md-link](javascript:alert('md'))`,
  `[md-case](JaVaScRiPt:alert('case'))`,
  `[md-space](  javascript:alert('space'))`,
  `[md-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)`,
  `<javascript:alert('autolink')>`,
  `![img](x" onerror="alert('md-img'))`,
  `[entity](&#106;avascript:alert('entity'))`,
  `<form action="javascript:alert('form')"><button>go</button></form>`,
  `<object data="javascript:alert('object')"></object>`,
  `<<script>alert("nested")//<</script>`,
];

const BODY = PAYLOADS.map((p, i) => `${i + 1}. ${p}`).join("\n\n");

/** Fails on anything that escaped the sanitiser into the page: handlers, script URLs, active elements. */
async function expectInert(page: Page, where: string) {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector("main") ?? document.body;
    for (const el of Array.from(main.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) problems.push(`${el.tagName} ${attr.name}`);
        // React writes action="javascript:throw …" on its own client-action forms; user content has no forms at all.
        const reactForm = attr.name === "action" && attr.value.startsWith("javascript:throw new Error('A React form");
        if (!reactForm && /^(href|src|action|formaction|data|xlink:href)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
          problems.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
        if (attr.name === "style" && /javascript:/i.test(attr.value)) problems.push(`${el.tagName} style`);
      }
      if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "FORM"].includes(el.tagName) && el.closest("[data-user-content]")) {
        problems.push(`active element ${el.tagName}`);
      }
    }
    return problems;
  });
  expect(found, `inert on ${where}`).toEqual([]);
}

test("hostile titles, posts and canvas notes render as text and never run", async ({ page, signUpStudent }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signUpStudent();
  const cohortId = await firstCohortId(page);

  // Canvas notes and segment names carry payloads; so do the canvas titles made from the segments.
  await buildSegmentCanvases(page, cohortId, [
    { name: `<img src=x onerror=alert("segment")>`, pain: PAYLOADS[0]! },
    { name: `<svg onload=alert("segment2")>`, pain: PAYLOADS[3]! },
  ]);
  await expectInert(page, "canvas editor");

  // Submitted, with the whole corpus as the comment: the frozen canvases and the post render as text.
  await page.goto(`/cohorts/${cohortId}/lessons/${ASSIGNMENT_LESSON}`);
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByLabel("Kommentar für deine Gruppe (optional)").fill(BODY);
  await page.getByRole("button", { name: "Einreichen" }).click();
  await page.waitForURL(/\/forum\/[0-9a-f-]{36}/);
  await expect(page.getByText(`<img src=x onerror=alert("segment")>`).first()).toBeVisible();
  await expectInert(page, "submission thread");

  // A thread whose title and body are hostile (the post clock allows one post per 5 seconds).
  await page.waitForTimeout(5500);
  await page.goto(`/cohorts/${cohortId}/lessons/${ASSIGNMENT_LESSON}/forum`);
  await page.getByRole("button", { name: /Neues Thema/ }).click();
  await page.getByLabel("Titel").fill(`<script>alert("title")</script><img src=x onerror=alert("title")>`);
  await page.getByRole("combobox", { name: "Dein Beitrag" }).fill(BODY);
  await page.getByRole("button", { name: "Thema erstellen" }).click();
  await page.waitForURL(/\/forum\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`<script>alert("title")</script>`);
  await expectInert(page, "discussion thread");
  await page.goto(`/cohorts/${cohortId}/lessons/${ASSIGNMENT_LESSON}/forum`);
  await expect(page.getByRole("link", { name: /<script>alert\("title"\)/ })).toBeVisible();
  await expectInert(page, "board");

  expect(dialogs).toEqual([]);
});
