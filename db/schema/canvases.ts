import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { CanvasDocument } from "@/lib/canvas/document";
import { memberships } from "./courses";
import { users } from "./users";

export const canvasTemplate = pgEnum("canvas_template", ["business-model", "value-proposition", "empathy-map", "persona"]);

/** A student's canvas in a cohort. `version` grows by one with every saved document (optimistic concurrency). */
export const canvases = pgTable(
  "canvases",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    template: canvasTemplate().notNull(),
    title: text().notNull(),
    document: jsonb().$type<CanvasDocument>().notNull().default({ blocks: {}, links: [] }),
    version: integer().notNull().default(1),
    // A Value Proposition Canvas, Empathy Map or Persona can be about one customer segment: a segment
    // note of one of the owner's Business Model Canvases. The note id means nothing once the canvas is gone.
    segmentCanvasId: uuid().references((): AnyPgColumn => canvases.id, { onDelete: "set null" }),
    segmentNoteId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Canvases exist only for members: leaving the cohort removes them.
    foreignKey({ columns: [t.cohortId, t.ownerId], foreignColumns: [memberships.cohortId, memberships.userId] }).onDelete(
      "cascade",
    ),
    index("canvases_owner_cohort_idx").on(t.ownerId, t.cohortId),
    index("canvases_cohort_id_idx").on(t.cohortId),
    index("canvases_segment_canvas_id_idx").on(t.segmentCanvasId),
    check("canvases_title_length", sql`length(${t.title}) between 1 and 120`),
    check("canvases_version_positive", sql`${t.version} > 0`),
    check("canvases_document_size", sql`octet_length(${t.document}::text) <= 300000`),
  ],
);
