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
   * A function name that says the function claims or updates its record in one atomic step:
   * `atomic` at the start or as a camelCase word, not after "non" or "not" (`markUsedAtomic`,
   * `claimJobAtomically`, `atomicReserve`; not `nonAtomicUpdate`). A call whose result the caller
   * reads decides which of two concurrent callers goes on, as a lock would.
   */
  readonly atomicClaimName: RegExp;
}

export const lockApis: LockKnowledge = {
  callbackMethods: ["using", "runExclusive", "acquire", "lock", "withLock", "withLease", "synchronized", "exclusive", "runWithLock"],
  callbackFunctions: ["withLock", "runExclusive", "synchronized", "withMutex"],
  acquireCalls: ["acquire", "acquireLock", "lock", "tryLock", "tryAcquire", "getLock", "obtainLock", "acquireLease", "waitForLock"],
  releaseCalls: ["release", "releaseLock", "unlock", "releaseLease"],
  atomicClaimName: /(?:^atomic|(?<=[a-z0-9_$])(?<![Nn]on|[Nn]ot)Atomic)(?:ally)?(?![a-z])/u,
};
