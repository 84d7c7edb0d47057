import { describe, expect, it } from "vitest";
import { markdownToHtml } from "./markdown";

describe("markdown", () => {
  it("renders GFM: emphasis, lists, tables, links", () => {
    const html = markdownToHtml("**fett** und [Link](https://example.org)\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>fett</strong>");
    expect(html).toContain('<a href="https://example.org">Link</a>');
    expect(html).toContain("<li>a</li>");
    expect(html).toContain("<table>");
  });

  it("puts a table in a focusable box that scrolls on its own, and lets code blocks take focus", () => {
    const html = markdownToHtml("| x | y |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```");
    expect(html).toMatch(/^<div class="table-scroll" tabindex="0"><table>[\s\S]*<\/table><\/div>/);
    expect(html).toContain('<pre tabindex="0"><code>code');
  });

  it("drops raw HTML, handlers, script URLs and images", () => {
    const hostile = [
      `<script>alert(1)</script>`,
      `<img src=x onerror=alert(1)>`,
      `[x](javascript:alert(1))`,
      `[x](data:text/html;base64,PHNjcmlwdD4=)`,
      `![x](https://tracker.example/pixel.gif)`,
      `<a href="javascript:alert(1)">a</a>`,
    ].join("\n\n");
    const html = markdownToHtml(hostile);
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text|<img|<iframe/i);
  });

  it("gives the same HTML for the same text (the cache is content-addressed)", () => {
    expect(markdownToHtml("*a*")).toBe(markdownToHtml("*a*"));
    expect(markdownToHtml("*a*")).toBe("<p><em>a</em></p>");
  });
});
