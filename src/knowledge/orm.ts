import type { DatabaseMethod, KindKnowledge, LibraryKnowledge } from "./types.js";

import { RELATIVE_PER_ROW_WRITE_FORM } from "./batching.js";

/** ORMs and query builders for SQL databases. */

const read: DatabaseMethod = { op: "read" };
const write: DatabaseMethod = { op: "write" };
const sql: DatabaseMethod = { op: "sql" };
/** Prisma's calls return a `PrismaPromise`, which sends its query only when awaited or `then`-ed. */
const lazyRead: DatabaseMethod = { op: "read", lazy: true };
const lazyWrite: DatabaseMethod = { op: "write", lazy: true };
const remove: DatabaseMethod = { op: "write", deletes: true };
const lazyRemove: DatabaseMethod = { op: "write", lazy: true, deletes: true };
const batchedRead: DatabaseMethod = { op: "read", batchedInSameTick: true, lazy: true };

export const prisma: LibraryKnowledge = {
  id: "prisma",
  displayName: "Prisma",
  modules: {
    "@prisma/client": { PrismaClient: "prisma.ClientClass", "*": "prisma.module", default: "prisma.module" },
  },
  types: { PrismaClient: "prisma.client", "Prisma.TransactionClient": "prisma.client" },
  kinds: {
    "prisma.module": { library: "prisma", role: "module", properties: { PrismaClient: "prisma.ClientClass" } },
    "prisma.ClientClass": { library: "prisma", role: "factory", construct: "prisma.client" },
    "prisma.client": {
      library: "prisma",
      role: "orm",
      ownsConnections: true,
      closeMethods: ["$disconnect"],
      anyProperty: "prisma.model",
      returns: { $extends: "prisma.client" },
      databaseMethods: {
        $queryRaw: { ...lazyRead, tagged: true },
        $queryRawUnsafe: lazyRead,
        $executeRaw: { ...lazyWrite, tagged: true },
        $executeRawUnsafe: lazyWrite,
        $runCommandRaw: sql,
      },
    },
    "prisma.model": {
      library: "prisma",
      role: "model",
      databaseMethods: {
        findUnique: batchedRead,
        findUniqueOrThrow: batchedRead,
        findFirst: lazyRead,
        findFirstOrThrow: lazyRead,
        findMany: lazyRead,
        count: lazyRead,
        aggregate: lazyRead,
        groupBy: lazyRead,
        create: lazyWrite,
        createMany: lazyWrite,
        createManyAndReturn: lazyWrite,
        update: lazyWrite,
        updateMany: lazyWrite,
        updateManyAndReturn: lazyWrite,
        upsert: lazyWrite,
        delete: lazyRemove,
        deleteMany: lazyRemove,
      },
    },
  },
  distinctiveMethods: {
    findUnique: "prisma.model",
    findUniqueOrThrow: "prisma.model",
    findFirstOrThrow: "prisma.model",
    createManyAndReturn: "prisma.model",
    $queryRaw: "prisma.client",
    $executeRaw: "prisma.client",
  },
  batchedForm: "one `findMany({ where: { id: { in: ids } } })`",
  batchedCountForm: "one `groupBy({ by: ['key'], where: { key: { in: keys } }, _count: true })`, a count for each key",
  batchedFirstRowForm: "one `findMany({ where: { key: { in: keys } }, orderBy, distinct: ['key'] })`, which keeps the first row of each key (`in` alone returns all their rows)",
  batchedWriteForm: "one `createMany({ data: rows })` or `updateMany({ where: { id: { in: ids } } })`",
  batchedInsertForm: "one `createMany({ data: rows })`",
  batchedInsertReturningForm: "one `createManyAndReturn({ data: rows })`, which gives back the created rows (`createMany` gives only their count)",
  batchedUpdateForm: "one `updateMany({ where: { id: { in: ids } } })`",
  batchedPerRowWriteForm: "one `$executeRaw` `UPDATE … FROM (VALUES …)` statement (Prisma has no bulk update with values per row)",
  batchedDeleteForm: "one `deleteMany({ where: { id: { in: ids } } })`",
  // SQL text through `$queryRaw`/`$executeRaw`: `Prisma.join` writes a list of values as bound parameters, in every database Prisma supports.
  rawSqlForms: {
    batchedForm: "one `$queryRaw` with `WHERE id IN (${Prisma.join(ids)})`",
    batchedCountForm: "one `$queryRaw` `SELECT key, COUNT(*) … WHERE key IN (${Prisma.join(keys)}) GROUP BY key`, a count for each key",
    batchedFirstRowForm:
      "one `$queryRaw` over `WHERE key IN (${Prisma.join(keys)})` that keeps the first row of each key, `ROW_NUMBER() OVER (PARTITION BY key ORDER BY …) = 1` (`IN` alone returns all their rows)",
    batchedWriteForm: "one `createMany({ data: rows })` on the table's model, or one `$executeRaw` `UPDATE … WHERE id IN (${Prisma.join(ids)})`",
    batchedInsertForm: "one `createMany({ data: rows })` on the table's model, or one `$executeRaw` multi-row `INSERT … VALUES ${Prisma.join(rows)}`",
    batchedUpdateForm: "one `$executeRaw` `UPDATE … WHERE id IN (${Prisma.join(ids)})`",
    batchedPerRowWriteForm: "one `$executeRaw` `UPDATE … FROM (VALUES …)` statement that gives each row its values",
    batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
    batchedDeleteForm: "one `$executeRaw` `DELETE … WHERE id IN (${Prisma.join(ids)})`",
    batchedInsertSelectForm: "one `INSERT … SELECT` whose `SELECT` takes every key at once (`WHERE id IN (${Prisma.join(ids)})`)",
  },
};

