import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CanvasListItem } from "@/components/canvas/canvas-list-item";
import { NewCanvasForm } from "@/components/canvas/new-canvas-form";
import { ClientMessages } from "@/components/client-messages";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { listSegments } from "@/lib/canvas/segments";
import { listOwnCanvases } from "@/lib/canvas/store";
import { TEMPLATE_KINDS } from "@/lib/canvas/templates";

type Props = { params: Promise<{ cohortId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("canvas"))("title") };
}

export default async function CanvasesPage({ params }: Props) {
  const { cohortId } = await params;
  const { user } = await requireCohortRole(cohortId);
  const db = await pageDb();
  const [t, format, rows, segments] = await Promise.all([
    getTranslations("canvas"),
    getFormatter(),
    listOwnCanvases(db, user.id, cohortId),
    listSegments(db, user.id, cohortId),
  ]);
  const segmentOf = (row: (typeof rows)[number]) => {
    const found = segments.find((s) => s.canvasId === row.segmentCanvasId && s.noteId === row.segmentNoteId);
    return found ? { label: t("forSegment", { segment: found.text.trim().slice(0, 60) || t("unnamedSegment") }), color: found.color } : undefined;
  };
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
                  segment: segmentOf(row),
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
