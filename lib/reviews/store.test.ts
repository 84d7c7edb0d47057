import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, forumPosts, forumThreads, notifications, reviews, submissions } from "@/db/schema";
import type { AssignmentInput } from "@/lib/assignments/store";
import { expireOverdue, pairNow } from "@/lib/pairing/store";
import { deletePost, editPost } from "@/lib/forum/store";
import { addMember } from "@/lib/test/factories";
import { pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { givenReviews, reviewForPage, reviewStanding, reviewTasks, threadReviews } from "./queries";
import { sendBackSchema } from "@/lib/validation/review";
import { rateHelpfulness, reviewMarkdown, saveDraft, sendBackReview, submitReview, type ReviewContent } from "./store";
import { isUnlocked, unlockedFor } from "./visibility";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type ReviewRow = typeof reviews.$inferSelect;

/** A complete review: both criteria scored, well over the minimum length. */
function content(over: Partial<ReviewContent> = {}): ReviewContent {
  return {
    scores: {
      clarity: { score: 3, comment: "Die Pains sind konkret benannt, die Gains bleiben noch etwas allgemein." },
      fit: { score: 4, comment: "Die Map passt gut zum Segment, das im Interview beschrieben wurde." },
    },
    standout: "Besonders stark: die Zitate aus dem Interview, die zeigen, was die Zielgruppe wirklich bewegt.",
    anchors: [],
    ...over,
  };
}

async function reviewRow(id: string): Promise<ReviewRow> {
  const [row] = await getDb().select().from(reviews).where(eq(reviews.id, id));
  return row!;
}

async function threadOf(review: ReviewRow) {
  const [row] = await getDb()
    .select({ thread: forumThreads })
    .from(submissions)
    .innerJoin(forumThreads, eq(forumThreads.id, submissions.threadId))
    .where(eq(submissions.id, review.submissionId));
  return row!.thread;
}

async function postsIn(threadId: string) {
  return getDb().select().from(forumPosts).where(eq(forumPosts.threadId, threadId));
}

async function receivedNotes(assignmentId: string) {
  return getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.assignmentId, assignmentId), eq(notifications.kind, "review_received")));
}

/** Four students (by default) submit and the instructor pairs them: each reviews two, each is reviewed by two. */
async function pairedCohort(n = 4, over: Partial<AssignmentInput> = {}) {
  const f = await pairingCohort(n, over);
  for (const s of f.students) await submitEmpathyMap(f.cohort.id, f.assignment.id, s);
  await getDb().transaction((tx) => pairNow(tx, f.instructor, f.assignment.id));
  const rows = await getDb().select().from(reviews).where(eq(reviews.assignmentId, f.assignment.id));
  const tasksOf = (p: Person) => rows.filter((r) => r.reviewerId === p.id);
  const reviewsOf = (p: Person) => rows.filter((r) => r.authorId === p.id);
  const student = (id: string) => f.students.find((s) => s.id === id)!;
  return { ...f, rows, tasksOf, reviewsOf, student };
}

function draft(actor: Person, reviewId: string, baseVersion: number, c: ReviewContent = content(), now?: Date) {
  return getDb().transaction((tx) => saveDraft(tx, actor, { ...c, reviewId, baseVersion }, now));
}

function send(actor: Person, reviewId: string, baseVersion: number, c: ReviewContent = content(), now?: Date) {
  return getDb().transaction((tx) => submitReview(tx, actor, { ...c, reviewId, baseVersion }, now));
}

/** Submits the review as its reviewer, at its current version. */
async function sendCurrent(reviewer: Person, reviewId: string, c: ReviewContent = content(), now?: Date) {
  return send(reviewer, reviewId, (await reviewRow(reviewId)).version, c, now);
}

function rate(actor: Person, reviewId: string, rating: number, now?: Date) {
  return getDb().transaction((tx) => rateHelpfulness(tx, actor, { reviewId, rating }, now));
}

