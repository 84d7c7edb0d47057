import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

/**
 * The standalone server builds each request's URL from the address it listens on (http://0.0.0.0:3000),
 * and Auth.js takes its callback URLs from that URL. With AUTH_URL unset (AUTH_TRUST_HOST, what
 * `npm start` sets), the origin the browser used is put back from the forwarded headers Next sets
 * (Host, or a proxy's X-Forwarded-Host/-Proto): a single sign-on's redirect_uri must be the same at
 * the authorisation request (made from a page) and at the code exchange (made here).
 */
function withBrowserOrigin(request: NextRequest): NextRequest {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const proto = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol).replace(/:$/, "");
  let origin: string;
  try {
    origin = new URL(`${proto}://${host}`).origin;
  } catch {
    return request;
  }
  if (origin === request.nextUrl.origin) return request;
  return new NextRequest(request.nextUrl.href.replace(request.nextUrl.origin, origin), request);
}

export const GET = (request: NextRequest) => handlers.GET(withBrowserOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(withBrowserOrigin(request));
