import type { DistinctiveChain, DistinctiveShape, KindKnowledge } from "../knowledge/index.js";
import type { PostmortemSettings } from "../settings.js";
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import type { CallIndex } from "./call-index.js";
import type { FileContext } from "./file-context.js";
import type { ValueKind } from "./value-kind.js";

import { AST_NODE_TYPES, TSESLint } from "@typescript-eslint/utils";

import { DISTINCTIVE_METHOD_NAMES, getDistinctiveMethodKind, getKind, getKindId, getLibraryOfPackage, LIBRARIES } from "../knowledge/index.js";
import { getCalledMethodName, getOutermostWrapper, getRequiredModule, getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getCollectedCallIndex } from "./call-index.js";
import { getThisClass } from "./class-members.js";
import { isSqlArgument, isSqlText } from "./database-call.js";
import { getExportsOfModule, hasModuleSettings, memoizeFile } from "./file-context.js";
import { fileCanSeeLibraryTypes } from "./program-reach.js";
import { getPackageName } from "./type-kind.js";
import { resolveVariable } from "./same-expression.js";
import { fromRef, getMethodResult } from "./value-kind.js";

/**
 * The cheapest guards of all. Without a type checker, a value of a library kind with a given
 * trait (runs queries, owns connections) is only ever traced from
 * - an import or `require` of a library module or of a `settings.postmortem.modules` entry
 *   (`import { Pool } from "pg"`, a parameter annotated with a type imported from one): see
 *   `importsLibraryWith`, once per file;
 * - a method name that one library alone uses (`findByPk`), the fallback for models imported
 *   from the application's own modules, or SQL text handed to `query`/`execute` (database
 *   trait only): see `isNameEvidence`, per call;
 * - a call shape that one library alone has, in a file that imports the library's package
 *   (drizzle's `db.query.users.findFirst(…)` beside `import { eq } from "drizzle-orm"`): see
 *   `getShapeEvidenceKind`, per call; or a call chain one library alone has, in such a file
 *   (drizzle's `this.db.insert(users).values(row)`): see `getChainEvidenceKind`.
 * A file with neither cannot hold such a value, and a rule may skip it. With a type checker any
 * value may have a library type, so the answer is yes wherever a type of the trait's libraries
 * can reach the file (see `getFileForTrait`).
 */
export interface LibraryTrait {
  /** Names the trait in the per-file memo. */
  readonly name: string;
  readonly matches: (kind: KindKnowledge) => boolean;
  /** Also count `x.query("SELECT …")` on a value nothing traces. */
  readonly sqlText?: boolean;
}

export const DATABASE_TRAIT: LibraryTrait = {
  name: "database",
  matches: (kind) => kind.databaseMethods !== undefined || kind.runsWhenAwaited !== undefined,
  sqlText: true,
};

export const CACHE_TRAIT: LibraryTrait = {
  name: "cache",
  matches: (kind) => kind.cache !== undefined,
};

/**
 * Query builders that run when awaited (`await knex("users").where(…)`, drizzle's
 * `await db.select().from(users)`): only a program with one of their libraries can type a
 * call's result as one, so elsewhere no call's result is asked about for this.
 */
export const AWAITED_BUILDER_TRAIT: LibraryTrait = {
  name: "awaited-builder",
  matches: (kind) => kind.runsWhenAwaited !== undefined,
};

export const CONNECTION_OWNER_TRAIT: LibraryTrait = {
  name: "connection-owner",
  matches: (kind) => kind.ownsConnections === true,
};

/**
 * The libraries that have a query method of this name (`destroy`: Sequelize; `find`: Mongoose,
 * MongoDB, TypeORM): with types, a receiver of the method is asked about only where a type of one
 * of them can reach the file, since no other type has the method as a query (mongodb's own
 * `conn.destroy()` on a pool's connections: 10–20 ms of inference of a loop's element).
 */
