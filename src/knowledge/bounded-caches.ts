import { STRING_RESULT_METHODS } from "./builtins.js";

/**
 * In-memory collections and caches: which methods look a key up, store one or remove one, which
 * cache libraries bound themselves (and with which options), and how to bound a Map. Data only;
 * `src/analysis/long-lived-collection.ts` reads it.
 */

/** The methods of a collection, by what they do to its entries. */
export interface CollectionProtocol {
  /** Read one key: `map.get(key)`, `set.has(key)`. The key is the first argument. */
  readonly lookups: readonly string[];
  /** Add an entry: `map.set(key, value)`, `set.add(key)`, `array.push(item)`. */
  readonly stores: readonly string[];
  /** Remove entries: `delete`, `clear`, `splice`. */
  readonly shrinks: readonly string[];
  /** The property that counts the entries (`size`, `length`); compared, it bounds the collection. */
  readonly sizeProperty?: string;
  /** A store with an argument at this index gives the entry a time to live (`cache.set(k, v, ttl)`). */
  readonly storeTtlArg?: number;
}

export type CollectionShape = "map" | "set" | "object" | "array" | "library";

export const MAP_PROTOCOL: CollectionProtocol = { lookups: ["get", "has"], stores: ["set"], shrinks: ["delete", "clear"], sizeProperty: "size" };
export const SET_PROTOCOL: CollectionProtocol = { lookups: ["has"], stores: ["add"], shrinks: ["delete", "clear"], sizeProperty: "size" };
/** Plain objects used as maps: only `hasOwnProperty` is a method; the rest is syntax. */
export const OBJECT_PROTOCOL: CollectionProtocol = { lookups: ["hasOwnProperty"], stores: [], shrinks: [] };
export const ARRAY_PROTOCOL: CollectionProtocol = {
  lookups: ["includes", "indexOf", "find", "findIndex", "some"],
  stores: ["push", "unshift"],
  shrinks: ["pop", "shift", "splice"],
  sizeProperty: "length",
};

/** The methods that add an entry to a Map, a Set or an array: a value given to one is kept by the collection. */
export const COLLECTION_STORE_METHODS: readonly string[] = [...MAP_PROTOCOL.stores, ...SET_PROTOCOL.stores, ...ARRAY_PROTOCOL.stores];

/** The global constructors whose instances grow without bound, by the shape they make. */
export const UNBOUNDED_CONSTRUCTORS: Readonly<Record<string, CollectionShape>> = { Map: "map", Set: "set" };

/** Global constructors whose entries go away with their keys: never reported. */
export const WEAK_CONSTRUCTORS: readonly string[] = ["WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry"];

/**
 * Functions that only read a plain object passed to them (`Object.keys(cache)`), and those that
 * look one key up in it (`Object.hasOwn(cache, key)`; the key is the second argument).
 */
export const OBJECT_READERS: readonly string[] = [
  "Object.keys",
  "Object.values",
  "Object.entries",
  "Object.getOwnPropertyNames",
  "Object.freeze",
  "JSON.stringify",
  "Array.from",
  "Array.isArray",
  "console.log",
  "console.debug",
  "console.info",
];
/** The readers of `OBJECT_READERS` that list a plain object's entries: `Object.keys(cache).length` is its entry count. */
export const OBJECT_ENTRY_LISTS: readonly string[] = ["Object.keys", "Object.values", "Object.entries", "Object.getOwnPropertyNames"];
export const OBJECT_KEY_LOOKUPS: readonly string[] = ["Object.hasOwn", "Reflect.has", "Object.prototype.hasOwnProperty.call", "{}.hasOwnProperty.call"];

/** A cache library: its module, the names it exports for the cache class, and how it is bounded. */
export interface CacheLibrary {
  readonly module: string;
  /** Export names of the cache class (`default` for a default export). */
  readonly exports: readonly string[];
  /** `always`: the library requires or applies a bound. Otherwise one of these options bounds it. */
  readonly bounded: "always" | { readonly limitOptions: readonly string[]; readonly protocol: CollectionProtocol };
}

