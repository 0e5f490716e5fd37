import type { CacheKnowledge, LibraryKnowledge } from "./types.js";

/** Redis clients: ioredis and node-redis. Method names are listed in both casings. */

export const redisCommands: CacheKnowledge = {
  reads: ["get", "exists", "hget", "hGet", "hexists", "hExists", "sismember", "sIsMember", "getex", "getEx", "hgetall", "hGetAll", "ttl"],
  writes: ["set", "setex", "setEx", "psetex", "pSetEx", "hset", "hSet", "hmset", "hMSet", "sadd", "sAdd", "mset", "mSet", "getset", "getSet"],
  atomicWrites: [
    "setnx",
    "setNX",
    "hsetnx",
    "hSetNX",
    "msetnx",
    "mSetNX",
    "incr",
    "incrby",
    "incrBy",
    "incrbyfloat",
    "incrByFloat",
    "decr",
    "decrby",
    "decrBy",
    "hincrby",
    "hIncrBy",
    "hincrbyfloat",
    "hIncrByFloat",
    "getdel",
    "getDel",
  ],
  deletes: ["del", "unlink", "hdel", "hDel", "srem", "sRem", "expire", "pexpire", "pExpire"],
  conditionalSetTokens: ["NX", "XX", "nx", "xx", "IFEQ", "IFNE", "IFDEQ", "IFDNE"],
  transactions: ["multi", "watch", "eval", "evalsha", "evalSha", "fcall", "executeIsolated", "pipeline"],
  conditionalSetKeys: ["condition"],
  keyArguments: {
    get: { key: 0 },
    exists: { key: 0 },
    getex: { key: 0 },
    getEx: { key: 0 },
    hgetall: { key: 0 },
    hGetAll: { key: 0 },
    ttl: { key: 0 },
    hget: { key: 0, field: 1 },
    hGet: { key: 0, field: 1 },
    hexists: { key: 0, field: 1 },
    hExists: { key: 0, field: 1 },
    sismember: { key: 0, field: 1 },
    sIsMember: { key: 0, field: 1 },
    setex: { key: 0, value: 2 },
    setEx: { key: 0, value: 2 },
    psetex: { key: 0, value: 2 },
    pSetEx: { key: 0, value: 2 },
    hset: { key: 0, field: 1, value: 2 },
    hSet: { key: 0, field: 1, value: 2 },
    hsetnx: { key: 0, field: 1, value: 2 },
    hSetNX: { key: 0, field: 1, value: 2 },
    hincrby: { key: 0, field: 1 },
    hIncrBy: { key: 0, field: 1 },
    hincrbyfloat: { key: 0, field: 1 },
    hIncrByFloat: { key: 0, field: 1 },
    sadd: { key: 0, field: 1 },
    sAdd: { key: 0, field: 1 },
    srem: { key: 0, field: 1 },
    sRem: { key: 0, field: 1 },
    hdel: { key: 0, field: 1 },
    hDel: { key: 0, field: 1 },
    incr: { key: 0 },
    decr: { key: 0 },
    del: { key: 0 },
    unlink: { key: 0 },
    expire: { key: 0 },
    pexpire: { key: 0 },
    pExpire: { key: 0 },
    getdel: { key: 0 },
    getDel: { key: 0 },
  },
};

/**
 * Commands that write a key only when it is absent, so that one caller at a time gets through: a
 * `set` (made conditional by `NX`, which the operation's classification checks), `setnx`,
 * `hsetnx` and their multi-key forms. The counters of `atomicWrites` are not.
 */
export const SET_IF_ABSENT_COMMANDS: readonly string[] = ["set", ...redisCommands.atomicWrites.filter((name) => /nx$/iu.test(name))];

/** The counters of `atomicWrites`: each caller gets a count of its own (`incr`, `hincrby`, `decrBy`). */
export const COUNTER_COMMANDS: readonly string[] = redisCommands.atomicWrites.filter((name) => /^h?(?:incr|decr)/iu.test(name));