export function getQueryMethodTrait(method: string): LibraryTrait {
  let trait = queryMethodTraits.get(method);
  if (!trait) {
    trait = { name: `query:${method}`, matches: (kind) => kind.databaseMethods?.[method] !== undefined };
    queryMethodTraits.set(method, trait);
  }
  return trait;
}

const queryMethodTraits = new Map<string, LibraryTrait>();

interface TraitIndex {
  readonly libraries: ReadonlySet<string>;
  /** The one-library method names of the trait's libraries. */
  readonly distinctiveNames: ReadonlySet<string>;
  /** The one-library call shapes of the trait's libraries, and the methods they call. */
  readonly shapes: readonly DistinctiveShape[];
  readonly shapeMethods: ReadonlySet<string>;
  /** The one-library call chains of the trait's libraries, and the methods they start with. */
  readonly chains: readonly DistinctiveChain[];
  readonly chainStarts: ReadonlySet<string>;
  /** Per settings object: whether a module specifier leads to one of the libraries. */
  readonly verdicts: WeakMap<PostmortemSettings, Map<string, boolean>>;
  /** The trait's keys in the per-file memo, made once rather than on every question. */
  readonly importsKey: string;
  readonly typesKey: string;
}

const indexes = new WeakMap<LibraryTrait, TraitIndex>();

function getTraitIndex(trait: LibraryTrait): TraitIndex {
  const existing = indexes.get(trait);
  if (existing) return existing;
  const libraries = new Set(LIBRARIES.filter((library) => Object.values(library.kinds).some(trait.matches)).map((library) => library.id));
  const distinctiveNames = new Set(LIBRARIES.filter((library) => libraries.has(library.id)).flatMap((library) => Object.keys(library.distinctiveMethods ?? {})));
  const shapes = LIBRARIES.filter((library) => libraries.has(library.id)).flatMap((library) => library.distinctiveShapes ?? []);
  const shapeMethods = new Set(shapes.flatMap((shape) => shape.methods));
  const chains = LIBRARIES.filter((library) => libraries.has(library.id)).flatMap((library) => library.distinctiveChains ?? []);
  const chainStarts = new Set(chains.map((chain) => chain.start));
  const created = { libraries, distinctiveNames, shapes, shapeMethods, chains, chainStarts, verdicts: new WeakMap(), importsKey: `imports-library:${trait.name}`, typesKey: `types-show:${trait.name}` };
  indexes.set(trait, created);
  return created;
}

/** Whether an import or `require` of `file` leads to a library with `trait` (always, where its types can reach the file). */
export function importsLibraryWith(file: FileContext, trait: LibraryTrait): boolean {
  if (typesCanShow(file, trait)) return true;
  const index = getTraitIndex(trait);
  return memoizeFile(file, index.importsKey, () => {
    let verdicts = index.verdicts.get(file.settings);
    if (!verdicts) {
      verdicts = new Map();
      index.verdicts.set(file.settings, verdicts);
    }
    const withModuleSettings = hasModuleSettings(file.settings);
    const specifiers = getModuleSpecifiers(file);
    for (let position = 0; position < specifiers.length; position++) {
      const specifier = specifiers[position]!;
      // A relative path names the application's own module: only a module setting can make it a library.
      if (!withModuleSettings && (specifier.startsWith(".") || specifier.startsWith("/"))) continue;
      let verdict = verdicts.get(specifier);
      if (verdict === undefined) {
        verdict = Object.values(getExportsOfModule(file, specifier) ?? {}).some((ref) => {
          const library = getKind(getKindId(ref))?.library;
          return library !== undefined && index.libraries.has(library);
        });
        verdicts.set(specifier, verdict);
      }
      if (verdict) return true;
    }
    return false;
  });
}

