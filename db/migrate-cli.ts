import { closeDb } from "./index";
import { migrateDatabase } from "./migrate";

await migrateDatabase();
await closeDb();
console.log(`Migrations applied (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}).`);
