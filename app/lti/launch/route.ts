import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db";
import { browserOrigin } from "@/lib/http-origin";
import { LtiError, recordLaunch, stateCookieName, verifyLaunch } from "@/lib/lti/launch";

/**
 * The platform posts the id_token here (form_post). Verified, it becomes a launch with a one-time
 * ticket, and the browser goes on to /lti/start, which starts the Werkbank session (or, inside the
 * LMS's iframe, offers a new window). A refusal goes to /lti/error with its reason.
 */
export async function POST(request: NextRequest) {
  const origin = browserOrigin(request);
  const form = await request.formData();
  const idToken = form.get("id_token");
  const state = form.get("state");
  const fields = { id_token: typeof idToken === "string" ? idToken : undefined, state: typeof state === "string" ? state : undefined };
  const cookie = fields.state ? request.cookies.get(stateCookieName(fields.state))?.value : undefined;
  try {
    const db = getDb();
    const verified = await verifyLaunch(db, fields, cookie);
    const { ticket } = await recordLaunch(db, verified);
    const response = NextResponse.redirect(`${origin}/lti/start?ticket=${ticket}`, 303);
    if (fields.state) response.cookies.delete({ name: stateCookieName(fields.state), path: "/lti" });
    return response;
  } catch (error) {
    if (!(error instanceof LtiError)) throw error;
    console.warn(`[lti] ${error.message}`);
    return NextResponse.redirect(`${origin}/lti/error?reason=${error.reason}`, 303);
  }
}
