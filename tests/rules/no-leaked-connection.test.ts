import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../rules/no-leaked-connection.js";

import rule from "../../rules/no-leaked-connection.js";
import { runRuleTests } from "../rule-tester.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

const PG = 'import { Pool } from "pg";\nconst pool = new Pool();\n';
const PG_JS = 'const { Pool } = require("pg");\nconst pool = new Pool();\n';
const MYSQL = 'import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\n';
const KNEX = 'import knex from "knex";\nconst db = knex({});\n';
const SEQUELIZE = 'import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize("postgres://");\n';
const GENERIC = 'import genericPool from "generic-pool";\nconst pool = genericPool.createPool({ create: async () => ({}), destroy: async () => {} });\n';
const TYPEORM = 'import { DataSource, QueryRunner } from "typeorm";\nconst ds = new DataSource({ type: "postgres" });\n';
const IN_HOUSE = { postmortem: { resources: [{ acquire: "checkout", release: ["checkin"] }] } };
const GET_CONNECTION = { postmortem: { resources: [{ acquire: "getConnection", release: ["release"] }] } };

const labelledContinue = (target: string): string => `${PG}export async function run(jobs: { skip: boolean }[]) {
  retry: for (let attempt = 0; attempt < 3; attempt++) {
    const client = await pool.connect();
    try {
      jobs: for (const job of jobs) {
        if (job.skip) continue ${target};
      }
    } finally {
      client.release();
    }
  }
}`;
const labelledSkip = `${PG}export async function run(jobs: { skip: boolean }[]) {
  retry: for (let attempt = 0; attempt < 3; attempt++) {
    const client = await pool.connect();
    for (const job of jobs) {
      if (job.skip) continue retry;
    }
    client.release();
  }
}`;

const flowiseSaver = (closing: string): string => `import { DataSource, type DataSourceOptions } from "typeorm";
export class Saver {
  async getTuple(options: DataSourceOptions, id: string) {
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    try {
      const queryRunner = dataSource.createQueryRunner();
      const rows = await queryRunner.manager.query("SELECT * FROM checkpoints WHERE id = $1", [id]);
      await queryRunner.release();
      return rows;
    } catch (error) {
      throw new Error("Error retrieving checkpoint");
    }${closing}
  }
}`;
/** A TypeORM runner created, then a call that may throw, then the `try`; `beforeCall` runs ahead of that call. */
const flowiseRecordManager = (beforeCall: string): string => `import { DataSource } from "typeorm";
export class RecordManager {
  async exists(dataSource: DataSource, keys: string[]) {
    const queryRunner = dataSource.createQueryRunner();
${beforeCall}    const table = sanitizeTableName(this.tableName);
    try {
      return await queryRunner.manager.query(\`SELECT key FROM \${table} WHERE key = ANY($1)\`, [keys]);
    } finally {
      await queryRunner.release();
    }
  }
}`;

/** daily-api src/graphorm/graphorm.ts: a replica runner handed to a query builder, whose query runs later. */
const replicaBuilder = (checkout: string, hand: string, beforeTry: string, release: string): string => `${TYPEORM}export async function list(replica: boolean, name: string) {
${checkout}
  const builder = ds.createQueryBuilder().select("u.id").from("users", "u");
  ${hand}
${beforeTry}  try {
    return await builder.getRawMany();
  } finally {
    ${release}
  }
}`;

/** powersync-service modules/module-mssql/src/replication/MSSQLConnectionManager.ts: a pool made in the constructor, connected before each request. */
const poolManager = (header: string, field: string, made: string): string =>
  `${header}export class Manager {\n  private readonly pool: ${field};\n  constructor(config: string) {\n    this.pool = ${made};\n  }\n  private async ensureConnected(): Promise<void> {\n    await this.pool.connect();\n  }\n}`;

/** graphile dataplan-pg src/adaptors/pg.ts: a session setting sent on checkout, its failure logged, before the `try`. */
const withPgClient = (before: string): string => `import { Pool } from "pg";
export function make(pool: Pool) {
  return async (callback: (client: unknown) => Promise<unknown>) => {
    const client = await pool.connect();
    ${before}
    try {
      return await callback(client);
    } finally {
      client.release();
    }
  };
}`;

/** gitpod components/gitpod-db/src/migrate-migrations.ts: a script's main, run once when the file runs. */
const migrationScript = (exported: string, name = "migrate"): string => `import { DataSource } from "typeorm";
const ds = new DataSource({ type: "mysql" });
${exported}async function ${name}() {
  const runner = ds.createQueryRunner();
  await runner.query("UPDATE migrations SET name = 'x'");
  await runner.release();
  await ds.destroy();
}
${name}().catch((error) => {
  console.error(error);
  process.exit(1);
});`;

