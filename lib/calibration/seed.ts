import { and, count, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, calibrationAttempts, calibrationExamples, canvases } from "@/db/schema";
import type { RubricCriterion } from "@/lib/assignments/types";
import { emptyDocument, type CanvasDocument, type SegmentColor, type Weight } from "@/lib/canvas/document";
import { addNote, makeNote } from "@/lib/canvas/operations";
import { createCanvas } from "@/lib/canvas/store";
import type { ReviewScores } from "@/lib/pairing/types";
import { exampleReady, scoreAccuracy } from "./accuracy";
import { freezeRows } from "@/lib/assignments/freeze";

/**
 * Demo data for calibration: the instructor's example canvases (a Business Model Canvas with four
 * segments and a Value Proposition Canvas for each) and two assessed examples of the assignment —
 * "Prime Pizza für Familien und Büroteams" (strong: top scores) and "Prime Pizza für alle" (weak).
 * Idempotent: an assignment that has examples already is left alone.
 */

export type Profile = {
  jobs: string[];
  pains: Array<[string, Weight]>;
  gains: Array<[string, Weight]>;
  products: Array<[string, number[]]>;
  relievers: Array<[string, number[]]>;
  creators: Array<[string, number[]]>;
};

/** A Value Proposition Canvas document; the numbers name the jobs, pains and gains a note links to. */
export function valueProposition(p: Profile): CanvasDocument {
  let doc = emptyDocument();
  const jobs = p.jobs.map((text) => makeNote(text, { jobType: "functional" }));
  const pains = p.pains.map(([text, severity]) => makeNote(text, { severity }));
  const gains = p.gains.map(([text, importance]) => makeNote(text, { importance }));
  for (const n of jobs) doc = addNote(doc, "customer-jobs", n);
  for (const n of pains) doc = addNote(doc, "pains", n);
  for (const n of gains) doc = addNote(doc, "gains", n);
  const links: CanvasDocument["links"] = [];
  const side = (block: string, list: Array<[string, number[]]>, targets: Array<{ id: string }>) => {
    for (const [text, to] of list) {
      const note = makeNote(text);
      doc = addNote(doc, block, note);
      for (const i of to) if (targets[i]) links.push({ from: note.id, to: targets[i]!.id });
    }
  };
  side("products-services", p.products, jobs);
  side("pain-relievers", p.relievers, pains);
  side("gain-creators", p.creators, gains);
  return { ...doc, links };
}

const SEGMENTS: Array<[string, SegmentColor]> = [
  ["Familien mit kleinen Kindern", "teal"],
  ["Büroteams in der Mittagspause", "amber"],
  ["Alle, die Pizza mögen", "rose"],
  ["Leute, die online bestellen", "violet"],
];

const STRONG: Profile[] = [
  {
    jobs: ["Unter der Woche schnell ein Abendessen auf den Tisch bringen", "Die Kinder satt bekommen, ohne Streit ums Essen"],
    pains: [["Lieferung dauert über 45 Minuten, die Kinder werden quengelig", 3], ["Unklar, was Allergene enthält", 3], ["Pizza kommt lauwarm an", 2]],
    gains: [["Alle essen dasselbe und sind zufrieden", 3], ["Ein Abend ohne Abwasch", 2]],
    products: [["Familienbox: zwei Kinderpizzen und eine große Pizza", [0, 1]]],
    relievers: [["Lieferzusage 30 Minuten, sonst gratis Nachtisch", [0]], ["Allergenfilter in der Bestell-App", [1]], ["Isolierte Thermobox", [2]]],
    creators: [["Kinderpizza zum Selbstbelegen mit Gesicht", [0]], ["Alles in einer Lieferung, Einweggeschirr auf Wunsch", [1]]],
  },
  {
    jobs: ["Für das Team ein Mittagessen bestellen, das in die Pause passt", "Eine gemeinsame Bestellung ohne Zettelwirtschaft"],
    pains: [["Jede:r will etwas anderes, Sammelbestellung ist mühsam", 3], ["Abrechnung mit der Firma ist kompliziert", 2]],
    gains: [["Pünktlich zur Pause am Tisch", 3], ["Gesündere Optionen für die, die sie wollen", 2]],
    products: [["Team-Bestelllink mit Einzelwahl", [0, 1]]],
    relievers: [["Jede:r wählt über den Link selbst, eine Lieferung", [0]], ["Monatsrechnung für Firmenkonten", [1]]],
    creators: [["Lieferfenster auf die Minute wählbar", [0]], ["Salat-Pizza-Kombi", [1]]],
  },
];

const WEAK: Profile[] = [
  {
    jobs: ["Pizza essen"],
    pains: [["Pizza ist teuer", 2]],
    gains: [["Leckere Pizza", 2]],
    products: [["Pizza", []]],
    relievers: [["Gute Qualität", []]],
    creators: [["Viele Sorten", []]],
  },
  {
    jobs: ["Online bestellen"],
    pains: [["Pizza ist teuer", 2]],
    gains: [["Leckere Pizza", 2]],
    products: [["Pizza online", []]],
    relievers: [["Rabattcode", [0]]],
    creators: [["Viele Sorten", []]],
  },
];