/**
 * The file as the analysis should see it for `trait`: with type information only when a type of
 * one of the trait's libraries can reach the file: the program holds a package of one, and the
 * file's imports lead to it (see `fileCanSeeLibraryTypes`). A program without `ioredis` or
 * `redis`, or a file whose imports never lead to them, has no value of their types, so asking
 * the checker about every `.get()` receiver would cost a type inference each and find nothing.
 * The view without types has its own memo.
 */
export function getFileForTrait(file: FileContext, trait: LibraryTrait): FileContext {
  if (!file.typeServices || typesCanShow(file, trait)) return file;
  return getFileWithoutTypes(file);
}

/** With type information, whether a type of one of the trait's libraries can reach the file. */
function typesCanShow(file: FileContext, trait: LibraryTrait): boolean {
  const services = file.typeServices;
  if (!services || !programHasLibraryWith(services.program, trait)) return false;
  const index = getTraitIndex(trait);
  return memoizeFile(file, index.typesKey, () => fileCanSeeLibraryTypes(services.program, services.esTreeNodeToTSNodeMap.get(file.sourceCode.ast), index.libraries));
}

/** The file seen by syntax alone, for questions no type can answer; it has its own memo. */
export function getFileWithoutTypes(file: FileContext): FileContext {
  if (!file.typeServices) return file;
  return memoizeFile(file, "without-types", () => ({ ...file, typeServices: undefined, kinds: new Map(), memo: new Map(), perFile: new Map() }));
}

const programLibraries = new WeakMap<ts.Program, ReadonlySet<string>>();

function programHasLibraryWith(program: ts.Program, trait: LibraryTrait): boolean {
  let libraries = programLibraries.get(program);
  if (!libraries) {
    const packages = new Set(program.getSourceFiles().map((sourceFile) => getPackageName(sourceFile.fileName)));
    libraries = new Set([...packages].flatMap((name) => (name === undefined ? [] : (getLibraryOfPackage(name)?.id ?? []))));
    programLibraries.set(program, libraries);
  }
  for (const library of getTraitIndex(trait).libraries) if (libraries.has(library)) return true;
  return false;
}

/** Whether `call` alone points at a library with `trait`: `User.findByPk(id)`, `db.query("SELECT …")`. */
export function isNameEvidence(call: TSESTree.CallExpression, trait: LibraryTrait): boolean {
  const method = getCalledMethodName(call);
  if (method === undefined) return false;
  if (getTraitIndex(trait).distinctiveNames.has(method)) return true;
  return trait.sqlText === true && SQL_METHODS.has(method) && isSqlText(call.arguments[0]);
}

/**
 * The kind of `call`'s receiver when the call has a shape one library alone has and the file
 * imports that library's package: `this.db.query.users.findFirst(…)` beside `import { eq } from
 * "drizzle-orm"` (see `DistinctiveShape`).
 */
export function getShapeEvidenceKind(file: FileContext, call: TSESTree.CallExpression, method: string, shapes: readonly DistinctiveShape[] = SHAPES): string | undefined {
  for (const shape of shapes) {
    // The import first: one memoised answer per file, where a shape's arguments are read per call.
    if (shape.methods.includes(method) && importsPackage(file, shape.package) && hasShape(call, shape)) return shape.kind;
  }
  return undefined;
}

const SHAPES = LIBRARIES.flatMap((library) => library.distinctiveShapes ?? []);
const SHAPE_METHOD_NAMES: ReadonlySet<string> = new Set(SHAPES.flatMap((shape) => shape.methods));

/**
 * The shapes whose package the file imports: a file with none has no call of any shape, so no
 * call of their methods (`find`: an array's too, in most files) is looked at.
 */
function getImportedShapes(file: FileContext, shapes: readonly DistinctiveShape[]): readonly DistinctiveShape[] {
  return shapes.length === 0 ? shapes : shapes.filter((shape) => importsPackage(file, shape.package));
}

/** Whether `call` has each condition of `shape`: its receiver's parent property, a key of its arguments. */
function hasShape(call: TSESTree.CallExpression, shape: DistinctiveShape): boolean {
  return (shape.parentProperty === undefined || hasParentProperty(call, shape.parentProperty)) && (shape.argumentKeys === undefined || hasArgumentKey(call, shape.argumentKeys));
}

