/**
 * The shape of the knowledge base. Everything here is data: rules and the analysis layer read
 * it, nothing in it runs. A value the analysis layer can identify gets a *kind* (a string such
 * as `pg.pool` or `fetch.response`); a kind says what its methods do and what they return.
 */

/** A reference to a kind. `async: true` means the value is a Promise of that kind. */
export type KindRef = string | { kind: string; async: true };

/** What a value of a kind is, in the vocabulary the rules share. */
export type Role =
  /** A module namespace or a library's top-level export object (`pg`, `mongoose`). */
  | "module"
  /** A function or class exported by a library (`Pool`, `fetch`, `createClient`). */
  | "factory"
  /** A pool of connections: checks connections out and back in. */
  | "pool"
  /** A single client or connection that owns a socket. */
  | "client"
  /** A connection checked out of a pool: must be given back. */
  | "pooled-connection"
  /** An ORM entry point that owns a pool (PrismaClient, Sequelize, DataSource, drizzle db). */
  | "orm"
  /** A model, repository or table handle whose methods run queries. */
  | "model"
  /** A lazy query: a chain of builder calls that runs one round trip when awaited. */
  | "query-builder"
  /** A transaction or session that must be committed, rolled back or ended. */
  | "transaction"
  /** A row a query returned, as an object whose own methods write it back (a Mongoose document, a Sequelize instance). */
  | "document"
  /** A remote key-value store client (Redis). */
  | "cache"
  /** A fetch Response (or a promise-like that has body readers, as ky's). */
  | "response"
  /** A validation or ORM schema builder value. */
  | "schema"
  /** Anything else the rules need to name. */
  | "other";

export interface DatabaseMethod {
  /** `read` and `write` are known; `sql` runs the SQL text given as the first argument. */
  op: "read" | "write" | "sql";
  /** The call is batched with other calls of the same tick by the library itself. */
  batchedInSameTick?: boolean;
  /**
   * The call returns a query that runs only when awaited, `then`-ed or `exec`-ed (Mongoose's
   * `Query`, Prisma's `PrismaPromise`), or given a callback: as a bare statement it sends nothing.
   */
  lazy?: boolean;
  /** The call removes rows or documents: a report gives the library's `batchedDeleteForm`. */
  deletes?: boolean;
  /**
   * The method is also a template tag that sends the template as SQL, its values as bound
   * parameters (Prisma's `` prisma.$queryRaw`SELECT … WHERE id = ${id}` ``).
   */
  tagged?: boolean;
}

export interface CacheKnowledge {
  /** Reads of one key: `get(key)`, `exists(key)`, `hget(key, field)`. */
  reads: readonly string[];
  /** Plain writes of one key. */
  writes: readonly string[];
  /** Writes that are atomic check-and-set or counters by themselves. */
  atomicWrites: readonly string[];
  /** Deletes of one key. */
  deletes: readonly string[];
  /** Option tokens that make a `set` atomic (`'NX'` as an argument, `{ NX: true }`). */
  conditionalSetTokens: readonly string[];
  /** Methods that start a transaction or run server-side scripts (`multi`, `eval`). */
  transactions: readonly string[];
  /** Option-object keys that make a `set` conditional whatever their value (`{ condition: "NX" }`). */
  conditionalSetKeys?: readonly string[];
  /** Where key, field and value sit in a command's arguments; others are `{ key: 0, value: 1 }`. */
  keyArguments?: Readonly<Record<string, CacheKeyArguments>>;
  /** The atomic set-if-absent call in this client's argument style, for messages. */
  atomicSetForm?: string;
  /** Atomic counter methods in this client's casing. */
  increment?: { readonly one: string; readonly by: string };
}

/** Argument positions of a keyed cache command; `field` is a hash field or a set member. */
export interface CacheKeyArguments {
  readonly key: number;
  readonly field?: number;
  /** The written value; absent for commands that write no value (`sadd`, `del`). */
  readonly value?: number;
}

export interface ReleaseKnowledge {
  /** Methods of the resource itself that give it back (`client.release()`). */
  selfMethods: readonly string[];
  /** Methods of the owner that take the resource as first argument (`pool.release(res)`). */
  ownerMethods?: readonly string[];
  /**
   * The call that belongs in `finally` (`release`, `endSession`); absent when giving the
   * resource back means a commit or a rollback (transactions), which no `finally` can choose.
   */
  finallyMethod?: string;
  /** `finallyMethod` is a method of the owner that takes the resource (`pool.release(resource)`). */
  finallyOnOwner?: boolean;
  /** The release methods return a promise: await them in `finally`. */
  async?: boolean;
  /**
   * Methods of the resource called right after the checkout and before the `try` in the
   * library's documented pattern (`await queryRunner.connect()`); not counted as a throw that
   * skips the release.
   */
  setupMethods?: readonly string[];
  /**
   * The resource takes its connection only when first used (TypeORM's `createQueryRunner()`
   * connects at `connect()` or at its first query): a throw before that use holds nothing.
   */
  connectsOnFirstUse?: boolean;
  /**
   * Methods that keep a resource which connects on first use for queries they run later
   * (`builder.setQueryRunner(runner)`): handing it to them is not its first use, the next query is.
   */
  keptBy?: readonly string[];
}

