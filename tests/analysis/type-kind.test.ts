import type { TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";

import { RuleTester } from "@typescript-eslint/rule-tester";
import { AST_NODE_TYPES, ESLintUtils } from "@typescript-eslint/utils";
import path from "node:path";

import { getFileContext } from "../../src/analysis/file-context.js";
import { getKindFromType, isFiniteTypeAt } from "../../src/analysis/type-kind.js";
import { isFunctionNode, skipExpressionWrappers } from "../../src/analysis/ast.js";
import { withCallIndex } from "../../src/analysis/call-index.js";
import { getClientCreation } from "../../src/analysis/client-creation.js";
import { AWAITED_BUILDER_TRAIT, DATABASE_TRAIT, getFileForTrait } from "../../src/analysis/library-evidence.js";
import { getParameterQueries } from "../../src/analysis/local-function.js";
import { getLongLivedCollections } from "../../src/analysis/long-lived-collection.js";
import { getMemoGrowth } from "../../src/analysis/memo-growth.js";
import { getValueKind, getValueKindInFile } from "../../src/analysis/value-kind.js";
import { FIXTURES_DIR } from "../rule-tester.js";
import { countQuestions } from "./type-questions.js";

/**
 * Kinds read from the type checker alone (the rule tester's cases run untyped too, where these
 * are all unknown). Two answers skip the checker's inference: a variable made by `new` of a
 * class is that class, and a call of a function with a declared return type (not generic, not
 * overloaded) has that type. Each shortcut has neighbours where it must not apply.
 */
/** A rule that reports, on the argument of every `probe(x)` call, what `answer` says about `x`. */
function createProbe(answer: (file: ReturnType<typeof getFileContext>, argument: TSESTree.Node) => string) {
  return ESLintUtils.RuleCreator.withoutDocs<[], "answer">({
    meta: { type: "problem", messages: { answer: "{{answer}}" }, schema: [], defaultOptions: [] },
    create(context) {
      return {
        CallExpression(node: TSESTree.CallExpression) {
          const argument = node.arguments[0];
          if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "probe" || !argument) return;
          context.report({ node: argument, messageId: "answer", data: { answer: answer(getFileContext(context), argument) } });
        },
      };
    },
  });
}

const probe = createProbe((file, argument) => {
  const kind = getKindFromType(file, argument);
  return kind ? `${kind.id}${kind.promise ? " (promise)" : ""}` : "unknown";
});

const tester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURES_DIR } } });
const filename = path.join(FIXTURES_DIR, "file.ts");
const head = 'import { Pool } from "pg";\nimport * as pg from "pg";\ndeclare function probe(value: unknown): void;\n';

function kindCase(code: string, kind: string) {
  return { code: `${head}${code}`, filename, errors: [{ messageId: "answer" as const, data: { answer: kind } }] };
}

tester.run("analysis: kinds from types", probe, {
  valid: [],
  invalid: [
    // `new` of a library class, of a local class, and of a constructor that is not a class.
    kindCase('const pool = new Pool({ connectionString: "postgres://" });\nprobe(pool);', "pg.pool"),
    kindCase("class Local {}\nconst local = new Local();\nprobe(local);", "unknown"),
    kindCase("const Ctor = pg.Pool;\nconst viaValue = new Ctor();\nprobe(viaValue);", "pg.pool"),
    kindCase("const annotated: Pool | undefined = new Pool();\nprobe(annotated);", "pg.pool"),
    // A declared return type, and where it is not the call's type.
    kindCase("function makePool(): Pool { return new Pool(); }\nprobe(makePool());", "pg.pool"),
    kindCase("function makeLater(): Promise<Pool> { return Promise.resolve(new Pool()); }\nprobe(makeLater());", "pg.pool (promise)"),
    kindCase("function identity<T>(value: T): T { return value; }\nprobe(identity(new Pool()));", "pg.pool"),
    kindCase("class Box<T> { constructor(private value: T) {}\n  get(): T { return this.value; } }\nprobe(new Box(new Pool()).get());", "pg.pool"),
    kindCase("function make(kind: string): Pool;\nfunction make(kind: number): string;\nfunction make(kind: unknown): unknown { return kind; }\nprobe(make(1));", "unknown"),
    kindCase("function make(kind: string): Pool;\nfunction make(kind: number): string;\nfunction make(kind: unknown): unknown { return kind; }\nprobe(make(\"a\"));", "pg.pool"),
    kindCase("function inferred() { return new Pool(); }\nprobe(inferred());", "pg.pool"),
    // outline: `Document extends ArchivableModel`, …, `extends Model`, imported from the app's own module: the model its library base class makes.
    kindCase('import { Document } from "./app-models.js";\nprobe(Document);', "sequelize.model"),
    kindCase('import { BaseModel } from "./app-models.js";\nprobe(BaseModel);', "sequelize.model"),
    // A mixin base, a class that extends no library class, and the library's class itself.
    kindCase('import { Mixed } from "./app-models.js";\nprobe(Mixed);', "unknown"),
    kindCase('import { Child } from "./app-models.js";\nprobe(Child);', "unknown"),
    kindCase('import { Model } from "sequelize";\nprobe(Model);', "unknown"),
    // docmost: `type KyselyDB = Kysely<DB>`, an alias of the application over a library's generic type.
    kindCase('import type { Kysely } from "kysely";\ntype AppDb = Kysely<{ pages: { id: string } }>;\ndeclare const db: AppDb;\nprobe(db);', "kysely.db"),
    kindCase('type AppMap = Map<string, Pool>;\ndeclare const map: AppMap;\nprobe(map);', "unknown"),
  ],
});

