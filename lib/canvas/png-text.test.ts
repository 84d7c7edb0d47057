import { describe, expect, it } from "vitest";
import { crc32, readPngText, withPngText } from "./png-text";

// A 1×1 transparent PNG.
const PIXEL = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="),
  (c) => c.charCodeAt(0),
);

describe("PNG text", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("writes UTF-8 text after the header and reads it back; the image is kept", () => {
    const out = withPngText(PIXEL, { Title: "Lieferdienst – Büros", Description: "Fit 67 %" });
    expect(readPngText(out)).toEqual({ Title: "Lieferdienst – Büros", Description: "Fit 67 %" });
    expect(out.subarray(out.length - PIXEL.length + 33)).toEqual(PIXEL.subarray(33));
    expect(Array.from(out.subarray(12, 16), (c) => String.fromCharCode(c)).join("")).toBe("IHDR");
  });

  it("refuses what is not a PNG", () => {
    expect(() => withPngText(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), { Title: "x" })).toThrow();
  });
});
