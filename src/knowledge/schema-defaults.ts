import { mongodb, mongoose } from "./mongo.js";
import { sequelize, typeorm } from "./orm.js";

/**
 * Schema defaults (INCIDENTS.md row 6): which values change on every call (the clock, random
 * ids), where a schema or model definition takes a field's default, and what form of default
 * each library evaluates once per row. Data only; `src/analysis/per-call-value.ts` and
 * `src/analysis/schema-default.ts` read it.
 */

// ---------------------------------------------------------------------------------------------
// Values computed per call
// ---------------------------------------------------------------------------------------------

export type PerCallCategory = "time" | "uuid" | "id" | "random" | "objectId" | "fake";

export interface PerCallSource {
  /** What one call yields, for messages: "the current time". */
  yields: string;
  category: PerCallCategory;
  /** `X()`, `new X()`, or both yield a fresh value. */
  via: "call" | "new" | "both";
  /** Only without arguments: `new Date(0)` and `moment("2020-01-01")` are constants. */
  onlyWithoutArguments?: boolean;
  /**
   * The function ignores its arguments and `this`, so its bare reference is a safe default
   * function (`Date.now`). `uuid.v4(options)` is not: mongoose would pass it the document.
   */
  takesNoArguments?: boolean;
  /** The value is a `Date`, as a database `CURRENT_TIMESTAMP` default would be. */
  yieldsDate?: boolean;
}

/** What an export (or a member of it, or what calling it returns) is. */
export interface SourceTree {
  source?: PerCallSource;
  members?: Readonly<Record<string, SourceTree>>;
  /** Every member not in `members` (`faker.person.firstName`). */
  anyMember?: SourceTree;
  /** What calling it returns (`customAlphabet(…)` returns an id generator). */
  returns?: SourceTree;
}

const now: PerCallSource = { yields: "the current time", category: "time", via: "call", takesNoArguments: true };
const uuid: PerCallSource = { yields: "a random UUID", category: "uuid", via: "call" };
const randomId: PerCallSource = { yields: "a random id", category: "id", via: "call" };
const idNoArgs: PerCallSource = { ...randomId, takesNoArguments: true };
// `new ObjectId("000000000000000000000001")` converts the id it is given (cadencelms_api's master department): only a bare one is new.
const objectId: PerCallSource = { yields: "a new ObjectId", category: "objectId", via: "both", onlyWithoutArguments: true };
const clockObject: PerCallSource = { yields: "the current time", category: "time", via: "call", onlyWithoutArguments: true };

const uuidExports: Record<string, SourceTree> = {
  v1: { source: { ...uuid, yields: "a time-based UUID" } },
  v4: { source: uuid },
  v6: { source: { ...uuid, yields: "a time-based UUID" } },
  v7: { source: { ...uuid, yields: "a time-based UUID" } },
};
const cryptoExports: Record<string, SourceTree> = {
  randomUUID: { source: uuid },
  randomBytes: { source: { yields: "random bytes", category: "random", via: "call" } },
  randomInt: { source: { yields: "a random number", category: "random", via: "call" } },
  getRandomValues: { source: { yields: "random bytes", category: "random", via: "call" } },
};
const nanoidExports: Record<string, SourceTree> = {
  nanoid: { source: randomId },
  customAlphabet: { returns: { source: randomId } },
  customRandom: { returns: { source: randomId } },
};
const cuid: SourceTree = { source: idNoArgs, members: { slug: { source: idNoArgs } } };
const mongooseTree: SourceTree = { members: { Types: { members: { ObjectId: { source: objectId } } } } };
const bsonExports: Record<string, SourceTree> = { ObjectId: { source: objectId }, ObjectID: { source: objectId } };
const fakerTree: SourceTree = { anyMember: { anyMember: { source: { yields: "fake data", category: "fake", via: "call" } } } };
const momentTree: SourceTree = {
  source: clockObject,
  members: { utc: { source: clockObject }, now: { source: now } },
};
const dayjsTree: SourceTree = { source: clockObject, members: { utc: { source: clockObject } } };

