/**
 * How JavaScript code runs something once per element of a collection: array methods, loops
 * that drain a queue, and the concurrency helpers (p-map, bluebird, async) that map over a list.
 * Data only; `src/analysis/iteration.ts` reads it.
 */

/** An array method that calls its callback once per element, and the callback's item parameter. */
export interface ArrayIterationMethod {
  /** Index of the parameter that holds the current element (`reduce((acc, item) => …)` → 1). */
  readonly itemParam: number;
  /** The callbacks are all called synchronously, one after the other, in the same tick. */
  readonly sameTick: boolean;
}

export const ARRAY_ITERATION_METHODS: Readonly<Record<string, ArrayIterationMethod>> = {
  map: { itemParam: 0, sameTick: true },
  flatMap: { itemParam: 0, sameTick: true },
  forEach: { itemParam: 0, sameTick: true },
  filter: { itemParam: 0, sameTick: true },
  some: { itemParam: 0, sameTick: true },
  every: { itemParam: 0, sameTick: true },
  find: { itemParam: 0, sameTick: true },
  findIndex: { itemParam: 0, sameTick: true },
  reduce: { itemParam: 1, sameTick: true },
  reduceRight: { itemParam: 1, sameTick: true },
};

/**
 * A function of a concurrency library that maps over a collection: where the collection and the
 * callback are among its arguments. Such helpers may cap concurrency, so their calls are never
 * counted as issued in the same tick.
 */
export interface HelperIteration {
  readonly collectionArg: number;
  /** Index of the callback argument; -1 means the last argument. */
  readonly callbackArg: number;
  readonly itemParam: number;
}

const overCollection: HelperIteration = { collectionArg: 0, callbackArg: 1, itemParam: 0 };
const lastCallback: HelperIteration = { collectionArg: 0, callbackArg: -1, itemParam: 0 };
const reduceLike: HelperIteration = { collectionArg: 0, callbackArg: 1, itemParam: 1 };

const bluebirdStatics: Readonly<Record<string, HelperIteration>> = {
  map: overCollection,
  mapSeries: overCollection,
  each: overCollection,
  filter: overCollection,
  reduce: reduceLike,
};

const asyncLibrary: Readonly<Record<string, HelperIteration>> = {
  map: lastCallback,
  mapSeries: lastCallback,
  mapLimit: lastCallback,
  each: lastCallback,
  eachSeries: lastCallback,
  eachLimit: lastCallback,
  forEach: lastCallback,
  forEachSeries: lastCallback,
  forEachLimit: lastCallback,
  eachOf: lastCallback,
  eachOfSeries: lastCallback,
  eachOfLimit: lastCallback,
  filter: lastCallback,
  concat: lastCallback,
};

/** `{ map }` → `{ "default.map", "*.map" }`: static methods of a module's default or namespace export. */
function staticsOf(
  statics: Readonly<Record<string, HelperIteration>>,
  named: Readonly<Record<string, HelperIteration>>,
): Readonly<Record<string, HelperIteration>> {
  const result: Record<string, HelperIteration> = { ...named };
  for (const name of ["default", "*"]) {
    for (const [method, how] of Object.entries(statics)) result[`${name}.${method}`] = how;
  }
  return result;
}

/**
 * Module → export → how it iterates. `default`/`*` name the module object itself; a
 * `.method` suffix (`*.map`) names a static method of that export.
 */
export const HELPER_MODULES: Readonly<Record<string, Readonly<Record<string, HelperIteration>>>> = {
  "p-map": { default: overCollection, pMap: overCollection },
  "p-map-series": { default: overCollection },
  "p-each-series": { default: overCollection },
  "p-filter": { default: overCollection },
  bluebird: staticsOf(bluebirdStatics, {}),
  async: staticsOf(asyncLibrary, asyncLibrary),
};

/**
 * Static methods of the global `Promise` that only bluebird has: code that calls
 * `Promise.map(items, fn)` has replaced the global with bluebird.
 */
