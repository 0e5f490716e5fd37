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
  conditionalSetTokens: ["NX", "XX", "nx", "xx"],
  transactions: ["multi", "watch", "eval", "evalsha", "evalSha", "fcall", "executeIsolated", "pipeline"],
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
      cache: redisCommands,
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
      cache: redisCommands,
      returns: {
        connect: { kind: "redis.client", async: true },
        duplicate: "redis.client",
        multi: "redis.multi",
        MULTI: "redis.multi",
        isolated: "redis.client",
      },
    },
    "redis.multi": { library: "redis", role: "transaction", chain: "redis.multi" },
  },
};
