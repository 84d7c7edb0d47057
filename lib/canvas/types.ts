/** Canvas templates are data: blocks, their place in the grid, guiding questions and tags. */

export type Localized = { de: string; en: string };

export type TemplateKind = "business-model" | "value-proposition" | "empathy-map" | "persona";

/** Extra fields a note of a block carries (Value Proposition Canvas customer profile). */
export type NoteAttribute =
  | { kind: "jobType" } // functional | social | emotional
  | { kind: "severity" } // pains: 1 moderate … 3 extreme
  | { kind: "importance" }; // gains: 1 nice to have … 3 essential

export type TagGroup = {
  id: string; // kebab-case, unique within the template
  label: Localized;
  /** true when a note may carry several tags of this group. */
  multiple: boolean;
  tags: Array<{ id: string; label: Localized }>;
};

export type BlockDef = {
  id: string; // kebab-case, unique within the template
  title: Localized;
  /** Short hint shown under the title. */
  hint: Localized;
  /** Guiding questions, shown on demand. */
  questions: { de: string[]; en: string[] };
  /** CSS grid placement (1-based lines) in the template's grid. */
  grid: { column: number; row: number; columnSpan: number; rowSpan: number };
  /** Which side of a two-part canvas this block belongs to (VPC: "profile" circle or "map" square). */
  area?: "profile" | "map";
  tagGroups?: TagGroup[];
  attribute?: NoteAttribute;
  /** Empathy Map / Persona: the Value Proposition Canvas block this block's notes can be pulled into. */
  pullInto?: "customer-jobs" | "pains" | "gains";
};

/** A fit link goes from a note in `from` to a note in `to` (reliever → pain, creator → gain, product → job). */
export type LinkRule = { from: string; to: string };

export type CanvasTemplate = {
  kind: TemplateKind;
  title: Localized;
  description: Localized;
  grid: { columns: number; rows: number };
  blocks: BlockDef[];
  links: LinkRule[];
};
