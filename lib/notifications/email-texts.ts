import type { Locale } from "@/lib/i18n/locales";

/**
 * The emails' wording, German and English. Kept out of the app's message catalogs: emails are
 * written by the delivery sweep, outside any request, in the recipient's language, as plain text.
 */
export type EmailTexts = {
  greeting: (name: string) => string;
  signature: string;
  footer: (notificationsUrl: string) => string;
  reviewAssigned: { subject: (p: { title: string; count: number }) => string; body: (p: { title: string; count: number }) => string; cta: string };
  reviewReceived: { subject: (p: { title: string }) => string; body: (p: { title: string }) => string; cta: string };
  submissionDue: { subject: (p: { title: string }) => string; body: (p: { title: string }) => string; cta: string };
  reviewDue: { subject: (p: { title: string; count: number }) => string; body: (p: { title: string; count: number }) => string; cta: string };
  /** A deadline reminder whose kind is no longer known (its reminder row is gone). */
  someDue: { subject: (p: { title: string }) => string; body: (p: { title: string }) => string; cta: string };
};

export const EMAIL_TEXTS: Record<Locale, EmailTexts> = {
  de: {
    greeting: (name) => `Hallo ${name},`,
    signature: "Viele Grüße\nWerkbank",
    footer: (url) => `Alle Benachrichtigungen findest du auch in Werkbank: ${url}`,
    reviewAssigned: {
      subject: ({ title, count }) => (count === 1 ? `Neues Feedback zu geben: „${title}“` : `${count} neue Feedbacks zu geben: „${title}“`),
      body: ({ title, count }) =>
        count === 1
          ? `dir wurde eine Abgabe zu „${title}“ zugeteilt, zu der du Feedback geben sollst.`
          : `dir wurden ${count} Abgaben zu „${title}“ zugeteilt, zu denen du Feedback geben sollst.`,
      cta: "Zu deinen Feedbacks:",
    },
    reviewReceived: {
      subject: ({ title }) => `Neues Feedback zu deiner Abgabe „${title}“`,
      body: ({ title }) => `zu deiner Abgabe „${title}“ ist ein Feedback eingetroffen.`,
      cta: "Zum Thema deiner Abgabe:",
    },
    submissionDue: {
      subject: ({ title }) => `Abgabefrist für „${title}“ endet in 24 Stunden`,
      body: ({ title }) => `die Abgabefrist für „${title}“ endet in weniger als 24 Stunden, und du hast noch nicht eingereicht.`,
      cta: "Hier reichst du ein:",
    },
    reviewDue: {
      subject: ({ title }) => `Feedback zu „${title}“: Frist endet in 24 Stunden`,
      body: ({ title, count }) =>
        count === 1
          ? `dein Feedback zu „${title}“ ist noch offen. Die Frist endet in weniger als 24 Stunden.`
          : `${count} deiner Feedbacks zu „${title}“ sind noch offen. Die Frist endet in weniger als 24 Stunden.`,
      cta: "Zu deinen Feedbacks:",
    },
    someDue: {
      subject: ({ title }) => `Frist für „${title}“ endet in 24 Stunden`,
      body: ({ title }) => `eine Frist für „${title}“ endet in weniger als 24 Stunden.`,
      cta: "Zu deiner Kohorte:",
    },
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    signature: "Best regards\nWerkbank",
    footer: (url) => `You can also find all your notifications in Werkbank: ${url}`,
    reviewAssigned: {
      subject: ({ title, count }) => (count === 1 ? `A new review to give: “${title}”` : `${count} new reviews to give: “${title}”`),
      body: ({ title, count }) =>
        count === 1
          ? `you have a new review to give for “${title}”.`
          : `you have ${count} new reviews to give for “${title}”.`,
      cta: "Go to your reviews:",
    },
    reviewReceived: {
      subject: ({ title }) => `New review of your submission “${title}”`,
      body: ({ title }) => `a review of your submission “${title}” has arrived.`,
      cta: "Read it in your submission's thread:",
    },
    submissionDue: {
      subject: ({ title }) => `“${title}” is due in 24 hours`,
      body: ({ title }) => `the submission deadline for “${title}” ends within the next 24 hours, and you have not submitted yet.`,
      cta: "Submit here:",
    },
    reviewDue: {
      subject: ({ title, count }) => (count === 1 ? `Your review for “${title}” is due in 24 hours` : `Your reviews for “${title}” are due in 24 hours`),
      body: ({ title, count }) =>
        count === 1
          ? `your review for “${title}” is still open. It is due within the next 24 hours.`
          : `${count} of your reviews for “${title}” are still open. They are due within the next 24 hours.`,
      cta: "Go to your reviews:",
    },
    someDue: {
      subject: ({ title }) => `A deadline for “${title}” ends in 24 hours`,
      body: ({ title }) => `a deadline for “${title}” ends within the next 24 hours.`,
      cta: "Go to your cohort:",
    },
  },
};
