/** The demo accounts the embedded default seeds and prints on start. */
export const DEMO_PASSWORD = "werkbank-demo";

export type DemoAccount = { email: string; name: string; role: "admin" | "instructor" | "student"; cohort?: "main" | "other" };

export const demoAccounts: DemoAccount[] = [
  { email: "admin@werkbank.test", name: "Alex Admin", role: "admin" },
  { email: "lena.keller@werkbank.test", name: "Lena Keller", role: "instructor", cohort: "main" },
  { email: "anna.berger@werkbank.test", name: "Anna Berger", role: "student", cohort: "main" },
  { email: "ben.schulz@werkbank.test", name: "Ben Schulz", role: "student", cohort: "main" },
  { email: "clara.wagner@werkbank.test", name: "Clara Wagner", role: "student", cohort: "main" },
  { email: "deniz.yilmaz@werkbank.test", name: "Deniz Yılmaz", role: "student", cohort: "main" },
  { email: "emil.hoffmann@werkbank.test", name: "Emil Hoffmann", role: "student", cohort: "main" },
  { email: "fatma.kaya@werkbank.test", name: "Fatma Kaya", role: "student", cohort: "main" },
  { email: "greta.neumann@werkbank.test", name: "Greta Neumann", role: "student", cohort: "main" },
  { email: "henrik.lange@werkbank.test", name: "Henrik Lange", role: "student", cohort: "main" },
  // The second cohort: the demo students above are not in it (for access tests).
  { email: "jonas.frank@werkbank.test", name: "Jonas Frank", role: "instructor", cohort: "other" },
  { email: "ida.roth@werkbank.test", name: "Ida Roth", role: "student", cohort: "other" },
  { email: "karl.brandt@werkbank.test", name: "Karl Brandt", role: "student", cohort: "other" },
];

export const demoCohorts = {
  main: { name: "Herbst 2026", inviteCode: "WERKBANK26" },
  other: { name: "Frühjahr 2026", inviteCode: "FRUEHLING26" },
} as const;

export function demoAccountsText(): string {
  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  const lines = demoAccounts.map((a) => {
    const where = a.cohort ? ` (${demoCohorts[a.cohort].name})` : "";
    return `  ${a.email.padEnd(width)}  ${a.role}${where}`;
  });
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...lines,
    `Invite code to sign up into "${demoCohorts.main.name}": ${demoCohorts.main.inviteCode}`,
  ].join("\n");
}