describe("review drafts", () => {
  it("the reviewer saves a draft: status draft, the version grows, startedAt is the first save's", async () => {
    const { students, tasksOf } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    expect(task).toMatchObject({ status: "assigned", version: 1, startedAt: null });

    const first = new Date(Date.now() - HOUR);
    expect(await draft(reviewer, task.id, 1, content(), first)).toEqual({ version: 2 });
    let row = await reviewRow(task.id);
    expect(row).toMatchObject({ status: "draft", version: 2, standout: content().standout });
    expect(row.startedAt!.getTime()).toBe(first.getTime());
    expect(row.scores).toEqual(content().scores);

    // A second save keeps the first start time.
    expect(await draft(reviewer, task.id, 2, content({ standout: "Zweite Fassung." }))).toEqual({ version: 3 });
    row = await reviewRow(task.id);
    expect(row).toMatchObject({ status: "draft", version: 3, standout: "Zweite Fassung." });
    expect(row.startedAt!.getTime()).toBe(first.getTime());
    expect(row.submittedAt).toBeNull();
    expect(row.postId).toBeNull();
  });

  it("a draft keeps only the rubric's criteria and scores on their scale", async () => {
    const { students, tasksOf } = await pairedCohort();
    const reviewer = students[1]!;
    const task = tasksOf(reviewer)[0]!;
    await draft(reviewer, task.id, 1, {
      scores: {
        clarity: { score: 5, comment: "über der Skala (4)" },
        fit: { score: 5, comment: "auf der Skala (5)" },
        bogus: { score: 2, comment: "kein Kriterium" },
      },
      standout: "",
      anchors: [],
    });
    const row = await reviewRow(task.id);
    expect(row.scores).toEqual({
      clarity: { score: null, comment: "über der Skala (4)" },
      fit: { score: 5, comment: "auf der Skala (5)" },
    });
  });

  it("a save from a stale version (a second tab) is a conflict and changes nothing", async () => {
    const { students, tasksOf } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    await draft(reviewer, task.id, 1, content({ standout: "Tab A" }));
    expect(await refusal(draft(reviewer, task.id, 1, content({ standout: "Tab B" })))).toBe("reviewChanged");
    // A version from the future is just as stale.
    expect(await refusal(draft(reviewer, task.id, 7, content({ standout: "Tab C" })))).toBe("reviewChanged");
    expect(await reviewRow(task.id)).toMatchObject({ version: 2, standout: "Tab A" });
  });

  it("nobody but the assigned reviewer drafts or submits it: classmates, the author, other cohorts, the instructor", async () => {
    const { students, instructor, tasksOf, student } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const author = student(task.authorId);
    const classmate = students.find((s) => s.id !== reviewer.id && s.id !== author.id)!;
    const other = await pairingCohort(1);
    const outsiders = [classmate, author, other.students[0]!, other.instructor, instructor];
    for (const who of outsiders) {
      expect(await refusal(draft(who, task.id, 1)), who.name).toBe("notFound");
      expect(await refusal(send(who, task.id, 1)), who.name).toBe("notFound");
    }
    // An id that does not exist is the same answer.
    expect(await refusal(draft(reviewer, "00000000-0000-0000-0000-000000000000", 1))).toBe("notFound");
    expect(await reviewRow(task.id)).toMatchObject({ status: "assigned", version: 1, postId: null });
    expect(await receivedNotes(task.assignmentId)).toEqual([]);
  });
});

