import type { CanvasTemplate } from "../types";

/**
 * Value Proposition Canvas (Osterwalder), one per customer segment, on a 6 × 2 grid.
 * Value map (square) on the left, customer profile (circle) on the right, mirrored so that
 * gain creators face gains and pain relievers face pains. The profile blocks come first:
 * the editor leads with the customer.
 */
export const valuePropositionCanvas: CanvasTemplate = {
  kind: "value-proposition",
  title: { de: "Value Proposition Canvas", en: "Value Proposition Canvas" },
  description: {
    de: "Passt unser Angebot zu einem Kundensegment? Rechts das Kundenprofil, links die Value Map – verbunden durch Fit-Links.",
    en: "Does our offer fit one customer segment? Customer profile on the right, value map on the left, joined by fit links.",
  },
  grid: { columns: 6, rows: 2 },
  blocks: [
    // Customer profile (right)
    {
      id: "customer-jobs",
      title: { de: "Kundenaufgaben (Jobs)", en: "Customer jobs" },
      hint: {
        de: "Was die Kunden erledigen wollen – funktional, sozial, emotional",
        en: "What customers are trying to get done: functional, social, emotional",
      },
      questions: {
        de: [
          "Welche Aufgaben wollen die Kunden im Beruf oder Alltag erledigen?",
          "Welche Probleme wollen sie lösen, welche Bedürfnisse stillen?",
          "Wie möchten sie vor anderen dastehen (soziale Jobs)?",
          "Welches Gefühl wollen sie erreichen oder vermeiden (emotionale Jobs)?",
        ],
        en: [
          "Which tasks are customers trying to complete at work or in daily life?",
          "Which problems do they want to solve, which needs to satisfy?",
          "How do they want to be seen by others (social jobs)?",
          "Which feeling do they want to reach or avoid (emotional jobs)?",
        ],
      },
      grid: { column: 6, row: 1, columnSpan: 1, rowSpan: 2 },
      area: "profile",
      attribute: { kind: "jobType" },
    },
    {
      id: "pains",
      title: { de: "Pains", en: "Pains" },
      hint: {
        de: "Ärger, Risiken und Hürden rund um die Jobs",
        en: "Annoyances, risks and obstacles around the jobs",
      },
      questions: {
        de: [
          "Was ärgert die Kunden vor, während oder nach einem Job?",
          "Welche Risiken oder unerwünschten Folgen fürchten sie?",
          "Was hält sie davon ab, einen Job überhaupt anzugehen?",
          "Was kostet sie zu viel Zeit, Geld oder Mühe?",
        ],
        en: [
          "What annoys customers before, during or after a job?",
          "Which risks or unwanted outcomes do they fear?",
          "What keeps them from tackling a job at all?",
          "What costs them too much time, money or effort?",
        ],
      },
      grid: { column: 4, row: 2, columnSpan: 2, rowSpan: 1 },
      area: "profile",
      attribute: { kind: "severity" },
    },
    {
      id: "gains",
      title: { de: "Gains", en: "Gains" },
      hint: {
        de: "Ergebnisse und Vorteile, die sich die Kunden wünschen",
        en: "Outcomes and benefits customers want",
      },
      questions: {
        de: [
          "Welche Ergebnisse erwarten die Kunden mindestens?",
          "Was würde sie positiv überraschen?",
          "Woran messen sie, ob ein Job gut erledigt ist?",
          "Was würde ihnen das Leben spürbar leichter machen?",
        ],
        en: [
          "Which outcomes do customers expect at the very least?",
          "What would pleasantly surprise them?",
          "How do they judge whether a job went well?",
          "What would make their life noticeably easier?",
        ],
      },
      grid: { column: 4, row: 1, columnSpan: 2, rowSpan: 1 },
      area: "profile",
      attribute: { kind: "importance" },
    },
    // Value map (left)
    {
      id: "products-services",
      title: { de: "Produkte & Services", en: "Products & services" },
      hint: {
        de: "Was wir diesem Segment anbieten",
        en: "What we offer this segment",
      },
      questions: {
        de: [
          "Welche Produkte und Services bieten wir diesem Segment an?",
          "Bei welchen Kundenaufgaben hilft jedes davon?",
          "Was ist Kern des Angebots, was nur Beiwerk?",
        ],
        en: [
          "Which products and services do we offer this segment?",
          "Which customer jobs does each of them help with?",
          "What is at the core of the offer, and what is just an extra?",
        ],
      },
      grid: { column: 1, row: 1, columnSpan: 1, rowSpan: 2 },
      area: "map",
    },
    {
      id: "gain-creators",
      title: { de: "Gain Creator", en: "Gain creators" },
      hint: {
        de: "Wie unser Angebot Gains erzeugt",
        en: "How our offer creates gains",
      },
      questions: {
        de: [
          "Welche gewünschten Ergebnisse macht unser Angebot möglich?",
          "Womit übertreffen wir die Erwartungen der Kunden?",
          "Was macht ihnen die Arbeit leichter oder angenehmer?",
          "Welche Gains lassen wir bewusst aus?",
        ],
        en: [
          "Which desired outcomes does our offer make possible?",
          "How do we exceed customers' expectations?",
          "What makes their work easier or more pleasant?",
          "Which gains do we deliberately leave out?",
        ],
      },
      grid: { column: 2, row: 1, columnSpan: 2, rowSpan: 1 },
      area: "map",
    },
    {
      id: "pain-relievers",
      title: { de: "Pain Reliever", en: "Pain relievers" },
      hint: {
        de: "Wie unser Angebot Pains lindert",
        en: "How our offer eases pains",
      },
      questions: {
        de: [
          "Wie lindert unser Angebot die dringendsten Pains?",
          "Welche Risiken oder Hürden räumen wir aus dem Weg?",
          "Wo sparen Kunden dank uns Zeit, Geld oder Nerven?",
          "Welche Pains lassen wir bewusst ungelöst?",
        ],
        en: [
          "How does our offer ease the most pressing pains?",
          "Which risks or obstacles do we remove?",
          "Where do customers save time, money or nerves thanks to us?",
          "Which pains do we deliberately leave unsolved?",
        ],
      },
      grid: { column: 2, row: 2, columnSpan: 2, rowSpan: 1 },
      area: "map",
    },
  ],
  links: [
    { from: "pain-relievers", to: "pains" },
    { from: "gain-creators", to: "gains" },
    { from: "products-services", to: "customer-jobs" },
  ],
};