const sequelizeModelMethods = {
  findAll: read,
  findOne: read,
  findByPk: read,
  findAndCountAll: read,
  count: read,
  max: read,
  min: read,
  sum: read,
  findOrCreate: write,
  findCreateFind: write,
  create: write,
  bulkCreate: write,
  update: write,
  destroy: remove,
  upsert: write,
  increment: write,
  decrement: write,
  restore: write,
  truncate: write,
} as const;

export const sequelize: LibraryKnowledge = {
  id: "sequelize",
  displayName: "Sequelize",
  modules: {
    sequelize: {
      Sequelize: "sequelize.Class",
      default: "sequelize.Class",
      "*": "sequelize.Class",
      Model: "sequelize.ModelClass",
      DataTypes: "sequelize.DataTypes",
    },
    "@sequelize/core": { Sequelize: "sequelize.Class", Model: "sequelize.ModelClass", DataTypes: "sequelize.DataTypes" },
    "sequelize-typescript": { Sequelize: "sequelize.Class", Model: "sequelize.ModelClass" },
  },
  types: { Sequelize: "sequelize.instance", Transaction: "sequelize.transaction", ModelStatic: "sequelize.model" },
  kinds: {
    "sequelize.Class": {
      library: "sequelize",
      role: "factory",
      construct: "sequelize.instance",
      properties: { Sequelize: "sequelize.Class", Model: "sequelize.ModelClass", DataTypes: "sequelize.DataTypes" },
    },
    "sequelize.DataTypes": { library: "sequelize", role: "other" },
    "sequelize.ModelClass": { library: "sequelize", role: "factory", extendsTo: "sequelize.model" },
    "sequelize.instance": {
      library: "sequelize",
      role: "orm",
      ownsConnections: true,
      closeMethods: ["close"],
      databaseMethods: { query: sql },
      returns: { define: "sequelize.model", model: "sequelize.model", transaction: { kind: "sequelize.transaction", async: true } },
      properties: { models: "sequelize.modelRegistry" },
    },
    "sequelize.modelRegistry": { library: "sequelize", role: "other", anyProperty: "sequelize.model" },
    "sequelize.model": {
      library: "sequelize",
      role: "model",
      databaseMethods: sequelizeModelMethods,
      documents: { kind: "sequelize.row", from: ["findAll", "findOne", "findByPk", "create"], keptBy: [], plainOption: "raw" },
      // The same model with a scope or a schema applied (`User.scope("active").findAll(…)`): v6 and v7 names.
      returns: Object.fromEntries(["scope", "unscoped", "schema", "withScope", "withoutScope", "withInitialScope", "withSchema"].map((name) => [name, "sequelize.model"])),
    },
    // An instance of a model, a row (`row.update(values)`, `row.destroy()`).
    "sequelize.row": {
      library: "sequelize",
      role: "document",
      databaseMethods: { save: write, update: write, destroy: remove, reload: read, increment: write, decrement: write, restore: write },
    },
    "sequelize.transaction": {
      library: "sequelize",
      role: "transaction",
      release: { selfMethods: ["commit", "rollback"] },
    },
  },
  distinctiveMethods: {
    findByPk: "sequelize.model",
    findAndCountAll: "sequelize.model",
    findOrCreate: "sequelize.model",
    bulkCreate: "sequelize.model",
  },
  batchedForm: "one `findAll({ where: { id: ids } })`",
  batchedCountForm: "one `count({ where: { key: keys }, group: ['key'] })`, a count for each key",
  batchedWriteForm: "one `bulkCreate(rows)` or `update(values, { where: { id: ids } })`",
  batchedInsertForm: "one `bulkCreate(rows)`",
  batchedUpdateForm: "one `update(values, { where: { id: ids } })`",
  batchedPerRowWriteForm: "one `bulkCreate(rows, { updateOnDuplicate: ['column'] })`",
  batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
  batchedDeleteForm: "one `destroy({ where: { id: ids } })`",
  // A list in `replacements` is written as a comma-separated list, in every dialect (Sequelize's raw queries docs).
  rawSqlForms: {
    batchedForm: "one query with `WHERE id IN (:ids)` and `replacements: { ids }` (Sequelize writes the array as a list)",
    batchedCountForm: "one `SELECT key, COUNT(*) … WHERE key IN (:keys) GROUP BY key` with `replacements: { keys }`, a count for each key",
    batchedWriteForm: "one `bulkCreate(rows)` on the table's model, or one `UPDATE … WHERE id IN (:ids)` with `replacements: { ids }`",
    batchedInsertForm: "one `bulkCreate(rows)` on the table's model",
    batchedUpdateForm: "one `UPDATE … WHERE id IN (:ids)` with `replacements: { ids }`",
    batchedPerRowWriteForm: "one `bulkCreate(rows, { updateOnDuplicate: ['column'] })` on the table's model",
    batchedDeleteForm: "one `DELETE … WHERE id IN (:ids)` with `replacements: { ids }`",
    batchedInsertSelectForm: "one `INSERT … SELECT` whose `SELECT` takes every key at once (`WHERE id IN (:ids)` with `replacements: { ids }`)",
  },
};

