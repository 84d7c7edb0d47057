"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition, type KeyboardEvent, type ReactNode } from "react";
import { previewLessonAction } from "@/app/(app)/courses/[courseId]/lessons/[lessonId]/edit/actions";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";

const TABS = ["write", "preview"] as const;
type Tab = (typeof TABS)[number];

/**
 * Write / Preview tabs around the markdown textarea (WAI-ARIA tabs: arrow keys, Home and End move
 * between them). The preview is rendered on the server by the lesson page's own pipeline and
 * sanitiser; only that HTML is put into the page. The textarea stays in the form while hidden.
 */
export function MarkdownTabs({ courseId, body, lang, children }: { courseId: string; body: string; lang: string; children: ReactNode }) {
  const t = useTranslations("authoring");
  const [tab, setTab] = useState<Tab>("write");
  const [preview, setPreview] = useState<{ body: string; html: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });

  function select(next: Tab, focus = false) {
    setTab(next);
    if (focus) tabs.current[next]?.focus();
    if (next === "preview" && preview?.body !== body && body.trim() !== "") {
      setError(null);
      startLoading(async () => {
        const result = await previewLessonAction(null, { courseId, bodyMd: body });
        if (result.ok) setPreview({ body, html: result.data.html });
        else setError(result.fieldErrors?.bodyMd?.[0] ?? result.message);
      });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = TABS.indexOf(tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(TABS[(to + TABS.length) % TABS.length]!, true);
  }

  const current = preview && preview.body === body ? preview : null;
  return (
    <div className="flex flex-col gap-2">
      <div role="tablist" aria-label={t("body.tabs")} className="flex gap-1 border-b border-line">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabs.current[name] = el;
            }}
            id={`body-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`body-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onKeyDown}
            className={cn(
              "-mb-px rounded-t-lg border px-4 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-brand-300 focus-visible:outline-none",
              tab === name ? "border-line border-b-white bg-white text-ink" : "border-transparent text-muted hover:text-ink",
            )}
          >
            {t(`body.${name}`)}
          </button>
        ))}
      </div>
      <div id="body-panel-write" role="tabpanel" aria-labelledby="body-tab-write" hidden={tab !== "write"}>
        {children}
      </div>
      <div
        id="body-panel-preview"
        role="tabpanel"
        aria-labelledby="body-tab-preview"
        hidden={tab !== "preview"}
        tabIndex={0}
        aria-busy={loading || undefined}
        className="max-h-[40rem] min-h-64 overflow-y-auto rounded-lg border border-line bg-white px-5 py-4 focus-visible:ring-2 focus-visible:ring-brand-300 focus-visible:outline-none"
      >
        {loading && !current ? (
          <p className="flex items-center gap-2 text-sm text-muted">
            <Spinner /> {t("body.rendering")}
          </p>
        ) : error ? (
          <p className="text-sm text-red-700">{error}</p>
        ) : body.trim() === "" ? (
          <p className="text-sm text-muted">{t("body.nothingToPreview")}</p>
        ) : current ? (
          // Sanitised on the server (lib/markdown.ts), as on the lesson page.
          <div className="prose-lesson" lang={lang} data-user-content="" dangerouslySetInnerHTML={{ __html: current.html }} />
        ) : null}
      </div>
    </div>
  );
}
