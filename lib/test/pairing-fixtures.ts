import { getDb } from "@/db";
import { saveAssignment, submit, type AssignmentInput } from "@/lib/assignments/store";
import { emptyDocument } from "@/lib/canvas/document";
import { addNote, makeNote } from "@/lib/canvas/operations";
import { createCanvas } from "@/lib/canvas/store";
import { loadAssignment } from "@/lib/pairing/store";
import { addMember, createCohort, createCourse, createUser } from "./factories";

const DAY = 86_400_000;

export type Person = { id: string; isAdmin: boolean; name: string };

/** A cohort with an instructor, n students and an assignment asking for one Empathy Map. */
export async function pairingCohort(n: number, over: Partial<AssignmentInput> = {}) {
  const { course, lessons } = await createCourse(2);
  const cohort = await createCohort(course.id);
  const instructorRow = await createUser({ name: "Lena Keller" });
  await addMember(cohort.id, instructorRow.id, "instructor");
  const instructor: Person = { id: instructorRow.id, isAdmin: false, name: instructorRow.name };
  const students: Person[] = [];
  for (let i = 0; i < n; i++) students.push(await addStudent(cohort.id, `Student ${String(i).padStart(2, "0")}`));
  const row = await saveAssignment(getDb(), instructor, {
    cohortId: cohort.id,
    lessonId: lessons[0]!.id,
    instructionsMd: "",
    requirements: [{ template: "empathy-map", count: 1, distinctSegments: false }],
    rubric: [
      { id: "clarity", title: "Klarheit", prompt: "Ist es klar?", scale: 4 },
      { id: "fit", title: "Fit", prompt: "Passt es?", scale: 5 },
    ],
    reviewsPerStudent: 2,
    submissionDue: new Date(Date.now() + 7 * DAY),
    reviewDue: new Date(Date.now() + 14 * DAY),
    anonymity: "named",
    hideReceivedUntilGiven: true,
    pairingMode: "deadline",
    ...over,
  });
  const assignment = (await loadAssignment(getDb(), row.id))!;
  return { course, lessons, cohort, instructor, students, assignment };
}

export async function addStudent(cohortId: string, name: string): Promise<Person> {
  const user = await createUser({ name });
  await addMember(cohortId, user.id);
  return { id: user.id, isAdmin: false, name };
}

/** The student builds an Empathy Map and submits it through the real submit(). */
export async function submitEmpathyMap(cohortId: string, assignmentId: string, student: Person, now = new Date()) {
  const db = getDb();
  const doc = addNote(emptyDocument(), "pains", makeNote(`Sorge von ${student.name}`));
  const canvas = await createCanvas(db, student.id, { cohortId, template: "empathy-map", title: "Empathy Map", document: doc });
  return db.transaction((tx) => submit(tx, student, { assignmentId, canvasIds: [canvas.id] }, now));
}