/** `<anything>.query.<table>.findFirst(…)`: the callee's object is a property of `name`. */
function hasParentProperty(call: TSESTree.CallExpression, name: string): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipExpressionWrappers(callee.object);
  if (receiver.type !== AST_NODE_TYPES.MemberExpression) return false;
  const parent = skipExpressionWrappers(receiver.object);
  return parent.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(parent) === name;
}

/** An object literal of the first two arguments, of an array literal there or as a property's value there, has one of `keys`. */
function hasArgumentKey(call: TSESTree.CallExpression, keys: ReadonlySet<string>): boolean {
  return call.arguments.slice(0, 2).some((argument) => {
    const value = skipExpressionWrappers(argument);
    if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.some((element) => element !== null && hasKey(element, keys, 1));
    return hasKey(value, keys, 1);
  });
}

/** `node` is an object literal with one of `keys`, or, `depth` levels down, one as a property's value (`{ price: { $gte: 10 } }`). */
function hasKey(node: TSESTree.Node, keys: ReadonlySet<string>, depth: number): boolean {
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && (keys.has(getStaticPropertyName(property) ?? "") || (depth > 0 && hasKey(skipExpressionWrappers(property.value), keys, depth - 1))),
  );
}

/**
 * The kind of `node`, a call chain with a link one library alone has, in a file that imports
 * that library's package: `this.db.insert(users).values(row).returning()` beside `import { eq }
 * from "drizzle-orm"`, whatever `this.db` is (see `DistinctiveChain`). The links after the
 * distinctive one follow from its kind's knowledge, as they would on a traced receiver. Given
 * `calledMethod`, `node` is the receiver of a call of it: `db.insert(users)` of `values(row)`.
 */
export function getChainEvidenceKind(file: FileContext, node: TSESTree.Node, calledMethod?: string, chains: readonly DistinctiveChain[] = CHAINS): ValueKind | null {
  const later: string[] = [];
  let current = skipExpressionWrappers(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipExpressionWrappers(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getStaticPropertyName(callee);
    if (method === undefined) return null;
    const next = later.at(-1) ?? calledMethod;
    const chain = next === undefined ? undefined : chains.find((candidate) => candidate.start === method && candidate.next.includes(next));
    if (chain) {
      if (!importsPackage(file, chain.package)) return null;
      let kind = fromRef(chain.kind);
      for (let position = later.length - 1; kind && position >= 0; position--) kind = getMethodResult(kind.knowledge, later[position]!);
      return kind && { ...kind, evidence: "name" };
    }
    later.push(method);
    current = skipExpressionWrappers(callee.object);
  }
  return null;
}

const CHAINS = LIBRARIES.flatMap((library) => library.distinctiveChains ?? []);

/**
 * The kind of `call`'s receiver when the same binding takes a one-library method elsewhere in the
 * file: `prisma.load.count(…)` in a file that also calls `prisma.organization.findUnique(…)` (the
 * binding is a Prisma client, so each of its properties a model: Aniston-HRMS's geofence monitor,
 * `import { prisma } from "../../lib/prisma.js"`), `User.find(…)` beside `User.findById(…)`,
 * `this.prisma.user.findMany(…)` beside `this.prisma.user.findUnique(…)` in the same class. The
 * binding is a variable of the file or a `this.name` of one class; asked at `Program:exit`, when
 * the file's call index is complete.
 */
export function getBindingEvidenceKind(file: FileContext, call: TSESTree.CallExpression, method: string): string | undefined {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const proven = getProvenBindings(file);
  if (proven.size === 0) return undefined;
  const receiver = skipExpressionWrappers(callee.object);
  const client = receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed ? skipExpressionWrappers(receiver.object) : undefined;
  for (const kind of [proven.get(`self:${getBindingKey(file, receiver) ?? ""}`), client && proven.get(`client:${getBindingKey(file, client) ?? ""}`)]) {
    if (kind && getKind(kind)?.databaseMethods?.[method]) return kind;
  }
  return undefined;
}

/**
 * The kind a one-library method or call shape elsewhere in the file proves `node`'s binding to be:
 * `Item` of `new Item(row)` beside `Item.findById(id)`.
 */
export function getProvenBindingKind(file: FileContext, node: TSESTree.Node): string | undefined {
  const key = getBindingKey(file, node);
  return key === undefined ? undefined : getProvenBindings(file).get(`self:${key}`);
}

/** The kinds a client's every property has (`prisma.client`'s models). */
const PROPERTY_KINDS: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) => Object.values(library.kinds ?? {}).flatMap((kind) => (kind.anyProperty ? [getKindId(kind.anyProperty)] : []))),
);

