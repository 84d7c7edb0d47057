import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { cn } from "@/components/ui/cn";

/** Trail, heading and the two tabs (settings, members) of a cohort's management pages. */
export async function AdminHeader(props: { cohortId: string; cohortName: string; courseTitle: string; current: "settings" | "members" }) {
  const t = await getTranslations("cohortAdmin");
  const base = `/cohorts/${props.cohortId}`;
  const tabs = [
    { key: "settings", href: `${base}/settings`, label: t("tabs.settings") },
    { key: "members", href: `${base}/members`, label: t("tabs.members") },
  ] as const;
  return (
    <div className="flex flex-col gap-5">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: "/courses", label: t("myCourses") },
          { href: base, label: props.cohortName },
        ]}
        current={t(`tabs.${props.current}`)}
      />
      <div>
        <p className="text-sm font-medium text-brand-700">{props.courseTitle}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl">{props.cohortName}</h1>
      </div>
      <nav aria-label={t("tabsLabel")} className="border-b border-line">
        <ul className="-mb-px flex gap-1">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={tab.key === props.current ? "page" : undefined}
                className={cn(
                  "inline-block rounded-t-md border-b-2 px-4 py-2 text-sm font-medium",
                  tab.key === props.current ? "border-brand-600 text-ink" : "border-transparent text-muted hover:border-line hover:text-ink",
                )}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
