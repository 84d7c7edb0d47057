import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "./index";
import { demoAccountsText } from "./demo-accounts";

await migrateDatabase();
const { created } = await seedDemo(getDb());
await closeDb();
console.log(created ? "Demo data seeded." : "Demo data already present; nothing changed.");
console.log(demoAccountsText());
