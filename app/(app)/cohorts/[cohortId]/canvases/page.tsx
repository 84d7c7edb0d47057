import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CanvasListItem } from "@/components/canvas/canvas-list-item";
import { NewCanvasForm } from "@/components/canvas/new-canvas-form";
import { ClientMessages } from "@/components/client-messages";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireCohortRole } from "@/lib/auth/session";
import { listOwnCanvases } from "@/lib/canvas/store";
import { TEMPLATE_KINDS } from "@/lib/canvas/templates";

type Props = { params: Promise<{ cohortId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("canvas"))("title") };
}

export default async function CanvasesPage({ params }: Props) {
  const { cohortId } = await params;
  const { user } = await requireCohortRole(cohortId);
  const [t, format, rows] = await Promise.all([
    getTranslations("canvas"),
    getFormatter(),
    listOwnCanvases(getDb(), user.id, cohortId),
  ]);
  const now = new Date();
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("lead")}</p>
      </div>
      <ClientMessages namespaces={["canvas", "common"]}>
        {rows.length === 0 ? (
          <Card className="text-center">
            <h2 className="text-lg font-semibold">{t("empty")}</h2>
            <p className="mt-1 text-sm text-muted">{t("emptyHint")}</p>
          </Card>
        ) : (
          <ul className="grid gap-5 md:grid-cols-2 lg:grid-cols-3">
            {rows.map((row) => (
              <CanvasListItem
                key={row.id}
                cohortId={cohortId}
                item={{
                  id: row.id,
                  title: row.title,
                  kindLabel: t(`kinds.${row.template}`),
                  updatedLabel: t("updated", { when: format.relativeTime(row.updatedAt, now) }),
                }}
              />
            ))}
          </ul>
        )}
        <Card aria-labelledby="new-canvas-heading">
          <h2 id="new-canvas-heading" className="mb-4 text-lg font-semibold">
            {t("new")}
          </h2>
          <NewCanvasForm cohortId={cohortId} kinds={TEMPLATE_KINDS} />
        </Card>
      </ClientMessages>
    </div>
  );
}
