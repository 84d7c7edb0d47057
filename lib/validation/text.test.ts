import { describe, expect, it } from "vitest";
import { checkDocument } from "@/lib/canvas/validate";
import { valuePropositionCanvas } from "@/lib/canvas/templates/value-proposition";
import { nameSchema } from "./auth";
import { createCanvasSchema } from "./canvas";
import { replySchema } from "./forum";
import { hasInvalidCharacters, userText } from "./text";

describe("user text", () => {
  it("refuses NUL and unpaired surrogates, and keeps every real character, emoji included", () => {
    for (const bad of ["a\u0000b", "\u0000", "x\ud800", "\udc00y", "\ud83d", "a\ud83d b"]) expect(hasInvalidCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["Kaffee ☕ am Gleis", "Lieferung 🚲💨", "Zürich – 4 Uhr", "", "日本語", "\ud83d\ude00"]) expect(hasInvalidCharacters(good), good).toBe(false);
    expect(userText().safeParse("a\u0000").error?.issues[0]?.message).toBe("textInvalidCharacters");
  });

  it("guards the canvas title, a note's text, names and posts before the database", () => {
    const title = createCanvasSchema.safeParse({ cohortId: "00000000-0000-4000-8000-000000000000", template: "persona", title: "Mehmet\u0000" });
    expect(title.success).toBe(false);
    expect(title.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["title", "textInvalidCharacters"]]);
    const doc = { blocks: { pains: [{ id: "abcdef12", text: "kalt\u0000", tags: [], segments: [] }] }, links: [] };
    expect(checkDocument(valuePropositionCanvas, doc)).toMatchObject({ ok: false, issues: [{ message: "textInvalidCharacters" }] });
    expect(nameSchema.safeParse("Erika\ud800").error?.issues[0]?.message).toBe("textInvalidCharacters");
    expect(replySchema.safeParse({ threadId: "00000000-0000-4000-8000-000000000000", body: "Hallo\u0000" }).error?.issues[0]?.message).toBe("textInvalidCharacters");
  });
});
