import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type DbOrTx } from "@/db";
import { auditLog, cohortInvitations, memberships, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { refusal } from "@/lib/test/refusal";
import {
  INVITATION_DAYS,
  acceptInvitation,
  deliverPendingInvitations,
  findInvitation,
  importRoster,
  listInvitations,
  registerByInvitation,
  resendInvitation,
  revokeInvitation,
} from "./invitations";
import type { Actor } from "./membership";

const DAY = 86_400_000;
const inTx = <T>(call: (tx: DbOrTx) => Promise<T>) => getDb().transaction(call);
const as = (u: { id: string; isAdmin?: boolean }): Actor => ({ id: u.id, isAdmin: u.isAdmin ?? false });

async function world() {
  const { course } = await createCourse(1);
  const cohort = await createCohort(course.id, { name: "Sommer 2027" });
  const other = await createCohort(course.id, { name: "Andere Kohorte" });
  const instructor = await createUser({ name: "Lena Keller", locale: "en" });
  const student = await createUser({ name: "Anna Berger" });
  const otherInstructor = await createUser({ name: "Jonas Frank" });
  await addMember(cohort.id, instructor.id, "instructor");
  await addMember(cohort.id, student.id);
  await addMember(other.id, otherInstructor.id, "instructor");
  return { cohort, other, instructor, student, otherInstructor };
}

const tokenOf = async (cohortId: string, email: string) =>
  (await getDb().select({ token: cohortInvitations.token, email: cohortInvitations.email }).from(cohortInvitations).where(eq(cohortInvitations.cohortId, cohortId))).find(
    (r) => r.email === email,
  )!.token;

/** The text of a quoted-printable message (soft line breaks joined, =XX bytes decoded as UTF-8). */
const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");

describe("roster import by email", () => {
  it("invites each valid row once; members, open invitations and bad rows come back with the reason", async () => {
    const w = await world();
    const text = [
      "Name;E-Mail",
      `Anna Berger;${w.student.email}`,
      "Ben Schulz;ben.schulz@uni.example",
      "Clara Weber;clara@uni.example",
      "Clara nochmal;CLARA@uni.example",
      "kaputt;kein-at",
    ].join("\n");
    const first = await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, text));
    expect(first.invited).toBe(2);
    expect(first.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, "alreadyMember"],
      [5, "duplicate"],
      [6, "emailInvalid"],
    ]);
    // The same list again: the two are already invited, nothing is written twice.
    const again = await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, text));
    expect(again.invited + again.renewed).toBe(0);
    expect(again.rejected.filter((r) => r.reason === "alreadyInvited").map((r) => r.line)).toEqual([3, 4]);

    const list = await listInvitations(getDb(), as(w.instructor), w.cohort.id);
    expect(list.open).toBe(2);
    expect(list.rows.map((r) => [r.email, r.status, r.emailStatus])).toEqual(
      expect.arrayContaining([
        ["ben.schulz@uni.example", "invited", "pending"],
        ["clara@uni.example", "invited", "pending"],
      ]),
    );
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.cohortId, w.cohort.id));
    expect(audit.filter((a) => a.action === "invitations_sent").map((a) => a.details)).toEqual([{ count: 2 }]);
  });

  it("only the cohort's instructors (and admins) import, list, resend and revoke", async () => {
    const w = await world();
    await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, "ben@uni.example"));
    const [row] = (await listInvitations(getDb(), as(w.instructor), w.cohort.id)).rows;
    for (const actor of [as(w.student), as(w.otherInstructor)]) {
      expect(await refusal(inTx((tx) => importRoster(tx, actor, w.cohort.id, "x@uni.example")))).toBe("notFound");
      expect(await refusal(listInvitations(getDb(), actor, w.cohort.id))).toBe("notFound");
      expect(await refusal(inTx((tx) => resendInvitation(tx, actor, w.cohort.id, row!.id)))).toBe("notFound");
      expect(await refusal(inTx((tx) => revokeInvitation(tx, actor, w.cohort.id, row!.id)))).toBe("notFound");
    }
    // An instructor of another cohort cannot reach this invitation through their own cohort either.
    expect(await refusal(inTx((tx) => revokeInvitation(tx, as(w.otherInstructor), w.other.id, row!.id)))).toBe("notFound");
    const admin = await createUser({ isAdmin: true });
    await inTx((tx) => revokeInvitation(tx, as(admin), w.cohort.id, row!.id));
  });

  it("a link works once: a new account joins with the invited address; the link cannot be used again", async () => {
    const w = await world();
    await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, "Ben Schulz <ben.new@uni.example>"));
    const token = await tokenOf(w.cohort.id, "ben.new@uni.example");
    const seen = await findInvitation(getDb(), token, null);
    expect(seen).toMatchObject({ cohortName: "Sommer 2027", email: "ben.new@uni.example", name: "Ben Schulz", status: "invited", hasAccount: false });

    const { cohortId, email } = await inTx((tx) => registerByInvitation(tx, { token, name: "Ben S.", password: "a good long passphrase" }, "de"));
    expect([cohortId, email]).toEqual([w.cohort.id, "ben.new@uni.example"]);
    const [ben] = await getDb().select().from(users).where(eq(users.email, email));
    expect(ben!.name).toBe("Ben S.");
    expect(ben!.emailVerified).not.toBeNull();
    expect(await verifyPassword(ben!.passwordHash, "a good long passphrase")).toBe(true);
    const [m] = await getDb().select().from(memberships).where(eq(memberships.userId, ben!.id));
    expect(m).toMatchObject({ cohortId: w.cohort.id, role: "student" });

    expect((await findInvitation(getDb(), token, ben!.id))?.status).toBe("joined");
    expect(await refusal(inTx((tx) => registerByInvitation(tx, { token, name: "Zweiter", password: "another long passphrase" }, "de")))).toBe("invitations.used");
    const outsider = await createUser();
    expect(await refusal(inTx((tx) => acceptInvitation(tx, as(outsider), token)))).toBe("invitations.used");
    // Joined: it can no longer be resent or revoked.
    const [row] = (await listInvitations(getDb(), as(w.instructor), w.cohort.id)).rows;
    expect(row!.status).toBe("joined");
    expect(await refusal(inTx((tx) => resendInvitation(tx, as(w.instructor), w.cohort.id, row!.id)))).toBe("invitations.alreadyJoined");
  });

  it("an address with an account signs in and accepts; signing up with it is refused", async () => {
    const w = await world();
    const existing = await createUser({ name: "Clara Weber" });
    await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, existing.email));
    const token = await tokenOf(w.cohort.id, existing.email);
    expect((await findInvitation(getDb(), token, null))?.hasAccount).toBe(true);
    expect(await refusal(inTx((tx) => registerByInvitation(tx, { token, name: "Fake", password: "a good long passphrase" }, "de")))).toBe(
      "invitations.signInInstead",
    );
    expect(await inTx((tx) => acceptInvitation(tx, as(existing), token))).toEqual({ cohortId: w.cohort.id });
    expect((await findInvitation(getDb(), token, existing.id))?.role).toBe("student");
  });

  it("expired links are refused; resend issues a new link (the old one stops working); revoke ends it", async () => {
    const w = await world();
    const past = new Date(Date.now() - (INVITATION_DAYS + 1) * DAY);
    await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, "ida@uni.example", past));
    const old = await tokenOf(w.cohort.id, "ida@uni.example");
    expect((await findInvitation(getDb(), old, null))?.status).toBe("expired");
    const outsider = await createUser();
    expect(await refusal(inTx((tx) => acceptInvitation(tx, as(outsider), old)))).toBe("invitations.expired");
    let [row] = (await listInvitations(getDb(), as(w.instructor), w.cohort.id)).rows;
    expect(row!.status).toBe("expired");

    await inTx((tx) => resendInvitation(tx, as(w.instructor), w.cohort.id, row!.id));
    const fresh = await tokenOf(w.cohort.id, "ida@uni.example");
    expect(fresh).not.toBe(old);
    expect(await findInvitation(getDb(), old, null)).toBeNull();
    [row] = (await listInvitations(getDb(), as(w.instructor), w.cohort.id)).rows;
    expect([row!.status, row!.emailStatus]).toEqual(["invited", "pending"]);

    await inTx((tx) => revokeInvitation(tx, as(w.instructor), w.cohort.id, row!.id));
    [row] = (await listInvitations(getDb(), as(w.instructor), w.cohort.id)).rows;
    // Revoked before the email went out: it is not sent at all.
    expect([row!.status, row!.emailStatus]).toEqual(["revoked", "none"]);
    expect(await findInvitation(getDb(), fresh, null)).toBeNull();
    expect(await refusal(inTx((tx) => acceptInvitation(tx, as(outsider), fresh)))).toBe("invitations.unknown");
    // Importing the address again issues it anew.
    const again = await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, "ida@uni.example"));
    expect([again.invited, again.renewed]).toEqual([0, 1]);
  });
});

