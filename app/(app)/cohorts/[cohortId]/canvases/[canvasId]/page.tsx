import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { CanvasEditorLoader } from "@/components/canvas/canvas-editor-loader";
import { ClientMessages } from "@/components/client-messages";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { canvasesOfSegments, listSegments, pullSources } from "@/lib/canvas/segments";
import { getOwnCanvas } from "@/lib/canvas/store";
import { SegmentAttach } from "@/components/canvas/segment-attach";

type Props = { params: Promise<{ cohortId: string; canvasId: string }> };

// Cached per request: generateMetadata and the page share one read.
const loadCanvas = cache(async (cohortId: string, canvasId: string) => {
  const { user } = await requireCohortRole(cohortId);
  // Drafts are private: someone else's canvas (or one of another cohort) is not found.
  const canvas = isUuid(canvasId) ? await getOwnCanvas(await pageDb(), user.id, canvasId) : null;
  if (!canvas || canvas.cohortId !== cohortId) notFound();
  return { canvas, user };
});

const load = async ({ params }: Props) => {
  const { cohortId, canvasId } = await params;
  return loadCanvas(cohortId, canvasId);
};

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).canvas.title };
}

export default async function CanvasPage(props: Props) {
  const { canvas, user } = await load(props);
  const db = await pageDb();
  const isBusinessModel = canvas.template === "business-model";
  const segmentRef =
    canvas.segmentCanvasId && canvas.segmentNoteId ? { canvasId: canvas.segmentCanvasId, noteId: canvas.segmentNoteId } : null;
  const [t, locale, segments, segmentCanvases, sources] = await Promise.all([
    getTranslations("canvas"),
    getLocale(),
    isBusinessModel ? [] : listSegments(db, canvas.ownerId, canvas.cohortId),
    isBusinessModel ? canvasesOfSegments(db, canvas.ownerId, canvas.id) : undefined,
    canvas.template === "value-proposition" && segmentRef ? pullSources(db, canvas.ownerId, canvas.id) : null,
  ]);
  return (
    // The board wants the whole window, wider than the reading column of the shell.
    <div className="relative left-1/2 flex w-[min(calc(100vw-2rem),120rem)] -translate-x-1/2 flex-col gap-4 print:static print:w-full print:translate-x-0">
      <nav className="text-sm text-muted print:hidden">
        <Link href={`/cohorts/${canvas.cohortId}/canvases`} className="hover:text-ink hover:underline">
          ← {t("backToCanvases")}
        </Link>
      </nav>
      <header className="print:hidden">
        <p className="text-sm font-medium text-brand-700">{t(`kinds.${canvas.template}`)}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{canvas.title}</h1>
      </header>
      <ClientMessages namespaces={["editor"]}>
        {!isBusinessModel && (
          <SegmentAttach
            cohortId={canvas.cohortId}
            canvasId={canvas.id}
            segments={segments}
            current={segmentRef}
          />
        )}
        <CanvasEditorLoader
          locale={locale === "en" ? "en" : "de"}
          author={user.name}
          segmentName={segments.find((s) => s.canvasId === segmentRef?.canvasId && s.noteId === segmentRef?.noteId)?.text.trim() ?? null}
          canvas={{
            id: canvas.id,
            cohortId: canvas.cohortId,
            title: canvas.title,
            template: canvas.template,
            version: canvas.version,
            document: canvas.document,
          }}
          segmentCanvases={segmentCanvases}
          pullSources={sources}
        />
      </ClientMessages>
    </div>
  );
}