export const CACHE_LIBRARIES: readonly CacheLibrary[] = [
  // lru-cache 7+ throws unless one of max, maxSize or ttl is given.
  { module: "lru-cache", exports: ["default", "LRUCache", "LRU"], bounded: "always" },
  { module: "quick-lru", exports: ["default"], bounded: "always" },
  { module: "@isaacs/ttlcache", exports: ["default", "TTLCache"], bounded: "always" },
  { module: "mnemonist/lru-cache", exports: ["default"], bounded: "always" },
  { module: "tiny-lru", exports: ["lru", "LRU", "default"], bounded: "always" },
  {
    // node-cache keeps entries forever unless stdTTL or maxKeys is set, or set() is given a ttl.
    module: "node-cache",
    exports: ["default", "NodeCache"],
    bounded: {
      limitOptions: ["stdTTL", "maxKeys"],
      protocol: { lookups: ["get", "has"], stores: ["set"], shrinks: ["del", "take", "flushAll", "ttl", "mdel"], storeTtlArg: 2 },
    },
  },
];

/**
 * Methods that write a log line or a process warning (`logger.warn(…)`, `console.warn(…)`,
 * `process.emitWarning(…)`): a Set filled only next to one of them makes a warning appear once
 * per key, it caches nothing.
 */
export const LOG_METHODS: readonly string[] = ["warn", "warning", "error", "info", "notice", "log", "debug", "trace", "emitWarning"];

/** The receivers of those methods that write logs: `console`, `process`, and names with `log` (`logger`, `this.log`, `Logger`), not `audit`. */
export const LOGGER_NAME = /^(?:console|process)$|log/iu;

/**
 * Functions that fill a registry rather than a cache: their keys come from code
 * (`register("pdf", handler)`, `app.use(...)`, `emitter.on("event", fn)`).
 */
export const REGISTRY_FUNCTION_NAMES: readonly string[] = [
  "register",
  "use",
  "on",
  "once",
  "addListener",
  "subscribe",
  "define",
  "provide",
  "bind",
  "mount",
  "plugin",
  "extend",
  "decorate",
  "install",
  "route",
  // Another registry's entries copied in (powertools' `merge(otherRegistry)` of handlers per error class).
  "merge",
];
/**
 * Prefixes of registry function names: `registerHandler`, `addRoute`, `defineModel`. Not `on`
 * (`onMessage` handles requests) nor `use` (hooks run per render).
 */
export const REGISTRY_FUNCTION_PREFIXES: readonly string[] = ["register", "add", "define", "provide", "declare", "set"];

/**
 * Prefixes that name a registration plainly enough to vouch for a helper only it calls
 * (redis-smq's `registerRouteWithValidation()` making validators per controller): not `add` or
 * `set`, which as often add data (livestore's `addNode()` of a span per trace).
 */
const PLAIN_REGISTRATION_PREFIXES: readonly string[] = ["register", "define", "declare"];

/** `register`, `registerRoute`, `_defineModel`: a registration by a plain name (`PLAIN_REGISTRATION_PREFIXES`). */
export function isPlainRegistrationName(raw: string): boolean {
  return isNamedAs(raw, PLAIN_REGISTRATION_PREFIXES, PLAIN_REGISTRATION_PREFIXES);
}

/**
 * A registry function's name: one of `REGISTRY_FUNCTION_NAMES`, or a prefix of them before a
 * capital (`addRoute`), also behind the underscores of an internal method (langgraph's `_addSchema`).
 */
export function isRegistryName(raw: string): boolean {
  return isNamedAs(raw, REGISTRY_FUNCTION_NAMES, REGISTRY_FUNCTION_PREFIXES);
}

/** One of `names`, or one of `prefixes` before a capital or an underscore, after any leading underscores. */
function isNamedAs(raw: string, names: readonly string[], prefixes: readonly string[]): boolean {
  const name = raw.replace(/^_+/u, "");
  if (names.includes(name)) return true;
  return prefixes.some((prefix) => name.startsWith(prefix) && /^[A-Z_]/u.test(name.slice(prefix.length)));
}

/**
 * Methods that hand over a class or a function of the code, whose `name` is one of the code's
 * names: NestJS's `ExecutionContext` gives a request's controller class (`getClass()`) and handler
 * method (`getHandler()`); Jackela AI-Recruitment-Clerk's interceptors keep a circuit breaker per
 * `${controller.name}.${handler.name}`.
 */
