import { inMemoryCollections, notStoreConstructors } from "./collections.js";

/**
 * Calls of the language's built-in objects whose result is plain data: arrays of keys or
 * entries, strings, numbers, booleans, a promise of an array. No such result is ever a value of a
 * library kind, so the type checker is not asked about them (`Object.entries(options).some(…)`
 * cost milliseconds of inference per call). Left out on purpose: the calls whose result is
 * one of their arguments (`Object.assign`, `Object.freeze`, `Reflect.get`, `Promise.resolve`,
 * `Promise.race`), which can be a pool or a response.
 */
export const PLAIN_DATA_BUILTIN_CALLS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    Object: new Set(["keys", "values", "entries", "fromEntries", "getOwnPropertyNames", "getOwnPropertySymbols", "hasOwn", "is", "isFrozen", "isSealed", "isExtensible", "groupBy"]),
    Array: new Set(["from", "of", "isArray", "fromAsync"]),
    JSON: new Set(["parse", "stringify"]),
    Number: new Set(["isFinite", "isInteger", "isNaN", "isSafeInteger", "parseFloat", "parseInt"]),
    String: new Set(["fromCharCode", "fromCodePoint", "raw"]),
    Date: new Set(["now", "parse", "UTC"]),
    Math: new Set(["abs", "ceil", "floor", "max", "min", "pow", "random", "round", "sign", "sqrt", "trunc", "log", "exp"]),
    Reflect: new Set(["ownKeys", "has", "set", "defineProperty", "deleteProperty", "isExtensible"]),
    Promise: new Set(["all", "allSettled"]),
  }),
);

/**
 * Methods of arrays, maps and sets that take a callback as their first argument
 * (`rows.find((row) => …)`). No database method of the knowledge base takes a function as its
 * first argument (a filter, options, an id or SQL text; Mongoose's `find(callback)` with no
 * filter, gone since Mongoose 7, queries no element), so a call of one of these names given a
 * function there is the built-in's: neither it nor its receiver is asked about (vendure's
 * `fv.channels.find((c) => …)` cost a quarter of a second of inference of `fv`).
 */
export const BUILTIN_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  "every",
  "filter",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flatMap",
  "forEach",
  "map",
  "reduce",
  "reduceRight",
  "some",
  "sort",
  "toSorted",
]);

/**
 * Built-in constructors whose instances are plain data or in-process collections, never a value
 * of a library kind: a variable made by `new Map(rows.map(…))` is not asked about, where the
 * checker would infer the type of every query in its argument. The known constructors of
 * `collections.ts`, but `Promise`, which may hold a pool.
 */
export const PLAIN_DATA_CONSTRUCTORS: ReadonlySet<string> = new Set([...Object.keys(inMemoryCollections), ...notStoreConstructors].filter((name) => name !== "Promise"));

/**
 * A function or method named for logging (`logError(err)`, typeorm's
 * `PlatformTools.logCmdErr(message, err)`, `this.log_failure(…)`): it writes a line and does not
 * fail in practice. `logIn` and `logOut` sign a user in or out and are not logging.
 */
export const LOGGING_FUNCTION_NAME = /^log(?!In$|Out$)(?:[A-Z_]\w*)?$/u;

/**
 * Calls that leave the same state however often they run: a directory made with its parents
 * (fs-extra's `ensureDir`, `mkdirp`, and `mkdir(dir, { recursive: true })`, which
 * `IDEMPOTENT_WITH_RECURSIVE` names). Two callers that both pass a check and both make it do no
 * harm (hono's static site generator marks each directory it has made).
 */
export const IDEMPOTENT_CALLS: readonly string[] = ["ensureDir", "mkdirp", "mkdirs"];
export const IDEMPOTENT_WITH_RECURSIVE: readonly string[] = ["mkdir"];

/** Functions that cancel a timer: a value given to one is a timer's handle. */
export const TIMER_CLEAR_FUNCTIONS: readonly string[] = ["clearTimeout", "clearInterval"];

/** Roots of logging calls (`console.warn(…)`, `this.logger.log(…)`, `log.info(…)`), matched without regard to case. */
export const LOGGER_ROOTS: readonly string[] = ["console", "logger", "log", "_logger"];

/** Global functions that compute a value from their arguments and do nothing else. */
export const VALUE_FUNCTIONS: readonly string[] = ["Boolean", "String", "Number", "parseInt", "parseFloat", "isNaN", "isFinite"];

/**
 * Names of objects and functions whose calls do not fail in practice: logging, metrics and
 * tracing (`metrics.getHistogram(…).record(…)`, `statsd.increment(…)`, `span.setAttribute(…)`),
 * clocks (`Date.now()`, `performance.now()`), and timers, which schedule a callback without
 * running it (`this.interval = setInterval(refresh, ms)`). Matched without regard to case against
 * the callee, or the root of its chain of members and calls.
 */
export const NON_FAILING_CALL_ROOTS: readonly string[] = [
  ...LOGGER_ROOTS,
  "debug",
  "info",
  "warn",
  "warning",
  "error",
  "trace",
  "metrics",
  "statsd",
  "telemetry",
  "tracer",
  "span",
  "meter",
  "histogram",
  "counter",
  "gauge",
  "Date",
  "Math",
  "performance",
  "setTimeout",
  "setInterval",
  "setImmediate",
  "clearTimeout",
  "clearInterval",
  "clearImmediate",
  "queueMicrotask",
  // Conversions and tests of a value, which return NaN or false rather than throw (verifywise's
  // `parseInt(req.params.id)` between a transaction's start and the `try` that ends it).
  "parseInt",
  "parseFloat",
  "Number",
  "String",
  "Boolean",
  "isNaN",
  "isFinite",
];

/**
 * Methods whose result is a string whatever the string they are called on (`code.toUpperCase()`,
 * `ids.join(",")`): a loop over its length walks characters or prefixes, not rows. Left out:
 * `slice` and `concat`, which arrays share.
 */
export const STRING_RESULT_METHODS: readonly string[] = [
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
  "trim",
  "trimStart",
  "trimEnd",
  "normalize",
  "padStart",
  "padEnd",
  "replace",
  "replaceAll",
  "substring",
  "substr",
  "charAt",
  "repeat",
  "join",
  "toString",
  "toFixed",
];

/** Methods that test a value and cannot fail, whatever their object (`Array.isArray(x)`, lodash's `_.isArray(x)`). */
export const NON_FAILING_METHODS: readonly string[] = ["isArray"];

/**
 * Methods that test whether a collection holds a value (`ALLOWED.includes(key)`, `KEYS.has(key)`,
 * `TABLE.hasOwnProperty(key)`): past such a test on a fixed collection, the value is one of its own.
 */
export const MEMBERSHIP_METHODS: readonly string[] = ["includes", "has", "hasOwnProperty"];