describe("submitting a review", () => {
  it("every criterion must be scored: the missing ones are named per field", async () => {
    const { students, tasksOf } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;

    const none = await refusalOf(send(reviewer, task.id, 1, content({ scores: {} })));
    expect(none.messageKey).toBe("reviewUnscored");
    expect(Object.keys(none.fieldErrorKeys ?? {}).sort()).toEqual(["score-clarity", "score-fit"]);

    const half = await refusalOf(
      send(reviewer, task.id, 1, content({ scores: { ...content().scores, fit: { score: null, comment: "Noch offen." } } })),
    );
    expect(half.messageKey).toBe("reviewUnscored");
    expect(half.fieldErrorKeys).toEqual({ "score-fit": "reviewScoreMissing" });
    expect(await reviewRow(task.id)).toMatchObject({ status: "assigned", version: 1 });
  });

  it("a score outside the criterion's scale counts as missing", async () => {
    const { students, tasksOf } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const base = content().scores;
    for (const score of [5, 0, -1, 2.5]) {
      // clarity has a scale of 4.
      const e = await refusalOf(send(reviewer, task.id, 1, content({ scores: { ...base, clarity: { score, comment: base.clarity!.comment } } })));
      expect(e.messageKey, `clarity ${score}`).toBe("reviewUnscored");
      expect(e.fieldErrorKeys, `clarity ${score}`).toEqual({ "score-clarity": "reviewScoreMissing" });
    }
    // fit has a scale of 5: 5 is fine there, 6 is not.
    const e = await refusalOf(send(reviewer, task.id, 1, content({ scores: { ...base, fit: { score: 6, comment: base.fit!.comment } } })));
    expect(e.fieldErrorKeys).toEqual({ "score-fit": "reviewScoreMissing" });
    await send(reviewer, task.id, 1, content({ scores: { clarity: { ...base.clarity!, score: 4 }, fit: { ...base.fit!, score: 5 } } }));
    expect((await reviewRow(task.id)).scores).toMatchObject({ clarity: { score: 4 }, fit: { score: 5 } });
  });

  it("each criterion comment and the summary reach the assignment's minimum, whitespace not counted; the short fields are named", async () => {
    const { students, tasksOf } = await pairedCohort(4, { minCommentChars: 30, minSummaryChars: 80 });
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const scored = (a: string, b: string, standout: string): ReviewContent => ({
      scores: { clarity: { score: 2, comment: a }, fit: { score: 3, comment: b } },
      standout,
      anchors: [],
    });
    // The case an outside test found: long comments cannot make up for a summary of "kurz".
    const e = await refusalOf(send(reviewer, task.id, 1, scored("a".repeat(200), "b".repeat(200), "kurz")));
    expect(e.messageKey).toBe("reviewTooShort");
    expect(e.fieldErrorKeys).toEqual({ standout: "reviewSummaryTooShort" });
    expect(e.params).toEqual({ comment: 30, summary: 80 });
    // One comment one character short, whitespace padding not counted.
    const padded = scored(`   ${"a".repeat(29)}   `, "b".repeat(30), `\n${"c".repeat(80)}\n`);
    expect((await refusalOf(send(reviewer, task.id, 1, padded))).fieldErrorKeys).toEqual({ "comment-clarity": "reviewCommentTooShort" });
    // A comment on a criterion not in the rubric does not stand in for a missing one.
    const stray: ReviewContent = { ...scored("", "b".repeat(30), "c".repeat(80)), scores: { ...scored("", "b".repeat(30), "").scores, bogus: { score: 1, comment: "x".repeat(200) } } };
    expect((await refusalOf(send(reviewer, task.id, 1, stray))).fieldErrorKeys).toEqual({ "comment-clarity": "reviewCommentTooShort" });
    expect((await reviewRow(task.id)).status).toBe("assigned");
    // Exactly the minimum goes through.
    await send(reviewer, task.id, 1, scored("a".repeat(30), "b".repeat(30), "c".repeat(80)));
    expect((await reviewRow(task.id)).status).toBe("submitted");
  });

  it("an assignment without minimums takes a scored review with short words", async () => {
    const { students, tasksOf } = await pairedCohort(4, { minCommentChars: 0, minSummaryChars: 0 });
    const task = tasksOf(students[1]!)[0]!;
    await send(students[1]!, task.id, 1, { scores: { clarity: { score: 2, comment: "" }, fit: { score: 3, comment: "ok" } }, standout: "", anchors: [] });
    expect((await reviewRow(task.id)).status).toBe("submitted");
  });

  it("a valid review is posted into the submission's thread and the author hears of it by name", async () => {
    const { students, tasksOf, assignment } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const threadBefore = await threadOf(task);
    const postsBefore = await postsIn(threadBefore.id);
    await draft(reviewer, task.id, 1);
    const now = new Date(Date.now() + HOUR);
    const result = await send(reviewer, task.id, 2, content(), now);
    expect(result.threadId).toBe(threadBefore.id);

    const row = await reviewRow(task.id);
    expect(row).toMatchObject({ status: "submitted", postId: result.postId, version: 3, reviewedVersion: 1, standout: content().standout });
    expect(row.submittedAt!.getTime()).toBe(now.getTime());
    expect(row.startedAt!.getTime()).toBeLessThan(now.getTime());

    const posts = await postsIn(threadBefore.id);
    expect(posts).toHaveLength(postsBefore.length + 1);
    const post = posts.find((p) => p.id === result.postId)!;
    expect(post.authorId).toBe(reviewer.id);
    expect(post.bodyMd).toBe(reviewMarkdown(assignment.rubric, content()));
    expect(post.bodyMd).toContain("**Klarheit** — 3/4");
    const threadAfter = await threadOf(task);
    expect(threadAfter.replyCount).toBe(threadBefore.replyCount + 1);
    expect(threadAfter.lastActivityAt.getTime()).toBe(now.getTime());

    const notes = await receivedNotes(assignment.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: task.authorId,
      actorId: reviewer.id,
      threadId: threadBefore.id,
      postId: result.postId,
      cohortId: assignment.cohortId,
      subject: assignment.lessonTitle,
      emailStatus: "pending",
    });
  });

  it("submitting straight from 'assigned' sets the start time too", async () => {
    const { students, tasksOf } = await pairedCohort();
    const task = tasksOf(students[2]!)[0]!;
    const now = new Date(Date.now() + 2 * HOUR);
    await send(students[2]!, task.id, 1, content(), now);
    const row = await reviewRow(task.id);
    expect(row.startedAt!.getTime()).toBe(now.getTime());
    expect(row.submittedAt!.getTime()).toBe(now.getTime());
  });

  it("an assignment with anonymous reviewers tells the author without the reviewer", async () => {
    const { students, tasksOf, assignment } = await pairedCohort(4, { anonymity: "reviewers" });
    const reviewer = students[1]!;
    const task = tasksOf(reviewer)[0]!;
    const { postId } = await send(reviewer, task.id, 1);
    const notes = await receivedNotes(assignment.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: task.authorId, actorId: null, postId });
  });

  it("a review is submitted once", async () => {
    const { students, tasksOf, assignment } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    await send(reviewer, task.id, 1);
    const thread = await threadOf(task);
    expect(await refusal(send(reviewer, task.id, 2))).toBe("reviewAlreadySubmitted");
    expect(await refusal(draft(reviewer, task.id, 2))).toBe("reviewAlreadySubmitted");
    expect(await postsIn(thread.id)).toHaveLength(1);
    expect((await threadOf(task)).replyCount).toBe(thread.replyCount);
    expect(await receivedNotes(assignment.id)).toHaveLength(1);
    expect(await reviewRow(task.id)).toMatchObject({ status: "submitted", version: 2 });
  });

  it("a submitted review's post is not edited or deleted as a reply, by its author or anyone", async () => {
    const { students, tasksOf, instructor } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const { postId } = await send(reviewer, task.id, 1);
    const [before] = await getDb().select().from(forumPosts).where(eq(forumPosts.id, postId));
    expect(await refusal(getDb().transaction((tx) => editPost(tx, reviewer, { postId, body: "Nachträglich ganz anders." })))).toBe("reviewPostFixed");
    expect(await refusal(getDb().transaction((tx) => deletePost(tx, reviewer, postId)))).toBe("reviewPostFixed");
    // Nobody else may touch another's post at all.
    expect(await refusal(getDb().transaction((tx) => editPost(tx, instructor, { postId, body: "Von der Lehrperson." })))).toBe("notFound");
    const [after] = await getDb().select().from(forumPosts).where(eq(forumPosts.id, postId));
    expect(after).toEqual(before);
  });

  it("a submit from a stale version leaves nothing behind: no post, no count, no notification", async () => {
    const { students, tasksOf, assignment } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    await draft(reviewer, task.id, 1, content({ standout: "Gespeichert im anderen Tab." }));
    const before = await threadOf(task);
    expect(await refusal(send(reviewer, task.id, 1))).toBe("reviewChanged");
    expect(await postsIn(before.id)).toHaveLength(0);
    expect((await threadOf(task)).replyCount).toBe(before.replyCount);
    expect(await receivedNotes(assignment.id)).toEqual([]);
    expect(await reviewRow(task.id)).toMatchObject({ status: "draft", version: 2, postId: null, submittedAt: null, standout: "Gespeichert im anderen Tab." });
    // From the current version it goes through.
    await send(reviewer, task.id, 2);
    expect(await postsIn(before.id)).toHaveLength(1);
  });

  it("two simultaneous submits of one review make one post and one notification", async () => {
    const { students, tasksOf, assignment } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const results = await Promise.allSettled([send(reviewer, task.id, 1), send(reviewer, task.id, 1), send(reviewer, task.id, 1)]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(["reviewChanged", "reviewAlreadySubmitted"]).toContain((r.reason as { messageKey?: string }).messageKey);
    }
    const thread = await threadOf(task);
    expect(await postsIn(thread.id)).toHaveLength(1);
    expect(thread.replyCount).toBe(1);
    expect(await receivedNotes(assignment.id)).toHaveLength(1);
    expect((await reviewRow(task.id)).postId).toBe((won[0] as PromiseFulfilledResult<{ postId: string }>).value.postId);
  });
});

