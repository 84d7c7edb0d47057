import { after } from "next/server";
import { getDb, withoutSqlCount } from "@/db";
import { deliverPendingInvitations } from "@/lib/cohorts/invitations";
import { deliverScores } from "@/lib/lti/scores";
import { deliverPendingEmails, emailSettingsFromEnv, emailTransportFromEnv } from "@/lib/notifications/email";
import { sendDeadlineReminders } from "@/lib/notifications/reminders";
import { sweepPairing } from "@/lib/pairing/sweep";

const INTERVAL_MS = 60_000;
const globalForSweep = globalThis as unknown as { __werkbankSweep?: NodeJS.Timeout };

/**
 * One pass of the scheduled work: pair assignments past their deadline, expire overdue reviews into
 * the reserve pool, send "due in 24 hours" reminders, deliver waiting emails and invitations (when SMTP_URL is set),
 * send released grades to linked LMS courses.
 * Safe on every app server at once: each step decides under a lock or a unique key.
 */
export async function runScheduledWork(now = new Date()) {
  const db = getDb();
  const pairing = await sweepPairing(db, now);
  const reminders = await sendDeadlineReminders(db, now);
  const { emails, invitations } = await deliverEmails();
  const scores = await deliverScores(db, now);
  return { pairing, reminders, emails, invitations, scores };
}

/**
 * Sends what waits in the outbox: notification emails and roster invitations (when SMTP_URL is set).
 * The scheduler calls it every minute; the roster import calls it after its response, so
 * invitations go out at once.
 */
export async function deliverEmails() {
  const none = { claimed: 0, sent: 0, failed: 0 };
  const transport = emailTransportFromEnv();
  if (!transport) return { emails: none, invitations: none };
  const db = getDb();
  const { from, baseUrl } = emailSettingsFromEnv();
  const emails = await deliverPendingEmails(db, { transport, from, baseUrl });
  const invitations = await deliverPendingInvitations(db, { transport, from, baseUrl });
  return { emails, invitations };
}

/** Runs the scheduled work every minute in this process (and once shortly after start). WERKBANK_SWEEP=0 turns it off. */
export function startScheduler(): void {
  if (process.env.WERKBANK_SWEEP === "0" || globalForSweep.__werkbankSweep) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Not a request's work: the statement counter (bench, budget test) leaves it out.
      await withoutSqlCount(() => runScheduledWork());
    } catch (error) {
      console.error("[scheduler] scheduled work failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 2_000).unref();
  globalForSweep.__werkbankSweep = setInterval(tick, INTERVAL_MS);
  globalForSweep.__werkbankSweep.unref();
}

/** Sends the due LMS scores right after an action that queued some (the scheduler retries what fails). */
export function sendScoresSoon(): void {
  after(async () => {
    try {
      await deliverScores(getDb());
    } catch (error) {
      console.error("[lti] sending scores failed; the scheduler retries", error);
    }
  });
}