export const CODE_OBJECT_METHODS: readonly string[] = ["getClass", "getHandler"];
/**
 * Types of classes (constructors): a collection keyed by one holds an entry per class the code
 * declares (nestjs-query's filter types per DTO class, `new Map<Class<unknown>, …>()`). `Type`
 * (NestJS) only with a type argument, as `Type<T>`.
 */
export const CLASS_TYPE_NAMES: readonly string[] = ["Class", "ClassType", "Constructor", "Newable", "AbstractType", "AbstractClass", "AnyClass"];
export const CLASS_TYPE_NAMES_WITH_ARGUMENT: readonly string[] = ["Type"];

/**
 * Constructor parameters that hand an object one request: the request itself or its session. An
 * object made with one keeps it, and lives as long as the request. Not `ctx` or `context`: huly's
 * `MeasureContext`, Hexo's `ctx` and a plugin's context live as long as the process.
 */
export const REQUEST_SCOPE_NAMES: readonly string[] = ["request", "req", "session"];
/**
 * A constructor parameter that hands an object one client's connection (`socket`, `userSocket`,
 * `clientSocket`): an object made with one lives as long as the connection, as a player's state in
 * niyueling tianle-game-server (`constructor(userSocket, room, rule)`). Not `ws` or `io`, often the server.
 */
export const CONNECTION_SCOPE_NAME = /^(?:socket|[a-z][A-Za-z\d]*Socket)$/u;
/**
 * A constructor parameter that names one run of something (`executionId`, `runId`): an object made
 * with one works for that run, as atlas-fitness's `new WorkflowExecutor(workflow, executionId)` and
 * its set of the nodes it has run. Not `jobId`: a job may be a definition a scheduler keeps.
 */
export const RUN_SCOPE_NAME = /^(?:execution|run|invocation)Id$/u;

/**
 * Types, by module, of what a framework hands one request or one invocation: a constructor
 * parameter declared one (`azureContext: Context` of `@azure/functions`, in the NHS innovation
 * service's notification handlers) makes an object for that request, as REQUEST_SCOPE_NAMES do.
 * Only imports count: a `Context` of the application's own may live as long as the process.
 */
export const REQUEST_SCOPE_TYPES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    "@azure/functions": ["Context", "InvocationContext", "HttpRequest"],
    "aws-lambda": ["Context", "APIGatewayProxyEvent", "APIGatewayProxyEventV2"],
    express: ["Request", "Response"],
    fastify: ["FastifyRequest", "FastifyReply"],
    hono: ["Context"],
    koa: ["Context", "ParameterizedContext", "Request"],
    "next/server": ["NextRequest"],
  }),
);

/**
 * Names of factories whose values are connections to an endpoint (`createClient`,
 * `buildOrgClickhouseClient`, `getConnection`, `new Agent()`, huly's
 * `new RoutedNetworkAgentConnectionImpl(…)`) or handles on a table (`getRepository`, MongoDB's
 * `db.collection(name)`), or loggers (matrix-appservice-irc's `createLogger(nameOfLogger)`, one
 * per component): a map of them keyed by endpoint, table or component is a set of pools, handles
 * or loggers, one per configured host, table or module, not a cache of request data. Not a
 * `Provider`: nocobase's OpenID provider per issuer is made from the request's `Host`.
 */
export const RESOURCE_FACTORY_NAME = /(?:client|connection|pool|repository|collection|driver|transport|agent|logger)s?(?:Impl)?$/iu;

/**
 * Modules (or prefixes of them) of cloud and search SDKs whose classes are clients with
 * connections of their own (`new S3(options)` of `@aws-sdk/client-s3`, `new Client(…)` of
 * `@elastic/elasticsearch`): a map of them keyed by their options is one client per configuration
 * (webiny's `createS3`).
 */
export const SDK_CLIENT_MODULE_PREFIXES: readonly string[] = ["@aws-sdk/client-", "@elastic/elasticsearch", "@opensearch-project/opensearch"];

/**
 * Job classes, by package and export (`default` also stands for a CommonJS `require` of the
 * package itself): job queues whose instances hold database connections of their own (Redis,
 * PostgreSQL, MongoDB), so that a map of them keyed by queue name or connection string is one
 * client per queue or database the code defines (inbox-zero `getBullmqQueue`, pg-boss's dashboard
 * `getInstance`); and scheduled jobs, whose map keeps each running job to stop it, and would leave
 * it running if an LRU cache dropped it (blood-donation-center-be's `scheduledJobs` per job
 * configuration, `new cron.CronJob(…)`).
 */
