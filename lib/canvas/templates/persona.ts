import type { CanvasTemplate } from "../types";

/** Persona: a fictional but realistic person standing for a customer segment, on a 3 × 2 grid. */
export const persona: CanvasTemplate = {
  kind: "persona",
  title: { de: "Persona", en: "Persona" },
  description: {
    de: "Eine erfundene, aber glaubwürdige Person, die ein Kundensegment verkörpert.",
    en: "A made-up but believable person who stands for a customer segment.",
  },
  grid: { columns: 3, rows: 2 },
  blocks: [
    {
      id: "profile",
      title: { de: "Steckbrief", en: "Profile" },
      hint: {
        de: "Name, Alter, Hintergrund – eine Notiz pro Fakt",
        en: "Name, age, background: one note per fact",
      },
      questions: {
        de: [
          "Wie heißt die Person und wie alt ist sie?",
          "Wo und wie lebt sie?",
          "Welchen Werdegang hat sie hinter sich?",
        ],
        en: [
          "What is the person's name and age?",
          "Where and how do they live?",
          "What is their background?",
        ],
      },
      grid: { column: 1, row: 1, columnSpan: 1, rowSpan: 1 },
    },
    {
      id: "role",
      title: { de: "Rolle", en: "Role" },
      hint: {
        de: "Beruf und Rolle bei der Kaufentscheidung",
        en: "Occupation and part in the buying decision",
      },
      questions: {
        de: [
          "Was macht die Person beruflich?",
          "Entscheidet, beeinflusst oder nutzt sie beim Kauf?",
          "Mit wem hat sie täglich zu tun?",
        ],
        en: [
          "What does the person do for a living?",
          "Do they decide, influence or use when buying?",
          "Who do they deal with every day?",
        ],
      },
      grid: { column: 1, row: 2, columnSpan: 1, rowSpan: 1 },
    },
    {
      id: "goals",
      title: { de: "Ziele", en: "Goals" },
      hint: {
        de: "Was sie erreichen will",
        en: "What they want to achieve",
      },
      questions: {
        de: [
          "Was will die Person in den nächsten Monaten erreichen?",
          "Woran merkt sie, dass es gut läuft?",
          "Was treibt sie an?",
        ],
        en: [
          "What does the person want to achieve in the coming months?",
          "How do they notice that things are going well?",
          "What drives them?",
        ],
      },
      grid: { column: 2, row: 1, columnSpan: 1, rowSpan: 1 },
      pullInto: "gains",
    },
    {
      id: "frustrations",
      title: { de: "Frustrationen", en: "Frustrations" },
      hint: {
        de: "Was ihr im Weg steht",
        en: "What gets in their way",
      },
      questions: {
        de: [
          "Was ärgert sie immer wieder?",
          "Woran ist sie schon gescheitert?",
          "Welche Lösungen hat sie aufgegeben – und warum?",
        ],
        en: [
          "What annoys them again and again?",
          "Where have they already failed?",
          "Which solutions have they given up on, and why?",
        ],
      },
      grid: { column: 2, row: 2, columnSpan: 1, rowSpan: 1 },
      pullInto: "pains",
    },
    {
      id: "quote",
      title: { de: "Zitat", en: "Quote" },
      hint: {
        de: "Ein Satz, der die Person auf den Punkt bringt",
        en: "One sentence that sums the person up",
      },
      questions: {
        de: [
          "Welchen typischen Satz hört man von ihr?",
          "Wie würde sie ihre Lage in einem Satz beschreiben?",
          "Was würde sie einer Freundin über ihr Problem erzählen?",
        ],
        en: [
          "Which typical sentence do you hear from them?",
          "How would they describe their situation in one sentence?",
          "What would they tell a friend about their problem?",
        ],
      },
      grid: { column: 3, row: 1, columnSpan: 1, rowSpan: 1 },
    },
    {
      id: "jobs",
      title: { de: "Aufgaben (Jobs)", en: "Jobs" },
      hint: {
        de: "Was sie erledigen muss oder will",
        en: "What they have to or want to get done",
      },
      questions: {
        de: [
          "Welche Aufgaben erledigt sie regelmäßig?",
          "Welche davon sind mühsam oder lästig?",
          "Wofür würde sie sich gern Hilfe holen?",
        ],
        en: [
          "Which tasks do they carry out regularly?",
          "Which of them are tedious or annoying?",
          "What would they gladly get help with?",
        ],
      },
      grid: { column: 3, row: 2, columnSpan: 1, rowSpan: 1 },
      pullInto: "customer-jobs",
    },
  ],
  links: [],
};
