/**
 * German demo-course content for Werkbank.
 *
 * Written in our own words on the basis of the reference material in
 * ../shared/seeds/ (Business Model Canvas template, articles on channels and
 * customer relationships, the Value Proposition lesson). Bodies are
 * GitHub-flavoured markdown without raw HTML; headings start at level 2.
 */

export type SeedLesson = { slug: string; title: string; bodyMd: string };

export const demoCourse = {
  slug: "geschaeftsmodelle-gestalten",
  title: "Geschäftsmodelle gestalten: vom Business Model Canvas zur Value Proposition",
  summary:
    "In vier Lektionen lernst du das Business Model Canvas kennen, gestaltest Kanäle und Kundenbeziehungen, entwickelst mit dem Value Proposition Canvas passende Wertangebote für zwei Kundensegmente und übst an einem Probelauf, Feedback zu geben, das weiterhilft – inklusive Feedback von anderen Teilnehmenden.",
};

const businessModelCanvas = `## Worum es in dieser Lektion geht

Jedes Unternehmen folgt einer Logik: Es stiftet für bestimmte Menschen einen Nutzen, bringt diesen Nutzen zu ihnen und verdient dabei genug, um weiterzumachen. Das **Business Model Canvas** macht diese Logik auf einer einzigen Seite sichtbar. Es besteht aus neun Bausteinen:

- **rechts** alles, was deine Kundinnen und Kunden betrifft,
- **links** alles, was du im Hintergrund dafür brauchst,
- **in der Mitte** das Wertangebot, das beide Seiten verbindet,
- **unten** das Geld: Kosten und Einnahmen.

Arbeite mit Haftnotizen – pro Notiz genau ein Gedanke, knapp formuliert. Betrachte alles, was du notierst, als Annahme, die du später überprüfst.

## Die neun Bausteine

### 1. Kundensegmente

Für wen schaffst du Wert? Wer sind deine wichtigsten Kundinnen und Kunden? Die Vorlage unterscheidet fünf Arten:

- **Massenmarkt** – ein Angebot für eine große, eher einheitliche Gruppe
- **Nischenmarkt** – eine kleine, klar umrissene Gruppe mit speziellen Wünschen
- **Segmentiert** – verwandte Gruppen mit leicht unterschiedlichen Bedürfnissen
- **Diversifiziert** – mehrere Gruppen, die wenig miteinander zu tun haben
- **Mehrseitige Plattform** – zwei oder mehr Gruppen, die sich gegenseitig brauchen

### 2. Wertangebot

Welchen Nutzen bekommen deine Kunden? Welches ihrer Probleme löst du, welches Bedürfnis erfüllst du? Welches Paket aus Produkten und Services bietest du welchem Segment an? Typische Eigenschaften eines Wertangebots sind Neuheit, Leistung, Anpassung an individuelle Wünsche, „die Aufgabe erledigt bekommen“, Design, Marke und Status, Preis, Kostensenkung, Risikominderung, Zugänglichkeit sowie Bequemlichkeit und Benutzerfreundlichkeit.

### 3. Kanäle

Über welche Wege möchten deine Segmente angesprochen werden – und wie erreichst du sie heute? Wie greifen deine Kanäle ineinander, welche wirken am besten, welche kosten am wenigsten, und wie fügen sie sich in den Alltag deiner Kunden ein? Kanäle begleiten fünf Phasen: **Aufmerksamkeit, Bewertung, Kauf, Lieferung und After Sales**.

### 4. Kundenbeziehungen

Welche Art von Beziehung erwartet jedes Segment von dir? Welche hast du schon aufgebaut, wie hängen sie mit dem übrigen Modell zusammen, und was kosten sie? Beispiele sind persönliche Unterstützung, dedizierte persönliche Betreuung, Selbstbedienung, automatisierte Dienste, Communities und Co-Creation.

### 5. Einnahmequellen

Für welchen Nutzen zahlen deine Kunden wirklich? Wofür und wie zahlen sie bisher, und wie würden sie am liebsten zahlen? Wie viel trägt jede Quelle zum Gesamtumsatz bei?

- **Arten:** Verkauf von Gütern, Nutzungsgebühr, Abonnement, Verleih, Vermietung oder Leasing, Lizenzen, Vermittlungsgebühren, Werbung
- **Feste Preise:** Listenpreis, abhängig von Produktmerkmalen, vom Kundensegment oder von der Menge
- **Dynamische Preise:** Verhandlung, Ertragsmanagement (Yield Management), Echtzeitmarkt

### 6. Schlüsselressourcen

Welche Ressourcen braucht dein Wertangebot – und was brauchen Kanäle, Kundenbeziehungen und Einnahmequellen? Ressourcen können **physisch**, **intellektuell** (Marken, Patente, Urheberrechte, Daten), **menschlich** oder **finanziell** sein.

### 7. Schlüsselaktivitäten

Was musst du besonders gut können, damit Wertangebot, Kanäle, Kundenbeziehungen und Einnahmen funktionieren? Die Vorlage nennt drei Kategorien: **Produktion**, **Problemlösung** und **Plattform bzw. Netzwerk**.

### 8. Schlüsselpartner

Wer sind deine wichtigsten Partner und Lieferanten? Welche Ressourcen bekommst du von ihnen, welche Aktivitäten übernehmen sie für dich? Partnerschaften lohnen sich meist aus einem von drei Gründen: **Optimierung und Wirtschaftlichkeit**, **weniger Risiko und Unsicherheit** oder der **Zugang zu bestimmten Ressourcen und Aktivitäten**.

### 9. Kostenstruktur

Welche Kosten fallen am stärksten ins Gewicht? Welche Ressourcen und Aktivitäten sind am teuersten? Überlege, wohin dein Modell tendiert:

- **kostengetrieben** – möglichst schlanke Kosten, niedriger Preis, viel Automatisierung, viel Auslagerung
- **wertgetrieben** – Fokus auf Wertschöpfung und ein Premium-Angebot

Typische Merkmale sind Fixkosten (Gehälter, Miete, Nebenkosten), variable Kosten, Größenvorteile und Verbundvorteile.

## Ein kleines Beispiel: Prime Pizza

Prime Pizza ist ein ausgedachter Lieferdienst, der dich durch den Kurs begleitet. Ein erster Entwurf könnte so aussehen:

| Baustein | Notizen |
| --- | --- |
| Kundensegmente | Nachtschichtarbeitende, Studierenden-WGs, Gastgeber kleiner Partys |
| Wertangebot | heiße Pizza in 30 Minuten, auch spät nachts; Partypakete |
| Kanäle | eigene App, Lieferplattformen, Flyer im Viertel |
| Kundenbeziehungen | Selbstbedienung in der App, Treuepunkte, Bewertungen |
| Einnahmequellen | Verkauf pro Bestellung, Liefergebühr, Party-Abo |
| Schlüsselressourcen | Küche, Rezepte, Fahrerteam, Bestelldaten |
| Schlüsselaktivitäten | Backen, Ausliefern, App betreiben |
| Schlüsselpartner | Mehl- und Käselieferanten, Lieferplattformen |
| Kostenstruktur | Miete, Löhne, Zutaten, Provisionen |

Schon hier siehst du: Die Nachtschicht will vor allem schnell satt werden, die Party will Menge und Stimmung. Genau diesen Unterschied greifen wir in der dritten Lektion wieder auf.

## Tipps für dein eigenes Canvas

- Beginne rechts mit Kundensegmenten und Wertangebot, arbeite dich dann nach links vor und ergänze am Ende Kosten und Einnahmen.
- Gib jedem Segment eine eigene Farbe, damit du siehst, welche Notizen zusammengehören.
- Das Canvas ist nie fertig. Überarbeite es, sobald du Neues über deine Kunden lernst.
`;