describe("send back for revision", () => {
  it("an instructor sends a review back: a draft again, hidden from the thread, not counted, both told, audited; resubmitted into its post", async () => {
    const { students, tasksOf, assignment, instructor, cohort } = await pairedCohort(4, { hideReceivedUntilGiven: false });
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const { postId, threadId } = await sendCurrent(reviewer, task.id);
    const author = students.find((x) => x.id === task.authorId)!;
    await rate(author, task.id, 2);
    const repliesBefore = (await threadOf(task)).replyCount;
    const now = new Date(Date.now() + HOUR);
    await getDb().transaction((tx) => sendBackReview(tx, instructor, { reviewId: task.id, note: "Bitte begründe die Punkte zu den Gains." }, now));

    const row = await reviewRow(task.id);
    expect(row).toMatchObject({ status: "draft", submittedAt: null, helpfulness: null, sentBackNote: "Bitte begründe die Punkte zu den Gains.", sentBackById: instructor.id, sentBackCount: 1, postId });
    expect(row.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 48 * HOUR);
    const [post] = await getDb().select().from(forumPosts).where(eq(forumPosts.id, postId));
    expect(post!.hidden).toBe(true);
    // It no longer counts: the author received 0 of 2, the reviewer gave 0.
    expect((await reviewStanding(getDb(), author.id, assignment)).received).toBe(0);
    expect((await reviewStanding(getDb(), reviewer.id, assignment)).given).toBe(0);
    expect((await threadReviews(getDb(), threadId)).map((r) => [r.id, r.status])).toEqual([[task.id, "draft"]]);
    const told = await getDb().select().from(notifications).where(eq(notifications.assignmentId, assignment.id));
    expect(told.filter((n) => n.kind === "review_sent_back").map((n) => [n.userId, n.actorId])).toEqual([[reviewer.id, instructor.id]]);
    expect(told.filter((n) => n.kind === "review_revising").map((n) => [n.userId, n.actorId])).toEqual([[author.id, null]]);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.cohortId, cohort.id));
    expect(audit.find((a) => a.action === "review_sent_back")).toMatchObject({ actorId: instructor.id, subjectId: reviewer.id, assignmentId: assignment.id });

    // Sending it back again before it is resubmitted: a conflict, nothing changes.
    expect(await refusal(getDb().transaction((tx) => sendBackReview(tx, instructor, { reviewId: task.id, note: "Noch einmal" })))).toBe("reviewNotSubmitted");

    // The reviewer revises: the same post comes back, the thread gains no reply.
    const again = await sendCurrent(reviewer, task.id, content({ standout: "Überarbeitet: Die Gains sind jetzt mit den Zitaten aus dem Interview begründet, Punkt für Punkt." }));
    expect(again.postId).toBe(postId);
    const [back] = await getDb().select().from(forumPosts).where(eq(forumPosts.id, postId));
    expect(back!.hidden).toBe(false);
    expect(back!.editedAt).not.toBeNull();
    expect(back!.bodyMd).toContain("Überarbeitet");
    expect((await threadOf(task)).replyCount).toBe(repliesBefore);
    expect((await reviewRow(task.id)).status).toBe("submitted");
    expect((await reviewStanding(getDb(), author.id, assignment)).received).toBe(1);
  });

  it("only the cohort's instructors send back; a note is required (the action's schema) and nothing is written on refusal", async () => {
    const { students, tasksOf } = await pairedCohort();
    const other = await pairedCohort(2);
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    await sendCurrent(reviewer, task.id);
    for (const who of [reviewer, students.find((x) => x.id === task.authorId)!, students[3]!, other.instructor, other.students[0]!]) {
      expect(await refusal(getDb().transaction((tx) => sendBackReview(tx, who, { reviewId: task.id, note: "Bitte überarbeiten" })))).toBe("notFound");
    }
    expect(await reviewRow(task.id)).toMatchObject({ status: "submitted", sentBackAt: null, sentBackCount: 0 });
    expect(sendBackSchema.safeParse({ cohortId: task.cohortId, reviewId: task.id, note: "   " }).error?.issues[0]?.message).toBe("sendBackNoteRequired");
  });

  it("the recipient's helpfulness note is kept with the rating and may be changed", async () => {
    const { students, tasksOf } = await pairedCohort(4, { hideReceivedUntilGiven: false });
    const task = tasksOf(students[0]!)[0]!;
    await sendCurrent(students[0]!, task.id);
    const author = students.find((x) => x.id === task.authorId)!;
    await getDb().transaction((tx) => rateHelpfulness(tx, author, { reviewId: task.id, rating: 4, comment: "Die Frage zu den Pains half; ein Beispiel fehlte." }));
    expect(await reviewRow(task.id)).toMatchObject({ helpfulness: 4, helpfulnessComment: "Die Frage zu den Pains half; ein Beispiel fehlte." });
    await getDb().transaction((tx) => rateHelpfulness(tx, author, { reviewId: task.id, rating: 5 }));
    expect(await reviewRow(task.id)).toMatchObject({ helpfulness: 5, helpfulnessComment: "Die Frage zu den Pains half; ein Beispiel fehlte." });
  });
});

