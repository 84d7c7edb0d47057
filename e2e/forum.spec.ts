import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, firstCohortId, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in.page";

const lesson = { slug: "business-model-canvas", title: demo.lessons[0] };
const ben = { email: "ben.schulz@werkbank.test", name: "Ben Schulz" };
const lena = { email: "lena.keller@werkbank.test", name: "Lena Keller" };
/** One post per member and cohort every 5 seconds (lib/forum/store.ts). */
const POST_INTERVAL_MS = 5_000;

async function signInAs(page: Page, email: string) {
  await new SignInPage(page).signIn(email, DEMO_PASSWORD);
}

/** The reply box of a thread: a combobox (it suggests @mentions) labelled "Deine Antwort". */
const replyBox = (page: Page) => page.getByRole("combobox", { name: "Deine Antwort" });
const sendReply = (page: Page) => page.getByRole("button", { name: "Antwort senden" });
/** A post, by author and a piece of its text (posts are articles named by their author). */
const post = (page: Page, author: string, text: string) => page.getByRole("article", { name: author }).filter({ hasText: text });

test.describe("lesson forum", () => {
  test("thread, reply with an @mention picked by keyboard, notification, edit, delete, lock", async ({ page, signInPage, openBrowser }) => {
    test.setTimeout(120_000);
    const title = `Wie eng fasse ich mein Kundensegment? ${Date.now().toString(36)}`;
    const opening = "Ich bin unsicher, wie eng ich das Segment fassen soll.";
    const afterthought = "Nachtrag: Es geht um Pendler.";

    // Anna opens the board of the first lesson and starts a thread.
    await signInPage.signIn(demo.student.email, DEMO_PASSWORD);
    // The demo leaves her the news that the practice run's grades are out: read it, so the bell counts this thread only.
    await page.goto("/notifications");
    await page.getByRole("button", { name: "Alle als gelesen markieren" }).click();
    await expect(page.getByText("Du bist auf dem neuesten Stand.")).toBeVisible();
    const cohortId = await firstCohortId(page);
    const boardUrl = `/cohorts/${cohortId}/lessons/${lesson.slug}/forum`;
    await page.goto(boardUrl);
    await expect(page.getByRole("heading", { level: 1, name: `Forum: ${lesson.title}` })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Brotkrumennavigation" }).getByRole("link", { name: "Lektion 1" })).toHaveAttribute(
      "href",
      `/cohorts/${cohortId}/lessons/${lesson.slug}`,
    );
    const toggle = page.getByRole("button", { name: "Neues Thema", exact: true });
    // Open from the start on an empty board, else behind the button.
    if ((await toggle.getAttribute("aria-expanded")) === "false") {
      await toggle.click();
      await expect(page.getByLabel("Titel", { exact: true })).toBeFocused();
    }
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByRole("combobox", { name: "Dein Beitrag" }).fill(opening);
    await page.getByRole("button", { name: "Thema erstellen" }).click();
    await page.waitForURL(/\/forum\/[0-9a-f-]{36}$/);
    const createdAt = Date.now();
    const threadPath = new URL(page.url()).pathname;
    const threadId = threadPath.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(post(page, "Anna Berger", opening)).toBeVisible();

    await test.step("a reply right after the thread is refused as too soon, and the text stays", async () => {
      await replyBox(page).fill(afterthought);
      await sendReply(page).click();
      await expect(page.getByText(/Du hast gerade erst etwas gepostet/)).toBeVisible();
      await expect(replyBox(page)).toHaveValue(afterthought);
    });

    // Ben sees the thread as unread on the board and replies, mentioning Anna from the suggestions.
    const benPage = await openBrowser();
    await signInAs(benPage, ben.email);
    await test.step("Ben replies with @Anna Berger chosen by keyboard", async () => {
      await benPage.goto(boardUrl);
      const row = benPage.getByRole("listitem").filter({ has: benPage.getByRole("link", { name: title }) });
      await expect(row.getByText("Ungelesen")).toBeAttached();
      await expect(row).toContainText("von Anna Berger");
      await row.getByRole("link", { name: title }).click();
      await benPage.waitForURL(`**${threadPath}`);

      const box = replyBox(benPage);
      await box.focus();
      await benPage.keyboard.type("Gute Frage, @Ann");
      const suggestions = benPage.getByRole("listbox", { name: "Personen zum Erwähnen" });
      const anna = suggestions.getByRole("option", { name: "Anna Berger" });
      await expect(anna).toBeVisible();
      await expect(box).toHaveAttribute("aria-expanded", "true");
      await expect(box).toHaveAttribute("aria-activedescendant", (await anna.getAttribute("id"))!);
      await expect(anna).toHaveAttribute("aria-selected", "true");
      await benPage.keyboard.press("Enter");
      await expect(suggestions).toBeHidden();
      await expect(box).toHaveAttribute("aria-expanded", "false");
      await expect(box).toHaveValue("Gute Frage, @Anna Berger ");
      await benPage.keyboard.type("fang mit einem einzigen Segment an.");
      await benPage.keyboard.press("Tab");
      await expect(sendReply(benPage)).toBeFocused();
      await benPage.keyboard.press("Enter");
      await expect(post(benPage, ben.name, "fang mit einem einzigen Segment an.")).toBeVisible();
      await expect(box).toHaveValue("");
    });

    await test.step("Anna's bell shows the reply, and the notification leads to it", async () => {
      await page.goto("/courses");
      await expect(page.getByTestId("bell-count")).toHaveText("1");
      await page.getByTestId("bell").click();
      await page.waitForURL("**/notifications");
      const link = page.getByRole("link", { name: `Ben Schulz hat auf „${title}“ geantwortet` });
      await expect(link).toHaveAttribute("href", new RegExp(`^/cohorts/${cohortId}/forum/${threadId}\\?post=([0-9a-f-]{36})#post-\\1$`));
      const postId = (await link.getAttribute("href"))!.split("#post-")[1]!;
      await link.click();
      await page.waitForURL(`**${threadPath}?post=${postId}#post-${postId}`);
      await expect(page.locator(`#post-${postId}`)).toContainText("Gute Frage, @Anna Berger fang mit einem einzigen Segment an.");
      await expect(page.getByTestId("bell-count")).toBeHidden();
    });

    await test.step("Anna edits her opening post", async () => {
      const first = post(page, "Anna Berger", opening);
      await first.getByRole("button", { name: /^Bearbeiten/ }).click();
      const editor = first.getByRole("combobox", { name: "Beitrag bearbeiten" });
      await expect(editor).toBeFocused();
      await editor.fill(`${opening} Update: Pendler im Nahverkehr.`);
      await first.getByRole("button", { name: "Speichern" }).click();
      await expect(first).toContainText("Update: Pendler im Nahverkehr.");
      await expect(first.getByText("bearbeitet", { exact: true })).toBeVisible();
      await expect(first.getByRole("button", { name: /^Bearbeiten/ })).toBeFocused();
    });

    await test.step("Anna posts her afterthought after all, then deletes it", async () => {
      await page.waitForTimeout(Math.max(0, createdAt + POST_INTERVAL_MS + 500 - Date.now()));
      await replyBox(page).fill(afterthought);
      await sendReply(page).click();
      const mine = post(page, "Anna Berger", afterthought);
      await expect(mine).toBeVisible();
      const mineId = (await mine.getAttribute("id"))!;
      await mine.getByRole("button", { name: /^Löschen/ }).click();
      const dialog = page.getByRole("dialog", { name: "Diesen Beitrag löschen?" });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "Löschen", exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(afterthought)).toHaveCount(0);
      const placeholder = page.locator(`[id="${mineId}"]`);
      await expect(placeholder.getByText("Dieser Beitrag wurde gelöscht.", { exact: true })).toBeVisible();
      await expect(placeholder.getByRole("button")).toHaveCount(0);
    });

    await test.step("Lena locks the thread; Ben can no longer reply", async () => {
      const lenaPage = await openBrowser();
      await signInAs(lenaPage, lena.email);
      await lenaPage.goto(threadPath);
      await lenaPage.getByRole("button", { name: "Thema sperren" }).click();
      await expect(lenaPage.getByRole("button", { name: "Thema entsperren" })).toBeVisible();
      await expect(lenaPage.getByRole("main").getByText("Gesperrt", { exact: true })).toBeVisible();

      await benPage.reload();
      await expect(benPage.getByText("Dieses Thema ist gesperrt. Nur Lehrende können noch antworten.")).toBeVisible();
      await expect(replyBox(benPage)).toBeDisabled();
      await expect(sendReply(benPage)).toBeDisabled();
      await expect(post(benPage, ben.name, "einzigen Segment").getByRole("button", { name: /^Bearbeiten/ })).toHaveCount(0);

      await benPage.goto(boardUrl);
      const row = benPage.getByRole("listitem").filter({ has: benPage.getByRole("link", { name: title }) });
      await expect(row.getByText("Gesperrt", { exact: true })).toBeVisible();
    });
  });
});