/**
 * Whether `getValueKind` (for `probe(fn)`: `getParameterQueries`) puts questions to the checker:
 * syntax first, and no question where syntax already knows the answer cannot matter.
 */
const questions = ESLintUtils.RuleCreator.withoutDocs<[], "asked">({
  meta: { type: "problem", messages: { asked: "{{kind}} after {{count}}" }, schema: [], defaultOptions: [] },
  create(context) {
    // At `Program:exit`, where rules ask: `getParameterQueries` reads the file's complete call index.
    return withCallIndex(context, (index) => {
      const checker = context.sourceCode.parserServices?.program?.getTypeChecker();
      // Which files a library's types can reach is read once per program from its module resolution, not asked per value.
      for (const trait of [DATABASE_TRAIT, AWAITED_BUILDER_TRAIT]) getFileForTrait(getFileContext(context), trait);
      for (const node of index.callsToMethodsOrFunctions(new Set(["probe"]))) {
        const argument = node.arguments[0];
        if (!argument || !checker) continue;
        const { answer: kind, questions } = countQuestions(checker, () =>
          isFunctionNode(argument)
            ? getParameterQueries(context, argument, index).map((query) => `${query.call.kind.id}.${query.call.method}`).join(", ") || "none"
            : (getValueKind(context, argument)?.id ?? "unknown"),
        );
        context.report({ node: argument, messageId: "asked", data: { kind, count: questions === 0 ? "no question" : "questions" } });
      }
    });
  },
});

function askedCase(code: string, kind: string, asked: boolean) {
  return { code: `${head}${code}`, filename, errors: [{ messageId: "asked" as const, data: { kind, count: asked ? "questions" : "no question" } }] };
}

/** `/// <reference types>` puts pg in the program without an import: the file sees pg's types only if it imports them. */
function reachCase(imports: string, asked: boolean) {
  const code = `/// <reference types="pg" />\n${imports}declare function probe(value: unknown): void;\ndeclare const text: string;\ndeclare const store: { query(sql: string, values: unknown[]): Promise<object> };\nprobe(async (id: string) => store.query(text, [id]));`;
  return { code, filename, errors: [{ messageId: "asked" as const, data: { kind: "none", count: asked ? "questions" : "no question" } }] };
}