/** The instructor's scores and reasons for the demo rubric (criteria ids profil, fit, abgrenzung); other criteria get the top or the bottom of their scale. */
const WHY: Record<string, { strong: [number, string]; weak: [number, string] }> = {
  profil: {
    strong: [4, "Jobs, Pains und Gains sind konkret und aus Sicht des Segments formuliert; die Schwere der Pains ist begründet gewichtet."],
    weak: [2, "„Pizza essen“ und „Pizza ist teuer“ gelten für alle und sagen nichts über ein bestimmtes Segment. Welche Situation, welcher Ärger genau?"],
  },
  fit: {
    strong: [4, "Jeder schwere Pain hat einen Pain Reliever, der wirklich an ihm ansetzt; die Fit-Links zeigen es."],
    weak: [1, "Die Value Map steht für sich: kaum ein Pain Reliever oder Gain Creator ist mit einem Pain oder Gain verknüpft."],
  },
  abgrenzung: {
    strong: [3, "Familien und Büroteams haben andere Jobs und Pains, und beide Wertangebote antworten darauf verschieden."],
    weak: [1, "„Alle, die Pizza mögen“ und „Leute, die online bestellen“ überschneiden sich fast ganz; die Canvases sind nahezu gleich."],
  },
};

function instructorScores(rubric: RubricCriterion[], kind: "strong" | "weak"): ReviewScores {
  return Object.fromEntries(
    rubric.map((c) => {
      const known = WHY[c.id]?.[kind];
      const score = known && known[0] <= c.scale ? known[0] : kind === "strong" ? c.scale : 1;
      const why = known?.[1] ?? (kind === "strong" ? "Überzeugend umgesetzt." : "Hier fehlt noch das Wesentliche.");
      return [c.id, { score, comment: why }];
    }),
  );
}

export type SeedCalibrationInput = {
  cohortId: string;
  assignmentId: string;
  /** An instructor member of the cohort: owns the example canvases. */
  instructorId: string;
  /**
   * Optional attempts of demo students: `scores` maps criterion id → points (missing criteria get the
   * instructor's). Only for students allowed to calibrate (the caller seeds their submissions).
   */
  attempts?: Array<{ userId: string; example: 0 | 1; scores: Record<string, number> }>;
};

/** Seeds the two examples (and optional attempts) in the caller's transaction; returns the examples' ids in order. */
export async function seedCalibration(tx: DbOrTx, input: SeedCalibrationInput): Promise<{ exampleIds: string[]; created: boolean }> {
  const [a] = await tx.select().from(assignments).where(eq(assignments.id, input.assignmentId)).limit(1);
  if (!a) throw new Error("seedCalibration: assignment missing");
  const existing = await tx
    .select({ id: calibrationExamples.id })
    .from(calibrationExamples)
    .where(eq(calibrationExamples.assignmentId, a.id))
    .orderBy(calibrationExamples.position, calibrationExamples.createdAt);
  if (existing.length > 0) return { exampleIds: existing.map((e) => e.id), created: false };

  const owner = input.instructorId;
  const [{ n }] = (await tx
    .select({ n: count() })
    .from(canvases)
    .where(and(eq(canvases.ownerId, owner), eq(canvases.cohortId, input.cohortId), eq(canvases.title, "Prime Pizza (Beispiele)")))) as [{ n: number }];
  let bmc = emptyDocument();
  const segmentNotes = SEGMENTS.map(([text, color]) => makeNote(text, { color }));
  for (const note of segmentNotes) bmc = addNote(bmc, "customer-segments", note);
  // A second seeding after the examples were deleted by hand makes fresh canvases beside the old ones.
  const business = await createCanvas(tx, owner, {
    cohortId: input.cohortId,
    template: "business-model",
    title: n > 0 ? "Prime Pizza (Beispiele, neu)" : "Prime Pizza (Beispiele)",
    document: bmc,
  });
  const vpcs = [];
  for (const [i, profile] of [...STRONG, ...WEAK].entries()) {
    vpcs.push(
      await createCanvas(tx, owner, {
        cohortId: input.cohortId,
        template: "value-proposition",
        title: `Prime Pizza: ${SEGMENTS[i]![0]}`,
        document: valueProposition(profile),
        segment: { canvasId: business.id, noteId: segmentNotes[i]!.id },
      }),
    );
  }
  const rows = await tx
    .select()
    .from(canvases)
    .where(inArray(canvases.id, vpcs.map((c) => c.id)));
  const frozen = await freezeRows(tx, owner, input.cohortId, rows, vpcs.map((c) => c.id));

  const examples = [
    { title: "Prime Pizza für Familien und Büroteams", canvases: frozen.slice(0, 2), scores: instructorScores(a.rubric, "strong"), standout: "Ein gelungenes Beispiel: zwei klar verschiedene Segmente, konkrete Pains und ein Fit, den die Links belegen." },
    { title: "Prime Pizza für alle", canvases: frozen.slice(2, 4), scores: instructorScores(a.rubric, "weak"), standout: "Ein Anfang, aber noch zu allgemein: Erst ein genaues Segment macht Pains und Wertangebot konkret." },
  ];
  const inserted = await tx
    .insert(calibrationExamples)
    .values(examples.map((e, position) => ({ ...e, assignmentId: a.id, position, createdById: owner })))
    .returning({ id: calibrationExamples.id, scores: calibrationExamples.scores });
  const exampleIds = inserted.map((e) => e.id);

  const attempts = (input.attempts ?? []).flatMap((t) => {
    const example = inserted[t.example];
    if (!example || !exampleReady(a.rubric, example.scores)) return [];
    const scores: ReviewScores = Object.fromEntries(
      a.rubric.map((c) => [c.id, { score: t.scores[c.id] ?? example.scores[c.id]!.score, comment: "" }]),
    );
    const accuracy = scoreAccuracy(a.rubric, scores, example.scores);
    return accuracy === null ? [] : [{ exampleId: example.id, assignmentId: a.id, userId: t.userId, scores, accuracy }];
  });
  if (attempts.length > 0) await tx.insert(calibrationAttempts).values(attempts).onConflictDoNothing();
  return { exampleIds, created: true };
}
