import type { CanvasTemplate } from "../types";

/** Empathy Map for one typical person of a customer segment, on a 4 × 3 grid. */
export const empathyMap: CanvasTemplate = {
  kind: "empathy-map",
  title: { de: "Empathy Map", en: "Empathy Map" },
  description: {
    de: "Was ein typischer Mensch aus dem Kundensegment erlebt: was er sieht, hört, denkt, sagt und tut – und was ihn bremst oder antreibt.",
    en: "What a typical person of the customer segment experiences: what they see, hear, think, say and do, and what holds them back or drives them.",
  },
  grid: { columns: 4, rows: 3 },
  blocks: [
    {
      id: "thinks-feels",
      title: { de: "Denkt & fühlt", en: "Thinks & feels" },
      hint: {
        de: "Was die Person wirklich bewegt",
        en: "What really moves the person",
      },
      questions: {
        de: [
          "Was beschäftigt die Person, auch wenn sie es nicht ausspricht?",
          "Welche Sorgen und Hoffnungen hat sie?",
          "Was ist ihr wirklich wichtig?",
        ],
        en: [
          "What is on the person's mind, even if they don't say it?",
          "What worries and hopes do they have?",
          "What truly matters to them?",
        ],
      },
      grid: { column: 1, row: 1, columnSpan: 2, rowSpan: 1 },
    },
    {
      id: "hears",
      title: { de: "Hört", en: "Hears" },
      hint: {
        de: "Was andere ihr sagen und wer sie beeinflusst",
        en: "What others tell them and who influences them",
      },
      questions: {
        de: [
          "Was sagen Freunde, Familie und Kollegen zu ihr?",
          "Welchen Medien und Menschen hört sie zu?",
          "Wer hat Einfluss auf ihre Entscheidungen?",
        ],
        en: [
          "What do friends, family and colleagues tell them?",
          "Which media and people do they listen to?",
          "Who influences their decisions?",
        ],
      },
      grid: { column: 3, row: 1, columnSpan: 2, rowSpan: 1 },
    },
    {
      id: "sees",
      title: { de: "Sieht", en: "Sees" },
      hint: {
        de: "Ihr Umfeld und was der Markt ihr zeigt",
        en: "Their surroundings and what the market shows them",
      },
      questions: {
        de: [
          "Wie sieht ihr Umfeld aus?",
          "Welche Angebote begegnen ihr im Alltag?",
          "Was tun die Menschen um sie herum?",
        ],
        en: [
          "What do their surroundings look like?",
          "Which offers do they come across every day?",
          "What are the people around them doing?",
        ],
      },
      grid: { column: 1, row: 2, columnSpan: 2, rowSpan: 1 },
    },
    {
      id: "says-does",
      title: { de: "Sagt & tut", en: "Says & does" },
      hint: {
        de: "Ihr sichtbares Verhalten",
        en: "Their visible behaviour",
      },
      questions: {
        de: [
          "Wie verhält sie sich vor anderen?",
          "Was erzählt sie über ihre Lage?",
          "Wo passen ihre Worte und Taten nicht zusammen?",
        ],
        en: [
          "How do they behave in front of others?",
          "What do they tell people about their situation?",
          "Where do their words and actions not match?",
        ],
      },
      grid: { column: 3, row: 2, columnSpan: 2, rowSpan: 1 },
    },
    {
      id: "pains",
      title: { de: "Pains", en: "Pains" },
      hint: {
        de: "Ängste, Frust und Hindernisse",
        en: "Fears, frustrations and obstacles",
      },
      questions: {
        de: [
          "Wovor hat sie Angst?",
          "Was frustriert sie?",
          "Welche Hindernisse stehen ihr im Weg?",
        ],
        en: [
          "What are they afraid of?",
          "What frustrates them?",
          "Which obstacles stand in their way?",
        ],
      },
      grid: { column: 1, row: 3, columnSpan: 2, rowSpan: 1 },
      pullInto: "pains",
    },
    {
      id: "gains",
      title: { de: "Gains", en: "Gains" },
      hint: {
        de: "Wünsche, Ziele und Erfolgsmaßstäbe",
        en: "Wants, goals and measures of success",
      },
      questions: {
        de: [
          "Was wünscht sie sich?",
          "Woran misst sie Erfolg?",
          "Was würde ihr das Leben leichter machen?",
        ],
        en: [
          "What do they wish for?",
          "How do they measure success?",
          "What would make their life easier?",
        ],
      },
      grid: { column: 3, row: 3, columnSpan: 2, rowSpan: 1 },
      pullInto: "gains",
    },
  ],
  links: [],
};
