import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { ESLint } from "eslint";
import type { MessageIds, Options } from "../../rules/no-client-per-call.js";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import rule from "../../rules/no-client-per-call.js";
import { runRuleTests } from "../rule-tester.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

/** apitable room-server src/node/services/node.permission.service.ts: a count through TypeORM's default connection. */
const permissionCount = (connection: string): string => `import { createConnection, getConnection } from "typeorm";
export class NodePermissionService {
  async getSetStatus(nodeId: string): Promise<boolean> {
    const row = await ${connection}.createQueryBuilder().select("COUNT(1)", "count").from("node_permission", "vnp").where("vnp.node_id = :nodeId", { nodeId }).getRawOne();
    return row.count > 0;
  }
}`;

function perCall(code: string, line: number, column: number, data: Record<string, string>, filename?: string): Invalid {
  return { code, filename, errors: [{ messageId: "clientPerCall", line, column, data }] };
}

// keystone packages/core/src/testing/postgresql.ts: a pg Client made only to read the database name its config names.
const databaseName = (after: string): string =>
  `import { Client } from "pg";\nexport async function reset(config: object) {\n  const connection = new Client(config);\n  const database = connection.database;\n  if (!database) throw new Error("no database");${after}\n  return database;\n}`;

// dreamcareer7/real-estate-server lib/utils/db.js: a pg Client made to send one cancel request for another client's query.
const queryCanceller = (use: string): string =>
  `import pg from "pg";\nexport function cancelActiveQuery(client: pg.Client) {\n  if (client.activeQuery) {\n    const canceller = new pg.Client({ connectionString: process.env.DATABASE_URL });\n    ${use}\n  }\n}`;

// grist app/server/devServerMain.ts: an exported main that the file runs when it is started as a program.
const devServer = (call: string): string =>
  `import { createClient } from "redis";\nexport async function main() {\n  const client = createClient({ url: process.env.REDIS_URL });\n  await client.flushDb();\n}\n${call}`;

function perRequest(code: string, line: number, column: number, data: Record<string, string>, filename?: string): Invalid {
  return { code, filename, errors: [{ messageId: "clientPerRequest", line, column, data }] };
}

/** The sentence the message adds when the client has a close method. */
function hint(close: string): string {
  return `; if each call really needs its own, close it in \`finally\` with \`${close}()\``;
}

const pgPool = { what: "connection pool", library: "node-postgres (pg)", closeHint: hint("end") };
const prisma = { what: "database client and its connection pool", library: "Prisma", closeHint: hint("$disconnect") };
const redis = { what: "cache connection", library: "ioredis", closeHint: hint("quit") };

const perTestCase = `import Redis from "ioredis";
import { redisTest } from "./fixtures";
redisTest("tracks live requests", async ({ redisOptions }) => {
  const redis = new Redis(redisOptions);
  await redis.set("k", "v");
});`;

// accounts-js examples/graphql-server-typeorm-postgres/src/connect.ts: the connection a promise reaction gives back.
const typeormConnect = (reaction: string): string =>
  `import { createConnection } from "typeorm";\nexport const connect = (url = process.env.DATABASE_URL) => {\n  return createConnection({ type: "postgres", url }).then((connection) => {\n    ${reaction}\n  });\n};`;
// accounts-js modules/module-mongo/src/index.ts: the client's database handed to the module it builds.
const mongoModule = (reaction: string): string =>
  `import { MongoClient } from "mongodb";\nexport function createModule(uri: string) {\n  return new Promise((resolve) => {\n    MongoClient.connect(uri).then((client) => {\n      ${reaction}\n    });\n  });\n}`;
// jsdelivr src/lib/redis/index.js: node-redis v5's client under a type mapping is the same client.
const typeMapped = (end: string): string =>
  `import { createClient as createRedisClient } from "redis";\nexport async function createClient() {\n  const client = createRedisClient({ url: process.env.REDIS_URL }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });\n  client.on("error", console.error);\n  await client.connect();\n  ${end}\n}`;

// RedisInsight redisinsight/api/src/modules/redis/connection/node.redis.connection.strategy.ts: the connected client, made in node-redis's documented chain, handed to the wrapper returned.
const listenedClient = (library: string, make: string, end: string): string =>
  `import ${library};\nexport class Strategy {\n  async createStandaloneClient(config: Config, meta: Meta) {\n    const client = await ${make}\n      .on("error", (e) => console.error(e))\n      .connect();\n    ${end}\n  }\n}`;

/** A client the function closes on some paths only: message, position, data, and the `try`/`finally` suggestion when there is one. */
function closeLeak(code: string, messageId: MessageIds, line: number, column: number, data: Record<string, string>, suggestion?: string): Invalid {
  return { code, errors: [{ messageId, line, column, data, suggestions: suggestion === undefined ? [] : [{ messageId: "suggestTryFinally", output: suggestion }] }] };
}

const pgCount = (body: string, exported = "export "): string =>
  `import { Client } from "pg";\n${exported}async function countUsers(url: string) {\n  const client = new Client({ connectionString: url });\n  await client.connect();\n${body}\n}`;

