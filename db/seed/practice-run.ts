import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calibrationAttempts, calibrationExamples, forumReads, notifications, reviews, submissions } from "@/db/schema";
import { submit } from "@/lib/assignments/store";
import { seedCalibration, valueProposition, type Profile } from "@/lib/calibration/seed";
import { emptyDocument, type SegmentColor } from "@/lib/canvas/document";
import { addNote, makeNote } from "@/lib/canvas/operations";
import { createCanvas } from "@/lib/canvas/store";
import type { Actor } from "@/lib/cohorts/membership";
import { assessSubmission, overrideGrade, releaseGrades } from "@/lib/grades/store";
import { loadAssignment, pairAssignment } from "@/lib/pairing/store";
import type { ReviewScores } from "@/lib/pairing/types";
import { rateHelpfulness, saveDraft, sendBackReview, submitReview } from "@/lib/reviews/store";
import { seedSelfAssessments } from "@/lib/self-assessment/seed";

/**
 * The demo's finished practice run ("Probelauf mit Prime Pizza") in the running cohort, played
 * through the same store functions the pages call, on a timeline in the past: eight students
 * submit two Value Proposition Canvases each, review the instructor's calibration example, are
 * paired at the deadline and review two classmates double-blind; one weak review is sent back
 * and resubmitted; seven assess themselves (Henrik has not yet, so his reviews stay locked);
 * the authors rate the reviews' helpfulness; the instructor assesses one submission herself,
 * overrides one grade with a reason, and releases the grades.
 *
 * Called by the demo seed only when it has just created the assignment.
 */