const typeormEntityMethods = {
  find: read,
  findBy: read,
  findOne: read,
  findOneBy: read,
  findOneOrFail: read,
  findOneByOrFail: read,
  findAndCount: read,
  findAndCountBy: read,
  count: read,
  countBy: read,
  exists: read,
  existsBy: read,
  sum: read,
  average: read,
  minimum: read,
  maximum: read,
  query: sql,
  save: write,
  insert: write,
  update: write,
  upsert: write,
  delete: remove,
  remove: remove,
  softDelete: write,
  softRemove: write,
  restore: write,
  increment: write,
  decrement: write,
} as const;

export const typeorm: LibraryKnowledge = {
  id: "typeorm",
  displayName: "TypeORM",
  modules: {
    typeorm: {
      DataSource: "typeorm.DataSourceClass",
      BaseEntity: "typeorm.BaseEntityClass",
      getRepository: "typeorm.getRepository",
      getManager: "typeorm.getManager",
      getConnection: "typeorm.getConnection",
      createConnection: "typeorm.createConnection",
    },
  },
  types: {
    DataSource: "typeorm.dataSource",
    Connection: "typeorm.dataSource",
    Repository: "typeorm.repository",
    TreeRepository: "typeorm.repository",
    MongoRepository: "typeorm.repository",
    EntityManager: "typeorm.manager",
    QueryRunner: "typeorm.queryRunner",
    SelectQueryBuilder: "typeorm.queryBuilder",
  },
  kinds: {
    "typeorm.DataSourceClass": { library: "typeorm", role: "factory", construct: "typeorm.dataSource" },
    "typeorm.BaseEntityClass": { library: "typeorm", role: "factory", extendsTo: "typeorm.entityClass" },
    "typeorm.getRepository": { library: "typeorm", role: "factory", call: "typeorm.repository" },
    "typeorm.getManager": { library: "typeorm", role: "factory", call: "typeorm.manager" },
    "typeorm.getConnection": { library: "typeorm", role: "factory", call: "typeorm.dataSource", returnsExisting: true },
    "typeorm.createConnection": {
      library: "typeorm",
      role: "factory",
      registryOption: "name",
      call: { kind: "typeorm.dataSource", async: true },
    },
    "typeorm.dataSource": {
      library: "typeorm",
      role: "orm",
      ownsConnections: true,
      closeMethods: ["destroy", "close"],
      properties: { manager: "typeorm.manager" },
      databaseMethods: { query: sql },
      returns: {
        getRepository: "typeorm.repository",
        getTreeRepository: "typeorm.repository",
        createQueryRunner: "typeorm.queryRunner",
        createQueryBuilder: "typeorm.queryBuilder",
        initialize: { kind: "typeorm.dataSource", async: true },
      },
    },
    "typeorm.manager": {
      library: "typeorm",
      role: "model",
      databaseMethods: typeormEntityMethods,
      returns: { getRepository: "typeorm.repository", createQueryBuilder: "typeorm.queryBuilder" },
    },
    "typeorm.repository": {
      library: "typeorm",
      role: "model",
      databaseMethods: typeormEntityMethods,
      properties: { manager: "typeorm.manager" },
      returns: { createQueryBuilder: "typeorm.queryBuilder" },
    },
    "typeorm.entityClass": {
      library: "typeorm",
      role: "model",
      databaseMethods: typeormEntityMethods,
      // Active Record: what `User.find(…)` returns are entities that save themselves.
      documents: { kind: "typeorm.entity", from: ["find", "findBy", "findOne", "findOneBy", "findOneOrFail", "findOneByOrFail"], keptBy: [] },
    },
    // An entity of a class that extends `BaseEntity` (`user.save()`, `user.remove()`).
    "typeorm.entity": {
      library: "typeorm",
      role: "document",
      databaseMethods: { save: write, remove, softRemove: write, recover: write, reload: read },
    },
    "typeorm.queryRunner": {
      library: "typeorm",
      role: "pooled-connection",
      databaseMethods: { query: sql },
      properties: { manager: "typeorm.manager" },
      release: { selfMethods: ["release"], finallyMethod: "release", async: true, setupMethods: ["connect", "startTransaction"], connectsOnFirstUse: true, keptBy: ["setQueryRunner"] },
    },
    "typeorm.queryBuilder": {
      library: "typeorm",
      role: "query-builder",
      chain: "typeorm.queryBuilder",
      // `createQueryBuilder().delete().from(E).where(…).execute()` (safe-client-gateway's subscriptions per safe).
      returns: { delete: "typeorm.deleteBuilder", softDelete: "typeorm.writeBuilder", restore: "typeorm.writeBuilder", update: "typeorm.writeBuilder", insert: "typeorm.writeBuilder" },
      databaseMethods: {
        getOne: read,
        getOneOrFail: read,
        getMany: read,
        getRawOne: read,
        getRawMany: read,
        getCount: read,
        getManyAndCount: read,
        getExists: read,
        execute: sql,
        stream: read,
      },
    },
    "typeorm.writeBuilder": { library: "typeorm", role: "query-builder", chain: "typeorm.writeBuilder", databaseMethods: { execute: write } },
    "typeorm.deleteBuilder": { library: "typeorm", role: "query-builder", chain: "typeorm.deleteBuilder", deletes: true, databaseMethods: { execute: remove } },
  },
  distinctiveMethods: {
    createQueryRunner: "typeorm.dataSource",
    findOneBy: "typeorm.repository",
    findOneByOrFail: "typeorm.repository",
    findOneOrFail: "typeorm.repository",
    existsBy: "typeorm.repository",
  },
  batchedForm: "one `findBy({ id: In(ids) })`",
  batchedCountForm: "one query builder with `where('key IN (:...keys)', { keys })`, `groupBy('key')` and `COUNT(*)`, a count for each key",
  batchedWriteForm: "one `save(entities)` or `insert(rows)`, or `update({ id: In(ids) }, values)`",
  batchedInsertForm: "one `insert(rows)` (or `save(entities)`)",
  batchedUpdateForm: "one `update({ id: In(ids) }, values)`",
  batchedPerRowWriteForm: "one `upsert(rows, ['id'])`",
  batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
  batchedDeleteForm: "one `delete({ id: In(ids) })`, or one `remove(entities)` with the whole list",
};

