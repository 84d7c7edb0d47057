import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Optimistic redirects only: pages and actions check the session and the row themselves.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|txt)$).*)"],
};