/** Clinic-app's scripts/test-database-optimization.js: `main()` runs a table of test steps, each once; a failed step returns early with its client. */
const STEP = `async function testConnection() {
  try {
    const client = await pool.connect();
    await client.query("SELECT version()");
    client.release();
    return true;
  } catch (error) {
    return false;
  }
}`;
/** `STEP` with the suggested `try … finally`. */
const STEP_FIXED = `async function testConnection() {
  try {
    const client = await pool.connect();
    try {
      await client.query("SELECT version()");
      return true;
    } finally {
      client.release();
    }
  } catch (error) {
    return false;
  }
}`;
const stepTable = (table: string, loop: string, body = "await test();", step = STEP): string => `const { Pool } = require("pg");
const pool = new Pool();
${step}
async function main() {
  ${table}
  for (${loop}) {
    ${body}
  }
  await pool.end();
}
main().catch(() => process.exit(1));`;
/** A step table that does not run its step once: reported, with the suggestion. */
const stepTableLeak = (table: string, loop: string, body: string): Invalid => ({
  code: stepTable(table, loop, body),
  filename: "file.js",
  errors: [error("earlyExit", 5, 26, [stepTable(table, loop, body, STEP_FIXED)], { exit: "return", line: "10", name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" })],
});

/** One report, with the suggestion outputs it must offer (none when `outputs` is empty). */
// beekeeper-studio src-commercial/backend/lib/db/clients/firebird.ts: a transaction object opened right after the checkout, before the try.
const firebirdChanges = (open: string): string =>
  `export class Client {\n  pool: any;\n  async applyChanges(run: (t: unknown) => Promise<void>) {\n    const connection = await this.pool.getConnection();\n    const transaction = await connection.transaction(${open});\n    try {\n      await run(transaction);\n      await transaction.commit();\n    } catch (ex) {\n      await transaction.rollback();\n      throw ex;\n    } finally {\n      await connection.release();\n    }\n  }\n}`;
// beekeeper-studio apps/studio/src/lib/db/clients/postgresql.ts: a test connection at connect time, given back after the set-up between.
const poolProbe = (between: string): string =>
  `${PG}export class Client {\n  async connect(refreshMs: number) {\n    const test = await pool.connect();\n${between}    test.release();\n  }\n}`;
const SCHEDULE_REFRESH = "    if (refreshMs > 0) {\n      this.interval = setInterval(async () => {\n        await refresh();\n      }, refreshMs);\n    }\n";

/** TicketToken's rate limiter: a transaction per attempt, retried in a loop whose `catch` logs, then a `throw` after the loop. */
const retriedLimiter = (checkout: string): string =>
  `${PG}export async function acquire(service: string) {\n  for (let retries = 0; retries < 30; retries++) {\n    try {\n      ${checkout}\n        await client.query("BEGIN");\n        await client.query("UPDATE limits SET used = used + 1 WHERE name = $1", [service]);\n        await client.query("COMMIT");\n        client.release();\n        return;\n      } catch (error) {\n        await client.query("ROLLBACK");\n        client.release();\n        throw error;\n      }\n    } catch (error) {\n      log(error);\n    }\n  }\n  throw new Error("timeout");\n}`;
const RETRIED_LIMITER_FIXED = `${PG}export async function acquire(service: string) {\n  for (let retries = 0; retries < 30; retries++) {\n    try {\n      const client = await pool.connect();\n      try {\n        try {\n          await client.query("BEGIN");\n          await client.query("UPDATE limits SET used = used + 1 WHERE name = $1", [service]);\n          await client.query("COMMIT");\n          return;\n        } catch (error) {\n          await client.query("ROLLBACK");\n          throw error;\n        }\n      } finally {\n        client.release();\n      }\n    } catch (error) {\n      log(error);\n    }\n  }\n  throw new Error("timeout");\n}`;
const RETRIED_LIMITER = { name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" };
function error(messageId: MessageIds, line: number, column: number, outputs: string[] = [], data?: Record<string, string>): Invalid["errors"][number] {
  return {
    messageId,
    line,
    column,
    ...(data ? { data } : {}),
    suggestions: outputs.map((output) => ({ messageId: messageId === "releaseNotCalled" ? "suggestCall" : "suggestTryFinally", output })),
  };
}

/** A checkout guarded by a later `try`, with `before` ahead of it and `inside` at its start, and a function declared after it. */
/** A Redis client of a generic pool, with a timer made by `guard(…)` before the try and `cancel(timeout)` in the finally (PostHog's plugin server, db.ts). */
const timerBeforeTry = (guard: string, cancel: string): string =>
  `${GENERIC}export async function set(key: string) {\n  const client = await pool.acquire();\n  const timeout = ${guard}("Setting redis key delayed", { key });\n  try {\n    await client.set(key, "1");\n  } finally {\n    ${cancel}(timeout);\n    await pool.release(client);\n  }\n}`;

/** OneUptime's SQL monitor (Probe/Utils/Monitors/MonitorTypes/SqlMonitor.ts): mssql's pool, opened and closed by the function, in a file that also imports pg. */
const sqlMonitor = (annotation: string): string =>
  `import { Client } from "pg";\nimport * as mssql from "mssql";\nexport async function run(config: mssql.config, driver: typeof mssql) {\n  const pool${annotation} = new driver.ConnectionPool(config);\n  try {\n    await pool.connect();\n    return await new driver.Request(pool).query("SELECT 1");\n  } finally {\n    await pool.close();\n  }\n}`;

/** OneUptime's SQL Server connector (Common/Server/Utils/DataSource/Connectors/SqlServerConnector.ts): a pool behind an interface of the file. */
const poolSeam = (returned: string): string =>
  `import { Client } from "pg";\nexport interface SqlServerPoolLike {\n  connect(): ${returned};\n  close(): Promise<void>;\n}\nexport async function run(factory: (config: string) => SqlServerPoolLike, config: string) {\n  const pool: SqlServerPoolLike = factory(config);\n  try {\n    await pool.connect();\n    return 1;\n  } finally {\n    await pool.close();\n  }\n}`;

/** verifywise's controllers (Servers/controllers/eu.ctrl.ts): the request's id is read between the transaction's start and the `try` that ends it. */
const parsedBeforeTry = (parse: string): string =>
  `${SEQUELIZE}export async function saveControls(req: Request) {\n  const transaction = await sequelize.transaction();\n  const controlId = ${parse};\n  try {\n    await Control.update({ done: true }, { where: { id: controlId }, transaction });\n    await transaction.commit();\n  } catch (error) {\n    await transaction.rollback();\n    throw error;\n  }\n}`;

/** deligo-food-delivery-server src/app/modules/Payout/payout.service.ts: `finalizePayout` makes the processor's id between `startSession()` and the `try` whose `finally` ends the session. */
const payoutFinalize = (beforeTry: string, inTry = ""): string =>
  `import mongoose from "mongoose";\nexport async function finalize(payoutId: string, user: { _id: string }) {\n  const session = await mongoose.startSession();\n  session.startTransaction();\n${beforeTry}  try {\n${inTry}    await Payout.findOneAndUpdate({ payoutId, status: "PENDING" }, { $set: { status: "PROCESSING" } }, { session });\n    await session.commitTransaction();\n  } finally {\n    session.endSession();\n  }\n}`;

/** TicketToken-Platform-Backend services/blockchain-service/src/config/database.ts: `initializePool()` makes the pool, then tests one of its connections. */
const poolTest = (make: string, between = ""): string =>
  `import { Pool } from "pg";\nlet pool: Pool;\nexport async function initializePool(config: object, ready: boolean) {\n${make}\n${between}  try {\n    const client = await pool.connect();\n    await client.query("SELECT NOW()");\n    client.release();\n    return pool;\n  } catch (error) {\n    console.error("Database connection failed", error);\n    throw error;\n  }\n}`;

/** `poolTest`'s code with the release in a `finally` of its own, as the suggestion writes it. */
const poolTestReleased = (make: string, returned: boolean): string =>
  `import { Pool } from "pg";\nlet pool: Pool;\nexport async function initializePool(config: object, ready: boolean) {\n${make}\n  try {\n    const client = await pool.connect();\n    try {\n      await client.query("SELECT NOW()");\n${returned ? "      return pool;\n" : ""}    } finally {\n      client.release();\n    }\n  } catch (error) {\n    console.error("Database connection failed", error);\n    throw error;\n  }\n}`;

/** typeorm's query command (src/commands/QueryCommand.ts): the catch gives the runner back after `report(err)`. */
const releasedInCatchAfter = (report: string): string =>
  `${TYPEORM}export async function run(query: string) {\n  let queryRunner: QueryRunner | undefined = undefined;\n  try {\n    queryRunner = ds.createQueryRunner();\n    const result = await queryRunner.query(query);\n    await queryRunner.release();\n    return result;\n  } catch (err) {\n    ${report}(err);\n    if (queryRunner) await queryRunner.release();\n    process.exit(1);\n  }\n}`;

/** restaurant-sys's onboarding engine: a Mongoose session ended at the end of the `try` and in its `catch`, after `abort` there. */
const sessionEndedInCatch = (abort: string): string =>
  `import mongoose from "mongoose";\nexport async function advance(Onboarding: mongoose.Model<object>, id: string) {\n  const session = await mongoose.startSession();\n  try {\n    session.startTransaction();\n    const doc = await Onboarding.findById(id).session(session);\n    await session.commitTransaction();\n    session.endSession();\n    return doc;\n  } catch (err) {\n    ${abort};\n    session.endSession();\n    throw err;\n  }\n}`;

/** The suggestion on `sessionEndedInCatch(abort)`: the body in a `try` whose `finally` ends the session. */
const sessionEndedInFinally = (abort: string): string =>
  `import mongoose from "mongoose";\nexport async function advance(Onboarding: mongoose.Model<object>, id: string) {\n  const session = await mongoose.startSession();\n  try {\n    try {\n      session.startTransaction();\n      const doc = await Onboarding.findById(id).session(session);\n      await session.commitTransaction();\n      return doc;\n    } catch (err) {\n      ${abort};\n      throw err;\n    }\n  } finally {\n    await session.endSession();\n  }\n}`;

const guardedWithHelper = (before: string, inside: string): string =>
  `${GENERIC}export async function work(data: unknown) {\n  const server = await pool.acquire();\n${before}  try {\n${inside}    return await server.call(shape(data));\n  } finally {\n    pool.release(server);\n  }\n  function shape(value: unknown) {\n    return value;\n  }\n}`;

// agent-saas server/src/runtime/pgSessionLock.ts: an advisory lock's connection, handed to the caller inside a handle whose release() gives it back.
const sessionLock = (handle: string): string =>
  `${PG}export async function tryAcquire(key: string) {\n  const client = await pool.connect();\n  let acquired = false;\n  try {\n    const result = await client.query("SELECT pg_try_advisory_lock($1) AS acquired", [key]);\n    acquired = result.rows[0]?.acquired === true;\n  } catch (err) {\n    client.release();\n    throw err;\n  }\n  if (!acquired) {\n    client.release();\n    return null;\n  }\n  return makeHandle(client, key);\n}\nfunction makeHandle(client: PoolClient, key: string) {\n  return {\n    async release() {\n      await client.query("SELECT pg_advisory_unlock($1)", [key]);\n${handle}\n    },\n  };\n}`;
// roberto0607/crypto-platform apps/api/src/coordination/leaderElection.ts: a leader's advisory lock, its connection kept in a module map until leadership ends.
const leaderLock = (declared: string, store: string): string =>
  `${PG}${declared}export async function tryAcquire(lockName: string) {\n  let client: PoolClient | undefined;\n  try {\n    client = await pool.connect();\n    const { rows } = await client.query("SELECT pg_try_advisory_lock(hashtext($1))", [lockName]);\n    if (rows[0]?.pg_try_advisory_lock) {\n      ${store};\n      return true;\n    }\n    client.release();\n    return false;\n  } catch (err) {\n    client?.release();\n    return false;\n  }\n}`;
// harryitc social-travel-trip backend/src/libs/persistent/postgresql/connection-pool.ts: a query stream whose `end` handler gives the client back.
const queryStream = (handler: string): string =>
  `${PG}import QueryStream from "pg-query-stream";\nexport async function stream(query: string, params: unknown[]) {\n  const client = await pool.connect();\n  try {\n    const stream = client.query(new QueryStream(query, params));\n    stream.on("end", () => {\n      ${handler};\n    });\n    return stream;\n  } catch (error) {\n    client.release();\n    throw error;\n  }\n}`;
/** The suggestion on `queryStream(handler)`: the body in a `try` whose `finally` gives the client back. */
const queryStreamInFinally = (handler: string): string =>
  `${PG}import QueryStream from "pg-query-stream";\nexport async function stream(query: string, params: unknown[]) {\n  const client = await pool.connect();\n  try {\n    try {\n      const stream = client.query(new QueryStream(query, params));\n      stream.on("end", () => {\n        ${handler};\n      });\n      return stream;\n    } catch (error) {\n      throw error;\n    }\n  } finally {\n    client.release();\n  }\n}`;
// BigFootLime erp-crp-backend src/module/integrations/webhooks/webhook.repository.ts: a client destroyed when ROLLBACK fails, released in `finally` otherwise.
const guardedRelease = (destroy: string): string =>
  `${PG}export async function transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {\n  const client = await pool.connect();\n  let destroyed = false;\n  try {\n    await client.query("BEGIN");\n    const result = await work(client);\n    await client.query("COMMIT");\n    return result;\n  } catch (error) {\n    try {\n      await client.query("ROLLBACK");\n    } catch {\n${destroy}\n      throw error;\n    }\n    throw error;\n  } finally {\n    if (!destroyed) client.release();\n  }\n}`;
// EBSbanking EVOLUTION-BANKING-BACKEND src/controllers/StandingOrderController.js: a catch that rolls back unless the commit went through.
const committedFlag = (early: string): string =>
  `${SEQUELIZE}export async function approve(ids: string[]) {\n  const transaction = await sequelize.transaction();\n  let committed = false;\n  try {\n${early}    await Order.update({ status: "APPROVED" }, { where: { id: ids }, transaction });\n    await transaction.commit();\n    committed = true;\n    return ids.length;\n  } catch (error) {\n    if (!committed) await transaction.rollback();\n    throw error;\n  }\n}`;
/** The suggestion on `sessionLock(handle)`: the whole body in `try`, the connection given back in `finally`. */
const sessionLockInFinally = (handle: string): string =>
  `${PG}export async function tryAcquire(key: string) {\n  const client = await pool.connect();\n  try {\n    let acquired = false;\n    try {\n      const result = await client.query("SELECT pg_try_advisory_lock($1) AS acquired", [key]);\n      acquired = result.rows[0]?.acquired === true;\n    } catch (err) {\n      throw err;\n    }\n    if (!acquired) {\n      return null;\n    }\n    return makeHandle(client, key);\n  } finally {\n    client.release();\n  }\n}\nfunction makeHandle(client: PoolClient, key: string) {\n  return {\n    async release() {\n      await client.query("SELECT pg_advisory_unlock($1)", [key]);\n${handle}\n    },\n  };\n}`;

runRuleTests("no-leaked-connection", rule, {
  valid: [
    // agent-saas's session lock: a local function given the connection releases it, in the handle it returns.
    sessionLock("      client.release();"),
    queryStream("client.release()"),
    guardedRelease("      destroyed = true;\n      client.release(true);"),
    committedFlag(""),
    leaderLock("const heldLocks = new Map<string, PoolClient>();\n", "heldLocks.set(lockName, client)"),
    // The same, kept in a list declared outside the function.
    leaderLock("const held: PoolClient[] = [];\n", "held.push(client)"),
    // The same in a class, kept in a map of the object.
    `${PG}export class Leader {\n  held = new Map<string, PoolClient>();\n  async tryAcquire(lockName: string) {\n    const client = await pool.connect();\n    const { rows } = await client.query("SELECT pg_try_advisory_lock(hashtext($1))", [lockName]);\n    if (rows[0]?.pg_try_advisory_lock) {\n      this.held.set(lockName, client);\n      return true;\n    }\n    client.release();\n    return false;\n  }\n}`,
    // Labelled jumps out of the inner loop pass through the finally (tests/zoo/labels.js).
    labelledContinue("retry"),
    labelledContinue("jobs"),
    // Flowise's PostgresSaver: a DataSource per call, destroyed in `finally`, closes the runner it lent with it.
    flowiseSaver(" finally {\n      await dataSource.destroy();\n    }"),
    // Flowise's PostgresRecordManager: a TypeORM runner connects at its first use, so a throw before it holds nothing.
    flowiseRecordManager(""),
    // daily-api src/graphorm/graphorm.ts: testing the runner and handing it to `setQueryRunner` do not connect it; the builder's query in the `try` does.
    replicaBuilder('  let runner = null;\n  if (replica) runner = ds.createQueryRunner("slave");', "if (runner) builder.setQueryRunner(runner);", "  builder.comment(`action='${name}'`);\n", "if (runner) await runner.release();"),
    // The same runner always checked out and handed over before the `try`.
    replicaBuilder('  const runner = ds.createQueryRunner("slave");', "builder.setQueryRunner(runner);", "  builder.comment(`action='${name}'`);\n", "await runner.release();"),
    // typeorm cache/DbQueryResultCache.js storeInCache: a runner is created only when the caller passed none, and released only then.
    `${TYPEORM}export async function store(value: string, queryRunner?: QueryRunner) {
  const owned = queryRunner === undefined;
  if (owned) queryRunner = ds.createQueryRunner("master");
  try {
    await queryRunner!.query("INSERT INTO cache VALUES ($1)", [value]);
  } finally {
    if (owned) await queryRunner!.release();
  }
}`,
    // The same ownership flag on a local: released under the very condition it was checked out under.
    `${TYPEORM}export async function store(value: string, replica: boolean) {
  let runner: QueryRunner | undefined;
  if (!replica) runner = ds.createQueryRunner("master");
  try {
    await (runner ?? ds.manager).query("INSERT INTO cache VALUES ($1)", [value]);
  } finally {
    if (!replica) await runner!.release();
  }
}`,
    // An empty file.
    "",
    // The fixed get_user_data: released in `finally`.
    `${PG}export async function getUser(id: string) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [id]);
    return rows[0];
  } finally {
    client.release();
  }
}`,
    {
      code: `${PG_JS}async function getUser(id) {
  const client = await pool.connect();
  try {
    return (await client.query("SELECT * FROM users WHERE id = $1", [id])).rows[0];
  } finally {
    client.release();
  }
}`,
      filename: "file.js",
    },
    // The node-postgres transaction pattern: BEGIN/COMMIT in try, ROLLBACK in catch, release in finally.
    `${PG}export async function transfer(from: number, to: number) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE accounts SET balance = balance - 1 WHERE id = $1", [from]);
    await client.query("UPDATE accounts SET balance = balance + 1 WHERE id = $1", [to]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}`,
    // Released at the end of try and in a catch that rethrows: every path gives it back.
    {
      code: `${PG_JS}async function count() {
  const client = await pool.connect();
  try {
    const result = await client.query("SELECT count(*) FROM users");
    client.release();
    return result.rows[0].count;
  } catch (error) {
    client.release(true);
    throw error;
  }
}`,
      filename: "file.js",
    },
    // Checked out inside the try; the finally guards on the variable itself.
    `${PG}export async function find(id: string) {
  let client;
  try {
    client = await pool.connect();
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } finally {
    if (client) client.release();
  }
}`,
    {
      code: `${PG_JS}async function find(id) {
  let client;
  try {
    client = await pool.connect();
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } finally {
    client?.release();
  }
}`,
      filename: "file.js",
    },
    // The finally of an enclosing try releases it.
    `${PG}export async function find(id: string) {
  const client = await pool.connect();
  try {
    try {
      return await client.query("SELECT * FROM users WHERE id = $1", [id]);
    } catch (error) {
      console.error(error);
      throw error;
    }
  } finally {
    client.release();
  }
}`,
    // A checkout in a loop, released in finally, with continue and break inside the try.
    `${PG}export async function each(ids: number[]) {
  for (const id of ids) {
    const client = await pool.connect();
    try {
      if (id < 0) continue;
      if (id === 0) break;
      await client.query("SELECT $1", [id]);
    } finally {
      client.release();
    }
  }
}`,
    // An early return before the checkout.
    `${PG}export async function find(id?: string) {
  if (!id) return null;
  const client = await pool.connect();
  try {
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } finally {
    client.release();
  }
}`,
    // A throw when there is no connection: nothing to give back on that path.
    `${MYSQL}export async function find(id: number) {
  const conn = await pool.getConnection();
  if (!conn) throw new Error("no connection");
  try {
    return await conn.query("SELECT * FROM songs WHERE id = ?", [id]);
  } finally {
    conn.release();
  }
}`,
    // mysql2: destroy() in catch, release() at the end of try.
    `${MYSQL}export async function find(id: number) {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.query("SELECT * FROM songs WHERE id = ?", [id]);
    conn.release();
    return rows;
  } catch (error) {
    conn.destroy();
    throw error;
  }
}`,
    // await using: disposed on every path.
    `${PG}export async function find(id: string) {
  await using client = await pool.connect();
  return client.query("SELECT * FROM users WHERE id = $1", [id]);
}`,
    // A Symbol.asyncDispose wrapper releases it.
    `${PG}export async function find(id: string) {
  const client = await pool.connect();
  await using _lease = { [Symbol.asyncDispose]: async () => client.release() };
  return client.query("SELECT * FROM users WHERE id = $1", [id]);
}`,
    // .finally(() => client.release()) on the query promise.
    `${PG}export async function find(id: string) {
  const client = await pool.connect();
  return client.query("SELECT * FROM users WHERE id = $1", [id]).finally(() => client.release());
}`,
    // The release method handed to .finally().
    {
      code: `${PG_JS}async function find(id) {
  const client = await pool.connect();
  return client.query("SELECT * FROM users WHERE id = $1", [id]).finally(client.release);
}`,
      filename: "file.js",
    },
    // Returned to the caller, who releases it.
    `${PG}export async function getClient() {
  const client = await pool.connect();
  await client.query("SET search_path TO app");
  return client;
}`,
    // Stored on this: the instance owns it.
    `${PG}export class Session {
  client: unknown;
  async open() {
    this.client = await pool.connect();
  }
}`,
    // Stored in an outer variable.
    {
      code: `${PG_JS}let shared;
async function open() {
  shared = await pool.connect();
  await shared.query("LISTEN jobs");
}`,
      filename: "file.js",
    },
    // Handed to a function that takes ownership, and never released here.
    `${PG}export async function begin(registry: { adopt(client: unknown): void }) {
  const client = await pool.connect();
  await client.query("BEGIN");
  registry.adopt(client);
}`,
    // Express middleware: released when the response finishes.
    {
      code: `${PG_JS}async function withDb(req, res, next) {
  const client = await pool.connect();
  res.on("finish", () => client.release());
  req.db = client;
  next();
}`,
      filename: "file.js",
    },
    // pool.query checks out and releases by itself.
    `${PG}export async function find(id: string) {
  const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [id]);
  return rows[0];
}`,
    // The promise of a client, returned.
    `${PG}export function getClient() {
  return pool.connect();
}`,
    // The callback form manages the client itself.
    {
      code: `${PG_JS}function find(id, callback) {
  pool.connect((err, client, done) => {
    if (err) return callback(err);
    client.query("SELECT * FROM users WHERE id = $1", [id], (error, result) => {
      done();
      callback(error, result);
    });
  });
}`,
      filename: "file.js",
    },
    // connect() on a message broker, a websocket, a pg Client: not pools.
    {
      code: `const amqp = require("amqplib");
async function publish(message) {
  const connection = await amqp.connect("amqp://localhost");
  const channel = await connection.createChannel();
  channel.sendToQueue("jobs", Buffer.from(message));
}`,
      filename: "file.js",
    },
    `export async function listen(socket: { connect(): Promise<{ send(data: string): void }> }) {
  const session = await socket.connect();
  session.send("hello");
}`,
    `import { Client } from "pg";
export async function once() {
  const client = new Client();
  await client.connect();
  try {
    return await client.query("SELECT 1");
  } finally {
    await client.end();
  }
}`,
    // A method called getConnection on something that is not named or typed as a pool.
    {
      code: `async function f(registry) {
  const connection = await registry.getConnection("primary");
  return connection.query("SELECT 1");
}`,
      filename: "file.js",
    },
    // An untyped pool whose release method is not in sight (oracledb closes connections): not judged.
    {
      code: `async function f(pool) {
  const connection = await pool.getConnection();
  try {
    return await connection.execute("SELECT 1 FROM dual");
  } finally {
    await connection.close();
  }
}`,
      filename: "file.js",
    },
    // Module level: a script's lifetime, not a request's.
    `${PG}const client = await pool.connect();
await client.query("SELECT 1");`,
    // knex: the callback form commits or rolls back by itself.
    `${KNEX}export async function transfer(id: number) {
  await db.transaction(async (trx) => {
    await trx("accounts").where({ id }).decrement("balance", 1);
  });
}`,
    // knex: commit at the end of try, rollback in catch.
    `${KNEX}export async function transfer(id: number) {
  const trx = await db.transaction();
  try {
    await trx("accounts").where({ id }).decrement("balance", 1);
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}`,
    // Sequelize: an unmanaged transaction, committed or rolled back.
    {
      code: `${SEQUELIZE}async function create(User, data) {
  const t = await sequelize.transaction();
  try {
    const user = await User.create(data, { transaction: t });
    await t.commit();
    return user;
  } catch (error) {
    await t.rollback();
    throw error;
  }
}`,
      filename: "file.js",
    },
    // TypeORM's documented query runner pattern: connect and startTransaction before the try.
    `import { DataSource } from "typeorm";
export class Users {
  constructor(private dataSource: DataSource) {}
  async create(user: object) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.save(user);
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
    } finally {
      await queryRunner.release();
    }
  }
}`,
    // restaurant-sys server/modules/system-setup/onboarding-engine.service.js: the abort's rejection is swallowed, so the catch always ends the session.
    sessionEndedInCatch("await session.abortTransaction().catch(() => {})"),
    sessionEndedInCatch("await session.abortTransaction().catch((error) => logger.warn(error))"),
    // Mongoose's documented session pattern.
    `import mongoose from "mongoose";
export async function move() {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}`,
    // The MongoDB driver: startSession is synchronous.
    {
      code: `const { MongoClient } = require("mongodb");
const mongo = new MongoClient("mongodb://localhost");
async function run(work) {
  const session = mongo.startSession();
  try {
    await work(session);
  } finally {
    await session.endSession();
  }
}`,
      filename: "file.js",
    },
    // growthbook services/stats.ts: a metrics call between the acquire and the try does not fail in practice.
    `${GENERIC}export async function work(data: unknown) {
  const started = Date.now();
  const server = await pool.acquire();
  metrics.getHistogram("stats_pool_acquire_ms").record(Date.now() - started);
  try {
    return await server.call(data);
  } finally {
    pool.release(server);
  }
}`,
    // beekeeper-studio's firebird client: `transaction()` without a callback opens one, the set-up step before the try.
    firebirdChanges(""),
    // beekeeper-studio's test connection: scheduling a timer runs none of its callback, so nothing between can throw.
    poolProbe(SCHEDULE_REFRESH),
    // generic-pool: given back to the pool in finally.
    `${GENERIC}export async function work() {
  const resource = await pool.acquire();
  try {
    await resource.run();
  } finally {
    await pool.release(resource);
  }
}`,
    // An in-house pair from settings, checked in in finally.
    {
      code: `async function work(leases) {
  const lease = await leases.checkout();
  try {
    await lease.run();
  } finally {
    lease.checkin();
  }
}`,
      filename: "file.js",
      settings: IN_HOUSE,
    },
    // evershop (packages/evershop/src/modules/catalog/services/recommendation/recomputeStats.ts):
    // application helpers commit(connection)/rollback(connection) give the client back.
    {
      code: `${PG_JS}async function recompute() {
  const connection = await pool.connect();
  try {
    await startTransaction(connection);
    await connection.query("DELETE FROM product_stat");
    await commit(connection);
  } catch (e) {
    try {
      await rollback(connection);
    } catch (rollbackError) {
      connection.release(rollbackError);
    }
    throw e;
  }
}`,
      filename: "file.js",
    },
    // evershop (packages/evershop/src/lib/theme/install.ts): the transaction is opened before the try.
    `${PG}export async function install(themeId: string) {
  const conn = await pool.connect();
  await startTransaction(conn);
  try {
    await conn.query("DELETE FROM widget_instance WHERE theme = $1", [themeId]);
    await commit(conn);
  } catch (e) {
    await rollback(conn);
    throw e;
  }
}
declare function startTransaction(client: unknown): Promise<void>;
declare function commit(client: unknown): Promise<void>;
declare function rollback(client: unknown): Promise<void>;`,
    // BEGIN and beginTransaction() before the try, as documented patterns do.
    `${PG}export async function move(id: number) {
  const client = await pool.connect();
  await client.query("BEGIN");
  try {
    await client.query("UPDATE items SET moved = true WHERE id = $1", [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}`,
    `${MYSQL}export async function move(id: number) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  try {
    await conn.query("UPDATE items SET moved = 1 WHERE id = ?", [id]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}`,
    // evershop (packages/evershop/src/modules/stripe/api/stripeWebHook/[bodyJson]webhook.ts): a logging call in catch before the release.
    {
      code: `${PG_JS}async function webhook(request, response) {
  const connection = await pool.connect();
  try {
    await connection.query("UPDATE payments SET status = 'paid'");
    connection.release();
    response.json({ received: true });
  } catch (err) {
    error(err);
    connection.release();
    response.status(400).send("Webhook Error");
  }
}`,
      filename: "file.js",
    },
    // vendure (packages/core/src/connection/transaction-wrapper.ts): the runner may be the caller's;
    // the finally releases it after checking its own state.
    `import { DataSource, QueryRunner } from "typeorm";
export async function run(dataSource: DataSource, existing: QueryRunner | undefined) {
  let queryRunner = existing;
  if (!queryRunner || queryRunner.isReleased) {
    queryRunner = dataSource.createQueryRunner();
  }
  try {
    await queryRunner.query("SELECT 1");
  } finally {
    if (!queryRunner.isTransactionActive && queryRunner.isReleased === false) {
      await queryRunner.release();
    }
  }
}`,
    // vendure (packages/core/src/service/services/collection.service.ts): `.connection` is the
    // DataSource; a query runner connects only on first use.
    `import { DataSource } from "typeorm";
export async function run(dataSource: DataSource) {
  const source = dataSource.createQueryRunner("master").connection;
  return source.query("SELECT 1");
}`,
    // A handler that receives the transaction commits it; the wrapper rolls back on errors.
    {
      code: `const sequelize = require("../config/sequelize");
function withTransaction(handler) {
  return async (req, res) => {
    const transaction = await sequelize.transaction();
    try {
      await handler(req, res, transaction);
    } catch (err) {
      await transaction.rollback();
    }
  };
}`,
      filename: "file.js",
    },
    // evershop (packages/evershop/src/modules/tax/api/deleteTaxRate/deleteTaxRate.ts) with its in-house
    // getConnection() declared in settings: every path commits or rolls back through the helpers.
    {
      code: `async function deleteTaxRate(request, response) {
  const connection = await getConnection();
  await startTransaction(connection);
  try {
    const row = await select(connection, request.params.id);
    if (!row) {
      await rollback(connection);
      response.status(400);
      return;
    }
    await commit(connection);
  } catch (e) {
    await rollback(connection);
    throw e;
  }
}`,
      filename: "file.js",
      settings: GET_CONNECTION,
    },
    // uptime-kuma `server/monitor-types/mssql.js`: mssql's `pool.connect()` opens the pool itself, closed in finally.
    {
      code: `const mssql = require("mssql");
async function run(connectionString, query) {
  let pool;
  try {
    pool = new mssql.ConnectionPool(connectionString);
    await pool.connect();
    return await pool.request().query(query);
  } finally {
    if (pool) await pool.close();
  }
}`,
      filename: "file.js",
    },
    `import sql from "mssql";
const pool = new sql.ConnectionPool({ server: "db" });
export async function start() {
  await pool.connect();
}`,
    // Clinic-app's scripts/test-database-optimization.js: a step of the table `main()` runs, once each, whether listed in an object, destructured, or called on its entry.
    { code: stepTable('const tests = [{ name: "Database Connection", test: testConnection }];', "const { name, test } of tests"), filename: "file.js" },
    { code: stepTable("const tests = [testConnection];", "const test of tests"), filename: "file.js" },
    { code: stepTable('const tests = [{ name: "Database Connection", test: testConnection }];', "const entry of tests", "console.log(entry.name);\n    await entry.test();"), filename: "file.js" },
    // gitpod's migrate-migrations.ts: a script's `main()` runs once per process and cannot drain the pool.
    migrationScript(""),
    // An exported function may be called elsewhere, but one with no parameters named `migrate…` is a data migration, run once.
    migrationScript("export "),
    // graphile's pg adaptor: a handler on the promise of the client's own query throws nothing.
    withPgClient('client.query("SET jit_optimize_above_cost = -1").catch((e) => console.error(e));'),
    // powersync-service's MSSQLConnectionManager: mssql's pool, kept in a field by its annotation or by the constructor's `new`.
    poolManager('import sql from "mssql";\n', "sql.ConnectionPool", "new sql.ConnectionPool(config)"),
    poolManager('import sql from "mssql";\n', "sql.ConnectionPool", "createPool(config)"),
    poolManager('import sql from "mssql";\n', "Pool", "new sql.ConnectionPool(config)"),
    // typeorm src/commands/QueryCommand.ts: a logging call before the release in the catch does not fail.
    releasedInCatchAfter("PlatformTools.logCmdErr"),
    releasedInCatchAfter("logError"),
    // DEFRA pafs-backend-api src/plugins/database/postgres.js: a logger kept on an object (a hapi server's, Fastify's request logger) does not fail either.
    releasedInCatchAfter("server.logger.error"),
    releasedInCatchAfter("request.log.warn"),
    // PostHog's plugin server (db.ts): `timeoutGuard(…)` returns a timer the finally clears; making one does not fail.
    timerBeforeTry("timeoutGuard", "clearTimeout"),
    timerBeforeTry("startWatchdog", "clearInterval"),
    // OneUptime Probe/Utils/Monitors/MonitorTypes/SqlMonitor.ts: a variable declared as mssql's pool, whose `connect()` opens the pool.
    sqlMonitor(": mssql.ConnectionPool"),
    // OneUptime Common/Server/Utils/DataSource/Connectors/SqlServerConnector.ts: the file's interface says `connect()` returns nothing.
    poolSeam("Promise<void>"),
    poolSeam("void"),
    // Valid neighbour (deligo's payouts): the id made inside the `try`, or a value read before it, leaves nothing uncovered.
    payoutFinalize("", "    const processedBy = new mongoose.Types.ObjectId(user._id);\n"),
    payoutFinalize("  const processedBy = user._id;\n"),
    // TicketToken's blockchain-service: a connection test of the pool the call just made leaks one of its connections, once.
    poolTest("  pool = new Pool(config);"),
    poolTest("  pool = new Pool(config);", "  pool.on(\"error\", (err) => console.error(err));\n"),
    poolTest("  const pool = new Pool(config);"),
    // TicketToken's compliance-service: the same test of a pool the instance keeps.
    'import { Pool } from "pg";\nexport class DatabaseService {\n  private pool?: Pool;\n  async connect(config: object) {\n    try {\n      this.pool = new Pool(config);\n      const client = await this.pool.connect();\n      await client.query("SELECT NOW()");\n      client.release();\n    } catch (error) {\n      console.error("Database connection failed", error);\n      throw error;\n    }\n  }\n}',
    // verifywise Servers/controllers/eu.ctrl.ts: converting and testing a value before the try cannot fail.
    parsedBeforeTry("parseInt(Array.isArray(req.params.id) ? req.params.id[0] : req.params.id)"),
    parsedBeforeTry("Number(req.params.id)"),
    parsedBeforeTry("_.isArray(req.params.ids) ? req.params.ids : [req.params.id]"),
    // anidr2am-cell t-taxi-platform backend/src/services/adminDispatch.service.js: the current time, formatted, before the try.
    parsedBeforeTry("new Date().toISOString()"),
    // yonaka0406 rht-hotel api/controllers/reservationsController.js: a date made from a value, invalid or not, throws nothing until it is formatted.
    parsedBeforeTry("new Date(req.params.at)"),
  ],
  invalid: [
    // Valid neighbours (Clinic-app's step table): a table that may change, is used elsewhere, or whose loop hands the step on does not run it once.
    stepTableLeak('let tests = [{ name: "Database Connection", test: testConnection }];', "const { name, test } of tests", "await test();"),
    stepTableLeak("const tests = [testConnection];", "const test of tests", 'app.get("/health", test);'),
    stepTableLeak("const tests = [testConnection];", "const test of tests", "await test();\n    tests.push(test);"),
    stepTableLeak('const tests = [{ name: "Database Connection", test: testConnection }];', "const entry of tests", "await entry.test();\n    register(entry.test);"),
    stepTableLeak('const tests = [{ name: "Database Connection", test: testConnection }];', "const entry of tests", "await entry.test();\n    register(entry);"),
    // The table looped over by a function `main()` only schedules: it runs on every tick.
    stepTableLeak("const tests = [testConnection];\n  setInterval(async () => {\n    for (const test of tests) await test();\n  }, 60_000);", "const name of []", "console.log(name);"),
    // Valid neighbours (agent-saas's session lock): a handle that never gives the connection back, or gives back another one, takes no ownership.
    // Valid neighbour (committedFlag): an early return in the `try` still leaves the transaction open.
    { code: committedFlag("    if (ids.length === 0) return 0;\n"), errors: [error("earlyExit", 4, 29, [], { exit: "return", line: "7", name: "transaction", acquire: "sequelize.transaction()", release: "`transaction.commit()` or `transaction.rollback()`", what: "transaction", fix: "Give it back on every path, including throws: `transaction.commit()` or `transaction.rollback()` at the end of the `try` and in its `catch`" })] },
    // Valid neighbour (guardedRelease): the flag set where nothing gives the client back.
    { code: guardedRelease("      destroyed = true;"), errors: [error("releasedConditionally", 4, 24, [], { name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" })] },
    // A flag that starts set: the `finally` gives back nothing unless the ROLLBACK fails.
    { code: guardedRelease("      destroyed = true;\n      client.release(true);").replace("let destroyed = false", "let destroyed = true"), errors: [error("releasedConditionally", 4, 24)] },
    // Valid neighbours (queryStream): a callback that gives back nothing, or another client.
    { code: queryStream("log(query)"), errors: [error("releasedOnlyInCatch", 5, 24, [queryStreamInFinally("log(query)")], { name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" })] },
    { code: queryStream("spare.release()"), errors: [error("releasedOnlyInCatch", 5, 24, [queryStreamInFinally("spare.release()")])] },
    // Wayone-IT-Solution dtvrl-backend-node src/configs/socket.config.js: a transaction put in a cls-hooked namespace (no collection of the module) and left open by an early return.
    {
      code: `${SEQUELIZE}import { createNamespace } from "cls-hooked";\nconst session = createNamespace("app");\nconst rooms = new Map<string, string>();\nexport async function onMessage(payload: { text?: string }) {\n  const transaction = await sequelize.transaction();\n  session.set("transaction", transaction);\n  if (!payload.text) return;\n  try {\n    await Message.create({ text: payload.text }, { transaction });\n    await transaction.commit();\n  } catch (error) {\n    await transaction.rollback();\n  }\n}`,
      errors: [
        error("earlyExit", 7, 29, [], {
          exit: "return",
          line: "9",
          name: "transaction",
          acquire: "sequelize.transaction()",
          release: "`transaction.commit()` or `transaction.rollback()`",
          what: "transaction",
          fix: "Give it back on every path, including throws: `transaction.commit()` or `transaction.rollback()` at the end of the `try` and in its `catch`",
        }),
      ],
    },
    // The same class shape, where `this.held` is an object given to the constructor and the Map of that name belongs to another class.
    {
      code: `${PG}export class Registry {\n  held = new Map<string, PoolClient>();\n}\nexport class Leader {\n  constructor(private held: { set(key: string, value: PoolClient): void }) {}\n  async tryAcquire(lockName: string) {\n    const client = await pool.connect();\n    const { rows } = await client.query("SELECT pg_try_advisory_lock(hashtext($1))", [lockName]);\n    if (rows[0]?.pg_try_advisory_lock) {\n      this.held.set(lockName, client);\n      return true;\n    }\n    client.release();\n    return false;\n  }\n}`,
      errors: [
        error("earlyExit", 9, 26, [
          `${PG}export class Registry {\n  held = new Map<string, PoolClient>();\n}\nexport class Leader {\n  constructor(private held: { set(key: string, value: PoolClient): void }) {}\n  async tryAcquire(lockName: string) {\n    const client = await pool.connect();\n    try {\n      const { rows } = await client.query("SELECT pg_try_advisory_lock(hashtext($1))", [lockName]);\n      if (rows[0]?.pg_try_advisory_lock) {\n        this.held.set(lockName, client);\n        return true;\n      }\n      return false;\n    } finally {\n      client.release();\n    }\n  }\n}`,
        ]),
      ],
    },
    // Valid neighbours (leaderLock): a map of the function's own dies with the call, and a read of the module map keeps nothing.
    { code: leaderLock("", "const heldLocks = new Map<string, PoolClient>();\n      heldLocks.set(lockName, client)"), errors: [error("earlyExit", 6, 20, [], { exit: "return", line: "11", name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" })] },
    { code: leaderLock("const heldLocks = new Map<string, PoolClient>();\n", "heldLocks.get(lockName, client)"), errors: [error("earlyExit", 7, 20)] },
    { code: sessionLock("      log(client);"), errors: [error("releasedConditionally", 4, 24, [sessionLockInFinally("      log(client);")])] },
    { code: sessionLock("      spare.release();"), errors: [error("releasedConditionally", 4, 24, [sessionLockInFinally("      spare.release();")])] },
    // Valid neighbours (typeorm's query command): a call that is not logging before the release in the catch, or one that signs a user out; the message names it.
    {
      code: releasedInCatchAfter("PlatformTools.notify"),
      errors: [
        error("skippedInCatch", 6, 19, [], {
          exit: "PlatformTools.notify()",
          line: "11",
          name: "queryRunner",
          acquire: "ds.createQueryRunner()",
          release: "`queryRunner.release()`",
          what: "connection",
          fix: "Call `queryRunner.release()` in a `finally` block",
        }),
      ],
    },
    { code: releasedInCatchAfter("session.logOut"), errors: [error("skippedInCatch", 6, 19)] },
    // smithciaran833 TicketToken-Platform-Backend backend/services/queue-service/src/services/rate-limiter.service.ts: the ROLLBACK that throws before the
    // release in the catch leaks the connection; the outer catch swallows it, and the `throw` after the loop (where `client` is out of scope) is no cause.
    { code: retriedLimiter("const client = await pool.connect();\n      try {"), errors: [error("skippedInCatch", 6, 28, [RETRIED_LIMITER_FIXED], { ...RETRIED_LIMITER, exit: "client.query()", line: "14" })] },
    // Valid neighbour (TicketToken's rate limiter): a `return` where the variable is in scope is the exit named, whatever its `catch` does.
    {
      code: `${PG}export async function acquire(service: string) {\n  const client = await pool.connect();\n  try {\n    await client.query("BEGIN");\n    if (!service) return;\n    client.release();\n  } catch (error) {\n    await client.query("ROLLBACK");\n    client.release();\n    throw error;\n  }\n}`,
      errors: [
        error(
          "earlyExit",
          4,
          24,
          [`${PG}export async function acquire(service: string) {\n  const client = await pool.connect();\n  try {\n    try {\n      await client.query("BEGIN");\n      if (!service) return;\n    } catch (error) {\n      await client.query("ROLLBACK");\n      throw error;\n    }\n  } finally {\n    client.release();\n  }\n}`],
          { ...RETRIED_LIMITER, exit: "return", line: "7" },
        ),
      ],
    },
    // Valid neighbour (TicketToken's rate limiter): a variable declared before the loop is held at the `throw` after it.
    { code: `${retriedLimiter("client = await pool.connect();\n      try {").replace("{\n  for", "{\n  let client;\n  for")}`, errors: [error("earlyExit", 7, 22, [], { ...RETRIED_LIMITER, exit: "throw", line: "23" })] },
    // Valid neighbour: a release after the `try`, not in its `catch`, is skipped by any throw before it.
    {
      code: `${TYPEORM}export async function run(query: string) {\n  const queryRunner = ds.createQueryRunner();\n  try {\n    await queryRunner.query(query);\n  } catch (err) {\n    PlatformTools.notify(err);\n  }\n  await queryRunner.release();\n}`,
      errors: [
        error("notInFinally", 4, 23, [
          `${TYPEORM}export async function run(query: string) {\n  const queryRunner = ds.createQueryRunner();\n  try {\n    try {\n      await queryRunner.query(query);\n    } catch (err) {\n      PlatformTools.notify(err);\n    }\n  } finally {\n    await queryRunner.release();\n  }\n}`,
        ]),
      ],
    },
    // Valid neighbour (DEFRA's start-up probe): a cache kept on the server may fail; a member picked by a variable may be anything.
    { code: releasedInCatchAfter("server.cache.drop"), errors: [error("skippedInCatch", 6, 19)] },
    { code: releasedInCatchAfter("server[log].error"), errors: [error("skippedInCatch", 6, 19)] },
    // Valid neighbours (OneUptime's SQL monitor and connector): a pool of unknown type in a file that imports pg, or an interface whose `connect()` returns a client.
    { code: sqlMonitor(""), errors: [error("unreferenced", 6, 11)] },
    { code: poolSeam("Promise<Client>"), errors: [error("unreferenced", 9, 11)] },
    // Valid neighbour (verifywise's controllers): an application's parser may throw before the try.
    { code: parsedBeforeTry("parseId(req.params.id)"), errors: [error("throwsBeforeTry", 4, 29)] },
    { code: parsedBeforeTry("Array.from(req.params.ids)"), errors: [error("throwsBeforeTry", 4, 29)] },
    // deligo's payouts: an id made from the user's before the `try` throws on a malformed one, and its `finally` does not run.
    {
      code: payoutFinalize("  const processedBy = new mongoose.Types.ObjectId(user._id);\n"),
      errors: [
        error("throwsBeforeTry", 3, 25, [payoutFinalize("", "    session.startTransaction();\n    const processedBy = new mongoose.Types.ObjectId(user._id);\n").replace("  session.startTransaction();\n  try {", "  try {")], {
          exit: "new mongoose.Types.ObjectId()",
          line: "5",
          name: "session",
          acquire: "mongoose.startSession()",
          release: "`session.endSession()`",
          what: "transaction",
          fix: "Call `session.endSession()` in a `finally` block",
        }),
      ],
    },
    // Valid neighbour (deligo's payouts): the query that throws is inside the `try`, before a release that is not in its `finally`.
    {
      code: 'import { Pool } from "pg";\nconst pool = new Pool();\nexport async function touch(id: string) {\n  const client = await pool.connect();\n  try {\n    await client.query("UPDATE t SET seen = now() WHERE id = $1", [id]);\n    client.release();\n  } finally {\n    console.log("touched", id);\n  }\n}',
      errors: [
        error("notInFinally", 4, 24, [
          'import { Pool } from "pg";\nconst pool = new Pool();\nexport async function touch(id: string) {\n  const client = await pool.connect();\n  try {\n    try {\n      await client.query("UPDATE t SET seen = now() WHERE id = $1", [id]);\n    } finally {\n      console.log("touched", id);\n    }\n  } finally {\n    client.release();\n  }\n}',
        ]),
      ],
    },
    // Valid neighbour (TicketToken's pool test): a pool made only on some paths, or the shared pool fetched, is a pool requests share.
    { code: poolTest("  if (!ready) pool = new Pool(config);"), errors: [error("earlyExit", 6, 26, [poolTestReleased("  if (!ready) pool = new Pool(config);", true)])] },
    { code: poolTest("  pool = getPool();"), errors: [error("earlyExit", 6, 26, [poolTestReleased("  pool = getPool();", true)])] },
    // Valid neighbour (TicketToken's pool test): a pool the call makes and drops keeps the connection open at the database, on every call.
    { code: poolTest("  const pool = new Pool(config);").replace("    return pool;\n", ""), errors: [error("earlyExit", 6, 26, [poolTestReleased("  const pool = new Pool(config);", false)])] },
    // Valid neighbour (TicketToken's pool test): a tested connection never given back holds one of the kept pool's for good.
    {
      code: 'import { Pool } from "pg";\nlet pool: Pool;\nexport async function initializePool(config: object) {\n  pool = new Pool(config);\n  const client = await pool.connect();\n  await client.query("SELECT NOW()");\n  return pool;\n}',
      errors: [
        error("neverReleased", 5, 24, [
          'import { Pool } from "pg";\nlet pool: Pool;\nexport async function initializePool(config: object) {\n  pool = new Pool(config);\n  const client = await pool.connect();\n  try {\n    await client.query("SELECT NOW()");\n    return pool;\n  } finally {\n    client.release();\n  }\n}',
        ]),
      ],
    },
    // Valid neighbour (TicketToken's pool test): a pool made before a loop that checks out once per turn.
    {
      code: 'import { Pool } from "pg";\nexport async function warm(config: object, ids: string[]) {\n  const pool = new Pool(config);\n  for (const id of ids) {\n    const client = await pool.connect();\n    await client.query("SELECT $1", [id]);\n    client.release();\n  }\n  return pool;\n}',
      errors: [
        error("notInFinally", 5, 26, [
          'import { Pool } from "pg";\nexport async function warm(config: object, ids: string[]) {\n  const pool = new Pool(config);\n  for (const id of ids) {\n    const client = await pool.connect();\n    try {\n      await client.query("SELECT $1", [id]);\n    } finally {\n      client.release();\n    }\n  }\n  return pool;\n}',
        ]),
      ],
    },
    // rht-hotel's reservation handler: the date formatted for a list before the `try`; the formatting runs, and throws, before the `push`.
    {
      code: parsedBeforeTry("dates.push(formatDate(req.params.at))"),
      errors: [
        error("throwsBeforeTry", 4, 29, [], {
          exit: "formatDate()",
          line: "5",
          name: "transaction",
          acquire: "sequelize.transaction()",
          release: "`transaction.commit()` or `transaction.rollback()`",
          what: "transaction",
          fix: "Give it back on every path, including throws: `transaction.commit()` or `transaction.rollback()` at the end of the `try` and in its `catch`",
        }),
      ],
    },
    // Valid neighbour (t-taxi-platform's dispatch): a date made from a value may be invalid, and formatting it throws.
    { code: parsedBeforeTry("new Date(req.params.at).toISOString()"), errors: [error("throwsBeforeTry", 4, 29)] },
    // Valid neighbour (PostHog's db.ts): a value the finally does not clear as a timer is the result of a call that may throw.
    {
      code: timerBeforeTry("timeoutGuard", "report"),
      errors: [error("throwsBeforeTry", 4, 24)],
    },
    // Valid neighbour (gitpod's migration script): exported, other modules may call it per request.
    // Valid neighbour (migrationScript): an exported main without a migration's name may be called elsewhere, per request.
    { code: migrationScript("export ", "main"), errors: [error("notInFinally", 4, 18)] },
    // Valid neighbour (graphile's pg adaptor): an application function may throw before it returns a promise.
    {
      code: withPgClient("setUp(client).catch((e) => console.error(e));"),
      errors: [
        error("throwsBeforeTry", 4, 26, [
          withPgClient("setUp(client).catch((e) => console.error(e));").replace(
            "    setUp(client).catch((e) => console.error(e));\n    try {\n",
            "    try {\n      setUp(client).catch((e) => console.error(e));\n",
          ),
        ]),
      ],
    },
    // Valid neighbour (powersync-service's MSSQLConnectionManager): pg's pool in the same field checks a client out.
    { code: poolManager('import { Pool } from "pg";\n', "Pool", "new Pool({ connectionString: config })"), errors: [error("unreferenced", 8, 11)] },
    { code: poolManager("", "Pool", "createPool(config)"), errors: [error("unreferenced", 7, 11)] },
    // Valid neighbour (beekeeper's firebird client): `transaction(callback)` runs work of its own, which may throw.
    // No suggestion: the release already sits in a `finally`, of a try that starts too late.
    { code: firebirdChanges("async () => {}"), errors: [error("throwsBeforeTry", 4, 30)] },
    // Valid neighbour (beekeeper's test connection): the refresh awaited in place may throw before the release.
    {
      code: poolProbe("    if (refreshMs > 0) await refresh();\n"),
      errors: [
        error("notInFinally", 5, 24, [
          poolProbe("").replace("    test.release();", "    try {\n      if (refreshMs > 0) await refresh();\n    } finally {\n      test.release();\n    }"),
        ]),
      ],
    },
    // The same saver without the `finally` that destroys the DataSource: the `throw` in `catch` leaves the runner checked out.
    {
      code: flowiseSaver(""),
      errors: [
        error(
          "earlyExit",
          7,
          27,
          [
            flowiseSaver("").replace(
              '      const rows = await queryRunner.manager.query("SELECT * FROM checkpoints WHERE id = $1", [id]);\n      await queryRunner.release();\n      return rows;',
              '      try {\n        const rows = await queryRunner.manager.query("SELECT * FROM checkpoints WHERE id = $1", [id]);\n        return rows;\n      } finally {\n        await queryRunner.release();\n      }',
            ),
          ],
          { exit: "throw", line: "12", name: "queryRunner", what: "connection", fix: "Call `queryRunner.release()` in a `finally` block" },
        ),
      ],
    },
    // Valid neighbour (daily-api's replica runner): once the builder keeps the runner, its query before the `try` connects it.
    {
      code: replicaBuilder('  const runner = ds.createQueryRunner("slave");', "builder.setQueryRunner(runner);", "  const total = await builder.getCount();\n", "await runner.release();"),
      errors: [
        error("throwsBeforeTry", 4, 18, [
          `${TYPEORM}export async function list(replica: boolean, name: string) {
  const runner = ds.createQueryRunner("slave");
  try {
    const builder = ds.createQueryBuilder().select("u.id").from("users", "u");
    builder.setQueryRunner(runner);
    const total = await builder.getCount();
    return await builder.getRawMany();
  } finally {
    await runner.release();
  }
}`,
        ]),
      ],
    },
    // Connected before the call that may throw: the runner holds a connection from there on.
    {
      code: flowiseRecordManager("    await queryRunner.connect();\n"),
      errors: [
        error("throwsBeforeTry", 4, 25, [
          `import { DataSource } from "typeorm";
export class RecordManager {
  async exists(dataSource: DataSource, keys: string[]) {
    const queryRunner = dataSource.createQueryRunner();
    try {
      await queryRunner.connect();
      const table = sanitizeTableName(this.tableName);
      return await queryRunner.manager.query(\`SELECT key FROM \${table} WHERE key = ANY($1)\`, [keys]);
    } finally {
      await queryRunner.release();
    }
  }
}`,
        ]),
      ],
    },
    // Workshop 000, get_user_data: released on the happy path only.
    {
      code: `${PG}export async function getUser(id: string) {
  const client = await pool.connect();
  const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [id]);
  client.release();
  return rows[0];
}`,
      errors: [
        error("notInFinally", 4, 24, [
          `${PG}export async function getUser(id: string) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [id]);
    return rows[0];
  } finally {
    client.release();
  }
}`,
        ], { name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" }),
      ],
    },
    {
      code: `${PG_JS}class UserService {
  constructor(pool) {
    this.pool = pool;
  }
  async getUserData(userId) {
    const client = await this.pool.connect();
    const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [userId]);
    client.release();
    return rows[0];
  }
}`,
      filename: "file.js",
      errors: [
        error("notInFinally", 8, 26, [
          `${PG_JS}class UserService {
  constructor(pool) {
    this.pool = pool;
  }
  async getUserData(userId) {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [userId]);
      return rows[0];
    } finally {
      client.release();
    }
  }
}`,
        ]),
      ],
    },
    // Never released.
    {
      code: `${PG}export async function getUser(id: string) {
  const client = await pool.connect();
  const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [id]);
  return rows[0];
}`,
      errors: [
        error("neverReleased", 4, 24, [
          `${PG}export async function getUser(id: string) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query("SELECT * FROM users WHERE id = $1", [id]);
    return rows[0];
  } finally {
    client.release();
  }
}`,
        ]),
      ],
    },
    // The song endpoints: the not-found path returns without releasing.
    {
      code: `${MYSQL}export async function getSong(id: number) {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.query("SELECT * FROM songs WHERE id = ?", [id]);
    if (!Array.isArray(rows) || rows.length === 0) {
      return null;
    }
    conn.release();
    return rows[0];
  } catch (error) {
    conn.release();
    throw error;
  }
}`,
      errors: [
        error("earlyExit", 4, 22, [
          `${MYSQL}export async function getSong(id: number) {
  const conn = await pool.getConnection();
  try {
    try {
      const [rows] = await conn.query("SELECT * FROM songs WHERE id = ?", [id]);
      if (!Array.isArray(rows) || rows.length === 0) {
        return null;
      }
      return rows[0];
    } catch (error) {
      throw error;
    }
  } finally {
    conn.release();
  }
}`,
        ], { exit: "return", line: "8", name: "conn", acquire: "pool.getConnection()", release: "`conn.release()` or `conn.destroy()`", what: "connection", fix: "Call `conn.release()` in a `finally` block" }),
      ],
    },
    // An early throw skips the release.
    {
      code: `${PG_JS}async function getOrder(id) {
  const client = await pool.connect();
  const { rows } = await client.query("SELECT * FROM orders WHERE id = $1", [id]);
  if (rows.length === 0) throw new Error("not found");
  client.release();
  return rows[0];
}`,
      filename: "file.js",
      errors: [
        error("earlyExit", 4, 24, [
          `${PG_JS}async function getOrder(id) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query("SELECT * FROM orders WHERE id = $1", [id]);
    if (rows.length === 0) throw new Error("not found");
    return rows[0];
  } finally {
    client.release();
  }
}`,
        ], { exit: "throw", line: "6", name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" }),
      ],
    },
    // Released only in catch: every successful call keeps its connection.
    {
      code: `${PG}export async function find(id: string) {
  const client = await pool.connect();
  try {
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } catch (error) {
    client.release();
    throw error;
  }
}`,
      errors: [
        error("releasedOnlyInCatch", 4, 24, [
          `${PG}export async function find(id: string) {
  const client = await pool.connect();
  try {
    try {
      return await client.query("SELECT * FROM users WHERE id = $1", [id]);
    } catch (error) {
      throw error;
    }
  } finally {
    client.release();
  }
}`,
        ]),
      ],
    },
    // Valid neighbour above with another condition on the release: held when the two differ.
    {
      code: `${TYPEORM}export async function store(value: string, replica: boolean, keep: boolean) {
  let runner: QueryRunner | undefined;
  if (!replica) runner = ds.createQueryRunner("master");
  try {
    await (runner ?? ds.manager).query("INSERT INTO cache VALUES ($1)", [value]);
  } finally {
    if (!keep) await runner!.release();
  }
}`,
      errors: [error("releasedConditionally", 5, 26)],
    },
    // `continue retry` skips the release at the end of the outer loop's body.
    {
      code: labelledSkip,
      errors: [
        error("releasedConditionally", 5, 26, [
          labelledSkip.replace(
            "    for (const job of jobs) {\n      if (job.skip) continue retry;\n    }\n    client.release();",
            "    try {\n      for (const job of jobs) {\n        if (job.skip) continue retry;\n      }\n    } finally {\n      client.release();\n    }",
          ),
        ]),
      ],
    },
    // Released conditionally in finally.
    {
      code: `${PG}export async function find(id: string, keep: boolean) {
  const client = await pool.connect();
  try {
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } finally {
    if (!keep) client.release();
  }
}`,
      errors: [error("releasedConditionally", 4, 24)],
    },
    // Released conditionally at the end.
    {
      code: `${PG_JS}async function find(id, done) {
  const client = await pool.connect();
  await client.query("SELECT * FROM users WHERE id = $1", [id]);
  if (done) {
    client.release();
  }
}`,
      filename: "file.js",
      errors: [
        error("releasedConditionally", 4, 24, [
          `${PG_JS}async function find(id, done) {
  const client = await pool.connect();
  try {
    await client.query("SELECT * FROM users WHERE id = $1", [id]);
    if (done) {
    }
  } finally {
    client.release();
  }
}`,
        ]),
      ],
    },
    // The release method is read, not called.
    {
      code: `${PG}export async function find(id: string) {
  const client = await pool.connect();
  try {
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } finally {
    client.release;
  }
}`,
      errors: [
        error("releaseNotCalled", 8, 5, [
          `${PG}export async function find(id: string) {
  const client = await pool.connect();
  try {
    return await client.query("SELECT * FROM users WHERE id = $1", [id]);
  } finally {
    client.release();
  }
}`,
        ], { name: "client", method: "release", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" }),
      ],
    },
    // A checkout in a loop: continue skips the release. The suggestion moves it into the try that gives the connection back.
    {
      code: `${PG}export async function each(ids: number[]) {
  for (const id of ids) {
    const client = await pool.connect();
    if (id < 0) continue;
    try {
      await client.query("SELECT $1", [id]);
    } finally {
      client.release();
    }
  }
}`,
      errors: [error("releasedConditionally", 5, 26, [
        `${PG}export async function each(ids: number[]) {
  for (const id of ids) {
    const client = await pool.connect();
    try {
      if (id < 0) continue;
      await client.query("SELECT $1", [id]);
    } finally {
      client.release();
    }
  }
}`,
      ])],
    },
    // A switch branch returns while it is held.
    {
      code: `${PG}export async function find(kind: string) {
  const client = await pool.connect();
  switch (kind) {
    case "a":
      client.release();
      return 1;
    default:
      return 2;
  }
}`,
      errors: [error("earlyExit", 4, 24, [], { exit: "return", line: "10", name: "client", acquire: "pool.connect()", release: "`client.release()`", what: "connection", fix: "Call `client.release()` in a `finally` block" })],
    },
    // A return in catch before release(err): no suggestion, removing release(err) would stop destroying the broken client.
    {
      code: `${PG}export async function find(id: string) {
  const client = await pool.connect();
  try {
    const result = await client.query("SELECT * FROM users WHERE id = $1", [id]);
    client.release();
    return result;
  } catch (error) {
    if (error instanceof TypeError) return null;
    client.release(error as Error);
    throw error;
  }
}`,
      errors: [error("earlyExit", 4, 24)],
    },
    // Handed to a helper, and released on the happy path only.
    {
      code: `${PG}export async function create(data: object) {
  const client = await pool.connect();
  await insertUser(client, data);
  client.release();
}
declare function insertUser(client: unknown, data: object): Promise<void>;`,
      errors: [
        error("notInFinally", 4, 24, [
          `${PG}export async function create(data: object) {
  const client = await pool.connect();
  try {
    await insertUser(client, data);
  } finally {
    client.release();
  }
}
declare function insertUser(client: unknown, data: object): Promise<void>;`,
        ]),
      ],
    },
    // A function declaration after the checkout would be moved into the try: no suggestion.
    {
      code: `${PG}export async function find(id: number) {
  const client = await pool.connect();
  const result = await client.query(sql(id));
  client.release();
  return result;
  function sql(value: number) {
    return "SELECT " + value;
  }
}`,
      errors: [error("notInFinally", 4, 24)],
    },
    // Multi-line template literals keep their text when the code moves into the try.
    {
      code: `${PG}export async function find(id: number) {
  const client = await pool.connect();
  const { rows } = await client.query(\`
SELECT *
FROM users
WHERE id = $1\`, [id]);

  console.log(rows); // log it
  client.release();
  return rows;
}`,
      errors: [
        error("notInFinally", 4, 24, [
          `${PG}export async function find(id: number) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query(\`
SELECT *
FROM users
WHERE id = $1\`, [id]);

    console.log(rows); // log it
    return rows;
  } finally {
    client.release();
  }
}`,
        ]),
      ],
    },
    // A query runner used inline keeps no reference: never released.
    {
      code: `import { DataSource } from "typeorm";
export class Reports {
  constructor(private dataSource: DataSource) {}
  async totals() {
    return this.dataSource.createQueryRunner().query("SELECT sum(total) FROM orders");
  }
}`,
      errors: [error("unreferenced", 5, 12, [], { acquire: "this.dataSource.createQueryRunner()", what: "connection", name: "it", release: "`it.release()`", fix: "Call `it.release()` in a `finally` block" })],
    },
    // A pool made from a package the knowledge base does not know is still a pool by its name.
    {
      code: `const { Pool } = require("@neondatabase/serverless");
async function warmUp() {
  let pool;
  pool = new Pool();
  await pool.connect();
}`,
      filename: "file.js",
      errors: [error("unreferenced", 5, 9)],
    },
    // A checked-out connection discarded.
    {
      code: `${PG_JS}async function warmUp() {
  await pool.connect();
}`,
      filename: "file.js",
      errors: [error("unreferenced", 4, 9)],
    },
    // TypeORM: released on the happy path only; release() returns a promise, awaited in finally.
    {
      code: `import { DataSource } from "typeorm";
export class Users {
  constructor(private dataSource: DataSource) {}
  async count() {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    const rows = await queryRunner.query("SELECT count(*) FROM users");
    await queryRunner.release();
    return rows;
  }
}`,
      errors: [
        error("notInFinally", 5, 25, [
          `import { DataSource } from "typeorm";
export class Users {
  constructor(private dataSource: DataSource) {}
  async count() {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      await queryRunner.connect();
      const rows = await queryRunner.query("SELECT count(*) FROM users");
      return rows;
    } finally {
      await queryRunner.release();
    }
  }
}`,
        ]),
      ],
    },
    // TypeORM untyped: createQueryRunner names the library.
    {
      code: `class Users {
  async count() {
    const runner = this.dataSource.createQueryRunner();
    const rows = await runner.query("SELECT count(*) FROM users");
    await runner.release();
    return rows;
  }
}`,
      filename: "file.js",
      errors: [
        error("notInFinally", 3, 20, [
          `class Users {
  async count() {
    const runner = this.dataSource.createQueryRunner();
    try {
      const rows = await runner.query("SELECT count(*) FROM users");
      return rows;
    } finally {
      await runner.release();
    }
  }
}`,
        ]),
      ],
    },
    // A pool imported from the application's own module: its name says it is a pool.
    {
      code: `const { pool } = require("./db");
async function find(id) {
  const client = await pool.connect();
  const result = await client.query("SELECT * FROM users WHERE id = $1", [id]);
  client.release();
  return result.rows;
}`,
      filename: "file.js",
      errors: [
        error("notInFinally", 3, 24, [
          `const { pool } = require("./db");
async function find(id) {
  const client = await pool.connect();
  try {
    const result = await client.query("SELECT * FROM users WHERE id = $1", [id]);
    return result.rows;
  } finally {
    client.release();
  }
}`,
        ]),
      ],
    },
    // knex: committed on the happy path only; no finally can choose commit or rollback.
    {
      code: `${KNEX}export async function transfer(id: number) {
  const trx = await db.transaction();
  await trx("accounts").where({ id }).decrement("balance", 1);
  await trx.commit();
}`,
      errors: [
        error("notInFinally", 4, 21, [], {
          name: "trx",
          acquire: "db.transaction()",
          release: "`trx.commit()` or `trx.rollback()`",
          what: "transaction",
          fix: "Give it back on every path, including throws: `trx.commit()` or `trx.rollback()` at the end of the `try` and in its `catch`",
        }),
      ],
    },
    // Sequelize: the catch logs and rethrows without a rollback.
    {
      code: `${SEQUELIZE}async function create(User, data) {
  const t = await sequelize.transaction();
  try {
    const user = await User.create(data, { transaction: t });
    await t.commit();
    return user;
  } catch (error) {
    console.error(error);
    throw error;
  }
}`,
      filename: "file.js",
      errors: [error("earlyExit", 4, 19, [], { exit: "throw", line: "11", name: "t", acquire: "sequelize.transaction()", release: "`t.commit()` or `t.rollback()`", what: "transaction", fix: "Give it back on every path, including throws: `t.commit()` or `t.rollback()` at the end of the `try` and in its `catch`" })],
    },
    // Valid neighbours (onboarding engine): an abort whose rejection reaches the `await` skips the session's end in the catch.
    ...[
      "await session.abortTransaction()",
      "await session.abortTransaction().catch((error) => { throw error; })",
      "await session.abortTransaction().catch((error) => Promise.reject(error))",
      "await session.abortTransaction().catch(async () => { await report(); })",
      "await session.abortTransaction().then(() => {})",
      "await session.abortTransaction().catch(onAbortFailed)",
    ].map((abort): Invalid => ({
      code: sessionEndedInCatch(abort),
      errors: [
        error("skippedInCatch", 3, 25, [sessionEndedInFinally(abort)], {
          exit: "session.abortTransaction()",
          line: "11",
          name: "session",
          release: "`session.endSession()`",
          what: "transaction",
          fix: "Call `session.endSession()` in a `finally` block",
        }),
      ],
    })),
    // Mongoose: a session never ended.
    {
      code: `import mongoose from "mongoose";
export async function move(Order: mongoose.Model<object>) {
  const session = await mongoose.startSession();
  session.startTransaction();
  await Order.create([{}], { session });
  await session.commitTransaction();
}`,
      errors: [
        error("neverReleased", 3, 25, [
          `import mongoose from "mongoose";
export async function move(Order: mongoose.Model<object>) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.create([{}], { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}`,
        ]),
      ],
    },
    // MongoDB driver: a session ended on the happy path only.
    {
      code: `const { MongoClient } = require("mongodb");
const mongo = new MongoClient("mongodb://localhost");
async function run(work) {
  const session = mongo.startSession();
  await work(session);
  await session.endSession();
}`,
      filename: "file.js",
      errors: [
        error("notInFinally", 4, 19, [
          `const { MongoClient } = require("mongodb");
const mongo = new MongoClient("mongodb://localhost");
async function run(work) {
  const session = mongo.startSession();
  try {
    await work(session);
  } finally {
    await session.endSession();
  }
}`,
        ]),
      ],
    },
    // Valid neighbour (stats.ts): a call of the application between the acquire and the try can throw past the finally.
    {
      code: `${GENERIC}export async function work(data: unknown) {
  const server = await pool.acquire();
  validate(data);
  try {
    return await server.call(data);
  } finally {
    pool.release(server);
  }
}`,
      errors: [
        error("throwsBeforeTry", 4, 24, [
          `${GENERIC}export async function work(data: unknown) {
  const server = await pool.acquire();
  try {
    validate(data);
    return await server.call(data);
  } finally {
    pool.release(server);
  }
}`,
        ]),
      ],
    },
    // Only the statements before the guarding try move: a function declared after it stays where it is.
    {
      code: guardedWithHelper("  validate(data);\n", ""),
      errors: [error("throwsBeforeTry", 4, 24, [guardedWithHelper("", "    validate(data);\n")])],
    },
    // A declaration the finally uses cannot move into the try: no suggestion.
    {
      code: `${GENERIC}export async function work(data: unknown) {
  const server = await pool.acquire();
  const label = describe(data);
  try {
    return await server.call(data);
  } finally {
    log(label);
    pool.release(server);
  }
}`,
      errors: [error("throwsBeforeTry", 4, 24)],
    },
    // generic-pool: given back on the happy path only.
    {
      code: `${GENERIC}export async function work() {
  const resource = await pool.acquire();
  await resource.run();
  await pool.release(resource);
}`,
      errors: [
        error("notInFinally", 4, 26, [
          `${GENERIC}export async function work() {
  const resource = await pool.acquire();
  try {
    await resource.run();
  } finally {
    pool.release(resource);
  }
}`,
        ], { name: "resource", acquire: "pool.acquire()", release: "`pool.release(resource)` or `pool.destroy(resource)`", what: "connection", fix: "Call `pool.release(resource)` in a `finally` block" }),
      ],
    },
    // NodeBB (src/database/postgres/sorted.js): released inside an endless loop, but a read outside the try can throw.
    {
      code: `${PG}export async function each(read: () => Promise<unknown[]>) {
  const client = await pool.connect();
  while (true) {
    const rows = await read();
    if (!rows.length) {
      client.release();
      return;
    }
    try {
      await client.query("SELECT 1");
    } catch (err) {
      client.release();
      throw err;
    }
  }
}`,
      errors: [
        error("notInFinally", 4, 24, [
          `${PG}export async function each(read: () => Promise<unknown[]>) {
  const client = await pool.connect();
  try {
    while (true) {
      const rows = await read();
      if (!rows.length) {
        return;
      }
      try {
        await client.query("SELECT 1");
      } catch (err) {
        throw err;
      }
    }
  } finally {
    client.release();
  }
}`,
        ]),
      ],
    },
    // NodeBB (src/database/postgres/connection.js): a client checked out to test the pool, and kept forever.
    {
      code: `const { Pool } = require("pg");
async function connect(options) {
  const db = new Pool(options);
  await db.connect();
  return db;
}`,
      filename: "file.js",
      errors: [error("unreferenced", 4, 9)],
    },
    // vendure (packages/core/src/connection/transactional-connection.ts): a repository bound to a
    // query runner that nothing releases; its queries pin a connection each time.
    {
      code: `import { DataSource } from "typeorm";
export class Connection {
  constructor(private dataSource: DataSource) {}
  getRepository(target: string) {
    return this.dataSource.createQueryRunner("master").manager.getRepository(target);
  }
}`,
      errors: [error("unreferenced", 5, 12)],
    },
    // Sequelize reached through the application's own module: its conventional name.
    {
      code: `const sequelize = require("../config/sequelize");
async function create(User, data) {
  const t = await sequelize.transaction();
  const user = await User.create(data, { transaction: t });
  await t.commit();
  return user;
}`,
      filename: "file.js",
      errors: [error("notInFinally", 3, 19)],
    },
    // The same, with the early return that leaves the transaction open and the client checked out.
    {
      code: `async function deleteTaxRate(request, response) {
  const connection = await getConnection();
  await startTransaction(connection);
  try {
    const row = await select(connection, request.params.id);
    if (!row) {
      response.status(400);
      return;
    }
    await commit(connection);
  } catch (e) {
    await rollback(connection);
    throw e;
  }
}`,
      filename: "file.js",
      settings: GET_CONNECTION,
      errors: [error("earlyExit", 2, 28, [], { exit: "return", line: "8", name: "connection", acquire: "getConnection()", release: "`connection.release()`", what: "connection", fix: "Call `connection.release()` in a `finally` block" })],
    },
    // An in-house pair from settings, never checked in.
    {
      code: `async function work(leases) {
  const lease = await leases.checkout();
  await lease.run();
}`,
      filename: "file.js",
      settings: IN_HOUSE,
      errors: [
        error("neverReleased", 2, 23, [
          `async function work(leases) {
  const lease = await leases.checkout();
  try {
    await lease.run();
  } finally {
    lease.checkin();
  }
}`,
        ]),
      ],
    },
  ],
});