describe("invitation emails through a real SMTP server", () => {
  const received: { to: string; messageId: string; body: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "",
          body: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends each invitation once, in the inviting instructor's language, with a link that opens the invitation", async () => {
    const w = await world();
    await inTx((tx) => importRoster(tx, as(w.instructor), w.cohort.id, "Ben Schulz <ben.mail@uni.example>\nclara.mail@uni.example"));
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const opts = { transport, from: "Werkbank <no-reply@werkbank.test>", baseUrl: "https://werkbank.example/" };
    // Other tests' invitations may wait too: deliver until this cohort's two are out.
    for (let i = 0; i < 20; i++) {
      const r = await deliverPendingInvitations(getDb(), opts);
      if (r.claimed === 0) break;
    }
    const mine = received.filter((m) => m.to.endsWith(".mail@uni.example"));
    expect(mine.map((m) => m.to).sort()).toEqual(["ben.mail@uni.example", "clara.mail@uni.example"]);
    const ben = mine.find((m) => m.to === "ben.mail@uni.example")!;
    const token = await tokenOf(w.cohort.id, "ben.mail@uni.example");
    expect(ben.body).toContain(`https://werkbank.example/join/invitation/${token}`);
    expect(ben.body).toContain("Lena Keller invites you");
    expect(ben.messageId).toMatch(/^<invitation-[0-9a-f-]+-\d+@werkbank\.test>$/);
    const list = await listInvitations(getDb(), as(w.instructor), w.cohort.id);
    expect(list.rows.map((r) => r.emailStatus)).toEqual(["sent", "sent"]);
    // Nothing left to send: a second sweep sends nothing more.
    await deliverPendingInvitations(getDb(), opts);
    expect(received.filter((m) => m.to.endsWith(".mail@uni.example"))).toHaveLength(2);
  });
});
