import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Optimistic redirects only: pages and actions check the session and the row themselves.
// The invite link /join/CODE is open to signed-out visitors: the page offers sign-in and sign-up with the code.
const { auth } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    authorized: (params) => params.request.nextUrl.pathname.startsWith("/join/") || authConfig.callbacks.authorized(params),
  },
});
export const proxy = auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt)$).*)"],
};
