import { DEMO_PASSWORD, STRONG_PASSWORD, demo, expect, expectFieldError, test, uniqueEmail } from "./fixtures";
import { CoursesPage } from "./pages/courses.page";
import { SignInPage } from "./pages/sign-in.page";

test.describe("sign-in", () => {
  test("a demo student signs in, opens the course and reads a lesson", async ({ signInPage, coursesPage, cohortPage, lessonPage, page }) => {
    await signInPage.signIn(demo.student.email, DEMO_PASSWORD);

    await expect(page).toHaveURL(/\/courses$/);
    await expect(coursesPage.heading).toBeVisible();
    await expect(coursesPage.card(demo.mainCohort.name)).toBeVisible();
    await expect(coursesPage.courseLink(demo.mainCohort.name)).toHaveText(demo.courseTitle);

    await coursesPage.openCourse(demo.mainCohort.name);
    await expect(cohortPage.heading).toHaveText(demo.courseTitle);
    await expect(cohortPage.lessonLinks).toHaveCount(demo.lessons.length);

    await cohortPage.openLesson(demo.lessons[0]);
    await expect(lessonPage.heading).toHaveText(demo.lessons[0]);
    // The markdown body is rendered, not shown as source: its "## …" sections are real h2 headings.
    await expect(lessonPage.bodyHeadings.first()).toHaveText("Worum es in dieser Lektion geht");
    await expect(lessonPage.article.getByRole("heading", { level: 3, name: "1. Kundensegmente" })).toBeVisible();
    await expect(lessonPage.article).not.toContainText("## ");
  });

  test("marking a lesson done moves the progress on My courses", async ({ signUpStudent, coursesPage, cohortPage, lessonPage }) => {
    // A fresh student, so the count starts at zero whatever other tests did.
    await signUpStudent();
    await coursesPage.goto();
    const progress = coursesPage.progress(demo.mainCohort.name);
    await expect(progress).toHaveAccessibleName(`0 von ${demo.lessons.length} Lektionen erledigt`);
    await expect(progress).toHaveAttribute("aria-valuenow", "0");

    await coursesPage.openCourse(demo.mainCohort.name);
    await cohortPage.openLesson(demo.lessons[0]);
    await lessonPage.markDoneButton.click();
    await expect(lessonPage.doneNotice).toBeVisible();
    await expect(lessonPage.markNotDoneButton).toBeVisible();

    await coursesPage.goto();
    await expect(progress).toHaveAccessibleName(`1 von ${demo.lessons.length} Lektionen erledigt`);
    await expect(progress).toHaveAttribute("aria-valuenow", "1");
    await expect(coursesPage.card(demo.mainCohort.name)).toContainText(`1 von ${demo.lessons.length} Lektionen erledigt`);
    // "Continue" now points at the next open lesson.
    await expect(coursesPage.continueLink(demo.mainCohort.name)).toContainText(demo.lessons[1]);
  });

  test("a wrong password and an unknown email get the same answer, which names neither; the email stays filled", async ({ signInPage, page }) => {
    const answers: string[] = [];
    for (const email of [demo.student.email, uniqueEmail()]) {
      await signInPage.goto();
      await signInPage.submitWith(email, "nicht-das-richtige-passwort");
      await expect(signInPage.formMessage).toHaveText("E-Mail-Adresse oder Passwort stimmen nicht.");
      answers.push((await page.getByRole("main").innerHTML()).replaceAll(email, "EMAIL"));
      await expect(signInPage.email).toHaveValue(email);
      await expect(signInPage.password).toHaveValue("");
      await expect(page).toHaveURL(/\/sign-in$/);
    }
    // The same page either way: nothing tells whether the address has an account.
    expect(answers[1]).toBe(answers[0]);
  });
});

test.describe("sign-up", () => {
  test("the invite link prefills the code and signing up lands on the cohort page", async ({ signUpPage, cohortPage, coursesPage, page }) => {
    await signUpPage.goto(demo.mainCohort.inviteCode);
    await expect(signUpPage.heading).toBeVisible();
    await expect(signUpPage.inviteCode).toHaveValue(demo.mainCohort.inviteCode);

    await signUpPage.name.fill("Erika Probe");
    await signUpPage.email.fill(uniqueEmail());
    await signUpPage.password.fill(STRONG_PASSWORD);
    await signUpPage.submit.click();

    await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
    await expect(cohortPage.heading).toHaveText(demo.courseTitle);
    await expect(page.getByRole("main")).toContainText(demo.mainCohort.name);
    await expect(cohortPage.progress).toHaveAccessibleName(`0 von ${demo.lessons.length} Lektionen erledigt`);

    await coursesPage.goto();
    await expect(coursesPage.card(demo.mainCohort.name)).toBeVisible();
  });

  const refusals = [
    {
      title: "an unknown invite code",
      details: () => ({ inviteCode: "FALSCH99", email: uniqueEmail(), password: STRONG_PASSWORD }),
      field: "inviteCode",
      message: "Keine offene Kohorte hat diesen Einladungscode. Frag bei deiner Lehrkraft nach.",
      // No account was made: the address is unknown.
    },
    {
      title: "an email that already has an account",
      details: () => ({ inviteCode: demo.mainCohort.inviteCode, email: demo.student.email, password: STRONG_PASSWORD }),
      field: "email",
      message: "Zu dieser E-Mail-Adresse gibt es schon ein Konto. Melde dich stattdessen an.",
      // Anna's account is untouched: the new password does not open it.
    },
    {
      title: "a weak password",
      details: () => ({ inviteCode: demo.mainCohort.inviteCode, email: uniqueEmail(), password: "kurz" }),
      field: "password",
      message: "Verwende mindestens 10 Zeichen.",
    },
  ] as const;

  for (const refusal of refusals) {
    test(`sign-up refuses ${refusal.title} and creates nothing`, async ({ signUpPage, page }) => {
      const details = { ...refusal.details(), name: "Erika Probe" };
      await signUpPage.goto();
      await signUpPage.submitWith(details);

      await expectFieldError(signUpPage[refusal.field], refusal.message);
      await expect(signUpPage.formMessage).toHaveText("Bitte prüfe die markierten Felder.");
      await expect(page).toHaveURL(/\/sign-up$/);
      // What the user typed stays, except the password.
      await expect(signUpPage.email).toHaveValue(details.email);
      await expect(signUpPage.name).toHaveValue(details.name);
      await expect(signUpPage.password).toHaveValue("");

      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.submitWith(details.email, details.password);
      await expect(signIn.formMessage).toHaveText("E-Mail-Adresse oder Passwort stimmen nicht.");
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  }

  test("the duplicate-email refusal leaves the existing account working", async ({ signUpPage, page }) => {
    await signUpPage.goto();
    await signUpPage.submitWith({ inviteCode: demo.mainCohort.inviteCode, name: "Doppelt", email: demo.student.email, password: STRONG_PASSWORD });
    await expectFieldError(signUpPage.email, "Zu dieser E-Mail-Adresse gibt es schon ein Konto. Melde dich stattdessen an.");

    await new SignInPage(page).signIn(demo.student.email, DEMO_PASSWORD);
    await expect(new CoursesPage(page).heading).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(`Angemeldet als ${demo.student.name}`);
  });
});
