import type { Element, Root } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// GitHub's allow-list, minus inline images from anywhere (no tracking pixels) and with only
// http, https and mailto links.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

/**
 * A wide table scrolls inside a box of its own instead of widening the page on a phone; the box
 * takes keyboard focus so it can be scrolled without a mouse (axe: scrollable-region-focusable).
 * Code blocks scroll themselves, so they take focus too. Runs after the sanitiser: it adds only this.
 */
function rehypeScrollBoxes() {
  return (tree: Root) => {
    const walk = (node: Root | Element) => {
      node.children = node.children.map((child) => {
        if (child.type !== "element") return child;
        walk(child);
        if (child.tagName === "pre") child.properties = { ...child.properties, tabIndex: 0 };
        if (child.tagName !== "table") return child;
        return { type: "element", tagName: "div", properties: { className: ["table-scroll"], tabIndex: 0 }, children: [child] } satisfies Element;
      }) as typeof node.children;
    };
    walk(tree);
  };
}

// Raw HTML in the source is dropped by remark-rehype (allowDangerousHtml is off); what markdown makes
// goes through the sanitiser's allow-list before it becomes a string.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeScrollBoxes)
  .use(rehypeStringify);

const CACHE_MAX = 5000;
const cache = new Map<string, string>();

/**
 * Markdown (GFM) → sanitised HTML. Content-addressed cache: the same text always gives the same
 * HTML, so nothing goes stale; a thread with 200 replies is rendered once per process, not per view.
 */
export function markdownToHtml(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) {
    cache.delete(markdown);
    cache.set(markdown, hit); // most recently used last
    return hit;
  }
  const html = String(processor.processSync(markdown));
  cache.set(markdown, html);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return html;
}
