import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../rules/no-call-evaluated-default.js";

import rule from "../../rules/no-call-evaluated-default.js";
import { runRuleTests } from "../rule-tester.js";

type Invalid = InvalidTestCase<MessageIds, Options>;
type Suggestion = { messageId: MessageIds; output: string };

/**
 * An invalid case reporting `value` (its first occurrence in `code`, or the occurrence after
 * `after`), with the autofix output (`null`: no autofix) and the suggestions.
 */
function invalid(
  code: string,
  value: string,
  output: string | null,
  options: { filename?: string; suggestions?: Suggestion[]; after?: string; settings?: Record<string, unknown> } = {},
): Invalid {
  const offset = code.indexOf(value, options.after === undefined ? 0 : code.indexOf(options.after));
  if (offset === -1) throw new Error(`test setup: ${value} not in ${code}`);
  const before = code.slice(0, offset).split("\n");
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return {
    code,
    output,
    ...(options.filename === undefined ? {} : { filename: options.filename }),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
    errors: [{ messageId: "evaluatedOnce", line, column, endColumn: column + value.length, suggestions: options.suggestions ?? [] }],
  };
}

const js = { filename: "file.js" };
const mongooseTs = 'import { Schema } from "mongoose";\n';
const mongooseJs = 'const mongoose = require("mongoose");\nconst { v4: uuidv4 } = require("uuid");\n';
const sequelizeTs = 'import { DataTypes, Model, Sequelize } from "sequelize";\nimport { v4 as uuidv4 } from "uuid";\nconst sequelize = new Sequelize("postgres://localhost/app");\n';
const typeormTs = 'import { Column, Entity } from "typeorm";\nimport { v4 as uuidv4 } from "uuid";\n';
const pgCore = 'import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";\nimport { randomUUID } from "node:crypto";\n';

