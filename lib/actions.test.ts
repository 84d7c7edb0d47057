import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { createUser } from "@/lib/test/factories";

const current = vi.hoisted(() => ({ user: null as null | { id: string } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => current.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const peer = vi.hoisted(() => ({ address: "203.0.113.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-werkbank-peer": peer.address }) }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  return { getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }) };
});

const { ActionError, defineAction } = await import("./actions");

const renameSchema = z.object({ name: z.string().trim().min(1, "nameRequired").max(5, "nameTooLong"), age: z.coerce.number().int() });

beforeEach(() => {
  current.user = null;
});

describe("defineAction", () => {
  const rename = defineAction({
    schema: renameSchema,
    async handler({ name }, { user, tx }) {
      await tx.update(users).set({ name }).where(eq(users.id, user!.id));
      return { name };
    },
  });

  it("parses FormData, requires a session and writes", async () => {
    const user = await createUser();
    current.user = user;
    const form = new FormData();
    form.set("name", " Ada ");
    form.set("age", "36");
    expect(await rename(null, form)).toEqual({ ok: true, data: { name: "Ada" } });
    const [row] = await getDb().select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe("Ada");
  });

  it("reports every invalid field in the UI language and echoes the input", async () => {
    current.user = await createUser();
    const result = await rename(null, { name: "far too long", age: "x" as never });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Please check the highlighted fields.",
      fieldErrors: { name: ["Use at most 120 characters."], age: ["This value is not valid."] },
      values: { name: "far too long", age: "x" },
    });
  });

  it("never echoes a password back", async () => {
    const action = defineAction({ schema: z.object({ password: z.string().min(50) }), handler: async () => null });
    current.user = await createUser();
    const result = await action(null, { password: "secret" });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("echoes only what a form shows again, bounded: a 600 kB document stays out of the refusal", async () => {
    current.user = await createUser();
    const save = defineAction({
      schema: z.object({ title: z.string().max(5, "nameTooLong"), document: z.string().max(10, "nameTooLong") }),
      handler: async () => null,
    });
    const document = JSON.stringify({ blocks: { pains: ["x".repeat(600_000)] } });
    const result = await save(null, { title: "a title", document, $ACTION_ID_abc: "" } as never);
    expect(result).toMatchObject({ ok: false, code: "invalid", values: { title: "a title" } });
    expect(result.ok === false && result.values).toEqual({ title: "a title" });
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
  });

  it("refuses without a session", async () => {
    expect(await rename(null, { name: "Ada", age: 1 })).toMatchObject({ ok: false, code: "unauthorized" });
  });

  it("maps an expected refusal to its localised field message", async () => {
    current.user = await createUser();
    const refuse = defineAction({
      schema: z.object({}),
      handler: async () => {
        throw new ActionError("conflict", "checkFields", { email: "emailTaken" });
      },
    });
    expect(await refuse(null, {})).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
  });

  it("rolls back a half-done write and hides the cause behind a generic message", async () => {
    current.user = await createUser();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const [before] = await getDb().select({ n: count() }).from(users);
    const halfway = defineAction({
      schema: z.object({}),
      async handler(_input, { tx }) {
        await tx.insert(users).values({ email: "halfway@example.test", name: "Half" });
        throw new Error("disk on fire at /internal/path");
      },
    });
    const result = await halfway(null, {});
    expect(result).toEqual({ ok: false, code: "server", message: expect.stringMatching(/Nothing was changed/), values: {} });
    expect(JSON.stringify(result)).not.toContain("disk on fire");
    const [after] = await getDb().select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
    spy.mockRestore();
  });

  it("lets redirects through", async () => {
    current.user = await createUser();
    const { redirect } = await import("next/navigation");
    const go = defineAction({ schema: z.object({}), handler: async () => null, after: () => redirect("/courses") });
    await expect(go(null, {})).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });

  it("counts refusals per client address when asked to (sign-up, joins): over the limit it refuses before the handler; a success gives its attempt back", async () => {
    const scope = `guess-${Math.random().toString(36).slice(2)}`;
    const calls: string[] = [];
    const join = defineAction({
      schema: z.object({ code: z.string() }),
      auth: "none",
      failureLimit: { scope, limit: 2 },
      async handler({ code }) {
        calls.push(code);
        if (code !== "RIGHT") throw new ActionError("invalid", "checkFields", { code: "inviteCodeUnknown" });
        return { joined: true };
      },
    });
    peer.address = "203.0.113.1";
    expect(await join(null, { code: "WRONG1" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await join(null, { code: "RIGHT" })).toMatchObject({ ok: true });
    expect(await join(null, { code: "WRONG2" })).toMatchObject({ ok: false, code: "invalid" });
    // Two failures counted (the success gave its attempt back): the next attempt is refused unseen.
    expect(await join(null, { code: "WRONG3" })).toMatchObject({ ok: false, code: "rate_limited", message: "Too many failed attempts. Wait 15 minutes, then try again." });
    expect(calls).toEqual(["WRONG1", "RIGHT", "WRONG2"]);
    // Another address is not affected.
    peer.address = "203.0.113.2";
    expect(await join(null, { code: "RIGHT" })).toMatchObject({ ok: true });
  });
});