const drizzleModules = [
  "node-postgres",
  "postgres-js",
  "mysql2",
  "better-sqlite3",
  "libsql",
  "neon-http",
  "neon-serverless",
  "planetscale-serverless",
  "vercel-postgres",
  "pglite",
  "bun-sqlite",
  "d1",
  "singlestore",
  "tidb-serverless",
  "xata-http",
];

/** A drizzle insert, update or delete builder: runs when awaited or executed. */
const drizzleWrite: KindKnowledge = {
  library: "drizzle",
  role: "query-builder",
  chain: "drizzle.write",
  runsWhenAwaited: "write",
  databaseMethods: { execute: write, all: write, get: write, run: write, values: write },
};

export const drizzle: LibraryKnowledge = {
  id: "drizzle",
  displayName: "Drizzle ORM",
  modules: Object.fromEntries(drizzleModules.map((driver) => [`drizzle-orm/${driver}`, { drizzle: "drizzle.factory" }])),
  types: {
    NodePgDatabase: "drizzle.db",
    PostgresJsDatabase: "drizzle.db",
    MySql2Database: "drizzle.db",
    BetterSQLite3Database: "drizzle.db",
    LibSQLDatabase: "drizzle.db",
    NeonHttpDatabase: "drizzle.db",
    NeonDatabase: "drizzle.db",
    PgDatabase: "drizzle.db",
    MySqlDatabase: "drizzle.db",
    BaseSQLiteDatabase: "drizzle.db",
  },
  kinds: {
    "drizzle.factory": { library: "drizzle", role: "factory", call: "drizzle.db" },
    "drizzle.db": {
      library: "drizzle",
      role: "orm",
      ownsConnections: true,
      properties: { query: "drizzle.relational" },
      databaseMethods: { execute: sql, run: sql, all: sql, get: sql, values: sql },
      returns: {
        select: "drizzle.select",
        selectDistinct: "drizzle.select",
        selectDistinctOn: "drizzle.select",
        $count: "drizzle.select",
        with: "drizzle.db",
        $with: "drizzle.other",
        insert: "drizzle.write",
        update: "drizzle.write",
        delete: "drizzle.delete",
      },
    },
    "drizzle.other": { library: "drizzle", role: "other" },
    "drizzle.relational": { library: "drizzle", role: "other", anyProperty: "drizzle.relationalTable" },
    "drizzle.relationalTable": {
      library: "drizzle",
      role: "model",
      databaseMethods: { findMany: read, findFirst: read },
    },
    "drizzle.select": {
      library: "drizzle",
      role: "query-builder",
      chain: "drizzle.select",
      runsWhenAwaited: "read",
      databaseMethods: { execute: read, all: read, get: read, run: read, values: read },
    },
    "drizzle.write": drizzleWrite,
    "drizzle.delete": { ...drizzleWrite, chain: "drizzle.delete", deletes: true },
  },
  distinctiveShapes: [{ package: "drizzle-orm", parentProperty: "query", methods: ["findFirst", "findMany"], kind: "drizzle.relationalTable" }],
  distinctiveChains: [
    { package: "drizzle-orm", start: "insert", next: ["values"], kind: "drizzle.write" },
    { package: "drizzle-orm", start: "update", next: ["set"], kind: "drizzle.write" },
    { package: "drizzle-orm", start: "delete", next: ["where", "returning"], kind: "drizzle.delete" },
    { package: "drizzle-orm", start: "select", next: ["from"], kind: "drizzle.select" },
    { package: "drizzle-orm", start: "selectDistinct", next: ["from"], kind: "drizzle.select" },
  ],
  batchedForm: "one query with `inArray(table.id, ids)`",
  batchedCountForm: "one `select({ key: table.key, n: count() }).from(table).where(inArray(table.key, keys)).groupBy(table.key)`, a count for each key",
  batchedWriteForm: "one `insert(table).values(rows)` or an `update(table)…where(inArray(table.id, ids))`",
  batchedInsertForm: "one `insert(table).values(rows)`",
  batchedUpdateForm: "one `update(table)…where(inArray(table.id, ids))`",
  batchedPerRowWriteForm: "one `insert(table).values(rows).onConflictDoUpdate({ target: table.id, set: … })`",
  batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
  batchedDeleteForm: "one `delete(table).where(inArray(table.id, ids))`",
  tableArgumentMethods: ["insert", "update", "delete"],
};

