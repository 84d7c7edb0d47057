import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { JoinForm } from "@/components/cohorts/join-form";
import { JoinUnknown } from "@/components/cohorts/join-unknown";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { getCurrentUser } from "@/lib/auth/session";
import { findInvite } from "@/lib/cohorts/store";
import { inviteCodeSchema } from "@/lib/validation/auth";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohortAdmin.join"))("title") };
}

/**
 * An instructor's invite link. Signed in: one button to join (or a link in, for members). Signed
 * out: whom the link is for, then sign in (and come back here) or sign up with the code filled in.
 */
export default async function JoinPage({ params }: Props) {
  const { code: raw } = await params;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A mangled link: the schema refuses it below.
  }
  const parsed = inviteCodeSchema.safeParse(decoded);
  const code = parsed.success ? parsed.data : null;
  const user = await getCurrentUser();
  const db = await pageDb();
  const [invite, t] = await Promise.all([
    code ? findInvite(db, code, user?.id ?? null) : Promise.resolve(null),
    getTranslations("cohortAdmin.join"),
  ]);

  if (!invite || !code) {
    return <JoinUnknown namespace="cohortAdmin.join" signedIn={Boolean(user)} />;
  }

  const here = `/join/${code}`;
  return (
    <Card className="w-full max-w-md p-8">
      <p className="text-sm font-medium text-brand-700">{t("invited")}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{invite.cohortName}</h1>
      <p className="mt-2 text-muted">{invite.courseTitle}</p>
      <div className="mt-6">
        {!user ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted">{t("signedOutLead")}</p>
            <ButtonLink href={`/sign-up?code=${encodeURIComponent(code)}`}>{t("signUp")}</ButtonLink>
            <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} variant="secondary">
              {t("signIn")}
            </ButtonLink>
          </div>
        ) : invite.role ? (
          <div className="flex flex-col items-start gap-3">
            <p className="text-sm text-muted">{t("alreadyMember")}</p>
            <ButtonLink href={`/cohorts/${invite.cohortId}`}>{t("open")}</ButtonLink>
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-muted">{t("signedInLead", { name: user.name })}</p>
            <ClientMessages namespaces={["cohortAdmin"]}>
              <JoinForm inviteCode={code} label={t("join")} />
            </ClientMessages>
          </div>
        )}
      </div>
    </Card>
  );
}
