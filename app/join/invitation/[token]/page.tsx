import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { AcceptInvitationForm, RegisterByInvitationForm } from "@/components/cohorts/invitation-forms";
import { JoinUnknown } from "@/components/cohorts/join-unknown";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { getCurrentUser } from "@/lib/auth/session";
import { findInvitation } from "@/lib/cohorts/invitations";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohortAdmin.invitationPage"))("title") };
}

/**
 * A personal invitation from a roster import. Signed in: one button to join. Signed out: an
 * account with the invited address signs in (and comes back here); otherwise a short sign-up with
 * that address. A used, expired or revoked link says so and what to do.
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const user = await getCurrentUser();
  const db = await pageDb();
  const [invitation, t, format] = await Promise.all([
    findInvitation(db, token, user?.id ?? null),
    getTranslations("cohortAdmin.invitationPage"),
    getFormatter(),
  ]);
  const here = `/join/invitation/${token}`;
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(here)}`;

  if (!invitation || invitation.status === "revoked") {
    return <JoinUnknown namespace="cohortAdmin.invitationPage" signedIn={Boolean(user)} />;
  }

  const heading = (
    <>
      <p className="text-sm font-medium text-brand-700">{t("invited")}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{invitation.cohortName}</h1>
      <p className="mt-2 text-muted">{invitation.courseTitle}</p>
    </>
  );

  if (invitation.status !== "invited") {
    const used = invitation.status === "joined";
    return (
      <Card className="w-full max-w-md p-8">
        {heading}
        <p className="mt-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950" role="status">
          {used ? t("usedBody") : t("expiredBody", { date: format.dateTime(invitation.expiresAt, { dateStyle: "long" }) })}
        </p>
        <div className="mt-6">
          {invitation.role ? (
            <ButtonLink href={`/cohorts/${invitation.cohortId}`}>{t("open")}</ButtonLink>
          ) : (
            <ButtonLink href={user ? "/courses" : signInHref} variant="secondary">
              {user ? t("toCourses") : t("toSignIn")}
            </ButtonLink>
          )}
        </div>
      </Card>
    );
  }

  return (
    <Card className="w-full max-w-md p-8">
      {heading}
      <div className="mt-6">
        {user ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted">
              {invitation.role ? t("alreadyMember") : t("signedInLead", { name: user.name })}{" "}
              {user.email !== invitation.email && t("otherAddress", { email: invitation.email })}
            </p>
            <ClientMessages namespaces={["cohortAdmin"]}>
              <AcceptInvitationForm token={token} />
            </ClientMessages>
          </div>
        ) : invitation.hasAccount ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted">{t("hasAccountLead", { email: invitation.email })}</p>
            <ButtonLink href={signInHref}>{t("signInToJoin")}</ButtonLink>
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            <p className="text-sm text-muted">{t("registerLead", { date: format.dateTime(invitation.expiresAt, { dateStyle: "long" }) })}</p>
            <ClientMessages namespaces={["auth", "cohortAdmin"]}>
              <RegisterByInvitationForm token={token} email={invitation.email} name={invitation.name} />
            </ClientMessages>
            <p className="text-sm text-muted">
              {t("otherAccount")}{" "}
              <a href={signInHref} className="text-brand-700 underline underline-offset-2">
                {t("toSignIn")}
              </a>
            </p>
          </div>
        )}
      </div>
    </Card>
  );
}
