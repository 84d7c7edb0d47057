import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/client-messages";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  // With a code (from an invite link), an existing account signs in and comes back to join.
  const join = code && /^[A-Za-z0-9]{6,16}$/.test(code) ? `/join/${code.toUpperCase()}` : null;
  if (await getCurrentUser()) redirect(join ?? "/courses");
  const t = await getTranslations("auth");
  const signIn = join ? `/sign-in?callbackUrl=${encodeURIComponent(join)}` : "/sign-in";
  return (
    <AuthCard title={t("signUpTitle")} lead={t("signUpLead")} footer={t("haveAccount")} linkHref={signIn} linkLabel={t("toSignIn")}>
      <ClientMessages namespaces={["auth"]}>
        <SignUpForm inviteCode={code?.slice(0, 16)} />
      </ClientMessages>
    </AuthCard>
  );
}