export const JOB_CONSTRUCTORS: Readonly<Record<string, readonly string[]>> = {
  bullmq: ["Queue", "Worker", "QueueEvents", "FlowProducer"],
  bull: ["default"],
  "bee-queue": ["default"],
  "pg-boss": ["PgBoss", "default"],
  agenda: ["Agenda", "default"],
  cron: ["CronJob"],
};

/**
 * Calls that return the path of a file that exists, or throw, by module and member path (`""`:
 * a global): `require.resolve(name)`, the `resolve` package's `resolve.sync`, `fs.realpathSync`,
 * `fs.promises.realpath` (and `import.meta.resolve`). A cache keyed by one holds at most one
 * entry per file on disk (etherpad's compiled templates, keyed by `resolve.sync(name, …)`).
 */
const FS_REALPATH = ["realpathSync", "realpathSync.native", "promises.realpath"];
export const EXISTING_PATH_RESOLVERS: Readonly<Record<string, readonly string[]>> = {
  "": ["require.resolve"],
  resolve: ["sync", "default.sync"],
  fs: [...FS_REALPATH, ...FS_REALPATH.map((path) => `default.${path}`)],
  "node:fs": [...FS_REALPATH, ...FS_REALPATH.map((path) => `default.${path}`)],
  "fs/promises": ["realpath", "default.realpath"],
  "node:fs/promises": ["realpath", "default.realpath"],
};

/**
 * Constructors of the global `Intl` whose instances are made for a locale and a time zone
 * (`new Intl.DateTimeFormat("en-US", { timeZone })`): a map of them holds one per locale, zone
 * and option set, a domain the platform bounds, and exists because creating one is slow.
 */
export const PER_LOCALE_CONSTRUCTORS: { readonly global: string; readonly names: readonly string[] } = {
  global: "Intl",
  names: ["DateTimeFormat", "NumberFormat", "Collator", "PluralRules", "RelativeTimeFormat", "ListFormat", "Segmenter", "DisplayNames", "DurationFormat", "Locale"],
};

/**
 * Key names that come from code, not from requests: a memo keyed by a logger name or an event
 * type holds one entry per name written in the source, so it stays small. Also names of keys the
 * operating system hands out from a small recycled range (`process.pid`, a port, a signal), and the
 * types of a database's catalog (`oid`).
 */
