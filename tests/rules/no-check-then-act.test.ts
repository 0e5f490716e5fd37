import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../rules/no-check-then-act.js";

import rule from "../../rules/no-check-then-act.js";
import { runRuleTests } from "../rule-tester.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

/** Line and column (1-based) of the first occurrence of `snippet` in `code`. */
function at(code: string, snippet: string): { line: number; column: number } {
  const index = code.indexOf(snippet);
  if (index === -1) throw new Error(`snippet not in code: ${snippet}`);
  const before = code.slice(0, index).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function invalid(code: string, messageId: MessageIds, snippet: string, extra: Partial<Invalid> = {}): Invalid {
  return { code, ...extra, errors: [{ messageId, ...at(code, snippet), ...(extra.errors?.[0] ?? {}) }] };
}

// smithciaran833 TicketToken venue-service src/middleware/tenant.middleware.ts: a Redis client from the container caches the tenant's row for 5 minutes.
const cachedTenant = (value: string): string =>
  `export async function check(request: any, tenantId: string, db: any) {\n  const redis = request.server.container.cradle.redis;\n  const cached = await redis.get(\`tenant:\${tenantId}\`);\n  if (!cached) {\n    const tenant = await db("tenants").where({ id: tenantId }).first();\n    if (!tenant) throw new Error("Invalid tenant");\n    await redis.setex(\`tenant:\${tenantId}\`, 300, ${value});\n  }\n}`;
// smithciaran833 TicketToken payment-service src/middleware/rate-limit.middleware.ts: a ban marked when an atomic count of violations reaches five.
const banAfterViolations = (count: string, mark: string): string =>
  `export async function limit(id: string) {\n  const redis = getRedis();\n  if (await redis.get(\`ban:\${id}\`)) return false;\n  ${count}\n${mark}\n  return true;\n}`;
// overleaf history-v1 verify_blob_backed_up_by_path_bulk.mjs: a Set that remembers the ids whose lookup failed, to fail the next call fast.
const knownMissing = (onMiss: string): string =>
  `const missing = new Set();\nexport async function check(id) {\n  if (missing.has(id)) throw new Error("not found");\n  const project = await projects.findOne({ _id: id });\n  ${onMiss}\n  return project;\n}`;

// 6529seize-backend src/api-serverless/src/app.ts: the Sentry webhook checks the event's mark, takes a processing lock, then posts the alert and marks the event.
const webhookLock = (lock: string): string =>
  `import { createClient } from "redis";\nconst client = createClient();\nexport async function onAlert(eventId: string) {\n  const key = \`sentry-webhook:\${eventId}\`;\n  if (await client.get(key)) return;\n${lock}\n  await postAlert(eventId);\n  await client.set(key, "1", { EX: 3600 });\n}`;
/** The report on `webhookLock(lock)`: the mark on line `line` races with the check. */
const webhookLockRaces = (lock: string, line: number): Invalid =>
  invalid(webhookLock(lock), "checkThenAct", "client.get(key)", {
    errors: [{ messageId: "checkThenAct", data: { read: "client.get()", write: "client.set()", line: String(line), atomic: "`set(key, value, { NX: true, EX: ttl })`" } }],
  });

// umbrel packages/umbreld/source/modules/apps/apps.ts: start() writes each default the store lacks, then goes on whether it wrote or not.
const storeDefault = (branch: string): string =>
  `export default class Apps {\n  #umbreld;\n  async start() {\n    if ((await this.#umbreld.store.get("torEnabled")) === undefined) ${branch}\n    await this.launch();\n  }\n}`;
/** The report on `storeDefault(branch)`: the mark on line `line` races with the check. */
const storeDefaultRaces = (branch: string, line: number): Invalid =>
  invalid(storeDefault(branch), "checkThenAct", "this.#umbreld.store.get(", {
    errors: [{ messageId: "checkThenAct", data: { read: "this.#umbreld.store.get()", write: "this.#umbreld.store.set()", line: String(line), atomic: "an atomic set-if-absent (Redis `SET key value NX EX ttl`)" } }],
  });

// Aniston-HRMS backend/src/middleware/auth.middleware.ts: a session's `lastActiveAt` is written at most every five minutes, behind a Redis mark.
const sessionTouch = (update: string): string =>
  `import Redis from "ioredis";\nimport { PrismaClient } from "@prisma/client";\nconst redis = new Redis();\nconst prisma = new PrismaClient();\nexport async function touch(userId: string, deviceId: string) {\n  const touchKey = \`session_touch:\${userId}:\${deviceId}\`;\n  const alreadyTouched = await redis.get(touchKey);\n  if (!alreadyTouched) {\n    await redis.setex(touchKey, 300, "1");\n    ${update}\n  }\n}`;
/** The report on `sessionTouch(update)`: the work beside the mark runs once per caller that found the key missing. */
const sessionTouchRaces = (update: string): Invalid =>
  invalid(sessionTouch(update), "checkThenAct", "redis.get(touchKey)", {
    errors: [{ messageId: "checkThenAct", data: { read: "redis.get()", write: "redis.setex()", line: "9", atomic: '`set(key, value, "EX", ttl, "NX")`' } }],
  });

// samujjwal rental apps/api/src/modules/auth/services/auth.service.ts: a valid session cached as `true` for five seconds, looked up on a miss.
const sessionCache = (hit: string, between = ""): string =>
  `import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport class AuthService {\n  constructor(private readonly cacheService: CacheService) {}\n  async validate(userId: string, token: string) {\n    const key = \`session:\${userId}:\${token}\`;\n    const cached = await this.cacheService.get(key);\n    if (cached === true) ${hit}\n    const session = await prisma.session.findFirst({ where: { userId, token, expiresAt: { gt: new Date() } } });\n    const isValid = Boolean(session);\n${between}    if (isValid) await this.cacheService.set(key, true, 5);\n    return isValid;\n  }\n}`;
const sessionCacheRaces = (code: string): Invalid => invalid(code, "checkThenAct", "this.cacheService.get(key)");
// zigbee2mqtt lib/extension/otaUpdate.ts: a scheduled update awaits in a branch that returns; the image check marks the device with no await on its way.
const otaHandler = (scheduled: string): string =>
  `export class OtaUpdate {\n  #inProgress = new Set();\n  async onEvent(device) {\n    if (this.#inProgress.has(device.id)) return;\n    if (device.scheduledOta) {\n${scheduled}\n    }\n    this.#inProgress.add(device.id);\n    try {\n      await this.check(device);\n    } finally {\n      this.#inProgress.delete(device.id);\n    }\n  }\n}`;

// zigbee2mqtt lib/extension/otaUpdate.ts: one case of a switch per request type; each ends with `leave`.
const otaRequest = (leave: string): string =>
  `export class OtaUpdate {\n  #inProgress = new Set();\n  async onRequest(device, type) {\n    if (this.#inProgress.has(device.id)) return;\n    switch (type) {\n      case "check": {\n        await this.check(device);\n        ${leave}\n      }\n      case "update": {\n        this.#inProgress.add(device.id);\n        await this.update(device);\n        break;\n      }\n    }\n  }\n}`;

// wekan snap-src/bin/migrate-mongo3-to-ferretdb.mjs: the migration's run() checks and marks each copied collection in turn, and nothing else runs it.
const checkpointed = (run: string, body = "if (completed.has(name)) continue;\n    await copy(name);\n    completed.add(name);"): string =>
  `const completed = new Set();\nasync function run(names) {\n  for (const name of names) {\n    ${body}\n  }\n}\n${run}`;
const PARALLEL_COPY = "await Promise.all(names.map(async (name) => {\n      if (completed.has(name)) return;\n      await copy(name);\n      completed.add(name);\n    }));\n    break;";

// hoodrunio babylon-staker-indexer src/utils/RateLimiter.ts: the key marked as processing before the `await`, cleared after it.
const rateLimiter = (mark: string): string =>
  `export class RateLimiter {\n  private processing: Map<string, boolean> = new Map();\n  async acquire(key: string): Promise<boolean> {\n    if (this.processing.get(key)) {\n      return false;\n    }\n${mark}    await new Promise((resolve) => setTimeout(resolve, 200));\n    this.processing.set(key, false);\n    return true;\n  }\n}`;
// Folo apps/desktop/layer/renderer/src/lib/load-language.ts: a loading Set checked and marked before any await holds off every other call for the language.
const languageLoader = (lockAt: "before" | "after"): string =>
  `const loading = new Set<string>();\nconst loaded = new Set<string>(["en"]);\nexport async function loadLanguage(lang: string) {\n  if (loading.has(lang)) return;\n  if (loaded.has(lang)) return;\n${lockAt === "before" ? "  loading.add(lang);\n" : ""}  const bundle = await import(\`./locales/\${lang}.js\`);\n${lockAt === "after" ? "  loading.add(lang);\n" : ""}  apply(bundle);\n  loaded.add(lang);\n  loading.delete(lang);\n}`;

// hono src/helper/ssg/ssg.ts: each directory made once, with its parents; two callers that both make it do no harm.
const createdDirs = (make: string): string =>
  `import fs from "node:fs/promises";\nconst createdDirs = new Set();\nexport async function save(dirPath, filePath, content) {\n  if (!createdDirs.has(dirPath)) {\n    await ${make};\n    createdDirs.add(dirPath);\n  }\n  await fs.writeFile(filePath, content);\n}`;

const IOREDIS = 'import Redis from "ioredis";\nconst redis = new Redis();\n';
const NODE_REDIS = 'import { createClient } from "redis";\nconst client = createClient();\n';
const IOREDIS_CJS = 'const Redis = require("ioredis");\nconst redis = new Redis();\n';

const seedTs = `${IOREDIS}export class OrderProcessor {
  async processOrder(orderId: string) {
    if (await redis.get(\`order:\${orderId}\`)) return { status: "already_processed" };
    await this.pay(orderId);
    await redis.set(\`order:\${orderId}\`, "processed", "EX", 3600);
    return { status: "success" };
  }
  async pay(orderId: string) {}
}`;

const seedJs = `class OrderProcessor {
  constructor(db, cache, queue) {
    this.db = db;
    this.cache = cache;
  }
  async processOrder(orderId) {
    if (await this.cache.get(\`order:\${orderId}\`)) return { status: "already_processed" };
    await this.pay(orderId);
    await this.cache.set(\`order:\${orderId}\`, "processed", { ttl: 3600 });
    return { status: "success" };
  }
}`;

const counter = `${IOREDIS}async function hit(key: string) {
  const count = await redis.get(key);
  await redis.set(key, Number(count) + 1);
}`;

const privateCounter = `import Redis from "ioredis";
class Hits {
  #redis = new Redis();
  async hit(key: string) {
    const count = await this.#redis.get(key);
    await this.#redis.set(key, Number(count) + 1);
  }
}`;
// The same with two different private stores: a different store is not the same key.
const privateTwoStores = privateCounter.replace("#redis = new Redis();", "#redis = new Redis();\n  #replica = new Redis();").replace("this.#redis.get(key)", "this.#replica.get(key)");

const counterBy = `${NODE_REDIS}async function spend(key, amount) {
  const current = parseInt((await client.get(key)) ?? "0", 10);
  await client.set(key, current + amount);
}`;

// whatsapp_saas worker/dlq-monitor.ts: a job's re-heal count, read, parsed and written back with a day's expiry.
const rehealCount = (parse: string): string =>
  `${IOREDIS}async function reheal(jobId: string) {\n  const key = \`dlq:reheal:\${jobId}\`;\n  const count = ${parse}((await redis.get(key)) || "0", 10);\n  if (count >= 3) return;\n  await redis.set(key, String(count + 1), "EX", 86400);\n}`;

runRuleTests("no-check-then-act", rule, {
  valid: [
    // wekan migrate-mongo3-to-ferretdb.mjs: code that runs once per process, in a script's main or at module level, never races with itself.
    { code: checkpointed("run(process.argv.slice(2)).catch(console.error);"), filename: "file.js" },
    { code: "const completed = new Set();\nfor (const name of names) {\n  if (completed.has(name)) continue;\n  await copy(name);\n  completed.add(name);\n}", filename: "file.mjs" },
    // hoodrunio's RateLimiter: marked before the `await`; the write after it only clears the mark.
    rateLimiter("    this.processing.set(key, true);\n"),
    // Folo's language loader: the `loading` Set, marked before the `await`, is a lock on the key that the `loaded` check sits behind.
    languageLoader("before"),
    privateTwoStores,
    // overleaf verify_blob_backed_up_by_path_bulk.mjs: the id is marked only on the way to a throw, a failed lookup remembered, not a claim.
    { code: knownMissing('if (!project) {\n    missing.add(id);\n    throw new Error("not found");\n  }'), filename: "file.js" },
    // zigbee2mqtt lib/extension/otaUpdate.ts: the only await before the mark is in a branch that returns.
    { code: otaHandler("      await this.update(device);\n      return;"), filename: "file.js" },
    // hono's static site generator: the only await before the mark makes a directory with its parents.
    { code: createdDirs("fs.mkdir(dirPath, { recursive: true })"), filename: "file.js" },
    { code: createdDirs("ensureDir(dirPath)"), filename: "file.js" },
    // zigbee2mqtt lib/extension/otaUpdate.ts: the `check` case awaits and breaks; the `update` case marks the device.
    { code: otaRequest("break;"), filename: "file.js" },
    { code: otaRequest("return;"), filename: "file.js" },
    // zigbee2mqtt lib/extension/otaUpdate.ts: the abort awaits when the device is in progress; the other branch marks it.
    {
      code: "export class OtaUpdate {\n  #inProgress = new Set();\n  async onRequest(device, abort) {\n    if (this.#inProgress.has(device.id)) {\n      if (abort) await this.abort(device);\n    } else {\n      this.#inProgress.add(device.id);\n      await this.check(device);\n    }\n  }\n}",
      filename: "file.js",
    },
    { code: knownMissing('try {\n    await verify(project);\n  } catch (error) {\n    if (error instanceof MissingKeyError) missing.add(id);\n    throw error;\n  }'), filename: "file.js" },
    // huly services/rating/src/calculator.ts: a negative cache, marked on the way to an empty return where the lookup found nothing.
    { code: knownMissing("if (project === undefined) {\n    missing.add(id);\n    return;\n  }"), filename: "file.js" },
    { code: knownMissing("if (!project) {\n    missing.add(id);\n    return null;\n  }"), filename: "file.js" },
    "",
    // A store named like a cache but traced to a library that is no cache (pg): not a store, though no cache client is imported.
    `import { Pool } from "pg";\nconst cache = new Pool();\nasync function f(k: string) { if (await cache.get(k)) return; await pay(); await cache.set(k, "1"); }`,
    // The atomic form: SET NX with its result as the guard (ioredis tokens).
    `${IOREDIS}async function f(id: string) { const ok = await redis.set(\`order:\${id}\`, "1", "EX", 3600, "NX"); if (!ok) return; await pay(id); }`,
    // A fast-path read before the atomic SET NX of the same key.
    `${IOREDIS}async function f(id: string) { if (await redis.get(\`order:\${id}\`)) return; const ok = await redis.set(\`order:\${id}\`, "1", "EX", 60, "NX"); if (!ok) return; await pay(id); }`,
    // Valid neighbour (whatsapp_saas's re-heal count): another object's parse is not known to give the number.
    rehealCount("Radix.parseInt"),
    // umbrel apps.ts: a default written when the store lacks it, and nothing else in its branch: two starts both write the same value.
    // samujjwal rental's session check: a hit answers the marker itself, and a miss only looks the session up (and logs, and computes).
    sessionCache("return true;"),
    sessionCache("{\n      return true;\n    }", "    console.debug(isValid);\n"),
    sessionCache("return true;", "    const checkedAt = Math.max(Date.now(), 0);\n"),
    sessionCache("return true;").replace("{ userId, token,", "{ userId, token: hashToken(token),"),
    storeDefault('{\n      await this.#umbreld.store.set("torEnabled", false);\n    }'),
    storeDefault('await this.#umbreld.store.set("torEnabled", false);'),
    // Aniston-HRMS auth.middleware.ts: beside the mark, an update to the current time or to the request's values; two callers write the same twice.
    sessionTouch("prisma.deviceSession.updateMany({ where: { userId, deviceId, isActive: true }, data: { lastActiveAt: new Date() } }).catch(() => {});"),
    sessionTouch('await prisma.deviceSession.updateMany({ where: { userId }, data: { lastActiveAt: Date.now(), deviceId, state: "active", tags: ["web"] } });'),
    sessionTouch("void prisma.deviceSession.updateMany({ where: { userId }, data: { expiresAt: new Date(deviceId) } });"),
    sessionTouch("await prisma.deviceSession.updateMany({ where: { userId }, data: { day: Date.UTC(2026, 0, 1) } });"),
    // 6529seize-backend app.ts: a lock taken with SET NX after the check, whose failure leaves, lets one call at a time do the work and mark.
    webhookLock('  const acquired = await client.set(`${key}:processing`, "1", { NX: true, EX: 60 });\n  if (!acquired) return;'),
    webhookLock('  if (!(await client.setNX(`${key}:processing`, "1"))) {\n    log(key);\n    return;\n  }'),
    // kjsanni/restaurant-table-reservation-system back-end/src/verticals/event/services/qrCode.service.js: a cache of recent scans checked before the DAO's atomic claim, whose result decides.
    webhookLock("  const result = await tickets.markUsedAtomic(eventId);\n  if (result.alreadyUsed) {\n    await client.set(key, \"1\", { EX: 3600 });\n    return;\n  }"),
    webhookLock("  if (!(await tickets.atomicClaim(eventId))) return;"),
    webhookLock("  let claimed;\n  claimed = await tickets.claimAtomically(eventId);"),
    webhookLock("  const claimed = (await tickets?.markUsedAtomic(eventId)) as Claim;\n  if (!claimed) return;"),
    // node-redis { NX: true } on the write itself.
    { code: `${NODE_REDIS}async function f(key) { if (await client.get(key)) return; await pay(); await client.set(key, "1", { NX: true, EX: 60 }); }`, filename: "file.js" },
    // node-redis v5 { condition: "NX" }.
    `${NODE_REDIS}async function f(key: string) { if (await client.get(key)) return; await pay(); await client.set(key, "1", { condition: "NX" }); }`,
    // setnx and hsetnx are atomic writes.
    { code: `${IOREDIS_CJS}async function f(key) { if (await redis.get(key)) return; await redis.setnx(key, "1"); await pay(); }`, filename: "file.js" },
    `${IOREDIS}async function f(key: string, id: string) { if (await redis.hget(key, id)) return; await redis.hsetnx(key, id, "1"); }`,
    // A counter through INCR.
    `${IOREDIS}async function f(key: string) { const n = await redis.incr(key); if (n > 10) throw new Error("limit"); }`,
    // A Lua script on the same client makes the sequence atomic.
    `${IOREDIS}async function f(key: string) { if (await redis.get(key)) return; await redis.eval("return 1", 1, key); await redis.set(key, "1"); }`,
    // WATCH … MULTI: the write goes through the transaction.
    `${IOREDIS}async function f(key: string) { await redis.watch(key); if (await redis.get(key)) return; await redis.multi().set(key, "1").exec(); }`,
    // Cache-aside: the read is returned as data (a stampede at worst): off by default.
    `${IOREDIS}async function f(key: string) { const hit = await redis.get(key); if (hit) return JSON.parse(hit); const value = await load(); await redis.set(key, JSON.stringify(value)); return value; }`,
    { code: `${IOREDIS_CJS}async function f(key) { const hit = await redis.get(key); if (hit) return JSON.parse(hit); const value = await load(); await redis.set(key, JSON.stringify(value)); return value; }`, filename: "file.js" },
    // Inside redlock.using.
    `${IOREDIS}async function f(key: string) { await redlock.using([\`lock:\${key}\`], 5000, async () => { if (await redis.get(key)) return; await pay(); await redis.set(key, "1"); }); }`,
    // After lock.acquire, released in finally.
    { code: `${IOREDIS_CJS}async function f(key) { const lock = await redlock.acquire([key + ":lock"], 5000); try { if (await redis.get(key)) return; await pay(); await redis.set(key, "1"); } finally { await lock.release(); } }`, filename: "file.js" },
    // Inside mutex.runExclusive.
    "const seen = new Set<string>(); async function f(id: string) { await mutex.runExclusive(async () => { if (seen.has(id)) return; await work(id); seen.add(id); }); }",
    // Synchronous check-and-set on an in-memory Set: no await in between.
    { code: "const seen = new Set(); async function f(id) { if (seen.has(id)) return; seen.add(id); await work(id); }", filename: "file.js" },
    "const seen = new Set<string>(); function f(id: string) { if (seen.has(id)) return; work(id); seen.add(id); }",
    // A class's Map read and written in a method that cannot suspend: nothing runs in between.
    "class Registry { entries = new Map<string, number>(); add(key: string) { if (!this.entries.has(key)) { this.entries.set(key, 1); } } }",
    // A store named like a cache in a plain function, written once: no second step.
    { code: "function remember(cache, id, user) { cache.set(`user:${id}`, JSON.stringify(user)); return user; }", filename: "file.js", options: [{ reportCacheAside: false, reportMultiStepWrites: true }] },
    // A Set local to the function is not shared between calls.
    "async function f(ids: string[]) { const seen = new Set<string>(); for (const id of ids) { if (seen.has(id)) continue; await work(id); seen.add(id); } }",
    // A Map local to the function.
    { code: "async function f(ids) { const done = new Map(); for (const id of ids) { if (done.get(id)) continue; await work(id); done.set(id, true); } }", filename: "file.js" },
    // Different keys.
    `${IOREDIS}async function f(id: string) { if (await redis.get(\`order:\${id}\`)) return; await pay(id); await redis.set(\`payment:\${id}\`, "1"); }`,
    // Same name, different variables: the key is not the same.
    `${IOREDIS}async function f(a: string, b: string) { if (await redis.get(a)) return; await pay(); await redis.set(b, "1"); }`,
    // Read and write in different functions.
    `${IOREDIS}async function isDone(id: string) { return Boolean(await redis.get(id)); } async function markDone(id: string) { await redis.set(id, "1"); }`,
    // The write is on the present path only (refresh), not after a miss.
    `${IOREDIS}async function f(key: string) { if (await redis.exists(key)) { await redis.set(key, "1"); } }`,
    // The guard does not leave: the write happens on both paths.
    `${IOREDIS}async function f(key: string) { if (await redis.get(key)) console.log("again"); await redis.set(key, "1"); }`,
    // The written value is data, not a marker.
    `${IOREDIS}async function f(key: string, data: object) { if (await redis.get(key)) return; await redis.set(key, JSON.stringify(data)); }`,
    // A different hash field.
    `${IOREDIS}async function f(key: string) { if (await redis.hget(key, "a")) return; await pay(); await redis.hset(key, "b", "1"); }`,
    // this.state, URLSearchParams, Headers and FormData have get/set and are not stores.
    "class C { constructor(private state: StateStore) {} async f(k: string) { if (await this.state.get(k)) return; await x(); await this.state.set(k, true); } }",
    { code: "async function f(url) { const params = new URLSearchParams(url); if (params.get('page')) return; await x(); params.set('page', '1'); }", filename: "file.js" },
    "async function f(headers: Headers) { if (headers.get('x-id')) return; await x(); headers.set('x-id', '1'); }",
    { code: "class C { constructor(state) { this.state = state; } async f(k) { if (await this.state.get(k)) return; await x(); await this.state.set(k, true); } }", filename: "file.js" },
    // TicketToken's tenant middleware: `setex(key, seconds, value)` on a store named redis stores the row read, not a marker.
    cachedTenant("JSON.stringify({ id: tenant.id, name: tenant.name })"),
    // TicketToken's rate limiter: the count `incr` returns, not the check, decides which caller bans.
    banAfterViolations("const violations = await redis.incr(`violations:${id}`);", '  if (violations >= 5) await redis.setex(`ban:${id}`, 3600, "banned");'),
    // An untraced cache whose read is not awaited (an in-process LRU): no evidence of a remote store.
    { code: "class C { constructor(cache) { this.cache = cache; } async f(k) { if (this.cache.get(k)) return; await x(); this.cache.set(k, true); } }", filename: "file.js" },
    // An awaited read of an object not named like a cache.
    { code: "class C { constructor(repo) { this.repo = repo; } async f(k) { if (await this.repo.get(k)) return; await x(); await this.repo.set(k, true); } }", filename: "file.js" },
    // A consecutive write and invalidation is reported only with reportMultiStepWrites.
    `${IOREDIS}async function invalidateRelated(key: string) { await redis.del(\`\${key}:related\`); } export async function updateCache(key: string, value: string) { await redis.set(key, value); await invalidateRelated(key); }`,
    // With the option, keys that share only a type are not related (formbricks apps/web/lib/cache/index.test.ts).
    {
      code: 'type CacheKey = string;\nlet cache: any;\nasync function f() { await cache.set("key2" as CacheKey, "value", 1000); await cache.del(["key3" as CacheKey]); }',
      options: [{ reportCacheAside: false, reportMultiStepWrites: true }],
    },
    // An in-memory fallback checked and set with no await in between (CryptoJym/ai-agent-village-monitor packages/server/src/cache/dedupe.ts).
    "const memory = new Map<string, number>();\nexport async function isDuplicate(key: string) { if (memory.has(key)) return true; memory.set(key, Date.now()); return false; }",
    // Cache-aside where the miss path stores an id it created: data, not a marker (dubinc/dub apps/web/lib/integrations/intercom/forward-message.ts).
    'import { Redis } from "@upstash/redis";\nconst redis = new Redis({ url: "", token: "" });\nasync function f(key: string) { let id = await redis.get<string>(key); if (!id) { id = await create(); await redis.set(key, id); } return id; }',
    // With the option, unrelated keys are not grouped.
    {
      code: `${IOREDIS}async function f(a: string, b: string) { await redis.set(\`user:\${a}\`, "1"); await redis.del(\`team:\${b}\`); }`,
      options: [{ reportCacheAside: false, reportMultiStepWrites: true }],
    },
  ],
  invalid: [
    // Valid neighbours (samujjwal's session cache): a hit answers something else (a replay guard), the miss sends, counts or writes, no lookup between.
    sessionCacheRaces(sessionCache("return false;")),
    sessionCacheRaces(sessionCache("return true;", "    await sendLoginAlert(userId);\n")),
    sessionCacheRaces(sessionCache("return true;", "    this.validations++;\n")),
    sessionCacheRaces(sessionCache("return true;", "    await prisma.session.update({ where: { userId }, data: { lastSeenAt: new Date() } });\n")),
    sessionCacheRaces(sessionCache("return true;", "    const seen = new Session(userId);\n")),
    sessionCacheRaces(sessionCache("return true;").replace(/    const session = .*\n/u, "").replace("Boolean(session)", "token.length > 6")),
    // Valid neighbour (hono's static site generator): without `recursive`, the second `mkdir` rejects with EEXIST.
    invalid(createdDirs("fs.mkdir(dirPath)"), "checkThenActInMemory", "createdDirs.has(", { filename: "file.js", errors: [{ messageId: "checkThenActInMemory", data: { read: "createdDirs.has()", write: "createdDirs.add()", line: "6", collection: "module-level Set" } }] }),
    invalid(createdDirs("fs.mkdir(dirPath, { recursive: true }).then(() => upload(dirPath))"), "checkThenActInMemory", "createdDirs.has(", { filename: "file.js", errors: [{ messageId: "checkThenActInMemory", data: { read: "createdDirs.has()", write: "createdDirs.add()", line: "6", collection: "module-level Set" } }] }),
    // Valid neighbours (hoodrunio's RateLimiter): no mark before the `await`, or a falsy one, which the check reads as unmarked.
    invalid(rateLimiter(""), "checkThenActInMemory", "this.processing.get(", { errors: [{ messageId: "checkThenActInMemory", data: { read: "this.processing.get()", write: "this.processing.set()", line: "8", collection: "instance's Map" } }] }),
    invalid(rateLimiter("    this.processing.set(key, false);\n"), "checkThenActInMemory", "this.processing.get(", { errors: [{ messageId: "checkThenActInMemory", data: { read: "this.processing.get()", write: "this.processing.set()", line: "9", collection: "instance's Map" } }] }),
    // Valid neighbour (Folo's language loader): `loading` marked only after the `await` locks nothing, and both checks race.
    {
      code: languageLoader("after"),
      errors: [
        { messageId: "checkThenActInMemory", ...at(languageLoader("after"), "loading.has("), data: { read: "loading.has()", write: "loading.add()", line: "7", collection: "module-level Set" } },
        { messageId: "checkThenActInMemory", ...at(languageLoader("after"), "loaded.has("), data: { read: "loaded.has()", write: "loaded.add()", line: "9", collection: "module-level Set" } },
      ],
    },
    // Valid neighbours (wekan's migration): a run() other modules may call, and a callback run for every name at once, race with themselves.
    invalid(checkpointed("export { run };"), "checkThenActInMemory", "completed.has(", { filename: "file.js" }),
    invalid(checkpointed("run(process.argv.slice(2)).catch(console.error);", PARALLEL_COPY), "checkThenActInMemory", "completed.has(", { filename: "file.js" }),
    // The neighbours of overleaf's failed-lookup Set: a mark on the way out of a successful call claims the id after the work.
    invalid(knownMissing("missing.add(id);"), "checkThenActInMemory", "missing.has(", { filename: "file.js" }),
    // Valid neighbour (zigbee2mqtt's OTA request): a case that falls through to the next one reaches its mark.
    invalid(otaRequest("// falls through"), "checkThenActInMemory", "this.#inProgress.has(", {
      filename: "file.js",
      errors: [{ messageId: "checkThenActInMemory", data: { read: "this.#inProgress.has()", write: "this.#inProgress.add()", line: "11", collection: "instance's Set" } }],
    }),
    // Valid neighbours (zigbee2mqtt's OTA handler): the branch that awaits goes on to the mark, or returns from a try whose finally marks.
    invalid(otaHandler("      await this.update(device);"), "checkThenActInMemory", "this.#inProgress.has(", { filename: "file.js", errors: [{ messageId: "checkThenActInMemory", data: { read: "this.#inProgress.has()", write: "this.#inProgress.add()", line: "8", collection: "instance's Set" } }] }),
    invalid(
      "export class OtaUpdate {\n  #inProgress = new Set();\n  async onEvent(device) {\n    if (this.#inProgress.has(device.id)) return;\n    try {\n      if (device.scheduledOta) {\n        await this.update(device);\n        return;\n      }\n    } finally {\n      this.#inProgress.add(device.id);\n    }\n  }\n}",
      "checkThenActInMemory",
      "this.#inProgress.has(",
      { filename: "file.js", errors: [{ messageId: "checkThenActInMemory", data: { read: "this.#inProgress.has()", write: "this.#inProgress.add()", line: "11", collection: "instance's Set" } }] },
    ),
    // A check-then-act that sits whole in a `catch` clause is one still.
    invalid("const retried = new Set();\nexport async function send(id) {\n  try {\n    await deliver(id);\n  } catch {\n    if (retried.has(id)) return;\n    await deliver(id);\n    retried.add(id);\n  }\n}", "checkThenActInMemory", "retried.has(", { filename: "file.js" }),
    invalid(knownMissing('if (project) {\n    missing.add(id);\n    await notify(id);\n  }'), "checkThenActInMemory", "missing.has(", { filename: "file.js" }),
    // Valid neighbours (huly's negative cache): a mark where the lookup found the project claims it, and a return that hands the work back is no failure.
    invalid(knownMissing("if (project !== undefined) {\n    missing.add(id);\n    return;\n  }"), "checkThenActInMemory", "missing.has(", { filename: "file.js" }),
    invalid(knownMissing("if (!project) {\n    missing.add(id);\n    return create(id);\n  }"), "checkThenActInMemory", "missing.has(", { filename: "file.js" }),
    invalid(seedTs, "checkThenAct", "redis.get(`order:", {
      errors: [{ messageId: "checkThenAct", data: { read: "redis.get()", write: "redis.set()", line: "7", atomic: '`set(key, value, "EX", ttl, "NX")`' } }],
    }),
    invalid(seedJs, "checkThenAct", "this.cache.get(", { filename: "file.js" }),
    // Valid neighbours (umbrel's store defaults): work after the mark in its branch, or after the `if` when the other branch leaves, runs once per caller that found the entry missing.
    storeDefaultRaces('{\n      await this.#umbreld.store.set("torEnabled", false);\n      await this.#umbreld.tor.start();\n    }', 5),
    storeDefaultRaces('await this.#umbreld.store.set("torEnabled", false);\n    else return;', 4),
    // Valid neighbours (Aniston-HRMS's session touch): an increment, a new row, a value the code computes, or an update whose values are out of sight applies once per caller.
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { touches: { increment: 1 } } });"),
    sessionTouchRaces("await prisma.deviceSession.create({ data: { userId, at: new Date() } });"),
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { lastActiveAt: new Date(), score: rank(userId) } });"),
    sessionTouchRaces("await prisma.deviceSession.updateMany(touchArgs);"),
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { token: new Token(userId) } });"),
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { token: crypto.randomUUID() } });"),
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { at: Date.UTC(rank(userId)) } });"),
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { at: new Date(rank(userId)) } });"),
    sessionTouchRaces("await prisma.deviceSession.updateMany({ where: { userId }, data: { at: new Date() } });\n    await notify(userId);"),
    // Valid neighbours (6529's Sentry webhook): a lock whose result nobody reads, whose failure goes on, or a plain set, holds off nothing.
    webhookLockRaces('  await client.set(`${key}:processing`, "1", { NX: true, EX: 60 });', 8),
    webhookLockRaces('  const acquired = await client.set(`${key}:processing`, "1", { NX: true, EX: 60 });\n  if (!acquired) log(key);', 9),
    webhookLockRaces('  const acquired = await client.set(`${key}:processing`, "1");\n  if (!acquired) return;', 9),
    // Valid neighbours (kjsanni's QR check-in): an atomic claim whose result nobody reads, a claim not named atomic, or one named not atomic.
    webhookLockRaces("  await tickets.markUsedAtomic(eventId);", 8),
    webhookLockRaces("  const result = await tickets.markUsed(eventId);\n  if (!result) return;", 9),
    webhookLockRaces("  const result = await tickets.markUsedNonAtomic(eventId);\n  if (!result) return;", 9),
    // The neighbour: the same store with a name that says cache, in a file that imports no library at all.
    invalid(`const cache = makeStore();\nasync function f(k: string) { if (await cache.get(k)) return; await pay(); await cache.set(k, "1"); }`, "checkThenAct", "cache.get("),
    // The same template written as a concatenation.
    invalid(`${IOREDIS_CJS}async function f(id) {\n  if (await redis.get("order:" + id)) return;\n  await pay(id);\n  await redis.set(\`order:\${id}\`, "1");\n}`, "checkThenAct", "redis.get(", { filename: "file.js" }),
    // The guard through a variable and a constant key.
    invalid(`${NODE_REDIS}async function f(id: string) {\n  const key = \`order:\${id}\`;\n  const done = await client.get(key);\n  if (done) return;\n  await pay(id);\n  await client.set(key, "1", { EX: 60 });\n}`, "checkThenAct", "client.get("),
    invalid(`${NODE_REDIS}async function f(key) {\n  if ((await client.exists(key)) === 1) throw new Error("duplicate");\n  await pay();\n  await client.setEx(key, 60, "1");\n}`, "checkThenAct", "client.exists(", { filename: "file.js" }),
    // The work and the write inside the branch taken on a miss.
    invalid(`${IOREDIS}async function f(key: string) {\n  if (!(await redis.get(key))) {\n    await pay();\n    await redis.set(key, "processed");\n  }\n}`, "checkThenAct", "redis.get("),
    invalid(`${IOREDIS}async function f(key: string) {\n  if ((await redis.get(key)) === "processed") return;\n  await pay();\n  await redis.set(key, "processed");\n}`, "checkThenAct", "redis.get("),
    invalid(`${IOREDIS_CJS}async function f(ids) {\n  for (const id of ids) {\n    if (await redis.sismember("processed", id)) continue;\n    await send(id);\n    await redis.sadd("processed", id);\n  }\n}`, "checkThenAct", "redis.sismember(", { filename: "file.js" }),
    invalid(`${IOREDIS}async function f(id: string) {\n  if (await redis.hexists("orders", id)) return;\n  await pay(id);\n  await redis.hset("orders", id, Date.now());\n}`, "checkThenAct", "redis.hexists("),
    // A getter result named like a cache (CryptoJym/ai-agent-village-monitor packages/server/src/cache/dedupe.ts).
    invalid("async function isDuplicate(key) {\n  const client = getRedis();\n  const exists = await client.exists(key);\n  if (exists) return true;\n  await client.set(key, '1', 'EX', 600);\n  return false;\n}", "checkThenAct", "client.exists(", { filename: "file.js" }),
    // Valid neighbour (TicketToken's tenant middleware): the value `setex` stores is a marker.
    invalid(cachedTenant('"1"'), "checkThenAct", "redis.get("),
    // Valid neighbours (TicketToken's rate limiter): the count is not read, or the mark is outside the `if` that tests it.
    invalid(banAfterViolations("await redis.incr(`violations:${id}`);", '  await redis.setex(`ban:${id}`, 3600, "banned");'), "checkThenAct", "redis.get("),
    invalid(banAfterViolations("const violations = await redis.incr(`violations:${id}`);", '  if (violations >= 5) await notify(id);\n  await redis.setex(`ban:${id}`, 3600, "banned");'), "checkThenAct", "redis.get("),
    // A flag on @upstash/redis, untraced but named redis (dubinc/dub apps/web/app/(ee)/api/cron/import/rebrandly/route.ts).
    invalid('import { Redis } from "@upstash/redis";\nconst redis = new Redis({ url: "", token: "" });\nasync function f(id: string) {\n  const imported = await redis.get(`import:${id}:tags`);\n  if (!imported) {\n    await importTags(id);\n    await redis.set(`import:${id}:tags`, "true");\n  }\n}', "checkThenAct", "redis.get("),
    // ioredis default import used as a parameter type.
    invalid(`import Redis from "ioredis";\nclass S {\n  constructor(private readonly cache: Redis) {}\n  async f(id: string) {\n    if (await this.cache.get(id)) return;\n    await pay(id);\n    await this.cache.set(id, "1");\n  }\n}`, "checkThenAct", "this.cache.get("),
    // ioredis through a constructor parameter property typed Redis.
    invalid(`import type { Redis } from "ioredis";\nclass S {\n  constructor(private readonly redis: Redis) {}\n  async f(id: string) {\n    if (await this.redis.get(id)) return;\n    await pay(id);\n    await this.redis.set(id, "1");\n  }\n}`, "checkThenAct", "this.redis.get("),
    invalid("const seen = new Set();\nasync function f(id) {\n  if (seen.has(id)) return;\n  await work(id);\n  seen.add(id);\n}", "checkThenActInMemory", "seen.has(", { filename: "file.js" }),
    invalid("class S {\n  private inFlight = new Map<string, boolean>();\n  async run(id: string) {\n    if (this.inFlight.get(id)) return;\n    await work(id);\n    this.inFlight.set(id, true);\n  }\n}", "checkThenActInMemory", "this.inFlight.get(", {
      errors: [{ messageId: "checkThenActInMemory", data: { read: "this.inFlight.get()", write: "this.inFlight.set()", line: "6", collection: "instance's Map" } }],
    }),
    // Private fields compare by name, as identifiers do (tests/zoo/private-static.js).
    invalid(privateCounter, "counterReadModifyWrite", "this.#redis.set(", {
      errors: [{ messageId: "counterReadModifyWrite", suggestions: [{ messageId: "suggestIncrement", data: { replacement: "this.#redis.incr(key)" }, output: privateCounter.replace("this.#redis.set(key, Number(count) + 1)", "this.#redis.incr(key)") }] }],
    }),
    invalid(counter, "counterReadModifyWrite", "redis.set(", {
      errors: [{ messageId: "counterReadModifyWrite", suggestions: [{ messageId: "suggestIncrement", data: { replacement: "redis.incr(key)" }, output: counter.replace("redis.set(key, Number(count) + 1)", "redis.incr(key)") }] }],
    }),
    invalid(counterBy, "counterReadModifyWrite", "client.set(", {
      filename: "file.js",
      errors: [{ messageId: "counterReadModifyWrite", suggestions: [{ messageId: "suggestIncrement", data: { replacement: "client.incrBy(key, amount)" }, output: counterBy.replace("client.set(key, current + amount)", "client.incrBy(key, amount)") }] }],
    }),
    // whatsapp_saas's re-heal count: `Number.parseInt` converts as `parseInt` does.
    invalid(rehealCount("Number.parseInt"), "counterReadModifyWrite", "redis.set(", {
      errors: [{ messageId: "counterReadModifyWrite", data: { read: "redis.get()", write: "redis.set()", increment: "`INCR`/`INCRBY`" }, suggestions: [] }],
    }),
    invalid(rehealCount("Number.parseFloat"), "counterReadModifyWrite", "redis.set(", { errors: [{ messageId: "counterReadModifyWrite", suggestions: [] }] }),
    // A counter with a TTL: no suggestion, INCR would keep the old expiry.
    invalid(`${IOREDIS}async function f(key: string) {\n  const n = Number(await redis.get(key));\n  await redis.set(key, n + 1, "EX", 60);\n}`, "counterReadModifyWrite", "redis.set(", {
      errors: [{ messageId: "counterReadModifyWrite", suggestions: [] }],
    }),
    invalid("class Limiter {\n  constructor(cache) { this.cache = cache; }\n  async hit(key) {\n    const count = (await this.cache.get(key)) || 0;\n    await this.cache.set(key, count + 1);\n  }\n}", "counterReadModifyWrite", "this.cache.set(", {
      filename: "file.js",
      errors: [{ messageId: "counterReadModifyWrite", suggestions: [] }],
    }),
    invalid(`${IOREDIS}async function f(key: string) {\n  const hit = await redis.get(key);\n  if (hit) return JSON.parse(hit);\n  const value = await load();\n  await redis.set(key, JSON.stringify(value));\n  return value;\n}`, "cacheAside", "redis.get(", {
      options: [{ reportCacheAside: true, reportMultiStepWrites: false }],
    }),
    invalid(`${IOREDIS}async function invalidateRelated(key: string) {\n  await redis.del(\`\${key}:related\`);\n}\nexport async function updateCache(key: string, value: string) {\n  await redis.set(key, value);\n  await invalidateRelated(key);\n}`, "multiStepWrite", "redis.set(", {
      options: [{ reportCacheAside: false, reportMultiStepWrites: true }],
    }),
    invalid(`${IOREDIS_CJS}async function f(id, user) {\n  await redis.set(\`user:\${id}\`, JSON.stringify(user));\n  await redis.del(\`user:\${id}:posts\`);\n}`, "multiStepWrite", "redis.set(", {
      filename: "file.js",
      options: [{ reportCacheAside: false, reportMultiStepWrites: true }],
    }),
    // A function that cannot suspend still writes a client's keys in two steps.
    invalid(`${IOREDIS}function f(id: string, user: string) {\n  redis.set(\`user:\${id}\`, user);\n  redis.del(\`user:\${id}:posts\`);\n}`, "multiStepWrite", "redis.set(", {
      options: [{ reportCacheAside: false, reportMultiStepWrites: true }],
    }),
    // The same with a store named like a cache that nothing traces.
    invalid("function f(cache, id, user) {\n  cache.set(`user:${id}`, JSON.stringify(user));\n  cache.del(`user:${id}:posts`);\n}", "multiStepWrite", "cache.set(", {
      filename: "file.js",
      options: [{ reportCacheAside: false, reportMultiStepWrites: true }],
    }),
  ],
});