/** Global objects whose calls yield a fresh value (unless a local binding shadows them). */
export const PER_CALL_GLOBALS: Readonly<Record<string, SourceTree>> = {
  Date: {
    source: { yields: "the current time", category: "time", via: "new", onlyWithoutArguments: true, yieldsDate: true },
    members: { now: { source: now } },
  },
  Math: { members: { random: { source: { yields: "a random number", category: "random", via: "call", takesNoArguments: true } } } },
  crypto: { members: { randomUUID: { source: uuid }, getRandomValues: cryptoExports.getRandomValues! } },
};

/**
 * Modules whose exports yield a fresh value per call. Keys are export names (`default` for the
 * default export); `*` overrides the namespace object when the module itself is callable.
 */
export const PER_CALL_MODULES: Readonly<Record<string, Readonly<Record<string, SourceTree>>>> = {
  uuid: { ...uuidExports, default: { members: uuidExports } },
  "uuid/v4": { default: { source: uuid } },
  "uuid/v1": { default: uuidExports.v1! },
  crypto: { ...cryptoExports, default: { members: cryptoExports } },
  "node:crypto": { ...cryptoExports, default: { members: cryptoExports } },
  nanoid: nanoidExports,
  "nanoid/non-secure": nanoidExports,
  cuid: { default: cuid, "*": cuid },
  "@paralleldrive/cuid2": { createId: { source: idNoArgs }, init: { returns: { source: idNoArgs } } },
  ulid: { ulid: { source: randomId }, monotonicFactory: { returns: { source: randomId } } },
  ulidx: { ulid: { source: randomId }, monotonicFactory: { returns: { source: randomId } } },
  ...Object.fromEntries(Object.keys(mongoose.modules).map((m) => [m, { default: mongooseTree, ...mongooseTree.members }])),
  ...Object.fromEntries([...Object.keys(mongodb.modules), "bson"].map((m) => [m, bsonExports])),
  "@faker-js/faker": { faker: fakerTree },
  faker: { default: fakerTree, "*": fakerTree },
  moment: { default: momentTree, "*": momentTree },
  "moment-timezone": { default: momentTree, "*": momentTree },
  dayjs: { default: dayjsTree, "*": dayjsTree },
  luxon: {
    DateTime: { members: { now: { source: { ...now, takesNoArguments: false } }, local: { source: clockObject }, utc: { source: clockObject } } },
  },
};

// ---------------------------------------------------------------------------------------------
// Where schemas take defaults
// ---------------------------------------------------------------------------------------------

/**
 * How a library's default can be made per row:
 * - `wrap`: the library calls a function default for every row: autofix `X` → `() => X`;
 * - `suggestWrap`: an in-house helper: suggest the function form (it may not accept one);
 * - `drizzle`: suggest `$defaultFn(() => X)` or the column's database default;
 * - `sql`: a function default is raw SQL (TypeORM): never wrap a JavaScript call;
 * - `onCreate`: the default is a database value (MikroORM): suggest `onCreate: () => X`.
 */
export type DefaultFixStyle = "wrap" | "suggestWrap" | "drizzle" | "sql" | "onCreate";

export interface SchemaLibrary {
  displayName: string;
  fix: DefaultFixStyle;
  /** The per-row forms, for the message: a sentence without its final period. */
  advice: string;
  /**
   * Schemas of this library are often built per call (a form's yup schema inside a component):
   * only a schema built at module level (or in a static field) keeps its default for good.
   */
  onlyAtModuleLevel?: boolean;
}

