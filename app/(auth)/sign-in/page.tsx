import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/client-messages";
import { Card } from "@/components/ui/card";
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
    <div className="w-full max-w-md">
      <Card className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("signInTitle")}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("signInLead")}</p>
        <ClientMessages namespaces={["auth"]}>
          <SignInForm callbackUrl={callbackUrl} />
        </ClientMessages>
      </Card>
      <p className="mt-6 text-center text-sm text-muted">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline underline-offset-2">
          {t("toSignUp")}
        </Link>
      </p>
    </div>
  );
}