/**
 * Database methods that set fields of rows that exist (`prisma.deviceSession.updateMany({ where,
 * data: { lastActiveAt: new Date() } })`): given constants, values of the request or the current
 * time, a second run writes what the first wrote. Not `create` or `upsert`, which may add a row.
 */
export const ROW_UPDATE_METHODS: readonly string[] = ["update", "updateOne", "updateMany", "findByIdAndUpdate", "findOneAndUpdate"];

/** Update keys that change a row from what it holds (Prisma's `increment`, MongoDB's `$inc`, `$push`): run twice, they apply twice. */
export const RELATIVE_UPDATE_KEYS: readonly string[] = ["increment", "decrement", "multiply", "divide", "push", "$inc", "$mul", "$push", "$pop", "$addToSet", "$pull", "$pullAll"];

/** ioredis spells commands in lower case and takes `SET` options as positional tokens. */
export const ioredisCommands: CacheKnowledge = {
  ...redisCommands,
  atomicSetForm: 'set(key, value, "EX", ttl, "NX")',
  increment: { one: "incr", by: "incrby" },
};

/** node-redis takes `SET` options as an object and spells multi-word commands in camel case. */
export const nodeRedisCommands: CacheKnowledge = {
  ...redisCommands,
  atomicSetForm: "set(key, value, { NX: true, EX: ttl })",
  increment: { one: "incr", by: "incrBy" },
};

export const ioredis: LibraryKnowledge = {
  id: "ioredis",
  displayName: "ioredis",
  modules: {
    ioredis: { default: "ioredis.Class", Redis: "ioredis.Class", Cluster: "ioredis.Class", "*": "ioredis.Class" },
  },
  types: { Redis: "ioredis.client", Cluster: "ioredis.client", RedisClient: "ioredis.client" },
  kinds: {
    "ioredis.Class": {
      library: "ioredis",
      role: "factory",
      construct: "ioredis.client",
      properties: { Redis: "ioredis.Class", Cluster: "ioredis.Class" },
    },
    "ioredis.client": {
      library: "ioredis",
      role: "cache",
      ownsConnections: true,
      closeMethods: ["quit", "disconnect"],
      cache: ioredisCommands,
      returns: { duplicate: "ioredis.client", multi: "ioredis.multi", pipeline: "ioredis.multi" },
    },
    "ioredis.multi": { library: "ioredis", role: "transaction", chain: "ioredis.multi" },
  },
};

export const nodeRedis: LibraryKnowledge = {
  id: "redis",
  displayName: "node-redis",
  modules: {
    redis: { createClient: "redis.createClient", createCluster: "redis.createClient" },
    "@redis/client": { createClient: "redis.createClient", createCluster: "redis.createClient" },
  },
  types: { RedisClientType: "redis.client", RedisClusterType: "redis.client" },
  kinds: {
    "redis.createClient": { library: "redis", role: "factory", call: "redis.client" },
    "redis.client": {
      library: "redis",
      role: "cache",
      ownsConnections: true,
      closeMethods: ["quit", "disconnect", "close", "destroy"],
      cache: nodeRedisCommands,
      returns: {
        connect: { kind: "redis.client", async: true },
        duplicate: "redis.client",
        multi: "redis.multi",
        MULTI: "redis.multi",
        isolated: "redis.client",
        // v5: the same client under other command options (jsdelivr's `createClient().withTypeMapping(…)`).
        withTypeMapping: "redis.client",
        withCommandOptions: "redis.client",
        withAbortSignal: "redis.client",
        asap: "redis.client",
        // The client is an EventEmitter: `createClient().on("error", log).connect()`, the form node-redis documents (RedisInsight).
        on: "redis.client",
        once: "redis.client",
      },
    },
    "redis.multi": { library: "redis", role: "transaction", chain: "redis.multi" },
  },
};