type Level = 1 | 2 | 3 | 4;

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Prime Pizza's customer segments as the students saw them. */
const SEGMENTS: Array<{ name: string; color: SegmentColor; profile: Profile }> = [
  {
    name: "Familien mit kleinen Kindern",
    color: "teal",
    profile: {
      jobs: ["An Wochentagen ein schnelles Abendessen für alle", "Kinder satt bekommen, ohne zu kochen"],
      pains: [["Die Kinder mögen die scharfen Sorten nicht", 2], ["Lange Wartezeit am Abend, die Kinder werden müde", 3]],
      gains: [["Alle essen gemeinsam am Tisch", 3], ["Kein Abwasch danach", 1]],
      products: [["Familienpaket mit zwei milden Kinderpizzen", [0, 1]]],
      relievers: [["Milde Kinderkarte ohne Chili", [0]], ["Lieferfenster 18 bis 18:30 Uhr fest buchbar", [1]]],
      creators: [["Pizza zum Teilen in Vierteln", [0]], ["Mehrweg-Geschirr wird wieder abgeholt", [1]]],
    },
  },
  {
    name: "Büroteams in der Mittagspause",
    color: "amber",
    profile: {
      jobs: ["Für zehn Leute ein Mittagessen organisieren", "Die Pause nicht mit Warten verbringen"],
      pains: [["Sammelbestellung per Chat ist chaotisch", 3], ["Die Firma braucht eine Rechnung", 2]],
      gains: [["Pünktlich um zwölf am Tisch", 3], ["Eine leichte Option für die, die sie wollen", 2]],
      products: [["Team-Bestelllink, jede:r wählt selbst", [0, 1]]],
      relievers: [["Ein Link, eine Lieferung, eine Sammelrechnung", [0, 1]]],
      creators: [["Lieferung auf die Minute planbar", [0]], ["Salat-Pizza-Kombi", [1]]],
    },
  },
  {
    name: "Studierende im Wohnheim",
    color: "violet",
    profile: {
      jobs: ["Beim Lernabend zu mehreren günstig essen", "Spät in der Nacht noch etwas bestellen"],
      pains: [["Mindestbestellwert ist allein zu hoch", 3], ["Ab 22 Uhr liefert kaum jemand", 2]],
      gains: [["Zusammen bestellen und fair teilen", 2], ["Ein Rabatt mit Studierendenausweis", 2]],
      products: [["Große Blechpizza zum Teilen", [0]]],
      relievers: [["Kein Mindestwert für Wohnheim-Sammelbestellungen", [0]], ["Lieferung bis 1 Uhr nachts", [1]]],
      creators: [["In der App auf mehrere aufteilen und einzeln zahlen", [0]], ["Zehn Prozent mit Studierendenausweis", [1]]],
    },
  },
  {
    name: "Ältere Menschen, die allein leben",
    color: "rose",
    profile: {
      jobs: ["Eine warme Mahlzeit, ohne selbst zu kochen", "Ohne Smartphone bestellen"],
      pains: [["Apps sind kompliziert", 3], ["Eine ganze Pizza ist zu viel für eine Person", 2]],
      gains: [["Ein freundliches Wort an der Tür", 2], ["Immer dieselbe zuverlässige Bestellung", 2]],
      products: [["Kleine Pizza für eine Person", [0]]],
      relievers: [["Bestellung per Telefon mit Rückruf", [0]], ["Halbe Portionen zum halben Preis", [1]]],
      creators: [["Feste Fahrerin für das Viertel", [0]], ["„Wie immer“-Bestellung auf Knopfdruck", [1]]],
    },
  },
  {
    name: "Sportvereine nach dem Training",
    color: "teal",
    profile: {
      jobs: ["Nach dem Training schnell die Mannschaft verpflegen", "Den Saisonabschluss feiern"],
      pains: [["Zwanzig hungrige Leute auf einmal", 3], ["Die Vereinskasse ist knapp", 2]],
      gains: [["Eiweißreiche Optionen", 2], ["Ein Sponsor-Logo auf dem Karton", 1]],
      products: [["Mannschaftsblech für zwanzig Personen", [0, 1]]],
      relievers: [["Vorbestellung zum Trainingsende", [0]], ["Vereinsrabatt ab zehn Pizzen", [1]]],
      creators: [["Pizza mit Hähnchen und Hüttenkäse", [0]], ["Kartons mit Vereinslogo zur Saisonfeier", [1]]],
    },
  },
  {
    name: "Beschäftigte in der Nachtschicht",
    color: "amber",
    profile: {
      jobs: ["In der Pause um drei Uhr etwas Warmes essen", "Wach bleiben bis zum Schichtende"],
      pains: [["Nachts hat nichts geöffnet", 3], ["Schweres Essen macht müde", 2]],
      gains: [["Lieferung direkt ans Werkstor", 2], ["Kollegen bestellen mit", 1]],
      products: [["Nacht-Menü mit leichten Sorten", [0, 1]]],
      relievers: [["Lieferung von 22 bis 5 Uhr", [0]], ["Dünne Pizza mit Gemüse statt Käseberg", [1]]],
      creators: [["Abholpunkt am Werkstor", [0]], ["Schicht-Sammelbestellung mit einem Klick", [1]]],
    },
  },
  {
    name: "Gastgeber einer Feier",
    color: "violet",
    profile: {
      jobs: ["Gäste bewirten, ohne den ganzen Tag in der Küche zu stehen", "Für jeden Geschmack etwas haben"],
      pains: [["Unklar, wie viel man bestellen muss", 2], ["Vegetarische und glutenfreie Gäste", 3]],
      gains: [["Das Essen kommt pünktlich zum Anstoßen", 3], ["Kein Rest, der weggeworfen wird", 1]],
      products: [["Partypaket mit gemischten Sorten", [0, 1]]],
      relievers: [["Mengenrechner nach Gästezahl", [0]], ["Glutenfreier Boden und vegetarische Sorten im Paket", [1]]],
      creators: [["Lieferung zur gewählten Uhrzeit", [0]], ["Reste-Boxen zum Mitgeben", [1]]],
    },
  },
  {
    name: "Menschen, die sich vegan ernähren",
    color: "rose",
    profile: {
      jobs: ["Eine Pizza bestellen, die wirklich vegan ist", "Mit nicht-veganen Freunden zusammen bestellen"],
      pains: [["Unsicher, ob der Teig Milch enthält", 3], ["Veganer Käse schmeckt oft künstlich", 2]],
      gains: [["Klare Kennzeichnung", 3], ["Eine Sorte, die alle mögen", 2]],
      products: [["Vegane Linie mit hausgemachtem Cashew-Käse", [0, 1]]],
      relievers: [["Zutatenliste pro Pizza in der App", [0]], ["Cashew-Käse aus eigener Herstellung", [1]]],
      creators: [["Grünes Siegel auf jeder veganen Pizza", [0]], ["Halb-halb-Pizza: eine Hälfte vegan", [1]]],
    },
  },
];