export const CODE_KEY_NAMES: readonly string[] = [
  "name",
  "type",
  "kind",
  "namespace",
  "ns",
  // socket.io's namespace (`io.of(nsp)`, the client manager's socket per `nsp`).
  "nsp",
  "module",
  "moduleName",
  // A module of a bundle, one of those the bundler wrote into it (webpack's `__webpack_module_cache__[moduleId]`).
  "moduleId",
  "label",
  // A mail label the code files messages under (pb-webhook-server's Gmail label ids per `labelName`, "CC Outreach").
  "labelName",
  "message",
  "msg",
  "event",
  "eventName",
  "eventType",
  "channel",
  "topic",
  "tag",
  "tagName",
  "locale",
  // One of the IANA time zones (Forest Admin's set of time zones a request named and Intl accepted).
  "timezone",
  "timeZone",
  "tz",
  // A cloud region, one of a provider's short list (unsend's email queues per region).
  "region",
  "lang",
  "language",
  "level",
  // A logger's category, named where the logger is asked for (subql's child loggers per `category`).
  "category",
  "env",
  "environment",
  "plugin",
  "pluginName",
  "driver",
  "dialect",
  // A SQL dialect by name, one of those the code supports (malloy's function namespaces per `dialectName`).
  "dialectName",
  "modelName",
  "entityName",
  // An entity or alias a query starts from, named in the code (medusa's remote-query joiner configs per `entryPoint`, stored only for an alias a module declares).
  "entryPoint",
  // A type of a schema (squid's GraphQL input types built per `typeName` of the schema).
  "typeName",
  // An ORM's metadata of an entity class (mikro-orm's compiled comparators and mappers per `meta`).
  "meta",
  "metadata",
  "tableName",
  // A proxy's URL, from the configuration (e2b's fetch functions, each with its own dispatcher, per `proxy`).
  "proxy",
  // A database's connection string, from the configuration (vercel storage's Edge Config getters per `connectionString`).
  "connectionString",
  // A schema of the database (powersync's parsed sync configs per `options.defaultSchema`).
  "schema",
  "schemaName",
  "defaultSchema",
  "className",
  "componentName",
  "command",
  "format",
  "pattern",
  "file",
  "filename",
  "fileName",
  "filePath",
  "filepath",
  "dir",
  "directory",
  "template",
  "templateName",
  "templatePath",
  "view",
  "viewName",
  // A template file of the application (Ts.ED's resolved view paths per `viewPath`).
  "viewPath",
  // A service framework's own names (moleculer's tracer per service, statistics per action).
  "serviceName",
  // A metric the code records by name (arslan9024 whatsapp-bot-linda's PerformanceMonitor, samples per `metricName`: "messageLatency").
  "metricName",
  // A part of the system a health check names (Megagig pharmacy-monorepo's alert counts per `result.service`: "database", "cache").
  "service",
  "actionName",
  "icon",
  "iconName",
  "font",
  "color",
  "feature",
  // A feature flag by its name in the code (Megagig pharmacy-monorepo's evaluation metrics per `featureName`).
  "featureName",
  "flag",
  "provider",
  // An OAuth provider a plugin is built for (grouparoo's token getters per `providerName`, `"hubspot"`).
  "providerName",
  // A platform the deployment is configured for (hpi-schul-cloud notification-service's config per `platformId || 'default'`), or a client's (`"ios"`, `"web"`).
  "platform",
  "platformId",
  "strategy",
  "method",
  // A function's own name (audiobookshelf's profiler histograms per `funcName = asyncFunc.name`).
  "funcName",
  "functionName",
  "fnName",
  "methodName",
  // An HTTP status, or a record's status from a short list (supabase storage's metric labels per `statusCode`).
  "status",
  "statusCode",
  "httpStatus",
  "selector",
  "symbol",
  "pid",
  "port",
  "signal",
  // A signing key's id in an issuer's key set, a few per issuer (midday's Plaid webhook keys per `kid`, stored only when Plaid returns one).
  "kid",
  // An identity provider's issuer URL, one per provider the application is configured with (supertokens-node's OIDC discovery documents per `issuer`).
  "issuer",
  // A type of the database's catalog (sequelize's Postgres type parsers, keyed by type oid).
  "oid",
  // A blockchain network, one of those the application is configured for (ponder's encoded chain ids).
  "chainId",
  "networkId",
  // hop's chain bridges and databases per `chainSlug` (`"ethereum"`, `"optimism"`).
  "chain",
  "chainSlug",
  // subql's network packages per `network` family, snapshot's block numbers per `network`.
  "network",
  // illuvium-pg-backend-node's last processed block per `networkName` of its configured chains.
  "networkName",
  // A job queue the code names (JairAlves007 delivery-app-backend's `BaseQueue.getInstance(queueName)`, one bullmq queue per name).
  "queueName",
  // A shard of a Discord bot or a cluster, one of the count it is configured with (skyra's member fetch queues per `shardId`).
  "shardId",
  // miracle-auction-platform's Redis connection pools per `shard` (`productId % auctionRedisShardCount`).
  "shard",
  // A country or a currency by its ISO code, one of about 250 or 180 (helloviza's primary city per `countryCode`).
  "country",
  "countryCode",
  "currency",
  "currencyCode",
  // A named cache or store the code asks for (movies-telegram-bot's Mongo-backed caches per `cacheName`: "info", "source", "search").
  "cacheName",
  // A user's role, one of those the application defines (it-job-portal's chat quota policy per `roleName`).
  "role",
  "roleName",
];

/**
 * The name of a class that stands in for a real one in tests and local runs (`FakeImageStorageService`
 * of sqwoz-hrov's lms-backend, `MockMailer`, `StubClock`): the prefix, then a capital, a digit or `_`.
 * Not a word that only starts so (`Mockingbird`, `Fakery`).
 */