const kanaeleUndKundenbeziehungen = `## Zwei Bausteine, die zusammengehören

Ein starkes Wertangebot nützt wenig, wenn es niemanden erreicht – und ein einmaliger Kauf ist noch keine Beziehung. Im Business Model Canvas kümmern sich deshalb zwei Bausteine um die Verbindung zu deinen Kunden: Die **Kanäle** klären, *wie* dein Angebot zu ihnen kommt. Die **Kundenbeziehungen** klären, *welche Art* von Verbindung du mit ihnen eingehst und wie du sie hältst.

## Kanäle: der Weg zu deinen Kunden

Zu den Kanälen gehört jeder Berührungspunkt zwischen dir und deinen Kunden: das Ladengeschäft ebenso wie der Onlineshop, die App, der Außendienst oder ein Händlernetz.

### Die fünf Kanalphasen

Ein Kanal erfüllt unterschiedliche Aufgaben, je nachdem, wo sich deine Kunden gerade befinden:

1. **Aufmerksamkeit** – Wie erfahren Menschen überhaupt von deinem Angebot?
2. **Bewertung** – Wie können sie einschätzen, ob dein Angebot zu ihnen passt?
3. **Kauf** – Wie und wo können sie es erwerben?
4. **Lieferung** – Wie kommt der versprochene Nutzen bei ihnen an?
5. **After Sales** – Wie unterstützt du sie nach dem Kauf?

Bei Prime Pizza könnte das so aussehen: Flyer und Social-Media-Posts schaffen Aufmerksamkeit, Bewertungen in der App helfen bei der Entscheidung, gekauft wird in der App oder über eine Lieferplattform, das Fahrerteam liefert, und nach der Bestellung fragt eine kurze Nachricht, ob alles gepasst hat. Geh die Phasen für jedes Kundensegment einzeln durch – oft fällt dir dabei eine Lücke auf.

### Direkt oder indirekt, eigen oder über Partner

**Direkte Kanäle** wie ein eigenes Vertriebsteam oder die eigene Website betreibst du selbst. **Indirekte Kanäle** laufen über andere, etwa Händler oder Marktplätze. Eigene Kanäle geben dir mehr Kontrolle über Preis, Auftritt und Kundendaten, kosten aber Aufbau und Pflege. Partnerkanäle bringen dir schnell Reichweite, dafür teilst du Marge und Kundenkontakt. Welche Mischung sinnvoll ist, hängt von deinen Ressourcen, deinen Zielen und deiner Zielgruppe ab.

### Viele Kanäle, ein Erlebnis

Die meisten Unternehmen nutzen mehrere Kanäle gleichzeitig. Das erleichtert den Marktzugang, funktioniert aber nur, wenn die Kanäle sauber aufeinander abgestimmt sind. Bei einer **Omnichannel-Strategie** gehst du noch einen Schritt weiter: Online und offline verschmelzen, und deine Kunden erleben deine Marke überall gleich – egal, ob sie in der App beginnen und am Telefon weitermachen. Weil sich Gewohnheiten schnell ändern, lohnt es sich, dein Kanal-Portfolio regelmäßig zu überprüfen.

## Kundenbeziehungen: gewinnen, pflegen, binden

Kundenbeziehungen haben drei Aufgaben:

- **Kundengewinnung** – neue Kunden auf dich aufmerksam machen und überzeugen
- **Kundenpflege** – bestehende Kunden gut begleiten
- **Kundenbindung** – dafür sorgen, dass sie wiederkommen

Wie stark du welche Aufgabe gewichtest, hängt von deinem Geschäftsmodell ab. Verkaufst du etwas, das man nur einmal braucht, musst du fast jeden Kunden neu gewinnen. Lebt dein Modell von wiederkehrenden Käufen, lohnt sich jede Investition in Pflege und Bindung. Erklärungsbedürftige, teure Produkte brauchen häufig geschultes Personal und einen langen Verkaufsprozess, einfache Produkte eher einen reibungslosen Ablauf.

### Sechs Typen von Kundenbeziehungen

1. **Dedizierte persönliche Unterstützung** – eine feste Ansprechperson kümmert sich intensiv um einzelne Kunden, etwa eine Personal Shopperin.
2. **Persönliche Unterstützung** – Menschen helfen bei Bedarf, oft zeitlich begrenzt, zum Beispiel im Verkaufsgespräch beim Autokauf.
3. **Selbstbedienung** – Kunden erledigen alles selbst, wie an der Tankstelle oder am Getränkeautomaten.
4. **Automatisierte Dienste** – Technik übernimmt den Kontakt, von der Waschanlage bis zur personalisierten Empfehlung in der App. Ganz ohne Menschen geht es trotzdem nicht: Wenn etwas hakt, braucht es einen guten Kundenservice.
5. **Communities** – Kunden tauschen sich untereinander aus, helfen sich gegenseitig und stärken so die Bindung an dein Angebot.
6. **Co-Creation** – Kunden gestalten den Wert aktiv mit, etwa durch Bewertungen, eigene Inhalte oder gemeinsame Produktentwicklung.

Du musst nicht alle Typen bedienen. Oft ist es klüger, einen davon besonders gut zu beherrschen und ihn zum Markenzeichen zu machen. Entscheidend ist, was deine Kunden erwarten – und ob du es zuverlässig lieferst. Vertrauen entsteht durch ehrliche Versprechen, die du auch hältst.

## Wie Kanäle und Beziehungen ineinandergreifen

Kanal und Beziehung lassen sich selten sauber trennen. Ein Kundenportal ist Verkaufskanal und Beziehungsraum zugleich. Social Media bringt Reichweite, kann aber auch ein Ort für echten Dialog werden. Die Prime-Pizza-App verkauft, liefert Statusmeldungen und sammelt Treuepunkte – sie ist Kanal, Selbstbedienung und automatisierter Dienst in einem.

Stimme beide Bausteine deshalb bewusst aufeinander ab: Ein Kanal sollte die gewünschte Beziehung tragen, und die Beziehung sollte über die Kanäle erreichbar sein, die dein Segment ohnehin nutzt. Wenn du etwa eine Community aufbauen willst, brauchst du einen Ort, an dem sie stattfinden kann.

## Fragen zur Reflexion

- Über welche Kanäle erreichst du jedes deiner Kundensegmente in den fünf Phasen – und wo klafft eine Lücke?
- Welche Kanäle betreibst du selbst, welche überlässt du Partnern, und was gewinnst oder verlierst du dadurch?
- Welche Art von Beziehung erwartet jedes Segment von dir, und wie viel darf sie kosten?
- Liegt dein Schwerpunkt eher auf Gewinnung, Pflege oder Bindung – und passt das zu deinen Einnahmequellen?
- An welcher Stelle unterstützen sich Kanal und Beziehung in deinem Modell gegenseitig, wo arbeiten sie gegeneinander?
`;

