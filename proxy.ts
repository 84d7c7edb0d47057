import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { hasSessionCookie } from "@/lib/auth/token-cookie";
import { LOCALE_COOKIE, visitorLocale } from "@/lib/i18n/locales";
import { ACTION_BODY_LIMIT, tooLargeResponse } from "@/lib/limits-http";
import { databaseMarkedDown, outageResponse } from "@/lib/outage";

/**
 * A fresh nonce per request and a policy that runs only scripts carrying it ('strict-dynamic' lets
 * them load the app's chunks): an injected inline script or handler does not run even if something
 * slipped past the sanitiser. Next reads the nonce from the request's policy and puts it on its own
 * scripts. Styles keep 'unsafe-inline' (React's style attributes).
 */
/** The single sign-on provider's origin: the sign-in form's redirect goes there (form-action covers redirects). */
const ssoOrigin = (() => {
  try {
    return process.env.AUTH_OIDC_ISSUER ? new URL(process.env.AUTH_OIDC_ISSUER).origin : null;
  } catch {
    return null;
  }
})();

/**
 * LTI pages (/lti/…) run inside the LMS's iframe and post deep-linking responses back to the LMS:
 * there any site may frame them and forms may go anywhere. They hold no more than a launch's own
 * steps; every other page keeps frame-ancestors 'none'.
 */
function contentSecurityPolicy(nonce: string, lti = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    lti ? "form-action *" : `form-action 'self'${ssoOrigin ? ` ${ssoOrigin}` : ""}`,
    lti ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), request.nextUrl.pathname.startsWith("/lti/"));
  const answer = route(request, csp);
  answer.headers.set("Content-Security-Policy", csp);
  return answer;
}

/**
 * Optimistic redirects only, on the cookie's presence: no decryption here (the page decrypts it once,
 * and every page and action checks the session and the row itself). The invite link /join/CODE is
 * open to signed-out visitors: the page offers sign-in and sign-up with the code.
 */
function route(request: NextRequest, csp: string): Response {
  const { pathname } = request.nextUrl;
  const locale = () => visitorLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  // An action too large for any form (a crafted request): a message, not a bare 500 after reading it all.
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return tooLargeResponse(locale());
  }
  // The database was just found unreachable: pages get the outage page at once (503, Retry-After).
  // /api/health still asks the database itself (load balancers see it recover).
  if (request.method === "GET" && !pathname.startsWith("/api/") && databaseMarkedDown()) {
    return outageResponse(locale(), `${pathname}${request.nextUrl.search}`);
  }
  if (isPublicPath(pathname) || pathname.startsWith("/join/") || hasSessionCookie(request.cookies)) {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers } });
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", request.nextUrl.href);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt)$).*)"],
};
