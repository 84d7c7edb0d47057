import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientAddress", () => {
  it("with no trusted proxy (the default) ignores X-Forwarded-For: the TCP peer counts", () => {
    const h = headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(h, 0)).toBe("203.0.113.7");
    // Changing the header changes nothing.
    expect(clientAddress(headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.2, 10.0.0.1" }), 0)).toBe("203.0.113.7");
  });

  it("behind one proxy takes the address the proxy appended, not what the client wrote before it", () => {
    // The client sent "1.2.3.4"; nginx appended the address it saw.
    const h = headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "1.2.3.4, 203.0.113.7" });
    expect(clientAddress(h, 1)).toBe("203.0.113.7");
    expect(clientAddress(headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("behind two proxies takes the second entry from the right", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1" }), 2)).toBe("203.0.113.7");
  });

  it("falls back to the peer when nothing is known", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers({}), 0)).toBe("unknown");
  });
});
