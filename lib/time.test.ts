import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantToZoned, zonedToInstant } from "./time";

describe("cohort wall-clock times", () => {
  it("converts Berlin winter and summer times to the right instants", () => {
    expect(zonedToInstant("2026-11-27T18:00", "Europe/Berlin")?.toISOString()).toBe("2026-11-27T17:00:00.000Z");
    expect(zonedToInstant("2026-07-01T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(zonedToInstant("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedToInstant("2026-07-01T09:30", "UTC")?.toISOString()).toBe("2026-07-01T09:30:00.000Z");
  });

  it("moves a time skipped by the spring DST change forward, and refuses malformed input", () => {
    expect(zonedToInstant("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    for (const bad of ["", "2026-02-30T10:00", "2026-11-27 18:00", "2026-11-27T24:00", "27.11.2026 18:00"]) {
      expect(zonedToInstant(bad, "Europe/Berlin")).toBeNull();
    }
  });

  it("round-trips every minute-precise instant through the zone's wall clock", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"),
        (minute, zone) => {
          const instant = new Date(minute * 60_000);
          const local = instantToZoned(instant, zone);
          const back = zonedToInstant(local, zone)!;
          // In the repeated hour of an autumn DST change two instants share one wall time.
          expect(instantToZoned(back, zone)).toBe(local);
        },
      ),
    );
  });
});