describe("hidden until given", () => {
  it("an author who still owes reviews cannot read theirs until every duty is submitted", async () => {
    const { students, tasksOf, reviewsOf, assignment, student } = await pairedCohort();
    const author = students[0]!;
    const [own1, own2] = tasksOf(author);
    expect(tasksOf(author)).toHaveLength(2);
    const db = getDb();

    expect(await unlockedFor(db, assignment, author.id)).toBe(false);
    expect(await reviewStanding(db, author.id, assignment)).toEqual({ owed: 2, given: 0, received: 0, expected: 2, paired: true, unlocked: false });

    // Someone reviews the author: received, still locked.
    const incoming = reviewsOf(author)[0]!;
    await sendCurrent(student(incoming.reviewerId), incoming.id);
    expect(await reviewStanding(db, author.id, assignment)).toMatchObject({ owed: 2, given: 0, received: 1, expected: 2, unlocked: false });

    await sendCurrent(author, own1!.id);
    expect(await unlockedFor(db, assignment, author.id)).toBe(false);
    expect(await reviewStanding(db, author.id, assignment)).toMatchObject({ owed: 2, given: 1, unlocked: false });

    // A draft is not given.
    await draft(author, own2!.id, 1);
    expect(await unlockedFor(db, assignment, author.id)).toBe(false);

    await sendCurrent(author, own2!.id);
    expect(await unlockedFor(db, assignment, author.id)).toBe(true);
    expect(await reviewStanding(db, author.id, assignment)).toEqual({ owed: 2, given: 2, received: 1, expected: 2, paired: true, unlocked: true });

    // Others are unaffected by the author's progress.
    const idle = students.find((s) => s.id !== author.id && s.id !== incoming.reviewerId)!;
    expect(await unlockedFor(db, assignment, idle.id)).toBe(false);
    expect(await reviewStanding(db, idle.id, assignment)).toMatchObject({ owed: 2, given: 0, unlocked: false });
  });

  it("the review deadline lifts the hiding", async () => {
    const { students, assignment } = await pairedCohort();
    const db = getDb();
    const author = students[0]!;
    const before = new Date(assignment.reviewDue.getTime() - HOUR);
    const after = new Date(assignment.reviewDue.getTime() + 1000);
    expect(await unlockedFor(db, assignment, author.id, before)).toBe(false);
    expect(await unlockedFor(db, assignment, author.id, after)).toBe(true);
    expect((await reviewStanding(db, author.id, assignment, before)).unlocked).toBe(false);
    expect((await reviewStanding(db, author.id, assignment, after)).unlocked).toBe(true);
  });

  it("without hiding the reviews are readable at once", async () => {
    const { students, assignment } = await pairedCohort(4, { hideReceivedUntilGiven: false });
    const author = students[0]!;
    expect(await unlockedFor(getDb(), assignment, author.id)).toBe(true);
    expect(await reviewStanding(getDb(), author.id, assignment)).toMatchObject({ owed: 2, given: 0, unlocked: true });
  });

  it("before pairing nothing is owed or expected", async () => {
    const { students, assignment, cohort } = await pairingCohort(3);
    await submitEmpathyMap(cohort.id, assignment.id, students[0]!);
    expect(await reviewStanding(getDb(), students[0]!.id, assignment)).toEqual({
      owed: 0,
      given: 0,
      received: 0,
      expected: 0,
      paired: false,
      unlocked: true,
    });
  });

  it("isUnlocked: the rule itself", () => {
    const reviewDue = new Date("2030-01-10T12:00:00Z");
    const hidden = { hideReceivedUntilGiven: true, reviewDue };
    const before = new Date("2030-01-09T12:00:00Z");
    const after = new Date("2030-01-11T12:00:00Z");
    expect(isUnlocked(hidden, before, 2, 1)).toBe(false);
    expect(isUnlocked(hidden, before, 2, 2)).toBe(true);
    expect(isUnlocked(hidden, before, 0, 0)).toBe(true);
    expect(isUnlocked(hidden, after, 2, 0)).toBe(true);
    expect(isUnlocked({ hideReceivedUntilGiven: false, reviewDue }, before, 2, 0)).toBe(true);
  });
});

