import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/client-messages";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("signInTitle")} lead={t("signInLead")} footer={t("noAccount")} linkHref="/sign-up" linkLabel={t("toSignUp")}>
      <ClientMessages namespaces={["auth"]}>
        <SignInForm callbackUrl={callbackUrl} />
      </ClientMessages>
    </AuthCard>
  );
}
