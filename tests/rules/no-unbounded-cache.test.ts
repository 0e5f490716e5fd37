import { RuleTester } from "@typescript-eslint/rule-tester";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

import rule from "../../rules/no-unbounded-cache.js";
import { FIXTURES_DIR, runRuleTests } from "../rule-tester.js";

const LRU = "new LRUCache({ max: 1000, ttl: 10 * 60 * 1000 })";
const IMPORT = 'import { LRUCache } from "lru-cache";\n';
const REQUIRE = 'const { LRUCache } = require("lru-cache");\n';

// The workshop's SearchService (seed 000): a Map filled on every miss, never evicted.
const entityManager = (create: string): string => `class EntityManager {
  constructor(connection) {
    this.connection = connection;
    this.repositories = new Map();
  }
  getRepository(target) {
    const repoFromMap = this.repositories.get(target);
    if (repoFromMap) return repoFromMap;
    const newRepository = ${create};
    this.repositories.set(target, newRepository);
    return newRepository;
  }
}
module.exports = { EntityManager };`;
// matrix-appservice-slack src/SlackClientFactory.ts: a record with the Slack client made for each puppeted user.
const puppetClients = (stored: string): string => `export class SlackClientFactory {
  private puppets: Map<string, { id: string; client: WebClient }> = new Map();
  async getClientForUser(teamId: string, matrixUser: string) {
    const key = \`\${teamId}:\${matrixUser}\`;
    if (this.puppets.has(key)) return this.puppets.get(key);
    const token = await this.datastore.getPuppetToken(teamId, matrixUser);
    const client = new WebClient(token);
    const id = await client.auth.test();
    this.puppets.set(key, ${stored});
    return { id, client };
  }
}`;
// powertools-lambda-typescript packages/event-handler/src/appsync-graphql/ExceptionHandlerRegistry.ts: another registry's handlers copied in.
const mergedHandlers = (method: string): string => `export class ExceptionHandlerRegistry {
  protected readonly handlers: Map<string, HandlerOptions> = new Map();
  public ${method}(otherRegistry: ExceptionHandlerRegistry): void {
    for (const [errorName, options] of otherRegistry.handlers) {
      if (this.handlers.has(errorName)) this.warn(errorName);
      this.handlers.set(errorName, options);
    }
  }
}`;
// shopify-app-js packages/apps/shopify-app-express/src/helpers/idempotent-promise-handler.ts: stale identifiers swept through forEach's third argument.
const idempotentHandler = (sweep: string): string => `export class IdempotentPromiseHandler {
  protected identifiers: Map<string, number>;
  constructor() {
    this.identifiers = new Map<string, number>();
  }
  async handlePromise(promiseFunction: () => Promise<void>, identifier: string) {
    try {
      if (!this.identifiers.has(identifier)) {
        this.identifiers.set(identifier, Date.now());
        await promiseFunction();
      }
    } finally {
      this.identifiers.forEach((date, identifier, map) => {
        if (Date.now() - date > 60000) ${sweep};
      });
    }
  }
}`;
const playerState = (parameters: string): string => `export class PlayerState {
  constructor(${parameters}) {
    this.room = room;
    this.score = 0;
    this.contactCounter = {};
  }
  recordContact(player) {
    const playerId = player.model._id;
    if (this.contactCounter[playerId]) {
      this.contactCounter[playerId] += 1;
    } else {
      this.contactCounter[playerId] = 1;
    }
  }
}`;
// shopify-app-js packages/apps/shopify-api/lib/clients/admin/rest/client.ts: a REST client made for one session, noting the deprecations its requests met.
// NHS innovation service apps/notifications/_handlers/automatic/unit-kpi.handler.ts: a handler made per notification, with the Azure Functions invocation's context.
const kpiHandler = (imports: string, parameters: string): string => `${imports}
export class UnitKPIHandler {
  private unitQAs = new Map<string, string[]>();
  constructor(${parameters}) {}
  async sendNotifications(map: Map<string, string[]>, recipients: { accessors(ids: string[]): Promise<string[]> }) {
    for (const [unitId] of map) {
      if (!this.unitQAs.has(unitId)) this.unitQAs.set(unitId, await recipients.accessors([unitId]));
    }
  }
}`;
const kpiInvalid = (imports: string, parameters: string) => {
  const code = kpiHandler(imports, parameters);
  return {
    code,
    errors: [
      {
        messageId: "unboundedCacheKeyed" as const,
        line: 3,
        column: 21,
        data: { name: "this.unitQAs", where: "`sendNotifications()`", line: "7", owner: "class `UnitKPIHandler`", key: "unitId", creation: "new Map<string, string[]>()" },
        suggestions: [{ messageId: "suggestLruCache" as const, output: code.replace(imports, `${imports}\n${IMPORT.trimEnd()}`).replace("new Map<string, string[]>()", `new LRUCache<string, string[]>(${LRU.slice(13)}`) }],
      },
    ],
  };
};
// Jackela AI-Recruitment-Clerk apps/app-gateway/src/common/interceptors/service-integration.interceptor.ts: a circuit breaker per controller method, named from NestJS's ExecutionContext.
const circuitBreakers = (operation: string): string => `export class ServiceIntegrationInterceptor {
  private states = new Map<string, { failures: number }>();
  intercept(context: ExecutionContext) {
    const handler = context.getHandler();
    const operationId = ${operation};
    this.recordFailure(operationId);
  }
  private operationName(context: ExecutionContext): string {
    const controller = context.getClass();
    return \`\${controller.name}.\${context.getHandler().name}\`;
  }
  private requestKey(context: ExecutionContext): string {
    return context.switchToHttp().getRequest().url;
  }
  private recordFailure(operationId: string): void {
    const state = this.states.get(operationId) || { failures: 0 };
    state.failures++;
    this.states.set(operationId, state);
  }
}`;
/** The keyed-cache report on `data.creation` in `code` (a `new Map<…>()` of a class), with the suggestion that makes it an `LRUCache`. */
const keyedCacheError = (code: string, line: number, column: number, data: Record<string, string> & { creation: string }) => ({
  messageId: "unboundedCacheKeyed" as const,
  line,
  column,
  data,
  suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${code.replace(data.creation, `${data.creation.slice(0, -1).replace("new Map", "new LRUCache")}${LRU.slice(13)}`)}` }],
});
const circuitBreakersInvalid = (code: string) => ({
  code,
  errors: [
    keyedCacheError(code, 2, 20, { name: "this.states", where: "`recordFailure()`", line: "18", owner: "class `ServiceIntegrationInterceptor`", key: "operationId", creation: "new Map<string, { failures: number }>()" }),
  ],
});
// cschwartz85032 loanserve src/monitoring/cache-optimizer.ts: a key made in a method that also hands it back to itself; following where it comes from must not go round for ever.
const retriedStats = `export class CacheOptimizer {
  private stats = new Map<string, { hits: number }>();
  record(tenantId: string, type: string, retry = false) {
    const key = \`\${tenantId}:\${type}\`;
    this.bump(key);
    if (retry) this.record(key, type);
  }
  warm() {
    this.record("t", "a");
  }
  private bump(key: string) {
    const stats = this.stats.get(key) || { hits: 0 };
    stats.hits++;
    this.stats.set(key, stats);
  }
}`;
// Dependency-injection containers found by code search: one instance per token the container has a registration for.
const diContainer = (register: string, init = "new Map<symbol, Registration>()", constructor = ""): string => `type Registration = { scope: "singleton" | "transient"; factory: (c: Container) => unknown };
export class Container {
  private registrations = ${init};
  private singletons = new Map<symbol, unknown>();
${constructor}  ${register}(token: symbol, registration: Registration): void {
    this.registrations.set(token, registration);
  }
  resolve<T>(token: symbol): T {
    const registration = this.registrations.get(token);
    if (!registration) throw new Error(\`Service not registered: \${String(token)}\`);
    if (registration.scope === "singleton") {
      if (this.singletons.has(token)) return this.singletons.get(token) as T;
      const instance = registration.factory(this);
      this.singletons.set(token, instance);
      return instance as T;
    }
    return registration.factory(this) as T;
  }
}`;
const diContainerInvalid = (code: string, storeLine: number) => ({
  code,
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 4,
      column: 24,
      data: { name: "this.singletons", where: "`resolve()`", line: String(storeLine), owner: "class `Container`", key: "token", creation: "new Map<symbol, unknown>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${code.replace("new Map<symbol, unknown>()", `new LRUCache<symbol, unknown>(${LRU.slice(13)}`)}` }],
    },
  ],
});
// hoainamdang10 hospital-management backend/services-v2/shared/infrastructure/di/container.ts: the registration found by `resolve` is handed down two private methods, whose memo is keyed by its token.
const diHandedDown = (resolveBody: string): string => `type Registration = { token: string; lifetime: "singleton" | "transient"; factory: (c: DIContainer) => unknown };
export class DIContainer {
  private services = new Map<string, Registration>();
  private singletonInstances = new Map<string, unknown>();
  register(token: string, registration: Registration): void {
    this.services.set(token, registration);
  }
  resolve<T>(token: string, given?: Registration): T {
${resolveBody}
  }
  private createInstance<T>(registration: Registration): T {
    return registration.lifetime === "singleton" ? this.createSingletonInstance<T>(registration) : (registration.factory(this) as T);
  }
  private createSingletonInstance<T>(registration: Registration): T {
    let instance = this.singletonInstances.get(registration.token);
    if (!instance) {
      instance = registration.factory(this);
      this.singletonInstances.set(registration.token, instance);
    }
    return instance as T;
  }
}`;
// The dependency-injection container above, with its registrations in a plain object.
const diObjectRegistry = (extra: string): string => `type Registration = { factory: () => unknown };
export class Container {
  private registrations: Record<string, Registration> = {};
  private singletons = new Map<string, unknown>();
  register(token: string, registration: Registration): void {
    this.registrations[token] = registration;
  }
${extra}  resolve<T>(token: string): T {
    const registration = this.registrations[token];
    if (!registration) throw new Error(token);
    if (!this.singletons.has(token)) this.singletons.set(token, registration.factory());
    return this.singletons.get(token) as T;
  }
}`;
/** The report on the singletons of `diObjectRegistry(extra)`. */
const diObjectSingletonsError = (extra: string) => ({
  messageId: "unboundedCacheKeyed" as const,
  line: 4,
  column: 24,
  data: { name: "this.singletons", where: "`resolve()`", line: "14", owner: "class `Container`", key: "token", creation: "new Map<string, unknown>()" },
  suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${diObjectRegistry(extra).replace("new Map<string, unknown>()", `new LRUCache<string, unknown>(${LRU.slice(13)}`)}` }],
});
/** The report on `diHandedDown(…)`, its memo's store on `storeLine`. */
const diHandedDownError = (code: string, storeLine: number) => ({
  messageId: "unboundedCacheKeyed" as const,
  line: 4,
  column: 32,
  data: { name: "this.singletonInstances", where: "`createSingletonInstance()`", line: String(storeLine), owner: "class `DIContainer`", key: "registration.token", creation: "new Map<string, unknown>()" },
  suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${code.replace("new Map<string, unknown>()", `new LRUCache<string, unknown>(${LRU.slice(13)}`)}` }],
});
// ncats pharos-graphql-server src/models/databaseConfig.ts: reference tables loaded into maps when the configuration is made, by methods only its constructor calls.
const LOAD_CODES = "rows.forEach((row) => {\n        if (!this.byCode.has(row.code)) this.byCode.set(row.code, { label: row.label });\n      })";
const referenceTables = (constructorBody = "this.loaded = Promise.all([this.loadCodes()]);", extra = "", load = LOAD_CODES): string => `type Row = { code: string; label: string };
export class DatabaseConfig {
  byCode = new Map<string, { label: string }>();
  loaded: Promise<unknown>;
  constructor(private db: any) {
    ${constructorBody}
  }
  loadCodes() {
    return this.db("codes").select("*").then((rows: Row[]) => {
      ${load};
    });
  }
${extra}}`;
/** The report on `referenceTables(…)`: a map that a later call can fill with more rows. */
const referenceTablesInvalid = (code: string, line = "11") => ({
  code,
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 3,
      column: 12,
      data: { name: "this.byCode", where: "a callback", line, owner: "class `DatabaseConfig`", key: "row.code", creation: "new Map<string, { label: string }>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${code.replace("new Map<string, { label: string }>()", `new LRUCache<string, { label: string }>(${LRU.slice(13)}`)}` }],
    },
  ],
});
// sqwoz-hrov lms-backend src/image/services/fake-image-storage.service.ts: the stand-in image store of tests and local runs.
const imageStore = (className: string): string => `export class ${className} {
  private imageCounter = 0;
  private uploadedImages = new Map<string, string>();
  constructor(public readonly imageStorageUrl: string) {}
  uploadImage(imageUrl: string): Promise<string> {
    if (this.uploadedImages.has(imageUrl)) return Promise.resolve(this.uploadedImages.get(imageUrl)!);
    const url = \`\${this.imageStorageUrl}image\${++this.imageCounter}.jpg\`;
    this.uploadedImages.set(imageUrl, url);
    return Promise.resolve(url);
  }
}`;
/** The report on `imageStore(className)`: a real service's memo per image URL. */
const imageStoreInvalid = (className: string) => {
  const code = imageStore(className);
  return {
    code,
    errors: [
      {
        messageId: "unboundedCacheKeyed" as const,
        line: 3,
        column: 28,
        data: { name: "this.uploadedImages", where: "`uploadImage()`", line: "8", owner: `class \`${className}\``, key: "imageUrl", creation: "new Map<string, string>()" },
        suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${code.replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }],
      },
    ],
  };
};
const sessionClient = (parameters: string, after = ""): string => `export class RestClient {
  private loggedDeprecations = new Map<string, number>();
  constructor(${parameters}) {}
  noteDeprecation(path: string, reason: string) {
    const key = \`\${path}:\${reason}\`;
    if (this.loggedDeprecations.has(key)) return;
    this.loggedDeprecations.set(key, Date.now());
    console.warn(reason);
  }
}${after}`;
// neo4j-javascript-driver packages/core/src/integer.ts: the small integers, one object each, cached between two bounds.
const smallInts = (range: string): string => `const INT_CACHE = new Map<number, Integer>();
export function fromInt(value: number): Integer {
  if (${range}) {
    const cached = INT_CACHE.get(value);
    if (cached != null) return cached;
  }
  const obj = new Integer(value);
  if (${range}) INT_CACHE.set(value, obj);
  return obj;
}`;
/** The report on `smallInts(range)`, whose store on line 8 takes a number bounded on one side at most. */
const smallIntsGrow = (range: string) => ({
  code: smallInts(range),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 1,
      column: 19,
      data: { name: "INT_CACHE", where: "`fromInt()`", line: "8", owner: "module", key: "value", creation: "new Map<number, Integer>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${smallInts(range).replace("new Map<number, Integer>()", `new LRUCache<number, Integer>(${LRU.slice(13)}`)}` }],
    },
  ],
});
// hydrogen packages/hydrogen-react/src/storefront-client.ts: each warning once, at the level the caller picks.
const warnOnce = (log: string): string =>
  `const warnings = new Set<string>();\nexport const warnOnce = (text: string, type: "warn" | "info" = "warn"): void => {\n  if (!warnings.has(text)) {\n    ${log};\n    warnings.add(text);\n  }\n};`;
// botbuilder-js libraries/adaptive-expressions/src/timeZoneConverter.ts: maps filled from a mapping string written in the class, six steps away from the key.
const zoneTables = (source: string): string => `export class TimeZoneConverter {
  private static readonly mappingString = "Dateline Standard Time,001,Etc/GMT+12;UTC,ZZ,Etc/UTC";
  private static readonly ianaToWindowsMap = new Map<string, string>();
  public static load(${source === "text" ? "text: string" : ""}): void {
    const data: string = ${source === "text" ? "text" : "this.mappingString"};
    const lines: string[] = data.split(";");
    for (const line of lines) {
      const tokens: string[] = line.split(",");
      const ianaIDs: string[] = tokens[2].split(" ");
      for (const ianaID of ianaIDs) {
        if (!this.ianaToWindowsMap.has(ianaID)) this.ianaToWindowsMap.set(ianaID, tokens[0]);
      }
    }
  }
}`;
// nestjs-query packages/query-graphql/src/types/query/filter.type.ts: a filter type per DTO class, keyed by the class.
const filterTypes = (keyType: string): string => `const internalCache = new Map<${keyType}, FilterConstructor>();
export function getFilterType(TClass: ${keyType}): FilterConstructor {
  let cached = internalCache.get(TClass);
  if (cached) return cached;
  cached = buildFilter(TClass);
  internalCache.set(TClass, cached);
  return cached;
}`;
// huggingface chat-ui src/lib/utils/parseBlocks.ts: a pattern per HTML tag name, normalised first.
const tagPatterns = (name: string): string => `const openTagPatternCache = new Map<string, RegExp>();
export function getOpenTagPattern(${name}: string): RegExp {
  const normalizedTag = ${name}.toLowerCase();
  const cached = openTagPatternCache.get(normalizedTag);
  if (cached) return cached;
  const pattern = new RegExp(\`<\${normalizedTag}[^>]*>\`, "gi");
  openTagPatternCache.set(normalizedTag, pattern);
  return pattern;
}`;
const clientFactory = (build: string): string => `export class ClickhouseFactory {
  private readonly _clientCache = new Map<string, ClickHouse>();
  getClient(url: string, clientType: string): ClickHouse {
    const cacheKey = \`\${hashHostname(url)}:\${clientType}\`;
    let client = this._clientCache.get(cacheKey);
    if (!client) {
      client = ${build}(url, clientType);
      this._clientCache.set(cacheKey, client);
    }
    return client;
  }
}`;
// openstatus apps/web/src/content/utils/search-index.ts: a memo per corpus, keyed by a parameter whose type is a set of values.
const vocabMemo = (type: string): string => `import type { Corpus } from "./search-meta";
const vocabCache = new Map<Corpus, string[]>();
export function getVocab(p: ${type}): string[] {
  if (p === "all") return [];
  if (vocabCache.has(p)) return vocabCache.get(p) as string[];
  const vocab = buildVocab(p);
  vocabCache.set(p, vocab);
  return vocab;
}`;
const lruVocabMemo = (type: string): string =>
  vocabMemo(type).replace("\n", `\n${IMPORT}`).replace("new Map<Corpus, string[]>()", "new LRUCache<Corpus, string[]>({ max: 1000, ttl: 10 * 60 * 1000 })");
const periodTotals = (extra: string): string =>
  `type Period = "day" | "week" | ${extra};\nconst totals = new Map<Period, number>();\nexport function total(period: Period) {\n  if (!totals.has(period)) totals.set(period, compute(period));\n  return totals.get(period);\n}`;
const dtfCache = (constructor: string): string =>
  `let dtfCache = {};\nexport function getDateTimeFormat(timezone, options = {}) {\n  const key = timezone + "|" + (options.timeZoneName || "short");\n  let dtf = dtfCache[key];\n  if (!dtf) {\n    dtf = new ${constructor}("en-US", { timeZone: timezone });\n    dtfCache[key] = dtf;\n  }\n  return dtf;\n}`;
const templates = (head: string, resolve: string): string =>
  `${head}\nconst templates = new Map();\nexport async function render(view, data) {\n  const resolved = ${resolve};\n  let template = templates.get(resolved);\n  if (!template) {\n    template = compile(await readFile(resolved, "utf8"));\n    templates.set(resolved, template);\n  }\n  return template(data);\n}`;
// mikro-orm packages/core/src/utils/EntityComparator.ts: functions compiled once per entity's metadata, which the code declares.
const compiledMappers = (key: string): string =>
  `export class EntityComparator {\n  readonly #mappers = new Map<EntityMetadata, Mapper>();\n  getResultMapper(${key}: EntityMetadata): Mapper {\n    const exists = this.#mappers.get(${key});\n    if (exists) return exists;\n    const mapper = compile(${key});\n    this.#mappers.set(${key}, mapper);\n    return mapper;\n  }\n}`;
