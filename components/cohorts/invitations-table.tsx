import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/forum/badges";
import type { InvitationRow, InvitationStatus } from "@/lib/cohorts/invitations";
import { AdminTable } from "./admin-table";
import { InvitationActions } from "./invitation-actions";

const TONES: Record<InvitationStatus, BadgeTone> = { invited: "info", joined: "brand", expired: "warning", revoked: "neutral" };

/** The cohort's email invitations: who was invited, whether they joined, whether the email went out; resend and revoke. */
export async function InvitationsTable({ cohortId, rows }: { cohortId: string; rows: InvitationRow[] }) {
  const [t, format] = await Promise.all([getTranslations("cohortAdmin.invitations"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <AdminTable
      label={t("tableLabel")}
      columns={[t("name"), t("email"), t("status"), t("when")]}
      actionsLabel={t("actions")}
      minWidth="min-w-[44rem]"
    >
      {rows.map((r) => (
        <tr key={r.id} className="align-middle">
          <th scope="row" className="px-4 py-3 font-medium">
            {r.name}
          </th>
          <td className="px-4 py-3 break-all text-muted">{r.email}</td>
          <td className="px-4 py-3">
            <div className="flex flex-col items-start gap-1">
              <Badge tone={TONES[r.status]}>{t(`statuses.${r.status}`)}</Badge>
              {r.status === "invited" && <span className="text-xs text-muted">{t(`emailStatuses.${r.emailStatus}`)}</span>}
            </div>
          </td>
          <td className="px-4 py-3 text-muted">
            {r.status === "joined" && r.acceptedAt ? (
              <time dateTime={r.acceptedAt.toISOString()}>{t("joinedOn", { date: date(r.acceptedAt) })}</time>
            ) : r.status === "invited" ? (
              <time dateTime={r.expiresAt.toISOString()}>{t("validUntil", { date: date(r.expiresAt) })}</time>
            ) : (
              <time dateTime={r.sentAt.toISOString()}>{t("sentOn", { date: date(r.sentAt) })}</time>
            )}
          </td>
          <td className="px-4 py-3 text-right">
            <InvitationActions cohortId={cohortId} invitationId={r.id} email={r.email} status={r.status} />
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
