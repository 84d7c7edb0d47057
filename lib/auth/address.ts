/**
 * The address a request came from, for the sign-in limits. A client can send any X-Forwarded-For it
 * likes, so that header counts only as far as proxies you run put it there: WERKBANK_TRUSTED_PROXIES
 * says how many (nginx in front: 1). With none (the default) the header is ignored and the TCP peer
 * is used, which lib/peer.ts stamps on every request as `x-werkbank-peer` (a client's own header of
 * that name is dropped first).
 */
export const PEER_HEADER = "x-werkbank-peer";

export function trustedProxies(): number {
  const n = Number(process.env.WERKBANK_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export function clientAddress(headers: Headers, proxies = trustedProxies()): string {
  const peer = headers.get(PEER_HEADER) || "unknown";
  if (proxies === 0) return peer;
  // Each proxy appends the address it was reached from; the last one's own address is the peer.
  // So the client is the proxies-th entry from the right; what lies left of it the client wrote.
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - proxies] ?? chain[0] ?? peer;
}