runRuleTests("no-call-evaluated-default", rule, {
  valid: [
    "",
    // Function forms that run per document.
    `${mongooseTs}new Schema({ createdAt: { type: Date, default: Date.now } });`,
    // An escaped key that spells another name.
    `${mongooseTs}new Schema({ createdAt: { type: Date, "\\x64efaults": Date.now() } });`,
    `${mongooseTs}import { v4 as uuidv4 } from "uuid";\nnew Schema({ _id: { type: String, default: () => uuidv4() } });`,
    { code: `${mongooseJs}new mongoose.Schema({ _id: { type: String, default: uuidv4 } });`, ...js },
    // AttuneLearning cadencelms_api src/models/GlobalAdmin.model.ts: an ObjectId made from a fixed id, the master department's.
    `import { Schema, Types } from "mongoose";\nexport const MASTER_DEPARTMENT_ID = new Types.ObjectId("000000000000000000000001");\nnew Schema({ departmentId: { type: Schema.Types.ObjectId, default: MASTER_DEPARTMENT_ID } });`,
    // Constants.
    `${mongooseTs}new Schema({ status: { type: String, default: "pending" }, tries: { type: Number, default: 0 }, tags: { type: [String], default: [] } });`,
    `${mongooseTs}new Schema({ epoch: { type: Date, default: new Date(0) } });`,
    `${mongooseTs}new Schema({ launch: { type: Date, default: new Date("2020-01-01") } });`,
    // A schema-less look-alike: `Schema` is not mongoose's.
    "class Schema { constructor(public fields: object) {} }\nnew Schema({ at: { default: Date.now() } });",
    // Database-side defaults.
    `${sequelizeTs}sequelize.define("User", { id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 }, at: { type: DataTypes.DATE, defaultValue: DataTypes.NOW } });`,
    `${sequelizeTs}sequelize.define("User", { at: { type: DataTypes.DATE, defaultValue: Sequelize.literal("CURRENT_TIMESTAMP") } });`,
    `${sequelizeTs}sequelize.define("User", { at: { type: DataTypes.DATE, defaultValue: Sequelize.fn("NOW") } });`,
    `${sequelizeTs}sequelize.define("User", { id: { type: DataTypes.UUID, defaultValue: () => uuidv4() } });`,
    // An untraced `define` without Sequelize data types is not a model.
    { code: 'registry.define("user", { at: { type: "date", defaultValue: Date.now() } });', ...js },
    `${typeormTs}@Entity()\nclass User {\n  @Column({ default: () => "CURRENT_TIMESTAMP" })\n  createdAt!: Date;\n}`,
    // An unimported look-alike decorator.
    "function Column(options: object) { return (target: object, key: string) => {}; }\nclass User {\n  @Column({ default: new Date() })\n  createdAt!: Date;\n}",
    // Class property initialisers run per instance.
    'import { Entity, Property } from "@mikro-orm/core";\n@Entity()\nclass User {\n  @Property()\n  createdAt = new Date();\n}',
    "class Job { createdAt = new Date(); id = crypto.randomUUID(); }",
    `${pgCore}export const users = pgTable("users", {\n  id: uuid("id").defaultRandom(),\n  at: timestamp("at").defaultNow(),\n  seen: timestamp("seen").$defaultFn(() => new Date()),\n});`,
    'import { sql } from "drizzle-orm";\nimport { sqliteTable, integer } from "drizzle-orm/sqlite-core";\nexport const t = sqliteTable("t", { at: integer("at").default(sql`(unixepoch())`) });',
    { code: 'const { z } = require("zod");\nconst Job = z.object({ at: z.date().default(() => new Date()) });', ...js },
    // trigger.dev apps/supervisor/src/env.ts: an environment schema, parsed once per process.
    'import { randomUUID } from "node:crypto";\nimport { z } from "zod";\nexport const Env = z.object({ TRIGGER_WORKER_INSTANCE_NAME: z.string().default(randomUUID()), PORT: z.coerce.number().default(3000) });',
    'import { randomUUID } from "node:crypto";\nimport { z } from "zod";\nexport const Env = z.object({ CONTROLLER_ID: z.string().default(`controller_${randomUUID()}`) });',
    // A validation schema built per call gets a fresh default each time.
    'import * as yup from "yup";\nexport function jobForm() {\n  return yup.object({ at: yup.date().default(new Date()) });\n}',
    // CLI option definitions, config objects and parameter defaults are computed once on purpose.
    { code: 'const yargs = require("yargs");\nyargs.option("since", { type: "number", default: Date.now() });', ...js },
    { code: 'const { Option } = require("commander");\nnew Option("--since <ms>").default(Date.now());', ...js },
    "const config = { cache: { default: Date.now(), ttl: 60 } };",
    "export function schedule(at = Date.now(), id = crypto.randomUUID()) { return { at, id }; }",
    // An in-house helper only counts when settings name it.
    "defineModel(\"user\", { createdAt: { default: Date.now() } });",
    'import { Entity, Property } from "@mikro-orm/core";\n@Entity()\nclass User {\n  @Property({ onCreate: () => new Date() })\n  createdAt!: Date;\n}',
    // An object that is not annotated as mongoose fields nor passed to a schema.
    "export const stamp = { createdAt: { type: String, default: new Date().toISOString() } };",
    // A plugin whose `schema` parameter cannot be traced to mongoose.
    { code: "module.exports = function expire(schema) {\n  schema.add({ expiresAt: { type: Date, default: new Date() } });\n};", ...js },
    // A migration's attributes: the table's SQL default, not a model default.
    {
      code: 'const { DataTypes } = require("sequelize");\nconst columns = { createdAt: { type: DataTypes.DATE, defaultValue: new Date() } };\nmodule.exports = { up: (queryInterface) => queryInterface.createTable("users", columns) };',
      ...js,
    },
  ],
  invalid: [
    // mongoose
    invalid(`${mongooseTs}new Schema({ createdAt: { type: Date, default: Date.now() } });`, "Date.now()", `${mongooseTs}new Schema({ createdAt: { type: Date, default: Date.now } });`),
    // The key spelled with an escape: the text never holds the name, the key is still `default`.
    invalid(`${mongooseTs}new Schema({ createdAt: { type: Date, \\u0064efault: Date.now() } });`, "Date.now()", `${mongooseTs}new Schema({ createdAt: { type: Date, \\u0064efault: Date.now } });`),
    invalid(`${mongooseTs}new Schema({ createdAt: { type: Date, "\\x64efault": Date.now() } });`, "Date.now()", `${mongooseTs}new Schema({ createdAt: { type: Date, "\\x64efault": Date.now } });`),
    invalid(
      `${mongooseJs}new mongoose.Schema({ _id: { type: String, default: uuidv4() } });`,
      "uuidv4()",
      `${mongooseJs}new mongoose.Schema({ _id: { type: String, default: () => uuidv4() } });`,
      js,
    ),
    // uuid.v4 takes an options argument and mongoose passes the document: wrap, never a bare reference.
    invalid(
      `${mongooseTs}import * as uuid from "uuid";\nnew Schema({ _id: { type: String, default: uuid.v4() } });`,
      "uuid.v4()",
      `${mongooseTs}import * as uuid from "uuid";\nnew Schema({ _id: { type: String, default: () => uuid.v4() } });`,
    ),
    invalid(
      `${mongooseTs}new Schema({ profile: { joinedAt: { type: Date, default: new Date() } } });`,
      "new Date()",
      `${mongooseTs}new Schema({ profile: { joinedAt: { type: Date, default: () => new Date() } } });`,
    ),
    invalid(
      `${mongooseJs}const Order = new mongoose.Schema({ events: [{ at: { type: Date, default: Date.now() } }] });`,
      "Date.now()",
      `${mongooseJs}const Order = new mongoose.Schema({ events: [{ at: { type: Date, default: Date.now } }] });`,
      js,
    ),
    invalid(
      'import mongoose from "mongoose";\nnew mongoose.Schema({ ref: { type: mongoose.Schema.Types.ObjectId, default: new mongoose.Types.ObjectId() } });',
      "new mongoose.Types.ObjectId()",
      'import mongoose from "mongoose";\nnew mongoose.Schema({ ref: { type: mongoose.Schema.Types.ObjectId, default: () => new mongoose.Types.ObjectId() } });',
    ),
    invalid(
      `${mongooseTs}new Schema({ day: { type: String, default: new Date().toISOString().slice(0, 10) } });`,
      "new Date().toISOString().slice(0, 10)",
      `${mongooseTs}new Schema({ day: { type: String, default: () => new Date().toISOString().slice(0, 10) } });`,
    ),
    // Through a constant, the fix is to compute the value inside a function: no autofix.
    // Valid neighbour (cadencelms_api's master department): an ObjectId made with no id is a new one, the same for every record.
    invalid(
      `import { Schema, Types } from "mongoose";\nexport const MASTER_DEPARTMENT_ID = new Types.ObjectId();\nnew Schema({ departmentId: { type: Schema.Types.ObjectId, default: MASTER_DEPARTMENT_ID } });`,
      "MASTER_DEPARTMENT_ID",
      null,
      { after: "default" },
    ),
    invalid(`${mongooseTs}const startedAt = new Date();\nnew Schema({ at: { type: Date, default: startedAt } });`, "startedAt", null, { after: "default" }),
    invalid(
      `${mongooseTs}const schema = new Schema({});\nschema.add({ expiresAt: { type: Date, default: Date.now() + 3600000 } });`,
      "Date.now() + 3600000",
      `${mongooseTs}const schema = new Schema({});\nschema.add({ expiresAt: { type: Date, default: () => Date.now() + 3600000 } });`,
    ),
    invalid(
      `${mongooseJs}const fields = { token: { type: String, default: uuidv4() } };\nmodule.exports = new mongoose.Schema(fields);`,
      "uuidv4()",
      `${mongooseJs}const fields = { token: { type: String, default: () => uuidv4() } };\nmodule.exports = new mongoose.Schema(fields);`,
      js,
    ),
    invalid(
      'import { Prop, Schema } from "@nestjs/mongoose";\n@Schema()\nexport class User {\n  @Prop({ default: Date.now() })\n  createdAt!: Date;\n}',
      "Date.now()",
      'import { Prop, Schema } from "@nestjs/mongoose";\n@Schema()\nexport class User {\n  @Prop({ default: Date.now })\n  createdAt!: Date;\n}',
    ),
    invalid(
      'import type { SchemaDefinition } from "mongoose";\nexport const stamp: SchemaDefinition = { createdAt: { type: String, default: new Date().toISOString() } };',
      "new Date().toISOString()",
      'import type { SchemaDefinition } from "mongoose";\nexport const stamp: SchemaDefinition = { createdAt: { type: String, default: () => new Date().toISOString() } };',
    ),
    invalid(
      'import { Schema } from "mongoose";\nexport function expire(schema: Schema) {\n  schema.add({ expiresAt: { type: Date, default: new Date() } });\n}',
      "new Date()",
      'import { Schema } from "mongoose";\nexport function expire(schema: Schema) {\n  schema.add({ expiresAt: { type: Date, default: () => new Date() } });\n}',
    ),
    // sequelize
    // Shared attributes spread into models elsewhere: a suggestion, their use is not visible here.
    invalid('const { DataTypes } = require("sequelize");\nconst timestamps = { createdAt: { type: DataTypes.DATE, defaultValue: new Date() } };\nmodule.exports = timestamps;', "new Date()", null, {
      ...js,
      suggestions: [
        { messageId: "suggestFunction", output: 'const { DataTypes } = require("sequelize");\nconst timestamps = { createdAt: { type: DataTypes.DATE, defaultValue: () => new Date() } };\nmodule.exports = timestamps;' },
      ],
    }),
    invalid(
      `${sequelizeTs}sequelize.define("Subscription", { id: { type: DataTypes.UUID, primaryKey: true, defaultValue: String(uuidv4()) } });`,
      "String(uuidv4())",
      `${sequelizeTs}sequelize.define("Subscription", { id: { type: DataTypes.UUID, primaryKey: true, defaultValue: () => String(uuidv4()) } });`,
    ),
    invalid(
      'const { v4: uuidv4 } = require("uuid");\nmodule.exports = (sequelize, DataTypes) => sequelize.define("User", { id: { type: DataTypes.UUID, defaultValue: uuidv4() } });',
      "uuidv4()",
      'const { v4: uuidv4 } = require("uuid");\nmodule.exports = (sequelize, DataTypes) => sequelize.define("User", { id: { type: DataTypes.UUID, defaultValue: () => uuidv4() } });',
      js,
    ),
    invalid(
      `${sequelizeTs}class User extends Model {}\nUser.init({ createdAt: { type: DataTypes.DATE, defaultValue: new Date() } }, { sequelize });`,
      "new Date()",
      `${sequelizeTs}class User extends Model {}\nUser.init({ createdAt: { type: DataTypes.DATE, defaultValue: () => new Date() } }, { sequelize });`,
    ),
    invalid(
      'const { Model, DataTypes } = require("sequelize");\nconst moment = require("moment");\nclass Trial extends Model {}\nTrial.init({ endsAt: { type: DataTypes.DATE, defaultValue: moment().add(14, "days").toDate() } }, { sequelize });',
      'moment().add(14, "days").toDate()',
      'const { Model, DataTypes } = require("sequelize");\nconst moment = require("moment");\nclass Trial extends Model {}\nTrial.init({ endsAt: { type: DataTypes.DATE, defaultValue: () => moment().add(14, "days").toDate() } }, { sequelize });',
      js,
    ),
    invalid(
      'import { Column, DataType, Default, Model, Table } from "sequelize-typescript";\nimport { v4 as uuidv4 } from "uuid";\n@Table\nclass User extends Model {\n  @Default(uuidv4())\n  @Column(DataType.UUID)\n  id!: string;\n}',
      "uuidv4()",
      'import { Column, DataType, Default, Model, Table } from "sequelize-typescript";\nimport { v4 as uuidv4 } from "uuid";\n@Table\nclass User extends Model {\n  @Default(() => uuidv4())\n  @Column(DataType.UUID)\n  id!: string;\n}',
    ),
    invalid(
      'import { Column, DataType, Model, Table } from "sequelize-typescript";\n@Table\nclass User extends Model {\n  @Column({ type: DataType.DATE, defaultValue: new Date() })\n  joinedAt!: Date;\n}',
      "new Date()",
      'import { Column, DataType, Model, Table } from "sequelize-typescript";\n@Table\nclass User extends Model {\n  @Column({ type: DataType.DATE, defaultValue: () => new Date() })\n  joinedAt!: Date;\n}',
    ),
    // typeorm: a function default is raw SQL, never wrap a JavaScript call.
    invalid(`${typeormTs}@Entity()\nclass User {\n  @Column({ default: new Date() })\n  createdAt!: Date;\n}`, "new Date()", null, {
      suggestions: [{ messageId: "suggestDatabaseDefault", output: `${typeormTs}@Entity()\nclass User {\n  @Column({ default: () => "CURRENT_TIMESTAMP" })\n  createdAt!: Date;\n}` }],
    }),
    invalid(`${typeormTs}@Entity()\nclass User {\n  @Column("uuid", { unique: true, default: uuidv4() })\n  token!: string;\n}`, "uuidv4()", null),
    invalid(`${typeormTs}@Entity()\nclass User {\n  @Column({ type: "bigint", default: Date.now() })\n  createdAt!: number;\n}`, "Date.now()", null),
    // mikro-orm: `default` is a database value; `onCreate` runs per entity.
    invalid(
      'import { Entity, Property } from "@mikro-orm/core";\n@Entity()\nclass User {\n  @Property({ default: new Date() })\n  createdAt!: Date;\n}',
      "new Date()",
      null,
      {
        suggestions: [
          {
            messageId: "suggestPerRowFunction",
            output: 'import { Entity, Property } from "@mikro-orm/core";\n@Entity()\nclass User {\n  @Property({ onCreate: () => new Date() })\n  createdAt!: Date;\n}',
          },
        ],
      },
    ),
    // drizzle: suggestions only, `.default()` is also the column's SQL default.
    invalid(`${pgCore}export const users = pgTable("users", { at: timestamp("at").notNull().default(new Date()) });`, "new Date()", null, {
      suggestions: [
        { messageId: "suggestPerRowFunction", output: `${pgCore}export const users = pgTable("users", { at: timestamp("at").notNull().$defaultFn(() => new Date()) });` },
        { messageId: "suggestDatabaseDefault", output: `${pgCore}export const users = pgTable("users", { at: timestamp("at").notNull().defaultNow() });` },
      ],
    }),
    invalid(`${pgCore}export const users = pgTable("users", { id: uuid("id").primaryKey().default(randomUUID()) });`, "randomUUID()", null, {
      suggestions: [
        { messageId: "suggestPerRowFunction", output: `${pgCore}export const users = pgTable("users", { id: uuid("id").primaryKey().$defaultFn(() => randomUUID()) });` },
        { messageId: "suggestDatabaseDefault", output: `${pgCore}export const users = pgTable("users", { id: uuid("id").primaryKey().defaultRandom() });` },
      ],
    }),
    invalid(
      'const { sqliteTable, text } = require("drizzle-orm/sqlite-core");\nconst { nanoid } = require("nanoid");\nexports.links = sqliteTable("links", { slug: text("slug").default(nanoid()) });',
      "nanoid()",
      null,
      {
        ...js,
        suggestions: [
          {
            messageId: "suggestPerRowFunction",
            output: 'const { sqliteTable, text } = require("drizzle-orm/sqlite-core");\nconst { nanoid } = require("nanoid");\nexports.links = sqliteTable("links", { slug: text("slug").$defaultFn(() => nanoid()) });',
          },
        ],
      },
    ),
    invalid('import { pgTable } from "drizzle-orm/pg-core";\nexport const t = pgTable("t", (c) => ({ at: c.timestamp().default(new Date()) }));', "new Date()", null, {
      suggestions: [
        { messageId: "suggestPerRowFunction", output: 'import { pgTable } from "drizzle-orm/pg-core";\nexport const t = pgTable("t", (c) => ({ at: c.timestamp().$defaultFn(() => new Date()) }));' },
        { messageId: "suggestDatabaseDefault", output: 'import { pgTable } from "drizzle-orm/pg-core";\nexport const t = pgTable("t", (c) => ({ at: c.timestamp().defaultNow() }));' },
      ],
    }),
    // zod, joi, yup
    // The environment schema's neighbour: a record field in camelCase is parsed per record.
    invalid(
      'import { randomUUID } from "node:crypto";\nimport { z } from "zod";\nexport const Job = z.object({ instanceName: z.string().default(randomUUID()) });',
      "randomUUID()",
      'import { randomUUID } from "node:crypto";\nimport { z } from "zod";\nexport const Job = z.object({ instanceName: z.string().default(() => randomUUID()) });',
    ),
    invalid('import { z } from "zod";\nexport const Job = z.object({ at: z.date().default(new Date()) });', "new Date()", 'import { z } from "zod";\nexport const Job = z.object({ at: z.date().default(() => new Date()) });'),
    invalid('import { z } from "zod";\nexport const Job = z.object({ id: z.string().uuid().default(crypto.randomUUID()) });', "crypto.randomUUID()", 'import { z } from "zod";\nexport const Job = z.object({ id: z.string().uuid().default(() => crypto.randomUUID()) });'),
    invalid(
      'const Joi = require("joi");\nmodule.exports = Joi.object({ at: Joi.number().default(Date.now()) });',
      "Date.now()",
      'const Joi = require("joi");\nmodule.exports = Joi.object({ at: Joi.number().default(Date.now) });',
      js,
    ),
    invalid(
      'import * as yup from "yup";\nimport dayjs from "dayjs";\nexport const trial = yup.object({ ends: yup.string().default(dayjs().add(14, "day").format()) });',
      'dayjs().add(14, "day").format()',
      'import * as yup from "yup";\nimport dayjs from "dayjs";\nexport const trial = yup.object({ ends: yup.string().default(() => dayjs().add(14, "day").format()) });',
    ),
    // In-house helpers through settings: a suggestion, the helper may not take a function.
    invalid('defineModel("user", { createdAt: { default: Date.now() } });', "Date.now()", null, {
      ...js,
      settings: { postmortem: { schemaHelpers: [{ callee: "defineModel", defaultKeys: ["default"] }] } },
      suggestions: [{ messageId: "suggestFunction", output: 'defineModel("user", { createdAt: { default: Date.now } });' }],
    }),
    invalid('db.model("user", { token: { initial: nanoid() } });\nimport { nanoid } from "nanoid";', "nanoid()", null, {
      settings: { postmortem: { schemaHelpers: [{ callee: "model", defaultKeys: ["initial"] }] } },
      suggestions: [{ messageId: "suggestFunction", output: 'db.model("user", { token: { initial: () => nanoid() } });\nimport { nanoid } from "nanoid";' }],
    }),
  ],
});