export const SCHEMA_LIBRARIES: Readonly<Record<string, SchemaLibrary>> = {
  mongoose: {
    displayName: "Mongoose",
    fix: "wrap",
    advice: "Pass a function, which Mongoose calls for every document: `default: Date.now` or `default: () => uuidv4()`",
  },
  sequelize: {
    displayName: "Sequelize",
    fix: "wrap",
    advice: "Pass a function or a database default: `defaultValue: () => uuidv4()`, `DataTypes.UUIDV4` or `DataTypes.NOW`",
  },
  typeorm: {
    displayName: "TypeORM",
    fix: "sql",
    advice: 'A TypeORM default is a database value (and a function default is raw SQL): use `@CreateDateColumn()`, `@PrimaryGeneratedColumn("uuid")`, `@Generated("uuid")` or `default: () => "CURRENT_TIMESTAMP"`, or set the value in a `@BeforeInsert()` hook',
  },
  "mikro-orm": {
    displayName: "MikroORM",
    fix: "onCreate",
    advice: "A MikroORM `default` is a database value: use `onCreate: () => …`, which runs for every new entity, or `defaultRaw`",
  },
  drizzle: {
    displayName: "Drizzle",
    fix: "drizzle",
    advice: "Use `.$defaultFn(() => …)`, which runs for every insert, or a database default such as `.defaultNow()` or `.defaultRandom()`",
  },
  zod: { displayName: "zod", fix: "wrap", onlyAtModuleLevel: true, advice: "Pass a function, which zod calls on every parse: `.default(() => new Date())`" },
  joi: { displayName: "Joi", fix: "wrap", onlyAtModuleLevel: true, advice: "Pass a function, which Joi calls on every validation: `.default(() => new Date())`" },
  yup: { displayName: "yup", fix: "wrap", onlyAtModuleLevel: true, advice: "Pass a function, which yup calls on every cast: `.default(() => new Date())`" },
  helper: { displayName: "model", fix: "suggestWrap", advice: "Pass a function that computes the value for every record, if the helper accepts one" },
};

/** A call or `new` whose argument holds field definitions: `new Schema({ … })`. */
export interface FieldsContext {
  library: string;
  /** The kind of the callee (`new Schema(…)`), or of the receiver when `method` is given. */
  kind: string;
  method?: string;
  argument: number;
  defaultKey: string;
  /** Fields nest (`{ address: { city: { … } } }`) and arrays hold subdocuments. */
  nested: boolean;
}

export const FIELDS_CONTEXTS: readonly FieldsContext[] = [
  { library: "mongoose", kind: "mongoose.SchemaClass", argument: 0, defaultKey: "default", nested: true },
  { library: "mongoose", kind: "mongoose.schema", method: "add", argument: 0, defaultKey: "default", nested: true },
  { library: "sequelize", kind: "sequelize.instance", method: "define", argument: 1, defaultKey: "defaultValue", nested: false },
  { library: "sequelize", kind: "sequelize.model", method: "init", argument: 0, defaultKey: "defaultValue", nested: false },
];

/** A `const` object annotated with a library's field-definitions type (`SchemaDefinition`). */
export interface FieldsType {
  library: string;
  modules: readonly string[];
  types: readonly string[];
  defaultKey: string;
  nested: boolean;
}

export const FIELDS_TYPES: readonly FieldsType[] = [
  { library: "mongoose", modules: Object.keys(mongoose.modules), types: ["SchemaDefinition"], defaultKey: "default", nested: true },
  { library: "sequelize", modules: Object.keys(sequelize.modules), types: ["ModelAttributes"], defaultKey: "defaultValue", nested: false },
];

/**
 * Sequelize model definitions whose receiver cannot be traced (`module.exports = (sequelize,
 * DataTypes) => sequelize.define(…)`) are recognised by their attributes: an attribute whose
 * `type` is a data type of one of these names, imported from Sequelize or a parameter so named.
 */
export const SEQUELIZE_ATTRIBUTES = {
  library: "sequelize",
  methods: { define: 1, init: 0 } as Readonly<Record<string, number>>,
  defaultKey: "defaultValue",
  dataTypesNames: ["DataTypes", "Sequelize", "DataType"],
  modules: [...Object.keys(sequelize.modules)],
} as const;