/** A student's canvases as good as their level: the lower, the fewer notes and links. */
function atLevel(p: Profile, level: Level): Profile {
  if (level === 4) return p;
  if (level === 3) return { ...p, creators: p.creators.map(([t], i) => [t, i === 0 ? p.creators[0]![1] : []]) };
  if (level === 2) {
    return { ...p, gains: p.gains.slice(0, 1), relievers: p.relievers.slice(0, 1), creators: p.creators.slice(0, 1).map(([t]) => [t, []]) };
  }
  return {
    jobs: p.jobs.slice(0, 1),
    pains: [["Pizza ist zu teuer", 2]],
    gains: [["Leckeres Essen", 2]],
    products: [["Pizza", []]],
    relievers: [["Gute Qualität", []]],
    creators: [["Viele Sorten", []]],
  };
}

type Student = { email: string; level: Level; segments: [number, number] };

const STUDENTS: Student[] = [
  { email: "anna.berger@werkbank.test", level: 3, segments: [0, 1] },
  { email: "ben.schulz@werkbank.test", level: 4, segments: [2, 3] },
  { email: "clara.wagner@werkbank.test", level: 2, segments: [4, 5] },
  { email: "deniz.yilmaz@werkbank.test", level: 4, segments: [6, 7] },
  { email: "emil.hoffmann@werkbank.test", level: 1, segments: [1, 2] },
  { email: "fatma.kaya@werkbank.test", level: 2, segments: [3, 4] },
  { email: "greta.neumann@werkbank.test", level: 3, segments: [5, 6] },
  { email: "henrik.lange@werkbank.test", level: 2, segments: [7, 0] },
];

/** What reviewers gave a submission of each level, per criterion. */
const SCORES: Record<string, Record<Level, number>> = {
  profil: { 1: 2, 2: 3, 3: 3, 4: 4 },
  fit: { 1: 1, 2: 2, 3: 3, 4: 4 },
  abgrenzung: { 1: 1, 2: 2, 3: 3, 4: 3 },
};