tester.run("analysis: type questions", questions, {
  valid: [],
  invalid: [
    // A module namespace object is never a library value: its type (all the module's exports) is not asked for.
    askedCase('import * as models from "./models.js";\nprobe(models);', "unknown", false),
    askedCase('import models from "./models.js";\nprobe(models);', "unknown", true),
    // Its members are asked about, and may be.
    askedCase('import * as models from "./models.js";\nprobe(models.pool);', "unknown", true),
    askedCase("probe(new pg.Pool());", "pg.pool", false),
    // docmost: a variable only ever given `new Map(…)` is not asked about (its type is that of every query in the argument).
    askedCase("declare const pools: Pool[];\nconst byId = new Map(pools.map((pool) => [1, pool]));\nprobe(byId);", "unknown", false),
    // mongodb's client metadata: `set` returns the Map itself, so a chain of them is still the Map.
    askedCase("declare const pool: Pool;\nconst info = new Map().set(\"name\", pool).set(\"type\", pool);\nprobe(info);", "unknown", false),
    // A method that returns something else (`get`), or `set` on a Set, which has none: asked about.
    askedCase("declare const pool: Pool;\nconst info = new Map([[1, pool]]).get(1);\nprobe(info);", "pg.pool", true),
    askedCase("declare const pool: Pool;\nconst info = new Set().set(1, pool);\nprobe(info);", "unknown", true),
    // outline's MCP tools: a name of `const [a, b] = await Promise.all([…])` is asked about through its element, the call.
    askedCase("declare function load(): Promise<Pool>;\nasync function f() {\n  const [pool, n] = await Promise.all([load(), 1]);\n  probe(pool);\n}", "pg.pool", true),
    // Written again after its declaration, it may hold anything: asked about.
    askedCase("declare const text: string;\nlet byId = new Map();\nbyId = JSON.parse(text);\nprobe(byId);", "unknown", true),
    // A local binding named `Map` is no built-in.
    askedCase("function f(Map: typeof pg.Pool) {\n  const byId = new Map();\n  probe(byId);\n}", "pg.pool", true),
    // outline's `Group.findByPk(…)`: a query of a receiver syntax knows gives rows, not asked about; nor a const given its awaited result.
    askedCase('const pool = new pg.Pool();\nprobe(pool.query("select 1"));', "unknown", false),
    askedCase('const pool = new pg.Pool();\nasync function f() {\n  const result = await pool.query("select 1");\n  probe(result);\n}', "unknown", false),
    // The session factory's `await cache.del(…)`: a store command of a client syntax knows gives a reply, not asked about; another method is.
    askedCase('import Redis from "ioredis";\nconst cache = new Redis();\nprobe(cache.del("users:count"));', "unknown", false),
    askedCase('import Redis from "ioredis";\nconst cache = new Redis();\nprobe(cache.monitor());', "unknown", true),
    // The same call on a receiver nothing traces, and a `let` that may be written again: asked about.
    askedCase('declare const store: { query(sql: string): Promise<object> };\nprobe(store.query("select 1"));', "unknown", true),
    askedCase('const pool = new pg.Pool();\nasync function f() {\n  let result = await pool.query("select 1");\n  probe(result);\n}', "unknown", true),
    // A built-in whose result is plain data is not asked about; one that returns its argument is, and so is a local of that name.
    askedCase("declare const options: Record<string, string>;\nprobe(Object.entries(options));", "unknown", false),
    askedCase("probe(Promise.resolve(new pg.Pool()));", "pg.pool", true),
    askedCase('import { Array } from "./models.js";\nprobe(Array.from([]));', "unknown", true),
    // A call of a function that depends on none of its parameters cannot carry one into a query.
    askedCase('import { repo } from "./models.js";\nimport type { Model } from "mongoose";\nprobe(async (id: string) => repo.findOne({ where: { active: true } }));', "none", false),
    askedCase('import { repo } from "./models.js";\nimport type { Model } from "mongoose";\nprobe(async (id: string) => repo.findOne({ where: { id } }));', "none", true),
    // mongodb's own `conn.destroy()`: only Sequelize has a query named `destroy`, and no type of it can reach a file that imports only pg.
    askedCase('import { repo } from "./models.js";\nprobe(async (id: string) => repo.destroy({ where: { id } }));', "none", false),
    askedCase('import { repo } from "./models.js";\nimport type { Model } from "sequelize";\nprobe(async (id: string) => repo.destroy({ where: { id } }));', "none", true),
    // vendure's `fv.channels.find((c) => …)`: a function first is an array's `find`, and its receiver is not asked about.
    askedCase('import { repo } from "./models.js";\nimport type { Model } from "mongoose";\nprobe(async (id: string) => repo.items.find((item: { id: string }) => item.id === id));', "none", false),
    askedCase('import { repo } from "./models.js";\nimport type { Model } from "mongoose";\nprobe(async (id: string) => repo.items.find({ id }));', "none", true),
    // Only a query builder (knex, drizzle) runs when awaited: in a program without either, a chain's result is not asked about.
    askedCase('import { repo } from "./models.js";\nprobe(async (id: string) => repo.scope().filter({ id }));', "none", false),
    askedCase('import { repo } from "./models.js";\nimport type { Knex } from "knex";\nprobe(async (id: string) => repo.scope().filter({ id }));', "none", true),
    // Where syntax proves the receiver, the query is found without a question.
    askedCase("probe(async (id: string) => new pg.Pool().query('select 1 where id = $1', [id]));", "pg.pool.query", false),
    // A program with pg, but a file whose imports never lead to it: no value of the file can have a pg type.
    reachCase("", false),
    reachCase('import type { Pool } from "pg";\n', true),
  ],
});

