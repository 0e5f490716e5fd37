/**
 * RECONSTRUCTED by the no-unbounded-cache session after it overwrote this file by mistake
 * (18:08): the exports below are rebuilt from their uses in src/analysis/cache-operation.ts.
 * The owner (no-check-then-act) should check the values against the original.
 *
 * In-process key-value collections and objects that are named like a cache store.
 */

export interface InMemoryCollection {
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  readonly deletes: readonly string[];
  /** `write` takes a value after the key (`map.set(k, v)`; a Set's `add(k)` does not). */
  readonly valued?: boolean;
}

/** Global constructors of in-process collections, by constructor name. */
export const inMemoryCollections: Readonly<Record<string, InMemoryCollection>> = {
  Map: { reads: ["get", "has"], writes: ["set"], deletes: ["delete", "clear"], valued: true },
  Set: { reads: ["has"], writes: ["add"], deletes: ["delete", "clear"] },
};

/** Global constructors that are known and are not stores. */
export const notStoreConstructors: readonly string[] = ["WeakMap", "WeakSet", "Array", "Object", "Promise", "Date", "URL", "URLSearchParams", "Headers", "FormData", "RegExp", "Error"];

/** An object not traced to any library whose name says it is a cache or a key-value store. */
export const cacheLikeStore = {
  names: ["cache", "redis", "store", "kv"],
  notStoreNames: ["cachekey", "cached", "storage", "storekey", "store_key", "restore", "datastore"],
  reads: ["get", "exists", "has"],
  writes: ["set", "setex"],
  atomicWrites: ["setnx", "incr", "incrby", "decr", "decrby"],
  deletes: ["del", "delete", "unlink", "expire"],
} as const;
