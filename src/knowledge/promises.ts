/**
 * How JavaScript code consumes promises: which calls settle a promise (or a collection of
 * promises) and which calls treat their argument as plain data. Data only;
 * `src/analysis/promise-usage.ts` reads it.
 */

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`: the promise is handled by the chain. */
export const PROMISE_CHAIN_METHODS: readonly string[] = ["then", "catch", "finally"];

/**
 * Functions and methods (by their last name) that take an array or object *of promises* and
 * settle every element: `Promise.all/allSettled/race/any`, Bluebird `props`, RSVP `hash`,
 * `p-props`, `p-all`, Remix / React Router `defer({ … })`.
 */
export const PROMISE_COLLECTORS: readonly string[] = [
  "all",
  "allSettled",
  "race",
  "any",
  "props",
  "hash",
  "hashSettled",
  "pProps",
  "pAll",
  "defer",
];

/**
 * Calls that use their argument as data (print it, serialise it, convert it): a Promise given to
 * them is printed as `Promise { <pending> }`, serialised as `{}` or converted to
 * `[object Promise]`. `receiver: null` is a global function.
 */
export const VALUE_SINKS: readonly { receiver: string | null; names: readonly string[] }[] = [
  { receiver: "console", names: ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] },
  { receiver: "JSON", names: ["stringify"] },
  { receiver: null, names: ["String", "Number", "parseInt", "parseFloat"] },
];

/** Object keys that say their value is meant to be a promise (`{ promise: res.json() }`). */
export const PROMISE_KEY_PATTERN = /promise|pending|deferred|thenable|task/iu;

/** The global that names promises: `x instanceof Promise` is a check, not a bug. */
export const PROMISE_GLOBAL = "Promise";