// FlowiseAI's MongoDBMemory (packages/components/nodes/memory/MongoDBMemory/MongoDBMemory.ts): a client per chat-history read, closed after the query.
const chatHistory = (end: string): string =>
  `import { MongoClient } from "mongodb";\nexport class MongoDBChatMessageHistory {\n  constructor(private url: string, private sessionId: string) {}\n  async getChatMessages() {\n    const client = new MongoClient(this.url);\n    const collection = client.db("chat").collection("messages");\n    const document = await collection.findOne({ sessionId: this.sessionId });\n    ${end}\n    return document?.messages ?? [];\n  }\n}`;

// uptime-kuma server/setup-database.js: the setup wizard's connection test, on a connection of its own.
const setupCheck = (query: string): string =>
  `import mysql from "mysql2/promise";\nexport async function testConnection(config: mysql.ConnectionOptions) {\n  try {\n    const connection = await mysql.createConnection(config);\n    await connection.execute("${query}");\n    connection.end();\n  } catch (e) {\n    return false;\n  }\n  return true;\n}`;

// uptime-kuma server/database.js: the start-up's own connection, made to create the application's database.
const provisioning = (statement: string): string =>
  `import mysql from "mysql2/promise";\nexport class Database {\n  static async connect(config: Config) {\n    const connection = await mysql.createConnection(config);\n    await connection.execute("${statement}" + config.dbName);\n    connection.end();\n  }\n}`;

// youtao19 hotel-management backend/database/postgreDB/pg.js: the statement kept in a constant object, the database named by a constant.
const createDatabase = (statement: string): string =>
  `import pg from "pg";\nconst DATABASE = "hotel";\nexport async function createDatabase(options: pg.PoolConfig) {\n  const pool = new pg.Pool(options);\n  const found = await pool.query("SELECT datname FROM pg_database WHERE datname = $1", [DATABASE]);\n  const createDBQuery = { text: "${statement}" + DATABASE };\n  if (found.rowCount === 0) await pool.query(createDBQuery.text);\n  await pool.end();\n}`;

// ticketapp's backend/scripts/init_packvision_db.js: the tables made by a function that only the script's one run calls.
const initTables = (after: string): string =>
  `const { Pool } = require("pg");\nasync function initTables(url) {\n  const pool = new Pool({ connectionString: url });\n  await pool.query("CREATE TABLE IF NOT EXISTS settings (key text)");\n  await pool.end();\n}\nasync function createDatabase() {\n  await initTables(process.env.DATABASE_URL);\n}\n${after}`;

const closedClient = { name: "client", created: "new Client()", what: "database connection", close: "client.end()" };