export const GLOBAL_PROMISE_HELPERS: Readonly<Record<string, HelperIteration>> = bluebirdStatics;

/** Methods that take one element off a collection: `while (queue.length) { const job = queue.shift(); … }`. */
export const CONSUMING_METHODS: readonly string[] = ["shift", "pop"];

/** Static functions that turn an object into a list to iterate over: `Object.entries(obj)`. */
export const OBJECT_LISTING_FUNCTIONS: readonly string[] = ["keys", "values", "entries"];

/**
 * Methods whose result has at most as many items as the list: a subset of a fixed list, or the
 * list mapped item by item (zyrix's `.map((e) => e.trim().toLowerCase())`), is fixed too; so are
 * the values, keys and entries of a fixed map (TicketToken's `Array.from(this.jurisdictions.values())`).
 */
export const SUBSET_METHODS: readonly string[] = ["filter", "slice", "toSorted", "toReversed", "sort", "reverse", "map", "values", "keys", "entries"];

/**
 * The most elements a slice written with numbers keeps and still counts as a handful:
 * `employees.slice(0, 10)` ("Limit for performance", attendance-system's scores), the top five
 * of a sorted list (pharmacy-pos's dashboard). Ten round trips do not grow with the data.
 */
export const HANDFUL_SLICE_SIZE = 10;

/**
 * The most elements `Array.from({ length: n }, …)` may make, with a number the code writes, and
 * still be a fixed list: a calendar's units (7 days, 12 months, 24 hours, 31 days of a month) or
 * corona-school's 12 school grades, promoted one grade at a time by an admin mutation. The size
 * is in the code, as a literal list's is; it does not grow with the data.
 */
export const WRITTEN_LENGTH_MAX = 31;

/**
 * What caps the rows a query returns at a number the code writes, by library: a key of the
 * options it is given (Prisma's and TypeORM's `take`, negative for the last rows; Sequelize's and
 * the MongoDB driver's `limit`), a method of its chain (`.limit(5)` of Mongoose, Knex, Drizzle and
 * Kysely, `.take(5)` of TypeORM's query builder), a stage of an aggregation pipeline
 * (`{ $limit: 10 }`, Megagig's top ten senders), or the end of its SQL (`… LIMIT 10`).
 * Only the outer query counts: a `take` inside an `include` caps the related rows of each row.
 */
export const RESULT_LIMIT_KEYS: readonly string[] = ["take", "limit"];
export const RESULT_LIMIT_METHODS: readonly string[] = ["limit", "take"];
export const AGGREGATE_LIMIT_STAGE = "$limit";
/** Aggregation stages that may turn one row into several after a `$limit`: `$unwind` emits one per array element. */
export const ROW_MULTIPLYING_STAGES: readonly string[] = ["$unwind"];
/** Where node-postgres puts the rows of a result (`result.rows`). */
export const RESULT_ROWS_PROPERTY = "rows";
/** SQL that ends with a `LIMIT` of a number, maybe an `OFFSET` and a row lock after it (`LIMIT 10 FOR UPDATE SKIP LOCKED`). */
export const SQL_TRAILING_LIMIT = /\bLIMIT\s+(\d+)(?:\s+OFFSET\s+(?:\d+|\$\d+|\?))?(?:\s+FOR\s+(?:NO\s+KEY\s+)?UPDATE(?:\s+SKIP\s+LOCKED|\s+NOWAIT)?)?\s*;?\s*$/iu;

/**
 * Static functions of globals whose result has one element per element of the list they are
 * given: `Promise.all([a, b])`, and `Array.from(new Set([a, b]))` (silk-route-logistics'
 * dispute recipients). `Array.from({ length: n })` makes `n` elements, so an object literal given
 * to one of them is no fixed list.
 */
export const ELEMENTWISE_STATIC_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  Promise: ["all", "allSettled"],
  Array: ["from"],
};

/**
 * Names of declared constants: an enum or a constant table (`UserRole`, `ALL_SCOPES`) has a
 * handful of members, so one query per member is not one query per row.
 */