export interface KindKnowledge {
  /** Library id, as in `LibraryKnowledge.id`. */
  library: string;
  role: Role;
  /** Calling the value itself: `knex('users')`, `fetch(url)`. */
  call?: KindRef;
  /**
   * Calling it looks up a value made elsewhere (TypeORM's `getConnection()`, the connection opened
   * at start-up): no client is created by the call.
   */
  returnsExisting?: boolean;
  /**
   * The option under which a call keeps what it creates in the library's registry (TypeORM's
   * `createConnection({ name })`, found again with `getConnectionManager().get(name)`; the same name
   * again throws rather than opening a second pool): a call given it keeps its client.
   */
  registryOption?: string;
  /** A class declared with `extends` this value is of this kind (`class User extends Model`). */
  extendsTo?: string;
  /** Constructing it: `new Pool()`. */
  construct?: KindRef;
  /** Property reads that yield another kind: `mongoose.Types`, `prisma.$transaction`. */
  properties?: Readonly<Record<string, KindRef>>;
  /** Any property not in `properties` and not starting with `$` or `_` (prisma models). */
  anyProperty?: KindRef;
  /** Method calls that return another kind (async where the library returns a promise). */
  returns?: Readonly<Record<string, KindRef>>;
  /** Every method call not listed in `returns` returns this kind (builders chain). */
  chain?: KindRef;
  /** The kind an `await` of this value produces, when it is a thenable of its own. */
  awaited?: string;
  /** Methods that run one round trip to the database. */
  databaseMethods?: Readonly<Record<string, DatabaseMethod>>;
  /** The objects this model's queries return, whose own methods run queries (`doc.save()`). */
  documents?: DocumentKnowledge;
  /**
   * Awaiting this value (a builder) runs one round trip that reads or writes; `sql` when its SQL
   * text says which (`knex.raw`).
   */
  runsWhenAwaited?: "read" | "write" | "sql";
  /** This builder removes rows when it runs, awaited or executed (`knex(t).where(…).delete()`, `db.deleteFrom(t)…execute()`). */
  deletes?: boolean;
  /**
   * Methods besides `then`, `catch` and `finally` that run such a builder without an `await`
   * (`asCallback(cb)`, `stream()`). A chain whose result nothing awaits and that ends in none of
   * them sends no query.
   */
  runMethods?: readonly string[];
  /** Cache read and write methods, for a key-value store. */
  cache?: CacheKnowledge;
  /** How a checked-out resource is given back. */
  release?: ReleaseKnowledge;
  /** Methods that close a client or pool for good (`end`, `quit`, `$disconnect`). */
  closeMethods?: readonly string[];
  /** Creating a value of this kind opens connections: create it once per process. */
  ownsConnections?: boolean;
  /** Body readers of a fetch Response. */
  bodyReaders?: readonly string[];
}

/**
 * The rows a model's queries return as objects of the library's (Mongoose's documents, Sequelize's
 * instances), whose own methods send a query: `for (const s of await Schedule.find(…)) { s.status =
 * "ACTIVE"; await s.save(); }` writes one document per element.
 */
export interface DocumentKnowledge {
  /** The kind of such an object; its `databaseMethods` are the methods that send a query. */
  readonly kind: string;
  /** The model's methods whose awaited result is such an object or a list of them (`find`, `findOne`, `create`). */
  readonly from: readonly string[];
  /** Methods of the query those return that keep its rows objects of the kind (`populate`, `sort`; not `lean`). */
  readonly keptBy: readonly string[];
  /** An option of the query's that returns plain rows instead (Sequelize's `{ raw: true }`). */
  readonly plainOption?: string;
}

/**
 * A call shape only one library has, good evidence where the receiver's origin cannot be
 * resolved but the file imports the library's package: drizzle's relational
 * `this.db.query.users.findFirst(…)`, on a `db` exported by the application's own module, in a
 * file that imports `eq` from `drizzle-orm`; a query with MongoDB's operators, in a file that
 * imports `mongoose` (`Inventory.aggregate([{ $match: … }])` on a model of the application's
 * `models/`). Method names alone (`findFirst`, `aggregate`) are not enough: Prisma's models have
 * them too. The shape holds when each of its conditions holds.
 */
export interface DistinctiveShape {
  /** The package the file must import, itself or a module under it (`drizzle-orm/pg-core`). */
  readonly package: string;
  /** The receiver is a property of this property: `<anything>.query.<table>`. */
  readonly parentProperty?: string;
  /**
   * An object literal among the first two arguments, in an array there or as a property's value
   * there, has a key of this list: MongoDB's operators, in `Inventory.aggregate([{ $match: … }])`,
   * `find({ price: { $gte: 10 } })` or `updateOne(filter, { $set: … })`.
   */
  readonly argumentKeys?: ReadonlySet<string>;
  /** The methods called on such a receiver. */
  readonly methods: readonly string[];
  /** The kind of the receiver. */
  readonly kind: string;
}

