/**
 * In-process key-value collections and objects that are named like a cache store, for
 * `src/analysis/cache-operation.ts`. The collections' methods are those of JavaScript's `Map` and
 * `Set`. An object traced to no library but named like a store (`cache`, `kvStore`) is judged by
 * the common commands only (`get`, `set`, `del`, …): the full Redis command lists of
 * `cache.ts` apply to values traced to a Redis client.
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

/**
 * Methods of built-in collections that return the collection itself, by constructor name:
 * `new Map().set("a", 1).set("b", 2)` is still the Map.
 */
export const selfReturningMethods: Readonly<Record<string, readonly string[]>> = {
  Map: ["set"],
  Set: ["add"],
  WeakMap: ["set"],
  WeakSet: ["add"],
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
