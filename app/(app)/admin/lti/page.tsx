import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DeletePlatformButton, PlatformForm, RotateKeysButton } from "@/components/lti/platform-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { originOf } from "@/lib/http-origin";
import { listKeys, signingKey } from "@/lib/lti/keys";
import { toolUrls } from "@/lib/lti/launch";
import { listPlatforms } from "@/lib/lti/platforms";

export async function generateMetadata(): Promise<Metadata> {
  if (!(await getCurrentUser())?.isAdmin) return {};
  return { title: (await getTranslations("lti.admin"))("title") };
}

/** Admins: the values to paste into the LMS, the registered LMSs, and the tool's signing keys. */
export default async function LtiAdminPage() {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  const db = getDb();
  // The first visit makes the signing key, so the published key set is never empty.
  await signingKey(db);
  const [t, format, platforms, keys, origin] = await Promise.all([
    getTranslations("lti.admin"),
    getFormatter(),
    listPlatforms(db),
    listKeys(db),
    headers().then((h) => originOf(h)),
  ]);
  const urls = toolUrls(origin);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const rows: [string, string][] = [
    [t("toolUrl"), urls.launch],
    [t("loginUrl"), urls.login],
    [t("redirectUri"), urls.launch],
    [t("deepLinkUrl"), urls.deepLink],
    [t("jwksToolUrl"), urls.jwks],
    [t("domain"), urls.domain],
  ];

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("lead")}</p>
      </header>

      <Card aria-labelledby="tool-heading">
        <h2 id="tool-heading" className="text-lg font-semibold">
          {t("toolTitle")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("toolLead")}</p>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="font-mono text-xs break-all sm:text-sm">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-sm text-muted">{t("services")}</p>
      </Card>

      <section aria-labelledby="platforms-heading" className="flex flex-col gap-4">
        <h2 id="platforms-heading" className="text-lg font-semibold">
          {t("platformsTitle")}
        </h2>
        {platforms.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line bg-white p-4 text-sm text-muted">{t("noPlatforms")}</p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label={t("platformsTitle")}>
            {platforms.map((p) => (
              <li key={p.id} className="rounded-xl border border-line bg-white p-5 shadow-xs">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-semibold">{p.name}</p>
                    <p className="text-xs text-muted">{t("platformMeta", { contexts: p.contexts, linked: p.linked, date: date(p.createdAt) })}</p>
                  </div>
                  <ClientMessages namespaces={["lti"]}>
                    <DeletePlatformButton platformId={p.id} name={p.name} />
                  </ClientMessages>
                </div>
                <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                  {(
                    [
                      [t("issuer"), p.issuer],
                      [t("clientId"), p.clientId],
                      [t("deploymentIds"), p.deploymentIds.join(", ")],
                      [t("authLoginUrl"), p.authLoginUrl],
                      [t("authTokenUrl"), p.authTokenUrl],
                      [t("jwksUrl"), p.jwksUrl],
                    ] as const
                  ).map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="text-muted">{label}</dt>
                      <dd className="font-mono text-xs break-all">{value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Card aria-labelledby="register-heading">
        <h2 id="register-heading" className="text-lg font-semibold">
          {t("registerTitle")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("registerLead")}</p>
        <ClientMessages namespaces={["lti"]}>
          <PlatformForm />
        </ClientMessages>
      </Card>

      <Card aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="text-lg font-semibold">
          {t("keysTitle")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("keysLead")}</p>
        <ul className="mb-4 flex flex-col gap-1 text-sm" aria-label={t("keysTitle")}>
          {keys.map((k) => (
            <li key={k.kid} className="flex flex-wrap gap-x-3">
              <span className="font-mono text-xs">{k.kid}</span>
              <span className="text-muted">
                {k.supersededAt
                  ? t(k.retiredAt && k.retiredAt <= new Date() ? "keyRetired" : "keyGrace", { date: date(k.retiredAt ?? k.supersededAt) })
                  : t("keyActive", { date: date(k.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
        <ClientMessages namespaces={["lti"]}>
          <RotateKeysButton />
        </ClientMessages>
      </Card>
    </div>
  );
}
