import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { MemberRow } from "@/lib/cohorts/store";
import { AdminTable } from "./admin-table";
import { RemoveMemberButton } from "./remove-member-button";

/** One page of members; a student's name leads to their drill-down. Nobody removes themselves here. */
export async function MembersTable({ cohortId, rows, viewerId }: { cohortId: string; rows: MemberRow[]; viewerId: string }) {
  const [t, format] = await Promise.all([getTranslations("cohortAdmin.members"), getFormatter()]);
  return (
    <AdminTable label={t("tableLabel")} columns={[t("name"), t("email"), t("role"), t("joined")]} actionsLabel={t("actions")} minWidth="min-w-[40rem]">
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
    </AdminTable>
  );
}
