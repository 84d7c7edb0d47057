import { describe, expect, it } from "vitest";
import { assignmentSchema } from "./assignment";

/** What the assignment editor posts (FormData keys as strings); unchecked checkboxes send nothing. */
const form = (over: Record<string, string | undefined> = {}) => ({
  cohortId: "6514ac71-6b17-4d39-b9fc-ae620b1c9790",
  lessonId: "7514ac71-6b17-4d39-b9fc-ae620b1c9790",
  timeZone: "Europe/Berlin",
  baseVersion: "0",
  requirements: JSON.stringify([{ template: "empathy-map", count: 1, distinctSegments: false }]),
  rubric: JSON.stringify([{ id: "clarity", title: "Klarheit", prompt: "", scale: 4 }]),
  instructionsMd: "",
  submissionDue: "2026-11-30T20:00",
  reviewDue: "2026-12-07T20:00",
  reviewsPerStudent: "2",
  pairingMode: "deadline",
  ...over,
});

describe("assignment form schema", () => {
  it("takes a form whose checkboxes are all unchecked (absent) as false", () => {
    const parsed = assignmentSchema.safeParse(form());
    expect(parsed.success && parsed.data).toMatchObject({ anonymous: false, hideReceivedUntilGiven: false });
  });

  it("takes checked boxes as true", () => {
    const parsed = assignmentSchema.safeParse(form({ anonymous: "on", hideReceivedUntilGiven: "on" }));
    expect(parsed.success && parsed.data).toMatchObject({ anonymous: true, hideReceivedUntilGiven: true });
  });

  it("refuses a review deadline before the submission deadline, naming the field", () => {
    const parsed = assignmentSchema.safeParse(form({ reviewDue: "2026-11-29T20:00" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["reviewDue", "reviewDueBeforeSubmission"]]);
  });
});
