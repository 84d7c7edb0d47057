import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { browserOrigin } from "@/lib/http-origin";

/**
 * Auth.js takes its callback URLs from the request's URL, which the standalone server builds from
 * the address it listens on (http://0.0.0.0:3000). With AUTH_URL unset (AUTH_TRUST_HOST, what
 * `npm start` sets) the browser's origin is put back first: a single sign-on's redirect_uri must be
 * the same at the authorisation request (made from a page) and at the code exchange (made here).
 */
function withBrowserOrigin(request: NextRequest): NextRequest {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const origin = browserOrigin(request);
  if (origin === request.nextUrl.origin) return request;
  return new NextRequest(request.nextUrl.href.replace(request.nextUrl.origin, origin), request);
}

export const GET = (request: NextRequest) => handlers.GET(withBrowserOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(withBrowserOrigin(request));