describe("helpfulness", () => {
  it("the author rates a review they can read, 1–5, and may change it; while locked they may not", async () => {
    const { students, tasksOf, reviewsOf, student } = await pairedCohort();
    const author = students[0]!;
    const incoming = reviewsOf(author)[0]!;
    await sendCurrent(student(incoming.reviewerId), incoming.id);

    expect(await refusal(rate(author, incoming.id, 4))).toBe("reviewsLocked");
    expect((await reviewRow(incoming.id)).helpfulness).toBeNull();

    for (const t of tasksOf(author)) await sendCurrent(author, t.id);
    const result = await rate(author, incoming.id, 4);
    expect(result.cohortId).toBe(incoming.cohortId);
    expect(result.threadId).toBe((await threadOf(incoming)).id);
    expect((await reviewRow(incoming.id)).helpfulness).toBe(4);
    await rate(author, incoming.id, 1);
    expect((await reviewRow(incoming.id)).helpfulness).toBe(1);
    await rate(author, incoming.id, 5);
    expect((await reviewRow(incoming.id)).helpfulness).toBe(5);
  });

  it("after the review deadline a locked author may rate", async () => {
    const { students, reviewsOf, student, assignment } = await pairedCohort();
    const author = students[0]!;
    const incoming = reviewsOf(author)[0]!;
    await sendCurrent(student(incoming.reviewerId), incoming.id);
    expect(await refusal(rate(author, incoming.id, 3))).toBe("reviewsLocked");
    await rate(author, incoming.id, 3, new Date(assignment.reviewDue.getTime() + HOUR));
    expect((await reviewRow(incoming.id)).helpfulness).toBe(3);
  });

  it("only the author rates, and only submitted reviews", async () => {
    const { students, reviewsOf, student } = await pairedCohort(4, { hideReceivedUntilGiven: false });
    const author = students[0]!;
    const [incoming, open] = reviewsOf(author);
    const reviewer = student(incoming!.reviewerId);
    await sendCurrent(reviewer, incoming!.id);
    const classmate = students.find((s) => s.id !== author.id && s.id !== reviewer.id)!;
    const other = await pairingCohort(1);
    for (const who of [reviewer, classmate, other.students[0]!, other.instructor]) {
      expect(await refusal(rate(who, incoming!.id, 5)), who.name).toBe("notFound");
    }
    // Unsubmitted: not there yet, even for the author (and a draft changes nothing).
    expect(await refusal(rate(author, open!.id, 5))).toBe("notFound");
    await draft(student(open!.reviewerId), open!.id, 1);
    expect(await refusal(rate(author, open!.id, 5))).toBe("notFound");
    expect((await reviewRow(incoming!.id)).helpfulness).toBeNull();
    expect((await reviewRow(open!.id)).helpfulness).toBeNull();
  });

  it("the database refuses a rating outside 1–5", async () => {
    const { students, reviewsOf, student } = await pairedCohort(4, { hideReceivedUntilGiven: false });
    const author = students[0]!;
    const incoming = reviewsOf(author)[0]!;
    await sendCurrent(student(incoming.reviewerId), incoming.id);
    await rate(author, incoming.id, 2);
    await expect(rate(author, incoming.id, 6)).rejects.toThrow();
    await expect(rate(author, incoming.id, 0)).rejects.toThrow();
    await expect(getDb().update(reviews).set({ helpfulness: 6 }).where(eq(reviews.id, incoming.id))).rejects.toThrow();
    expect((await reviewRow(incoming.id)).helpfulness).toBe(2);
  });
});

