import type { LibraryKnowledge } from "./types.js";

import { RELATIVE_PER_ROW_WRITE_FORM } from "./batching.js";

/** Raw SQL drivers: node-postgres and mysql2. */

/**
 * Packages whose clients take text in a SQL-like language that no database of the app runs:
 * Google Ads' GAQL (`customer.query("SELECT campaign.id FROM campaign")`, as jitsu's sync does)
 * and Salesforce's SOQL (jsforce's `conn.query("SELECT Id FROM Account")`). In a file that imports
 * one, SQL text alone is no evidence of a database query. Matched as a prefix.
 */
export const SQL_LIKE_API_MODULES: readonly string[] = ["google-ads-api", "jsforce", "@jsforce/"];

/**
 * Packages of a database reached over the network, or that may be (Prisma's client bundles its
 * drivers, `@libsql/client` talks to Turso): a project that depends on one may send round trips,
 * whatever embedded database it also has. Matched exactly.
 */
export const NETWORK_DATABASE_PACKAGES: readonly string[] = [
  "pg",
  "postgres",
  "mysql",
  "mysql2",
  "mariadb",
  "@neondatabase/serverless",
  "@vercel/postgres",
  "@planetscale/database",
  "@libsql/client",
  "@prisma/client",
  "mongodb",
  "mongoose",
  "mssql",
  "tedious",
  "oracledb",
  "@google-cloud/spanner",
  "@supabase/supabase-js",
];

/**
 * Modules of databases that run inside the process (SQLite, DuckDB, PGlite): a query there is a
 * function call, with no round trip and no pool to hold a connection of (SQLite's own advice:
 * "many small queries are efficient"). `@libsql/client` is left out: it also talks to a remote
 * Turso server. Matched as a prefix (`sqlite` also matches `sqlite3`).
 */
export const EMBEDDED_DATABASE_MODULES: readonly string[] = [
  "bun:sqlite",
  "node:sqlite",
  "better-sqlite3",
  "sqlite",
  "sql.js",
  "@sqlite.org/sqlite-wasm",
  "expo-sqlite",
  "@op-engineering/op-sqlite",
  "react-native-sqlite-storage",
  "duckdb",
  "@duckdb/",
  "@electric-sql/pglite",
];

const pgQuery = { query: { op: "sql" } } as const;

export const pg: LibraryKnowledge = {
  id: "pg",
  displayName: "node-postgres (pg)",
  modules: {
    pg: {
      "*": "pg.module",
      default: "pg.module",
      Pool: "pg.PoolClass",
      Client: "pg.ClientClass",
    },
    "pg-pool": { default: "pg.PoolClass", "*": "pg.PoolClass" },
  },
  types: { Pool: "pg.pool", Client: "pg.client", PoolClient: "pg.poolClient", ClientBase: "pg.client" },
  kinds: {
    "pg.module": {
      library: "pg",
      role: "module",
      properties: { Pool: "pg.PoolClass", Client: "pg.ClientClass" },
    },
    "pg.PoolClass": { library: "pg", role: "factory", construct: "pg.pool" },
    "pg.ClientClass": { library: "pg", role: "factory", construct: "pg.client" },
    "pg.pool": {
      library: "pg",
      role: "pool",
      ownsConnections: true,
      closeMethods: ["end"],
      databaseMethods: pgQuery,
      returns: { connect: { kind: "pg.poolClient", async: true } },
    },
    "pg.client": {
      library: "pg",
      role: "client",
      ownsConnections: true,
      // `cancel(other, query)` spends the client's connection on a cancel request, which the server closes.
      closeMethods: ["end", "cancel"],
      databaseMethods: pgQuery,
    },
    "pg.poolClient": {
      library: "pg",
      role: "pooled-connection",
      databaseMethods: pgQuery,
      release: { selfMethods: ["release"], finallyMethod: "release" },
    },
  },
  batchedForm: "one query with `WHERE id = ANY($1)` and the array of ids",
  batchedCountForm: "one `SELECT key, count(*) … WHERE key = ANY($1) GROUP BY key`, a count for each key",
  batchedFirstRowForm: "one query with `SELECT DISTINCT ON (key) … WHERE key = ANY($1) ORDER BY key, …`, which keeps the first row of each key (`= ANY($1)` alone returns all their rows)",
  batchedWriteForm: "one multi-row `INSERT … VALUES` (or `INSERT … SELECT * FROM unnest($1, $2)`) or one `UPDATE … WHERE id = ANY($1)`",
  batchedInsertForm: "one multi-row `INSERT … VALUES` (or `INSERT … SELECT * FROM unnest($1, $2)`)",
  batchedUpdateForm: "one `UPDATE … WHERE id = ANY($1)`",
  batchedPerRowWriteForm: "one `UPDATE … SET x = v.x FROM unnest($1::int[], $2::text[]) AS v(id, x) WHERE t.id = v.id`",
  batchedRelativeWriteForm: "one `UPDATE … SET x = t.x - v.n FROM unnest($1::int[], $2::int[]) AS v(id, n) WHERE t.id = v.id` (`SET x = v.x` would overwrite the rows, not change them)",
  batchedDeleteForm: "one `DELETE … WHERE id = ANY($1)`",
  batchedInsertSelectForm: "one `INSERT … SELECT` whose `SELECT` takes every key at once (`WHERE id = ANY($1)`, or a join on `unnest($1)`)",
};