/** Two reviewers of the same work say it in their own words: the second variant is the other reviewer's. */
const COMMENTS: Record<string, Record<Level, [string, string]>> = {
  profil: {
    1: [
      "Jobs und Pains sind sehr allgemein („Pizza ist zu teuer“). Aus wessen Sicht, in welcher Situation?",
      "Das Profil könnte für jedes Segment gelten. Mir fehlt ein konkreter Moment, in dem diese Menschen bestellen.",
    ],
    2: [
      "Die Jobs sind gut erkennbar, die Gains bleiben aber dünn, und die Schwere der Pains ist nicht begründet.",
      "Die Jobs treffen es; bei den Pains wüsste ich gern, warum einer „hoch“ ist und der andere nicht.",
    ],
    3: [
      "Konkrete Jobs aus Sicht des Segments und gut gewichtete Pains; bei den Gains fehlt mir noch ein zweiter.",
      "Die Pains klingen echt und sind sinnvoll gewichtet. Ein weiterer Gain würde das Profil abrunden.",
    ],
    4: [
      "Jobs, Pains und Gains klingen wie aus einem Interview: konkret, gewichtet und glaubwürdig.",
      "Sehr genau beobachtet: Jeder Pain beschreibt eine Situation, die ich mir sofort vorstellen kann.",
    ],
  },
  fit: {
    1: [
      "Kaum ein Pain Reliever ist mit einem Pain verknüpft; die Value Map steht für sich allein.",
      "„Gute Qualität“ und „Viele Sorten“ antworten auf keinen der Pains. Verknüpfe, was wirklich hilft.",
    ],
    2: [
      "Der schwerste Pain hat einen Pain Reliever, die Gains aber keinen Gain Creator – der Fit-Wert zeigt die Lücke.",
      "Ein Pain ist gelöst, der zweite bleibt offen; die Gain Creator hängen ohne Verbindung in der Value Map.",
    ],
    3: [
      "Die wichtigsten Pains sind adressiert und verknüpft; ein Gain Creator hängt noch ohne Verbindung.",
      "Der Fit stimmt bei den Pains. Beim zweiten Gain Creator ist mir nicht klar, auf welchen Gain er antwortet.",
    ],
    4: [
      "Jeder schwere Pain hat einen passenden Pain Reliever, und die Links machen den Fit auf einen Blick sichtbar.",
      "Lückenlos: Jede Notiz der Value Map hat ihr Gegenüber im Profil, und das Angebot bleibt trotzdem knapp.",
    ],
  },
  abgrenzung: {
    1: [
      "Die beiden Segmente überschneiden sich stark; die Canvases sehen fast gleich aus.",
      "Beide Canvases haben dieselben Pains und Gains. Was unterscheidet die beiden Gruppen eigentlich?",
    ],
    2: [
      "Die Segmente sind verschieden benannt, ihre Wertangebote unterscheiden sich aber noch kaum.",
      "Zwei Gruppen, aber fast dasselbe Angebot. Was bekommt die eine, was die andere nicht braucht?",
    ],
    3: [
      "Zwei klar verschiedene Segmente mit eigenen Jobs – und das Angebot antwortet jeweils anders darauf.",
      "Die Segmente sind gut getrennt; man sieht an der Value Map, für wen welches Angebot gedacht ist.",
    ],
    4: [
      "Zwei klar verschiedene Segmente mit eigenen Jobs – und das Angebot antwortet jeweils anders darauf.",
      "Die Segmente sind gut getrennt; man sieht an der Value Map, für wen welches Angebot gedacht ist.",
    ],
  },
};

const STANDOUT: Record<Level, [string, string]> = {
  1: [
    "Ein Anfang ist gemacht. Am meisten würde helfen, ein Segment genau zu beschreiben: Wer bestellt wann, und was ärgert diese Menschen dabei konkret?",
    "Ich sehe die Idee, aber noch kein Segment. Sprich mit zwei, drei Leuten aus einer Gruppe und schreib ihre Ärgernisse wörtlich auf die Pains.",
  ],
  2: [
    "Die Richtung stimmt. Verknüpfe als Nächstes jeden schweren Pain und Gain mit deinem Angebot – dann siehst du im Fit-Wert sofort, was noch fehlt.",
    "Gute Grundlage. Am meisten brächte ein zweiter Pain Reliever für den schwersten offenen Pain; danach würde ich die Gains schärfen.",
  ],
  3: [
    "Das Kundenprofil überzeugt mich. Der nächste Schritt wäre, den offenen Gain Creator mit einem Gain zu verbinden oder ihn zu streichen.",
    "Stark ist, wie konkret die Pains sind. Wenn du noch einen Gain ergänzt und den losen Gain Creator verknüpfst, ist der Fit komplett.",
  ],
  4: [
    "Sehr stark: Die Segmente sind scharf getrennt, und jeder Pain Reliever hat einen Grund. So würde ich es einer Investorin zeigen.",
    "Das ist das klarste Wertangebot, das ich bisher gesehen habe. Einzige Idee: Teste die Lieferzusage mit echten Kund:innen, bevor du sie versprichst.",
  ],
};

