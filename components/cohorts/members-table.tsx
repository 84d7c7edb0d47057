import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { MemberRow } from "@/lib/cohorts/store";
import { RemoveMemberButton } from "./remove-member-button";

/** One page of members; a student's name leads to their drill-down. Nobody removes themselves here. */
export async function MembersTable({ cohortId, rows, viewerId }: { cohortId: string; rows: MemberRow[]; viewerId: string }) {
  const [t, format] = await Promise.all([getTranslations("cohortAdmin.members"), getFormatter()]);
  return (
    // On a phone the table keeps readable columns and scrolls inside this box, which takes focus so
    // it scrolls by keyboard too. `relative`: the sr-only header text is positioned absolutely;
    // without a positioned box here it escapes the scroll box and widens the whole page.
    <div tabIndex={0} role="region" aria-label={t("tableLabel")} className="relative overflow-x-auto rounded-xl border border-line bg-white shadow-xs">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="border-b border-line bg-stone-50 text-xs tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("name")}
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("email")}
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("role")}
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("joined")}
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((m) => (
            <tr key={m.userId} className="align-middle">
              <th scope="row" className="px-4 py-3 font-medium">
                {m.role === "student" ? (
                  <Link href={`/cohorts/${cohortId}/dashboard/students/${m.userId}`} className="text-ink underline decoration-stone-300 underline-offset-4 hover:decoration-current">
                    {m.name}
                  </Link>
                ) : (
                  m.name
                )}
                {m.userId === viewerId && <span className="ml-2 text-xs font-normal text-muted">{t("you")}</span>}
              </th>
              <td className="px-4 py-3 break-all text-muted">{m.email}</td>
              <td className="px-4 py-3">
                <span
                  className={cn(
                    "rounded-full px-2 py-0.5 text-xs whitespace-nowrap",
                    m.role === "instructor" ? "bg-brand-50 font-medium text-brand-900" : "bg-stone-100 text-muted",
                  )}
                >
                  {t(`roles.${m.role}`)}
                </span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-muted">
                <time dateTime={m.joinedAt.toISOString()}>{format.dateTime(m.joinedAt, { dateStyle: "medium" })}</time>
              </td>
              <td className="px-4 py-2 text-right">
                {m.userId !== viewerId && <RemoveMemberButton cohortId={cohortId} userId={m.userId} name={m.name} role={m.role} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
