import { z } from "zod";
import { MATRIX_FILTERS, MATRIX_SORTS, type MatrixQuery } from "@/lib/dashboard/queries";

const page = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The dashboard's URL state: anything odd falls back to the default instead of failing the page. */
export const dashboardParams = z.object({
  q: z.string().trim().max(100).catch(""),
  filter: z.enum(MATRIX_FILTERS).catch("all"),
  sort: z.enum(MATRIX_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page,
  wpage: page,
});
export type DashboardParams = z.output<typeof dashboardParams>;

export function parseDashboardParams(raw: Record<string, string | string[] | undefined>): DashboardParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return dashboardParams.parse({ q: "", filter: "all", sort: "name", dir: "asc", page: 1, wpage: 1, ...flat });
}

export function matrixQuery(p: DashboardParams): MatrixQuery {
  return { q: p.q, filter: p.filter, sort: p.sort, dir: p.dir, page: p.page };
}

/** The dashboard URL with some parameters changed; defaults are left out so links stay short. */
export function dashboardHref(cohortId: string, p: DashboardParams, change: Partial<DashboardParams> = {}): string {
  const next = { ...p, ...change };
  const defaults: DashboardParams = { q: "", filter: "all", sort: "name", dir: "asc", page: 1, wpage: 1 };
  const search = new URLSearchParams();
  for (const key of Object.keys(defaults) as (keyof DashboardParams)[]) {
    if (next[key] !== defaults[key]) search.set(key, String(next[key]));
  }
  const qs = search.toString();
  return `/cohorts/${cohortId}/dashboard${qs ? `?${qs}` : ""}`;
}

const uuid = z.uuid();
export const reassignSchema = z.object({
  cohortId: uuid,
  reviewId: uuid,
  to: z.union([z.literal("auto"), z.literal("me"), uuid], { error: "reassignTargetInvalid" }),
});
export const reassignAllSchema = z.object({ cohortId: uuid, reviewerId: uuid });
export const repairSchema = z.object({ cohortId: uuid, assignmentId: uuid });
export const excuseSchema = z.object({ cohortId: uuid, assignmentId: uuid, userId: uuid });
export const extendSchema = z.object({
  cohortId: uuid,
  assignmentId: uuid,
  userId: uuid,
  // From <input type="datetime-local">, read in the cohort's time zone (as the assignment editor does).
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "dateInvalid"),
});
export const candidatesSchema = z.object({ cohortId: uuid, reviewId: uuid, q: z.string().trim().max(100).catch("") });
