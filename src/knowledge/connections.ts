/**
 * How connection-owning clients (kinds with `ownsConnections: true`) are set up, wrapped and
 * closed, beyond what each library's kinds say. Data only: `src/analysis/client-creation.ts`
 * and `src/analysis/escape.ts` read it.
 */

/**
 * Factories that can be handed an existing client instead of opening their own connections:
 * `drizzle(pool)`, `drizzle({ client: pool })`, `new Kysely({ dialect })`,
 * `new PrismaClient({ adapter })`. Keyed by the factory's kind id.
 */
export interface AdoptionKnowledge {
  /** The first argument itself may be a client (`drizzle(pool)`); a string is a connection URL. */
  readonly positional?: boolean;
  /** Option keys of the first argument that hold an existing client, dialect or adapter. */
  readonly optionKeys: readonly string[];
}

export const CLIENT_ADOPTION: Readonly<Record<string, AdoptionKnowledge>> = {
  "drizzle.factory": { positional: true, optionKeys: ["client"] },
  "kysely.Class": { optionKeys: ["dialect", "executor"] },
  "prisma.ClientClass": { optionKeys: ["adapter"] },
};

/** Option keys, inside an adopted dialect or adapter, that hold the pool it wraps. */
export const ADOPTED_POOL_KEYS: readonly string[] = ["pool", "client", "database", "connection"];

/** Methods every connection-owning client has that set it up without running anything. */
export const EVENT_METHODS: readonly string[] = ["on", "once", "addListener", "off", "removeListener", "removeAllListeners", "setMaxListeners"];

/** Events whose listeners only report on the client (`client.on("error", log)`): registering one is set-up, not a reason to live on. */
export const PASSIVE_EVENTS: readonly string[] = ["error", "connect", "end", "close", "reconnecting", "warning", "notice", "drain"];

/**
 * Methods that make a client a long-lived listener: a subscriber, a change stream, a listener
 * for any event not in PASSIVE_EVENTS. Such a client is meant to outlive the call that made it.
 */
export const LISTENER_METHODS: readonly string[] = ["subscribe", "psubscribe", "pSubscribe", "ssubscribe", "sSubscribe", "SUBSCRIBE", "PSUBSCRIBE", "watch"];

/**
 * Methods of a connection-owning kind that open or check the connection without using it for
 * work (`client.connect()` on a pg Client, `prisma.$connect()`). Keyed by kind id. Methods
 * whose result is the same client (`createClient().connect()`, `dataSource.initialize()`) are
 * found through the kind's `returns` and need not be listed.
 */
export const SETUP_METHODS: Readonly<Record<string, readonly string[]>> = {
  "pg.client": ["connect"],
  "mysql2.connection": ["connect"],
  "prisma.client": ["$connect", "$on", "$use"],
  "sequelize.instance": ["authenticate"],
  "ioredis.client": ["connect"],
  "mongoose.connection": ["openUri"],
};

/** `SELECT 1`: a query that only checks that a connection works (a client that runs nothing else is a connectivity check). */
export const PROBE_QUERY = /^\s*select\s+1\s*;?\s*$/iu;

/** `CREATE DATABASE …`: the statement that provisions a database, at installation or start-up. */
export const DATABASE_CREATION = /^\s*create\s+database\b/iu;
