/**
 * Mutual-exclusion APIs: code that runs under one of these cannot race with itself, so a
 * check followed by a write inside it is safe. Data only; `src/analysis/lock-scope.ts` reads it.
 */
export interface LockKnowledge {
  /**
   * Methods that run a callback argument while holding a lock: redlock `using(resources, ttl,
   * fn)`, async-mutex `runExclusive(fn)`, async-lock `acquire(key, fn)`, `withLock(key, fn)`.
   */
  readonly callbackMethods: readonly string[];
  /** Functions (not methods) that run a callback argument under a lock. */
  readonly callbackFunctions: readonly string[];
  /**
   * Calls that take a lock held until a later `release`: redlock `acquire([...], ttl)`,
   * async-mutex `acquire()`, `lock(key)`, `acquireLock(key)`. Method or function names.
   */
  readonly acquireCalls: readonly string[];
  /** Calls that give such a lock back. */
  readonly releaseCalls: readonly string[];
  /**
   * A word that, in a function's name, says the function claims or updates its record in one
   * atomic step (`markUsedAtomic`, `claimJobAtomically`, `atomicReserve`): a call whose result
   * the caller reads decides which of two concurrent callers goes on, as a lock would.
   */
  readonly atomicClaimWord: string;
}

export const lockApis: LockKnowledge = {
  callbackMethods: ["using", "runExclusive", "acquire", "lock", "withLock", "withLease", "synchronized", "exclusive", "runWithLock"],
  callbackFunctions: ["withLock", "runExclusive", "synchronized", "withMutex"],
  acquireCalls: ["acquire", "acquireLock", "lock", "tryLock", "tryAcquire", "getLock", "obtainLock", "acquireLease", "waitForLock"],
  releaseCalls: ["release", "releaseLock", "unlock", "releaseLease"],
  atomicClaimWord: "atomic",
};
