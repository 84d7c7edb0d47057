import type { CanvasTemplate } from "../types";

/**
 * Business Model Canvas (Osterwalder): nine blocks on a 10 × 3 grid.
 * Rows 1–2 hold the seven upper blocks, row 3 the cost structure (left) and revenue streams (right).
 */
export const businessModelCanvas: CanvasTemplate = {
  kind: "business-model",
  title: { de: "Business Model Canvas", en: "Business Model Canvas" },
  description: {
    de: "Das ganze Geschäftsmodell auf einer Seite: neun Bausteine von den Partnern bis zu den Einnahmen.",
    en: "The whole business model on one page: nine building blocks from partners to revenue.",
  },
  grid: { columns: 10, rows: 3 },
  blocks: [
    {
      id: "key-partners",
      title: { de: "Schlüsselpartner", en: "Key partners" },
      hint: {
        de: "Partner und Lieferanten, auf die das Modell angewiesen ist",
        en: "Partners and suppliers the model relies on",
      },
      questions: {
        de: [
          "Mit wem arbeiten wir eng zusammen – und warum?",
          "Auf welche Lieferanten können wir nicht verzichten?",
          "Welche Ressourcen bekommen wir von Partnern?",
          "Welche Aktivitäten übernehmen Partner für uns?",
        ],
        en: [
          "Who do we work closely with, and why?",
          "Which suppliers could we not do without?",
          "Which resources do we get from partners?",
          "Which activities do partners carry out for us?",
        ],
      },
      grid: { column: 1, row: 1, columnSpan: 2, rowSpan: 2 },
      tagGroups: [
        {
          id: "partnership-motivation",
          label: { de: "Motivation der Partnerschaft", en: "Partnership motivation" },
          multiple: true,
          tags: [
            {
              id: "optimisation-economy-of-scale",
              label: { de: "Optimierung & Skaleneffekte", en: "Optimisation & economy of scale" },
            },
            {
              id: "reduce-risk-uncertainty",
              label: { de: "Weniger Risiko & Unsicherheit", en: "Reduction of risk & uncertainty" },
            },
            {
              id: "acquire-resources-activities",
              label: { de: "Zugang zu Ressourcen & Aktivitäten", en: "Acquisition of resources & activities" },
            },
          ],
        },
      ],
    },
    {
      id: "key-activities",
      title: { de: "Schlüsselaktivitäten", en: "Key activities" },
      hint: {
        de: "Was wir besonders gut können müssen, damit das Modell trägt",
        en: "What we must do well for the model to work",
      },
      questions: {
        de: [
          "Auf welche Tätigkeiten ist unser Wertangebot am stärksten angewiesen?",
          "Was müssen wir tun, damit unsere Kanäle funktionieren?",
          "Welche Arbeit steckt in der Pflege unserer Kundenbeziehungen?",
          "Welche Aktivitäten sichern unsere Einnahmen?",
        ],
        en: [
          "Which activities does our value proposition depend on most?",
          "What do we have to do to keep our channels working?",
          "What work goes into maintaining our customer relationships?",
          "Which activities secure our revenue?",
        ],
      },
      grid: { column: 3, row: 1, columnSpan: 2, rowSpan: 1 },
      tagGroups: [
        {
          id: "activity-category",
          label: { de: "Kategorie", en: "Category" },
          multiple: false,
          tags: [
            { id: "production", label: { de: "Produktion", en: "Production" } },
            { id: "problem-solving", label: { de: "Problemlösung", en: "Problem solving" } },
            { id: "platform-network", label: { de: "Plattform / Netzwerk", en: "Platform / network" } },
          ],
        },
      ],
    },
    {
      id: "key-resources",
      title: { de: "Schlüsselressourcen", en: "Key resources" },
      hint: {
        de: "Was wir haben oder brauchen, um Wert zu liefern",
        en: "The assets we need to deliver value",
      },
      questions: {
        de: [
          "Ohne welche Ressourcen gäbe es unser Wertangebot nicht?",
          "Was brauchen wir, um unsere Kanäle zu betreiben?",
          "Welche Ressourcen tragen unsere Kundenbeziehungen?",
          "Worauf stützen sich unsere Einnahmequellen?",
        ],
        en: [
          "Which resources is our value proposition impossible without?",
          "What do we need to run our channels?",
          "Which resources support our customer relationships?",
          "What do our revenue streams rest on?",
        ],
      },
      grid: { column: 3, row: 2, columnSpan: 2, rowSpan: 1 },
      tagGroups: [
        {
          id: "resource-type",
          label: { de: "Art der Ressource", en: "Resource type" },
          multiple: false,
          tags: [
            { id: "physical", label: { de: "Physisch", en: "Physical" } },
            {
              id: "intellectual",
              label: { de: "Intellektuell (Marken, Patente, Daten)", en: "Intellectual (brands, patents, data)" },
            },
            { id: "human", label: { de: "Menschlich", en: "Human" } },
            { id: "financial", label: { de: "Finanziell", en: "Financial" } },
          ],
        },
      ],
    },
    {
      id: "value-propositions",
      title: { de: "Wertangebote", en: "Value propositions" },
      hint: {
        de: "Warum sich Kunden für uns entscheiden",
        en: "Why customers choose us",
      },
      questions: {
        de: [
          "Welchen Nutzen stiften wir für unsere Kunden?",
          "Welches Kundenproblem lösen wir – und welches bewusst nicht?",
          "Welches Paket aus Produkten und Services bekommt jedes Segment?",
          "Welche Bedürfnisse erfüllen wir besser als andere?",
        ],
        en: [
          "What benefit do we create for our customers?",
          "Which customer problem do we solve, and which do we leave alone?",
          "Which bundle of products and services does each segment get?",
          "Which needs do we meet better than others?",
        ],
      },
      grid: { column: 5, row: 1, columnSpan: 2, rowSpan: 2 },
      tagGroups: [
        {
          id: "value-characteristic",
          label: { de: "Eigenschaft", en: "Characteristic" },
          multiple: true,
          tags: [
            { id: "newness", label: { de: "Neuheit", en: "Newness" } },
            { id: "performance", label: { de: "Leistung", en: "Performance" } },
            { id: "customisation", label: { de: "Individualisierung", en: "Customisation" } },
            { id: "getting-the-job-done", label: { de: "Die Aufgabe erledigen", en: "Getting the job done" } },
            { id: "design", label: { de: "Design", en: "Design" } },
            { id: "brand-status", label: { de: "Marke / Status", en: "Brand / status" } },
            { id: "price", label: { de: "Preis", en: "Price" } },
            { id: "cost-reduction", label: { de: "Kostensenkung", en: "Cost reduction" } },
            { id: "risk-reduction", label: { de: "Risikominderung", en: "Risk reduction" } },
            { id: "accessibility", label: { de: "Zugänglichkeit", en: "Accessibility" } },
            {
              id: "convenience-usability",
              label: { de: "Bequemlichkeit / Benutzerfreundlichkeit", en: "Convenience / usability" },
            },
          ],
        },
      ],
    },
    {
      id: "customer-relationships",
      title: { de: "Kundenbeziehungen", en: "Customer relationships" },
      hint: {
        de: "Wie wir Kunden gewinnen, betreuen und halten",
        en: "How we win, look after and keep customers",
      },
      questions: {
        de: [
          "Welche Art von Beziehung erwartet jedes Segment von uns?",
          "Welche Beziehungen pflegen wir heute schon?",
          "Wie greifen sie in den Rest des Geschäftsmodells?",
          "Was kostet uns jede dieser Beziehungen?",
        ],
        en: [
          "What kind of relationship does each segment expect from us?",
          "Which relationships do we already maintain today?",
          "How do they fit into the rest of the business model?",
          "What does each of these relationships cost us?",
        ],
      },
      grid: { column: 7, row: 1, columnSpan: 2, rowSpan: 1 },
      tagGroups: [
        {
          id: "relationship-type",
          label: { de: "Art der Beziehung", en: "Relationship type" },
          multiple: false,
          tags: [
            { id: "personal-assistance", label: { de: "Persönliche Unterstützung", en: "Personal assistance" } },
            {
              id: "dedicated-personal-assistance",
              label: { de: "Individuelle persönliche Betreuung", en: "Dedicated personal assistance" },
            },
            { id: "self-service", label: { de: "Selbstbedienung", en: "Self-service" } },
            { id: "automated-services", label: { de: "Automatisierte Services", en: "Automated services" } },
            { id: "communities", label: { de: "Communitys", en: "Communities" } },
            { id: "co-creation", label: { de: "Co-Creation", en: "Co-creation" } },
          ],
        },
      ],
    },
    {
      id: "channels",
      title: { de: "Kanäle", en: "Channels" },
      hint: {
        de: "Wie wir Kunden erreichen und das Angebot zu ihnen bringen",
        en: "How we reach customers and deliver the offer",
      },
      questions: {
        de: [
          "Auf welchen Wegen wollen unsere Segmente angesprochen werden?",
          "Wie erreichen wir sie heute?",
          "Welche Kanäle wirken am besten, welche sind am günstigsten?",
          "Wie passen die Kanäle in den Alltag der Kunden?",
        ],
        en: [
          "Through which routes do our segments want to be reached?",
          "How do we reach them today?",
          "Which channels work best, and which cost least?",
          "How do the channels fit into our customers' routines?",
        ],
      },
      grid: { column: 7, row: 2, columnSpan: 2, rowSpan: 1 },
      tagGroups: [
        {
          id: "channel-phase",
          label: { de: "Kanalphase", en: "Channel phase" },
          multiple: true,
          tags: [
            { id: "awareness", label: { de: "Aufmerksamkeit", en: "Awareness" } },
            { id: "evaluation", label: { de: "Bewertung", en: "Evaluation" } },
            { id: "purchase", label: { de: "Kauf", en: "Purchase" } },
            { id: "delivery", label: { de: "Auslieferung", en: "Delivery" } },
            { id: "after-sales", label: { de: "After Sales", en: "After sales" } },
          ],
        },
        {
          id: "channel-type",
          label: { de: "Kanaltyp", en: "Channel type" },
          multiple: false,
          tags: [
            { id: "direct", label: { de: "Direkt (eigener Kanal)", en: "Direct (own)" } },
            { id: "indirect", label: { de: "Indirekt (über Partner)", en: "Indirect (partner)" } },
          ],
        },
      ],
    },
    {
      id: "customer-segments",
      title: { de: "Kundensegmente", en: "Customer segments" },
      hint: {
        de: "Die Gruppen, für die wir Wert schaffen",
        en: "The groups we create value for",
      },
      questions: {
        de: [
          "Wem nützt unser Angebot am meisten?",
          "Welche Kunden sind für uns am wichtigsten?",
          "Worin unterscheiden sich die Gruppen in Bedürfnissen und Zahlungsbereitschaft?",
          "Bedienen wir mehrere Gruppen, die aufeinander angewiesen sind?",
        ],
        en: [
          "Who benefits most from our offer?",
          "Which customers matter most to us?",
          "How do the groups differ in needs and willingness to pay?",
          "Do we serve several groups that depend on each other?",
        ],
      },
      grid: { column: 9, row: 1, columnSpan: 2, rowSpan: 2 },
      tagGroups: [
        {
          id: "segment-type",
          label: { de: "Art des Markts", en: "Segment type" },
          multiple: false,
          tags: [
            { id: "mass-market", label: { de: "Massenmarkt", en: "Mass market" } },
            { id: "niche-market", label: { de: "Nischenmarkt", en: "Niche market" } },
            { id: "segmented", label: { de: "Segmentiert", en: "Segmented" } },
            { id: "diversified", label: { de: "Diversifiziert", en: "Diversified" } },
            { id: "multi-sided-platform", label: { de: "Mehrseitige Plattform", en: "Multi-sided platform" } },
          ],
        },
      ],
    },
    {
      id: "cost-structure",
      title: { de: "Kostenstruktur", en: "Cost structure" },
      hint: {
        de: "Die wichtigsten Kosten, die das Modell verursacht",
        en: "The main costs the model incurs",
      },
      questions: {
        de: [
          "Welche Kosten fallen in unserem Geschäftsmodell am stärksten ins Gewicht?",
          "Welche Schlüsselressourcen kosten am meisten?",
          "Welche Schlüsselaktivitäten sind am teuersten?",
          "Richten wir uns eher auf niedrige Kosten oder auf hohen Wert aus?",
        ],
        en: [
          "Which costs weigh most in our business model?",
          "Which key resources cost the most?",
          "Which key activities are the most expensive?",
          "Are we geared more towards low cost or towards high value?",
        ],
      },
      grid: { column: 1, row: 3, columnSpan: 5, rowSpan: 1 },
      tagGroups: [
        {
          id: "cost-orientation",
          label: { de: "Ausrichtung", en: "Orientation" },
          multiple: false,
          tags: [
            { id: "cost-driven", label: { de: "Kostengetrieben", en: "Cost-driven" } },
            { id: "value-driven", label: { de: "Wertgetrieben", en: "Value-driven" } },
          ],
        },
        {
          id: "cost-characteristic",
          label: { de: "Merkmal", en: "Characteristic" },
          multiple: true,
          tags: [
            { id: "fixed-costs", label: { de: "Fixkosten", en: "Fixed costs" } },
            { id: "variable-costs", label: { de: "Variable Kosten", en: "Variable costs" } },
            { id: "economies-of-scale", label: { de: "Skaleneffekte", en: "Economies of scale" } },
            { id: "economies-of-scope", label: { de: "Verbundeffekte", en: "Economies of scope" } },
          ],
        },
      ],
    },
    {
      id: "revenue-streams",
      title: { de: "Einnahmequellen", en: "Revenue streams" },
      hint: {
        de: "Wofür und wie Kunden bezahlen",
        en: "What customers pay for, and how",
      },
      questions: {
        de: [
          "Für welchen Nutzen zahlen unsere Kunden wirklich gern?",
          "Wofür und auf welche Weise zahlen sie heute?",
          "Wie würden sie am liebsten bezahlen?",
          "Wie viel trägt jede Einnahmequelle zum Gesamtumsatz bei?",
        ],
        en: [
          "Which benefit are our customers truly willing to pay for?",
          "What do they pay for today, and how?",
          "How would they prefer to pay?",
          "How much does each revenue stream add to total revenue?",
        ],
      },
      grid: { column: 6, row: 3, columnSpan: 5, rowSpan: 1 },
      tagGroups: [
        {
          id: "revenue-type",
          label: { de: "Art der Einnahme", en: "Revenue type" },
          multiple: false,
          tags: [
            { id: "asset-sale", label: { de: "Verkauf von Gütern", en: "Asset sale" } },
            { id: "usage-fee", label: { de: "Nutzungsgebühr", en: "Usage fee" } },
            { id: "subscription-fees", label: { de: "Abonnement", en: "Subscription fees" } },
            {
              id: "lending-renting-leasing",
              label: { de: "Verleih / Vermietung / Leasing", en: "Lending / renting / leasing" },
            },
            { id: "licensing", label: { de: "Lizenzen", en: "Licensing" } },
            { id: "brokerage-fees", label: { de: "Vermittlungsgebühren", en: "Brokerage fees" } },
            { id: "advertising", label: { de: "Werbung", en: "Advertising" } },
          ],
        },
        {
          id: "pricing-mechanism",
          label: { de: "Preisbildung (fest oder dynamisch)", en: "Pricing (fixed or dynamic)" },
          multiple: false,
          tags: [
            { id: "list-price", label: { de: "Fest: Listenpreis", en: "Fixed: list price" } },
            {
              id: "product-feature-dependent",
              label: { de: "Fest: nach Produktmerkmalen", en: "Fixed: product-feature dependent" },
            },
            {
              id: "customer-segment-dependent",
              label: { de: "Fest: nach Kundensegment", en: "Fixed: customer-segment dependent" },
            },
            { id: "volume-dependent", label: { de: "Fest: nach Menge", en: "Fixed: volume dependent" } },
            { id: "negotiation", label: { de: "Dynamisch: Verhandlung", en: "Dynamic: negotiation" } },
            { id: "yield-management", label: { de: "Dynamisch: Yield-Management", en: "Dynamic: yield management" } },
            { id: "real-time-market", label: { de: "Dynamisch: Echtzeitmarkt", en: "Dynamic: real-time market" } },
          ],
        },
      ],
    },
  ],
  links: [],
};
