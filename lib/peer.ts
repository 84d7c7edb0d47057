import { Server, type IncomingMessage } from "node:http";
import { PEER_HEADER } from "@/lib/auth/address";

const globalForPeer = globalThis as unknown as { __werkbankPeer?: boolean };

/**
 * Next does not give route handlers the TCP peer of a request, and fills X-Forwarded-For from it only
 * when the client sent none. So every request the Node HTTP servers of this process receive gets the
 * peer's address as a header of our own, before Next sees it (whatever the client sent under that
 * name is replaced). Installed once per process from instrumentation.ts.
 */
export function stampPeerAddress(): void {
  if (globalForPeer.__werkbankPeer) return;
  globalForPeer.__werkbankPeer = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