/** Emil's first review, too thin to help: long enough for the minimums, sent back by the instructor. */
const THIN = {
  comment: "Passt soweit, finde ich insgesamt ganz gut gemacht.",
  standout: "Gute Arbeit, mir gefällt das Canvas insgesamt gut. Weiter so, ich habe eigentlich nichts zu verbessern gefunden.",
};

const HELPFUL: Record<number, string | undefined> = {
  5: "Der Hinweis auf den offenen Pain war genau das, was mir gefehlt hat.",
  4: undefined,
  3: "Hilfreich, aber ich hätte gern gewusst, welche Notiz genau gemeint ist.",
};

function reviewScores(level: Level, bias: number, variant: 0 | 1): ReviewScores {
  const scale: Record<string, number> = { profil: 4, fit: 4, abgrenzung: 3 };
  return Object.fromEntries(
    Object.keys(SCORES).map((id, i) => {
      const shifted = SCORES[id]![level] + (i === 1 ? bias : 0);
      return [id, { score: Math.min(scale[id]!, Math.max(1, shifted)), comment: COMMENTS[id]![level][variant] }];
    }),
  );
}

export async function seedPracticeRun(
  tx: DbOrTx,
  input: { assignmentId: string; cohortId: string; instructorId: string; userIds: Map<string, string>; now: number },
): Promise<void> {
  const at = (offset: number) => new Date(input.now + offset);
  const lena: Actor = { id: input.instructorId, isAdmin: false };
  const students = STUDENTS.map((s) => ({ ...s, id: input.userIds.get(s.email)! }));
  const levelOf = new Map(students.map((s) => [s.id, s.level]));

  // Calibration before anything else: everyone reviewed the weak example (the instructor gave it 2, 1 and 1 points).
  // Clara was far off and has not tried again yet; Emil was far off and did better on the strong one.
  const attempts: Record<string, Array<{ example: 0 | 1; scores: Record<string, number> }>> = {
    anna: [{ example: 1, scores: { profil: 2, fit: 2, abgrenzung: 1 } }],
    ben: [{ example: 1, scores: { profil: 2, fit: 1, abgrenzung: 1 } }],
    clara: [{ example: 1, scores: { profil: 3, fit: 2, abgrenzung: 2 } }],
    deniz: [{ example: 1, scores: { profil: 2, fit: 1, abgrenzung: 2 } }],
    emil: [
      { example: 1, scores: { profil: 4, fit: 3, abgrenzung: 3 } },
      { example: 0, scores: { profil: 3, fit: 4, abgrenzung: 3 } },
    ],
    fatma: [{ example: 1, scores: { profil: 3, fit: 1, abgrenzung: 1 } }],
    greta: [{ example: 1, scores: { profil: 2, fit: 2, abgrenzung: 2 } }],
    henrik: [{ example: 1, scores: { profil: 2, fit: 1, abgrenzung: 1 } }],
  };
  await seedCalibration(tx, {
    cohortId: input.cohortId,
    assignmentId: input.assignmentId,
    instructorId: lena.id,
    attempts: students.flatMap((s) => (attempts[s.email.split(".")[0]!] ?? []).map((t) => ({ userId: s.id, ...t }))),
  });

  // Ten to eleven days ago, before the deadline: each student's Business Model Canvas, two segments, two canvases, one submission.
  for (const [i, s] of students.entries()) {
    const actor: Actor = { id: s.id, isAdmin: false };
    let bmc = emptyDocument();
    const notes = s.segments.map((k) => makeNote(SEGMENTS[k]!.name, { color: SEGMENTS[k]!.color }));
    for (const note of notes) bmc = addNote(bmc, "customer-segments", note);
    const business = await createCanvas(tx, s.id, { cohortId: input.cohortId, template: "business-model", title: "Prime Pizza", document: bmc });
    const vpcs = [];
    for (const [j, k] of s.segments.entries()) {
      const segment = SEGMENTS[k]!;
      vpcs.push(
        await createCanvas(tx, s.id, {
          cohortId: input.cohortId,
          template: "value-proposition",
          title: `Prime Pizza: ${segment.name}`,
          document: valueProposition(atLevel(segment.profile, s.level)),
          segment: { canvasId: business.id, noteId: notes[j]!.id },
        }),
      );
    }
    await submit(tx, actor, { assignmentId: input.assignmentId, canvasIds: vpcs.map((c) => c.id) }, at(-11 * DAY + i * HOUR));
  }

  // Paired at the deadline, nine days ago.
  const assignment = await loadAssignment(tx, input.assignmentId);
  if (!assignment) throw new Error("practice run: assignment missing");
  await pairAssignment(tx, assignment, "deadline", new Date(assignment.submissionDue.getTime() + 5 * 60_000));

  // In the students' order (reviewer, then author), so the demo's scores and grades are the same on every machine.
  const place = new Map(students.map((s, i) => [s.id, i]));
  const tasks = (
    await tx
      .select({ id: reviews.id, reviewerId: reviews.reviewerId, authorId: reviews.authorId, version: reviews.version })
      .from(reviews)
      .where(and(eq(reviews.assignmentId, input.assignmentId), ne(reviews.status, "expired")))
  ).sort((x, y) => place.get(x.reviewerId)! - place.get(y.reviewerId)! || place.get(x.authorId)! - place.get(y.authorId)!);

  // Seven to six days ago: every review written, in time for the review deadline four days ago.
  let sentBack: { id: string; reviewerId: string } | null = null;
  for (const [i, task] of tasks.entries()) {
    const actor: Actor = { id: task.reviewerId, isAdmin: false };
    const when = at(-7 * DAY + i * 3 * HOUR);
    const level = levelOf.get(task.authorId)!;
    const thin = !sentBack && levelOf.get(task.reviewerId) === 1;
    const content = thin
      ? {
          scores: Object.fromEntries(Object.keys(SCORES).map((id) => [id, { score: 3, comment: THIN.comment }])),
          standout: THIN.standout,
          anchors: [],
        }
      : (() => {
          const variant = (tasks.filter((t) => t.authorId === task.authorId).findIndex((t) => t.id === task.id) % 2) as 0 | 1;
          const bias = ((place.get(task.reviewerId)! + place.get(task.authorId)!) % 3) - 1;
          return { scores: reviewScores(level, bias, variant), standout: STANDOUT[level][variant], anchors: [] };
        })();
    const { version } = await saveDraft(tx, actor, { ...content, reviewId: task.id, baseVersion: task.version }, when);
    await submitReview(tx, actor, { ...content, reviewId: task.id, baseVersion: version }, new Date(when.getTime() + 20 * 60_000));
    if (thin) sentBack = { id: task.id, reviewerId: task.reviewerId };
  }

  // The instructor sent Emil's thin review back; he rewrote it the next day.
  if (sentBack) {
    await sendBackReview(
      tx,
      lena,
      { reviewId: sentBack.id, note: "Bitte begründe jede Punktzahl am Canvas: Welche Notiz meinst du, und was würdest du ändern?" },
      at(-6 * DAY),
    );
    const [row] = await tx.select().from(reviews).where(eq(reviews.id, sentBack.id));
    const task = tasks.find((t) => t.id === sentBack!.id)!;
    const level = levelOf.get(task.authorId)!;
    const content = { scores: reviewScores(level, 0, 1), standout: STANDOUT[level][1], anchors: [] };
    const actor: Actor = { id: sentBack.reviewerId, isAdmin: false };
    const { version } = await saveDraft(tx, actor, { ...content, reviewId: row!.id, baseVersion: row!.version }, at(-5 * DAY));
    await submitReview(tx, actor, { ...content, reviewId: row!.id, baseVersion: version }, at(-5 * DAY + HOUR));
  }

  // Everyone but Henrik assessed themselves, then read and rated the reviews they received.
  const henrik = students.find((s) => s.email.startsWith("henrik."))!;
  const assessed = students.filter((s) => s !== henrik);
  await seedSelfAssessments(tx, input.assignmentId, assessed.map((s) => s.id));
  const received = (
    await tx
      .select({ id: reviews.id, authorId: reviews.authorId, reviewerId: reviews.reviewerId })
      .from(reviews)
      .where(and(eq(reviews.assignmentId, input.assignmentId), eq(reviews.status, "submitted"), inArray(reviews.authorId, assessed.map((s) => s.id))))
  ).sort((x, y) => place.get(x.authorId)! - place.get(y.authorId)! || place.get(x.reviewerId)! - place.get(y.reviewerId)!);
  for (const [i, r] of received.entries()) {
    const rating = Math.min(5, Math.max(2, levelOf.get(r.reviewerId)! + 1 + (i % 2)));
    await rateHelpfulness(tx, { id: r.authorId, isAdmin: false }, { reviewId: r.id, rating, comment: HELPFUL[rating] }, at(-4 * DAY + i * HOUR));
  }

  // The instructor assessed Fatma's submission herself and raised Greta's grade after a talk; then released the grades.
  const fatma = students.find((s) => s.email.startsWith("fatma."))!;
  const greta = students.find((s) => s.email.startsWith("greta."))!;
  const [fatmaSubmission] = await tx
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.assignmentId, input.assignmentId), eq(submissions.authorId, fatma.id)))
    .limit(1);
  await assessSubmission(
    tx,
    lena,
    {
      submissionId: fatmaSubmission!.id,
      scores: {
        profil: { score: 3, comment: "Die Jobs sind stark; die Pains brauchen eine Begründung ihrer Schwere." },
        fit: { score: 3, comment: "Der Fit ist besser, als die Reviews sagen: Der wichtigste Pain ist gelöst." },
        abgrenzung: { score: 2, comment: "Die Segmente unterscheiden sich, die Angebote noch zu wenig." },
      },
      comment: "Ich habe die Abgabe selbst bewertet, weil die beiden Reviews weit auseinanderlagen.",
    },
    at(-3 * DAY - 2 * HOUR),
  );
  await overrideGrade(
    tx,
    lena,
    { assignmentId: input.assignmentId, userId: greta.id, points: 85, reason: "In der Nachbesprechung hat Greta den Fit beider Segmente überzeugend hergeleitet." },
    at(-3 * DAY - HOUR),
  );
  await releaseGrades(tx, lena, { assignmentId: input.assignmentId }, at(-3 * DAY));

  // The story is in the past: what it told people is read, and nothing of it goes out as email — except the news that grades are out.
  await tx
    .update(notifications)
    .set({ readAt: at(-3 * DAY), emailStatus: "none" })
    .where(and(eq(notifications.assignmentId, input.assignmentId), ne(notifications.kind, "grades_released")));
  await tx.update(notifications).set({ emailStatus: "none" }).where(eq(notifications.assignmentId, input.assignmentId));
  // Authors and their reviewers read their threads when they were there; Henrik has not opened his since.
  const readers = await tx
    .select({ threadId: submissions.threadId, authorId: reviews.authorId, reviewerId: reviews.reviewerId })
    .from(reviews)
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .where(and(eq(reviews.assignmentId, input.assignmentId), eq(reviews.status, "submitted")));
  const reads = new Map<string, { userId: string; threadId: string; readAt: Date }>();
  for (const r of readers) {
    for (const userId of [r.authorId, r.reviewerId]) {
      if (userId === henrik.id) continue;
      reads.set(`${userId}:${r.threadId}`, { userId, threadId: r.threadId, readAt: at(-3 * DAY) });
    }
  }
  await tx.insert(forumReads).values([...reads.values()]).onConflictDoNothing();
  await tx.update(calibrationExamples).set({ createdAt: at(-13 * DAY), updatedAt: at(-13 * DAY) }).where(eq(calibrationExamples.assignmentId, input.assignmentId));
  await tx.update(calibrationAttempts).set({ createdAt: at(-10 * DAY) }).where(eq(calibrationAttempts.assignmentId, input.assignmentId));
}
