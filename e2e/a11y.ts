import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.2 AA as axe-core knows it (2.0, 2.1 and 2.2 rules, levels A and AA). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type CheckOptions = {
  /** Report and go on (expect.soft): a crawl lists every page's findings in one run. */
  soft?: boolean;
  /** Selectors left out of the check (none by default). */
  exclude?: string[];
};

/** Runs axe with the WCAG 2.2 AA rules and expects no violation; the message lists each one readably. */
export async function expectAccessible(page: Page, label?: string, options: CheckOptions = {}): Promise<void> {
  // Only violations come back in full: passes and the rest would be serialised for every node.
  // options() replaces what withTags() set, so it comes first. Legacy mode runs axe.run() in the page
  // instead of finishing in a new blank page each time (half the time); it skips only cross-origin
  // frames, and the app has no frames.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(WCAG_TAGS).setLegacyMode();
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
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
 * the elements that reach past the right edge.
 */
export async function expectNoSideScroll(page: Page, label?: string, options: CheckOptions = {}): Promise<void> {
  const result = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return { width, scrollWidth, culprits: [] as string[] };
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
    return { width, scrollWidth, culprits: innermost.slice(0, 6).map(describe) };
  });
  const where = label ?? page.url();
  const check = options.soft ? expect.soft : expect;
  check(
    result.scrollWidth <= result.width,
    `${where} scrolls sideways: scrollWidth ${result.scrollWidth} > innerWidth ${result.width}; past the edge:\n  ${result.culprits.join("\n  ")}\n`,
  ).toBe(true);
}
