/**
 * Text in a PNG: iTXt chunks (UTF-8) inserted after the header, so an exported canvas image carries
 * its title, author and fit as metadata that image viewers and archives show.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function itxt(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  // keyword \0, compression flag 0, method 0, language "" \0, translated keyword "" \0, text
  const parts = [enc.encode(keyword), new Uint8Array([0, 0, 0, 0, 0]), enc.encode(text)];
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return chunk("iTXt", data);
}

export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error("not a PNG");
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const extra = Object.entries(entries).map(([k, v]) => itxt(k, v));
  const out = new Uint8Array(png.length + extra.reduce((n, c) => n + c.length, 0));
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of extra) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** The iTXt/tEXt entries of a PNG (for tests and for checking an export). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  const found: Record<string, string> = {};
  for (let at = 8; at + 8 <= png.length; ) {
    const length = view.getUint32(at);
    const type = dec.decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "iTXt" || type === "tEXt") {
      const nul = data.indexOf(0);
      const keyword = dec.decode(data.subarray(0, nul));
      if (type === "tEXt") found[keyword] = new TextDecoder("latin1").decode(data.subarray(nul + 1));
      else {
        let p = nul + 3; // flag, method
        p = data.indexOf(0, p) + 1; // language
        p = data.indexOf(0, p) + 1; // translated keyword
        found[keyword] = dec.decode(data.subarray(p));
      }
    }
    if (type === "IEND") break;
    at += 12 + length;
  }
  return found;
}
