import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";

/**
 * Test code is recognised by its name and by the directory it sits in below the working
 * directory. The rule tester lints from the file system root, so these cases use a Linter with a
 * project directory of their own.
 */

// trigger.dev apps/webapp/test/bench/lib/sourcemap.ts: a bench helper memoises parsed source maps per run.
const sourceMapResolver = `import fs from "node:fs";
export class SourceMapResolver {
  private byGeneratedFile = new Map<string, unknown>();
  resolve(generatedPath: string) {
    return this.load(generatedPath);
  }
  private load(generatedPath: string): unknown {
    if (this.byGeneratedFile.has(generatedPath)) return this.byGeneratedFile.get(generatedPath);
    const parsed = JSON.parse(fs.readFileSync(generatedPath + ".map", "utf8"));
    this.byGeneratedFile.set(generatedPath, parsed);
    return parsed;
  }
}`;

// Twake twake/frontend/src/app/deprecated/workspaces/listen_groups.js: a count of listeners per group, never removed.
const listenerCount = `import ws from "app/deprecated/websocket/websocket";
export class ListenGroups {
  private listenerCount = new Map<string, number>();
  listenGroup(id: string) {
    if (!this.listenerCount.has(id)) this.listenerCount.set(id, 0);
    ws.subscribe("group/" + id);
  }
}`;

const perRowQuery = `import { Pool } from "pg";
const pool = new Pool();
export async function check(ids: string[]) {
  for (const id of ids) await pool.query("SELECT * FROM runs WHERE id = $1", [id]);
}`;

function lint(code: string, cwd: string, filename: string): string[] {
  const linter = new Linter({ configType: "flat", cwd });
  const config = [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, plugin.configs.all];
  return linter.verify(code, config, filename).map((message) => message.ruleId ?? "fatal");
}

// atproto packages/bsky/tests/data-plane/db.test.ts: a test checks connections out to kill one.
const leakedConnection = `import { Pool } from "pg";
const pool = new Pool();
export async function pid() {
  const client = await pool.connect();
  const result = await client.query("select pg_backend_pid() as pid");
  client.release();
  return result.rows[0].pid;
}`;

// openstatus apps/server/src/routes/slack/interactions.test.ts: a test puts two related entries in Redis before it runs.
const relatedWrites = `import Redis from "ioredis";
const redis = new Redis();
export async function arrange(id: string, thread: string) {
  await redis.set(\`slack:action:\${id}\`, "{}");
  await redis.set(\`slack:action:\${id}:thread\`, thread);
}`;

// mongoose test/types/schema.test.ts: a schema a test defines, with a default evaluated once.
const frozenDefault = `import { Schema } from "mongoose";
export const schema = new Schema({ date: { type: Date, default: new Date() } });`;

// The seed's processOrder: a check, the work, then the mark.
const checkThenAct = `import Redis from "ioredis";
const redis = new Redis();
export async function processOrder(id: string) {
  if (await redis.get(\`order:\${id}\`)) return;
  await charge(id);
  await redis.set(\`order:\${id}\`, "processed");
}`;