describe("expired reviews", () => {
  it("an expired review can be neither drafted nor submitted", async () => {
    const { students, tasksOf, assignment, cohort } = await pairedCohort();
    const reviewer = students[0]!;
    const [late, started] = tasksOf(reviewer);
    await draft(reviewer, started!.id, 1);
    // Both are overdue past the grace period: the sweep's expiry takes them.
    const dueAt = new Date(Date.now() - 30 * HOUR);
    await getDb().update(reviews).set({ dueAt }).where(eq(reviews.reviewerId, reviewer.id));
    const expired = await getDb().transaction((tx) => expireOverdue(tx, assignment, new Date(Date.now() - DAY)));
    expect(expired).toBe(2);
    for (const t of [late!, started!]) {
      const row = await reviewRow(t.id);
      expect(row.status).toBe("expired");
      expect(await refusal(draft(reviewer, t.id, row.version))).toBe("reviewExpired");
      expect(await refusal(send(reviewer, t.id, row.version))).toBe("reviewExpired");
      expect((await reviewRow(t.id)).status).toBe("expired");
      expect(await postsIn((await threadOf(t)).id)).toHaveLength(0);
    }
    // They are off the reviewer's list and in their history.
    expect(await reviewTasks(getDb(), reviewer.id, cohort.id)).toEqual([]);
    expect((await givenReviews(getDb(), reviewer.id, cohort.id)).map((r) => r.status)).toEqual(["expired", "expired"]);
  });

  it("an outsider learns nothing about an expired review", async () => {
    const { students, tasksOf } = await pairedCohort();
    const task = tasksOf(students[0]!)[0]!;
    await getDb().update(reviews).set({ status: "expired", expiredAt: new Date() }).where(eq(reviews.id, task.id));
    expect(await refusal(draft(students[0]!, task.id, 1))).toBe("reviewExpired");
    expect(await refusal(draft(students[1]!, task.id, 1))).toBe("notFound");
  });
});