/** Besides `then`: knex runs a builder on `asCallback(cb)`, `stream()` and `pipe(writable)`. */
const knexRunMethods = ["asCallback", "stream", "pipe"] as const;

const knexWrites = { insert: "knex.write", update: "knex.write", del: "knex.delete", delete: "knex.delete", upsert: "knex.write", increment: "knex.write", decrement: "knex.write", truncate: "knex.write", merge: "knex.write" } as const;

/** A knex builder after `insert`, `update`, `delete`…: runs when awaited. */
const knexWrite: KindKnowledge = {
  library: "knex",
  role: "query-builder",
  chain: "knex.write",
  runsWhenAwaited: "write",
  runMethods: knexRunMethods,
  returns: { toSQL: "knex.other", toString: "knex.other", toQuery: "knex.other" },
};

export const knex: LibraryKnowledge = {
  id: "knex",
  displayName: "Knex",
  modules: { knex: { default: "knex.factory", knex: "knex.factory", "*": "knex.factory" } },
  types: { Knex: "knex.instance", "Knex.Transaction": "knex.transaction" },
  kinds: {
    "knex.factory": { library: "knex", role: "factory", call: "knex.instance" },
    "knex.instance": {
      library: "knex",
      role: "orm",
      ownsConnections: true,
      closeMethods: ["destroy"],
      call: "knex.read",
      properties: { fn: "knex.other", schema: "knex.other", client: "knex.other" },
      returns: {
        ...knexWrites,
        transaction: { kind: "knex.transaction", async: true },
        raw: "knex.raw",
        select: "knex.read",
        from: "knex.read",
        table: "knex.read",
        queryBuilder: "knex.read",
        first: "knex.read",
        with: "knex.read",
        count: "knex.read",
        ref: "knex.other",
      },
    },
    "knex.other": { library: "knex", role: "other" },
    "knex.transaction": {
      library: "knex",
      role: "transaction",
      call: "knex.read",
      release: { selfMethods: ["commit", "rollback"] },
      returns: { ...knexWrites, raw: "knex.raw", select: "knex.read", from: "knex.read", table: "knex.read" },
    },
    "knex.read": {
      library: "knex",
      role: "query-builder",
      chain: "knex.read",
      runsWhenAwaited: "read",
      runMethods: knexRunMethods,
      returns: { ...knexWrites, toSQL: "knex.other", toString: "knex.other", toQuery: "knex.other" },
    },
    // `knex.raw(sql, bindings)`: a whole statement, read or write by its SQL text.
    "knex.raw": {
      library: "knex",
      role: "query-builder",
      chain: "knex.raw",
      runsWhenAwaited: "sql",
      runMethods: knexRunMethods,
      returns: { toSQL: "knex.other", toString: "knex.other", toQuery: "knex.other" },
    },
    "knex.write": knexWrite,
    "knex.delete": { ...knexWrite, chain: "knex.delete", deletes: true },
  },
  batchedForm: "one query with `.whereIn('id', ids)`",
  batchedCountForm: "one `.select('key').count('* as n').whereIn('key', keys).groupBy('key')`, a count for each key",
  batchedWriteForm: "one `insert(rows)` or one `.whereIn('id', ids).update(values)`",
  batchedInsertForm: "one `insert(rows)`",
  batchedUpdateForm: "one `.whereIn('id', ids).update(values)`",
  batchedPerRowWriteForm: "one `insert(rows).onConflict('id').merge()`",
  batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
  batchedDeleteForm: "one `.whereIn('id', ids).delete()`",
};