export const TEST_DOUBLE_CLASS_NAME = /^(?:Fake|Mock|Stub|Dummy)[A-Z\d_]/u;

/**
 * A key named as a kind of something (`emailTemplateType`, `entityType`, `limitType`): one of the
 * kinds the code defines. Not the type of a payload a client sends (`contentType`, `mimeType`,
 * `mediaType`), which is any string the request carries.
 */
export const CATEGORY_KEY_NAME = /^(?!content|mime|media)[a-z][A-Za-z\d]*Type$/u;

/**
 * Methods of a string (and a list's `join`) whose result is made from the receiver and the
 * arguments alone: called on a code key with code keys, they give a code key (chat-ui's
 * `tagName.toLowerCase()`). Any other method of a value named like one (gitpod's
 * `status.getId()`, a status object's id) may return anything. The string methods, and `slice`
 * and `concat`, which lists share.
 */
export const KEY_DERIVING_METHODS: readonly string[] = [...STRING_RESULT_METHODS, "slice", "concat"];

/** A table of the database, by its name (`table`, `sourceTable`, `this.targetTable`): a key from one is one per table of the schema. */
export const TABLE_NAME = /^(?:t|\w+T)able$/u;
/** A constant's name by convention, all capitals (`MAX_DEPTH`, `PROGRESS_EVERY`, `DEFAULTS`). */
export const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/u;

/** Array methods whose callbacks run right away: called by module-level code, they run at import time. */
export const IMPORT_TIME_CALLBACK_METHODS: readonly string[] = ["forEach", "map", "flatMap", "filter", "reduce", "some", "every", "find"];

/** Methods a framework calls on its own (so a shrink in them runs even if no code calls them). */
export const LIFECYCLE_METHODS: readonly string[] = [
  "constructor",
  "onModuleDestroy",
  "onApplicationShutdown",
  "beforeApplicationShutdown",
  "onModuleInit",
  "componentWillUnmount",
  "componentDidUpdate",
  "disconnectedCallback",
  "ngOnDestroy",
  "ngOnChanges",
  "beforeDestroy",
  "beforeUnmount",
  "destroyed",
  "unmounted",
  "dispose",
  "destroy",
  "close",
  "shutdown",
  "teardown",
  "handle",
];

/** The bounded replacement for an unbounded Map, for suggestions and messages. */
export const LRU_REPLACEMENT = {
  module: "lru-cache",
  exportName: "LRUCache",
  options: "{ max: 1000, ttl: 10 * 60 * 1000 }",
} as const;

/** The weak counterpart of a collection, when its keys are objects, and the methods it keeps. */
export const WEAK_REPLACEMENTS: Readonly<Record<string, string>> = { Map: "WeakMap", Set: "WeakSet" };
export const WEAK_COLLECTION_METHODS: readonly string[] = ["get", "set", "has", "delete", "add"];

/**
 * Compilers and bundlers, and the compiler's wrapper for codemods (`ts-morph`). A module that
 * imports one runs in a build, an editor or a codemod (discord.js's api-extractor, its symbol
 * tables per declaration; ForumMagnum's `fixImports.ts`, its module resolutions per import), and
 * its memos end with the run.
 */
export const BUILD_TOOL_MODULES: readonly string[] = ["typescript", "ts-morph", "webpack", "rollup", "vite"];

/**
 * Modules of browser UI frameworks and client state stores. A module that imports one runs in a
 * tab, not in a server process that stays up for days: its memos are out of scope.
 */
export const BROWSER_MODULES: readonly string[] = [
  "react",
  "react-dom",
  "react-native",
  "preact",
  "mobx",
  "mobx-react",
  "mobx-react-lite",
  "vue",
  "svelte",
  "solid-js",
  "@angular/core",
  "zustand",
  "redux",
  "@reduxjs/toolkit",
  "jotai",
  "recoil",
  // Component libraries (nocobase's theme editor reads antd's token list).
  "antd",
  "@ant-design/icons",
  "@mui/material",
  "@chakra-ui/react",
  "@formily/react",
  // UI libraries that build the page's DOM (grist's client: grainjs views, knockout models).
  "grainjs",
  "knockout",
  // Web components (CopilotKit's web inspector, a `LitElement` with sets of clicked banners).
  "lit",
  "lit-element",
  // Libraries that only run in a page: game engines, DOM and chart libraries.
  "phaser",
  "pixi.js",
  "jquery",
  "chart.js",
  "leaflet",
  // Editors that draw in a page (overleaf's CodeMirror theme caches).
  "@codemirror/view",
  "codemirror",
  "prosemirror-view",
  "monaco-editor",
  // Data-fetching hooks of a UI framework (ticketry's studio, its capability generations per project).
  "@tanstack/react-query",
  "@tanstack/vue-query",
  "@tanstack/solid-query",
  "swr",
  // A desktop app's web view talks to its native side through Tauri's API (ticketry's native viewer, its intents per run).
  "@tauri-apps/api",
];
/**
 * Globals that exist only in a browser. A module that uses one and never tests it with `typeof`
 * (which code that also runs on a server does) runs in a page.
 */