describe("test code by directory", () => {
  it("is quiet on a check-then-act or related writes a test makes, which serves no concurrent requests", () => {
    expect(lint(relatedWrites, "/project", "/project/apps/server/src/routes/slack/interactions.test.ts")).toEqual([]);
    expect(lint(checkThenAct, "/project", "/project/test/helpers/orders.ts")).toEqual([]);
  });

  it("reports them in application code", () => {
    expect(lint(relatedWrites, "/project", "/project/apps/server/src/routes/slack/interactions.ts")).toEqual(["postmortem/no-check-then-act"]);
    expect(lint(checkThenAct, "/project", "/project/src/orders.ts")).toEqual(["postmortem/no-check-then-act"]);
  });

  it("is quiet on a connection a test checks out, and reports it in src/", () => {
    expect(lint(leakedConnection, "/project", "/project/packages/bsky/tests/data-plane/db.test.ts")).toEqual([]);
    expect(lint(leakedConnection, "/project", "/project/packages/bsky/src/db.ts")).toEqual(["postmortem/no-leaked-connection"]);
  });


  it("is quiet on a bench helper under the project's test/ directory", () => {
    expect(lint(sourceMapResolver, "/project", "/project/apps/webapp/test/bench/lib/sourcemap.ts")).toEqual([]);
  });

  it("is quiet on a Jasmine reporter under the project's spec/ directory", () => {
    // parse-server spec/support/CurrentSpecReporter.js: a reporter keeps one entry per spec of the run.
    expect(lint(sourceMapResolver, "/project", "/project/spec/support/reporter.ts")).toEqual([]);
  });

  it("reports the same helper in application code", () => {
    expect(lint(sourceMapResolver, "/project", "/project/apps/webapp/app/lib/sourcemap.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("does not count a directory named tests above the project", () => {
    expect(lint(sourceMapResolver, "/home/ci/tests/project", "/home/ci/tests/project/src/sourcemap.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("judges by the name alone when linting from the file system root", () => {
    expect(lint(sourceMapResolver, "/", "/project/test/sourcemap.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("judges each file of a directory by its own name", () => {
    // The answer for the directory is kept from one file to the next; the name's is not.
    expect(lint(leakedConnection, "/project", "/project/src/db.test.ts")).toEqual([]);
    expect(lint(leakedConnection, "/project", "/project/src/db.ts")).toEqual(["postmortem/no-leaked-connection"]);
    expect(lint(leakedConnection, "/project", "/project/src/db.config.ts")).toEqual(["postmortem/no-leaked-connection"]);
  });

  it("judges the same directory anew under another working directory", () => {
    expect(lint(sourceMapResolver, "/home/ci/tests/project", "/home/ci/tests/project/src/sourcemap.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/home/ci", "/home/ci/tests/project/src/sourcemap.ts")).toEqual([]);
  });

  it("is quiet on a test-utils package, and reports a file whose name only mentions test utils", () => {
    // medusa packages/medusa-test-utils/src/id-map.ts: an id per fixture name, kept for the test run.
    expect(lint(sourceMapResolver, "/project", "/project/packages/medusa-test-utils/src/id-map.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/test-utils/id-map.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/test-utils.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/test-utilsx/id-map.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/latest-utils/id-map.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a testing/ directory, and reports a directory whose name only starts like one", () => {
    // supabase storage src/internal/testing/seeder/pg-persistence.ts: a seeder inserts a test's rows one by one.
    expect(lint(perRowQuery, "/project", "/project/src/internal/testing/pg-persistence.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/testings/persistence.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/ab-testing/persistence.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a directory of tests named x-tests/, and on a workspace package named x-test/", () => {
    // ponder simulation-test/src/index.ts: a workspace package whose `test` script replays an indexer row by row.
    expect(lint(perRowQuery, "/project", "/project/simulation-test/src/index.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/packages/pg-esm-test/index.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/packages/api/integration-tests/runs.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/packages/api/e2e_tests/runs.ts")).toEqual([]);
  });

  it("reports a feature named x-test/ inside source code, and a name that only ends like a test suite", () => {
    expect(lint(perRowQuery, "/project", "/project/src/ab-test/persistence.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/packages/api/src/split-test/persistence.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/packages/latest/persistence.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/simulation-tester/index.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on an end-to-end runner's playwright/ or cypress/ directory, and reports a name that only contains one", () => {
    // vercel examples internal/packages/playwright/src/shared/utils/data-testid.ts: a slug per test id, kept for the test run.
    expect(lint(sourceMapResolver, "/project", "/project/internal/packages/playwright/src/shared/utils/data-testid.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/apps/web/cypress/support/commands.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/playwright-scraper/browser.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/scraper/playwright.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on an e2e/ directory, and reports a directory whose name only contains e2e", () => {
    // botpress packages/chat-client/e2e/config.ts: the end-to-end suite's configuration, read per test.
    expect(lint(sourceMapResolver, "/project", "/project/packages/chat-client/e2e/config.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/e2e-crypto/keys.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a static asset under public/ or static/, and reports a directory whose name only starts like one", () => {
    // omnivore packages/web/public/pdf.worker.min.mjs: pdf.js's worker, sent to browsers as it is.
    expect(lint(sourceMapResolver, "/project", "/project/packages/web/public/pdf.worker.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/static/assets/index.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/public-api/resolver.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/statics/resolver.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    // daily-api src/routes/public/graphqlExecutor.ts: inside source code, `public/` names the routes of a public API.
    expect(lint(sourceMapResolver, "/project", "/project/src/routes/public/executor.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/packages/api/lib/public/executor.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a front end's or a ui/ directory, its HTTP clients under api/, and reports its server part (api/ routes, server/, backend/), a server built-in and a name that only contains frontend", () => {
    // Twake twake/frontend/src/app/deprecated/workspaces/listen_groups.js: a page's count of listeners per group, importing only the app's own modules.
    expect(lint(listenerCount, "/project", "/project/twake/frontend/src/app/workspaces/listen-groups.ts")).toEqual([]);
    // Worklenz worklenz-frontend/src/utils/asset-optimizations.ts: the set of preloaded asset URLs of a page.
    expect(lint(listenerCount, "/project", "/project/worklenz-frontend/src/utils/asset-optimizations.ts")).toEqual([]);
    expect(lint(listenerCount, "/project", "/project/packages/web_frontend/src/cache.ts")).toEqual([]);
    // umbrel packages/ui/src/modules/app-store/utils.ts: the ids of the apps whose gallery images a page has preloaded.
    expect(lint(listenerCount, "/project", "/project/packages/ui/src/modules/app-store/utils.ts")).toEqual([]);
    expect(lint(listenerCount, "/project", "/project/ui/src/server/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/src/uikit/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/src/gui/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(`import { EventEmitter } from "events";\n${listenerCount}`, "/project", "/project/frontend/src/groups.ts")).toEqual([]);
    // hospital-management frontend/lib/api/patient.service.ts: a page's HTTP client per resource, calling the backend through axios.
    expect(lint(listenerCount, "/project", "/project/frontend/lib/api/patient.service.ts")).toEqual([]);
    expect(lint(listenerCount, "/project", "/project/frontend/src/api/patients.ts")).toEqual([]);
    expect(lint(listenerCount, "/project", "/project/frontend/pages/api/preview.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/src/pages/api/preview.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/src/app/api/preview/route.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/api/preview.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/web-frontend/api/preview.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/lib/backend/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/src/server/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/src/routes/+page.server.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/frontend/app/db.server.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/frontend/lib/source-maps.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(`import cp from "child_process";\n${listenerCount}`, "/project", "/project/frontend/src/groups.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/src/frontends/resolver.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/src/frontend-api/resolver.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a client/ directory at the top of the project, and reports one deeper, its server part and a name that only starts like it", () => {
    // mohamedsamara mern-ecommerce client/app/utils/index.js: a page's random colour per name, beside the app's server/.
    expect(lint(listenerCount, "/project", "/project/client/app/utils/index.ts")).toEqual([]);
    expect(lint(listenerCount, "/project", "/project/packages/client/src/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/src/client/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/client/server/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/clients/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(listenerCount, "/project", "/project/client-api/cache.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a test fixture by its name or a __fixtures__/ directory, and reports a fixtures/ directory and a name that only contains fixture", () => {
    // payever checkout/features/fixtures/integration/business-integration-subscription/find-by-name/many-payments.fixture.ts: a cucumber fixture creates its rows one by one.
    expect(lint(perRowQuery, "/project", "/project/checkout/features/fixtures/integration/many-payments.fixture.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/orders/orders.fixtures.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/__fixtures__/orders.ts")).toEqual([]);
    // A fixtures/ directory may hold code meant to be linted as an application's (this project's own workshop code).
    expect(lint(perRowQuery, "/project", "/project/fixtures/order-processor/bad.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/fixtures.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/fixture-loader.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a bench file, and reports a name that only contains bench", () => {
    // rocicorp mono packages/zero-cache/src/services/replicator/sqlite-change-log-ceiling.bench.ts: messages memoised per bench case.
    expect(lint(sourceMapResolver, "/project", "/project/src/replicator/change-log.bench.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/replicator/bench.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/replicator/workbench.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a test runner's own files, and reports a name that only starts like one", () => {
    // botpress packages/llmz/vitest.snapshot.ts: the snapshot environment vitest.config.ts names.
    expect(lint(sourceMapResolver, "/project", "/project/packages/llmz/vitest.snapshot.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/jest.setup.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/vitest-plugin.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/jest.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a test suite's set-up file, and reports a name that only starts like one", () => {
    // Unleash src/test-setup.ts: the suite's set-up file makes the template database.
    expect(lint(sourceMapResolver, "/project", "/project/src/test-setup.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/setupTests.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/globalSetup.ts")).toEqual([]);
    expect(lint(sourceMapResolver, "/project", "/project/src/setup.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver, "/project", "/project/src/test-setup-wizard.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });

  it("is quiet on a default evaluated once in a test's schema, and reports it in src/", () => {
    expect(lint(frozenDefault, "/project", "/project/test/types/schema.test.ts")).toEqual([]);
    expect(lint(frozenDefault, "/project", "/project/src/models/schema.ts")).toEqual(["postmortem/no-call-evaluated-default"]);
  });

  it("is quiet on a query per row in a __tests__/ helper, and reports it in src/", () => {
    expect(lint(perRowQuery, "/project", "/project/src/__tests__/helpers.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });
});

// outline server/migrations/20180115021837-add-drafts.js: a sequelize-cli migration rewrites rows one by one.
const migration = `export async function up(queryInterface: QueryInterface) {
  const [documents] = await queryInterface.sequelize.query("SELECT id FROM documents");
  for (const document of documents) {
    await queryInterface.sequelize.query("UPDATE documents SET draft = false WHERE id = $1", { bind: [document.id] });
  }
}`;

describe("one-off scripts by directory", () => {
  it("is quiet on a migration, a seeder and a maintenance script", () => {
    expect(lint(migration, "/project", "/project/server/migrations/20180115021837-add-drafts.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/db/seeders/runs.ts")).toEqual([]);
    // documenso packages/prisma/seed/documents.ts: a Prisma seed creates its documents one by one.
    expect(lint(perRowQuery, "/project", "/project/packages/prisma/seed/documents.ts")).toEqual([]);
    // openpanel packages/db/code-migrations/2-accounts.ts: migrations in code, run by \`pnpm migrate:deploy:code\`.
    expect(lint(perRowQuery, "/project", "/project/packages/db/code-migrations/2-accounts.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/db_migrations/2-accounts.ts")).toEqual([]);
    // OneUptime App/FeatureSet/Workers/DataMigrations/AddEndedState.ts: data migrations the worker runs once each, by PascalCase directory.
    expect(lint(perRowQuery, "/project", "/project/App/FeatureSet/Workers/DataMigrations/AddEndedState.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/Database/Migrations/AddUser.ts")).toEqual([]);
    // outline server/scripts/20220722000000-backfill-subscriptions.ts: an exported main() run by hand.
    expect(lint(perRowQuery, "/project", "/project/server/scripts/backfill-runs.ts")).toEqual([]);
    // zootag-nestjs-api apps/main/src/migrator/permission-helper.ts: the umzug migrator's helper inserts each permission of a migration.
    expect(lint(perRowQuery, "/project", "/project/apps/main/src/migrator/permission-helper.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/migrators/runs.ts")).toEqual([]);
    // gennit-project/multiforum-backend build_scripts/mergeLcov.js: a build step that merges coverage reports, run by hand or in CI.
    expect(lint(perRowQuery, "/project", "/project/build_scripts/merge.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/tools/dev-scripts/merge.ts")).toEqual([]);
    // formbricks apps/web/modules/auth/lib/cutover/reencode-two-factor.ts: a one-shot migration of every 2FA user, run by the cutover deploy.
    expect(lint(perRowQuery, "/project", "/project/apps/web/modules/auth/lib/cutover/reencode-two-factor.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/cutovers/runs.ts")).toEqual([]);
  });

  it("reports a directory whose name only ends with scripts", () => {
    expect(lint(perRowQuery, "/project", "/project/src/transcripts/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/scripts-api/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    // MuhammadShahidRajpoot/blood-donation-center-be src/api/call-center/manage-scripts/: the call center's phone scripts, a feature.
    expect(lint(perRowQuery, "/project", "/project/src/api/call-center/manage-scripts/services/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/call_scripts/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("reports a directory whose name only contains migrator", () => {
    expect(lint(perRowQuery, "/project", "/project/src/migrator-api/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/datamigrator/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a seed file named as one, wherever it lives", () => {
    // ever-gauzy packages/core/src/lib/candidate-interview/candidate-interview.seed.ts: a seeder beside its feature's service.
    expect(lint(perRowQuery, "/project", "/project/src/lib/candidate-interview/candidate-interview.seed.ts")).toEqual([]);
    // Prisma's convention: prisma/seed.ts, run by `prisma db seed`.
    expect(lint(perRowQuery, "/project", "/project/prisma/seed.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/database/users.seeder.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/database/users-seed.ts")).toEqual([]);
    // Myte-Cody Mytegroup-api src/features/email/services/email-template-seeder.service.ts: a NestJS seeder service.
    expect(lint(perRowQuery, "/project", "/project/src/features/email/services/email-template-seeder.service.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/database/seeder.service.ts")).toEqual([]);
  });

  it("is quiet on a file named with a migration timestamp, and on a .scripts directory", () => {
    // logto packages/schemas/alterations/1.0.0_rc.0-1672815959-user-roles.ts: migrations under a directory of another name.
    expect(lint(perRowQuery, "/project", "/project/packages/schemas/alterations/1.0.0_rc.0-1672815959-user-roles.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/db/1672815959123-AddUser.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/db/20180115021837_add_drafts.ts")).toEqual([]);
    // logto .scripts/compare-database.js.
    expect(lint(perRowQuery, "/project", "/project/.scripts/compare.ts")).toEqual([]);
    // A number too short for a timestamp, or not followed by a separator, is part of a name.
    expect(lint(perRowQuery, "/project", "/project/src/2024-report.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/runs1672815959.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a migration runner named as one, and reports a name that only mentions migrations", () => {
    // billjansen-ops Loyalty-Demo db_migrate.js: "Usage: node db_migrate.js", every versioned migration in one file.
    expect(lint(perRowQuery, "/project", "/project/db_migrate.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/migrate.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/db/migrate-db.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/server/run-migrations.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/server/runMigrations.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/user-migration.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/migrate-accounts.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/migrations.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/automigrate.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a backfill named as one, and reports a name that only contains the word", () => {
    // civitai src/pages/api/admin/temp/membership-buzz-backfill.ts and src/server/services/blocks/app-listing-backfill.service.ts.
    expect(lint(perRowQuery, "/project", "/project/src/pages/api/admin/temp/membership-buzz-backfill.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/server/services/app-listing-backfill.service.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/backfill-subscriptions.ts")).toEqual([]);
    expect(lint(perRowQuery, "/project", "/project/src/backfiller.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/autobackfill.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("reports a file whose name only mentions seeds", () => {
    expect(lint(perRowQuery, "/project", "/project/src/lib/candidate-interview/candidate-interview.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/random-seed.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/seeders-api.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/reseeder.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/seeding.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/seedling.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("reports the same loop in application code, and under a scripts directory above the project", () => {
    expect(lint(migration, "/project", "/project/server/commands/add-drafts.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/home/scripts/project", "/home/scripts/project/src/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/", "/project/migrations/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    // A name that ends in "migrations" without a separator is no migrations directory.
    expect(lint(perRowQuery, "/project", "/project/src/datamigrations/runs.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/App/FeatureSet/Workers/Migrations.ts")).toEqual(["postmortem/no-query-in-loop"]);
    expect(lint(perRowQuery, "/project", "/project/src/code-migrations.ts")).toEqual(["postmortem/no-query-in-loop"]);
    // A file named for a cutover, outside such a directory, may be the application's own feature.
    expect(lint(perRowQuery, "/project", "/project/src/cutover.service.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a program run from the command line, and reports the same code without its shebang", () => {
    // apostrophe claude-tools/icon-audit.js: a dev tool's map of the icons it found, for one run.
    expect(lint(`#!/usr/bin/env node\n${sourceMapResolver}`, "/project", "/project/tools/audit.ts")).toEqual([]);
    expect(lint(`#!/usr/bin/env node\n${perRowQuery}`, "/project", "/project/bin/check.ts")).toEqual([]);
    expect(lint(`// #!/usr/bin/env node\n${perRowQuery}`, "/project", "/project/bin/check.ts")).toEqual(["postmortem/no-query-in-loop"]);
  });

  it("is quiet on a seed client's maps, which live as long as the script", () => {
    // atproto packages/dev-env/src/seed/client.ts: a seed client keeps the accounts it created.
    expect(lint(sourceMapResolver, "/project", "/project/packages/dev-env/src/seed/client.ts")).toEqual([]);
  });

  it("is quiet on a check-then-act in a script, which serves no concurrent requests", () => {
    expect(lint(checkThenAct, "/project", "/project/scripts/orders.ts")).toEqual([]);
    expect(lint(`#!/usr/bin/env node\n${checkThenAct}`, "/project", "/project/bin/orders.ts")).toEqual([]);
  });

  it("still reports a connection a script never gives back", () => {
    expect(lint(leakedConnection, "/project", "/project/scripts/report.ts")).toEqual(["postmortem/no-leaked-connection"]);
  });
});


// fonoster mods/identity/src/generated/@prisma/client/runtime/library.js: Prisma's runtime, minified, generated into the source tree.
const minifiedPadding = (separator: string): string => Array.from({ length: 1200 }, (_, index) => `var v${index}=${index};`).join(separator);

describe("minified files", () => {
  it("is quiet on a file of long minified lines", () => {
    expect(lint(`${sourceMapResolver}\n${minifiedPadding("")}`, "/project", "/project/src/generated/runtime/library.ts")).toEqual([]);
  });

  it("reports the same code with the same text on short lines, and a short file on one line", () => {
    expect(lint(`${sourceMapResolver}\n${minifiedPadding("\n")}`, "/project", "/project/src/generated/runtime/library.ts")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(sourceMapResolver.replaceAll("\n", " "), "/project", "/project/src/resolver.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });
});

// cryptpad www/lib/mermaid/zenuml-definition-b4b159b2.js: 29 000 lines of a bundled library, named with its content hash.
const bundledCache = `import fs from "node:fs";\nconst byGeneratedPath = new Map();\nexport function load(generatedPath) {\n  if (byGeneratedPath.has(generatedPath)) return byGeneratedPath.get(generatedPath);\n  const parsed = JSON.parse(fs.readFileSync(generatedPath + ".map", "utf8"));\n  byGeneratedPath.set(generatedPath, parsed);\n  return parsed;\n}`;

describe("bundler chunks", () => {
  it("is quiet on a file named with a content hash", () => {
    expect(lint(bundledCache, "/project", "/project/www/lib/mermaid/zenuml-definition-b4b159b2.js")).toEqual([]);
    expect(lint(bundledCache, "/project", "/project/dist/main.3b5c2f1a.mjs")).toEqual([]);
  });

  it("reports the same code in a file whose name only looks like a hash", () => {
    expect(lint(bundledCache, "/project", "/project/src/zenuml-definition.js")).toEqual(["postmortem/no-unbounded-cache"]);
    // Letters only, digits only (a timestamp), or a TypeScript source.
    expect(lint(bundledCache, "/project", "/project/src/cache-deadbeef.js")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(bundledCache, "/project", "/project/src/backup-20180115021837.js")).toEqual(["postmortem/no-unbounded-cache"]);
    expect(lint(bundledCache, "/project", "/project/src/cache-b4b159b2.ts")).toEqual(["postmortem/no-unbounded-cache"]);
  });
});