const mysqlQuery = { query: { op: "sql" }, execute: { op: "sql" } } as const;

export const mysql2: LibraryKnowledge = {
  id: "mysql2",
  displayName: "mysql2",
  modules: {
    mysql2: {
      "*": "mysql2.module",
      default: "mysql2.module",
      createPool: "mysql2.createPool",
      createConnection: "mysql2.createConnection",
      createPoolCluster: "mysql2.createPool",
    },
    "mysql2/promise": {
      "*": "mysql2.module",
      default: "mysql2.module",
      createPool: "mysql2.createPool",
      createConnection: "mysql2.createConnectionAsync",
      createPoolCluster: "mysql2.createPool",
    },
    mysql: {
      "*": "mysql2.module",
      default: "mysql2.module",
      createPool: "mysql2.createPool",
      createConnection: "mysql2.createConnection",
    },
  },
  types: { Pool: "mysql2.pool", Connection: "mysql2.connection", PoolConnection: "mysql2.poolConnection" },
  kinds: {
    "mysql2.module": {
      library: "mysql2",
      role: "module",
      properties: {
        createPool: "mysql2.createPool",
        createConnection: "mysql2.createConnection",
        createPoolCluster: "mysql2.createPool",
      },
    },
    "mysql2.createPool": { library: "mysql2", role: "factory", call: "mysql2.pool" },
    "mysql2.createConnection": { library: "mysql2", role: "factory", call: "mysql2.connection" },
    "mysql2.createConnectionAsync": {
      library: "mysql2",
      role: "factory",
      call: { kind: "mysql2.connection", async: true },
    },
    "mysql2.pool": {
      library: "mysql2",
      role: "pool",
      ownsConnections: true,
      closeMethods: ["end"],
      databaseMethods: mysqlQuery,
      returns: {
        getConnection: { kind: "mysql2.poolConnection", async: true },
        promise: "mysql2.pool",
      },
    },
    "mysql2.connection": {
      library: "mysql2",
      role: "client",
      ownsConnections: true,
      closeMethods: ["end", "destroy"],
      databaseMethods: mysqlQuery,
      returns: { promise: "mysql2.connection" },
    },
    "mysql2.poolConnection": {
      library: "mysql2",
      role: "pooled-connection",
      databaseMethods: mysqlQuery,
      release: { selfMethods: ["release", "destroy"], ownerMethods: ["releaseConnection"], finallyMethod: "release", setupMethods: ["beginTransaction"] },
      returns: { promise: "mysql2.poolConnection" },
    },
  },
  batchedForm: "one query with `WHERE id IN (?)` and the array of ids",
  batchedCountForm: "one `SELECT key, COUNT(*) … WHERE key IN (?) GROUP BY key`, a count for each key",
  batchedFirstRowForm: "one query over `WHERE key IN (?)` that keeps the first row of each key, `ROW_NUMBER() OVER (PARTITION BY key ORDER BY …) = 1` (`IN (?)` alone returns all their rows)",
  batchedWriteForm: "one `INSERT … VALUES ?` with an array of rows, or one `UPDATE … WHERE id IN (?)`",
  batchedInsertForm: "one `INSERT … VALUES ?` with an array of rows",
  batchedUpdateForm: "one `UPDATE … WHERE id IN (?)`",
  batchedPerRowWriteForm: "one `INSERT … VALUES ? ON DUPLICATE KEY UPDATE x = VALUES(x)` with an array of rows",
  batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
  batchedDeleteForm: "one `DELETE … WHERE id IN (?)`",
  batchedInsertSelectForm: "one `INSERT … SELECT` whose `SELECT` takes every key at once (`WHERE id IN (?)`)",
};