/** `getKindFromType` of `probe(x)`, and whether it resolved a call or inferred a node's type (`getTypeAtLocation`). */
const inference = createProbe((file, argument) => {
  const checker = file.typeServices?.program.getTypeChecker();
  if (!checker) return "untyped";
  const { answer: kind, questions } = countQuestions(checker, () => getKindFromType(file, argument), ["getTypeAtLocation"]);
  return `${kind ? `${kind.id}${kind.promise ? " (promise)" : ""}` : "unknown"}${questions > 0 ? " inferred" : ""}`;
});

const server = "class Server {\n  post(path: string): Promise<Pool>;\n  post(path: string, user: object): Promise<Pool>;\n  post(path: string, user?: object) { return Promise.resolve(new Pool()); }\n}\ndeclare const server: Server;\n";

tester.run("analysis: declared return types of overloads", inference, {
  valid: [],
  invalid: [
    // outline's test server: `post(…)` overloads that all return `ReturnType<typeof nodeFetch>`, read without resolving the call.
    kindCase(`${server}probe(server.post("/a", { id: 1 }));`, "pg.pool (promise)"),
    // Overloads that return different types: the call is resolved.
    kindCase("declare function make(kind: string): Pool;\ndeclare function make(kind: number): string;\nprobe(make(\"a\"));", "pg.pool inferred"),
  ],
});

/** What `getClientCreation` says of each `make(…)` or `make.method(…)` call, and whether it put questions to the checker. */
const creationQuestions = ESLintUtils.RuleCreator.withoutDocs<[], "asked">({
  meta: { type: "problem", messages: { asked: "{{kind}} after {{count}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const checker = context.sourceCode.parserServices?.program?.getTypeChecker();
        const callee = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : node.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "make" || !checker) return;
        const { answer: kind, questions } = countQuestions(checker, () => getClientCreation(context, node)?.kind.id ?? "none");
        context.report({ node, messageId: "asked", data: { kind, count: questions === 0 ? "no question" : "questions" } });
      },
    };
  },
});

function creationCase(code: string, asked: boolean) {
  return { code: `${head}${code}`, filename, errors: [{ messageId: "asked" as const, data: { kind: "none", count: asked ? "questions" : "no question" } }] };
}

tester.run("analysis: type questions of client creations", creationQuestions, {
  valid: [],
  invalid: [
    // docmost: Kysely's `.where((eb) => eb(…))`, `({ not, exists }) => not(exists(…))`: a callback's own parameter, called, is no factory.
    creationCase("probe((make) => make());", false),
    creationCase("probe(({ make }) => make());", false),
    // With an annotation, its declared type is cheap to read, and asked for.
    creationCase("probe((make: () => Pool) => make());", true),
    creationCase("probe(({ make }: { make: () => Pool }) => make());", true),
    // outline: `shareUrls.get(id)`. No library's `get` creates a client (ky's sends a request): its receiver is not asked about.
    creationCase("declare const make: Map<string, Pool>;\nmake.get(\"a\");", false),
    // Nor mongoose's `model`, which defines a model on the connection it is called on.
    creationCase("declare const make: Map<string, Pool>;\nmake.model(\"User\");", false),
    // `connect` may (`MongoClient.connect(url)`): asked about.
    creationCase("declare const make: Map<string, Pool>;\nmake.connect();", true),
  ],
});

/** `getValueKind` of `probe(x)`, and whether it made the checker infer the type of `x` itself (`getTypeOfSymbol`, `getTypeAtLocation`). */
const valueInference = createProbe((file, argument) => {
  const { answer, subjects } = countQuestions(file.typeServices?.program.getTypeChecker(), () => getValueKindInFile(file, argument), ["getTypeAtLocation", "getTypeOfSymbol"]);
  const name = argument.type === AST_NODE_TYPES.Identifier ? argument.name : undefined;
  const inferred = subjects.some((subject) => (subject as Partial<ts.Symbol>).escapedName === name || (subject as Partial<ts.Identifier>).escapedText === name);
  return `${answer?.id ?? "unknown"}${inferred ? " inferred" : ""}`;
});