export const CONSTANT_LIST_NAME = /^[A-Z][A-Z\d_]+$/u;
export const CONSTANT_TABLE_NAME = /^[A-Z]/u;

/**
 * A module of constants (`./constants`, `src/config/constants/email-templates-data`,
 * `./roles.constants`): what it exports is a table the code writes, not rows.
 */
export const CONSTANTS_MODULE = /(?:^|[/._-])constants?(?:[/._-]|$)/iu;

/**
 * A collection split into chunks: one batched call per chunk is the remedy, not the problem.
 * `CHUNK_ITEM` is matched against the item binding's name (`chunk`, `idBatch`), `CHUNK_FUNCTION`
 * against the name of the function that builds the list (`_.chunk(ids, 100)`, `splitEvery`),
 * `CHUNK_COLLECTION` against the list's own name, plural only (outline's `destroyBatches`,
 * walked by index): a `batch` is a list of single items.
 */
export const CHUNK_ITEM = /(?:chunk|batch|slice|bulk|partition)(?:e?s)?$/iu;
export const CHUNK_FUNCTION = /chunk|batch|splitEvery|partition/iu;
export const CHUNK_COLLECTION = /(?:chunks|batches|slices|partitions)$/iu;

/**
 * Methods that register a callback to run on later events (`db.on("users.afterSave", fn)`,
 * `emitter.once(…)`, `sequelize.addHook(…)`) or calls (an MCP server's `server.tool(name, schema,
 * fn)`, `server.registerTool(…)`): a callback registered in a loop runs once per event or call,
 * not once per element of the loop.
 */
export const LISTENER_METHODS: readonly string[] = ["on", "once", "addListener", "prependListener", "addEventListener", "addHook", "subscribe", "tool", "registerTool"];

/**
 * Functions, by module and export, that define a tool from a callback an agent calls later
 * (LangChain's `tool(async (input) => …, { name })`, automatisch's agent tools made per
 * configured tool): like a listener, the callback runs per call of the tool.
 */
export const CALLBACK_DEFINING_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  "@langchain/core/tools": ["tool"],
};

/**
 * Methods that run a callback inside a transaction they open and close (`prisma.$transaction(async (tx) => …)`,
 * `sequelize.transaction(async (t) => …)`, `knex.transaction(…)`, `dataSource.transaction(…)`,
 * `session.withTransaction(…)`, Kysely's `db.transaction().execute(…)`): the unit of work commits
 * as a whole.
 */
export const TRANSACTION_CALLBACK_METHODS: readonly string[] = ["transaction", "$transaction", "withTransaction"];
/**
 * An application's helper that runs its callback in a transaction it opens and commits
 * (`withTransaction(async (client) => …)`, TicketToken's `withSerializableTransaction`), called by
 * name or as a method, also abbreviated (loanserve's repositories: `this.repo.withTx(async (client) => …)`,
 * `BEGIN`, the callback, `COMMIT`), or named for running one (unifiedledger's
 * `runInDatabaseTransaction`, agritech's `executeInPgTransaction`, donation-platform's
 * `dbExecuteInTransaction`, Firestore's `runTransaction`; spelled out, as `runTx` and `executeTx` send
 * a blockchain's transaction). Not one that runs it beside a transaction (`withoutTransaction`,
 * `runAfterTransaction`, `runOutsideTransaction`).
 */
export const TRANSACTION_HELPER_NAME = /^(?!\w*(?:[Oo]ut(?:side)?|After|Before|Post)[A-Z])(?:with\w*(?:Transaction|Tx|Txn)|(?:run|execute|db)\w*Transaction)$/u;

/**
 * Functions and methods that wait a while and nothing else (`await sleep(1000)`, `await delay(500)`,
 * `await setTimeout(200)` of `timers/promises`, bluebird's `Promise.delay(ms)`). A loop that awaits
 * one between elements is paced on purpose: `new Promise((resolve) => setTimeout(resolve, ms))` counts too.
 */
export const DELAY_FUNCTIONS: readonly string[] = ["sleep", "delay", "wait", "setTimeout"];
