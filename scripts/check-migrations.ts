// `npm run db:check`, the drift check CI runs: migrations must build exactly the schema that
// prisma/schema.prisma describes. It applies them with the app's own migrator (the code production
// runs) to a throwaway database, then asks Prisma's schema engine (1) whether it accepts the
// history that migrator recorded and (2) for the diff between that database and schema.prisma.
// Any difference means someone edited the schema without `npm run db:migration`, or edited a
// migration by hand.
import { openDatabaseServer } from "@/lib/db/database-server.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";
import {
  createScratchDatabase,
  engineCall,
  openSchemaEngine,
  readMigrationList,
  readSchema,
  REPO_ROOT,
  type SchemaEngine,
} from "./schema-engine.ts";

async function diffAgainstSchema(engine: SchemaEngine, script: boolean): Promise<{ exitCode: number; stdout: string }> {
  const schema = readSchema();
  const result = await engineCall(() =>
    engine.diff({
      from: { tag: "schemaDatasource", configDir: REPO_ROOT, ...schema },
      to: { tag: "schemaDatamodel", ...schema },
      script,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  return { exitCode: result.exitCode, stdout: result.stdout ?? "" };
}

async function main(): Promise<number> {
  // Only the server is taken from DATABASE_URL (it may be an embedded one on any port); the
  // database it names is never touched. Without DATABASE_URL an embedded server is used.
  const server = await openDatabaseServer();
  const scratch = await createScratchDatabase(server.adminUrl, "tern_migcheck").catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    const { applied } = await applyMigrations(scratch.url);
    console.log(`applied ${applied.length} migration(s) to a scratch database`);
    const { engine, close } = await openSchemaEngine({ mainUrl: scratch.url });
    try {
      // Prisma's own view of the history our migrator recorded: `prisma migrate deploy` must find
      // nothing to apply, nothing edited and nothing failed, or it would refuse this database.
      const history = await engineCall(() =>
        engine.diagnoseMigrationHistory({
          migrationsList: readMigrationList(),
          optInToShadowDatabase: false,
          filters: { externalTables: [], externalEnums: [] },
        }),
      );
      if (history.history || history.editedMigrationNames.length > 0 || history.failedMigrationNames.length > 0) {
        console.error("Prisma would not accept the migration history recorded by lib/db/migrate.ts:");
        console.error(JSON.stringify(history, null, 2));
        return 1;
      }
      const summary = await diffAgainstSchema(engine, false);
      if (summary.exitCode === 0) {
        console.log("migrations match schema.prisma");
        return 0;
      }
      const sql = await diffAgainstSchema(engine, true);
      console.error("prisma/migrations does not produce prisma/schema.prisma. Difference (migrated database → schema):\n");
      console.error(summary.stdout.trim());
      console.error("\nSQL that would close the gap:\n");
      console.error(sql.stdout.trim());
      console.error("\nIf schema.prisma is right, run `npm run db:migration -- <name>` and commit the new migration.");
      return 1;
    } finally {
      await close();
    }
  } finally {
    await scratch.drop();
    await server.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