const loadMap = "declare function load(): Promise<Map<string, string>>;\ndeclare function pair(): Promise<[Map<string, string>, number]>;\n";

tester.run("analysis: inference of names destructured from Promise.all", valueInference, {
  valid: [],
  invalid: [
    // outline's MCP tools: the element's declared return type is read; the destructuring (the whole `Promise.all` and the callback around it) is not inferred.
    kindCase(`${loadMap}async function f() {\n  const [urls, n] = await Promise.all([load(), 1]);\n  probe(urls);\n}`, "unknown"),
    // Any other destructuring is.
    kindCase(`${loadMap}async function f() {\n  const [urls, n] = await pair();\n  probe(urls);\n}`, "unknown inferred"),
  ],
});

/** `getValueKind` of `probe(this.x)`, and whether the checker was made to check the access `this.x` itself. */
const memberAccess = createProbe((file, argument) => {
  const { answer, subjects } = countQuestions(file.typeServices?.program.getTypeChecker(), () => getValueKindInFile(file, argument));
  const checked = subjects.some((subject) => (subject as Partial<ts.Node>).parent?.kind === (file.typeServices?.esTreeNodeToTSNodeMap.get(argument) as ts.Node | undefined)?.kind);
  return `${answer?.id ?? "unknown"}${checked ? " access checked" : ""}`;
});

const appPool = "type AppPool = Pool;\n";

tester.run("analysis: this members asked through their declared type", memberAccess, {
  valid: [],
  invalid: [
    // mongodb's auto encrypter: `this._mongocryptdClient` declared `MongoClient` (a type of the package's own): the annotation is asked about, not the access.
    kindCase(`${appPool}class Store {\n  private pool?: AppPool;\n  run() { probe(this.pool); }\n}`, "pg.pool"),
    kindCase(`${appPool}class Store {\n  constructor(private readonly pool: AppPool) {}\n  run() { probe(this.pool); }\n}`, "pg.pool"),
    // Declared by a base class, not this one: the access is checked.
    kindCase(`${appPool}class Base { protected pool!: AppPool; }\nclass Store extends Base {\n  run() { probe(this.pool); }\n}`, "pg.pool access checked"),
    // Only assigned, with no annotation: the access is checked.
    kindCase(`${appPool}class Store {\n  pool = JSON.parse("{}") as AppPool;\n  run() { probe(this.pool); }\n}`, "pg.pool access checked"),
  ],
});

/** `getKindFromType` of `probe(x.method())`, and whether the checker was asked for the symbol of `method` (which checks `x`). */
const methodLookup = createProbe((file, argument) => {
  const { answer, subjects } = countQuestions(file.typeServices?.program.getTypeChecker(), () => getKindFromType(file, argument), ["getSymbolAtLocation"]);
  const call = skipExpressionWrappers(argument);
  const callee = call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : undefined;
  const asked = subjects.some((subject) => subject === file.typeServices?.esTreeNodeToTSNodeMap.get(callee as TSESTree.Node));
  return `${answer ? answer.id : "unknown"}${asked ? " receiver checked" : ""}`;
});

const localServer = "class Server {\n  constructor(options: object) {}\n  connect(): Pool { return new Pool(); }\n}\nclass Sub extends Server {}\n";

