import type { Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import { ASSIGNMENT_LESSON, createEmpathyAssignment } from "./flows";
import { AppShell } from "./pages/app-shell.page";
import { SignInPage } from "./pages/sign-in.page";

// playwright.config.ts starts e2e/lti-platform.mjs: an LMS speaking LTI 1.3 over HTTP (its own keys,
// login initiation, signed id_tokens, deep-linking return, token, NRPS and AGS endpoints).
const SIM = `http://localhost:${Number(process.env.E2E_LTI_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 4)}`;
const ADMIN = "admin@werkbank.test";

type Launch = { user: string; name: string; roles: "instructor" | "learner"; context: string; contextTitle: string; email?: string; message?: "deeplink"; custom?: object; fault?: string };

/** Starts a launch at the simulated LMS, as a click on the tool's link there would. */
async function launch(page: Page, l: Launch): Promise<void> {
  const q = new URLSearchParams({ user: l.user, name: l.name, roles: l.roles, context: l.context, contextTitle: l.contextTitle });
  if (l.email) q.set("email", l.email);
  if (l.message) q.set("message", l.message);
  if (l.custom) q.set("custom", JSON.stringify(l.custom));
  if (l.fault) q.set("fault", l.fault);
  await page.goto(`${SIM}/launch?${q}`);
}

/** The admin registers the simulated LMS once per server (a retried test finds it registered). */
async function registerPlatform(page: Page): Promise<void> {
  await new SignInPage(page).signIn(ADMIN, DEMO_PASSWORD);
  await page.goto("/admin/lti");
  await expect(page.getByRole("heading", { level: 1, name: "LMS-Anbindung (LTI 1.3)" })).toBeVisible();
  const values = page.getByRole("region", { name: "Werte für das LMS" });
  await expect(values).toContainText("/lti/login");
  await expect(values).toContainText("/.well-known/jwks.json");
  const form = page.getByRole("region", { name: "LMS registrieren" });
  const fill = async () => {
    await form.getByLabel("Name", { exact: true }).fill("Simuliertes Moodle");
    await form.getByLabel("Issuer (Plattform-ID)").fill(SIM);
    await form.getByLabel("Client-ID").fill("werkbank-sim");
    await form.getByLabel("Deployment-IDs").fill("deploy-1");
    await form.getByLabel("Authentifizierungs-URL").fill(`${SIM}/auth`);
    await form.getByLabel("Access-Token-URL").fill(`${SIM}/token`);
    await form.getByLabel("Schlüsselsatz-URL des LMS (JWKS)").fill(`${SIM}/.well-known/jwks.json`);
    await form.getByRole("button", { name: "Registrieren" }).click();
  };
  const list = page.getByRole("list", { name: "Registrierte LMS" });
  if (!(await list.isVisible()) || !(await list.getByText(SIM, { exact: true }).isVisible())) {
    await fill();
    await expect(form.getByRole("status")).toHaveText(/Das LMS ist registriert/);
    await expect(list.getByText(SIM, { exact: true })).toBeVisible();
  }
  // The same issuer and client id again: refused at the field.
  await fill();
  await expect(form.getByText("Diese Kombination aus Issuer und Client-ID ist schon registriert.")).toBeVisible();
  await expectAccessible(page, "admin: LMS (LTI)");
  // The tool's key set is published.
  const jwks = await (await page.request.get("/.well-known/jwks.json")).json();
  expect(jwks.keys.length).toBeGreaterThan(0);
  expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  expect(jwks.keys[0].d).toBeUndefined();
}

test.describe("LTI 1.3 with a simulated LMS", () => {
  test("an instructor launches, links the course, deep-links an assignment; students launch into the cohort", async ({ openBrowser }) => {
    const stamp = Date.now().toString(36);
    const course = { context: `bwl-${stamp}`, contextTitle: `BWL ${stamp}` };
    const admin = await openBrowser();
    await registerPlatform(admin);

    const irene = await openBrowser();
    let cohortId = "";
    await test.step("the instructor's first launch: she links the LMS course to a new cohort of the demo course", async () => {
      await launch(irene, { user: `inst-${stamp}`, name: "Irene Lehr", roles: "instructor", email: `irene.${stamp}@uni.example`, ...course });
      await expect(irene.getByRole("heading", { level: 1, name: `„${course.contextTitle}“ mit Werkbank verknüpfen` })).toBeVisible();
      await expectAccessible(irene, "LTI: link the LMS course");
      await irene.getByRole("radio", { name: new RegExp(demo.courseTitle.slice(0, 30)) }).check();
      await irene.getByRole("button", { name: "Verknüpfen" }).click();
      await irene.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
      cohortId = irene.url().split("/")[4]!;
      await expect(irene.getByText(course.contextTitle).first()).toBeVisible();
      await expect(new AppShell(irene).banner).toContainText("Angemeldet als Irene Lehr");
    });

    let assignmentId = "";
    await test.step("she sets an assignment in Werkbank and places it in the LMS course by deep linking", async () => {
      await createEmpathyAssignment(irene, cohortId, ASSIGNMENT_LESSON, { anonymity: "named" });
      await launch(irene, { user: `inst-${stamp}`, name: "Irene Lehr", roles: "instructor", message: "deeplink", ...course });
      await expect(irene.getByRole("heading", { level: 1, name: `Inhalt in „${course.contextTitle}“ einfügen` })).toBeVisible();
      await expectAccessible(irene, "LTI: deep linking");
      await irene.getByRole("radio", { name: /^Aufgabe: Von der Empathy Map/ }).check();
      await irene.getByRole("button", { name: "Im LMS einfügen" }).click();
      await irene.waitForURL(`${SIM}/deep-link-return`);
      await expect(irene.getByRole("heading", { name: "Deep linking received" })).toBeVisible();
      await expect(irene.getByRole("listitem")).toContainText("Von der Empathy Map zur Value Proposition");
      const recorded = await (await irene.request.get(`${SIM}/__recorded`)).json();
      const item = recorded.deepLinks.at(-1).contentItems[0];
      expect(item).toMatchObject({ type: "ltiResourceLink", url: expect.stringMatching(/\/lti\/launch$/), lineItem: { scoreMaximum: 100 } });
      assignmentId = item.custom.werkbank_assignment;
      expect(item.lineItem.resourceId).toBe(assignmentId);
    });

    await test.step("a student launches the placed assignment and lands on its lesson in the linked cohort, twice as the same person", async () => {
      for (let i = 0; i < 2; i++) {
        const lara = await openBrowser();
        await launch(lara, { user: `learner-${stamp}`, name: "Lara Lernt", roles: "learner", email: `lara.${stamp}@uni.example`, custom: { werkbank_assignment: assignmentId }, ...course });
        await lara.waitForURL(`**/cohorts/${cohortId}/lessons/${ASSIGNMENT_LESSON}`);
        await expect(new AppShell(lara).banner).toContainText("Angemeldet als Lara Lernt");
      }
      await irene.goto(`/cohorts/${cohortId}/members`);
      const members = irene.getByRole("region", { name: "Mitgliederliste" });
      await expect(members.getByRole("rowheader", { name: "Lara Lernt" })).toHaveCount(1);
      await expect(members.getByRole("row").filter({ hasText: "Irene Lehr" })).toContainText("Lehrkraft");
    });

    await test.step("the roster syncs from the LMS: a newcomer joins, a student who left the LMS course leaves the cohort", async () => {
      const leo = await openBrowser();
      await launch(leo, { user: `leaver-${stamp}`, name: "Leo Geht", roles: "learner", ...course });
      await leo.waitForURL(`**/cohorts/${cohortId}`);
      const v2 = "http://purl.imsglobal.org/vocab/lis/v2/membership";
      await irene.request.post(`${SIM}/__roster/${course.context}`, {
        data: {
          members: [
            { user_id: `inst-${stamp}`, name: "Irene Lehr", roles: [`${v2}#Instructor`], status: "Active" },
            { user_id: `learner-${stamp}`, name: "Lara Lernt", email: `lara.${stamp}@uni.example`, roles: [`${v2}#Learner`], status: "Active" },
            { user_id: `new-${stamp}`, name: "Nils Neu", email: `nils.${stamp}@uni.example`, roles: [`${v2}#Learner`], status: "Active" },
            { user_id: `leaver-${stamp}`, name: "Leo Geht", roles: [`${v2}#Learner`], status: "Inactive" },
          ],
        },
      });
      await irene.goto(`/cohorts/${cohortId}/members`);
      const lms = irene.getByRole("region", { name: "Teilnehmende aus dem LMS" });
      await lms.getByRole("button", { name: "Mit dem LMS abgleichen" }).click();
      await expect(lms.getByRole("status")).toHaveText("3 im LMS-Kurs: 1 neu, 1 entfernt.");
      const members = irene.getByRole("region", { name: "Mitgliederliste" });
      await expect(members.getByRole("rowheader", { name: "Nils Neu" })).toBeVisible();
      await expect(members.getByRole("rowheader", { name: "Leo Geht" })).toHaveCount(0);
      const recorded = await (await irene.request.get(`${SIM}/__recorded`)).json();
      expect(recorded.tokens.map((tk: { scope: string }) => tk.scope)).toContain("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    });

    await test.step("a released grade arrives at the LMS's line item; after an override it is sent again; a failure is shown and retried", async () => {
      const laraHref = await irene.getByRole("region", { name: "Mitgliederliste" }).getByRole("link", { name: "Lara Lernt" }).getAttribute("href");
      const laraId = laraHref!.split("/").pop()!;
      const setGrade = async (points: string) => {
        await irene.goto(`/cohorts/${cohortId}/gradebook/${assignmentId}/${laraId}`);
        await irene.getByLabel("Punkte (0–100)").fill(points);
        await irene.getByLabel("Begründung").fill("Im Gespräch gezeigt, was der Canvas nicht zeigt.");
        await irene.getByRole("button", { name: /^Note (festlegen|ändern)$/ }).click();
        await expect(irene.getByText("Note festgelegt.")).toBeVisible();
      };
      const laraScores = async () =>
        ((await (await irene.request.get(`${SIM}/__recorded`)).json()).scores as Array<{ userId: string; scoreGiven?: number; scoreMaximum?: number }>).filter(
          (sc) => sc.userId === `learner-${stamp}`,
        );
      await setGrade("85");
      await irene.goto(`/cohorts/${cohortId}/gradebook`);
      const title = "Von der Empathy Map zur Value Proposition";
      await irene.getByRole("button", { name: `Noten von ${title} freigeben` }).click();
      await irene.getByRole("dialog").getByRole("button", { name: "Noten freigeben" }).click();
      await expect.poll(async () => (await laraScores()).map((sc) => sc.scoreGiven)).toEqual([85]);
      expect((await laraScores())[0]).toMatchObject({ scoreMaximum: 100, gradingProgress: "FullyGraded" });
      const items = (await (await irene.request.get(`${SIM}/__recorded`)).json()).lineItems[course.context];
      expect(items).toEqual([expect.objectContaining({ resourceId: assignmentId, scoreMaximum: 100 })]);
      await irene.reload();
      await expect(irene.getByText(/^LMS: \d+ übertragen$/)).toBeVisible();

      // The LMS refuses the next score: the gradebook says so; "send again" delivers it.
      await irene.request.post(`${SIM}/__fail-scores`, { data: { count: 1 } });
      await setGrade("90");
      await irene.goto(`/cohorts/${cohortId}/gradebook`);
      await expect(async () => {
        await irene.reload();
        await expect(irene.getByText(/1 fehlgeschlagen/)).toBeVisible({ timeout: 1000 });
      }).toPass();
      await expect(irene.getByText(/Zuletzt: POST .* answered 503/)).toBeVisible();
      await irene.getByRole("button", { name: "Erneut senden" }).click();
      await expect.poll(async () => (await laraScores()).map((sc) => sc.scoreGiven)).toEqual([85, 90]);
      await irene.reload();
      await expect(irene.getByText(/1 fehlgeschlagen/)).toHaveCount(0);
    });

    await test.step("a student of a course nobody linked yet is told to wait", async () => {
      const early = await openBrowser();
      await launch(early, { user: `early-${stamp}`, name: "Emil Früh", roles: "learner", context: `vwl-${stamp}`, contextTitle: "VWL" });
      await expect(early.getByRole("heading", { level: 1, name: "Noch nicht eingerichtet" })).toBeVisible();
    });
  });

  test("launches are refused: wrong signature, expired token, wrong audience, unknown deployment, wrong nonce, replay, unknown LMS", async ({ openBrowser }) => {
    const admin = await openBrowser();
    await registerPlatform(admin);
    const page = await openBrowser();
    const base = { user: "refused-1", name: "Rolf Abgelehnt", roles: "learner" as const, context: "bwl-refusals", contextTitle: "BWL" };
    const cases: Array<[string, string]> = [
      ["signature", "Die Signatur der Anmeldung stimmt nicht mit den Schlüsseln des LMS überein."],
      ["expired", "Die Anmeldung des LMS ist abgelaufen."],
      ["audience", "Die Anmeldung war für ein anderes Werkzeug bestimmt (Audience)."],
      ["deployment", "Diese Einbindung (Deployment) ist bei Werkbank nicht registriert."],
      ["nonce", "Die Anmeldung passt nicht zu dieser Anfrage (Nonce)."],
    ];
    for (const [fault, message] of cases) {
      await launch(page, { ...base, fault });
      await page.waitForURL(`**/lti/error?reason=${fault}`);
      await expect(page.getByRole("heading", { level: 1, name: "Start aus dem LMS abgelehnt" })).toBeVisible();
      await expect(page.getByRole("status")).toHaveText(message);
    }
    await expectAccessible(page, "LTI: a refused launch");
    // A good launch goes through; the same id_token posted again is refused.
    await launch(page, base);
    await page.waitForURL("**/lti/continue/**");
    await page.goto(`${SIM}/replay`);
    await page.waitForURL("**/lti/error?reason=*");
    await expect(page.getByRole("heading", { level: 1, name: "Start aus dem LMS abgelehnt" })).toBeVisible();
    // An LMS nobody registered.
    await page.goto("/lti/login?iss=https%3A%2F%2Flms.unknown.example&login_hint=x&target_link_uri=x");
    await expect(page.getByRole("status")).toHaveText("Dieses LMS ist bei Werkbank nicht registriert.");
  });
});
