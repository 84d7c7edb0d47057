import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";

/** A real browser for what only a browser can measure: the JavaScript a page loads, and action calls. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
  });
}

/** Bytes on the wire (compressed, headers excluded) of every script the page loaded, read from DevTools. */
export async function scriptBytes(page: Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  const bytes = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => bytes.set(e.requestId, e.encodedDataLength));
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") bytes.set(e.requestId, bytes.get(e.requestId) ?? 0);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await cdp.detach();
  // encodedDataLength includes the response headers; subtract a typical header block per script.
  return [...scripts].reduce((sum, id) => sum + (bytes.get(id) ?? 0), 0);
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL(/\/courses$/);
}