runRuleTests("no-client-per-call", rule, {
  valid: [
    // A client closed on every path: in \`finally\`, or in \`catch\` before the rethrow and after the \`try\`.
    pgCount("  try {\n    return (await client.query(\"SELECT count(*) FROM users\")).rows[0];\n  } finally {\n    await client.end();\n  }"),
    pgCount("  let rows;\n  try {\n    rows = (await client.query(\"SELECT count(*) FROM users\")).rows;\n  } catch (error) {\n    await client.end();\n    throw error;\n  }\n  await client.end();\n  return rows[0];"),
    // FlowiseAI's chat history, closed in \`finally\`.
    chatHistory("").replace("    const collection", "    try {\n    const collection").replace("    return document", "    return document").replace("return document?.messages ?? [];\n", "return document?.messages ?? [];\n    } finally {\n      await client.close();\n    }\n"),
    // A client that may be the caller's: the function closes only the one it made.
    `import { Client } from "pg";\nexport async function count(url: string, given?: Client) {\n  let client = given;\n  if (!client) client = new Client({ connectionString: url });\n  const { rows } = await client.query("SELECT 1");\n  if (!given) await client.end();\n  return rows;\n}`,
    // uptime-kuma's setup wizard (server/setup-database.js): a connection made only to run \`SELECT 1\`, whose error is the connection's.
    setupCheck("SELECT 1"),
    // uptime-kuma's Database.connect (server/database.js): the start-up creates the database it will use.
    provisioning("CREATE DATABASE IF NOT EXISTS "),
    // youtao19's hotel-management backend/database/postgreDB/pg.js: the statement kept in a constant object, the database named by a constant.
    createDatabase("create database "),
    // The statement in a constant.
    `import { Client } from "pg";\nconst CREATE_DATABASE = "CREATE DATABASE app";\nexport async function ensureDatabase(config: object) {\n  const client = new Client(config);\n  await client.connect();\n  await client.query(CREATE_DATABASE);\n  await client.end();\n}`,
    `import { Client } from "pg";\nexport async function ensureDatabase(config: Config) {\n  const client = new Client(config);\n  await client.connect();\n  await client.query(\`CREATE DATABASE "\${config.database}"\`);\n  await client.end();\n}`,
    // ticketapp's init script: a function its one run calls, where an error ends the run.
    initTables("createDatabase();"),
    // accounts-js's examples and Mongo module: the client a promise reaction receives is returned, or handed on through its database.
    typeormConnect("return connection;"),
    mongoModule("resolve(getModule(client.db(name)));"),
    // jsdelivr's Redis client: the type-mapped client is the one returned.
    typeMapped("return client;"),
    // RedisInsight's connection strategy: `on(…)` gives back the client, which the wrapper returned keeps.
    listenedClient('{ createClient } from "redis"', "createClient(config)", "return new StandaloneClient(meta, client);"),
    // apitable's permission service: TypeORM's `getConnection()` returns the connection opened at start-up.
    permissionCount("getConnection()"),
    // hlclarog aula-virtual-nestjs-backend src/auth/google/google.service.ts: a connection per tenant, kept by name in TypeORM's connection manager.
    permissionCount("(await createConnection({ type: \"postgres\", name: `tenant_${nodeId}` }))"),
    // keystone's resetDatabase: reading a property opens no connection, only a call does.
    databaseName(""),
    // dreamcareer7's cancelActiveQuery: the server closes the connection a cancel request was sent on.
    queryCanceller("canceller.cancel(client, client.activeQuery);"),
    databaseName("\n  console.log(`resetting ${connection.host}/${database}`);"),
    "",
    // A module-level pool, used by the handler.
    {
      code: `const { Pool } = require("pg");
const pool = new Pool();
app.get("/users/:id", async (req, res) => {
  const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
  res.json(rows[0]);
});`,
      filename: "file.js",
    },
    // A lazy singleton in an outer variable.
    `import { Pool } from "pg";
let pool: Pool | undefined;
export function getPool() {
  if (!pool) pool = new Pool();
  return pool;
}`,
    `import { Pool } from "pg";
let pool;
export async function findUser(id) {
  pool ??= new Pool();
  return pool.query("SELECT * FROM users WHERE id = $1", [id]);
}`,
    // A factory that returns the client.
    `import { PrismaClient } from "@prisma/client";
export function createPrisma() {
  const client = new PrismaClient();
  client.$on("query", console.log);
  return client;
}`,
    { code: 'import Redis from "ioredis"; export const makeRedis = () => new Redis(process.env.REDIS_URL);', filename: "file.js" },
    `import { Pool } from "pg";
export function createDb() {
  const pool = new Pool();
  return { query: (text: string) => pool.query(text), pool };
}`,
    // A factory that returns a handle which keeps the client alive.
    `import { MongoClient } from "mongodb";
export async function getCollection(uri: string, name: string) {
  const client = new MongoClient(uri);
  await client.connect();
  return client.db().collection(name);
}`,
    `import { PrismaClient } from "@prisma/client";
export function users() {
  const prisma = new PrismaClient();
  return prisma.user;
}`,
    // Constructor injection stores the client on the instance.
    `import Redis from "ioredis";
export class SessionStore {
  constructor() { this.redis = new Redis(); }
  get(id) { return this.redis.get(id); }
}`,
    // A test setup hook assigning an outer variable.
    `import { PrismaClient } from "@prisma/client";
let prisma: PrismaClient;
beforeAll(async () => { prisma = new PrismaClient(); await prisma.$connect(); });
afterAll(() => prisma.$disconnect());`,
    // A script whose main creates the client and closes it.
    `import { PrismaClient } from "@prisma/client";
export async function seed() {
  const prisma = new PrismaClient();
  try {
    await prisma.user.create({ data: { email: "a@example.com" } });
  } finally {
    await prisma.$disconnect();
  }
}`,
    // main() runs once per process, from module level.
    {
      code: `const { Client } = require("pg");
async function main() {
  const client = new Client();
  await client.connect();
  await client.query("UPDATE jobs SET done = true");
}
main().catch(console.error);`,
      filename: "file.js",
    },
    // grist devServerMain.ts: an exported main that the file runs under `require.main === module` runs once per process.
    devServer("if (require.main === module) {\n  main().catch(console.error);\n}"),
    devServer("if (module === require.main) main();"),
    devServer("if (import.meta.main) await main();"),
    `import { MongoClient } from "mongodb";
(async () => {
  const client = await MongoClient.connect(process.env.MONGO_URL!);
  await client.db().collection("users").deleteMany({});
})();`,
    // Closed before returning.
    {
      code: `const { Client } = require("pg");
exports.handler = async (event) => {
  const client = new Client();
  await client.connect();
  try {
    return (await client.query("SELECT now()")).rows;
  } finally {
    await client.end();
  }
};`,
      filename: "file.js",
    },
    `import { Client } from "pg";
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const client = new Client({ connectionString: env.HYPERDRIVE.connectionString });
    await client.connect();
    const result = await client.query("SELECT * FROM pg_tables");
    ctx.waitUntil(client.end());
    return Response.json(result.rows);
  },
};`,
    `import { MongoClient } from "mongodb";
export async function countUsers(uri: string) {
  const client = new MongoClient(uri);
  return client.db().collection("users").countDocuments().finally(() => client.close());
}`,
    `import { Pool } from "pg";
export async function check() {
  await using pool = new Pool();
  await pool.query("SELECT 1");
}`,
    // Stored in a cache/singleton holder.
    `import { Pool } from "pg";
const pools = new Map<string, Pool>();
export function poolFor(tenant: string) {
  const pool = new Pool({ database: tenant });
  pools.set(tenant, pool);
  return pools.get(tenant)!.query("SELECT 1");
}`,
    `import { PrismaClient } from "@prisma/client";
export function db() {
  const client = globalThis.prisma ?? new PrismaClient();
  if (process.env.NODE_ENV !== "production") globalThis.prisma = client;
  return client.user.findMany();
}`,
    // Handed to another function, which may keep or close it.
    `import { Pool } from "pg";
export async function migrate() {
  const pool = new Pool();
  await runMigrations(pool);
}`,
    // Captured by route handlers registered once at start-up.
    {
      code: `const { Pool } = require("pg");
module.exports = function routes(app) {
  const pool = new Pool();
  app.get("/users", async (req, res) => res.json((await pool.query("SELECT * FROM users")).rows));
};`,
      filename: "file.js",
    },
    // trigger.dev apps/webapp/test/realtimeClient.test.ts: a client per test case, in a test file.
    { code: perTestCase, filename: "realtime.test.ts" },
    // A subscriber lives on through its listener.
    `import Redis from "ioredis";
export function listen(onMessage: (m: string) => void) {
  const sub = new Redis();
  sub.subscribe("events");
  sub.on("message", (_channel, message) => onMessage(message));
}`,
    // Created, never used for work.
    `import Redis from "ioredis";
export function ping() {
  const client = new Redis();
  client.on("error", console.error);
}`,
    // umami src/lib/redis.ts: a client built in a constructor, through `.on("error")`, kept on the instance.
    `import { createClient } from "redis";
class CacheClient {
  constructor(url: string) {
    const client = createClient({ url }).on("error", console.error);
    this.client = client;
  }
}`,
    // chartbrew server/sources/shared/sql/externalDbConnection.js: a per-datasource instance returned to the caller.
    {
      code: `const { Sequelize } = require("sequelize");
module.exports.connect = async (connection) => {
  let sequelize;
  if (connection.url) sequelize = new Sequelize(connection.url);
  else sequelize = new Sequelize(connection.name, connection.user, connection.password);
  await sequelize.authenticate();
  return sequelize;
};`,
      filename: "file.js",
    },
    // unkey web/tools/migrate/*.ts: a migration script's main() closes its connection.
    `import mysql from "mysql2/promise";
async function main() {
  const conn = await mysql.createConnection(process.env.DATABASE_URL!);
  await conn.query("UPDATE apps SET migrated = 1");
  await conn.end();
}
main();`,
    // dokploy server/utils/process/execAsync.ts: ssh2's Client is not a database client.
    `import { Client } from "ssh2";
export function run(command: string) {
  const conn = new Client();
  conn.on("ready", () => conn.exec(command, () => conn.end())).connect({ host: "h" });
}`,
    // openstatus packages/tinybird/scripts: a libsql client (not known) wrapped by drizzle.
    `import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
export async function loadNames() {
  const client = createClient({ url: process.env.DATABASE_URL! });
  const db = drizzle(client);
  return db.select().from(services).all();
}`,
    // Wrappers around an existing client open no connections of their own.
    `import { drizzle } from "drizzle-orm/d1";
export default {
  async fetch(request: Request, env: { DB: D1Database }) {
    const db = drizzle(env.DB);
    return Response.json(await db.select().from(users));
  },
};`,
    `import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
const pool = new Pool();
export async function listUsers() {
  const db = drizzle({ client: pool });
  return db.select().from(users);
}`,
    `import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
const pool = new Pool();
export async function listUsers() {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return db.selectFrom("users").selectAll().execute();
}`,
    `import { PrismaClient } from "@prisma/client";
export default {
  async fetch(request: Request, env: Env) {
    const prisma = new PrismaClient({ adapter: new PrismaD1(env.DB) });
    return Response.json(await prisma.user.findMany());
  },
};`,
    // mongoose.connect() opens the process-wide default connection, and reuses it.
    `import mongoose from "mongoose";
export async function GET() {
  await mongoose.connect(process.env.MONGODB_URI!);
  return Response.json(await User.find());
}`,
    // Not a creation: a checkout, a duplicate of an existing client.
    `import { Pool } from "pg";
const pool = new Pool();
app.get("/x", async (req, res) => {
  const client = await pool.connect();
  try { res.json((await client.query("SELECT 1")).rows); } finally { client.release(); }
});`,
    // Clients of non-database SDKs.
    `import { createClient } from "@supabase/supabase-js";
export async function GET() {
  const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);
  return Response.json(await supabase.from("users").select());
}`,
    {
      code: `const { S3Client, GetObjectCommand } = require("@aws-sdk/client-s3");
app.get("/files/:key", async (req, res) => {
  const s3 = new S3Client({});
  res.send(await s3.send(new GetObjectCommand({ Bucket: "b", Key: req.params.key })));
});`,
      filename: "file.js",
    },
    // An in-house Pool class.
    `class Pool { query() {} }
export function f() { const pool = new Pool(); return pool.query(); }
export function g() { const pool = new Pool(); pool.query(); }`,
  ],
  invalid: [
    // Valid neighbours (a close in \`finally\`, or on both paths): closed after a query that can throw.
    closeLeak(
      pgCount("  const { rows } = await client.query(\"SELECT count(*) FROM users\");\n  await client.end();\n  return rows[0];"),
      "closedOnlyOnSuccess",
      3,
      18,
      closedClient,
      pgCount("  const { rows } = await client.query(\"SELECT count(*) FROM users\");\n  await client.end();\n  return rows[0];").replace(
        "  await client.connect();\n  const { rows } = await client.query(\"SELECT count(*) FROM users\");\n  await client.end();\n  return rows[0];",
        "  try {\n    await client.connect();\n    const { rows } = await client.query(\"SELECT count(*) FROM users\");\n    return rows[0];\n  } finally {\n    await client.end();\n  }",
      ),
    ),
    // An early \`return\` before the close.
    closeLeak(
      pgCount("  const { rows } = await client.query(\"SELECT count(*) FROM users\");\n  if (rows.length === 0) return null;\n  await client.end();\n  return rows[0];"),
      "closeSkippedByExit",
      3,
      18,
      { ...closedClient, exit: "return", line: "6" },
      "import { Client } from \"pg\";\nexport async function countUsers(url: string) {\n  const client = new Client({ connectionString: url });\n  try {\n    await client.connect();\n    const { rows } = await client.query(\"SELECT count(*) FROM users\");\n    if (rows.length === 0) return null;\n    return rows[0];\n  } finally {\n    await client.end();\n  }\n}",
    ),
    // frontendfixll's laundry backend (stripeDirectController.js logWebhookEvent): the error is caught and logged, the client is not closed.
    closeLeak(
      `const { MongoClient } = require("mongodb");\nexports.logWebhookEvent = async (event) => {\n  try {\n    const client = new MongoClient(process.env.MONGODB_URI);\n    await client.connect();\n    await client.db().collection("webhook_logs").insertOne({ eventId: event.id });\n    await client.close();\n  } catch (error) {\n    console.error("Failed to log webhook event:", error.message);\n  }\n};`,
      "closedOnSomePaths",
      4,
      20,
      { name: "client", created: "new MongoClient()", what: "database connection", close: "client.close()" },
      "const { MongoClient } = require(\"mongodb\");\nexports.logWebhookEvent = async (event) => {\n  try {\n    const client = new MongoClient(process.env.MONGODB_URI);\n    try {\n      await client.connect();\n      await client.db().collection(\"webhook_logs\").insertOne({ eventId: event.id });\n    } finally {\n      await client.close();\n    }\n  } catch (error) {\n    console.error(\"Failed to log webhook event:\", error.message);\n  }\n};",
    ),
    // TicketToken's notification-service health route (routes/health.routes.ts checkRedis): the \`catch\` returns while the client retries its connection.
    closeLeak(
      `import Redis from "ioredis";\nexport async function checkRedis() {\n  try {\n    const redis = new Redis({ host: process.env.REDIS_HOST, maxRetriesPerRequest: 1 });\n    await redis.ping();\n    await redis.quit();\n    return { status: "healthy" };\n  } catch (error) {\n    return { status: "unhealthy" };\n  }\n}`,
      "closeSkippedByExit",
      4,
      19,
      { name: "redis", created: "new Redis()", what: "cache connection", close: "redis.quit()", exit: "return", line: "9" },
      "import Redis from \"ioredis\";\nexport async function checkRedis() {\n  try {\n    const redis = new Redis({ host: process.env.REDIS_HOST, maxRetriesPerRequest: 1 });\n    try {\n      await redis.ping();\n      return { status: \"healthy\" };\n    } finally {\n      await redis.quit();\n    }\n  } catch (error) {\n    return { status: \"unhealthy\" };\n  }\n}",
    ),
    // Valid neighbour (FlowiseAI's chat history in \`finally\`): closed after the query.
    closeLeak(
      chatHistory("await client.close();"),
      "closedOnlyOnSuccess",
      5,
      20,
      { name: "client", created: "new MongoClient()", what: "database connection", close: "client.close()" },
      "import { MongoClient } from \"mongodb\";\nexport class MongoDBChatMessageHistory {\n  constructor(private url: string, private sessionId: string) {}\n  async getChatMessages() {\n    const client = new MongoClient(this.url);\n    try {\n      const collection = client.db(\"chat\").collection(\"messages\");\n      const document = await collection.findOne({ sessionId: this.sessionId });\n      return document?.messages ?? [];\n    } finally {\n      await client.close();\n    }\n  }\n}",
    ),
    // Valid neighbour (uptime-kuma's setup wizard): a query that can fail on a working connection.
    closeLeak(setupCheck("SELECT * FROM monitor"), "closeSkippedByExit", 4, 30, { name: "connection", created: "mysql.createConnection()", what: "database connection", close: "connection.end()", exit: "return", line: "8" }, "import mysql from \"mysql2/promise\";\nexport async function testConnection(config: mysql.ConnectionOptions) {\n  try {\n    const connection = await mysql.createConnection(config);\n    try {\n      await connection.execute(\"SELECT * FROM monitor\");\n    } finally {\n      connection.end();\n    }\n  } catch (e) {\n    return false;\n  }\n  return true;\n}"),
    // Valid neighbour (uptime-kuma's start-up): a statement that any call may run.
    closeLeak(provisioning("DROP TABLE IF EXISTS "), "closedOnlyOnSuccess", 4, 30, { name: "connection", created: "mysql.createConnection()", what: "database connection", close: "connection.end()" }, "import mysql from \"mysql2/promise\";\nexport class Database {\n  static async connect(config: Config) {\n    const connection = await mysql.createConnection(config);\n    try {\n      await connection.execute(\"DROP TABLE IF EXISTS \" + config.dbName);\n    } finally {\n      connection.end();\n    }\n  }\n}"),
    // Valid neighbour (youtao19's hotel backend): a statement kept in a constant object that does not create a database.
    closeLeak(createDatabase("truncate table "), "closedOnlyOnSuccess", 4, 16, { name: "pool", created: "new pg.Pool()", what: "connection pool", close: "pool.end()" }, "import pg from \"pg\";\nconst DATABASE = \"hotel\";\nexport async function createDatabase(options: pg.PoolConfig) {\n  const pool = new pg.Pool(options);\n  try {\n    const found = await pool.query(\"SELECT datname FROM pg_database WHERE datname = $1\", [DATABASE]);\n    const createDBQuery = { text: \"truncate table \" + DATABASE };\n    if (found.rowCount === 0) await pool.query(createDBQuery.text);\n  } finally {\n    await pool.end();\n  }\n}"),
    // Valid neighbour (ticketapp's init script): the same function exported, so any caller may call it per request.
    closeLeak(
      initTables("createDatabase();\nmodule.exports = { initTables };"),
      "closedOnlyOnSuccess",
      3,
      16,
      { name: "pool", created: "new Pool()", what: "connection pool", close: "pool.end()" },
      "const { Pool } = require(\"pg\");\nasync function initTables(url) {\n  const pool = new Pool({ connectionString: url });\n  try {\n    await pool.query(\"CREATE TABLE IF NOT EXISTS settings (key text)\");\n  } finally {\n    await pool.end();\n  }\n}\nasync function createDatabase() {\n  await initTables(process.env.DATABASE_URL);\n}\ncreateDatabase();\nmodule.exports = { initTables };",
    ),
    // Valid neighbour (accounts-js's promise reactions): a connection used in the reaction and kept nowhere.
    perCall(typeormConnect("return connection.query(\"SELECT 1\");"), 3, 10, { what: "database client and its connection pool", library: "TypeORM", closeHint: hint("destroy"), created: "createConnection()", function: "`connect`" }),
    perCall(mongoModule("resolve(client.db(name).collection(\"users\").countDocuments());"), 4, 5, { what: "database connection", library: "MongoDB driver", closeHint: hint("close"), created: "MongoClient.connect()", function: "this function" }),
    // Valid neighbour (jsdelivr's Redis client): the type-mapped client used and dropped.
    // Valid neighbour (RedisInsight's connection strategy): the listened client used once and dropped.
    perCall(listenedClient('{ createClient } from "redis"', "createClient(config)", 'return client.get("hits");'), 4, 26, { what: "cache connection", library: "node-redis", closeHint: hint("quit"), created: "createClient()", function: "`Strategy.createStandaloneClient`" }),
    perCall(typeMapped("return client.get(\"hits\");"), 3, 18, { what: "cache connection", library: "node-redis", closeHint: hint("quit"), created: "createRedisClient()", function: "`createClient`" }),
    // Valid neighbour (apitable's permission service): `createConnection()` opens a new one.
    // Valid neighbour (aula-virtual's tenant connections): an option other than `name` keeps nothing.
    perCall(permissionCount("(await createConnection({ type: \"postgres\", schema: `tenant_${nodeId}` }))"), 4, 30, { what: "database client and its connection pool", library: "TypeORM", closeHint: hint("destroy"), created: "createConnection()", function: "`NodePermissionService.getSetStatus`" }),
    perCall(permissionCount("(await createConnection({ type: \"mysql\" }))"), 4, 30, { what: "database client and its connection pool", library: "TypeORM", closeHint: hint("destroy"), created: "createConnection()", function: "`NodePermissionService.getSetStatus`" }),
    // The neighbours of grist's devServerMain.ts: an exported main that the file also calls unguarded, or under another test, may run again from other modules.
    perCall(devServer("main();"), 3, 18, { what: "cache connection", library: "node-redis", closeHint: hint("quit"), created: "createClient()", function: "`main`" }),
    perCall(devServer("if (process.env.START) main();"), 3, 18, { what: "cache connection", library: "node-redis", closeHint: hint("quit"), created: "createClient()", function: "`main`" }),
    // The neighbours of keystone's config reader: a call on the client, or on a property of it, uses it.
    perCall(databaseName("\n  await connection.connect();\n  await connection.query(`DROP DATABASE ${database}`);"), 3, 22, { what: "database connection", library: "node-postgres (pg)", closeHint: hint("end"), created: "new Client()", function: "`reset`" }),
    perCall(databaseName("\n  connection.connection.stream.setNoDelay(true);"), 3, 22, { what: "database connection", library: "node-postgres (pg)", closeHint: hint("end"), created: "new Client()", function: "`reset`" }),
    // Valid neighbour (dreamcareer7's query canceller): a canceller that queries keeps its connection open.
    perCall(queryCanceller("void canceller.query(\"SELECT pg_cancel_backend($1)\", [client.processID]);"), 4, 23, { what: "database connection", library: "node-postgres (pg)", closeHint: hint("end"), created: "new pg.Client()", function: "`cancelActiveQuery`" }),
    // The same code outside a test file.
    perCall(perTestCase, 4, 17, { ...redis, created: "new Redis()", function: "this function" }),
    perRequest(
      `const { Pool } = require("pg");
app.get("/users/:id", async (req, res) => {
  const pool = new Pool();
  const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
  res.json(rows[0]);
});`,
      3,
      16,
      { ...pgPool, created: "new Pool()", handler: 'route handler `app.get("/users/:id")`' },
      "file.js",
    ),
    perRequest(
      `import { PrismaClient } from "@prisma/client";
router.post("/orders", asyncHandler(async (req, res) => {
  const prisma = new PrismaClient();
  res.json(await prisma.order.create({ data: req.body }));
}));`,
      3,
      18,
      { ...prisma, created: "new PrismaClient()", handler: 'route handler `router.post("/orders")`' },
    ),
    perRequest(
      `import Redis from "ioredis";
@Controller("users")
export class UsersController {
  @Get(":id")
  async find(@Param("id") id: string) {
    const redis = new Redis();
    return JSON.parse((await redis.get("user:" + id)) ?? "null");
  }
}`,
      6,
      19,
      { ...redis, created: "new Redis()", handler: "Nest controller method `UsersController.find`" },
    ),
    perRequest(
      `"use server";
import { drizzle } from "drizzle-orm/node-postgres";
export async function createUser(form: FormData) {
  const db = drizzle(process.env.DATABASE_URL!);
  await db.insert(users).values({ name: String(form.get("name")) });
}`,
      4,
      14,
      { what: "database client and its connection pool", library: "Drizzle ORM", closeHint: "", created: "drizzle()", handler: "server action `createUser`" },
    ),
    perRequest(
      `import { createClient } from "redis";
fastify.route({ method: "GET", url: "/count", handler: async () => {
  const client = await createClient().connect();
  return client.incr("hits");
} });`,
      3,
      24,
      { what: "cache connection", library: "node-redis", closeHint: hint("quit"), created: "createClient()", handler: 'route handler `fastify.route("/count")`' },
    ),
    perCall(
      `import { Pool } from "pg";
export async function getUser(id: string) {
  const pool = new Pool();
  const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [id]);
  return rows[0];
}`,
      3,
      16,
      { ...pgPool, created: "new Pool()", function: "`getUser`" },
    ),
    perCall(
      `const mysql = require("mysql2/promise");
async function findOrders(userId) {
  const pool = mysql.createPool({ host: "db" });
  const [rows] = await pool.query("SELECT * FROM orders WHERE user_id = ?", [userId]);
  return rows;
}
module.exports = { findOrders };`,
      3,
      16,
      { what: "connection pool", library: "mysql2", closeHint: hint("end"), created: "mysql.createPool()", function: "`findOrders`" },
      "file.js",
    ),
    perCall(
      `import mysql from "mysql2";
export function logVisit(path: string) {
  const connection = mysql.createConnection({ host: "db" });
  connection.query("INSERT INTO visits (path) VALUES (?)", [path]);
}`,
      3,
      22,
      { what: "database connection", library: "mysql2", closeHint: hint("end"), created: "mysql.createConnection()", function: "`logVisit`" },
    ),
    perCall(
      `import { Sequelize } from "sequelize";
export class UserRepository {
  async count() {
    const sequelize = new Sequelize(process.env.DATABASE_URL);
    return sequelize.models.User.count();
  }
}`,
      4,
      23,
      { what: "database client and its connection pool", library: "Sequelize", closeHint: hint("close"), created: "new Sequelize()", function: "`UserRepository.count`" },
    ),
    perCall(
      `import { DataSource } from "typeorm";
export async function listUsers() {
  const dataSource = await new DataSource(options).initialize();
  return dataSource.getRepository(User).find();
}`,
      3,
      28,
      { what: "database client and its connection pool", library: "TypeORM", closeHint: hint("destroy"), created: "new DataSource()", function: "`listUsers`" },
    ),
    perCall(
      `const knex = require("knex");
async function activeUsers() {
  const db = knex({ client: "pg", connection: process.env.DATABASE_URL });
  return await db("users").where({ active: true });
}`,
      3,
      14,
      { what: "database client and its connection pool", library: "Knex", closeHint: hint("destroy"), created: "knex()", function: "`activeUsers`" },
      "file.js",
    ),
    perCall(
      `import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
export async function listUsers() {
  const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));
  return db.select().from(users);
}`,
      4,
      22,
      { ...pgPool, created: "new Pool()", function: "`listUsers`" },
    ),
    perCall(
      `import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
export async function listUsers() {
  const db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool() }) });
  return db.selectFrom("users").selectAll().execute();
}`,
      4,
      64,
      { ...pgPool, created: "new Pool()", function: "`listUsers`" },
    ),
    perCall(
      `const mongoose = require("mongoose");
async function findUser(id) {
  const conn = mongoose.createConnection(process.env.MONGO_URL);
  return conn.model("User", userSchema).findById(id);
}`,
      3,
      16,
      { what: "database connection", library: "Mongoose", closeHint: hint("close"), created: "mongoose.createConnection()", function: "`findUser`" },
      "file.js",
    ),
    perCall(
      `import { MongoClient } from "mongodb";
export async function findUser(id: string) {
  const client = new MongoClient(process.env.MONGO_URL!);
  await client.connect();
  return client.db().collection("users").findOne({ id });
}`,
      3,
      18,
      { what: "database connection", library: "MongoDB driver", closeHint: hint("close"), created: "new MongoClient()", function: "`findUser`" },
    ),
    perCall(
      `import { MongoClient } from "mongodb";
export async function findUser(id: string) {
  const client = await MongoClient.connect(process.env.MONGO_URL!);
  return client.db().collection("users").findOne({ id });
}`,
      3,
      24,
      { what: "database connection", library: "MongoDB driver", closeHint: hint("close"), created: "MongoClient.connect()", function: "`findUser`" },
    ),
    perCall(
      `import { PrismaClient } from "@prisma/client";
export const listPosts = async () => await new PrismaClient().post.findMany();`,
      2,
      44,
      { ...prisma, created: "new PrismaClient()", function: "`listPosts`" },
    ),
    perCall(
      `import Redis from "ioredis";
export async function rateLimit(ip: string) {
  const redis = new Redis();
  redis.on("error", console.error);
  return redis.incr("rate:" + ip);
}`,
      3,
      17,
      { ...redis, created: "new Redis()", function: "`rateLimit`" },
    ),
    // `.on("error")` gives the client back: it is still the same client.
    perRequest(
      `import { createClient } from "redis";
router.get("/hits", async (ctx) => {
  const client = createClient().on("error", console.error);
  await client.connect();
  ctx.body = await client.get("hits");
});`,
      3,
      18,
      { what: "cache connection", library: "node-redis", closeHint: hint("quit"), created: "createClient()", handler: 'route handler `router.get("/hits")`' },
    ),
    // Used inside a callback that runs during the call.
    perCall(
      `import { Pool } from "pg";
export async function loadAll(ids: string[]) {
  const pool = new Pool();
  return Promise.all(ids.map((id) => pool.query("SELECT * FROM items WHERE id = $1", [id])));
}`,
      3,
      16,
      { ...pgPool, created: "new Pool()", function: "`loadAll`" },
    ),
    // Called from more than one place: not a run-once script.
    {
      code: `const { Pool } = require("pg");
async function count() {
  const pool = new Pool();
  return (await pool.query("SELECT count(*) FROM users")).rows[0];
}
count();
setInterval(count, 1000);`,
      filename: "file.js",
      errors: [{ messageId: "clientPerCall", line: 3, column: 16 }],
    },
    // In-house factories declared through settings.
    {
      code: `import { connect } from "./db";
export async function getUser(id: string) {
  const db = connect();
  return db.query("SELECT * FROM users WHERE id = $1", [id]);
}`,
      settings: { postmortem: { modules: { "./db": { connect: "mysql2.createPool" } } } },
      errors: [{ messageId: "clientPerCall", line: 3, column: 14 }],
    },
  ],
});

