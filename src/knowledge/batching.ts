/**
 * How a query asks for many rows at once: the forms that make a query inside a loop a batched
 * one (one query per chunk) rather than one query per element. Data only;
 * `src/analysis/query-shape.ts` reads it.
 */

/**
 * SQL text that takes a list as one parameter: `= ANY($1)`, `IN (?)`, `IN (:...ids)`,
 * `unnest($1)`. An interpolation in a template literal reads as `?`. `IN ('a', 'b')` with
 * literals is not a batch.
 */
export const BATCHED_SQL: readonly RegExp[] = [
  /=\s*any\s*\(/iu,
  /\bin\s*\(\s*(?:\?|\$\d+|:{1,2}(?:\.{3})?\w+|@\w+)/iu,
  /\bunnest\s*\(/iu,
  /\bin\s+unnest\b/iu,
];

/** Object keys whose value is a list of values to match: prisma `{ in }`, MongoDB `$in`. */
export const BATCHED_KEYS: readonly string[] = ["in", "$in", "hasSome", "$all"];

/** Computed keys `[Op.in]` (sequelize): the member's property name. */
export const BATCHED_COMPUTED_KEYS: readonly string[] = ["in"];

/** Functions that build a list condition: typeorm `In(ids)`, drizzle `inArray(col, ids)`. */
export const BATCHED_FUNCTIONS: readonly string[] = ["In", "inArray", "Any", "ArrayContains"];

/**
 * Builder methods that filter by a list (knex `whereIn`, typeorm `whereInIds`) or load through a
 * batching loader (DataLoader `load`, `loadMany`).
 */
export const BATCHED_METHODS: readonly string[] = [
  "whereIn",
  "orWhereIn",
  "andWhereIn",
  "whereInIds",
  "andWhereInIds",
  "orWhereInIds",
  "load",
  "loadMany",
];

/** Operator arguments of a builder's `where(column, operator, value)`: kysely `'in'`. */
export const BATCHED_OPERATORS: readonly string[] = ["in", "IN"];

/**
 * Builder methods whose arguments name a table, not a value: the table of a per-table loop
 * (`for (const t of tables) await knex(t).del()`) is a different statement per element.
 */
export const TABLE_ARGUMENT_METHODS: readonly string[] = [
  "from",
  "into",
  "table",
  "selectFrom",
  "insertInto",
  "updateTable",
  "deleteFrom",
  "replaceInto",
  "mergeInto",
  "withSchema",
  "getRepository",
  "createQueryBuilder",
  // MongoDB's `db.collection(name)` (beekeeper-studio's rows per collection).
  "collection",
  // A model by its name, Sequelize's `sequelize.model(name)` and Mongoose's `connection.model(name)`
  // (Forest Admin's replica truncates the model of each collection of its schema).
  "model",
];

/**
 * SQL text around an interpolation that names a table or column, not a value: the preceding
 * text ends with one of these keywords (`TRUNCATE ${table}`, `FROM "${schema}".`).
 */
export const SQL_IDENTIFIER_CONTEXT = /(?:\b(?:from|join|into|update|table|truncate|exists|schema|database|index|view|sequence|analyze|vacuum|alter|drop|create|grant|on|using)\s*|["`.])$/iu;

/**
 * Methods that wrap SQL text as it is, to be sent as a statement (drizzle's and kysely's
 * `sql.raw(text)`, Prisma's `Prisma.raw(text)`): `execute(sql.raw(statement))` sends `statement`.
 */
export const RAW_SQL_METHODS: readonly string[] = ["raw"];
/**
 * Methods of an ORM that send the SQL text given as their first argument (Prisma's raw queries,
 * `prisma.$executeRaw(Prisma.raw(ddl))`): its interpolations may name a table, as a driver's do.
 */
export const ORM_SQL_TEXT_METHODS: readonly string[] = ["$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe"];

/**
 * Methods that insert rows (anywhere in a builder chain: `db.insert(t).values(row)`): the
 * library's multi-row insert takes a value per row, so per-row values need no other form.
 */
export const INSERT_METHODS: readonly string[] = ["create", "createMany", "insert", "insertOne", "insertMany", "insertInto", "bulkCreate", "values"];

/**
 * Methods that change rows the query matches (anywhere in a builder chain: `db("t").where(…).update(values)`,
 * `db.update(t).set(values)`): the library's update of all the keys at once fits them.
 */
export const UPDATE_METHODS: readonly string[] = ["update", "updateOne", "updateMany", "updateTable", "findByIdAndUpdate", "findOneAndUpdate"];

/** SQL that inserts rows. */
export const SQL_INSERT_VERB = /^\s*(?:\(\s*)?insert\b/iu;

/** The words that tell an `INSERT … SELECT` from an `INSERT … VALUES`. */
export const SQL_SELECT_WORD = /\bselect\b/iu;
export const SQL_VALUES_WORD = /\bvalues\b/iu;

/**
 * SQL that reads the first row by an order, as its last clause: `… ORDER BY ts DESC LIMIT 1`
 * (matrix-delivery's latest location of each bidding driver). A `LIMIT 1` in a subquery, or with
 * an offset, is no first row of the statement.
 */
export const SQL_FIRST_ROW = /\border\s+by\b[^;]*\blimit\s+1\s*;?\s*$/iu;

/** Methods that read the first row the query matches. */
export const FIRST_ROW_METHODS: readonly string[] = ["findOne", "findFirst"];

/** Methods chained on a query that order the rows it picks from (Mongoose's `findOne(…).sort(…)`), and the options that do (`{ sort }`, Prisma's `orderBy`). */
export const ORDER_METHODS: readonly string[] = ["sort", "orderBy"];

/** Methods that count the rows a query matches (Prisma's, Sequelize's and TypeORM's `count`, Mongoose's `countDocuments`, TypeORM's `countBy`, Knex's `count()` in a chain). */
export const COUNT_METHODS: readonly string[] = ["count", "countDocuments", "countBy"];

/** SQL that counts the rows it matches, with no grouping: `SELECT count(*) FROM comments WHERE post_id = $1`. */
export const SQL_COUNT = /^\s*select\s+count\s*\(/iu;
/** SQL that groups the rows it reads: a count with it is already one per group. */
export const SQL_GROUP_BY = /\bgroup\s+by\b/iu;

/** SQL that changes rows. */
export const SQL_UPDATE_VERB = /^\s*(?:\(\s*)?update\b/iu;

/** SQL that removes rows. */
export const SQL_DELETE_VERB = /^\s*(?:\(\s*)?delete\b/iu;

/**
 * SQL that takes or gives back a lock and reads nothing: Postgres advisory locks (`SELECT
 * pg_advisory_xact_lock($1)`, `pg_advisory_unlock($1)`), MySQL's `GET_LOCK(…)` and
 * `RELEASE_LOCK(…)` (fedify's MySQL queue, a lock per ordering key it tries), `LOCK TABLE`. Taken
 * once per element, in a sorted order, it is how code avoids deadlocks; no single query replaces it.
 */
export const SQL_LOCK_STATEMENT =
  /^\s*(?:select\s+(?:pg_catalog\s*\.\s*)?(?:pg_(?:try_)?advisory_(?:xact_)?lock(?:_shared)?|pg_advisory_unlock(?:_shared|_all)?|get_lock|release_lock)\s*\(|(?:un)?lock\s+tables?\b)/iu;

/**
 * SQL on a table of locks (`locking`, `locks`, `distributed_locks`): each row is one key's lock,
 * read, inserted, refreshed and deleted one key at a time as the advisory locks above are (medusa's
 * Postgres locking provider, `INSERT INTO locking (id, owner_id, expiration)` per key it acquires).
 */
export const SQL_LOCK_TABLE = /\b(?:from|into|update)\s+["`]?(?:\w+_)?lock(?:s|ing)?["`]?(?:\s|\(|;|$)/iu;

/**
 * SQL that marks, gives back or rolls back to a savepoint (`SAVEPOINT sp_1`, `RELEASE SAVEPOINT
 * sp_1`, `ROLLBACK TO SAVEPOINT sp_1`): salonbw's retail service runs each sold item's commission
 * in a savepoint of its own, so that one failure does not undo the sale. It names a unit of work
 * per element; no single statement replaces it.
 */
export const SQL_SAVEPOINT_STATEMENT = /^\s*(?:savepoint|release\s+(?:savepoint\s+)?\w|rollback\s+(?:work\s+|transaction\s+)?to\b)/iu;

/** SQL that starts as a read: a `SELECT`, or a `WITH` (one that writes names its table after `FROM` or `INTO`). */
export const SQL_SELECT_VERB = /^\s*(?:\(\s*)?(?:select|with)\b/iu;

/** The relations SQL text reads from: the name after each `FROM` and `JOIN`, with its schema. */
export const SQL_RELATION = /\b(?:from|join)\s+((?:"?\w+"?\s*\.\s*)?"?\w+"?)/giu;

/**
 * Relations of the database's catalog: `information_schema.tables`, `pg_catalog.*`, Postgres's
 * system views (`pg_tables`, `pg_indexes`, `pg_class`), SQLite's `sqlite_master`. Their rows
 * describe the schema: a query of them per element asks about a table or a column the code names
 * (matrix-delivery's start-up check that each of its tables exists), not about rows of data.
 */
export const SQL_CATALOG_RELATION =
  /^(?:"?(?:information_schema|pg_catalog)"?\s*\.|"?(?:pg_(?:tables|indexes|views|matviews|class|namespace|attribute|attrdef|constraint|index|type|proc|trigger|sequences?|extension|roles|database|settings|enum|description|depend|inherits)|sqlite_(?:master|schema))"?$)/iu;

/** SQL that opens a transaction on the client it is sent to. */
export const SQL_BEGIN = /^\s*(?:begin|start\s+transaction)\b/iu;

/** SQL that marks a savepoint in the transaction of the client it is sent to. */
export const SQL_SAVEPOINT = /^\s*savepoint\b/iu;

/** A function or method that opens a transaction on the client it is given: `startTransaction(connection)`, `conn.beginTransaction()`. */
export const TRANSACTION_OPENER = /^(?:start|begin)Transaction$/iu;

/**
 * A client's method that, called without a callback, opens a transaction and returns it
 * (node-firebird's `await connection.transaction()`, knex's `await knex.transaction()`). Given a
 * callback it runs the work itself, which is no set-up step.
 */
export const TRANSACTION_OBJECT_OPENER = "transaction";

/**
 * How a query is handed the unit of work it runs in, when the client it is sent on is a model or a
 * table: an option of an object it is given (Mongoose's and MongoDB's `{ session }`, Sequelize's
 * `{ transaction: t }`) or a link of its chain (Mongoose's `.session(s)`, knex's `.transacting(trx)`).
 */
export const UNIT_OF_WORK_OPTIONS: readonly string[] = ["session", "transaction"];
export const UNIT_OF_WORK_CHAIN_METHODS: readonly string[] = ["session", "transacting"];

/** SQL verbs that write. The first word of the SQL text decides, except after common table expressions (`SQL_WITH`). */
export const SQL_WRITE_VERB = /^\s*(?:\(\s*)?(?:insert|update|delete|merge|replace|upsert|truncate|alter|drop|create)\b/iu;

/** A statement that starts with common table expressions: its first word does not tell what it does (`WITH doomed AS (SELECT …) DELETE FROM …`). */
export const SQL_WITH = /^\s*(?:\(\s*)?with\b/iu;

/**
 * A data-modifying statement inside a `WITH` statement, as its main statement or as one of its
 * expressions (`WITH moved AS (DELETE FROM a … RETURNING *) INSERT INTO b SELECT …`): outside a
 * common table expression no subquery can hold one.
 */
export const SQL_WITH_WRITE = /\b(?:insert\s+into|update\s+[\w."]+(?:\s+(?:as\s+)?\w+)?\s+set|delete\s+from|merge\s+into)\b/iu;
export const SQL_WITH_DELETE = /\bdelete\s+from\b/iu;

/**
 * For SQL text sent to a client that could not be traced: the placeholder style tells which
 * driver's batched form to suggest (`$1` node-postgres, `?` mysql2).
 */
export const SQL_PLACEHOLDER_LIBRARIES: readonly { readonly placeholder: RegExp; readonly library: string }[] = [
  { placeholder: /\$\d/u, library: "pg" },
  { placeholder: /\?/u, library: "mysql2" },
];

/**
 * Options of a raw query that one library alone takes: SQL text sent with them is that library's,
 * whatever its receiver, and gets its batched form (develoddy's api_sequelize, on MySQL:
 * `sequelize.query("… WHERE module = :moduleKey", { replacements: { moduleKey } })`, whose
 * placeholders name no driver, was told to use node-postgres's `= ANY($1)`).
 */
export const SQL_OPTION_LIBRARIES: readonly { readonly options: readonly string[]; readonly library: string }[] = [{ options: ["replacements", "bind"], library: "sequelize" }];

/**
 * For SQL written in a library's tagged template (`tx.execute(sql\`UPDATE … ${id}\`)`, drmodun
 * tournament-app's rosters): the module the tag is imported from tells whose batched form to
 * suggest; its values are no placeholders of any driver. The module or one of its subpaths.
 */
export const SQL_TAG_LIBRARIES: readonly { readonly module: string; readonly library: string }[] = [{ module: "drizzle-orm", library: "drizzle" }];

/**
 * Calls that take a list of pending queries and send them as one batch: Prisma's
 * `$transaction([…])` runs the whole list in one transaction and is the library's own remedy
 * for per-row writes with different data.
 */
export const BATCH_SENDING_METHODS: readonly string[] = ["$transaction"];

/**
 * Packages of ORMs the knowledge base does not describe, whose method names overlap those of the
 * ones it does (MikroORM's `findOneOrFail`, Objection's `findById`): in a file importing one, a
 * method name alone no longer tells which library a call belongs to. Matched as a prefix.
 */
export const UNLISTED_ORM_MODULES: readonly string[] = ["@mikro-orm/", "objection", "bookshelf", "waterline", "@adonisjs/lucid"];
/**
 * A receiver named as a repository (`clientsRepository`, `userRepo`), or `this` in a class named
 * so (`UserToken_RedisRepository`): the application's data access object, whose `findById` is its
 * own method over whatever library it wraps (avinashjgtp10 salon_mgm_backend's repositories over
 * pg, FVJohnny's over Redis). Only TypeORM calls its own objects so
 * (`REPOSITORY_LIBRARIES`): there the method name still tells the library.
 */
export const REPOSITORY_NAME = /(?:^r|R)epo(?:sitory)?$/u;
export const REPOSITORY_LIBRARIES: readonly string[] = ["typeorm"];

/**
 * Names of a database handle (`db`, `tenantDb`, `client`, `tenantPrisma`, `conn`): a handle the loop
 * gets for each element sends each query to a database of its own. A row a query returned
 * (`user`, `order`) is no handle.
 */
export const DATABASE_HANDLE_NAME = /^(?:db|database|client|conn|connection|pool|prisma|knex|sequelize|dataSource|orm)$|(?:Db|DB|Database|Client|Conn|Connection|Pool|Prisma|Knex|Sequelize|DataSource|Orm)$/u;

/**
 * Packages whose calls go to another service: HTTP clients, payment, mail, messaging, language
 * models, object storage, blockchains (masumi's payment service builds and signs a transaction per
 * batch and records its hash before the submit). A write per element after an awaited call of one
 * of them records what that call did for the element (a refund issued, a mail sent, a file uploaded): it cannot wait
 * for the end of the loop, since a crash in between would forget effects already made, and the
 * other service's round trip, not the write's, sets the loop's time. `fetch` is the global's.
 */
export const EXTERNAL_SERVICE_PACKAGES: ReadonlySet<string> = new Set([
  "axios",
  "got",
  "ky",
  "node-fetch",
  "undici",
  "cross-fetch",
  "superagent",
  "stripe",
  "razorpay",
  "braintree",
  "nodemailer",
  "resend",
  "@sendgrid/mail",
  "mailgun.js",
  "postmark",
  "twilio",
  "web-push",
  "expo-server-sdk",
  "firebase-admin",
  "@slack/web-api",
  "openai",
  "@anthropic-ai/sdk",
  "@google/generative-ai",
  "@google/genai",
  "groq-sdk",
  "@mistralai/mistralai",
  "cloudinary",
  "@aws-sdk/client-s3",
  "@aws-sdk/client-ses",
  "@aws-sdk/client-sesv2",
  "@aws-sdk/client-sns",
  "@aws-sdk/client-sqs",
  "@google-cloud/storage",
  "@azure/storage-blob",
  "@meshsdk/core",
  "@blockfrost/blockfrost-js",
  "ethers",
  "viem",
  "@solana/web3.js",
]);

/**
 * Names of the application's own modules that wrap one of `EXTERNAL_SERVICE_PACKAGES`, by their
 * last segment (`@/lib/resend`, `../lib/stripe`, `./openai.client`, `services/s3.service`):
 * papermark's `sendEmail` of `@/lib/resend` sends a mail through Resend. A module named after what
 * it does (`./notifications`, `./email`) may as well write a row, and is not one.
 */
export const EXTERNAL_SERVICE_MODULE_NAMES: ReadonlySet<string> = new Set([
  "axios",
  "stripe",
  "razorpay",
  "braintree",
  "paypal",
  "nodemailer",
  "resend",
  "sendgrid",
  "mailgun",
  "postmark",
  "twilio",
  "web-push",
  "webpush",
  "openai",
  "anthropic",
  "groq",
  "cloudinary",
  "s3",
  "ses",
  "sns",
  "sqs",
]);

/** Suffixes a wrapper module's name may add to the package's (`stripe.service`, `openai-client`). */
export const SERVICE_MODULE_SUFFIX = /[.-](?:service|client|server|config|lib|util|utils|helper|helpers)$/u;

/** The global function whose calls go to another service. */
export const EXTERNAL_SERVICE_GLOBALS: readonly string[] = ["fetch"];

/**
 * A value of a write computed from the row's own (`trx.raw("available_quantity - ?", [n])`,
 * `literal("stock - 1")`): SQL text that adds to or subtracts from a column.
 */
export const RELATIVE_SQL_VALUE = /[A-Za-z_][\w."`]*\s*[-+]\s*(?:\?|\$\d|:\w|\d)/u;

/** SQL text that sets a column from its own value: `UPDATE t SET stock = stock - $1 WHERE id = $2`. */
export const RELATIVE_SQL_SET = /\bset\b[^;]*?\b(\w+)\s*=\s*\1\s*[-+]/iu;

/** Builder methods that change a column by an amount (Knex and Sequelize `increment`, `decrement`). */
export const RELATIVE_WRITE_METHODS: readonly string[] = ["increment", "decrement"];

/** Functions and methods whose argument is SQL text that becomes a value (`knex.raw`, Sequelize `literal`). */
export const RAW_VALUE_FUNCTIONS: readonly string[] = [...RAW_SQL_METHODS, "literal"];

/** Per-row changes relative to each row's value, in one statement of any SQL dialect: for libraries whose per-row form is an upsert. */
export const RELATIVE_PER_ROW_WRITE_FORM = "one `UPDATE … SET x = x - CASE id WHEN ? THEN ? … END WHERE id IN (…)` statement (an upsert would overwrite the rows, not change them)";
