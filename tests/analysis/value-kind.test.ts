import type { TSESTree } from "@typescript-eslint/utils";

import { AST_NODE_TYPES, ESLintUtils } from "@typescript-eslint/utils";

import { getDatabaseCall } from "../../src/analysis/database-call.js";
import { getValueKind } from "../../src/analysis/value-kind.js";
import { runRuleTests } from "../rule-tester.js";

/**
 * A probe rule: reports the kind of every argument of `probe(x)` and every database call, so
 * that the analysis layer is tested through the same parsers and type information as rules.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], "kind" | "db">({
  meta: {
    type: "problem",
    messages: { kind: "{{kind}}", db: "{{db}}" },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "probe" && node.arguments[0]) {
          const kind = getValueKind(context, node.arguments[0]);
          const label = kind ? `${kind.id}${kind.promise ? " (promise)" : ""} [${kind.evidence}]` : "unknown";
          context.report({ node: node.arguments[0], messageId: "kind", data: { kind: label } });
          return;
        }
        const db = getDatabaseCall(context, node);
        if (db) context.report({ node, messageId: "db", data: { db: `${db.kind.id}.${db.method} ${db.op} [${db.evidence}]` } });
      },
    };
  },
});

function kindCase(code: string, kind: string, filename?: string) {
  return { code, filename, errors: [{ messageId: "kind" as const, data: { kind } }] };
}

runRuleTests("analysis: value kinds", probe, {
  valid: [
    // A generic `query` on an unknown object is not a database call.
    "helpers.query(id);",
    "api.get(`/users/${id}`);",
    "const res = await fetch(url); res.json();",
  ],
  invalid: [
    kindCase('import { Pool } from "pg"; const pool = new Pool(); probe(pool);', "pg.pool [proof]"),
    kindCase('import pg from "pg"; const pool = new pg.Pool(); probe(pool);', "pg.pool [proof]"),
    kindCase('const { Pool } = require("pg"); const pool = new Pool(); probe(pool);', "pg.pool [proof]", "file.cjs"),
    kindCase('import { Pool } from "pg"; const pool = new Pool(); async function f() { const c = await pool.connect(); probe(c); }', "pg.poolClient [proof]"),
    kindCase('import type { PoolClient } from "pg"; function f(client: PoolClient) { probe(client); }', "pg.poolClient [proof]"),
    kindCase('import { Pool } from "pg"; class S { constructor(private pool: Pool) {} run() { probe(this.pool); } }', "pg.pool [proof]"),
    kindCase('import Redis from "ioredis"; class S { cache = new Redis(); run() { probe(this.cache); } }', "ioredis.client [proof]"),
    kindCase('import Redis from "ioredis"; function f(redis: Redis) { probe(redis); }', "ioredis.client [proof]"),
    kindCase('import { createClient } from "redis"; let client; function get() { if (!client) client = createClient(); probe(client); }', "redis.client [proof]", "file.js"),
    kindCase("async function f() { const res = await fetch(url); probe(res); }", "fetch.response [proof]"),
    // `Promise.all` destructured: each name is the awaited element at its position.
    kindCase("async function f() { const [user, res] = await Promise.all([load(), fetch(url)]); probe(res); }", "fetch.response [proof]"),
    kindCase("async function f() { const [res, user] = await Promise.all([load(), fetch(url)]); probe(res); }", "unknown"),
    // A spread before it, or a local `Promise`: the position cannot be read.
    kindCase("async function f(more) { const [user, res] = await Promise.all([...more, fetch(url)]); probe(res); }", "unknown"),
    kindCase("async function f(Promise) { const [user, res] = await Promise.all([load(), fetch(url)]); probe(res); }", "unknown"),
    kindCase("fetch(url).then((res) => probe(res));", "fetch.response [proof]"),
    kindCase("function f(res: Response) { probe(res); }", "fetch.response [proof]"),
    // Express's `Response` is the server response, not the fetch Response.
    kindCase('import { Response } from "express"; function f(res: Response) { probe(res); }', "unknown"),
    kindCase('import type { Response } from "express"; function f(res: Response) { probe(res); }', "unknown"),
    kindCase('import { PrismaClient } from "@prisma/client"; const prisma = new PrismaClient(); probe(prisma.user);', "prisma.model [proof]"),
    {
      // The chain is both a value of kind knex.read and, as the outermost call, one query.
      code: 'import knex from "knex"; const db = knex({}); const q = db("users").where({ id: 1 }); probe(q);',
      errors: [
        { messageId: "db" as const, data: { db: "knex.read.where read [proof]" } },
        { messageId: "kind" as const, data: { kind: "knex.read [proof]" } },
      ],
    },
    kindCase('import { Model } from "sequelize"; class User extends Model {} probe(User);', "sequelize.model [proof]"),
    kindCase('import type { Knex } from "knex"; function f(trx: Knex.Transaction) { probe(trx); }', "knex.transaction [proof]"),
    kindCase('import { z } from "zod"; probe(z.string().min(1));', "zod.schema [proof]"),
    // docmost: a recursive CTE gives a query creator whose `selectFrom` builds a query like the database's own.
    kindCase('import { Kysely } from "kysely"; const db = new Kysely<any>({ dialect }); probe(db.withRecursive("tree", (q) => q.selectFrom("pages")).selectFrom("tree"));', "kysely.read [proof]"),
    kindCase('import { Kysely } from "kysely"; const db = new Kysely<any>({ dialect }); probe(db.withRecursive("tree", (q) => q.selectFrom("pages")).transaction());', "unknown"),
    {
      code: 'import { Pool } from "pg"; const pool = new Pool(); pool.query("SELECT 1");',
      errors: [{ messageId: "db" as const, data: { db: "pg.pool.query sql [proof]" } }],
    },
    {
      code: 'import User from "./models/user"; User.findByPk(id);',
      errors: [{ messageId: "db" as const, data: { db: "sequelize.model.findByPk read [name]" } }],
    },
    {
      code: "db.query('SELECT * FROM products WHERE id = $1', [id]);",
      errors: [{ messageId: "db" as const, data: { db: "pg.client.query sql [sql]" } }],
    },
    {
      code: 'import knex from "knex"; const db = knex({}); async function f() { await db("users").where({ id }).first(); }',
      errors: [{ messageId: "db" as const, data: { db: "knex.read.first read [proof]" } }],
    },
    {
      code: 'import { db } from "./db"; db.query("SELECT 1");',
      settings: { postmortem: { modules: { "./db": { db: "mysql2.pool" } } } },
      errors: [{ messageId: "db" as const, data: { db: "mysql2.pool.query sql [proof]" } }],
    },
  ],
});