const kyselyExecute = { execute: read, executeTakeFirst: read, executeTakeFirstOrThrow: read, stream: read } as const;

/** A kysely insert, update or delete builder: runs when executed. */
const kyselyWrite: KindKnowledge = {
  library: "kysely",
  role: "query-builder",
  chain: "kysely.write",
  databaseMethods: { execute: write, executeTakeFirst: write, executeTakeFirstOrThrow: write },
};

export const kysely: LibraryKnowledge = {
  id: "kysely",
  displayName: "Kysely",
  modules: { kysely: { Kysely: "kysely.Class" } },
  types: { Kysely: "kysely.db", Transaction: "kysely.db" },
  kinds: {
    "kysely.Class": { library: "kysely", role: "factory", construct: "kysely.db" },
    "kysely.db": {
      library: "kysely",
      role: "orm",
      ownsConnections: true,
      closeMethods: ["destroy"],
      returns: {
        selectFrom: "kysely.read",
        selectNoFrom: "kysely.read",
        // Common table expressions, schemas and plugins give a query creator with the same builders.
        with: "kysely.db",
        withRecursive: "kysely.db",
        withSchema: "kysely.db",
        withPlugin: "kysely.db",
        withoutPlugins: "kysely.db",
        insertInto: "kysely.write",
        updateTable: "kysely.write",
        deleteFrom: "kysely.delete",
        replaceInto: "kysely.write",
        mergeInto: "kysely.write",
      },
    },
    "kysely.read": { library: "kysely", role: "query-builder", chain: "kysely.read", databaseMethods: kyselyExecute },
    "kysely.write": kyselyWrite,
    "kysely.delete": { ...kyselyWrite, chain: "kysely.delete", deletes: true },
  },
  batchedForm: "one query with `.where('id', 'in', ids)`",
  batchedCountForm: "one `.select(['key', (eb) => eb.fn.countAll().as('n')]).where('key', 'in', keys).groupBy('key')`, a count for each key",
  batchedWriteForm: "one `insertInto(table).values(rows)` or one `.where('id', 'in', ids)` update",
  batchedInsertForm: "one `insertInto(table).values(rows)`",
  batchedUpdateForm: "one `.where('id', 'in', ids)` update",
  batchedPerRowWriteForm: "one `insertInto(table).values(rows).onConflict((oc) => oc.column('id').doUpdateSet(…))`",
  batchedRelativeWriteForm: RELATIVE_PER_ROW_WRITE_FORM,
  batchedDeleteForm: "one `deleteFrom(table).where('id', 'in', ids)`",
};

/**
 * Properties that hold an entity's id (Mongoose's `_id`, an ORM's `id`). A value that has one is
 * the entity itself, and an id (a string, a number, an ObjectId) has none: `loanOrId._id ?
 * loanOrId : await Loan.findById(loanOrId)` queries only when given the id.
 */
export const ENTITY_ID_PROPERTIES: readonly string[] = ["_id", "id"];
