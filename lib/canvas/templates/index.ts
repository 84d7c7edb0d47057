import type { CanvasTemplate, TemplateKind } from "../types";
import { businessModelCanvas } from "./business-model";
import { empathyMap } from "./empathy-map";
import { persona } from "./persona";
import { valuePropositionCanvas } from "./value-proposition";

export const templates: Record<TemplateKind, CanvasTemplate> = {
  "business-model": businessModelCanvas,
  "value-proposition": valuePropositionCanvas,
  "empathy-map": empathyMap,
  persona,
};

export const TEMPLATE_KINDS: TemplateKind[] = ["business-model", "value-proposition", "empathy-map", "persona"];

export function getTemplate(kind: TemplateKind): CanvasTemplate {
  // Guards callers that cast an unchecked string (e.g. from the database) to TemplateKind.
  if (!Object.hasOwn(templates, kind)) throw new Error(`Unknown canvas template: ${String(kind)}`);
  return templates[kind];
}