// webstudio packages/asset-uploader/src/asset-repository.ts: content bytes kept under a byte budget, checked before each store.
/** autumn server/src/external/aws/dynamodb/initDynamoDb.ts: one document client per configuration. */
const documentClients = (make: string): string => `const clientsByKey = new Map<string, DocumentClient>();
export function getDocumentClient(key: string) {
  const existing = clientsByKey.get(key);
  if (existing) return existing;
  const client = ${make};
  clientsByKey.set(key, client);
  return client;
}`;
/** autumn packages/auth/src/oauth/reservedOAuthClients.ts: client ids parsed once per raw value of an environment variable. */
const envClientIds = (raw: string): string => `const clientIdsByRawValue = new Map<string, readonly string[]>();
export const clientIdsFromEnv = (variable: string, fallback: string): readonly string[] => {
  const rawValue = ${raw};
  const cached = clientIdsByRawValue.get(rawValue);
  if (cached) return cached;
  const clientIds = rawValue.split(",").map((clientId) => clientId.trim());
  clientIdsByRawValue.set(rawValue, clientIds);
  return clientIds;
};`;
/** graphile pg-sql2 src/index.ts: one raw node per text of a `sql` template, made on a miss. */
const fragmentCache = (type: string): string => `const FRAGMENTS = new Map<string, Node>();
export function sql(strings: ${type}, ...values: unknown[]): Node {
  const first = strings[0];
  const existing = FRAGMENTS.get(first);
  if (existing) return existing;
  const node = makeRawNode(first);
  FRAGMENTS.set(first, node);
  return node;
}`;
/** graphile-build src/behavior.ts: defaults per entity type, declared by an interface. */
// (graphile's parameter `entityType` renamed `entity`: a name that ends in `Type` is a code key by itself.)
const entityDefaults = (declarations: string, type: string): string => `${declarations}export class Behavior {
  private byEntity = new Map<string, string>();
  getDefault(entity: ${type}) {
    if (!this.byEntity.has(entity)) this.byEntity.set(entity, compute(entity));
    return this.byEntity.get(entityType);
  }
}`;
/** graphile-build src/behavior.ts: plugins' behaviours registered under a key asserted to be a declared one. */
const behaviorRegistry = (assertion: string): string => `export class Registry {
  private registry: Record<string, Spec> = Object.create(null);
  add(specs: Record<string, Spec>) {
    for (const [key, spec] of Object.entries(specs)) {
      const behavior = key as ${assertion};
      if (!this.registry[behavior]) this.registry[behavior] = spec;
    }
  }
}`;
/** matrix-appservice-irc src/logging.ts: one logger per component name, made on a miss. */
const loggerRegistry = (make: string): string => `const loggers = new Map<string, Logger>();
export function get(nameOfLogger: string) {
  let logger = loggers.get(nameOfLogger);
  if (!logger) {
    logger = ${make}(nameOfLogger);
    loggers.set(nameOfLogger, logger);
  }
  return logger;
}`;
/** powersync-service modules/module-mssql/src/replication/CDCStream.ts: the last drift warning per table, kept by the stream. */
const driftWarnings = (param: string, key: string): string => `export class CDCStream {
  private warnedCount = new Map<number, number>();
  constructor(private options: Options) {}
  private warnColumnChanges(${param}, captureInstance: CaptureInstance): void {
    const changeCount = captureInstance.pendingSchemaChanges.length;
    if (this.warnedCount.get(${key}) === changeCount) {
      return;
    }
    this.logger.warn("Schema drift detected");
    this.warnedCount.set(${key}, changeCount);
  }
}`;
/** dbgate packages/datalib/src/DataReplicator.ts: the next identity value per table, under a key the method makes from the table. */
const identityValues = (param: string): string => `export class DataReplicator {
  identityValues: { [fullTableName: string]: number } = {};
  constructor(private pool: Pool) {}
  async generateIdentityValue(column: string, ${param}: NamedObjectInfo): Promise<number> {
    const tableKey = \`\${${param}.schemaName}.\${${param}.pureName}\`;
    if (!(tableKey in this.identityValues)) {
      this.identityValues[tableKey] = await this.pool.maxId(column);
      return this.identityValues[tableKey];
    }
    this.identityValues[tableKey] += 1;
    return this.identityValues[tableKey];
  }
}`;
/** powersync-service packages/sync-rules/src/HydratedSyncConfig.ts: the sources per table, under a key made from it. */
const matchingSources = (param: string, key: string): string => `export class HydratedSyncConfig {
  private readonly cache = new Map<string, Source[]>();
  getMatchingSources(${param}) {
    const key = ${key};
    const cached = this.cache.get(key);
    if (cached != null) return cached;
    const sources = this.sources.filter((source) => source.syncs(key));
    this.cache.set(key, sources);
    return sources;
  }
}`;
/** powersync-service packages/sync-rules/src/compiler/querier_graph.ts: an object made for one call of its method. */
const querierPath = (returned: string): string => `class PendingQuerierPath {
  private readonly pending = new Map<ResultSet, Lookup>();
  constructor(private readonly sets: ResultSet[]) {}
  resolvePrimaryInput() {
    for (const set of this.sets) this.resolve(set);
    return ${returned};
  }
  private resolve(set: ResultSet): Lookup {
    const known = this.pending.get(set);
    if (known) return known;
    const resolved = lookup(set);
    this.pending.set(set, resolved);
    return resolved;
  }
}
export class Builder {
  process(sets: ResultSet[]) {
    const resolved = new PendingQuerierPath(sets).resolvePrimaryInput();
    this.resolvers.push(resolved);
  }
}`;
/** supabase storage src/internal/monitoring/metrics.ts: a label string per key, made on a miss. */
const platformConfigs = (key: string, local = "platform"): string =>
  `class Utils {\n  constructor() {\n    this.platformConfigs = {};\n  }\n  getPlatformConfig(${key}) {\n    const ${local} = ${key} || "default";\n    if (${local} in this.platformConfigs) {\n      return this.platformConfigs[${local}];\n    }\n    const config = loadConfig(${key});\n    this.platformConfigs[${local}] = config;\n    return config;\n  }\n}\nexport default new Utils();`;
const labelCache = (key: string): string =>
  `const labels = new Map<number, string>();\nexport function getLabel(${key}: number): string {\n  let label = labels.get(${key});\n  if (!label) {\n    label = String(${key});\n    labels.set(${key}, label);\n  }\n  return label;\n}`;
const byteCache = (guard: string): string =>
  `class BytesCache {\n  private values = new Map<string, Uint8Array>();\n  private byteLength = 0;\n  get(key: string) {\n    return this.values.get(key);\n  }\n  set({ key, bytes }: { key: string; bytes: Uint8Array }) {\n    const previous = this.values.get(key);\n    const next = this.byteLength - (previous?.byteLength ?? 0) + bytes.byteLength;\n${guard}\n    this.values.set(key, bytes);\n    this.byteLength = next;\n  }\n}\nconst cache = new BytesCache();\nexport async function load(key: string) {\n  const hit = cache.get(key);\n  if (hit) return hit;\n  const bytes = await read(key);\n  cache.set({ key, bytes });\n  return bytes;\n}`;
// moleculer src/utils.js: compiled patterns keyed by a copy of the pattern, kept before the pattern is rewritten.
const regexCache = (copied: string): string =>
  `const RegexCache = new Map();\nexport function match(text, pattern) {\n  const origPattern = ${copied};\n  let regex = RegexCache.get(origPattern);\n  if (regex == null) {\n    pattern = pattern.replace(/\\*/g, "[^.]*");\n    regex = new RegExp(pattern);\n    RegexCache.set(origPattern, regex);\n  }\n  return regex.test(text);\n}`;
// worldmonitor server/worldmonitor/news/v1/_classifier.ts: a regular expression per keyword of the tables the classifier is given.
const keywordRegexes = (loop: string, calls = "return matchKeywords(title, CRITICAL_KEYWORDS) ?? matchKeywords(title, LOW_KEYWORDS);"): string =>
  `const CRITICAL_KEYWORDS = { coup: "military", riot: "unrest" };\nconst LOW_KEYWORDS = { vote: "politics" };\nconst keywordRegexCache = new Map<string, RegExp>();\nfunction getKeywordRegex(kw: string): RegExp {\n  let re = keywordRegexCache.get(kw);\n  if (!re) {\n    re = new RegExp(kw);\n    keywordRegexCache.set(kw, re);\n  }\n  return re;\n}\nfunction matchKeywords(title: string, keywords: Record<string, string>) {\n  ${loop} {\n    if (getKeywordRegex(kw).test(title)) return kw;\n  }\n  return null;\n}\nexport function classify(title: string, extra: Record<string, string>) {\n  ${calls}\n}`;
