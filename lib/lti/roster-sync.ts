import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { accounts, ltiContexts, ltiPlatforms, memberships } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { removeStudent } from "@/lib/cohorts/store";
import { werkbankRole } from "./claims";
import { ltiProvider, userForSubject } from "./launch";
import { SCOPE, callService, nextPage, serviceToken } from "./services";

/**
 * Names and Role Provisioning Services 2.0: the cohort's roster from its linked LMS course. Active
 * members join with their LMS role (found or created by their subject, as at launch); students who
 * came from this LMS and are no longer active in the course leave the cohort the way a removal does
 * (their open reviews handed on). Werkbank's own members (invited, joined by code) stay.
 */

const MEDIA = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
const MAX_PAGES = 50;

type Member = { user_id?: string; name?: string; given_name?: string; family_name?: string; email?: string; roles?: unknown; status?: string };

/** The cohort's linked LMS courses that offer a roster. */
export async function rosterSources(db: DbOrTx, cohortId: string) {
  return db
    .select({ context: ltiContexts, platform: ltiPlatforms })
    .from(ltiContexts)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
    .where(eq(ltiContexts.cohortId, cohortId));
}

async function fetchMembers(db: Db, source: Awaited<ReturnType<typeof rosterSources>>[number]): Promise<Member[]> {
  const token = await serviceToken(db, source.platform, [SCOPE.memberships]);
  const members: Member[] = [];
  let url: string | null = source.context.membershipsUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await callService(url, token, { accept: MEDIA });
    const body = (await response.json()) as { members?: Member[] };
    members.push(...(body.members ?? []));
    url = nextPage(response);
  }
  return members;
}

export type RosterSyncResult = { joined: number; left: number; active: number };

export async function syncRoster(db: Db, actor: Actor, cohortId: string, now = new Date()): Promise<RosterSyncResult> {
  if ((await actorRole(db, cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  const sources = (await rosterSources(db, cohortId)).filter((s) => s.context.membershipsUrl);
  if (sources.length === 0) throw new ActionError("conflict", "lti.noRoster");
  // The LMS is asked before anything is written: a slow or failing LMS holds no locks.
  const fetched: Array<{ source: (typeof sources)[number]; members: Member[] }> = [];
  for (const source of sources) {
    try {
      fetched.push({ source, members: await fetchMembers(db, source) });
    } catch (error) {
      console.error(`[lti] roster of context ${source.context.id} failed`, error);
      throw new ActionError("server", "lti.rosterFailed", undefined, { platform: source.platform.name });
    }
  }
  return db.transaction(async (tx) => {
    const result: RosterSyncResult = { joined: 0, left: 0, active: 0 };
    for (const { source, members } of fetched) {
      const active = members.filter((m) => typeof m.user_id === "string" && m.user_id && (m.status ?? "Active") === "Active");
      result.active += active.length;
      for (const m of active) {
        const name = m.name ?? ([m.given_name, m.family_name].filter(Boolean).join(" ") || undefined);
        const userId = await userForSubject(tx, source.platform.id, { sub: m.user_id!, name, email: m.email });
        const added = await tx
          .insert(memberships)
          .values({ cohortId, userId, role: werkbankRole(m.roles), joinedAt: now })
          .onConflictDoNothing()
          .returning({ userId: memberships.userId });
        result.joined += added.length;
      }
      // Students of this cohort who came from this LMS and are not active there any more.
      const activeSubs = new Set(active.map((m) => m.user_id!));
      const fromLms = await tx
        .select({ userId: memberships.userId, sub: accounts.providerAccountId })
        .from(memberships)
        .innerJoin(accounts, and(eq(accounts.userId, memberships.userId), eq(accounts.provider, ltiProvider(source.platform.id))))
        .where(and(eq(memberships.cohortId, cohortId), eq(memberships.role, "student")));
      const leavers = fromLms.filter((r) => !activeSubs.has(r.sub)).map((r) => r.userId);
      for (const userId of leavers) await removeStudent(tx, actor, cohortId, userId, now);
      result.left += leavers.length;
    }
    return result;
  });
}

/** Whether the members page offers the roster sync, and from which LMS. */
export async function linkedLms(db: DbOrTx, cohortId: string): Promise<{ platform: string; course: string; roster: boolean; grades: boolean } | null> {
  const [row] = await rosterSources(db, cohortId);
  if (!row) return null;
  return { platform: row.platform.name, course: row.context.title, roster: Boolean(row.context.membershipsUrl), grades: Boolean(row.context.lineItemsUrl) };
}

