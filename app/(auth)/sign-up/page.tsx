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
  if (await getCurrentUser()) redirect("/courses");
  const { code } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("signUpTitle")} lead={t("signUpLead")} footer={t("haveAccount")} linkHref="/sign-in" linkLabel={t("toSignIn")}>
      <ClientMessages namespaces={["auth"]}>
        <SignUpForm inviteCode={code?.slice(0, 16)} />
      </ClientMessages>
    </AuthCard>
  );
}
