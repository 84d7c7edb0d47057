import { getDb } from "@/db";
import { publishedKeys } from "@/lib/lti/keys";

/** The tool's public keys for LTI platforms (deep-linking responses, service-token assertions). */
export async function GET() {
  const keys = await publishedKeys(getDb());
  return Response.json({ keys }, { headers: { "Cache-Control": "public, max-age=300" } });
}