/** A decorator that takes an options object with a default key, or the default itself. */
export interface DecoratorContext {
  library: string;
  modules: readonly string[];
  /** Decorator name → the options key that holds the default, or `value` for `@Default(X)`. */
  decorators: Readonly<Record<string, string>>;
}

const mikroModules = ["core", "decorators/legacy", "decorators/es", "postgresql", "mysql", "mariadb", "sqlite", "better-sqlite", "libsql", "mssql", "mongodb"].map(
  (name) => `@mikro-orm/${name}`,
);

export const DECORATOR_CONTEXTS: readonly DecoratorContext[] = [
  {
    library: "typeorm",
    modules: Object.keys(typeorm.modules),
    decorators: Object.fromEntries(
      ["Column", "PrimaryColumn", "CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn", "VersionColumn", "ViewColumn", "ObjectIdColumn"].map((d) => [d, "default"]),
    ),
  },
  { library: "mikro-orm", modules: mikroModules, decorators: { Property: "default", PrimaryKey: "default", SerializedPrimaryKey: "default", Enum: "default" } },
  { library: "sequelize", modules: ["sequelize-typescript"], decorators: { Column: "defaultValue", Default: "value" } },
  { library: "sequelize", modules: ["@sequelize/core/decorators-legacy"], decorators: { Attribute: "defaultValue", Default: "value" } },
  { library: "mongoose", modules: ["@nestjs/mongoose"], decorators: { Prop: "default" } },
  { library: "mongoose", modules: ["@typegoose/typegoose"], decorators: { prop: "default" } },
];

/** `.default(X)` on a validation schema (traced by the analysis layer's value kinds). */
export const CHAIN_DEFAULT_CONTEXTS: Readonly<Record<string, string>> = {
  "zod.schema": "zod",
  "joi.schema": "joi",
  "yup.schema": "yup",
};

/** The method of a schema chain that sets a default. */
export const CHAIN_DEFAULT_METHOD = "default";

/** A database default a drizzle column builder offers for a kind of value. */
export interface DatabaseDefault {
  method: string;
  category: PerCallCategory;
  /** Only when the value is exactly the source (`new Date()`, not `new Date(Date.now() + day)`). */
  builders: readonly string[];
}

export interface DrizzleCore {
  /** Table functions whose callback receives the column builders (`pgTable("t", (t) => …)`). */
  tables: readonly string[];
  databaseDefaults: readonly DatabaseDefault[];
}

/** Drizzle column builder modules: a chain rooted at one of their exports is a column. */
export const DRIZZLE_CORE: Readonly<Record<string, DrizzleCore>> = {
  "drizzle-orm/pg-core": {
    tables: ["pgTable"],
    databaseDefaults: [
      { method: "defaultNow", category: "time", builders: ["timestamp", "date", "time"] },
      { method: "defaultRandom", category: "uuid", builders: ["uuid"] },
    ],
  },
  "drizzle-orm/mysql-core": { tables: ["mysqlTable"], databaseDefaults: [{ method: "defaultNow", category: "time", builders: ["timestamp"] }] },
  "drizzle-orm/sqlite-core": { tables: ["sqliteTable"], databaseDefaults: [] },
  "drizzle-orm/singlestore-core": { tables: ["singlestoreTable"], databaseDefaults: [] },
  "drizzle-orm/gel-core": { tables: ["gelTable"], databaseDefaults: [] },
};

/** Drizzle's per-row JavaScript default. */
export const DRIZZLE_DEFAULT_FN = "$defaultFn";

/** A database default for a `Date` value where the library takes raw SQL (TypeORM). */
export const SQL_NOW_DEFAULT = '() => "CURRENT_TIMESTAMP"';

/** MikroORM's per-entity JavaScript default. */
export const MIKRO_ON_CREATE_KEY = "onCreate";

/** Every options key that holds a default in a known context (the rule's first guard). */
export const DEFAULT_KEYS: readonly string[] = ["default", "defaultValue"];