const empathyMapZurValueProposition = `## Das Wertangebot im Mittelpunkt

In den ersten beiden Lektionen hast du gesehen: Im Zentrum des Business Model Canvas steht das **Wertangebot**. Alle anderen Bausteine arbeiten ihm zu. Doch ein einziges Wertangebot für alle gibt es selten. Verschiedene Kundensegmente verfolgen verschiedene Ziele, und genau die musst du kennen, wenn du gute Entscheidungen für dein Produkt treffen willst.

Mehmet, der nachts Taxi fährt, wünscht sich etwas anderes von Prime Pizza als Hanna, die am Wochenende gern Freunde zur Party einlädt. Mehmet will in einer kurzen Pause schnell und unkompliziert satt werden. Hanna will, dass ihre Gäste zufrieden sind und sie selbst sich nicht um das Essen kümmern muss. Mit demselben Angebot wirst du beide kaum begeistern.

## Das Werkzeug: das Value Proposition Canvas

Das **Value Proposition Canvas** von Alexander Osterwalder vergrößert gewissermaßen zwei Bausteine des Business Model Canvas: das Kundensegment und das Wertangebot. Du füllst es **für jedes Kundensegment einzeln** aus. Wie beim Business Model Canvas gilt: Es muss nicht vollständig sein. Es hilft dir, Annahmen sichtbar zu machen, sie zu hinterfragen und Neues zu entdecken – und es begleitet dich, solange sich dein Angebot weiterentwickelt.

Das Canvas hat zwei Seiten:

- das **Kundenprofil** (meist rechts als Kreis dargestellt) – was dein Segment erreichen will, was es stört und was es sich wünscht,
- die **Wertkarte** (links als Quadrat) – womit du darauf antwortest.

## Von Persona und Empathy Map zum Kundenprofil

Wenn du für ein Segment schon eine Persona und eine Empathy Map erstellt hast, musst du nicht bei null anfangen. Was deine Persona sagt und tut, verrät dir ihre Aufgaben. Was sie frustriert oder ängstigt, wird zu Pains. Was sie sich erhofft, wird zu Gains. Übertrage diese Erkenntnisse in das Kundenprofil und schärfe sie dabei nach.

## Das Kundenprofil

### Jobs

Jobs sind die Aufgaben, die deine Kunden erledigen wollen, oder die Probleme, die sie lösen möchten. Unterscheide drei Arten:

- **funktionale Jobs** – eine konkrete Aufgabe, etwa „in zwanzig Minuten Pause warm essen“
- **soziale Jobs** – wie man vor anderen dastehen möchte, etwa „als gute Gastgeberin gelten“
- **emotionale Jobs** – ein Gefühl, das man erreichen oder vermeiden will, etwa „entspannt den Abend genießen“

### Pains

Pains sind alles, was vor, während oder nach einem Job lästig ist: Ärger, Risiken, Hindernisse, schlechte Erfahrungen. Bewerte, **wie schwer** ein Pain wiegt. Eine kalte Pizza nach langer Wartezeit ist für Mehmet gravierend, eine fehlende Dessertauswahl eher nebensächlich.

### Gains

Gains sind Ergebnisse und Vorteile, die sich deine Kunden wünschen – von selbstverständlichen Erwartungen bis zu echten Überraschungen. Bewerte, **wie wichtig** ein Gain ist. Für Hanna zählt vielleicht vor allem, dass für jeden Geschmack etwas dabei ist.

## Die Wertkarte

- **Produkte und Services** – woraus dein Angebot besteht, etwa Pizza, Lieferung, App, Partypaket.
- **Pain Relievers** – wie dein Angebot bestimmte Pains lindert oder beseitigt, etwa eine garantierte Lieferzeit mit Live-Verfolgung.
- **Gain Creators** – wie dein Angebot Gains hervorbringt, etwa ein Partypaket mit vegetarischen und veganen Sorten.

Formuliere Pain Relievers und Gain Creators möglichst konkret und immer mit Blick auf einen bestimmten Pain oder Gain – nicht als allgemeine Werbeversprechen.

## Der Fit

Von **Fit** sprichst du, wenn deine Wertkarte zum Kundenprofil passt: Deine Pain Relievers greifen die wichtigsten Pains auf, deine Gain Creators die wichtigsten Gains, und deine Produkte unterstützen die Jobs, die deinem Segment wirklich am Herzen liegen. Prüfe dazu:

- Zu welchem schweren Pain gibt es noch keinen Pain Reliever?
- Welcher wichtige Gain bleibt unbeantwortet?
- Welcher Pain Reliever oder Gain Creator bezieht sich auf gar nichts im Kundenprofil? Dann ist er vielleicht überflüssig – oder dir fehlt ein Eintrag auf der Kundenseite.

Du musst nicht jeden Pain und jeden Gain abdecken. Konzentriere dich auf das, was für dein Segment am meisten zählt.

## Aufgabe

1. Öffne das Value Proposition Canvas und entscheide dich für **zwei Kundensegmente** von Prime Pizza. Am besten wählst du Segmente, für die du schon eine Persona und eine Empathy Map erstellt hast.
2. Beginne für jedes Segment mit dem **Kundenprofil**: Jobs, Pains mit ihrer Schwere und Gains mit ihrer Wichtigkeit.
3. Fülle erst danach die **Wertkarte** aus: Produkte und Services, Pain Relievers und Gain Creators.
4. Achte auf den **Fit**: Welche Pains und Gains deines Segments greifen die Pain Relievers und Gain Creators deines Prime-Pizza-Angebots auf – und welche nicht?
5. Lade deine **beiden Canvases** im Diskussionsforum dieser Lektion hoch.
6. Gib anschließend **zwei anderen Teilnehmenden Feedback**: Was fällt dir an ihren Value Propositions auf? Was überzeugt dich, wo siehst du Lücken im Fit?
`;

