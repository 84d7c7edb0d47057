import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { hasSessionCookie } from "@/lib/auth/token-cookie";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { databaseMarkedDown, outageResponse } from "@/lib/outage";

/**
 * Optimistic redirects only, on the cookie's presence: no decryption here (the page decrypts it once,
 * and every page and action checks the session and the row itself). The invite link /join/CODE is
 * open to signed-out visitors: the page offers sign-in and sign-up with the code.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // The database was just found unreachable: pages get the outage page at once (503, Retry-After).
  // /api/health still asks the database itself (load balancers see it recover).
  if (request.method === "GET" && !pathname.startsWith("/api/") && databaseMarkedDown()) {
    const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
    const locale = isLocale(cookie) ? cookie : (localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE);
    return outageResponse(locale, `${pathname}${request.nextUrl.search}`);
  }
  if (isPublicPath(pathname) || pathname.startsWith("/join/") || hasSessionCookie(request.cookies)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", request.nextUrl.href);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt)$).*)"],
};
