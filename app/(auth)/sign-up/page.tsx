import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { ClientMessages } from "@/components/client-messages";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  if (await getCurrentUser()) redirect("/courses");
  const { code } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="w-full max-w-md">
      <Card className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("signUpTitle")}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("signUpLead")}</p>
        <ClientMessages namespaces={["auth"]}>
          <SignUpForm inviteCode={code?.slice(0, 16)} />
        </ClientMessages>
      </Card>
      <p className="mt-6 text-center text-sm text-muted">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline underline-offset-2">
          {t("toSignIn")}
        </Link>
      </p>
    </div>
  );
}
