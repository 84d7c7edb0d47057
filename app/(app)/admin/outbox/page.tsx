import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/forum/badges";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { loadInvitationEmails, renderInvitationEmail } from "@/lib/cohorts/invitations";
import { emailSettingsFromEnv, listOutbox, renderEmail, type RenderedEmail } from "@/lib/notifications/email";

export async function generateMetadata(): Promise<Metadata> {
  if (!(await getCurrentUser())?.isAdmin) return {};
  return { title: (await getTranslations("outbox"))("title") };
}

type Row = Awaited<ReturnType<typeof listOutbox>>[number];
type Status = "pending" | "sent" | "failed";

const TONES: Record<Status, BadgeTone> = { pending: "info", sent: "brand", failed: "warning" };

/** One email of the outbox, from a notification or a roster invitation. */
type OutboxEmail = {
  key: string;
  status: Status;
  queuedAt: Date;
  emailedAt: Date | null;
  attempts: number;
  recipientName: string;
  email: RenderedEmail;
};

/** The email as the recipient gets it; a row that cannot be rendered still shows who it was for. */
function emailOf(row: Row, baseUrl: string): RenderedEmail {
  try {
    return renderEmail(row, row.recipient, baseUrl);
  } catch {
    return { to: row.recipient.email, subject: row.subject, text: "" };
  }
}

const statusOf = (s: "none" | Status): Status => (s === "none" ? "pending" : s);

/** What the emails say and whether they went out: without SMTP_URL this is where they can be read. */
export default async function OutboxPage() {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  const settings = emailSettingsFromEnv();
  const db = await pageDb();
  const [t, format, notificationRows, invitationRows] = await Promise.all([
    getTranslations("outbox"),
    getFormatter(),
    listOutbox(db, 100),
    loadInvitationEmails(db, { limit: 100 }),
  ]);
  const rows: OutboxEmail[] = [
    ...notificationRows.map((row) => ({
      key: `n-${row.id}`,
      status: statusOf(row.emailStatus),
      queuedAt: row.createdAt,
      emailedAt: row.emailedAt,
      attempts: row.emailAttempts,
      recipientName: row.recipient.name,
      email: emailOf(row, settings.baseUrl),
    })),
    ...invitationRows.map((row) => ({
      key: `i-${row.id}`,
      status: statusOf(row.emailStatus),
      queuedAt: row.sentAt,
      emailedAt: row.emailedAt,
      attempts: row.emailAttempts,
      recipientName: row.name,
      email: renderInvitationEmail(row, row.locale ?? DEFAULT_LOCALE, settings.baseUrl),
    })),
  ]
    .sort((a, b) => b.queuedAt.getTime() - a.queuedAt.getTime())
    .slice(0, 100);
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("lead")}</p>
      </header>

      <p
        className={
          settings.smtp
            ? "rounded-xl border border-sky-200 bg-sky-50 px-5 py-4 text-sm text-sky-900"
            : "rounded-xl border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-900"
        }
      >
        {settings.smtp ? t("smtpOn") : t("smtpOff")}
      </p>

      {rows.length === 0 ? (
        <Card className="text-center">
          <p className="font-semibold">{t("empty")}</p>
          <p className="mt-1 text-sm text-muted">{t("emptyHint")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t("listLabel", { count: rows.length })}>
          {rows.map((row) => {
            const { email, status } = row;
            return (
              <li key={row.key} className="rounded-xl border border-line bg-white p-5 shadow-xs">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Badge tone={TONES[status]}>{t(`status_${status}`)}</Badge>
                  <p className="text-xs text-muted">
                    <time dateTime={row.queuedAt.toISOString()}>{t("queuedAt", { time: at(row.queuedAt) })}</time>
                    {status !== "pending" && row.emailedAt && (
                      <>
                        {" · "}
                        <time dateTime={row.emailedAt.toISOString()}>
                          {t(status === "sent" ? "sentAt" : "failedAt", { time: at(row.emailedAt) })}
                        </time>
                      </>
                    )}
                    {/* More than one claim: the email may have gone out more than once (with the same Message-ID). */}
                    {row.attempts > 1 && ` · ${t("attempts", { count: row.attempts })}`}
                  </p>
                </div>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-muted">{t("to")}</dt>
                  <dd className="break-all">
                    {row.recipientName} &lt;{email.to}&gt;
                  </dd>
                  <dt className="text-muted">{t("subject")}</dt>
                  <dd className="font-semibold break-words">{email.subject}</dd>
                </dl>
                {email.text && (
                  <pre className="mt-3 rounded-lg border border-line bg-stone-50 p-3 font-sans text-sm whitespace-pre-wrap break-words">
                    {email.text}
                  </pre>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
