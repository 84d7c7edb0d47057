import type { CanvasViewLabels } from "./canvas-view";

/** The read-only canvas's labels from the "editor" catalog; works with next-intl's server and client translators alike. */
export function canvasViewLabels(te: (key: string) => string): CanvasViewLabels {
  return {
    empty: te("emptyBlockReadOnly"),
    linkLabel: (blockId: string) => te(`linkLabels.${blockId}`),
    severity: (n: number) => `${te("severity")}: ${te(`weights.${n}`)}`,
    importance: (n: number) => `${te("importance")}: ${te(`weights.${n}`)}`,
    jobType: (type: string) => te(`jobTypes.${type}`),
    sections: { map: te("sections.map"), profile: te("sections.profile") },
  };
}