const feedbackProbelauf = `## Warum ein Probelauf

Bevor ihr euch gegenseitig zu euren eigenen Geschäftsmodellen Feedback gebt, übt ihr es einmal an einem gemeinsamen Fall: **Prime Pizza**, ein Lieferdienst, der mehr sein will als „Pizza, schnell“. Alle arbeiten am selben Unternehmen, also lassen sich die Ergebnisse gut vergleichen – und ihr seht, wie verschieden zwei Teams dieselben Kundinnen und Kunden beschreiben.

## Was gutes Feedback ausmacht

Feedback hilft, wenn die Empfängerin danach weiß, **was sie als Nächstes tun kann**. Drei Gewohnheiten machen den Unterschied:

- **Am Canvas bleiben.** Zitiere die Notiz, über die du sprichst („Der Pain *Lieferung dauert zu lange* hat keinen Pain Reliever“), statt allgemein zu loben oder zu kritisieren.
- **Am Kriterium entlang.** Jedes Kriterium des Bewertungsrasters hat eine Frage. Beantworte genau diese Frage, mit einem Grund für deine Punktzahl.
- **Eine Sache, die am meisten bringt.** Am Ende steht, was dir auffällt: das Stärkste und der eine nächste Schritt, der den Fit am meisten verbessern würde.

## Kalibrieren: erst am Beispiel üben

Wie streng sind drei von vier Punkten? Damit alle ungefähr gleich messen, bewertet ihr vor dem ersten echten Review ein **Beispiel**, das die Kursleitung schon bewertet hat. Danach seht ihr pro Kriterium, wo ihr lagt und warum die Kursleitung anders – oder gleich – bewertet hat. Liegt ihr weit daneben, könnt ihr ein weiteres Beispiel versuchen.

## Selbsteinschätzung: erst selbst urteilen

Bevor du die Reviews zu deiner eigenen Abgabe liest, bewertest du sie selbst mit demselben Raster. Der Vergleich zeigt dir, wo du dich richtig einschätzt und wo andere etwas sehen, das dir entgangen ist.

## Aufgabe

1. Lege auf einem Business Model Canvas zwei **Kundensegmente** von Prime Pizza an und erstelle für jedes einen **Value Proposition Canvas**.
2. Verknüpfe Pain Reliever und Gain Creator mit den Pains und Gains, auf die sie antworten.
3. Reiche beide Canvases ein und bewerte danach das Kalibrierungsbeispiel.
4. Gib zwei anderen Teilnehmenden Feedback, schätze deine eigene Abgabe ein und lies dann, was andere zu deiner Arbeit sagen.
`;

