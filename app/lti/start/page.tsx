import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { LtiStart } from "@/components/lti/lti-start";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lti.start"))("title") };
}

/** Where a verified LTI launch lands: the session starts from its ticket (or a new window opens from the LMS's iframe). */
export default async function LtiStartPage({ searchParams }: { searchParams: Promise<{ ticket?: string }> }) {
  const { ticket = "" } = await searchParams;
  const t = await getTranslations("lti.start");
  return (
    <Card className="w-full max-w-md p-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <div className="mt-4">
        <ClientMessages namespaces={["lti"]}>
          <LtiStart ticket={ticket.slice(0, 64)} />
        </ClientMessages>
      </div>
    </Card>
  );
}