/** The report on `keywordRegexes(loop, calls)`: a regular expression per keyword the caller gives. */
const keywordRegexesGrow = (loop: string, calls?: string) => ({
  code: keywordRegexes(loop, calls),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 3,
      column: 27,
      data: { name: "keywordRegexCache", where: "`getKeywordRegex()`", key: "kw", line: "8", owner: "module" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${keywordRegexes(loop, calls).replace("new Map<string, RegExp>()", `new LRUCache<string, RegExp>(${LRU.slice(13)}`)}` }],
    },
  ],
});
// agent-saas server/src/runtime/responsesApiAdapter.ts: diagnostic counts per event type, one "(other)" key once the count of types is reached.
const eventTypeCounts = (key: string): string =>
  `const MAX_EVENT_TYPES = 32;\nexport class ResponsesAdapter {\n  private readonly eventTypeCounts: Record<string, number> = {};\n  observeEvent(eventType: string) {\n    const key = ${key};\n    this.eventTypeCounts[key] = (this.eventTypeCounts[key] ?? 0) + 1;\n  }\n}`;
/** The report on `eventTypeCounts(key)`: a count per event type, for every type there is. */
const eventTypeCountsGrow = (key: string, shown: string) => ({
  code: eventTypeCounts(key),
  errors: [{ messageId: "unboundedCacheKeyed" as const, line: 3, column: 62, data: { name: "this.eventTypeCounts", where: "`observeEvent()`", key: shown, line: "6", owner: "class `ResponsesAdapter`" }, suggestions: [] }],
});
// FoxxMD multi-scrobbler src/backend/sources/ingressNotifiers/WebhookNotifier.ts: a note the first time each URL slug is seen, the slug read from the request's path.
const seenSlugs =
  'import path from "path";\nexport class WebhookNotifier {\n  seenSlugs: Record<string, boolean> = {};\n  notifyBySource(req: Request) {\n    const parts = path.parse(req.path);\n    const slug = parts.name;\n    if (this.seenSlugs[slug] === undefined) {\n      this.seenSlugs[slug] = true;\n      return `first data for ${slug}`;\n    }\n  }\n}';
// PartnerPiloting pb-webhook-server services/gmailApiService.js: the id of each Gmail label, looked up or created once.
const gmailLabels = (key: string): string =>
  `const labelCache = {};\nexport async function getOrCreateLabel(gmail, ${key}) {\n  if (labelCache[${key}]) return labelCache[${key}];\n  const created = await gmail.users.labels.create({ userId: "me", requestBody: { name: ${key} } });\n  labelCache[${key}] = created.data.id;\n  return created.data.id;\n}`;
// sails lib/hooks/views/default-view-rendering-fn.js: partial sources keyed by the view's file and a suffix.
const partialSources = (key: string): string =>
  `var cache = {};\nexport function partial(view, root, userId) {\n  var file = lookup(root, view);\n  var key = ${key};\n  return cache[key] || (cache[key] = readFileSync(file, "utf8"));\n}`;
// openreplay tracker/tracker/src/main/utils.ts: an object of flags that makes each deprecation warning appear once.
const deprecationFlags = (value: string): string =>
  `const warnedFeatures: { [key: string]: boolean | number } = {};\nexport function deprecationWarn(nameOfFeature: string, useInstead: string): void {\n  if (warnedFeatures[nameOfFeature]) {\n    return;\n  }\n  console.warn(\`\${nameOfFeature} is deprecated, use \${useInstead}\`);\n  warnedFeatures[nameOfFeature] = ${value};\n}`;
// langgraphjs libs/langgraph-core/src/graph/state.ts: a graph builder's internal registration of each state schema it is given.
const schemaRegistry = (method: string): string =>
  `export class StateGraph {\n  _schemaDefinitions = new Map<object, object>();\n  ${method}(definition: object) {\n    if (this._schemaDefinitions.has(definition)) return;\n    this._schemaDefinitions.set(definition, compile(definition));\n  }\n}`;
// webiny packages/aws-sdk/src/client-s3/index.ts and client-dynamodb/getDocumentClient.ts: one SDK client per configuration, keyed by its hash.
const sdkClients = (head: string, make: string): string =>
  `${head}\nconst clients = new Map<string, unknown>();\nexport async function getClient(options: Options) {\n  const key = createCacheKey(options);\n  const cached = clients.get(key);\n  if (cached) return cached;\n  ${make}\n  clients.set(key, instance);\n  return instance;\n}`;
// webiny packages/api-security-auth0/src/createAuthenticator.ts: a factory's closure caches the signing keys of the domain it was configured with.
const jwksFactory = (key: string, made: string): string =>
  `const jwksCache = new Map<string, Key[]>();\nexport const createAuthenticator = (config: Config) => {\n  const getJWKs = async (): Promise<Key[]> => {\n    const key = ${key};\n    if (!jwksCache.has(key)) {\n      const response = await fetch(\`\${config.domain}/.well-known/jwks.json\`).then((res) => res.json());\n      jwksCache.set(key, response.keys);\n    }\n    return jwksCache.get(key)!;\n  };\n  ${made}\n};`;
// bull-board packages/metrics/src/MetricsRecorder.ts: a watermark per queue and metric, the metric taken from a module constant list.
const metricCursors = (list: string, key = "cursorKey"): string =>
  `const METRICS = ["completed", "failed"];\nexport class MetricsRecorder {\n  private readonly lastMinute = new Map<string, number>();\n  async snapshot(queues: Queue[], requested: string[]) {\n    for (const queue of queues) {\n      const name = queue.getName();\n      for (const metric of ${list}) await this.snapshotOne(queue, name, metric);\n    }\n  }\n  private async snapshotOne(queue: Queue, name: string, metric: string) {\n    const cursorKey = \`\${name}:\${metric}\`;\n    const seen = this.lastMinute.get(${key}) ?? -1;\n    const points = await queue.getMetrics(metric);\n    this.lastMinute.set(${key}, newest(points, seen));\n  }\n}`;
const queueClients = (head: string, create: string): string =>
  `${head}\nconst queues = new Map();\nexport function getQueue(key) {\n  const existing = queues.get(key);\n  if (existing) return existing;\n  const queue = ${create};\n  queues.set(key, queue);\n  return queue;\n}`;
// MuhammadShahidRajpoot blood-donation-center-be src/api/scheduler/services/scheduler.service.ts: each configured job started once and kept to be stopped.
const scheduledJobs = (head: string, create: string): string =>
  `${head}\nexport class SchedulerService {\n  private scheduledJobs: Record<string, { stop(): void }> = {};\n  schedule(item: { id: number; expression: string }) {\n    if (!this.scheduledJobs[item.id.toString()]) {\n      const job = ${create};\n      job.start();\n      this.scheduledJobs[item.id.toString()] = job;\n    }\n  }\n}`;
const versionIndex = (fallback: string): string =>
  `export class PeriodIndex {\n  private versionsById = new Map<string, Set<string>>();\n  set(id: string, version: string) {\n    const versions = this.versionsById.get(id) ?? ${fallback};\n    versions.add(version);\n    this.versionsById.set(id, versions);\n  }\n}`;
const userMemo = "type UserId = string;\nconst users = new Map<UserId, User>();\nexport function getUser(id) {\n  if (users.has(id)) return users.get(id);\n  const user = load(id);\n  users.set(id, user);\n  return user;\n}";
const searchService = (create: string): string => `class SearchService {
  constructor(database, elasticSearch) {
    this.db = database;
    this.es = elasticSearch;
    this.cache = ${create};
  }
  async search(query, filters, page = 1, limit = 20) {
    const cacheKey = JSON.stringify({ query, filters, page, limit });
    if (this.cache.has(cacheKey)) {
      return this.cache.get(cacheKey);
    }
    const results = await this.es.search({ index: "products", body: query });
    this.cache.set(cacheKey, results);
    return results;
  }
}
module.exports = SearchService;
`;

const userService = (create: string, extra = ""): string => `class UserService {
  private cache = ${create};
  async find(id: string): Promise<User> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const user = await db.users.findOne(id);
    this.cache.set(id, user);
    return user;
  }${extra}
}
`;

const moduleMemo = (create: string, after = ""): string => `const memo = ${create};
async function getPrice(sku) {
  if (memo.has(sku)) return memo.get(sku);
  const price = await fetchPrice(sku);
  memo.set(sku, price);
  return price;
}${after}
`;

const assetLoader = `export class AssetLoader {
  private loadedAssets = new Set<string>();
  load(key: string, url: string) { if (this.loadedAssets.has(key)) return; this.loadedAssets.add(key); fetchAsset(url); }
}`;

// ever-co ever-gauzy apps/agent/src/main/preload/sound.ts: a desktop app's preload script decodes each sound file once, for its window.
const soundCache = (guard: string): string => `const soundCache: Record<string, AudioBuffer> = {};
export async function loadSound(pathUrl: string) {
  if (soundCache[pathUrl]) return soundCache[pathUrl];
  ${guard}const context = new AudioContext();
  const decoded = await context.decodeAudioData(await readSound(pathUrl));
  soundCache[pathUrl] = decoded;
  return decoded;
}`;

const autotrack = `const anchor = document.createElement("a");
const urlCache = {};
export function parseUrl(url) {
  if (urlCache[url]) return urlCache[url];
  anchor.href = url;
  return (urlCache[url] = { host: anchor.host, pathname: anchor.pathname });
}`;

const routeRegistry = (name: string, value: string): string => `export class HttpServer {
  private routes: Record<string, Record<string, unknown>> = {};
  ${name}(path: string, method: string, definition: unknown) {
    this.routes[path] = { ...this.routes[path], ${value} };
    return this;
  }
}`;

const attemptStatuses = (operator: string): string => `export class TaskRunProcess {
  private statuses = new Map<string, string>();
  onCompleted(execution: { attempt: string }) {
    const key = attemptKey(execution);
    const status = this.statuses.get(key);
    if (status ${operator} "PENDING") return;
    this.statuses.set(key, "RESOLVED");
  }
}`;

const notificationStore = (test: string): string => `export class NotificationStore {
  private readonly notifications = new Map<string, Notification>();
  async markRead(recipient: string, id: string): Promise<void> {
    const value = this.notifications.get(id);
    if (${test}) {
      this.notifications.set(id, { ...value, isRead: true });
    }
  }
}`;
const taskCatalog = (test: string): string => `export class Catalog {
  private tasks = new Map<string, Task>();
  update(id: string, updates: Partial<Task>) {
    const existing = this.tasks.get(id);
    if (${test} && Object.keys(updates).length > 0) this.tasks.set(id, merge(existing, updates));
  }
}`;

const seedScript = (body: string): string => `const sim = new Map<number, State>();
function simulate(q: number) {
  let state = sim.get(q);
  if (!state) { state = initState(q); sim.set(q, state); }
  return state;
}
async function main() {
  ${body}
}
main().catch(() => process.exit(1));`;

// redis-smq packages/redis-smq-rest-api/src/lib/router/index.ts: validators per controller, made by a helper of the module that only the route registration calls.
const validatorsPerController = (helper: string, caller = "registerRoute"): string =>
  `const validators = new Map<string, object>();\n${helper}function validatorsFor(controllerName: string) {\n  let cached = validators.get(controllerName);\n  if (!cached) {\n    cached = compile(controllerName);\n    validators.set(controllerName, cached);\n  }\n  return cached;\n}\nexport function ${caller}(router: Router, controllerName: string, path: string) {\n  router.get(path, validate(validatorsFor(controllerName)));\n}`;
const validatorsGrow = (helper: string, caller?: string) => ({
  code: validatorsPerController(helper, caller),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 1,
      column: 20,
      data: { name: "validators", where: "`validatorsFor()`", line: "6", owner: "module", key: "controllerName", creation: "new Map<string, object>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${validatorsPerController(helper, caller).replace("new Map<string, object>()", `new LRUCache<string, object>(${LRU.slice(13)}`)}` }],
    },
  ],
});

// trigger.dev core runStream.ts: a subscription object made per call caches the packets of its own rows.
const subscription = (made: string, member = ""): string =>
  `export class RunSubscription {\n  private packets = new Map<string, Packet>();${member}\n  async packet(key: string) { const hit = this.packets.get(key); if (hit) return hit; const p = await load(key); this.packets.set(key, p); return p; }\n}\n${made}`;
const subscriptionError = (made: string, member = "") => ({
  code: subscription(made, member),
  errors: [{ messageId: "unboundedCacheKeyed" as const, line: 2, column: 21, suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${subscription(made, member).replace("new Map<string, Packet>()", `new LRUCache<string, Packet>(${LRU.slice(13)}`)}` }] }],
});

// vendure core entity-id.decorator.ts: a decorator factory records the decorated columns of each entity class.
const columnRegistry = (factory: string): string =>
  `const registry = new Map<object, string[]>();\nexport function ${factory}() {\n  return (entity: object, propertyName: string) => {\n    const columns = registry.get(entity);\n    if (columns) return;\n    registry.set(entity, [propertyName]);\n  };\n}\nexport function getColumns(entity: object) {\n  return registry.get(entity);\n}`;

// atproto lex-server lex-router.ts: a router refuses a method registered twice.
const lexRouter = (onDuplicate: string): string =>
  `export class LexRouter {\n  readonly handlers = new Map<string, Handler>();\n  add(nsid: string, handler: Handler) {\n    if (this.handlers.has(nsid)) ${onDuplicate}\n    this.handlers.set(nsid, wrap(handler));\n    return this;\n  }\n}`;

// atproto packages/lex/lex-builder/src/lex-builder.ts: the duplicate check written the other way round, the store first and the throw in `else`.
const lexImports = (onDuplicate: string): string =>
  `export class LexBuilder {\n  readonly #imported = new Set<string>();\n  async load(docs: Doc[]) {\n    for (const doc of docs) {\n      if (!this.#imported.has(doc.id)) {\n        this.#imported.add(doc.id);\n      } else ${onDuplicate}\n    }\n  }\n}`;

// colanode packages/client/src/services/job-service.ts: the loop looks up a job's concurrency key, the helper it calls counts per `input.${field}`.
const jobConcurrency = (field: string): string =>
  `export class JobService {\n  private readonly running = new Map<string, number>();\n  async loop(rows: Row[]) {\n    for (const row of rows) {\n      const input = JSON.parse(row.input) as JobInput;\n      const handler = this.handlers[input.type];\n      const concurrencyKey = handler.concurrency.key(input);\n      const count = this.running.get(concurrencyKey) || 0;\n      if (count >= handler.concurrency.limit) continue;\n      await this.run(input);\n    }\n  }\n  private async run(input: JobInput) {\n    const current = this.running.get(input.${field}) || 0;\n    this.running.set(input.${field}, current + 1);\n    try {\n      await this.handlers[input.type].handle(input);\n    } finally {\n      this.running.set(input.${field}, (this.running.get(input.${field}) || 1) - 1);\n    }\n  }\n}`;
// morphic lib/utils/context-window.ts: a tokenizer per encoding, the encoding read from the module's table of models.
const encoderCache = (extra: string): string =>
  `const encoders = new Map<string, Encoder>();\nconst MODEL_TO_ENCODING: Record<string, string> = {\n  "gpt-4.1": "cl100k_base",\n  "gpt-3": "p50k_base",\n};\n${extra}export function getEncoder(modelId: string) {\n  const encodingName = MODEL_TO_ENCODING[modelId] || "cl100k_base";\n  if (!encoders.has(encodingName)) {\n    encoders.set(encodingName, getEncoding(encodingName));\n  }\n  return encoders.get(encodingName);\n}`;
// Flowise packages/server/src/IdentityManager.ts: one SSO provider per `case` of a switch over the key (Flowise's
// `providerName` renamed: that name alone is a code key).
const ssoProviders = (branch: string): string =>
  `export class IdentityManager {\n  providers = new Map<string, Provider>();\n  init(providerKey: string, config: Config) {\n    if (this.providers.has(providerKey)) return this.providers.get(providerKey);\n${branch}\n  }\n}`;
/** The report on `ssoProviders(branch)`, whose store on line `line` takes any key. */
const ssoProvidersGrow = (branch: string, line: number) => ({
  code: ssoProviders(branch),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 2,
      column: 15,
      data: { name: "this.providers", where: "`init()`", line: String(line), owner: "class `IdentityManager`", key: "providerKey", creation: "new Map<string, Provider>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${ssoProviders(branch).replace("new Map<string, Provider>()", `new LRUCache<string, Provider>(${LRU.slice("new LRUCache(".length)}`)}` }],
    },
  ],
});

// Flowise packages/components/nodes/tools/WebScraperTool/WebScraperTool.ts: `_call` starts each crawl with a new Set; LangChain calls it on the instance `init()` hands out.
const webScraper = (user: string): string =>
  `class Scraper extends Tool {\n  private visited: Set<string>;\n  constructor() {\n    super();\n    this.visited = new Set<string>();\n  }\n  async scrape(url: string) {\n    if (this.visited.has(url)) return;\n    this.visited.add(url);\n    await fetch(url);\n  }\n  async _call(input: string) {\n    this.visited = new Set<string>();\n    await this.scrape(input);\n  }\n}\n${user}`;

// botpress packages/chat-client/e2e/config.ts: one value per name of a tuple written `as const`.
const configValues = (keys: string, type: string): string =>
  `const KEYS = ${keys};\nexport type ConfigKey = ${type};\nconst values: Partial<Record<ConfigKey, string>> = {};\nexport const get = (key: ConfigKey): string => {\n  const cached = values[key];\n  if (cached) return cached;\n  const value = process.env[key] ?? "";\n  values[key] = value;\n  return value;\n};`;
/** The report on `configValues(…)`, whose key type allows any string. */
const configValuesGrow = (keys: string, type: string) => ({
  code: configValues(keys, type),
  errors: [{ messageId: "unboundedCacheKeyed" as const, line: 3, column: 52, data: { name: "values", where: "`get()`", line: "8", owner: "module", key: "key", creation: "{}" }, suggestions: [] }],
});

// grist app/common/TableData.ts: the removal is in a protected override that the base class (`ActionDispatcher.dispatchAction`) calls.
const tableData = (heritage: string, access = "protected"): string =>
  `export class TableData${heritage} {\n  private _columns = new Map<string, Column>();\n  protected onAddColumn(colId: string): void {\n    if (this._columns.has(colId)) return;\n    this._columns.set(colId, makeColumn(colId));\n  }\n  ${access} onRemoveColumn(colId: string): void {\n    this._columns.delete(colId);\n  }\n}`;
/** The report on `tableData(…)`, whose removal never runs. */
const tableDataGrows = (heritage: string, access?: string) => ({
  code: tableData(heritage, access),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 2,
      column: 22,
      data: { name: "this._columns", where: "`onAddColumn()`", line: "5", owner: "class `TableData`", key: "colId", creation: "new Map<string, Column>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${tableData(heritage, access).replace("new Map<string, Column>()", `new LRUCache<string, Column>(${LRU.slice("new LRUCache(".length)}`)}` }],
    },
  ],
});

// grist app/gen-server/lib/homedb/UsersManager.ts: special users keyed by the email of the profiles the class itself passes.
const specialUsers = (email: string): string =>
  `export class UsersManager {\n  private _specialUserIds = new Map<string, number>();\n  async initialize(request: Request) {\n    await this._ensure({ email: ANONYMOUS_EMAIL, name: "Anonymous" });\n    await this._ensure({ name: "Everyone", email: ${email} });\n  }\n  private async _ensure(profile: Profile) {\n    let id = this._specialUserIds.get(profile.email);\n    if (!id) {\n      id = (await this.getUser(profile.email)).id;\n      this._specialUserIds.set(profile.email, id);\n    }\n    return id;\n  }\n}`;

// maxun server/src/workflow-management/classes/DocumentInterpreter.ts: one OCR service per script its model table names; an unknown script leaves before the store.
const ocrServices = (check: string, table = '{ latin: "latin.onnx", cyrillic: "cyrillic.onnx" } as const'): string =>
  `const MODELS = ${table};\nconst services = new Map<string, Service>();\nexport async function getService(script: string) {\n  const cacheKey = \`\${script}:1280\`;\n  const cached = services.get(cacheKey);\n  if (cached) return cached;\n${check}\n  const service = await loadService(script);\n  services.set(cacheKey, service);\n  return service;\n}`;
// jakekausler Bills-Node-Server src/utils/calculate-v3/flow-aggregator.ts: a summary per year, a year out of range throws first.
const yearSummaries = (check: string): string =>
  `export class FlowAggregator {\n  private years: Map<number, Summary> = new Map();\n  getOrCreate(year: number, maxYear: number): Summary {\n    if (${check}) {\n      throw new Error(\`invalid year \${year}\`);\n    }\n    let summary = this.years.get(year);\n    if (!summary) {\n      summary = { income: 0 };\n      this.years.set(year, summary);\n    }\n    return summary;\n  }\n}`;
// Amr1977 matrix-delivery backend/services/platformWalletService.js: a round-robin index per payment method, a method not in the module's list throws first.
const walletRotation = (check: string, list = '["vodafone_cash", "orange_money", "instapay"]'): string =>
  `const VALID_PAYMENT_METHODS = ${list};\nclass PlatformWalletService {\n  constructor(pool) {\n    this.pool = pool;\n    this.lastSelectedIndex = new Map();\n  }\n  async selectWalletForTopup(paymentMethod) {\n    try {\n${check}\n      const { rows: wallets } = await this.pool.query("SELECT * FROM platform_wallets WHERE wallet_type = $1", [paymentMethod]);\n      const nextIndex = ((this.lastSelectedIndex.get(paymentMethod) ?? -1) + 1) % wallets.length;\n      this.lastSelectedIndex.set(paymentMethod, nextIndex);\n      return wallets[nextIndex];\n    } catch (error) {\n      console.error(error);\n      throw error;\n    }\n  }\n}\nmodule.exports = PlatformWalletService;`;
const WALLET_CHECK = "      if (!VALID_PAYMENT_METHODS.includes(paymentMethod)) throw new Error(`Invalid payment method: ${paymentMethod}`);";
/** The report on `walletRotation(check, list)`: an index for any payment method. */
const walletRotationGrows = (check: string, list?: string, line = 12) => ({
  code: walletRotation(check, list),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 5,
      column: 30,
      data: { name: "this.lastSelectedIndex", where: "`selectWalletForTopup()`", key: "paymentMethod", line: String(line), owner: "class `PlatformWalletService`" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${REQUIRE}${walletRotation(check, list).replace("new Map()", LRU)}` }],
    },
  ],
});
/** The report on `yearSummaries(check)`: a summary for any year. */
const yearSummariesGrow = (check: string) => ({
  code: yearSummaries(check),
  errors: [{ messageId: "unboundedCacheKeyed" as const, line: 2, column: 41, data: { name: "this.years", where: "`getOrCreate()`", key: "year", line: "10", owner: "class `FlowAggregator`" }, suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${yearSummaries(check).replace("Map<number, Summary> = new Map()", `LRUCache<number, Summary> = ${LRU}`)}` }] }],
});
// TicketToken-Platform-Backend ticket-service/src/utils/resilience.ts: a local fallback cache keyed by a key taken from the options.
const fallbackCache =
  "const localCache = new Map<string, unknown>();\nexport async function cached(options: { key: string; load: () => Promise<unknown> }) {\n  const { key, load } = options;\n  const hit = localCache.get(key);\n  if (hit) return hit;\n  const value = await load();\n  localCache.set(key, value);\n  return value;\n}";
const modelsCheck = "  const model = models[script];\n  if (!model) return null;";
/** `ocrServices` with its table imported under a variable's name. */
const importedModels = ocrServices(modelsCheck).replace(/^const MODELS = .*;\n/u, 'import { models } from "@/lib/models";\n');
/** The report on `ocrServices(check)`, whose store on line `line` takes any script. */
const ocrServicesGrow = (check: string, line: number, table?: string) => ({
  code: ocrServices(check, table),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 2,
      column: 18,
      data: { name: "services", where: "`getService()`", line: String(line), owner: "module", key: "`${script}:1280`", creation: "new Map<string, Service>()" },
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${ocrServices(check, table).replace("new Map<string, Service>()", `new LRUCache<string, Service>(${LRU.slice("new LRUCache(".length)}`)}` }],
    },
  ],
});

// Unleash src/lib/features/feature-toggle/fakes/fake-feature-strategies-store.ts: the stored value reads the entry it replaces.
const featureStore = (value: string): string =>
  `export class FeatureStore {\n  private byProject: Map<string, string[]> = new Map();\n  async remove(feature: string, project: string): Promise<void> {\n    this.byProject.set(project, ${value});\n  }\n}`;
const pricingRules = (value: string): string =>
  `export class PricingEngine {\n  private rules = new Map<string, Rule[]>();\n  removeRule(serviceId: string, ruleId: string) {\n    const serviceRules = this.rules.get(serviceId) || [];\n    this.rules.set(serviceId, ${value});\n  }\n}`;
// Megagig pharmacy-monorepo apps/web/src/utils/modulePreloader.ts: a `typeof window` test guards only the start-up; the method that records a link makes it with `document.createElement` first.
const modulePreloader = (body: string): string =>
  `class ModulePreloader {\n  private preloadedModules = new Set<string>();\n  preload(href: string): void {\n    if (this.preloadedModules.has(href)) return;\n    this.createPreloadLink(href);\n  }\n  private createPreloadLink(href: string): void {\n${body}\n  }\n}\nexport const modulePreloader = new ModulePreloader();\nif (typeof window !== "undefined") modulePreloader.preload("/assets/main.js");`;
const preloaderReport = (body: string, line: string) => ({
  code: modulePreloader(body),
  errors: [{ messageId: "unboundedCacheKeyed" as const, line: 2, column: 30, data: { name: "this.preloadedModules", where: "`preload()`", line, owner: "class `ModulePreloader`", key: "href", creation: "new Set<string>()" } }],
});
const documentCache = (read: string): string =>
  `const documentCache = new Map<string, string>();\nexport async function download(id: string, blob: Blob): Promise<string> {\n  const hit = documentCache.get(id);\n  if (hit) return hit;\n  const dataUrl = await ${read};\n  documentCache.set(id, dataUrl);\n  return dataUrl;\n}`;
/** The report on `featureStore(value)`, where the store adds an entry on a miss. */
const featureStoreGrows = (value: string) => ({
  code: featureStore(value),
  errors: [
    {
      messageId: "unboundedCacheKeyed" as const,
      line: 2,
      column: 46,
      suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${featureStore(value).replace("Map<string, string[]> = new Map()", `LRUCache<string, string[]> = ${LRU}`)}` }],
    },
  ],
});
// Unleash src/lib/features/feature-toggle/configuration-revision-service.ts: the latest revision per environment.
const revisions = (key: string): string =>
  `export class RevisionService {\n  private maxRevisionId: Map<string, number> = new Map();\n  async update(${key}: string): Promise<number> {\n    const current = this.maxRevisionId.get(${key}) ?? 0;\n    const latest = await this.events.getMaxRevisionId(current, ${key});\n    if (current < latest) this.maxRevisionId.set(${key}, latest);\n    return latest;\n  }\n}`;
// Unleash src/lib/features/instance-stats/instance-stats-service.ts: a memo keyed by the literals its own class passes.
const statsService = (calls: string, modifier = ""): string =>
  `export class StatsService {\n  memory = new Map<string, () => Promise<number>>();\n  ${modifier}memorize(key: string, fn: () => Promise<number>): Promise<number> {\n    let memoized = this.memory.get(key);\n    if (!memoized) {\n      memoized = memoizee(fn);\n      this.memory.set(key, memoized);\n    }\n    return memoized();\n  }\n${calls}\n}`;
const USERS = '  users() { return this.memorize("users", () => countUsers()); }';
const FLAGS = '  flags() { return this.memorize("flags", () => countFlags()); }';
const BY_ID = "  byId(id: string) { return this.memorize(id, () => load(id)); }";
// AFFiNE packages/backend/server/src/fundamentals/metrics/metrics.ts: scopes made per name read from a proxy.
const metricScopes = (holder: string): string =>
  `const scopes = new Map();\nexport const metrics = ${holder}{\n  get(_, key) {\n    let scope = scopes.get(key);\n    if (!scope) {\n      scope = make(key);\n      scopes.set(key, scope);\n    }\n    return scope;\n  },\n}${holder === "" ? "" : ")"};`;
// Unleash src/lib/services/api-token-service.ts: a Set that makes a warning appear once per token.
const aliasWarnings = (after: string): string =>
  `export class TokenService {\n  private warned = new Set<string>();\n  private warnAlias(token: Token): void {\n    const key = \`\${token.name}:\${token.environment}\`;\n    if (this.warned.has(key)) {\n      return;\n    }\n    this.warned.add(key);\n${after}\n  }\n}`;
const typeParsers = (key: string): string =>
  `export class ConnectionManager {\n  readonly #parsers = new Map<number, Parser>();\n  getTypeParser(${key}: number): Parser {\n    const cached = this.#parsers.get(${key});\n    if (cached) return cached;\n    const parser = buildParser(${key});\n    this.#parsers.set(${key}, parser);\n    return parser;\n  }\n}`;

const WARN = "    this.logger.warn(`token ${token.name} was found by its alias`);";
const statsServiceLru = (calls: string): string =>
  `${IMPORT}${statsService(calls).replace("new Map<string, () => Promise<number>>()", `new LRUCache<string, () => Promise<number>>(${LRU.slice("new LRUCache(".length, -1)})`)}`;

// drts-fleet-platform tenant-partner.service.ts: a lock chain per tenant in a private method nothing calls, with its `delete` beside its `set`.
const tenantLocks = (release: string, members = ""): string =>
  `export class TenantService {\n  private locks = new Map<string, Promise<void>>();\n  private withLock(tenantId: string, work: () => Promise<void>): Promise<void> {\n    const previous = this.locks.get(tenantId) ?? Promise.resolve();\n    const current = previous.then(work);\n    this.locks.set(tenantId, current);\n    return current.finally(() => {\n      ${release}\n    });\n  }${members}\n}`;
const tenantLocksLru = (release: string, members: string): string =>
  `${IMPORT}${tenantLocks(release, members).replace("new Map<string, Promise<void>>()", `new LRUCache<string, Promise<void>>(${LRU.slice(13)}`)}`;

runRuleTests("no-unbounded-cache", rule, {
  valid: [
    // drts-fleet-platform: the dead method's `delete` counts for nothing, and neither does its `set`.
    tenantLocks("if (this.locks.get(tenantId) === current) this.locks.delete(tenantId);"),
    // The class and handler names a NestJS ExecutionContext gives, joined in a local the store's method is given.
    circuitBreakers("`${context.getClass().name}.${handler.name}`"),
    // The same names, from a method of the class's own that returns them.
    circuitBreakers("this.operationName(context)"),
    circuitBreakers("this.operationName(context)").replace("this.recordFailure(operationId)", "this.recordFailure(this.operationName(context))"),
    // ncats pharos-graphql-server: maps of reference rows, filled in promise handlers of methods only the constructor calls.
    referenceTables(),
    referenceTables("void this.loadCodes();"),
    referenceTables("void (async () => {\n      await this.loadCodes();\n    })();"),
    referenceTables("this.loaded = this.db.raw(\"select 1\").then(() => this.loadCodes());"),
    referenceTables(`this.loaded = this.db("codes").select("*").then((rows: Row[]) => {\n      ${LOAD_CODES};\n    });`, "", "void rows"),
    // Flowise WebScraperTool.ts: the instance leaves the file (returned, or handed to a call), so its public `_call` that resets the Set is called elsewhere.
    webScraper("class ScraperNode {\n  async init() {\n    const tool = new Scraper();\n    return tool;\n  }\n}\nmodule.exports = { nodeClass: ScraperNode };"),
    webScraper("class ScraperNode {\n  async init(tools: Tool[]) {\n    tools.push(new Scraper());\n  }\n}\nmodule.exports = { nodeClass: ScraperNode };"),
    // grist TableData.ts: a protected or `override` method of a class that extends another is there for the base class to call.
    tableData(" extends ActionDispatcher"),
    tableData(" extends ActionDispatcher", "public"),
    tableData(" extends ActionDispatcher", "override"),
    // botpress chat-client e2e/config.ts: a key typed as an element of a tuple written `as const`, or as a key of an object the module writes.
    configValues('["API_URL", "ENCRYPTION_KEY"] as const', "(typeof KEYS)[number]"),
    configValues('{ API_URL: "", ENCRYPTION_KEY: "" }', "keyof typeof KEYS"),
    configValues('{ API_URL: "", ENCRYPTION_KEY: "" } as const', "keyof typeof KEYS"),
    // grist UsersManager.ts: every call of the private method passes an object whose `email` is a constant.
    specialUsers("EVERYONE_EMAIL"),
    // maxun DocumentInterpreter.ts: the key's variable was looked up in a table the module writes, and a miss leaves first.
    ocrServices("  const model = MODELS[script];\n  if (!model) throw new Error(`No model for ${script}`);"),
    ocrServices("  if (!(script in MODELS)) return null;"),
    ocrServices("  if (!MODELS[script]) {\n    throw new Error(script);\n  }"),
    // matrix-delivery's wallet rotation: a payment method not in the module's written list throws first, inside the `try`.
    walletRotation(WALLET_CHECK),
    walletRotation("      if (!VALID_PAYMENT_METHODS.includes(paymentMethod)) {\n        return null;\n      }"),
    `import { VALID_PAYMENT_METHODS } from "./constants";\n${walletRotation(WALLET_CHECK, "[...VALID_PAYMENT_METHODS]").replace("const VALID_PAYMENT_METHODS = [...VALID_PAYMENT_METHODS];\n", "")}`,
    // Bills-Node-Server's FlowAggregator: a year below one bound or above the other throws first.
    yearSummaries("!Number.isInteger(year) || year < 1900 || year > 2200"),
    yearSummaries("MAX_YEAR <= year || year < -1"),
    // automatisch packages/backend/src/helpers/get-app.js: an app key not in the module's table of app paths throws first.
    ocrServices("  if (!Object.prototype.hasOwnProperty.call(MODELS, script)) throw new Error(script);"),
    ocrServices("  if (!Object.hasOwn(MODELS, script)) return null;"),
    // sim apps/sim/lib/pptx-renderer/renderer/predefined-table-styles.ts: a style id not in the module's Map of written entries leaves first.
    ocrServices("  const model = MODELS.get(script);\n  if (!model) return undefined;", 'new Map([["latin", "latin.onnx"], ["cyrillic", "cyrillic.onnx"]])'),
    ocrServices("  if (!MODELS.has(script)) return null;", 'new Map([["latin", "latin.onnx"]])'),
    // sim apps/sim/lib/copilot/tools/server/generated-schema.ts: a schema per tool and kind, looked up in a generated table imported by a constant's name.
    ocrServices("  const model = MODELS[region]?.[script];\n  if (!model) return null;", '{ eu: { latin: "latin.onnx" } }'),
    ocrServices("  const model = MODELS[script];\n  if (!model) return null;").replace(/^const MODELS = .*;\n/u, 'import { MODELS } from "@/lib/generated/models";\n'),
    // Flowise IdentityManager.ts: the store sits under `case "azure":` of `switch (providerKey)`, so its key is one the code names.
    ssoProviders('    switch (providerKey) {\n      case "azure": {\n        const azure = new AzureSSO(config);\n        this.providers.set(providerKey, azure);\n        break;\n      }\n      default:\n        throw new Error(providerKey);\n    }'),
    ssoProviders("    switch (providerKey) {\n      case Providers.GITHUB:\n        this.providers.set(providerKey, new GithubSSO(config));\n    }"),
    ssoProviders('    if (providerKey === "google") this.providers.set(providerKey, new GoogleSSO(config));'),
    // atproto lex-router.ts: a lookup that throws on a hit is a registry's duplicate check, not a cache.
    lexRouter("{\n      throw new TypeError(`Method ${nsid} already registered`);\n    }"),
    lexRouter("throw new Error(nsid);"),
    lexImports("{\n        throw new Error(`Duplicate lexicon document id: ${doc.id}`);\n      }"),
    lexImports("throw new Error(doc.id);"),
    // atproto getAuthorFeed.ts: an object made per call and used in an array callback of that call.
    subscription("export function feed(items: Item[]) {\n  const current = new RunSubscription();\n  return items.filter((item) => current.packet(item.key));\n}"),
    // vendure entity-id.decorator.ts: a decorator runs once per decorated member, when its class is defined.
    columnRegistry("EntityId"),
    // A plain class decorator.
    "const registry = new Map<Function, string>();\nexport function Entity(target: Function) {\n  if (registry.has(target)) return;\n  registry.set(target, describe(target));\n}",
    // trigger.dev runStream.ts: every instance is made per call and handed to the caller, so its map dies with it.
    subscription("export function subscribe(options: Options) {\n  return new RunSubscription(options);\n}"),
    // mongodb on_demand/document.ts: only a method of the class makes another one, a child document per call.
    subscription("", "\n  child() { return new RunSubscription(); }"),
    // overleaf history-v1 backupArchiver.mjs: a blob store made per archived chunk, filled, then handed to the calls that read it.
    subscription("export async function archive(keys: string[], history: History) {\n  const store = new RunSubscription();\n  await store.packet(keys[0]);\n  await history.loadFiles(\"lazy\", store);\n}"),
    // logto packages/core/src/libraries/quota.ts: an object made per call, handed to a method inside an options object.
    subscription("export class Quota {\n  async guard(key: string) {\n    const usage = new RunSubscription();\n    await this.assertLimit({ key, usage });\n  }\n}"),
    // webstudio packages/asset-uploader/src/asset-repository.ts: a parameter's default object, made per call that omits it.
    subscription("export async function prepare(key: string, current = new RunSubscription()) {\n  await current.packet(key);\n  return compiler.compile(key, current);\n}"),
    // moleculer's RegexCache and sails' partials: a variable written once from a code key.
    { code: regexCache("pattern"), filename: "file.js" },
    { code: partialSources('file + ":string"'), filename: "file.js" },
    // pb-webhook-server's Gmail labels, looked up or created once per label name.
    { code: gmailLabels("labelName"), filename: "file.js" },
    // unsend apps/web/src/server/service/email-queue-service.ts: a queue and a worker per cloud region the code configures.
    "export class EmailQueueService {\n  private static queues = new Map<string, Queue>();\n  static initializeQueue(region: string, quota: number) {\n    if (this.queues.has(region)) return;\n    const { queue } = createQueueAndWorker(region, quota);\n    this.queues.set(region, queue);\n  }\n}",
    // moleculer's tracer per service (jaeger.js) and sails' object names per view (resolveObjectName).
    { code: "const tracers = {};\nexport function getTracer(serviceName) {\n  if (!tracers[serviceName]) tracers[serviceName] = createTracer(serviceName);\n  return tracers[serviceName];\n}", filename: "file.js" },
    { code: "var names = {};\nexport function resolveObjectName(view) {\n  if (names[view]) return names[view];\n  names[view] = camelCase(view);\n  return names[view];\n}", filename: "file.js" },
    // autumn's DynamoDB clients: the static factory of a class named like a client.
    documentClients("DynamoDBDocumentClient.from(new DynamoDBClient({ region: key }))"),
    // autumn's OAuth client ids: the key is the value of an environment variable, with a literal fallback.
    envClientIds('process.env[variable] ?? ""'),
    envClientIds("process.env.RESERVED_CLIENTS || \"\""),
    // graphile: pg-sql2's nodes per template text; graphile-build's defaults per entity type (an interface's keys, also of a namespace or through a type parameter's constraint) and behaviours under an asserted key.
    fragmentCache("TemplateStringsArray"),
    entityDefaults("interface Entities {\n  row: Row;\n  column: Column;\n}\n", "keyof Entities"),
    entityDefaults("", "keyof GraphileBuild.BehaviorEntities"),
    // lovenoble roulette-betting-backend pubsub/index.ts: a subscriber per channel and message name, `keyof` an imported interface.
    entityDefaults('import type { Entities } from "./entities";\n', "keyof Entities"),
    entityDefaults("", "TEntity").replace("getDefault(", "getDefault<TEntity extends keyof GraphileBuild.BehaviorEntities>("),
    behaviorRegistry("keyof GraphileBuild.BehaviorStrings"),
    // matrix-appservice-irc's loggers, one per component name.
    loggerRegistry("createLogger"),
    // powersync-service: the last warning per table (`table.objectId`), sources per `sourceTableRefKey(table)`, parsed configs per `options.defaultSchema`.
    driftWarnings("table: SourceTable", "table.objectId"),
    // dbgate's data replicator: a key the method writes to a variable from the table's schema and name.
    identityValues("table"),
    matchingSources("table: SourceTableRef", "sourceTableRefKey(table)"),
    "export class Storage {\n  private readonly parsed = new Map<string, Parsed>();\n  getParsed(options: ParseOptions): Parsed {\n    let parsed = this.parsed.get(options.defaultSchema);\n    if (parsed == null) {\n      parsed = this.stream.parse(options);\n      this.parsed.set(options.defaultSchema, parsed);\n    }\n    return parsed;\n  }\n}",
    // powersync-service's query compiler: `new PendingQuerierPath(…).resolvePrimaryInput()`, an object nobody keeps after the call.
    querierPath("this.sets.length"),
    // supabase storage's metric labels per HTTP status, and audiobookshelf's profiler histograms per function name.
    labelCache("statusCode"),
    // arslan9024 whatsapp-bot-linda code/Services/PerformanceMonitor.js: recent samples per metric the code records.
    labelCache("metricName"),
    // ponder packages/core/src/utils/checkpoint.ts: a padded id per chain the indexer is configured for.
    labelCache("chainId"),
    // subql packages/cli/src/modulars/moduleLoader.ts and snapshot score-api src/utils.ts: a module or a block number per blockchain network.
    labelCache("network"),
    // jaquisonsferreira illuvium-pg-backend-node event-listener.service.ts: the last processed block per configured network.
    labelCache("networkName"),
    // JairAlves007 delivery-app-backend src/classes/queue.ts: one queue object per queue name the code enqueues to.
    labelCache("queueName"),
    // hop packages/hop-node/src/chains/getChainBridge.ts: a bridge per chain slug of the SDK.
    labelCache("chainSlug"),
    // vercel storage packages/edge-config/src/edge-config.ts: an in-memory getter per connection string of the configuration.
    labelCache("connectionString"),
    // e2b packages/js-sdk/src/api/http2.ts: a fetch with its own dispatcher per configured proxy.
    labelCache("proxy"),
    // subql packages/utils/src/logger/logger.ts: a child logger per category the code asks for.
    labelCache("category"),
    // squid-sdk graphql/openreader/src/dialect/opencrud/schema.ts: an input type built per type of the schema.
    labelCache("typeName"),
    // socket.io packages/socket.io-client/lib/manager.ts: a socket per namespace of the server.
    labelCache("nsp"),
    // Forest Admin packages/agent/src/utils/query-string.ts: the time zones requests named and Intl accepted, one of the IANA list.
    labelCache("timezone"),
    // grouparoo core/src/modules/plugin.ts: an OAuth token getter per provider of a plugin (`"hubspot"`).
    labelCache("providerName"),
    // skyra src/lib/discord/GuildMemberFetchQueue.ts: a fetch queue per shard of the bot.
    labelCache("shardId"),
    // KidCute1412 miracle-auction-platform Backend/src/modules/bids/infrastructure/redis/redis-auction.authority.ts: a Redis connection pool per shard.
    labelCache("shard"),
    // hpi-schul-cloud node-notification-service src/utils.ts: a config per platform the deployment names.
    labelCache("platformId"),
    labelCache("platform"),
    { code: platformConfigs("platformId") },
    { code: platformConfigs("platformId", "key") },
    // midday apps/api/src/utils/plaid.ts: Plaid's webhook verification keys per key id.
    labelCache("kid"),
    // supertokens-node lib/ts/thirdpartyUtils.ts: an OIDC discovery document per configured issuer.
    labelCache("issuer"),
    // medusa packages/core/modules-sdk/src/remote-query/parse-filters.ts: a joiner config per entry point of the query graph.
    labelCache("entryPoint"),
    // helloviza backend-hrms src/utils/plutoHotelDestination.ts: a primary city per country, a currency's rates per currency: ISO codes, a few hundred.
    labelCache("countryCode"),
    labelCache("currencyCode"),
    labelCache("country"),
    labelCache("currency"),
    // Dependency-injection containers (code search): a singleton per token found among the registrations, which only `register…` methods write.
    diContainer("register"),
    diContainer("registerFactory"),
    diContainer("register", "new Map<symbol, Registration>()", "  constructor() {\n    this.registrations = new Map();\n  }\n"),
    // hoainamdang10 hospital-management container.ts: the registration handed down two private methods.
    diObjectRegistry(""),
    diHandedDown('    const registration = this.services.get(token);\n    if (!registration) throw new Error(`Service ${token} not registered`);\n    return this.createInstance<T>(registration);'),
    // sqwoz-hrov lms-backend src/image/services/fake-image-storage.service.ts: a test double keeps every image it was given, as its whole state.
    imageStore("FakeImageStorageService"),
    imageStore("MockImageStorage"),
    imageStore("StubImageStorage"),
    imageStore("DummyImageStorage"),
    imageStore("Fake_ImageStorage"),
    { code: imageStore("ImageStorage").replace("export class ImageStorage", "export const FakeImageStorage = class") },
    // abyalax Backend-Event-Management src/assets/js/pdf/pdf.mjs: webpack's runtime keeps each module of the bundle once, by `moduleId`.
    labelCache("moduleId"),
    {
      code: `var __webpack_modules__ = { 1: (module) => { module.exports = 1; } };\nvar __webpack_module_cache__ = {};\nfunction __webpack_require__(moduleId) {\n  var cachedModule = __webpack_module_cache__[moduleId];\n  if (cachedModule !== undefined) return cachedModule.exports;\n  var module = (__webpack_module_cache__[moduleId] = { exports: {} });\n  __webpack_modules__[moduleId](module, module.exports, __webpack_require__);\n  return module.exports;\n}\nexport default __webpack_require__(1);`,
    },
    // QuocDuy21-10 it-job-portal-be src/chat/chat-quota.service.ts: a chat quota policy per role name (`user.role ?? ERole.NORMAL_USER`).
    labelCache("roleName"),
    labelCache("role"),
    // Andro999b movies-telegram-bot functions/src/cache/index.ts: one store per cache name the code asks for.
    labelCache("cacheName"),
    // tsed packages/platform/platform-views/src/services/PlatformViews.ts: a resolved engine and path per view of the application.
    labelCache("viewPath"),
    labelCache("templatePath"),
    // malloy packages/malloy/src/lang/ast/types/malloy-element.ts: a namespace of functions per SQL dialect.
    labelCache("dialectName"),
    // OneUptime's compiled email templates per `emailTemplateType`, civitai's paid-access caches per `entityType`, autumn's warnings per `limitType`: one per kind the code defines.
    labelCache("emailTemplateType"),
    labelCache("entityType"),
    // colanode packages/client/src/services/job-service.ts: the helper that stores counts per job type, a code key.
    jobConcurrency("type"),
    // morphic lib/utils/context-window.ts: a key read from a constant table of the module is one of its values.
    encoderCache(""),
    "const histograms = new Map();\nexport function profile(fn: () => Promise<unknown>, funcName = fn.name) {\n  if (!histograms.has(funcName)) histograms.set(funcName, createHistogram());\n  return histograms.get(funcName);\n}",
    // webstudio's request byte cache: the store leaves when the running total of bytes would pass a limit.
    byteCache("    if (next > LIMIT) return;"),
    // An object made and used inside one call: `const parser = new Parser(); return parser.parse(text)`.
    subscription("export function read(key: string) {\n  const current = new RunSubscription();\n  return current.packet(key);\n}"),
    // agent-saas's event type counts: the object's entry count, compared, bounds it.
    eventTypeCounts('Object.hasOwn(this.eventTypeCounts, eventType) || Object.keys(this.eventTypeCounts).length < MAX_EVENT_TYPES - 1 ? eventType : "(other)"'),
    eventTypeCounts('Object.entries(this.eventTypeCounts).length >= MAX_EVENT_TYPES ? "(other)" : eventType'),
    // worldmonitor's keyword regular expressions: each keyword of a constant table, its entries or keys, given directly or through a parameter every call gives a constant.
    keywordRegexes("for (const [kw] of Object.entries(keywords))"),
    keywordRegexes("for (const kw of Object.keys(keywords))"),
    keywordRegexes("for (const [kw] of Object.entries(CRITICAL_KEYWORDS))", "return matchKeywords(title, extra);"),
    // bull-board's metric cursors: the queue's name and a metric of a constant list, through a const or written in place.
    metricCursors("METRICS"),
    metricCursors("METRICS", "`${name}:${metric}`"),
    // webiny's authenticators: the key is the factory's configuration, the same on every call of the function it returns.
    jwksFactory("config.domain", "return new ContextPlugin(async (token: string) => verify(token, await getJWKs()));"),
    jwksFactory("`${region}:${userPoolId}`", "return async (token: string) => verify(token, await getJWKs());").replace("    const key =", "    const { region, userPoolId } = config;\n    const key ="),
    jwksFactory("config.issuer", "return { verify: async (token: string) => verify(token, await getJWKs()) };"),
    // webiny's SDK clients: a class of an AWS SDK client module.
    sdkClients('import { S3 } from "@aws-sdk/client-s3";', "const instance = new S3(options);"),
    // trigger.dev clickhouseFactory.server.ts: one client per configured host, keyed by its hash; the entries are connection pools.
    clientFactory("buildOrgClickhouseClient"),
    // huggingface chat-ui src/lib/utils/parseBlocks.ts: a code key's lower case has no more values than the key.
    tagPatterns("tagName"),
    // matrix-appservice-slack src/SlackClientFactory.ts: the stored record holds the client made for the key.
    puppetClients("{ id, client }"),
    puppetClients("{ id, client: client }"),
    // huly foundations/server/packages/mongo/src/utils.ts and net/packages/client/src/client.ts: a collection handle per table, a connection per agent.
    clientFactory("this.db.collection"),
    clientFactory("new RoutedNetworkAgentConnectionImpl"),
    // typeorm entity-manager/EntityManager.js (benchmark corpus): one repository per entity class.
    { code: entityManager("new Repository(target, this, this.queryRunner)"), filename: "file.js" },
    // ioredis built/cluster/DelayQueue.js: a drained bucket is set to null, which lets its value go.
    { code: `const queues = {};
export function push(bucket, item) {
  if (!queues[bucket]) queues[bucket] = createQueue(bucket);
  queues[bucket].push(item);
}
export function flush(bucket) {
  const queue = queues[bucket];
  queues[bucket] = null;
  return queue;
}`, filename: "file.js" },
    // ioredis built/cluster/ClusterSubscriberGroup.js removeChannels: the set only replaces an entry that exists.
    { code: `const channels = new Map();
export function remove(slot, names) {
  const current = channels.get(slot);
  if (current) channels.set(slot, current.filter((c) => !names.includes(c)));
}`, filename: "file.js" },
    // An empty file.
    "",
    // The fixed SearchService: lru-cache bounds itself.
    { code: `const { LRUCache } = require("lru-cache");\n${searchService("new LRUCache({ max: 500, ttl: 60000 })")}`, filename: "file.js" },
    { code: `import QuickLRU from "quick-lru";\n${userService("new QuickLRU<string, User>({ maxSize: 1000 })")}` },
    // A module's own `Map` (Immutable.js), not the global one.
    { code: `import { Map } from "immutable";\n${moduleMemo("new Map()")}`, filename: "file.js" },
    // node-cache with a standard TTL, or a TTL on every set.
    { code: `import NodeCache from "node-cache";\n${moduleMemo("new NodeCache({ stdTTL: 600 })")}`, filename: "file.js" },
    {
      code: 'import NodeCache from "node-cache";\nconst c = new NodeCache();\nfunction f(k) { if (c.has(k)) return c.get(k); const v = load(k); c.set(k, v, 60); return v; }',
    },
    // Weak collections let entries go with their keys.
    { code: userService("new WeakMap<object, User>()") },
    { code: moduleMemo("new WeakMap()"), filename: "file.js" },
    // A collection local to one call.
    { code: "async function f(ids) { const memo = new Map(); for (const id of ids) { if (!memo.has(id)) memo.set(id, await load(id)); } return memo; }", filename: "file.js" },
    // langgraphjs's StateGraph: a registration method behind the underscore of an internal name.
    schemaRegistry("_addSchema"),
    // nestjs-query's filter types: the map's keys are classes, one per class the code declares.
    filterTypes("Class<unknown>"),
    filterTypes("Type<unknown>"),
    filterTypes("new () => unknown"),
    // botbuilder-js's time zone tables: the keys come from a string of the class, through six steps.
    zoneTables("this"),
    // hydrogen's warnOnce: the level of `console[type](…)` is chosen by the caller.
    warnOnce("console[type](`[h2:${type}] ` + text)"),
    // inngest packages/inngest/src/helpers/log.ts: `logOnce` logs at the level it is given.
    warnOnce("this.logger[type](text)"),
    // neo4j's small integers: the key lies between two bounds written in the code.
    smallInts("value >= -128 && value < 128"),
    smallInts("-128 <= value && value < MAX_CACHED"),
    // Shopify's REST client: an object made with a session (or a request) lives as long as the request.
    sessionClient("{ session, apiVersion }: RestClientParams"),
    sessionClient("private readonly request: Request"),
    sessionClient("req, res"),
    sessionClient("{ session }", "\nexport function client(session) {\n  return new RestClient({ session });\n}"),
    // niyueling tianle-game-server src/match/guobiao/player_state.ts: a player's state, made with the player's socket, counts the players it met.
    { code: playerState("userSocket, room, rule"), filename: "file.js" },
    // Schofield90 atlas-fitness-onboarding app/lib/automation/execution/executor.ts: a workflow's executor, made with the id of one execution.
    { code: playerState("executionId, room, rule"), filename: "file.js" },
    { code: playerState("{ socket, room }"), filename: "file.js" },
    // NHS innovation service's notification handlers: an object made with an invocation's context (Azure Functions), or a request of a framework, lives as long as it.
    kpiHandler('import type { Context } from "@azure/functions";', "requestUser: unknown, data: unknown, azureContext: Context"),
    kpiHandler('import * as express from "express";', "incoming: express.Request"),
    kpiHandler('import express from "express";', "incoming: express.Request"),
    // Shopify's idempotent promise handler: `map` of `forEach((date, identifier, map) => …)` is the collection.
    idempotentHandler("map.delete(identifier)"),
    // powertools' exception handler registry: `merge()` copies another registry's handlers in.
    mergedHandlers("merge"),
    // redis-smq's validators per controller: the helper that makes them runs only where routes are registered.
    validatorsPerController(""),
    // A registry filled by register() with handlers passed in.
    { code: "const handlers = new Map();\nexport function register(name, handler) { if (handlers.has(name)) throw new Error(name); handlers.set(name, handler); }", filename: "file.js" },
    { code: "class Bus { private listeners = new Map<string, Fn[]>(); on(event: string, fn: Fn) { if (!this.listeners.has(event)) this.listeners.set(event, []); this.listeners.get(event)!.push(fn); } }" },
    // A lookup table filled at import time.
    { code: "const byCode = {};\nfor (const c of CURRENCIES) byCode[c.code] = c;\nfunction find(code) { return byCode[code]; }", filename: "file.js" },
    { code: "const byGroup: Record<string, Item[]> = {};\nITEMS.forEach((item) => { if (!byGroup[item.group]) byGroup[item.group] = []; byGroup[item.group].push(item); });" },
    // Handed to a library that manages it.
    { code: 'import DataLoader from "dataloader";\nconst cacheMap = new Map();\nconst loader = new DataLoader(load, { cacheMap });\nfunction f(k) { if (cacheMap.has(k)) return cacheMap.get(k); const v = compute(k); cacheMap.set(k, v); return v; }' },
    // Cleared by a timer, or on an event.
    { code: moduleMemo("new Map()", "\nsetInterval(() => memo.clear(), 60_000);"), filename: "file.js" },
    { code: moduleMemo("new Map()", '\nprocess.on("SIGHUP", () => memo.clear());') },
    // An explicit size check that evicts, or that stops storing.
    { code: moduleMemo("new Map()", "\nfunction trim() { if (memo.size > 1000) memo.delete(memo.keys().next().value); }\nexport { trim as afterSet };"), filename: "file.js" },
    {
      code: "const memo = new Map();\nfunction f(k) { if (memo.has(k)) return memo.get(k); const v = compute(k); if (memo.size < 1000) memo.set(k, v); return v; }",
    },
    // A delete in a method the class calls.
    { code: userService("new Map<string, User>()", "\n  async update(user: User) { await db.users.save(user); this.invalidate(user.id); }\n  private invalidate(id: string) { this.cache.delete(id); }") },
    // An exported class whose public method clears it: other modules may call it.
    { code: `export ${userService("new Map<string, User>()", "\n  clearCache() { this.cache.clear(); }")}` },
    // Reset by reassignment in a function that runs.
    { code: "let memo = {};\nexport function reset() { memo = {}; }\nfunction f(k) { if (k in memo) return memo[k]; memo[k] = compute(k); return memo[k]; }", filename: "file.js" },
    // Cleared through another object of the same class.
    { code: `${userService("new Map<string, User>()")}const service = new UserService();\nsetInterval(() => service["cache"].clear(), 1000);\nservice.cache.clear();` },
    // Keys that come from code: a logger per name, a single slot, a constant.
    { code: "const loggers = new Map();\nfunction getLogger(name) { let l = loggers.get(name); if (!l) { l = createLogger(name); loggers.set(name, l); } return l; }", filename: "file.js" },
    { code: 'const memo = new Map();\nasync function config() { if (memo.has("config")) return memo.get("config"); const c = await load(); memo.set("config", c); return c; }' },
    { code: "const memo = new Map();\nfunction compile(p) { if (!memo.has(p)) memo.set(p, new RegExp(p)); return memo.get(p); }\nconst a = compile('^a'); const b = compile('^b');", filename: "file.js" },
    // Exported: other modules may clear it.
    { code: "export const memo = new Map<string, number>();\nexport function f(k: string) { if (memo.has(k)) return memo.get(k); const v = k.length; memo.set(k, v); return v; }" },
    // A Map filled only in its own constructor.
    { code: "class Index { byId = new Map(); constructor(items) { for (const i of items) if (!this.byId.has(i.id)) this.byId.set(i.id, compute(i)); } get(id) { return this.byId.get(id); } }", filename: "file.js" },
    // An in-house bounded class named in the options.
    { code: "class BoundedMap extends Map {}\nconst memo = new BoundedMap();\nfunction f(k) { if (memo.has(k)) return memo.get(k); const v = compute(k); memo.set(k, v); return v; }", options: [{ boundedCaches: ["BoundedMap"], reportPushOnlyArrays: false }] },
    // A local subclass that overrides set (it manages its own size).
    { code: "class Capped extends Map { set(k, v) { if (this.size > 100) this.clear(); return super.set(k, v); } }\nconst memo = new Capped();\nfunction f(k) { if (memo.has(k)) return memo.get(k); const v = compute(k); memo.set(k, v); return v; }", filename: "file.js" },
    // Module-level arrays that are only pushed to are not reported by default.
    { code: "const events = [];\nexport function track(e) { events.push(e); }\nfunction record(e) { events.push(e); }\nrecord(1);", filename: "file.js" },
    // With the option, an array that is drained is fine.
    { code: "const queue = [];\nfunction record(e) { queue.push(e); }\nfunction flush() { send(queue.splice(0)); }\nsetInterval(flush, 1000);\nrecord(1);", options: [{ boundedCaches: [], reportPushOnlyArrays: true }] },
    // The reported push-only array below, in a client component module: a browser tab's lifetime.
    { code: '"use client";\nconst events = [];\nexport function track(e) { events.push({ ...e, at: Date.now() }); }', filename: "file.js", options: [{ boundedCaches: [], reportPushOnlyArrays: true }] },
    // A Set that is only added to and deleted from (connections), no lookup-then-store.
    { code: "const sockets = new Set();\nserver.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });", filename: "file.js" },
    // A client store in browser code (outline/outline app/stores/SharesStore.ts): a tab, not a server process.
    { code: 'import { observable } from "mobx";\nexport default class SharesStore {\n  @observable sharedCache: Map<string, Tree> = new Map();\n  async fetch(id: string) { const hit = this.sharedCache.get(id); if (hit) return hit; const res = await client.post("/shares.info", { id }); this.sharedCache.set(id, res.data); return res.data; }\n}' },
    // An index filled with empty buckets by a registry call (outline/outline server/policies/cancan.ts).
    { code: "class CanCan {\n  private abilities = new Map<Function, Map<string, Ability[]>>();\n  allow = (model: Function, actions: string[]) => {\n    actions.forEach((action) => { if (!this.abilities.has(model)) this.abilities.set(model, new Map()); this.abilities.get(model)!.set(action, []); });\n  };\n}" },
    // Keys read from module state, not from the call (getsentry/sentry-javascript packages/core/src/metadata.ts).
    { code: "const parsedStacks = new Set<string>();\nexport function ensureParsed(parser: Parser) {\n  for (const stack of Object.keys(GLOBAL_OBJ._metadata)) { if (parsedStacks.has(stack)) continue; parsedStacks.add(stack); parser(stack); }\n}" },
    // Collections taken out of `this` by destructuring are followed no further.
    { code: userService("new Map<string, User>()", "\n  reset() { const { cache } = this; cache.clear(); }") },
    // village packages/frontend/src/game/assets/AssetLoader.ts: a module that imports a browser game engine runs in a page.
    { code: `import Phaser from "phaser";\n${assetLoader}` },
    // overleaf web frontend theme-cache.ts: CodeMirror's view draws in a page; a module that imports it runs in a tab.
    { code: `import { EditorView } from "@codemirror/view";\n${assetLoader}` },
    { code: `import * as monaco from "monaco-editor";\n${assetLoader}` },
    // nocobase plugin-theme-editor antd-token-previewer/utils/statistic.ts: a module that imports from antd, a component library, runs in a page.
    { code: `import tokenMeta from "antd/es/version/token.json";\n${assetLoader}` },
    { code: `import { Button } from "@mui/material";\n${assetLoader}` },
    // grist app/client/ui/AuthenticationSection.ts: grainjs and knockout build the page's DOM.
    { code: `import { dom, Observable } from "grainjs";\n${assetLoader}` },
    { code: `import * as ko from "knockout";\n${assetLoader}` },
    // CopilotKit packages/web-inspector/src/index.ts: a web component built on Lit runs in a page.
    { code: `import { LitElement, html } from "lit";\n${assetLoader}` },
    // ever-gauzy's desktop agent: a module that makes an AudioContext, or reads the page's location, runs in a window.
    { code: soundCache("") },
    { code: `const hash = location.hash;\n${assetLoader}` },
    // ticketry studio/src/features/settings/queries.ts: a module of a UI framework's data-fetching hooks runs in a page.
    { code: `import { useQuery } from "@tanstack/react-query";\n${assetLoader}` },
    { code: `import useSWR from "swr";\n${assetLoader}` },
    // ticketry studio/src/features/agents/terminal/internal/nativeViewerPresentation.ts: Tauri's API runs in a desktop app's web view.
    { code: `import { invoke } from "@tauri-apps/api/core";\n${assetLoader}` },
    // discord.js packages/api-extractor/src/analyzer/AstSymbolTable.ts: a module of the TypeScript compiler's API runs in a build.
    { code: `import * as ts from "typescript";\n${assetLoader}` },
    { code: `import webpack from "webpack";\n${assetLoader}` },
    // ForumMagnum fixImports.ts: a codemod over the project's imports, through ts-morph, resolves each module specifier once per run.
    { code: `import { Project } from "ts-morph";\n${assetLoader}` },
    // outline app/utils/autotrack.js: a module that uses the DOM without asking whether it exists runs in a page.
    { code: autotrack, filename: "file.js" },
    // A client component (Next.js "use client").
    { code: `"use client";\n${moduleMemo("new Map()")}`, filename: "file.js" },
    // The directive after another one of the prologue.
    { code: `"use strict";\n"use client";\n${moduleMemo("new Map()")}`, filename: "file.js" },
    // A subpath of a UI framework's package, plain and scoped.
    { code: `import { createRoot } from "react-dom/client";\n${moduleMemo("new Map()")}`, filename: "file.js" },
    { code: `import { TestBed } from "@angular/core/testing";\n${moduleMemo("new Map()")}`, filename: "file.js" },
    // trigger.dev packages/core/src/v3/serverOnly/httpServer.ts: a route registry; the caller hands the definition in.
    { code: routeRegistry("route", "[method]: definition") },
    // trigger.dev packages/cli-v3/src/executions/taskRunProcess.ts: the store runs only after an early exit on a miss, so it replaces an entry.
    { code: attemptStatuses("!==") },
    // trigger.dev packages/core/src/v3/resource-catalog/standardResourceCatalog.ts: the store is guarded by `existing && …`.
    { code: taskCatalog("existing") },
    // NMathanKumar/freshmart-serverless-backend services/notification-service/src/repositories/index.ts: a missing entry's `undefined` equals no recipient.
    { code: notificationStore("value?.recipientUserId === recipient") },
    { code: notificationStore("recipient == value?.recipientUserId && !value.isRead") },
    { code: notificationStore("value.isRead === false") },
    // village packages/frontend/src/utils/spatial.ts and packages/server/src/houses/activityStore.ts: buckets created empty, then filled.
    { code: "class SpatialHash {\n  private cells = new Map<string, Set<string>>();\n  insert(id: string, x: number, y: number) { const k = `${x}:${y}`; let set = this.cells.get(k); if (!set) this.cells.set(k, (set = new Set())); set.add(id); }\n}" },
    { code: "const timers = new Map();\nexport function ensureTimers(key) { let t = timers.get(key); if (!t) { t = {}; timers.set(key, t); } return t; }", filename: "file.js" },
    // trigger.dev apps/webapp/seed-queue-metrics.mts: a script whose memo is filled only from its run-once main().
    { code: seedScript("for (const q of queues) simulate(q);") },
    // trigger.dev packages/cli-v3/src/dev/taskRunProcessPool.ts: a counter per child process id, a small recycled range.
    { code: "class Pool {\n  private counts = new Map<number, number>();\n  returnProcess(process: { pid: number }) { this.counts.set(process.pid, (this.counts.get(process.pid) ?? 0) + 1); }\n}" },
    // sequelize packages/postgres/src/connection-manager.ts: one parser per type of the database's catalog, keyed by its oid.
    { code: typeParsers("oid") },
    { code: vocabMemo('Corpus | "all"') },
    { code: periodTotals('"month"') },
    { code: "enum Region { Eu, Us }\nconst clients = new Map();\nexport function client(region: Region) {\n  if (!clients.has(region)) clients.set(region, compute(region));\n  return clients.get(region);\n}" },
    // uptime-kuma src/modules/dayjs/plugin/timezone/index.js: one Intl formatter per time zone, slow to create.
    { code: dtfCache("Intl.DateTimeFormat"), filename: "file.js" },
    // blood-donation-center-be's scheduler: a running job per job configuration, which an LRU cache would drop and leave running.
    { code: scheduledJobs('import * as cron from "cron";', "new cron.CronJob(item.expression, () => run(item))") },
    { code: scheduledJobs('import { CronJob } from "cron";', "new CronJob(item.expression, () => run(item))") },
    // inbox-zero apps/web/utils/queue/bullmq.ts: one bullmq queue client per queue name.
    { code: queueClients('import { Queue } from "bullmq";', "new Queue(key, { connection: getConnection() })") },
    { code: queueClients('const Queue = require("bull");', "new Queue(key, redisUrl)"), filename: "file.js" },
    // mikro-orm's EntityComparator and EntityManager: keyed by an entity's metadata or name.
    compiledMappers("meta"),
    compiledMappers("metadata"),
    compiledMappers("entityName"),
    // etherpad src/node/eejs/index.ts: compiled templates keyed by `resolve.sync(name, …)`, the path of a file on disk.
    { code: templates('import resolve from "resolve";', "resolve.sync(view, { basedir: VIEWS })") },
    { code: templates("", "require.resolve(view)") },
    { code: templates('import { realpath } from "node:fs/promises";', "await realpath(view)") },
    { code: templates("", "import.meta.resolve(view)") },
    // pg-boss packages/dashboard/app/lib/boss.server.ts: one pg-boss client (a pool of its own) per database the dashboard is given.
    { code: queueClients('import { PgBoss } from "pg-boss";', "new PgBoss({ connectionString: key })") },
    { code: queueClients('const Agenda = require("agenda");', "new Agenda({ db: { address: key } })"), filename: "file.js" },
    // langfuse packages/shared/src/server/redis/ingestionQueue.ts: a queue client per shard, or null when Redis is not configured.
    { code: queueClients('import { Queue } from "bullmq";', "options ? new Queue(key, options) : null") },
    // dittofeed packages/backend-lib/src/computedProperties/periods.ts: the entry or an empty bucket, filled, stored back.
    { code: versionIndex("new Set()") },
    // A test file: its functions run per test case, never per production request.
    { code: moduleMemo("new Map()"), filename: "prices.test.ts" },
    // Unleash fake-feature-strategies-store.ts: a miss throws at `!.filter` before the store, which only replaces an entry.
    { code: featureStore("this.byProject.get(project)!.filter((f) => f !== feature)") },
    { code: "const index = {};\nexport function append(k, item) { index[k] = index[k].concat(item); }", filename: "file.js" },
    // tigearis Payroll-ByteMy domains/billing/services/pricing-engine.ts: removing a rule stores a filtered copy of the entry, empty on a miss.
    { code: featureStore("(this.byProject.get(project) ?? []).filter((f) => f !== feature)") },
    { code: pricingRules("serviceRules.filter((rule) => rule.id !== ruleId)") },
    // somprasongd hr-payroll web/src/services/employee-document.service.ts: `FileReader` exists only in a browser.
    { code: documentCache("new Promise<string>((resolve) => {\n    const reader = new FileReader();\n    reader.onloadend = () => resolve(reader.result as string);\n    reader.readAsDataURL(blob);\n  })") },
    // Megagig's module preloader: the link is made with `document.createElement` before the entry is recorded; on a server that read throws.
    { code: modulePreloader('    const link = document.createElement("link");\n    link.href = href;\n    link.onload = () => {\n      this.preloadedModules.add(href);\n    };\n    document.head.appendChild(link);') },
    // AFFiNE metrics.ts: a proxy's `get` trap is keyed by the property names the code reads.
    { code: metricScopes("new Proxy({}, "), filename: "file.js" },
    // Unleash configuration-revision-service.ts: keyed by environment, a name from configuration (as `env`).
    { code: revisions("environment") },
    // Megagig pharmacy-monorepo healthCheckService.ts and FeatureFlagService.ts: per checked service ("database", "cache") and per feature flag.
    { code: revisions("service") },
    { code: revisions("featureName") },
    // Unleash instance-stats-service.ts: every call of the public method in its class passes a literal key (twice or more).
    { code: statsService(`${USERS}\n${FLAGS}`) },
    // A private method: no other file can call it, one call with a literal key is enough.
    { code: statsService(USERS, "private ") },
    // Unleash api-token-service.ts: the Set only keeps a warning from being logged twice.
    { code: aliasWarnings(WARN) },
    // openreplay's deprecation warnings: an object of `true` flags, one per feature warned about.
    deprecationFlags("true"),
    // Folo apps/mobile/src/lib/secure-store.ts: a warning written one of two ways, under an `if` that only tests the error.
    { code: aliasWarnings(`    if (!(error instanceof Error)) {\n      console.warn("fallback");\n      return;\n    }\n${WARN}`) },
    { code: "const warned = new Set();\nexport function warnUnknown(option) {\n  if (!warned.has(option)) {\n    warned.add(option);\n    process.emitWarning(`unknown option ${option}`);\n  }\n}", filename: "file.js" },
  ],
  invalid: [
    // Valid neighbour (circuitBreakers): a request's own value in the local.
    circuitBreakersInvalid(circuitBreakers("`${handler.name}:${context.switchToHttp().getRequest().user.name}`")),
    // Valid neighbour (circuitBreakers): a method of the class's own that returns a request's value.
    circuitBreakersInvalid(circuitBreakers("this.requestKey(context)")),
    {
      code: retriedStats,
      errors: [keyedCacheError(retriedStats, 2, 19, { name: "this.stats", where: "`bump()`", line: "14", owner: "class `CacheOptimizer`", key: "key", creation: "new Map<string, { hits: number }>()" })],
    },
    circuitBreakersInvalid(circuitBreakers("this.requestKey(context)").replace("this.recordFailure(operationId)", "this.recordFailure(this.requestKey(context))")),
    // Valid neighbours (pharos's DatabaseConfig): a load that another method, or code outside the class, can run again, or that a timer repeats.
    referenceTablesInvalid(referenceTables(undefined, "  refresh() {\n    return this.loadCodes();\n  }\n")),
    referenceTablesInvalid(referenceTables("this.loaded = Promise.resolve();")),
    referenceTablesInvalid(referenceTables("this.loaded = Promise.resolve();\n    parent?.loadCodes();").replace("constructor(private db: any)", "constructor(private db: any, parent?: DatabaseConfig)"), "12"),
    referenceTablesInvalid(referenceTables(undefined, "  static reload(config: DatabaseConfig) {\n    return config.loadCodes();\n  }\n")),
    referenceTablesInvalid(referenceTables(undefined, undefined, `setInterval(() => ${LOAD_CODES}, 1000)`)),
    // Valid neighbour (nestjs-query's filter types): a `Type` with no type argument may be any type of the application.
    {
      code: filterTypes("Type"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 23,
          data: { name: "internalCache", where: "`getFilterType()`", line: "6", owner: "module", key: "TClass", creation: "new Map<Type, FilterConstructor>()" },
          suggestions: [
            { messageId: "suggestLruCache", output: `${IMPORT}${filterTypes("Type").replace("new Map<Type, FilterConstructor>()", `new LRUCache<Type, FilterConstructor>(${LRU.slice(13)}`)}` },
            { messageId: "suggestWeakCollection", output: filterTypes("Type").replace("new Map<", "new WeakMap<") },
          ],
        },
      ],
    },
    // Valid neighbour (botbuilder-js's time zone tables): the same steps from a string the caller gives.
    {
      code: zoneTables("text"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 3,
          column: 46,
          data: { name: "TimeZoneConverter.ianaToWindowsMap", where: "`load()`", line: "11", owner: "class `TimeZoneConverter`", key: "ianaID", creation: "new Map<string, string>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${zoneTables("text").replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // Valid neighbour (hydrogen's warnOnce): a method picked from another object is not a log call.
    {
      code: warnOnce("handlers[type](text)"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 18,
          data: { name: "warnings", where: "`warnOnce()`", line: "5", owner: "module", key: "text", creation: "new Set<string>()" },
          suggestions: [],
        },
      ],
    },
    // Valid neighbour (neo4j's small integers): one bound leaves the other side open.
    // Valid neighbours (redis-smq's validators per controller): a helper other modules may call, one a request handler calls,
    // and one an `addX` calls (livestore's `addNode()` adds a span per trace: data, not code).
    validatorsGrow("export "),
    validatorsGrow("", "handleRequest"),
    validatorsGrow("", "addNode"),
    smallIntsGrow('value >= -128 && value !== 0'),
    smallIntsGrow('value < 128 && value < limit'),
    // Valid neighbour (NHS innovation service's notification handlers): a `Context` of the application's own may live as long as the process.
    kpiInvalid('import type { Context } from "./context";', "requestUser: unknown, data: unknown, azureContext: Context"),
    // Valid neighbour (NHS innovation service's notification handlers): a module named like a property of every object is no framework's, and no crash.
    kpiInvalid('import type { Context } from "constructor";', "requestUser: unknown, data: unknown, azureContext: Context"),
    // Valid neighbour (NHS innovation service's notification handlers): a router of the framework is made once.
    kpiInvalid('import * as express from "express";', "router: express.Router"),
    // Valid neighbour (atlas-fitness's executor): a job's id may name a definition a scheduler keeps.
    {
      code: playerState("jobId, room, rule"),
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 5, column: 27, data: { name: "this.contactCounter", where: "`recordContact()`", line: "10", owner: "class `PlayerState`", key: "player.model._id", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (tianle's player state): a server's socket (`ws`, `io`) or a `socketServer` is shared by every connection.
    {
      code: playerState("ws, room, rule"),
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 5, column: 27, data: { name: "this.contactCounter", where: "`recordContact()`", line: "10", owner: "class `PlayerState`", key: "player.model._id", creation: "{}" }, suggestions: [] }],
    },
    {
      code: playerState("socketServer, room"),
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 5, column: 27, data: { name: "this.contactCounter", where: "`recordContact()`", line: "10", owner: "class `PlayerState`", key: "player.model._id", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (Shopify's REST client): a client made with a configuration is shared by every request.
    {
      code: sessionClient("{ config, apiVersion }: RestClientParams"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 32,
          data: { name: "this.loggedDeprecations", where: "`noteDeprecation()`", line: "7", owner: "class `RestClient`", key: "`${path}:${reason}`", creation: "new Map<string, number>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${sessionClient("{ config, apiVersion }: RestClientParams").replace("new Map<string, number>()", `new LRUCache<string, number>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // Valid neighbour (Shopify's REST client): one made with a session at module level lives as long as the process.
    {
      code: sessionClient("{ session }", "\nexport const admin = new RestClient({ session: adminSession });"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 32,
          data: { name: "this.loggedDeprecations", where: "`noteDeprecation()`", line: "7", owner: "class `RestClient`", key: "`${path}:${reason}`", creation: "new Map<string, number>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${sessionClient("{ session }", "\nexport const admin = new RestClient({ session: adminSession });").replace("new Map<string, number>()", `new LRUCache<string, number>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // Valid neighbour (Shopify's idempotent promise handler): the sweep only logs what it finds.
    {
      code: idempotentHandler("console.log(map.get(identifier))"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 4,
          column: 24,
          data: { name: "this.identifiers", where: "`handlePromise()`", line: "9", owner: "class `IdempotentPromiseHandler`", key: "identifier", creation: "new Map<string, number>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${idempotentHandler("console.log(map.get(identifier))").replace("new Map<string, number>()", `new LRUCache<string, number>(${LRU.slice(13)}`).replace("identifiers: Map<", "identifiers: LRUCache<")}` }],
        },
      ],
    },
    // Valid neighbour (powertools' registry merge): the same copy in a method named as a cache fill.
    {
      code: mergedHandlers("remember"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 62,
          data: { name: "this.handlers", where: "`remember()`", line: "6", owner: "class `ExceptionHandlerRegistry`", key: "errorName", creation: "new Map()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${mergedHandlers("remember").replace("Map<string, HandlerOptions> = new Map()", `LRUCache<string, HandlerOptions> = ${LRU}`)}` }],
        },
      ],
    },
    // Valid neighbours (grist TableData.ts): with no base class nothing in the file calls the protected removal; a private one no base class can call,
    // nor a public one of a class that never leaves the module.
    tableDataGrows(""),
    tableDataGrows(" extends ActionDispatcher", "private"),
    {
      ...tableDataGrows(" extends ActionDispatcher", "public"),
      code: tableData(" extends ActionDispatcher", "public").replace("export class", "class"),
      errors: [{ ...tableDataGrows(" extends ActionDispatcher", "public").errors[0]!, suggestions: [{ messageId: "suggestLruCache" as const, output: `${IMPORT}${tableData(" extends ActionDispatcher", "public").replace("export class", "class").replace("new Map<string, Column>()", `new LRUCache<string, Column>(${LRU.slice("new LRUCache(".length)}`)}` }] }],
    },
    // Valid neighbours (botpress e2e/config.ts): an array not written `as const` holds any string; a spread or a computed key adds keys.
    configValuesGrow('["API_URL", "ENCRYPTION_KEY"]', "(typeof KEYS)[number]"),
    configValuesGrow('{ ...defaults, API_URL: "" }', "keyof typeof KEYS"),
    configValuesGrow('{ [name]: "" }', "keyof typeof KEYS"),
    // Valid neighbour (grist UsersManager.ts): one call passes the email of the request.
    {
      code: specialUsers("request.email"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 29,
          data: { name: "this._specialUserIds", where: "`_ensure()`", line: "11", owner: "class `UsersManager`", key: "profile.email", creation: "new Map<string, number>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${specialUsers("request.email").replace("new Map<string, number>()", `new LRUCache<string, number>(${LRU.slice("new LRUCache(".length)}`)}` }],
        },
      ],
    },
    // Valid neighbour (WebScraperTool.ts): an instance only this module uses, through `scrape()`; nothing calls the `_call` that resets it.
    {
      code: webScraper('const scraper = new Scraper();\nprocess.on("message", (url: string) => scraper.scrape(url));'),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 5,
          column: 20,
          data: { name: "this.visited", where: "`scrape()`", line: "9", owner: "class `Scraper`", key: "url", creation: "new Set<string>()" },
          suggestions: [],
        },
      ],
    },
    // TicketToken-Platform-Backend ticket-service/src/utils/resilience.ts: a key destructured from the options is named as the key, not as the options.
    {
      code: fallbackCache,
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 20,
          data: { name: "localCache", where: "`cached()`", line: "7", owner: "module", key: "key", creation: "new Map<string, unknown>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${fallbackCache.replace("new Map<string, unknown>()", `new LRUCache<string, unknown>(${LRU.slice("new LRUCache(".length)}`)}` }],
        },
      ],
    },
    // Valid neighbour (DocumentInterpreter.ts): a miss that only logs goes on to the store.
    // Valid neighbours (Bills-Node-Server's FlowAggregator): one bound only, a bound the caller gives, both alternatives required at once.
    yearSummariesGrow("year < 1900"),
    yearSummariesGrow("year < 1900 || year > maxYear"),
    yearSummariesGrow("year < 1900 && year > 2200"),
    ocrServicesGrow("  const model = MODELS[script];\n  if (!model) log(script);", 10),
    // The table is filled at run time, not written in the module.
    ocrServicesGrow("  const available = await listModels();\n  if (!(script in available)) throw new Error(script);", 10),
    ocrServicesGrow("  const model = MODELS[script];\n  if (!model) throw new Error(script);", 10, "loadModels()"),
    // Valid neighbour (sim's table styles): a Map filled at run time, or set anywhere, bounds nothing.
    ocrServicesGrow("  const model = MODELS.get(script);\n  if (!model) return undefined;", 10, "new Map<string, string>()"),
    ocrServicesGrow("  const model = MODELS.get(script);\n  if (!model) return undefined;", 10, "new Map(loadModels())"),
    ocrServicesGrow("  MODELS.set(script, 'x');\n  if (!MODELS.has(script)) return null;", 10, 'new Map([["latin", "latin.onnx"]])'),
    // Valid neighbour (sim's tool schemas): a chain whose links never take the key's variable, or an import named like a variable.
    ocrServicesGrow("  const model = MODELS[region]?.[kind];\n  if (!model) return null;", 10, '{ eu: { latin: "latin.onnx" } }'),
    {
      code: importedModels,
      errors: ocrServicesGrow(modelsCheck, 10).errors.map((error) => ({
        ...error,
        suggestions: [
          {
            messageId: "suggestLruCache" as const,
            output: importedModels.replace("\n", `\n${IMPORT}`).replace("new Map<string, Service>()", `new LRUCache<string, Service>(${LRU.slice("new LRUCache(".length)}`),
          },
        ],
      })),
    },
    // Valid neighbours (matrix-delivery's wallet rotation): a list the code adds to, a list of values not written in the code,
    // a check that does not leave, a check after the store.
    walletRotationGrows(`${WALLET_CHECK}\n      VALID_PAYMENT_METHODS.push(paymentMethod);`, undefined, 13),
    walletRotationGrows(WALLET_CHECK, "process.env.METHODS.split(\",\")"),
    walletRotationGrows(WALLET_CHECK, "[process.env.METHOD, \"instapay\"]"),
    walletRotationGrows("      if (!VALID_PAYMENT_METHODS.includes(paymentMethod)) console.warn(paymentMethod);"),
    walletRotationGrows("      if (!VALID_PAYMENT_METHODS.includes(paymentMethod.trim())) throw new Error(paymentMethod);"),
    // Valid neighbour (automatisch's app paths): a table the function fills at run time bounds nothing.
    ocrServicesGrow("  const available = await listModels();\n  if (!Object.hasOwn(available, script)) throw new Error(script);", 10),
    ocrServicesGrow("  if (!Object.prototype.hasOwnProperty.call(MODELS, script)) throw new Error(script);", 9, "loadModels()"),
    // Valid neighbour (quota.ts): an options object handed to a store keeps the object.
    subscriptionError("export class Quota {\n  async guard(key: string) {\n    const usage = new RunSubscription();\n    this.pending.push({ key, usage });\n  }\n}"),
    subscriptionError("export class Quota {\n  async guard(key: string) {\n    const usage = new RunSubscription();\n    const options = { key, usage };\n    await this.assertLimit(options);\n  }\n}"),
    // A `default` before the case falls through to it with any key.
    ssoProvidersGrow('    switch (providerKey) {\n      default:\n      case "azure":\n        this.providers.set(providerKey, new AzureSSO(config));\n    }', 8),
    // The switch is over another value than the key.
    ssoProvidersGrow('    switch (config.kind) {\n      case "azure":\n        this.providers.set(providerKey, new AzureSSO(config));\n    }', 7),
    // The branch runs for every key but one.
    ssoProvidersGrow('    if (providerKey !== "google") this.providers.set(providerKey, new GoogleSSO(config));', 5),
    // Valid neighbour (lex-builder.ts): an `else` that skips the hit instead of throwing keeps a seen-set.
    {
      code: lexImports("{\n        continue;\n      }"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 24, data: { name: "this.#imported", where: "`load()`", line: "6", owner: "class `LexBuilder`", key: "doc.id", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (lex-router.ts): a hit that returns instead of throwing is a cache hit.
    {
      code: lexRouter("return this;"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 23,
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${lexRouter("return this;").replace("new Map<string, Handler>()", `new LRUCache<string, Handler>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // Valid neighbour (entity-id.decorator.ts): a PascalCase server component takes props, not a class.
    {
      code: "const pages = new Map();\nexport default async function Page({ params }) {\n  if (pages.has(params.id)) return pages.get(params.id);\n  const page = await load(params.id);\n  pages.set(params.id, page);\n  return page;\n}",
      filename: "page.js",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 15,
          suggestions: [
            {
              messageId: "suggestLruCache",
              output: `${IMPORT}const pages = ${LRU};\nexport default async function Page({ params }) {\n  if (pages.has(params.id)) return pages.get(params.id);\n  const page = await load(params.id);\n  pages.set(params.id, page);\n  return page;\n}`,
            },
          ],
        },
      ],
    },
    // Valid neighbour (entity-id.decorator.ts): a function named like a function, not a decorator, that another one returns.
    {
      code: columnRegistry("columnTracker"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 18,
          suggestions: [
            { messageId: "suggestLruCache", output: `${IMPORT}${columnRegistry("columnTracker").replace("new Map<object, string[]>()", `new LRUCache<object, string[]>(${LRU.slice(13)}`)}` },
            { messageId: "suggestWeakCollection", output: columnRegistry("columnTracker").replace("new Map<", "new WeakMap<") },
          ],
        },
      ],
    },
    // Valid neighbours (runStream.ts): an instance kept in a module variable, made by a factory the module
    // calls at load, made by a static factory (a constructor by another name), or captured by a request handler.
    // Valid neighbours (pb-webhook-server's Gmail labels; FoxxMD's slugs, a copy of a request path's `name`, which a key read directly does not hold): a label's text.
    { code: seenSlugs, errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 40, data: { name: "this.seenSlugs", where: "`notifyBySource()`", key: "parts.name", line: "8", owner: "class `WebhookNotifier`" }, suggestions: [] }] },
    { code: gmailLabels("labelText"), filename: "file.js", errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 20, data: { name: "labelCache", where: "`getOrCreateLabel()`", key: "labelText", line: "5", owner: "module" }, suggestions: [] }] },
    // Valid neighbours (moleculer's RegexCache, sails' partials): a copy of the text matched, a key with the user's id in it.
    { code: regexCache("text"), filename: "file.js", errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 20, data: { name: "RegexCache", where: "`match()`", key: "text", line: "8", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${regexCache("text").replace("new Map()", LRU)}` }] }] },
    { code: partialSources('file + ":" + userId'), filename: "file.js", errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 13, suggestions: [] }] },
    // Valid neighbours (autumn's DynamoDB clients): a static method of a class named otherwise, or a client's method.
    { code: documentClients("DocumentParser.from(key)"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 22, data: { name: "clientsByKey", where: "`getDocumentClient()`", line: "6", owner: "module", key: "key", creation: "new Map<string, DocumentClient>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${documentClients("DocumentParser.from(key)").replace("new Map<string, DocumentClient>()", `new LRUCache<string, DocumentClient>(${LRU.slice(13)}`)}` }] }] },
    { code: documentClients("sharedClient.send(key)"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 22, data: { name: "clientsByKey", where: "`getDocumentClient()`", line: "6", owner: "module", key: "key", creation: "new Map<string, DocumentClient>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${documentClients("sharedClient.send(key)").replace("new Map<string, DocumentClient>()", `new LRUCache<string, DocumentClient>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbours (autumn's client ids): a request's header, or an environment variable with a caller's fallback.
    { code: envClientIds('headers[variable] ?? ""'), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 29, data: { name: "clientIdsByRawValue", where: "`clientIdsFromEnv()`", line: "7", owner: "module", key: 'headers[variable] ?? ""', creation: "new Map<string, readonly string[]>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${envClientIds('headers[variable] ?? ""').replace("new Map<string, readonly string[]>()", `new LRUCache<string, readonly string[]>(${LRU.slice(13)}`)}` }] }] },
    { code: envClientIds("process.env[variable] ?? fallback"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 29, data: { name: "clientIdsByRawValue", where: "`clientIdsFromEnv()`", line: "7", owner: "module", key: "process.env[variable] ?? fallback", creation: "new Map<string, readonly string[]>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${envClientIds("process.env[variable] ?? fallback").replace("new Map<string, readonly string[]>()", `new LRUCache<string, readonly string[]>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbours (graphile): an element of a plain array of strings, the keys of an interface with an index signature, a key asserted to be a string.
    { code: fragmentCache("string[]"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 19, data: { name: "FRAGMENTS", where: "`sql()`", line: "7", owner: "module", key: "strings[0]", creation: "new Map<string, Node>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${fragmentCache("string[]").replace("new Map<string, Node>()", `new LRUCache<string, Node>(${LRU.slice(13)}`)}` }] }] },
    { code: entityDefaults('import type { Entities } from "./entities";\n', "keyof Entities<Row>"), errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 22, data: { name: "this.byEntity", where: "`getDefault()`", line: "5", owner: "class `Behavior`", key: "entity", creation: "new Map<string, string>()" }, suggestions: [{ messageId: "suggestLruCache", output: `import type { Entities } from "./entities";\n${IMPORT}${entityDefaults("", "keyof Entities<Row>").replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }] }] },
    { code: entityDefaults("interface Open {\n  [key: string]: unknown;\n}\n", "keyof Open"), errors: [{ messageId: "unboundedCacheKeyed", line: 5, column: 22, data: { name: "this.byEntity", where: "`getDefault()`", line: "7", owner: "class `Behavior`", key: "entity", creation: "new Map<string, string>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${entityDefaults("interface Open {\n  [key: string]: unknown;\n}\n", "keyof Open").replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }] }] },
    { code: entityDefaults("", "TEntity").replace("getDefault(", "getDefault<TEntity extends string>("), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 22, data: { name: "this.byEntity", where: "`getDefault()`", line: "4", owner: "class `Behavior`", key: "entity", creation: "new Map<string, string>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${entityDefaults("", "TEntity").replace("getDefault(", "getDefault<TEntity extends string>(").replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }] }] },
    { code: behaviorRegistry("string"), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 44, data: { name: "this.registry", where: "`add()`", line: "6", owner: "class `Registry`", key: "key as string", creation: "Object.create(null)" }, suggestions: [] }] },
    // Valid neighbour (matrix-appservice-irc's loggers): a formatted line per name is data.
    { code: loggerRegistry("formatLine"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 17, data: { name: "loggers", where: "`get()`", line: "6", owner: "module", key: "nameOfLogger", creation: "new Map<string, Logger>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${loggerRegistry("formatLine").replace("new Map<string, Logger>()", `new LRUCache<string, Logger>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (dbgate's data replicator): the same key made from a row's properties.
    { code: identityValues("row"), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 57, data: { name: "this.identityValues", where: "`generateIdentityValue()`", line: "7", owner: "class `DataReplicator`", key: "`${row.schemaName}.${row.pureName}`" }, suggestions: [] }] },
    // Valid neighbours (powersync-service): a property of a row, a key made from a row or by a method of a value, an object whose method hands it back.
    { code: driftWarnings("row: SourceRow", "row.objectId"), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 25, data: { name: "this.warnedCount", where: "`warnColumnChanges()`", line: "10", owner: "class `CDCStream`", key: "row.objectId", creation: "new Map<number, number>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${driftWarnings("row: SourceRow", "row.objectId").replace("new Map<number, number>()", `new LRUCache<number, number>(${LRU.slice(13)}`)}` }] }] },
    { code: matchingSources("row: SourceRow", "rowKey(row)"), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 28, data: { name: "this.cache", where: "`getMatchingSources()`", line: "8", owner: "class `HydratedSyncConfig`", key: "rowKey(row)", creation: "new Map<string, Source[]>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${matchingSources("row: SourceRow", "rowKey(row)").replace("new Map<string, Source[]>()", `new LRUCache<string, Source[]>(${LRU.slice(13)}`)}` }] }] },
    { code: matchingSources("row: SourceRow", "row.id.slice(0, 8)"), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 28, data: { name: "this.cache", where: "`getMatchingSources()`", line: "8", owner: "class `HydratedSyncConfig`", key: "row.id.slice(0, 8)", creation: "new Map<string, Source[]>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${matchingSources("row: SourceRow", "row.id.slice(0, 8)").replace("new Map<string, Source[]>()", `new LRUCache<string, Source[]>(${LRU.slice(13)}`)}` }] }] },
    { code: querierPath("this"), errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 30, data: { name: "this.pending", where: "`resolve()`", line: "12", owner: "class `PendingQuerierPath`", key: "set", creation: "new Map<ResultSet, Lookup>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${querierPath("this").replace("new Map<ResultSet, Lookup>()", `new LRUCache<ResultSet, Lookup>(${LRU.slice(13)}`)}` }, { messageId: "suggestWeakCollection", output: querierPath("this").replace("new Map<", "new WeakMap<") }] }] },
    // Valid neighbour (ponder's encoded chain ids): a label per block number grows with the chain.
    // Valid neighbour (colanode's job service): the helper stores per job id, one entry per job.
    {
      code: jobConcurrency("id"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 30, data: { name: "this.running", where: "`loop()`", key: "handler.concurrency.key(input)", line: "15", owner: "class `JobService`" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${jobConcurrency("id").replace("new Map<string, number>()", `new LRUCache<string, number>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (morphic's encoders): a table the module writes to holds whatever it is given.
    {
      code: encoderCache("export function learn(modelId: string, name: string) {\n  MODEL_TO_ENCODING[modelId] = name;\n}\n"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 18, data: { name: "encoders", where: "`getEncoder()`", key: 'MODEL_TO_ENCODING[modelId] || "cl100k_base"', line: "12", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${encoderCache("export function learn(modelId: string, name: string) {\n  MODEL_TO_ENCODING[modelId] = name;\n}\n").replace("new Map<string, Encoder>()", `new LRUCache<string, Encoder>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbours (kinds named `…Type`): the type of a payload a client sends is any string.
    { code: labelCache("contentType"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "contentType", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("contentType").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    { code: labelCache("mimeType"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "mimeType", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("mimeType").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    { code: labelCache("blockNumber"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "blockNumber", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("blockNumber").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (dependency-injection containers): a map some other method also fills is no registry.
    diContainerInvalid(diContainer("track"), 14),
    // Valid neighbour (dependency-injection containers): registrations that come and go (a client registered per connection) are no set the code names.
    diContainerInvalid(diContainer("register", "new Map<symbol, Registration>()", "  unregister(token: symbol) {\n    this.registrations.delete(token);\n  }\n"), 17),
    diContainerInvalid(diContainer("register", "new Map<symbol, Registration>()", "  reset() {\n    this.registrations.clear();\n  }\n"), 17),
    {
      code: diObjectRegistry("  unregister(token: string) {\n    delete this.registrations[token];\n  }\n"),
      errors: [
        diObjectSingletonsError("  unregister(token: string) {\n    delete this.registrations[token];\n  }\n"),
      ],
    },
    {
      code: diObjectRegistry("  track(token: string) {\n    this.registrations[token] ??= { factory: () => token };\n  }\n"),
      errors: [
        // The registry is itself a memo here, filled per token on a miss.
        { messageId: "unboundedCacheKeyed", line: 3, column: 57, data: { name: "this.registrations", where: "`track()`", line: "9", owner: "class `Container`", key: "token" }, suggestions: [] },
        diObjectSingletonsError("  track(token: string) {\n    this.registrations[token] ??= { factory: () => token };\n  }\n"),
      ],
    },
    // Valid neighbour (dependency-injection containers): a map no code of the file fills may be filled by a subclass elsewhere.
    diContainerInvalid(diContainer("register").replace("this.registrations.set(token, registration);", "void [token, registration];"), 14),
    diContainerInvalid(`${diContainer("register")}\nconst container = new Container();\nexport function track(token: symbol, registration: Registration): void {\n  (container as any).registrations.set(token, registration);\n}`, 14),
    diContainerInvalid(diContainer("register", "new Map<symbol, Registration>()", "  reset() {\n    this.registrations = new Map();\n  }\n"), 17),
    // Valid neighbour (hospital-management's container): a registration the caller gives may be any.
    {
      code: diHandedDown("    return this.createInstance<T>(given!);"),
      errors: [diHandedDownError(diHandedDown("    return this.createInstance<T>(given!);"), 18)],
    },
    {
      code: diHandedDown('    const registration = this.services.get(token) ?? given!;\n    return this.createInstance<T>(registration);'),
      errors: [diHandedDownError(diHandedDown('    const registration = this.services.get(token) ?? given!;\n    return this.createInstance<T>(registration);'), 19)],
    },
    // Valid neighbour (lms-backend's fake image store): the real service keeps a copy per image URL it ever uploaded.
    imageStoreInvalid("ImageStorageService"),
    // Valid neighbour (lms-backend's fake image store): a word that only starts like a test double.
    imageStoreInvalid("MockingbirdImageStorage"),
    imageStoreInvalid("Fakeroo"),
    imageStoreInvalid("ImageStorageFake"),
    // Valid neighbour (it-job-portal's quota policy per role): one entry per user name, as many as the users.
    { code: labelCache("userName"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "userName", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("userName").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (helloviza's primary city per country): the cities of the world are tens of thousands, and grow.
    // Valid neighbour (the queue registry): a job's id is one per job, not per queue.
    { code: labelCache("jobId"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "jobId", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("jobId").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    { code: labelCache("cacheKey"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "cacheKey", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("cacheKey").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    { code: labelCache("cityCode"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "cityCode", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("cityCode").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (midday's Plaid keys per kid): an API key's id is one per key a user makes.
    { code: labelCache("keyId"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "keyId", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("keyId").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (hpi-schul-cloud's config per platform): a config per user grows with the users.
    { code: platformConfigs("userId", "user"), errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 28, data: { name: "this.platformConfigs", where: "`getPlatformConfig()`", key: 'userId || "default"', line: "11", owner: "class `Utils`" }, suggestions: [] }] },
    // Valid neighbour (miracle-auction-platform's pool per shard): a shard key is a value of each document, not one of the shards.
    { code: labelCache("shardKey"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "shardKey", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("shardKey").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (supabase storage's status labels): a label per account id grows with the accounts.
    { code: labelCache("accountId"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "labels", where: "`getLabel()`", key: "accountId", line: "6", owner: "module" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${labelCache("accountId").replace("new Map<number, string>()", `new LRUCache<number, string>(${LRU.slice(13)}`)}` }] }] },
    // Valid neighbour (webstudio's byte budget): a throttle on the time of the last store bounds the rate, not the size.
    {
      code: byteCache("    if (Date.now() - this.lastStore < 1000) return;\n    this.lastStore = Date.now();"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${byteCache("    if (Date.now() - this.lastStore < 1000) return;\n    this.lastStore = Date.now();").replace("new Map<string, Uint8Array>()", `new LRUCache<string, Uint8Array>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (webstudio's byte budget): a limit on the stored value alone, with no running total, bounds nothing.
    {
      code: byteCache("    if (bytes.byteLength > LIMIT) return;"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${byteCache("    if (bytes.byteLength > LIMIT) return;").replace("new Map<string, Uint8Array>()", `new LRUCache<string, Uint8Array>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (webstudio's default parameter): the default object is kept beyond the call.
    subscriptionError("const kept: RunSubscription[] = [];\nexport async function prepare(key: string, current = new RunSubscription()) {\n  kept.push(current);\n  return current.packet(key);\n}"),
    subscriptionError("export const shared = new RunSubscription();\nexport function subscribe() {\n  return new RunSubscription();\n}"),
    subscriptionError("let instance: RunSubscription | undefined;\nexport function get() {\n  return (instance ??= new RunSubscription());\n}"),
    subscriptionError("function subscribe(options: Options) {\n  return new RunSubscription(options);\n}\nexport const main = subscribe(defaults);"),
    subscriptionError("export function later() {\n  return RunSubscription.create();\n}", "\n  static create() { return new RunSubscription(); }"),
    subscriptionError("export function start(app: App) {\n  const current = new RunSubscription();\n  app.get(\"/\", (req) => current.packet(req.query.key));\n}"),
    // The neighbours of overleaf's blob store: an object handed to a collection or a registry outlives the call.
    subscriptionError("const all: RunSubscription[] = [];\nexport function track(key: string) {\n  const current = new RunSubscription();\n  all.push(current);\n  return current.packet(key);\n}"),
    subscriptionError("export function track(key: string) {\n  const current = new RunSubscription();\n  registry.set(key, current);\n  return current.packet(key);\n}"),
    subscriptionError("export function track(bus: Bus, key: string) {\n  const current = new RunSubscription();\n  bus.register(current);\n  return current.packet(key);\n}"),
    // A function of unknown name may keep what it is given: only methods are read by their name.
    subscriptionError("export function track(key: string) {\n  const current = new RunSubscription();\n  keep(current);\n  return current.packet(key);\n}"),
    // Valid neighbours (vocabMemo): a key typed as any string (no WeakMap for string keys), or as a name this file cannot see into.
    {
      code: vocabMemo("string"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [{ messageId: "suggestLruCache", output: lruVocabMemo("string") }] }],
    },
    {
      code: vocabMemo("Corpus"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 20,
          suggestions: [
            { messageId: "suggestLruCache", output: lruVocabMemo("Corpus") },
            { messageId: "suggestWeakCollection", output: vocabMemo("Corpus").replace("new Map<", "new WeakMap<") },
          ],
        },
      ],
    },
    // Valid neighbour (Period) whose alias admits any string; a local alias of string keys gets no WeakMap either.
    {
      code: periodTotals("string"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 16, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${periodTotals("string").replace("new Map<Period, number>()", `new LRUCache<Period, number>(${LRU.slice("new LRUCache(".length)}`)}` }] }],
    },
    // Valid neighbours (dtfCache): a formatter class of the app, and an `Intl` the module shadows.
    { code: dtfCache("Formatter"), filename: "file.js", errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, suggestions: [] }] },
    { code: `const Intl = require("./intl");\n${dtfCache("Intl.DateTimeFormat")}`, filename: "file.js", errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 16, suggestions: [] }] },
    // Valid neighbour (versionIndex): the fallback is computed for the key, a memo.
    {
      code: versionIndex("loadVersions(id)"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 26, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${versionIndex("loadVersions(id)").replace("new Map<string, Set<string>>()", "new LRUCache<string, Set<string>>({ max: 1000, ttl: 10 * 60 * 1000 })")}` }] }],
    },
    // Valid neighbour (langfuse's queue per shard): an in-process queue or null is no client.
    {
      code: queueClients('import PQueue from "p-queue";', "options ? new PQueue(options) : null"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 16, suggestions: [{ messageId: "suggestLruCache", output: queueClients('import PQueue from "p-queue";\nimport { LRUCache } from "lru-cache";', "options ? new PQueue(options) : null").replace("new Map()", LRU) }] }],
    },
    // Valid neighbour (queueClients): an in-process queue per user is request data.
    {
      code: queueClients('import PQueue from "p-queue";', "new PQueue({ concurrency: 1 })"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 16, suggestions: [{ messageId: "suggestLruCache", output: queueClients('import PQueue from "p-queue";\nimport { LRUCache } from "lru-cache";', "new PQueue({ concurrency: 1 })").replace("new Map()", LRU) }] }],
    },
    // Valid neighbour (mikro-orm's comparators): keyed by a row, which requests bring.
    {
      code: compiledMappers("row"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 23,
          suggestions: [
            { messageId: "suggestLruCache", output: `${IMPORT}${compiledMappers("row").replace("new Map<EntityMetadata, Mapper>()", `new LRUCache<EntityMetadata, Mapper>(${LRU.slice(13)}`)}` },
            { messageId: "suggestWeakCollection", output: compiledMappers("row").replace("new Map<", "new WeakMap<") },
          ],
        },
      ],
    },
    // Valid neighbour (etherpad's templates): `path.resolve` checks no file, so the key is whatever the caller sent.
    {
      code: templates('import path from "node:path";', "path.resolve(VIEWS, view)"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 19, suggestions: [{ messageId: "suggestLruCache", output: templates('import path from "node:path";\nimport { LRUCache } from "lru-cache";', "path.resolve(VIEWS, view)").replace("new Map()", LRU) }] }],
    },
    // Valid neighbour (etherpad's templates): a `realpath` of the app's own module may return anything.
    {
      code: templates('import { realpath } from "./paths";', "await realpath(view)"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 19, suggestions: [{ messageId: "suggestLruCache", output: templates('import { realpath } from "./paths";\nimport { LRUCache } from "lru-cache";', "await realpath(view)").replace("new Map()", LRU) }] }],
    },
    // Valid neighbours (agent-saas's event type counts): an entry count only logged, or the length of something else, bounds nothing.
    eventTypeCountsGrow("(log(Object.keys(this.eventTypeCounts).length), eventType)", "log(Object.keys(this.eventTypeCounts).length), eventType"),
    eventTypeCountsGrow('Object.keys(this.eventTypeCounts)[0] === eventType ? "(first)" : eventType', 'Object.keys(this.eventTypeCounts)[0] === eventType ? "(fi...'),
    // Valid neighbours (worldmonitor's keyword regular expressions): a table a caller was given, or a list made by another call or object, holds the caller's data.
    keywordRegexesGrow("for (const [kw] of Object.entries(keywords))", "return matchKeywords(title, CRITICAL_KEYWORDS) ?? matchKeywords(title, extra);"),
    keywordRegexesGrow("for (const [kw] of Lexicon.entries(keywords))"),
    keywordRegexesGrow("for (const [kw] of Object.entries(keywords))", "return matchKeywords(title, { ...CRITICAL_KEYWORDS, ...extra });"),
    // Valid neighbour (bull-board's metric cursors): metrics the caller asked for are the caller's data.
    {
      code: metricCursors("requested"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 33, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${metricCursors("requested").replace("new Map<string, number>()", `new LRUCache<string, number>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbours (webiny's authenticators): a request handler's parameter is per request, whatever the handler returns.
    {
      code: jwksFactory("config.domain", "return new Promise((resolve) => resolve(getJWKs()));"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 19, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${jwksFactory("config.domain", "return new Promise((resolve) => resolve(getJWKs()));").replace("new Map<string, Key[]>()", `new LRUCache<string, Key[]>(${LRU.slice(13)}`)}` }] }],
    },
    {
      code: jwksFactory("config.domain", "return getJWKs();"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 19, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${jwksFactory("config.domain", "return getJWKs();").replace("new Map<string, Key[]>()", `new LRUCache<string, Key[]>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (webiny's SDK clients): a class of the app's own named like the SDK's.
    {
      code: sdkClients('import { S3 } from "./storage";', "const instance = new S3(options);"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 17, suggestions: [{ messageId: "suggestLruCache", output: sdkClients('import { S3 } from "./storage";\nimport { LRUCache } from "lru-cache";', "const instance = new S3(options);").replace("new Map<string, unknown>()", `new LRUCache<string, unknown>(${LRU.slice(13)}`) }] }],
    },
    // Valid neighbour (pg-boss's dashboard): a class of the app's own, named like pg-boss's, may hold anything.
    {
      code: queueClients('import { PgBoss } from "./boss";', "new PgBoss({ connectionString: key })"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 16, suggestions: [{ messageId: "suggestLruCache", output: queueClients('import { PgBoss } from "./boss";\nimport { LRUCache } from "lru-cache";', "new PgBoss({ connectionString: key })").replace("new Map()", LRU) }] }],
    },
    // A map typed with a local alias of string keys: an LRU cache, no WeakMap.
    {
      code: userMemo,
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 15, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${userMemo.replace("new Map<UserId, User>()", "new LRUCache<UserId, User>({ max: 1000, ttl: 10 * 60 * 1000 })")}` }] }],
    },
    // Valid neighbour (EntityManager) storing computed statistics instead of a repository.
    {
      code: entityManager("new Stats(target, this, this.queryRunner)"),
      filename: "file.js",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: "suggestLruCache",
              output: `const { LRUCache } = require("lru-cache");\n${entityManager("new Stats(target, this, this.queryRunner)").replace("new Map()", LRU)}`,
            },
          ],
        },
      ],
    },
    // Valid neighbour (chat-ui's tag patterns): the lower case of a text handed in has as many values as the text.
    {
      code: tagPatterns("text"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 29,
          data: { name: "openTagPatternCache", where: "`getOpenTagPattern()`", line: "7", owner: "module", key: "text.toLowerCase()", creation: "new Map<string, RegExp>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${tagPatterns("text").replace("new Map<string, RegExp>()", `new LRUCache<string, RegExp>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // Valid neighbour (chat-ui's tag patterns): gitpod's ws-manager-bridge (src/bridge.ts), a queue per workspace instance, keyed by `status.getId()` of a status object.
    {
      code: "export class Bridge {\n  queues = new Map();\n  onStatus(status) {\n    const queue = this.queues.get(status.getId()) || createQueue(status.getId());\n    this.queues.set(status.getId(), queue);\n    queue.push(status);\n  }\n}",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 12, data: { name: "this.queues", where: "`onStatus()`", line: "5", owner: "class `Bridge`", key: "status.getId()", creation: "new Map()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}export class Bridge {\n  queues = ${LRU};\n  onStatus(status) {\n    const queue = this.queues.get(status.getId()) || createQueue(status.getId());\n    this.queues.set(status.getId(), queue);\n    queue.push(status);\n  }\n}` }] }],
    },
    // Valid neighbour (matrix-appservice-slack's puppets): a record of the user's id and token holds no client.
    {
      code: puppetClients("{ id, token }"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 69,
          data: { name: "this.puppets", where: "`getClientForUser()`", line: "9", owner: "class `SlackClientFactory`", key: "`${teamId}:${matrixUser}`", creation: "new Map()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${puppetClients("{ id, token }").replace("Map<string, { id: string; client: WebClient }> = new Map()", `LRUCache<string, { id: string; client: WebClient }> = ${LRU}`)}` }],
        },
      ],
    },
    // Valid neighbour (clickhouseFactory) storing a computed result instead of a client.
    {
      code: clientFactory("buildOrgReport"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 35,
          data: { name: "this._clientCache", where: "`getClient()`", line: "8", owner: "class `ClickhouseFactory`", key: "`${hashHostname(url)}:${clientType}`", creation: "new Map<string, ClickHouse>()" },
          suggestions: [
            {
              messageId: "suggestLruCache",
              output: `${IMPORT}${clientFactory("buildOrgReport").replace("new Map<string, ClickHouse>()", "new LRUCache<string, ClickHouse>({ max: 1000, ttl: 10 * 60 * 1000 })")}`,
            },
          ],
        },
      ],
    },
    // Valid neighbour (DelayQueue) without the drain.
    {
      code: `const queues = {};
export function push(bucket, item) {
  if (!queues[bucket]) queues[bucket] = createQueue(bucket);
  queues[bucket].push(item);
}
export function flush(bucket) {
  const queue = queues[bucket];
  return queue;
}`,
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 16, data: { name: "queues", where: "`push()`", line: "3", owner: "module", key: "bucket", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (removeChannels) storing on the miss instead.
    {
      code: `const channels = new Map();
export function remove(slot, names) {
  const current = channels.get(slot);
  if (!current) channels.set(slot, loadChannels(slot));
}`,
      filename: "file.js",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 18,
          data: { name: "channels", where: "`remove()`", line: "4", owner: "module", key: "slot", creation: "new Map()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${`const channels = new Map();
export function remove(slot, names) {
  const current = channels.get(slot);
  if (!current) channels.set(slot, loadChannels(slot));
}`.replace("new Map()", LRU)}` }],
        },
      ],
    },
    // The workshop's SearchService in JavaScript (CommonJS).
    {
      code: searchService("new Map()"),
      filename: "file.js",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 5,
          column: 18,
          data: { name: "this.cache", where: "`search()`", line: "13", owner: "class `SearchService`", key: "JSON.stringify({ query, filters, page, limit })", creation: "new Map()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${REQUIRE}${searchService(LRU)}` }],
        },
      ],
    },
    // A TypeScript class field with type arguments.
    {
      code: userService("new Map<string, User>()"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 19,
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${userService(`new LRUCache<string, User>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // A field declared with a type and assigned in the constructor: the annotation changes too.
    {
      code: 'import { db } from "./db";\nclass S {\n  private readonly cache: Map<string, Row>;\n  constructor() { this.cache = new Map(); }\n  async row(id: string) { if (this.cache.has(id)) return this.cache.get(id); const r = await db.get(id); this.cache.set(id, r); return r; }\n}',
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 4,
          column: 32,
          suggestions: [
            {
              messageId: "suggestLruCache",
              output: `import { db } from "./db";\n${IMPORT}class S {\n  private readonly cache: LRUCache<string, Row>;\n  constructor() { this.cache = ${LRU}; }\n  async row(id: string) { if (this.cache.has(id)) return this.cache.get(id); const r = await db.get(id); this.cache.set(id, r); return r; }\n}`,
            },
          ],
        },
      ],
    },
    // A module-level Map in JavaScript.
    {
      code: moduleMemo("new Map()"),
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 14, data: { name: "memo", where: "`getPrice()`", line: "5", owner: "module", key: "sku", creation: "new Map()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${moduleMemo(LRU)}` }] }],
    },
    // The same string after a statement is no directive: the module runs wherever it is imported.
    {
      code: `import "./setup";\n"use client";\n${moduleMemo("new Map()")}`,
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 14, suggestions: [{ messageId: "suggestLruCache", output: `import "./setup";\n${IMPORT}"use client";\n${moduleMemo(LRU)}` }] }],
    },
    // The neighbour of a UI framework's subpath: a package whose name only starts like one.
    {
      code: `import { wrap } from "react-cache-server/wrap";\n${moduleMemo("new Map()")}`,
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 14, suggestions: [{ messageId: "suggestLruCache", output: `import { wrap } from "react-cache-server/wrap";\n${IMPORT}${moduleMemo(LRU)}` }] }],
    },
    // A plain object used as a map, filled with `??=`: no drop-in replacement, no suggestion.
    {
      code: "const memo = {};\nexport function price(sku) { return (memo[sku] ??= computePrice(sku)); }",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 14, data: { name: "memo", where: "`price()`", line: "2", owner: "module", key: "sku", creation: "{}" }, suggestions: [] }],
    },
    // Object.create(null) with `in` and an index store.
    {
      code: "const cache = Object.create(null);\nfunction render(path) { if (path in cache) return cache[path]; const html = build(path); cache[path] = html; return html; }",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 15, suggestions: [] }],
    },
    // Record<string, T> filled on a miss, keyed by a request parameter.
    {
      code: "const sessions: Record<string, Session> = {};\nexport async function handler(req: Request) { const id = req.headers.get('x-id')!; if (!sessions[id]) sessions[id] = await loadSession(id); return sessions[id]; }",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 43, data: { name: "sessions", where: "`handler()`", line: "2", owner: "module", key: "req.headers.get('x-id')!", creation: "{}" }, suggestions: [] }],
    },
    // A Set of seen ids: one entry per message, forever.
    {
      code: "const seen = new Set();\nexport function onMessage(msg) { if (seen.has(msg.id)) return; seen.add(msg.id); process(msg); }",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 14, data: { name: "seen", where: "`onMessage()`", line: "2", owner: "module", key: "msg.id", creation: "new Set()" }, suggestions: [] }],
    },
    // A static field.
    {
      code: "class Rates {\n  static cache = new Map();\n  static async rate(pair) { const hit = Rates.cache.get(pair); if (hit) return hit; const r = await fetchRate(pair); Rates.cache.set(pair, r); return r; }\n}",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 18, data: { name: "Rates.cache", where: "`rate()`", line: "3", owner: "class `Rates`", key: "pair", creation: "new Map()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}class Rates {\n  static cache = ${LRU};\n  static async rate(pair) { const hit = Rates.cache.get(pair); if (hit) return hit; const r = await fetchRate(pair); Rates.cache.set(pair, r); return r; }\n}` }] }],
    },
    // The store in a helper method of the same class.
    {
      code: "class Geo {\n  cache = {};\n  async lookup(ip: string) { const hit = this.cache[ip]; if (hit) return hit; const loc = await resolve(ip); this.remember(ip, loc); return loc; }\n  remember(ip: string, loc: Loc) { this.cache[ip] = loc; }\n}",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 11, data: { name: "this.cache", where: "`lookup()`", line: "4", owner: "class `Geo`", key: "ip", creation: "{}" }, suggestions: [] }],
    },
    // A delete method that nothing calls does not count.
    {
      code: userService("new Map<string, User>()", "\n  private evict(id: string) { this.cache.delete(id); }"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 19, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${userService(`new LRUCache<string, User>(${LRU.slice(13)}`, "\n  private evict(id: string) { this.cache.delete(id); }")}` }] }],
    },
    // Valid neighbour (drts-fleet-platform's dead lock chain): the dead method's `delete` is in another dead method, not beside the `set`.
    {
      code: tenantLocks("this.logger.debug(tenantId);", "\n  private forget(tenantId: string) {\n    this.locks.delete(tenantId);\n  }"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 19,
          data: { name: "this.locks", where: "`withLock()`", line: "6", owner: "class `TenantService`", key: "tenantId" },
          suggestions: [{ messageId: "suggestLruCache", output: tenantLocksLru("this.logger.debug(tenantId);", "\n  private forget(tenantId: string) {\n    this.locks.delete(tenantId);\n  }") }],
        },
      ],
    },
    // A module function that clears it but that nothing calls.
    {
      code: moduleMemo("new Map()", "\nfunction clearPrices() { memo.clear(); }"),
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 14, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${moduleMemo(LRU, "\nfunction clearPrices() { memo.clear(); }")}` }] }],
    },
    // Keys that are objects: a WeakMap is offered too.
    {
      code: "const perRequest = new Map<Request, Context>();\nexport function context(req: Request) { let c = perRequest.get(req); if (!c) { c = build(req); perRequest.set(req, c); } return c; }",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 20,
          suggestions: [
            { messageId: "suggestLruCache", output: `${IMPORT}const perRequest = new LRUCache<Request, Context>(${LRU.slice(13)};\nexport function context(req: Request) { let c = perRequest.get(req); if (!c) { c = build(req); perRequest.set(req, c); } return c; }` },
            { messageId: "suggestWeakCollection", output: "const perRequest = new WeakMap<Request, Context>();\nexport function context(req: Request) { let c = perRequest.get(req); if (!c) { c = build(req); perRequest.set(req, c); } return c; }" },
          ],
        },
      ],
    },
    // node-cache without stdTTL or maxKeys keeps every entry.
    {
      code: `import NodeCache from "node-cache";\n${moduleMemo("new NodeCache()")}`,
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 14, suggestions: [] }],
    },
    // A local subclass of Map that adds nothing.
    {
      code: "class Registry extends Map {}\nconst memo = new Registry();\nfunction f(k) { if (memo.has(k)) return memo.get(k); const v = compute(k); memo.set(k, v); return v; }",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 14, suggestions: [] }],
    },
    // A counter per client address, never reset.
    {
      code: "const hits = {};\nexport function limit(req, res, next) { hits[req.ip] = (hits[req.ip] || 0) + 1; next(); }",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 14, data: { name: "hits", where: "`limit()`", line: "2", owner: "module", key: "req.ip", creation: "{}" }, suggestions: [] }],
    },
    // Through a const alias of the field.
    {
      code: "class T {\n  constructor() { this.byUrl = new Map(); }\n  get(url) { const c = this.byUrl; if (c.has(url)) return c.get(url); const v = fetchIt(url); c.set(url, v); return v; }\n}",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 32, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}class T {\n  constructor() { this.byUrl = ${LRU}; }\n  get(url) { const c = this.byUrl; if (c.has(url)) return c.get(url); const v = fetchIt(url); c.set(url, v); return v; }\n}` }] }],
    },
    // An express middleware that stores the response body by URL (bilal-azam/AI-Powered-Task-Management-System middleware/cacheMiddleware.js).
    {
      code: "const cache = new Map();\nconst cacheMiddleware = (req, res, next) => {\n  const key = req.originalUrl || req.url;\n  if (cache.has(key)) return res.json(cache.get(key));\n  res.sendResponse = res.send;\n  res.send = (body) => { cache.set(key, body); res.sendResponse(body); };\n  next();\n};\nmodule.exports = cacheMiddleware;",
      filename: "file.js",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 15,
          data: { name: "cache", where: "`cacheMiddleware()`", line: "6", owner: "module", key: "req.originalUrl || req.url", creation: "new Map()" },
          suggestions: [
            {
              messageId: "suggestLruCache",
              output: `${REQUIRE}const cache = ${LRU};\nconst cacheMiddleware = (req, res, next) => {\n  const key = req.originalUrl || req.url;\n  if (cache.has(key)) return res.json(cache.get(key));\n  res.sendResponse = res.send;\n  res.send = (body) => { cache.set(key, body); res.sendResponse(body); };\n  next();\n};\nmodule.exports = cacheMiddleware;`,
            },
          ],
        },
      ],
    },
    // Valid neighbour (Unleash fake store): with a fallback for a miss, the store adds the entry.
    featureStoreGrows("(this.byProject.get(project) ?? []).concat(feature)"),
    // Valid neighbour (Unleash fake store): an optional read of the entry does not throw on a miss.
    featureStoreGrows("this.byProject.get(project)?.concat(feature) ?? [feature]"),
    // Valid neighbours (Payroll-ByteMy's pricing rules): a filtered fallback that is not empty, or a store of more than the entry.
    featureStoreGrows("(this.byProject.get(project) ?? [feature]).filter((f) => f !== feature)"),
    {
      code: pricingRules("[...serviceRules, { id: ruleId }]"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 19, data: { name: "this.rules", where: "`removeRule()`", line: "5", owner: "class `PricingEngine`", key: "serviceId", creation: "new Map<string, Rule[]>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${pricingRules("[...serviceRules, { id: ruleId }]").replace("new Map<string, Rule[]>()", `new LRUCache<string, Rule[]>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbours (Megagig's module preloader): the DOM is read in a branch, a `try`, a callback or after the store, or the global is one Node has too.
    preloaderReport('    if (href.endsWith(".css")) document.title = href;\n    this.preloadedModules.add(href);', "9"),
    preloaderReport('    try {\n      document.createElement("link");\n    } catch {}\n    this.preloadedModules.add(href);', "11"),
    preloaderReport('    try {\n      document.createElement("link");\n    } catch {\n      this.preloadedModules.add(href);\n    }', "11"),
    preloaderReport('    setTimeout(() => document.createElement("link"));\n    this.preloadedModules.add(href);', "9"),
    preloaderReport('    this.preloadedModules.add(href);\n    document.createElement("link");', "8"),
    preloaderReport('    const language = navigator.language;\n    this.preloadedModules.add(href);', "9"),
    // A function that asks whether the DOM exists is written for both sides, as hr-payroll's and the sound cache below are.
    preloaderReport('    if (typeof document === "undefined") return;\n    document.head.append(href);\n    this.preloadedModules.add(href);', "10"),
    // Valid neighbour (hr-payroll's document cache) in code that also runs on a server: it asks `typeof FileReader` first.
    {
      code: documentCache('(typeof FileReader === "undefined" ? blob.text() : readAsDataUrl(blob))'),
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 23, data: { name: "documentCache", where: "`download()`", line: "6", owner: "module", key: "id", creation: "new Map<string, string>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${documentCache('(typeof FileReader === "undefined" ? blob.text() : readAsDataUrl(blob))').replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (AFFiNE metrics): the same method on a plain object is called with any key.
    {
      code: metricScopes(""),
      filename: "file.js",
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 1,
          column: 16,
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${metricScopes("").replace("new Map()", LRU)}` }],
        },
      ],
    },
    // Valid neighbour (pharmacy-monorepo's health alerts): a service by its id is a row of a table (Payroll-ByteMy's billed services).
    {
      code: revisions("serviceId"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 48, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${revisions("serviceId").replace("Map<string, number> = new Map()", `LRUCache<string, number> = ${LRU}`)}` }] }],
    },
    // Valid neighbours (blood-donation-center-be's scheduler): a job class of the application's own, or another export of cron (`sendAt` gives a date).
    {
      code: scheduledJobs('import { CronJob } from "./jobs";', "new CronJob(item.expression, () => run(item))"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 61, data: { name: "this.scheduledJobs", where: "`schedule()`", line: "8", owner: "class `SchedulerService`", key: "item.id.toString()", creation: "{}" }, suggestions: [] }],
    },
    {
      code: scheduledJobs('import { sendAt } from "cron";', "sendAt(item.expression)"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 61, data: { name: "this.scheduledJobs", where: "`schedule()`", line: "8", owner: "class `SchedulerService`", key: "item.id.toString()", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (Unleash revision service): keyed by a tenant from the request.
    {
      code: revisions("tenantId"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 48,
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${revisions("tenantId").replace("Map<string, number> = new Map()", `LRUCache<string, number> = ${LRU}`)}` }],
        },
      ],
    },
    // Valid neighbour (Unleash stats service): a public method its class calls once may be called with any key elsewhere.
    {
      code: statsService(USERS),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 12, suggestions: [{ messageId: "suggestLruCache", output: statsServiceLru(USERS) }] }],
    },
    // Valid neighbour (Unleash stats service): one call passes a key from its caller.
    {
      code: statsService(`${USERS}\n${FLAGS}\n${BY_ID}`),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 12, suggestions: [{ messageId: "suggestLruCache", output: statsServiceLru(`${USERS}\n${FLAGS}\n${BY_ID}`) }] }],
    },
    // Valid neighbour (Unleash token service): a `log` method of something other than a logger records the token.
    {
      code: aliasWarnings("    this.audit.log(token);"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [] }],
    },
    // Valid neighbour (langgraphjs's StateGraph): an internal method that is no registration (`_compile`) memoises per call.
    {
      code: schemaRegistry("_compile"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 24,
          suggestions: [
            { messageId: "suggestLruCache", output: `${IMPORT}${schemaRegistry("_compile").replace("new Map<object, object>()", `new LRUCache<object, object>(${LRU.slice(13)}`)}` },
            { messageId: "suggestWeakCollection", output: schemaRegistry("_compile").replace("new Map<", "new WeakMap<") },
          ],
        },
      ],
    },
    // Valid neighbour (openreplay's deprecation warnings): the object keeps the time of each warning, data beside the log line (tiledesk's invalid-token log).
    { code: deprecationFlags("Date.now()"), errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 61, suggestions: [] }] },
    // Valid neighbour (Folo's warning): the `if` also notifies, work other than a log line.
    {
      code: aliasWarnings(`    if (!(error instanceof Error)) {\n      notify(token);\n      return;\n    }\n${WARN}`),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [] }],
    },
    // Valid neighbour (Folo's warning): an `if` whose test calls something does work of its own.
    {
      code: aliasWarnings(`    if (report(token)) {\n      console.warn("reported");\n    }\n${WARN}`),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [] }],
    },
    // Valid neighbour (Unleash token service): the Set also guards work other than the log line.
    {
      code: aliasWarnings(`    this.audit.record(token);\n${WARN}`),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [] }],
    },
    // Valid neighbour (AssetLoader) without the browser engine: a server module.
    {
      code: assetLoader,
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 26, data: { name: "this.loadedAssets", where: "`load()`", line: "3", owner: "class `AssetLoader`", key: "key", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (sequelize's type parsers) keyed by any other number: a row's id.
    {
      code: typeParsers("id"),
      errors: [
        {
          messageId: "unboundedCacheKeyed",
          line: 2,
          column: 23,
          data: { name: "this.#parsers", where: "`getTypeParser()`", line: "7", owner: "class `ConnectionManager`", key: "id", creation: "new Map<number, Parser>()" },
          suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${typeParsers("id").replace("new Map<number, Parser>()", `new LRUCache<number, Parser>(${LRU.slice(13)}`)}` }],
        },
      ],
    },
    // Valid neighbour (discord.js's api-extractor): typescript-eslint's parser is not the compiler a build runs.
    {
      code: `import { parse } from "@typescript-eslint/typescript-estree";\n${assetLoader}`,
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 26, data: { name: "this.loadedAssets", where: "`load()`", line: "4", owner: "class `AssetLoader`", key: "key", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (ForumMagnum's codemod): a package whose name only starts like ts-morph's is no compiler.
    {
      code: `import { morph } from "ts-morpheus";\n${assetLoader}`,
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 26, data: { name: "this.loadedAssets", where: "`load()`", line: "4", owner: "class `AssetLoader`", key: "key", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (ever-gauzy's desktop agent) in code that also runs on a server: it asks `typeof AudioContext` first.
    {
      code: soundCache('if (typeof AudioContext === "undefined") return undefined;\n  '),
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 49, data: { name: "soundCache", where: "`loadSound()`", line: "7", owner: "module", key: "pathUrl", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (ticketry's studio): TanStack Query's core, without a UI framework, also runs in a server.
    {
      code: `import { QueryClient } from "@tanstack/query-core";\n${assetLoader}`,
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 26, data: { name: "this.loadedAssets", where: "`load()`", line: "4", owner: "class `AssetLoader`", key: "key", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (CopilotKit's web inspector): Lit's server renderer runs in a server.
    {
      code: `import { render } from "@lit-labs/ssr";\n${assetLoader}`,
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 26, data: { name: "this.loadedAssets", where: "`load()`", line: "4", owner: "class `AssetLoader`", key: "key", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (overleaf's theme cache) with only CodeMirror's state, which a collaboration server also runs.
    {
      code: `import { Annotation } from "@codemirror/state";\n${assetLoader}`,
      errors: [{ messageId: "unboundedCacheKeyed", line: 3, column: 26, data: { name: "this.loadedAssets", where: "`load()`", line: "4", owner: "class `AssetLoader`", key: "key", creation: "new Set<string>()" }, suggestions: [] }],
    },
    // Valid neighbour (autotrack) in code that also runs on a server: it asks `typeof document` first (trigger.dev packages/trigger-sdk/src/v3/chat.ts).
    {
      code: autotrack.replace('document.createElement("a")', 'typeof document === "undefined" ? {} : document.createElement("a")'),
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 18, data: { name: "urlCache", where: "`parseUrl()`", line: "6", owner: "module", key: "url", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (route registry): a function that stamps each client address it sees, computed, not handed in.
    {
      code: routeRegistry("touch", "lastSeen: Date.now()"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 61, data: { name: "this.routes", where: "`touch()`", line: "4", owner: "class `HttpServer`", key: "path", creation: "{}" }, suggestions: [] }],
    },
    // Valid neighbour (taskRunProcess): the early exit is on a hit, so the store adds on a miss.
    {
      code: attemptStatuses("==="),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 22, data: { name: "this.statuses", where: "`onCompleted()`", line: "7", owner: "class `TaskRunProcess`", key: "attemptKey(execution)", creation: "new Map<string, string>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${attemptStatuses("===").replace("new Map<string, string>()", `new LRUCache<string, string>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (standardResourceCatalog): the store runs when the entry is missing.
    {
      // CopilotKit showcase/integrations/strands-typescript/src/agent/state.ts: a function named `seed…` that is given the thread seeds its entry per request.
      code: "const delegationsByThread = new Map<string, Delegation[]>();\nexport function seedDelegations(threadId: string, state: unknown): Delegation[] {\n  const existing = delegationsByThread.get(threadId);\n  if (existing) return existing;\n  const seeded = readDelegations(state);\n  delegationsByThread.set(threadId, seeded);\n  return seeded;\n}",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 29, data: { name: "delegationsByThread", where: "`seedDelegations()`", line: "6", owner: "module", key: "threadId", creation: "new Map<string, Delegation[]>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}const delegationsByThread = new LRUCache<string, Delegation[]>(${LRU.slice(13)};\nexport function seedDelegations(threadId: string, state: unknown): Delegation[] {\n  const existing = delegationsByThread.get(threadId);\n  if (existing) return existing;\n  const seeded = readDelegations(state);\n  delegationsByThread.set(threadId, seeded);\n  return seeded;\n}` }] }],
    },
    {
      // Valid neighbour (freshmart's repository): compared with `undefined`, a missing entry passes the test and is added.
      code: notificationStore("value?.recipientUserId === undefined"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 36, data: { name: "this.notifications", where: "`markRead()`", line: "6", owner: "class `NotificationStore`", key: "id", creation: "new Map<string, Notification>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${notificationStore("value?.recipientUserId === undefined").replace("new Map<string, Notification>()", `new LRUCache<string, Notification>(${LRU.slice(13)}`)}` }] }],
    },
    {
      // Valid neighbour: `!==` a recipient is true for a missing entry.
      code: notificationStore("value?.recipientUserId !== recipient"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 36, data: { name: "this.notifications", where: "`markRead()`", line: "6", owner: "class `NotificationStore`", key: "id", creation: "new Map<string, Notification>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${notificationStore("value?.recipientUserId !== recipient").replace("new Map<string, Notification>()", `new LRUCache<string, Notification>(${LRU.slice(13)}`)}` }] }],
    },
    {
      code: taskCatalog("!existing"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 19, data: { name: "this.tasks", where: "`update()`", line: "5", owner: "class `Catalog`", key: "id", creation: "new Map<string, Task>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${taskCatalog("!existing").replace("new Map<string, Task>()", `new LRUCache<string, Task>(${LRU.slice(13)}`)}` }] }],
    },
    // Valid neighbour (activityStore timers): a histogram per metric key built with its fields, keyed by the request route (village packages/server/src/metrics.ts).
    {
      code: "const histograms = new Map();\nexport function observe(route, ms) { let h = histograms.get(route); if (!h) { h = { sum: 0, count: 0 }; histograms.set(route, h); } h.sum += ms; h.count += 1; }",
      filename: "file.js",
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 20, data: { name: "histograms", where: "`observe()`", line: "2", owner: "module", key: "route", creation: "new Map()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}const histograms = ${LRU};\nexport function observe(route, ms) { let h = histograms.get(route); if (!h) { h = { sum: 0, count: 0 }; histograms.set(route, h); } h.sum += ms; h.count += 1; }` }] }],
    },
    // Valid neighbour (seed script): main() starts a server whose handler fills the memo on every request.
    {
      code: seedScript("http.createServer((req) => simulate(Number(req.url))).listen(3000);"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 1, column: 13, data: { name: "sim", where: "`simulate()`", line: "4", owner: "module", key: "q", creation: "new Map<number, State>()" }, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}${seedScript("http.createServer((req) => simulate(Number(req.url))).listen(3000);").replace("new Map<number, State>()", `new LRUCache<number, State>(${LRU.slice(13)}`)}` }] }],
    },
    // With reportPushOnlyArrays, a module-level array appended to on every call.
    {
      code: "const events = [];\nexport function track(e) { events.push({ ...e, at: Date.now() }); }",
      filename: "file.js",
      options: [{ boundedCaches: [], reportPushOnlyArrays: true }],
      errors: [{ messageId: "unboundedArray", line: 1, column: 16, data: { name: "events", where: "`track()`", line: "2" } }],
    },
  ],
});

// With type information only: a key whose type the checker computes to a set of page types
// (`Exclude<PageType, "all">`, as in openstatus) keeps the memo small. Without types the same
// code is reported (the `vocabMemo("Corpus")` case above).
const typedOnly = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURES_DIR } } });
typedOnly.run("no-unbounded-cache (typed only)", rule, {
  valid: [
    {
      code: `type PageType = "product" | "docs" | "all";\ntype Corpus = Exclude<PageType, "all">;\n${vocabMemo("Corpus").split("\n").slice(1).join("\n")}`,
      filename: path.join(FIXTURES_DIR, "file.ts"),
    },
  ],
  invalid: [
    {
      code: `type Corpus = Exclude<string, "all">;\n${vocabMemo("Corpus").split("\n").slice(1).join("\n")}`,
      filename: path.join(FIXTURES_DIR, "file.ts"),
      errors: [{ messageId: "unboundedCacheKeyed", line: 2, column: 20, suggestions: [{ messageId: "suggestLruCache", output: `${IMPORT}type Corpus = Exclude<string, "all">;\n${lruVocabMemo("Corpus").split("\n").slice(2).join("\n")}` }, { messageId: "suggestWeakCollection", output: `type Corpus = Exclude<string, "all">;\n${vocabMemo("Corpus").split("\n").slice(1).join("\n").replace("new Map<", "new WeakMap<")}` }] }],
    },
  ],
});

/**
 * A file in a project on disk: `manifests` maps package folders (`""` for the root) to the
 * dependencies their `package.json` declares. Untyped only: the typed runs lint files of
 * `tests/fixtures`, whose ancestor is this plugin's own `package.json`.
 */
function fileInProject(manifests: Record<string, Record<string, string>>, file: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "postmortem-frontend-"));
  projects.push(root);
  mkdirSync(path.join(root, ".git"));
  for (const [folder, dependencies] of Object.entries(manifests)) {
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, folder, "package.json"), JSON.stringify({ name: folder || "app", dependencies }));
  }
  return path.join(root, file);
}
const projects: string[] = [];
afterAll(() => {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
});

// dbgate packages/web/src/datagrid/ChangeSetGrider.ts: a grid's row cache, in the Svelte front end's package.
const rowCache = (imports = ""): string => `${imports}export class ChangeSetGrider {
  private rowDataCache = new Map<number, object>();
  constructor(private source: { getRow(index: number): object }) {}
  getRowData(index: number) {
    if (!this.rowDataCache.has(index)) this.rowDataCache.set(index, { ...this.source.getRow(index) });
    return this.rowDataCache.get(index);
  }
}`;
const rowCacheError = (imports = "") => ({
  messageId: "unboundedCacheKeyed" as const,
  line: 2 + imports.split("\n").length - 1,
  column: 26,
  data: { name: "this.rowDataCache", where: "`getRowData()`", line: String(5 + imports.split("\n").length - 1), owner: "class `ChangeSetGrider`", key: "index", creation: "new Map<number, object>()" },
  // The import goes after the file's own imports.
  suggestions: [{ messageId: "suggestLruCache" as const, output: `${imports}${IMPORT}${rowCache().replace("new Map<number, object>()", `new LRUCache<number, object>(${LRU.slice(13)}`)}` }],
});

new RuleTester().run("no-unbounded-cache (project)", rule, {
  valid: [
    // dbgate's packages/web: its package.json declares Svelte and nothing that runs a server.
    { code: rowCache(), filename: fileInProject({ "packages/web": { svelte: "^4.2.0", "dbgate-datalib": "^7.0.0" } }, "packages/web/src/datagrid/ChangeSetGrider.ts") },
    // densarfo13's agripilot: a Vite and React app at the root, its server in a package of its own.
    { code: rowCache(), filename: fileInProject({ "": { react: "^18.2.0", "react-dom": "^18.2.0" }, server: { express: "^4.19.0" } }, "src/services/voiceService.ts") },
  ],
  invalid: [
    // Valid neighbours (front-end packages): a package that also runs a server, one that declares React without a page renderer, the server's own package, a file that reads the disk.
    { code: rowCache(), filename: fileInProject({ "packages/web": { svelte: "^4.2.0", express: "^4.19.0" } }, "packages/web/src/grid.ts"), errors: [rowCacheError()] },
    { code: rowCache(), filename: fileInProject({ "": { react: "^18.2.0" } }, "src/grid.ts"), errors: [rowCacheError()] },
    { code: rowCache(), filename: fileInProject({ "": { react: "^18.2.0", "react-dom": "^18.2.0" }, server: { express: "^4.19.0" } }, "server/src/grid.ts"), errors: [rowCacheError()] },
    { code: rowCache('import fs from "node:fs";\n'), filename: fileInProject({ "": { "react-dom": "^18.2.0" } }, "src/grid.ts"), errors: [rowCacheError('import fs from "node:fs";\n')] },
  ],
});
