import { describe, expect, it } from "vitest";
import { databaseMarkedDown, isDatabaseUnreachable, noteDatabaseError, noteDatabaseReachable, outageResponse, RETRY_AFTER_SECONDS } from "./outage";

describe("outage", () => {
  it("knows an unreachable database by the error's code, also inside Drizzle's wrapper", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnreachable(new Error("Failed query", { cause: Object.assign(new Error("x"), { code: "CONNECT_TIMEOUT" }) }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("shutting down"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("conn"), { code: "08006" }))).toBe(true);
    // A bad query or a refused write is not an outage.
    expect(isDatabaseUnreachable(Object.assign(new Error("dup"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnreachable(new Error("plain"))).toBe(false);
  });

  it("answers unavailable for a few seconds after a failure, then lets one request try; a success clears it", () => {
    noteDatabaseReachable();
    const t = 1_000_000;
    expect(noteDatabaseError(new Error("not an outage"), t)).toBe(false);
    expect(databaseMarkedDown(t)).toBe(false);
    expect(noteDatabaseError(Object.assign(new Error("down"), { code: "ECONNREFUSED" }), t)).toBe(true);
    expect(databaseMarkedDown(t + 1000)).toBe(true);
    expect(databaseMarkedDown(t + RETRY_AFTER_SECONDS * 1000)).toBe(false);
    noteDatabaseError(Object.assign(new Error("down"), { code: "ECONNREFUSED" }), t + 10_000);
    noteDatabaseReachable();
    expect(databaseMarkedDown(t + 10_001)).toBe(false);
  });

  it("the outage page: 503, Retry-After, no cache, in the visitor's language, reloading itself", async () => {
    const res = outageResponse("en", '/cohorts/x?a="b"');
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Werkbank can’t reach its database right now");
    expect(html).toContain(`http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"`);
    expect(html).toContain('href="/cohorts/x?a=&quot;b&quot;"');
    expect(await outageResponse("de", "/").text()).toContain("Werkbank erreicht seine Datenbank gerade nicht");
  });
});
