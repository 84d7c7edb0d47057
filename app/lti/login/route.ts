import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db";
import { browserOrigin } from "@/lib/http-origin";
import { LtiError, beginLogin, stateCookieName, toolUrls } from "@/lib/lti/launch";

/**
 * OIDC third-party login initiation (LTI 1.3): the platform sends the browser here (GET or POST);
 * it goes on to the platform's authorisation endpoint with a fresh state and nonce. The state is also
 * set as a cookie of this browser (SameSite=None; Secure, so it survives the LMS's iframe and the
 * cross-site form post back), and the launch must come back with both.
 */
async function handle(request: NextRequest, params: URLSearchParams) {
  const origin = browserOrigin(request);
  try {
    const { url, state } = await beginLogin(getDb(), Object.fromEntries(params), toolUrls(origin).launch);
    const response = NextResponse.redirect(url, 302);
    response.cookies.set(stateCookieName(state), state, { httpOnly: true, secure: true, sameSite: "none", path: "/lti", maxAge: 600 });
    return response;
  } catch (error) {
    if (!(error instanceof LtiError)) throw error;
    return NextResponse.redirect(`${origin}/lti/error?reason=${error.reason}`, 303);
  }
}

export async function GET(request: NextRequest) {
  return handle(request, request.nextUrl.searchParams);
}

export async function POST(request: NextRequest) {
  const form = await request.formData();
  const params = new URLSearchParams();
  for (const [k, v] of form) if (typeof v === "string") params.set(k, v);
  return handle(request, params);
}
