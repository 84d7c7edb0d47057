import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { assignments, auditLog, lessons, users } from "@/db/schema";

export type AuditAction = (typeof auditLog.$inferInsert)["action"];
export type AuditEntry = {
  cohortId: string;
  actorId: string;
  action: AuditAction;
  subjectId?: string | null;
  assignmentId?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/** Records an instructor override. Call it in the override's own transaction: both happen or neither. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry | AuditEntry[], now = new Date()): Promise<void> {
  const list = Array.isArray(entry) ? entry : [entry];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(
    list.map((e) => ({
      cohortId: e.cohortId,
      actorId: e.actorId,
      action: e.action,
      subjectId: e.subjectId ?? null,
      assignmentId: e.assignmentId ?? null,
      details: e.details ?? {},
      createdAt: now,
    })),
  );
}

const actor = alias(users, "audit_actor");
const subject = alias(users, "audit_subject");

/** The cohort's latest overrides, newest first, with the names of who did it and whom it concerned. */
export async function listAudit(db: DbOrTx, cohortId: string, limit = 20) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: actor.name,
      subjectName: subject.name,
      lessonTitle: lessons.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subject, eq(subject.id, auditLog.subjectId))
    .leftJoin(assignments, eq(assignments.id, auditLog.assignmentId))
    .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(eq(auditLog.cohortId, cohortId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
