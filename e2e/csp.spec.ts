import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in.page";

/**
 * The Content-Security-Policy: a fresh nonce per response, 'strict-dynamic', no 'unsafe-inline' for
 * scripts; every script Next writes carries the nonce; the pages work under it; and a script that was
 * not written by Werkbank — an inline script injected into the page — does not run.
 */

const scriptSrc = (csp: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";

test("each page gets a fresh nonce, every script of the page carries it, and nothing else may run", async ({ request }) => {
  const pages = ["/sign-in", "/sign-up"];
  const nonces = new Set<string>();
  for (const path of [...pages, ...pages]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const csp = res.headers()["content-security-policy"] ?? "";
    const src = scriptSrc(csp);
    expect(src).toContain("'strict-dynamic'");
    expect(src).not.toContain("'unsafe-inline'");
    expect(src).not.toContain("'unsafe-eval'");
    const nonce = src.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    nonces.add(nonce!);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: ${tag.slice(0, 80)}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);
});

test("an inline script injected into a page is blocked and reported; the page itself still works", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __violations: string[] }).__violations.push(e.violatedDirective));
  });
  // What an XSS would look like if one got past the sanitiser: markup in the HTML the server sent.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", `<script>window.__injected = "ran"</script><img src="x" onerror="window.__handler = 'ran'"></body>`);
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __handler?: string }).__handler)).toBeUndefined();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.filter((d) => d.startsWith("script-src")).length)).toBeGreaterThanOrEqual(2);

  // Werkbank's own scripts ran: the form is hydrated and signs in.
  await page.unroute("**/sign-in");
  await new SignInPage(page).signIn(demo.student.email, DEMO_PASSWORD);
  await page.waitForURL("**/courses");
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});
