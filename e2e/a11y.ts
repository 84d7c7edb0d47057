import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** WCAG 2.2 AA as axe-core knows it (2.0, 2.1 and 2.2 rules, levels A and AA). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Being rebuilt in the canvas board work (components/canvas/, components/assignments/frozen-canvases.tsx,
 * app/(app)/cohorts/[cohortId]/canvases/): another developer owns these elements, so the crawl leaves
 * them out of the axe run and of the sideways-scroll check. Each entry names what it stands for.
 */
export const CANVAS_OWNED = [
  // The board of the canvas editor and of a frozen snapshot (components/canvas/canvas-view.tsx).
  ".canvas-board",
  // The box a frozen snapshot scrolls in on a phone (components/assignments/frozen-canvases.tsx): it
  // holds nothing focusable, so axe asks for keyboard access (scrollable-region-focusable).
  "section > .overflow-x-auto:has(> .min-w-\\[48rem\\] > .canvas-board)",
];

/** A11Y_CANVAS=1 checks the canvas-owned elements too (for their owner, while rebuilding them). */
const EXCLUDED = process.env.A11Y_CANVAS ? [] : CANVAS_OWNED;

type CheckOptions = {
  /** Report and go on (expect.soft): a crawl lists every page's findings in one run. */
  soft?: boolean;
  /** Selectors left out on top of CANVAS_OWNED. */
  exclude?: string[];
};

/** Runs axe with the WCAG 2.2 AA rules and expects no violation; the message lists each one readably. */
export async function expectAccessible(page: Page, label?: string, options: CheckOptions = {}): Promise<void> {
  // Only violations come back in full: passes and the rest would be serialised for every node.
  // options() replaces what withTags() set, so it comes first. Legacy mode runs axe.run() in the page
  // instead of finishing in a new blank page each time (half the time); it skips only cross-origin
  // frames, and the app has no frames.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(WCAG_TAGS).setLegacyMode();
  for (const selector of [...EXCLUDED, ...(options.exclude ?? [])]) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const report = violations.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => {
      const html = n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html;
      // The first check's message says why (for contrast: the colours and the ratio).
      const why = [...n.any, ...n.all, ...n.none][0]?.message;
      return `    - ${n.target.join(" ")}\n      ${html}${why ? `\n      ${why}` : ""}`;
    });
    const more = v.nodes.length > 3 ? `\n    … and ${v.nodes.length - 3} more` : "";
    return `  ${v.id} (${v.impact ?? "?"}): ${v.help}\n${nodes.join("\n")}${more}`;
  });
  const where = label ?? page.url();
  const check = options.soft ? expect.soft : expect;
  check(violations.length, `axe violations on ${where}:\n${report.join("\n")}\n`).toBe(0);
}

/**
 * Nothing scrolls sideways: the document is no wider than the window. On failure the message names
 * the elements that reach past the right edge. Overflow only inside CANVAS_OWNED elements is left to
 * their owner and passes.
 */
export async function expectNoSideScroll(page: Page, label?: string, options: CheckOptions = {}): Promise<void> {
  const result = await page.evaluate((excluded) => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return { width, scrollWidth, culprits: [] as string[], ownedOnly: false };
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(el.getBoundingClientRect().right)}px) "${text}"`;
    };
    // Inside a box that scrolls or clips on its own (and ends within the window), an element widens
    // nothing. An absolutely positioned one is clipped only by boxes from its containing block up.
    const clipped = (el: Element) => {
      const absolute = ["absolute", "fixed"].includes(getComputedStyle(el).position);
      let box: Element | null = absolute ? (el as HTMLElement).offsetParent : el.parentElement;
      for (; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== "visible" && box.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    // The innermost elements past the edge, not every ancestor that contains them; widest first.
    const past = [...document.body.querySelectorAll("*")].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && !clipped(el);
    });
    const innermost = past
      .filter((el) => !past.some((other) => other !== el && el.contains(other)))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    const owned = (el: Element) => excluded.some((s) => el.closest(s));
    return {
      width,
      scrollWidth,
      culprits: innermost.slice(0, 6).map(describe),
      ownedOnly: innermost.length > 0 && innermost.every(owned),
    };
  }, [...EXCLUDED, ...(options.exclude ?? [])]);
  const where = label ?? page.url();
  if (result.ownedOnly) {
    test.info().annotations.push({ type: "canvas-owned overflow", description: `${where}: ${result.culprits.join("; ")}` });
  }
  const check = options.soft ? expect.soft : expect;
  check(
    result.ownedOnly || result.scrollWidth <= result.width,
    `${where} scrolls sideways: scrollWidth ${result.scrollWidth} > innerWidth ${result.width}; past the edge:\n  ${result.culprits.join("\n  ")}\n`,
  ).toBe(true);
}