describe("review queries", () => {
  it("reviewTasks: the reviewer's open tasks in that cohort, soonest due first", async () => {
    const f = await pairedCohort();
    const reviewer = f.students[0]!;
    const [a, b] = f.tasksOf(reviewer);
    // The same student also takes part in a second cohort.
    const g = await pairingCohort(3);
    await addMember(g.cohort.id, reviewer.id);
    for (const s of [...g.students, reviewer]) await submitEmpathyMap(g.cohort.id, g.assignment.id, s);
    await getDb().transaction((tx) => pairNow(tx, g.instructor, g.assignment.id));

    await getDb().update(reviews).set({ dueAt: new Date(Date.now() + 3 * DAY) }).where(eq(reviews.id, a!.id));
    await getDb().update(reviews).set({ dueAt: new Date(Date.now() + 2 * DAY) }).where(eq(reviews.id, b!.id));
    let tasks = await reviewTasks(getDb(), reviewer.id, f.cohort.id);
    expect(tasks.map((t) => t.id)).toEqual([b!.id, a!.id]);
    expect(tasks[0]).toMatchObject({ status: "assigned", kind: "duty", assignmentId: f.assignment.id, authorId: b!.authorId, lessonTitle: "Lektion 1" });

    // Drafts stay on the list; submitted ones leave it.
    await draft(reviewer, a!.id, 1);
    await sendCurrent(reviewer, b!.id);
    tasks = await reviewTasks(getDb(), reviewer.id, f.cohort.id);
    expect(tasks.map((t) => [t.id, t.status])).toEqual([[a!.id, "draft"]]);

    // The other cohort's tasks are listed there only.
    const inG = await reviewTasks(getDb(), reviewer.id, g.cohort.id);
    expect(inG).toHaveLength(2);
    expect(inG.every((t) => t.assignmentId === g.assignment.id)).toBe(true);
    // Nobody else's tasks.
    const mine = new Set(f.tasksOf(f.students[1]!).map((r) => r.id));
    expect((await reviewTasks(getDb(), f.students[1]!.id, f.cohort.id)).every((t) => mine.has(t.id))).toBe(true);
    expect(await reviewTasks(getDb(), f.instructor.id, f.cohort.id)).toEqual([]);
  });

  it("reviewForPage: the reviewer and the cohort's instructors, with the newest version until submitted", async () => {
    const { students, tasksOf, instructor, cohort, student } = await pairedCohort();
    const reviewer = students[0]!;
    const task = tasksOf(reviewer)[0]!;
    const author = student(task.authorId);
    const classmate = students.find((s) => s.id !== reviewer.id && s.id !== author.id)!;
    const other = await pairingCohort(1);

    const db = getDb();
    expect(await reviewForPage(db, classmate, cohort.id, task.id)).toBeNull();
    expect(await reviewForPage(db, author, cohort.id, task.id)).toBeNull();
    expect(await reviewForPage(db, other.instructor, cohort.id, task.id)).toBeNull();
    expect(await reviewForPage(db, other.instructor, other.cohort.id, task.id)).toBeNull();
    expect(await reviewForPage(db, other.students[0]!, other.cohort.id, task.id)).toBeNull();
    // The right person under the wrong cohort: null too.
    expect(await reviewForPage(db, reviewer, other.cohort.id, task.id)).toBeNull();

    // The author submits a second version before the review is written.
    const resubmitted = await submitEmpathyMap(cohort.id, task.assignmentId, author);
    expect(resubmitted.version).toBe(2);

    const mine = await reviewForPage(db, reviewer, cohort.id, task.id);
    expect(mine).not.toBeNull();
    expect(mine!.review.id).toBe(task.id);
    expect(mine!.role).toBe("student");
    expect(mine!.authorName).toBe(author.name);
    expect(mine!.assignment.rubric.map((c) => c.id)).toEqual(["clarity", "fit"]);
    expect(mine!.version!.version).toBe(2);
    expect(mine!.version!.canvases).toHaveLength(1);
    expect(mine!.version!.canvases[0]!.template).toBe("empathy-map");

    const theirs = await reviewForPage(db, instructor, cohort.id, task.id);
    expect(theirs!.role).toBe("instructor");
    expect(theirs!.version!.version).toBe(2);

    // Once submitted, the page shows the version reviewed, not a later one.
    await sendCurrent(reviewer, task.id);
    expect((await reviewRow(task.id)).reviewedVersion).toBe(2);
    expect((await submitEmpathyMap(cohort.id, task.assignmentId, author)).version).toBe(3);
    expect((await reviewForPage(db, reviewer, cohort.id, task.id))!.version!.version).toBe(2);
    expect((await reviewForPage(db, instructor, cohort.id, task.id))!.version!.version).toBe(2);
  });

  it("threadReviews and givenReviews: submitted reviews only, in order", async () => {
    const { students, reviewsOf, student, cohort } = await pairedCohort();
    const author = students[0]!;
    const [first, second] = reviewsOf(author);
    const thread = await threadOf(first!);
    expect(await threadReviews(getDb(), thread.id)).toEqual([]);

    const t1 = new Date(Date.now() + HOUR);
    const t2 = new Date(Date.now() + 2 * HOUR);
    // Submitted in the opposite order of their ids' listing.
    const p2 = await sendCurrent(student(second!.reviewerId), second!.id, content(), t1);
    expect((await threadReviews(getDb(), thread.id)).map((r) => r.id)).toEqual([second!.id]);
    const p1 = await sendCurrent(student(first!.reviewerId), first!.id, content({ standout: "Später eingereicht, aber ebenso gründlich gelesen und mit zwei konkreten Vorschlägen versehen." }), t2);
    const listed = await threadReviews(getDb(), thread.id);
    expect(listed.map((r) => [r.id, r.postId])).toEqual([
      [second!.id, p2.postId],
      [first!.id, p1.postId],
    ]);
    expect(listed[1]).toMatchObject({ reviewerId: first!.reviewerId, standout: "Später eingereicht, aber ebenso gründlich gelesen und mit zwei konkreten Vorschlägen versehen.", reviewedVersion: 1, helpfulness: null });

    const given = await givenReviews(getDb(), first!.reviewerId, cohort.id);
    expect(given.map((r) => r.id)).toEqual([first!.id]);
    expect(given[0]).toMatchObject({ status: "submitted", threadId: thread.id, postId: p1.postId, authorId: author.id });
  });
});

describe("reviewMarkdown", () => {
  it("renders each criterion with its score, then the standout and the anchors", () => {
    const rubric = [
      { id: "clarity", title: "Klarheit", prompt: "", scale: 4 },
      { id: "fit", title: "Fit", prompt: "", scale: 5 },
    ];
    const md = reviewMarkdown(rubric, {
      scores: { clarity: { score: 3, comment: "  Klar.  " } },
      standout: " Stark! ",
      anchors: [{ canvasIndex: 0, noteId: "n1", text: "Zeile eins\nZeile zwei" }],
    });
    expect(md).toBe("**Klarheit** — 3/4\n\nKlar.\n\n**Fit** — –/5\n\nStark!\n\n> Zeile eins Zeile zwei");
  });
});