export const BROWSER_GLOBALS: readonly string[] = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "requestAnimationFrame",
  "customElements",
  "matchMedia",
  // Node has `Blob` and `File` but no `FileReader` (somprasongd hr-payroll's `web/src/services/`, a document cache read into data URLs).
  "FileReader",
  // A page's address and its audio (ever-gauzy's desktop agent: a preload script's decoded sounds per file).
  "location",
  "AudioContext",
];
/** Browser globals a server runtime defines too (Node 21 and later have `navigator`): reading one throws nowhere. */
export const SERVER_DEFINED_BROWSER_GLOBALS: readonly string[] = ["navigator"];
/**
 * Methods of a headless browser's page (Puppeteer, Playwright) that run the function they are
 * given in the page, not in the server that calls them: `page.evaluate(() => document.fonts.ready)`
 * in ai-job-portal's resume service, which renders PDFs and queries its database.
 */
export const PAGE_FUNCTION_METHODS: readonly string[] = ["evaluate", "evaluateHandle", "$eval", "$$eval", "waitForFunction", "evaluateOnNewDocument", "addInitScript"];
/**
 * Node built-ins that only a server process has: bundlers polyfill `events`, `buffer` or `path`
 * for a page, never these. A module under a `frontend/` directory that imports one runs on the
 * front end's server (Next.js API routes, a dev server's middleware).
 */
export const SERVER_BUILTINS: readonly string[] = ["fs", "child_process", "net", "tls", "dgram", "cluster", "worker_threads", "http", "https", "http2", "os", "v8", "vm", "readline"];
/**
 * Packages whose declaration makes a package a web front end: the runtime that renders a page in
 * a tab (`react-dom`, not `react`, which React Native and server renderers share).
 */
export const FRONTEND_PACKAGE_MARKERS: readonly string[] = ["react-dom", "vue", "svelte", "@angular/core", "solid-js", "preact"];
/**
 * Packages that make a package run a server, or a long-lived process of its own, whatever else it
 * declares: HTTP servers and frameworks, the meta-frameworks that render on a server (Next.js, Nuxt,
 * SvelteKit, Remix, Astro), a desktop or mobile shell, and database and cache clients.
 */
export const SERVER_PACKAGE_MARKERS: readonly string[] = [
  ...["express", "fastify", "koa", "@nestjs/core", "@hapi/hapi", "hapi", "restify", "hono", "@hono/node-server", "ws", "socket.io", "graphql-yoga", "@apollo/server", "apollo-server"],
  ...["next", "nuxt", "@sveltejs/kit", "@remix-run/node", "@remix-run/serve", "@react-router/node", "@react-router/serve", "astro", "gatsby", "@angular/ssr", "@nguniversal/express-engine", "vike", "vite-plugin-ssr", "@tanstack/react-start", "@analogjs/platform"],
  ...["electron", "react-native", "expo"],
  ...["pg", "mysql2", "mysql", "mongodb", "mongoose", "@prisma/client", "sequelize", "typeorm", "knex", "drizzle-orm", "kysely", "ioredis", "redis", "better-sqlite3", "sqlite3"],
];
/** Directives that mark a module as client code (React Server Components' `"use client"`). */
export const CLIENT_DIRECTIVES: readonly string[] = ["use client"];
/** File extensions of UI component modules. */
export const BROWSER_FILE_EXTENSIONS: readonly string[] = [".jsx", ".tsx", ".vue", ".svelte"];