/**
 * `self:<binding>` for the receivers of one-library methods or call shapes (`Inventory` of
 * `Inventory.aggregate([{ $match: … }])` beside an import of mongoose), `client:<binding>` for the
 * clients whose property such a receiver is.
 */
function getProvenBindings(file: FileContext): ReadonlyMap<string, string> {
  return memoizeFile(file, "proven-bindings", () => {
    const proven = new Map<string, string>();
    const index = getCollectedCallIndex(file);
    const shapes = getImportedShapes(file, SHAPES);
    for (const shaped of shapes.length > 0 ? (index?.callsToMethods(SHAPE_METHOD_NAMES) ?? []) : []) {
      const callee = skipExpressionWrappers(shaped.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const kind = getShapeEvidenceKind(file, shaped, getCalledMethodName(shaped) ?? "", shapes);
      const key = kind === undefined ? undefined : getBindingKey(file, skipExpressionWrappers(callee.object));
      if (kind !== undefined && key !== undefined) proven.set(`self:${key}`, kind);
    }
    for (const distinctive of index?.callsToMethods(DISTINCTIVE_METHOD_NAMES) ?? []) {
      const kind = getDistinctiveMethodKind(getCalledMethodName(distinctive) ?? "");
      const callee = skipExpressionWrappers(distinctive.callee);
      if (kind === undefined || callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const receiver = skipExpressionWrappers(callee.object);
      const key = getBindingKey(file, receiver);
      if (key !== undefined) proven.set(`self:${key}`, kind);
      if (!PROPERTY_KINDS.has(kind) || receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.computed) continue;
      const clientKey = getBindingKey(file, skipExpressionWrappers(receiver.object));
      if (clientKey !== undefined) proven.set(`client:${clientKey}`, kind);
    }
    return proven;
  });
}

/** A variable of the file (by where it is declared) or `this.name` in one class (by the class's place). */
function getBindingKey(file: FileContext, node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const name = resolveVariable(file, node)?.defs[0]?.name;
    return name ? `${name.range[0]}` : undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const owner = getThisClass(node);
  const property = getStaticPropertyName(node);
  return owner && property !== undefined ? `${owner.range[0]}.${property}` : undefined;
}

/** The memo keys of `importsPackage`, made once per package rather than on every question. */
const importsPackageKeys = new Map<string, string>();

/** The file imports `name` or a module under it (`drizzle-orm/pg-core`). */
function importsPackage(file: FileContext, name: string): boolean {
  let key = importsPackageKeys.get(name);
  if (key === undefined) {
    key = `imports-package:${name}`;
    importsPackageKeys.set(name, key);
  }
  return memoizeFile(file, key, () => getModuleSpecifiers(file).some((specifier) => specifier === name || specifier.startsWith(`${name}/`)));
}

const { ScopeType } = TSESLint.Scope;

const SQL_METHODS: ReadonlySet<string> = new Set(["query", "execute"]);

/** Whether some call of the file is name, shape or chain evidence for `trait` (see `isNameEvidence`, `getShapeEvidenceKind`, `getChainEvidenceKind`). */
export function hasNameEvidence(file: FileContext, index: CallIndex, trait: LibraryTrait): boolean {
  const traitIndex = getTraitIndex(trait);
  if (index.callsToMethods(traitIndex.distinctiveNames).length > 0) return true;
  // `` db.$queryRaw`SELECT …` ``: a tagged template calls its tag.
  if (index.taggedMethodCalls.some((tagged) => traitIndex.distinctiveNames.has(getCalledMethodName(tagged) ?? ""))) return true;
  if (trait.sqlText === true && index.callsToMethods(SQL_METHODS).some((call) => isSqlArgument(file, call.arguments[0]))) return true;
  const shapes = getImportedShapes(file, traitIndex.shapes);
  if (shapes.length > 0 && index.callsToMethods(traitIndex.shapeMethods).some((call) => getShapeEvidenceKind(file, call, getCalledMethodName(call) ?? "", shapes) !== undefined)) return true;
  return traitIndex.chains.length > 0 && index.callsToMethods(traitIndex.chainStarts).some((call) => getChainEvidenceKind(file, call, getMethodCalledOnResult(call), traitIndex.chains) !== null);
}

/** `values` of `db.insert(t).values(row)`, given `db.insert(t)`: the method called on the call's result. */
function getMethodCalledOnResult(call: TSESTree.CallExpression): string | undefined {
  const member = getOutermostWrapper(call).parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? getStaticPropertyName(member) : undefined;
}

/** The file imports a module named by one of `prefixes` (`"@mikro-orm/"` matches `@mikro-orm/core`). */
export function importsModuleWithPrefix(file: FileContext, prefixes: readonly string[]): boolean {
  const specifiers = getModuleSpecifiers(file);
  for (let position = 0; position < specifiers.length; position++) {
    const specifier = specifiers[position]!;
    if (prefixes.some((prefix) => specifier.startsWith(prefix))) return true;
  }
  return false;
}

/** The modules a file imports or requires, anywhere in it. */
export function getModuleSpecifiers(file: FileContext): readonly string[] {
  return memoizeFile(file, "module-specifiers", () => {
    const specifiers: string[] = [];
    const body = file.sourceCode.ast.body;
    for (let position = 0; position < body.length; position++) {
      const statement = body[position]!;
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) specifiers.push(statement.source.value);
      else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
        specifiers.push(statement.moduleReference.expression.value);
      }
    }
    // `require("x")` anywhere: the references to Node's `require` (a global, configured or not)
    // and to a module-level `const require = createRequire(import.meta.url)`. A file whose text
    // never names it has none: most ES modules, skipped without a look at their references.
    const scopeManager = file.sourceCode.scopeManager;
    const globalScope = scopeManager?.globalScope;
    if (globalScope && file.sourceCode.text.includes("require")) {
      const through = globalScope.through;
      for (let position = 0; position < through.length; position++) {
        const identifier = through[position]!.identifier;
        if (identifier.name === "require") addRequired(identifier, specifiers);
      }
      for (const reference of globalScope.set.get("require")?.references ?? []) addRequired(reference.identifier, specifiers);
      // The module's own scope: ES modules, or the function scope CommonJS wraps a file in.
      const moduleScope = globalScope.childScopes.find((scope) => scope.type === ScopeType.module || (scope.type === ScopeType.function && scope.block === globalScope.block));
      for (const reference of moduleScope?.set.get("require")?.references ?? []) addRequired(reference.identifier, specifiers);
    }
    return specifiers;
  });
}

/** The module `identifier(…)` requires, when it is called with a static specifier. */
function addRequired(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier, specifiers: string[]): void {
  const call = identifier.parent;
  const specifier = call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier ? getRequiredModule(call) : undefined;
  if (specifier !== undefined) specifiers.push(specifier);
}
