import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { hasSessionCookie } from "@/lib/auth/token-cookie";

/**
 * Optimistic redirects only, on the cookie's presence: no decryption here (the page decrypts it once,
 * and every page and action checks the session and the row itself). The invite link /join/CODE is
 * open to signed-out visitors: the page offers sign-in and sign-up with the code.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isPublicPath(pathname) || pathname.startsWith("/join/") || hasSessionCookie(request.cookies)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", request.nextUrl.href);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt)$).*)"],
};