export const demoLessons: SeedLesson[] = [
  {
    slug: "business-model-canvas",
    title: "Das Business Model Canvas: neun Bausteine für dein Geschäftsmodell",
    bodyMd: businessModelCanvas,
  },
  {
    slug: "kanaele-und-kundenbeziehungen",
    title: "Kanäle und Kundenbeziehungen: Kunden erreichen, gewinnen und halten",
    bodyMd: kanaeleUndKundenbeziehungen,
  },
  {
    slug: "von-der-empathy-map-zur-value-proposition",
    title: "Von der Empathy Map zur Value Proposition",
    bodyMd: empathyMapZurValueProposition,
  },
  {
    slug: "feedback-probelauf-prime-pizza",
    title: "Feedback, das weiterhilft: Probelauf mit Prime Pizza",
    bodyMd: feedbackProbelauf,
  },
];

/** The assignment of the value-proposition lesson (seed 004's task), the same in both demo cohorts. */
export const demoAssignment = {
  lessonSlug: "von-der-empathy-map-zur-value-proposition",
  instructionsMd: `Wähle **zwei Kundensegmente** deines Geschäftsmodells und fülle für jedes einen Value Proposition Canvas aus – erst das Kundenprofil (Jobs, Pains, Gains), dann die Value Map.

1. Lege die beiden Segmente auf deinem Business Model Canvas an und erstelle aus ihrem Menü je einen Value Proposition Canvas.
2. Verknüpfe Pain Reliever mit den Pains und Gain Creator mit den Gains, die sie adressieren. Der Fit-Wert zeigt dir, was noch offen ist.
3. Reiche beide Canvases hier ein. Sie erscheinen im Forum der Lektion.
4. Gib danach zwei anderen Teilnehmenden Feedback.`,
  requirements: [{ template: "value-proposition" as const, count: 2, distinctSegments: true }],
  rubric: [
    { id: "profil", title: "Kundenprofil", prompt: "Sind Jobs, Pains und Gains konkret und aus Sicht des Segments formuliert?", scale: 4 },
    { id: "fit", title: "Fit", prompt: "Adressieren die Pain Reliever und Gain Creator die wichtigsten Pains und Gains?", scale: 4 },
    { id: "abgrenzung", title: "Zwei Segmente", prompt: "Unterscheiden sich die beiden Segmente und ihre Wertangebote deutlich?", scale: 3 },
  ],
  reviewsPerStudent: 2,
};

/**
 * The practice run's assignment in the running cohort: submitted, calibrated, reviewed (double-blind),
 * self-assessed and graded, with the grades released — the demo of peer review that teaches (issue 16).
 */
export const demoPracticeAssignment = {
  lessonSlug: "feedback-probelauf-prime-pizza",
  instructionsMd: `Probelauf am gemeinsamen Fall **Prime Pizza**: zwei Kundensegmente, für jedes ein Value Proposition Canvas.

1. Lege die Segmente auf einem Business Model Canvas an und erstelle aus ihrem Menü je einen Value Proposition Canvas.
2. Verknüpfe Pain Reliever und Gain Creator mit den Pains und Gains, die sie adressieren.
3. Reiche beide Canvases ein, bewerte das Kalibrierungsbeispiel und gib zwei anderen Teilnehmenden Feedback.
4. Schätze deine eigene Abgabe ein, bevor du die Reviews zu ihr liest.`,
  requirements: demoAssignment.requirements,
  rubric: demoAssignment.rubric,
  reviewsPerStudent: 2,
};
