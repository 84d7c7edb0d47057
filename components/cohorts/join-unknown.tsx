import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Props = {
  /** The page's namespace: its unknownTitle, unknownBody, toCourses and toSignIn say it in its words. */
  namespace: "cohortAdmin.join" | "cohortAdmin.invitationPage";
  signedIn: boolean;
};

/** A join or invitation link that leads nowhere: what happened, and the one way on. */
export async function JoinUnknown({ namespace, signedIn }: Props) {
  const t = await getTranslations(namespace);
  return (
    <Card className="w-full max-w-md p-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("unknownTitle")}</h1>
      <p className="mt-2 text-sm text-muted">{t("unknownBody")}</p>
      <div className="mt-6">
        <ButtonLink href={signedIn ? "/courses" : "/sign-in"} variant="secondary">
          {signedIn ? t("toCourses") : t("toSignIn")}
        </ButtonLink>
      </div>
    </Card>
  );
}