/**
 * A link of a call chain only one library has, good evidence like a `DistinctiveShape`: drizzle's
 * `this.db.insert(users).values(row)`, on a `db` exported by the application's own module, in a
 * file that imports `eq` from `drizzle-orm`. The first method alone is not enough (`insert` is
 * knex's and TypeORM's too), nor is a chain of two generic names outside such a file.
 */
export interface DistinctiveChain {
  /** The package the file must import, itself or a module under it. */
  readonly package: string;
  /** The method that starts the chain: `insert` in `db.insert(users).values(row)`. */
  readonly start: string;
  /** The methods that may be called on its result, one of which must be: `values`. */
  readonly next: readonly string[];
  /** The kind of the starting call's result; the later links follow from its knowledge. */
  readonly kind: string;
}

/** What importing a module gives. Keys are export names; `default` and `*` are special. */
export type ModuleExports = Readonly<Record<string, KindRef>>;

/** How to send a library's per-item queries at once, for messages: each a phrase after "use" or "with". */
export interface BatchedForms {
  /** How to batch per-item reads with this library, for messages. */
  batchedForm?: string;
  /**
   * How to batch per-item reads of the first row of each key by an order (`ORDER BY … LIMIT 1`,
   * `findOne(…).sort(…)`, `findFirst({ orderBy })`), which `batchedForm` would return whole: every
   * row of every key.
   */
  batchedFirstRowForm?: string;
  /**
   * How to batch per-item counts (`count({ where: { postId } })`, `SELECT count(*) … WHERE post_id
   * = $1`): one grouped count, a count for each key, where `batchedForm` would fetch the rows.
   */
  batchedCountForm?: string;
  /** How to batch per-item writes with this library, for messages. */
  batchedWriteForm?: string;
  /** How to batch per-item inserts, for a write known to insert (SQL text that starts with `INSERT`, a method of `INSERT_METHODS`); `batchedWriteForm` names inserts and updates both. */
  batchedInsertForm?: string;
  /**
   * How to batch per-item inserts of the library's API whose created rows the code uses
   * (`const data = await prisma.documentData.create(…)`, then `data.id`), where
   * `batchedInsertForm` gives back only a count (Prisma's `createMany`).
   */
  batchedInsertReturningForm?: string;
  /** How to batch per-item updates that give every row the same values, for a write known to update (SQL text that starts with `UPDATE`, a method of `UPDATE_METHODS`). */
  batchedUpdateForm?: string;
  /**
   * How to batch updates that give each row values of its own (`data: { name: row.name }`), which
   * a single `update … where id in (ids)` cannot express, for messages.
   */
  batchedPerRowWriteForm?: string;
  /**
   * How to batch per-row changes relative to each row's own value (`available = available - ?`,
   * `decrement(…)`), where `batchedPerRowWriteForm` is an upsert: an upsert writes the values it is
   * given, so it would overwrite the rows, not change them, and insert the ones that do not exist.
   */
  batchedRelativeWriteForm?: string;
  /** How to batch per-item deletes with this library, for messages. */
  batchedDeleteForm?: string;
  /** How to batch a per-item `INSERT … SELECT` with this library (one statement whose `SELECT` takes all the keys), for messages. */
  batchedInsertSelectForm?: string;
}

export interface LibraryKnowledge extends BatchedForms {
  /** Stable id used in messages and in `settings.postmortem` (`pg`, `prisma`). */
  id: string;
  /** How messages name the library. */
  displayName: string;
  /** Module specifiers and what each exports. `*` is the namespace object. */
  modules: Readonly<Record<string, ModuleExports>>;
  /** Type names (as imported from the library) and the kind a value of that type has. */
  types?: Readonly<Record<string, string>>;
  /** The kinds this library defines. */
  kinds: Readonly<Record<string, KindKnowledge>>;
  /**
   * Method names only this library uses, and the kind of their receiver. Good evidence when the
   * receiver's origin cannot be resolved (models imported from the app's own `./models`).
   */
  distinctiveMethods?: Readonly<Record<string, string>>;
  /** Call shapes only this library has, evidence in a file that imports its package (see `DistinctiveShape`). */
  distinctiveShapes?: readonly DistinctiveShape[];
  /** Call chains only this library has, evidence in a file that imports its package (see `DistinctiveChain`). */
  distinctiveChains?: readonly DistinctiveChain[];
  /** Global identifiers that are this library's (fetch, Response). */
  globals?: Readonly<Record<string, KindRef>>;
  /** Global type names that are this library's (`Response`). */
  globalTypes?: Readonly<Record<string, string>>;
  /**
   * How to batch SQL text sent through this library's raw query method (`sequelize.query(text, {
   * replacements })`), for messages, where its own forms name its query API; the forms it lacks are
   * taken from the library's.
   */
  rawSqlForms?: BatchedForms;
  /**
   * Builder methods of this library whose arguments name a table (drizzle's `insert(table)`,
   * `update(table)`, `delete(table)`), besides the methods every library names so
   * (`TABLE_ARGUMENT_METHODS`): knex's `insert(rows)` takes values by the same name.
   */
  tableArgumentMethods?: readonly string[];
}