/**
 * Next.js handlers are recognised by their file path, which the harness above replaces with its
 * own fixture file in the typed run; these cases lint through ESLint's Linter with real paths.
 */
describe("no-client-per-call: Next.js handlers by file path", () => {
  function lint(code: string, filename: string): Linter.LintMessage[] {
    const linter = new Linter({ configType: "flat" });
    return linter.verify(
      code,
      [
        { files: ["**/*.ts"], languageOptions: { parser: tsParser } },
        { files: ["**/*"], plugins: { postmortem: { rules: { "no-client-per-call": rule } } as unknown as ESLint.Plugin }, rules: { "postmortem/no-client-per-call": "error" } },
      ],
      filename,
    );
  }

  const routeHandler = `import { PrismaClient } from "@prisma/client";
export async function GET() {
  const prisma = new PrismaClient();
  return Response.json(await prisma.user.findMany());
}`;

  it("names an App Router route handler", () => {
    const [message, ...rest] = lint(routeHandler, "app/api/users/route.ts");
    expect(rest).toEqual([]);
    expect(message?.line).toBe(3);
    expect(message?.column).toBe(18);
    expect(message?.message).toContain("on every request, in the Next.js route handler `GET`");
  });

  it("treats the same export outside a route file as a plain function", () => {
    const [message] = lint(routeHandler, "lib/users.ts");
    expect(message?.message).toContain("on every call of `GET`");
  });

  const apiRoute = `const { Pool } = require("pg");
export default async function handler(req, res) {
  const pool = new Pool();
  res.json((await pool.query("SELECT * FROM users")).rows);
}`;

  it("names a Pages Router API route", () => {
    const [message, ...rest] = lint(apiRoute, "pages/api/users.js");
    expect(rest).toEqual([]);
    expect(message?.line).toBe(3);
    expect(message?.column).toBe(16);
    expect(message?.message).toContain("on every request, in the Next.js API route `handler`");
  });

  it("treats a default export outside pages/api as a plain function", () => {
    const [message] = lint(apiRoute, "src/users.js");
    expect(message?.message).toContain("on every call of `handler`");
  });

  // ticketapp's backend/scripts/: a script's error ends its only run, with the client it opened.
  const closedAfterQuery = `import { Client } from "pg";
export async function countUsers(url: string) {
  const client = new Client({ connectionString: url });
  const { rows } = await client.query("SELECT count(*) FROM users");
  await client.end();
  return rows[0];
}`;

  it("stays quiet on a client closed on the happy path only in a script directory", () => {
    expect(lint(closedAfterQuery, "scripts/count-users.ts")).toEqual([]);
  });

  it("reports the same client in the application's source", () => {
    const [message, ...rest] = lint(closedAfterQuery, "src/count-users.ts");
    expect(rest).toEqual([]);
    expect(message?.line).toBe(3);
    expect(message?.column).toBe(18);
    expect(message?.messageId).toBe("closedOnlyOnSuccess");
  });

  it("stays quiet on a module-level client in a route file", () => {
    const code = `import { PrismaClient } from "@prisma/client";
const prisma = new PrismaClient();
export async function GET() {
  return Response.json(await prisma.user.findMany());
}`;
    expect(lint(code, "app/api/users/route.ts")).toEqual([]);
  });
});
