import type { LibraryKnowledge } from "./types.js";

/** generic-pool: a pool of arbitrary resources, released through the pool. */
export const genericPool: LibraryKnowledge = {
  id: "generic-pool",
  displayName: "generic-pool",
  modules: {
    "generic-pool": { createPool: "genericPool.createPool", "*": "genericPool.module", default: "genericPool.module" },
  },
  types: { Pool: "genericPool.pool" },
  kinds: {
    "genericPool.module": { library: "generic-pool", role: "module", properties: { createPool: "genericPool.createPool" } },
    "genericPool.createPool": { library: "generic-pool", role: "factory", call: "genericPool.pool" },
    "genericPool.pool": {
      library: "generic-pool",
      role: "pool",
      ownsConnections: true,
      closeMethods: ["drain", "clear"],
      returns: { acquire: { kind: "genericPool.resource", async: true } },
    },
    "genericPool.resource": {
      library: "generic-pool",
      role: "pooled-connection",
      release: { selfMethods: [], ownerMethods: ["release", "destroy"], finallyMethod: "release", finallyOnOwner: true },
    },
  },
};