tester.run("analysis: methods read from the class the receiver is made of", methodLookup, {
  valid: [],
  invalid: [
    // mongodb's topology: `server.connect()` where `const server = new Server(…)`: the class's own method, its receiver not checked.
    kindCase(`${localServer}const server = new Server({});\nprobe(server.connect());`, "pg.pool"),
    kindCase(`${localServer}class Topology extends Server {\n  start(): void { const run = () => probe(this.connect()); run(); }\n}`, "pg.pool receiver checked"),
    kindCase(`class Own {\n  connect(): Pool { return new Pool(); }\n  start(): void { probe(this.connect()); }\n}`, "pg.pool"),
    // Inherited, annotated, or in a function of its own (another `this`): the checker answers.
    kindCase(`${localServer}const sub = new Sub({});\nprobe(sub.connect());`, "pg.pool receiver checked"),
    kindCase(`${localServer}const typed: Server = new Server({});\nprobe(typed.connect());`, "pg.pool receiver checked"),
    kindCase(`${localServer}let later = new Server({});\nlater = new Sub({});\nprobe(later.connect());`, "pg.pool receiver checked"),
    kindCase(`class Own {\n  connect(): Pool { return new Pool(); }\n  start(): void { const f = function (this: Own) { probe(this.connect()); }; f.call(this); }\n}`, "pg.pool receiver checked"),
    // mongodb's `this.monitor?.connect()`, `this._mongocryptdClient.connect()`: the class a member's annotation names, its access not checked.
    kindCase(`${localServer}class Owner {\n  private server!: Server;\n  start(): void { probe(this.server.connect()); }\n}`, "pg.pool"),
    kindCase(`${localServer}class Owner {\n  server: Server | null = null;\n  start(): void { probe(this.server?.connect()); }\n}`, "pg.pool"),
    // No annotation, or one that names no class: the checker answers.
    kindCase(`${localServer}class Owner {\n  server = new Server({});\n  start(): void { probe(this.server.connect()); }\n}`, "pg.pool receiver checked"),
    kindCase(`${localServer}class Owner {\n  server!: { connect(): Pool };\n  start(): void { probe(this.server.connect()); }\n}`, "pg.pool receiver checked"),
  ],
});

/** Whether a value's type is a fixed set of values (a cache keyed by it stays small), from the checker. */
const finiteProbe = createProbe((file, argument) => String(isFiniteTypeAt(file, argument)));

function finiteCase(code: string, finite: boolean) {
  const pages = 'type PageType = "product" | "docs" | "all";\ntype Corpus = Exclude<PageType, "all">;\nenum Region { Eu, Us }\ndeclare function probe(value: unknown): void;\n';
  return { code: `${pages}${code}`, filename, errors: [{ messageId: "answer" as const, data: { answer: String(finite) } }] };
}

tester.run("analysis: finite types", finiteProbe, {
  valid: [],
  invalid: [
    // openstatus: `Exclude<PageType, "all">` is a union of page types only the checker can compute.
    finiteCase("declare const corpus: Corpus;\nprobe(corpus);", true),
    finiteCase("declare const region: Region;\nprobe(region);", true),
    finiteCase("declare const flag: boolean | undefined;\nprobe(flag);", true),
    finiteCase("declare const name: string;\nprobe(name);", false),
    finiteCase("declare const either: Corpus | string;\nprobe(either);", false),
    finiteCase("declare const id: `user-${string}`;\nprobe(id);", false),
  ],
});

/** Whether `getMemoGrowth` finds each long-lived collection growing, and whether it put questions to the checker. */
const growthQuestions = ESLintUtils.RuleCreator.withoutDocs<[], "asked">({
  meta: { type: "problem", messages: { asked: "{{growth}} after {{count}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      "Program:exit"() {
        const checker = context.sourceCode.parserServices?.program?.getTypeChecker();
        for (const collection of getLongLivedCollections(context)) {
          const { answer, subjects } = countQuestions(checker, () => (getMemoGrowth(context, collection) ? "growth" : "none"));
          // Only the questions about the stored value, `build(key)` (the key's type is asked about for its own reasons).
          const asked = subjects.some((subject) => (subject as Partial<ts.Node>).getText?.().startsWith("build"));
          context.report({ node: collection.creation, messageId: "asked", data: { growth: answer, count: asked ? "questions" : "no question" } });
        }
      },
    };
  },
});

/** A memo whose stored value is a call's result: a client made per key would not be a cache to bound. */
function growthCase(imports: string, asked: boolean) {
  const code = `/// <reference types="pg" />\n${imports}declare function build(key: string): object;\nconst cache = new Map<string, object>();\nexport function load(key: string) {\n  if (cache.has(key)) return cache.get(key);\n  const value = build(key);\n  cache.set(key, value);\n  return value;\n}`;
  return { code, filename, errors: [{ messageId: "asked" as const, data: { growth: "growth", count: asked ? "questions" : "no question" } }] };
}

tester.run("analysis: type questions of memo growth", growthQuestions, {
  valid: [],
  invalid: [
    // @arethetypeswrong's `ts.createModeAwareCache()`: whether the stored value owns connections is asked only where such a library's types can reach the file.
    growthCase("", false),
    growthCase('import type { Pool } from "pg";\n', true),
  ],
});
