import { describe, expect, it } from "vitest";
import { threadPage } from "./paging";

const posts = Array.from({ length: 120 }, (_, i) => ({ id: `p${i}` }));

describe("threadPage", () => {
  it("shows the first page by default, fifty posts of three pages", () => {
    const shown = threadPage(posts, {}, 50);
    expect(shown).toMatchObject({ page: 1, pageCount: 3, first: 0 });
    expect(shown.items.map((p) => p.id)).toEqual(posts.slice(0, 50).map((p) => p.id));
  });

  it("opens the page that holds a linked post, whatever page was asked for", () => {
    expect(threadPage(posts, { post: "p49" }, 50).page).toBe(1);
    expect(threadPage(posts, { post: "p50" }, 50).page).toBe(2);
    const last = threadPage(posts, { post: "p119", page: "1" }, 50);
    expect(last).toMatchObject({ page: 3, first: 100 });
    expect(last.items).toHaveLength(20);
  });

  it("falls back to ?page for a post it cannot show (hidden, deleted from view, another thread's)", () => {
    expect(threadPage(posts, { post: "elsewhere", page: "2" }, 50).page).toBe(2);
  });

  it("clamps pages out of range and ignores what is not a number", () => {
    expect(threadPage(posts, { page: "99" }, 50).page).toBe(3);
    expect(threadPage(posts, { page: "0" }, 50).page).toBe(1);
    expect(threadPage(posts, { page: "-4" }, 50).page).toBe(1);
    expect(threadPage(posts, { page: "abc" }, 50).page).toBe(1);
  });

  it("has one empty page for a thread without visible posts", () => {
    expect(threadPage([], { page: "3" }, 50)).toEqual({ page: 1, pageCount: 1, first: 0, items: [] });
  });
});
