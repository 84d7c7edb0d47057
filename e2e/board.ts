import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Every block of the canvas(es) in `scope` is on screen horizontally and shows all it holds: no
 * block reaches past the viewport's edge and no note or title is cut off inside its box.
 */
export async function expectWholeCanvas(page: Page, scope: Locator, blocks: number) {
  const width = page.viewportSize()!.width;
  const found = scope.locator(".board-block");
  await expect(found).toHaveCount(blocks);
  for (const block of await found.all()) {
    await expect(block).toBeVisible();
    const box = (await block.boundingBox())!;
    const name = (await block.locator("h2, h3, h4").first().textContent())?.trim();
    expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(width);
    const clipped = await block.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>("h2, h3, h4, li, textarea")]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || (e instanceof HTMLTextAreaElement && e.scrollHeight > e.clientHeight + 1))
        .map((e) => e.textContent || (e as HTMLTextAreaElement).value),
    );
    expect(clipped, `${name}: nothing cut off`).toEqual([]);
  }
}
