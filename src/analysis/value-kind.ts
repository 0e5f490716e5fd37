import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { CacheKnowledge, KindKnowledge, KindRef } from "../knowledge/index.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { PLAIN_DATA_BUILTIN_CALLS, PLAIN_DATA_CONSTRUCTORS } from "../knowledge/builtins.js";
import { selfReturningMethods } from "../knowledge/collections.js";
import { getGlobalKind, getGlobalTypeKind, getKind, getKindId, getLibrary } from "../knowledge/index.js";
import { getStaticPropertyName, getRequiredModule, skipExpressionWrappers } from "./ast.js";
import { getThisMemberAnnotation, getThisMemberSources } from "./class-members.js";
import { getExportsOfModule, getFileContext } from "./file-context.js";
import { getConstantInit } from "./same-expression.js";
import { getKindFromType } from "./type-kind.js";

/**
 * What a value is, in the knowledge base's terms.
 * - `proof`: the value was traced to a library import, a type annotation naming a library type,
 *   or the type checker.
 * - `name`: only a method name that one library alone uses points at it.
 */
export interface ValueKind {
  readonly id: string;
  readonly knowledge: KindKnowledge;
  /** The value is a Promise of the kind (not yet awaited). */
  readonly promise: boolean;
  readonly evidence: "proof" | "name";
}

const { DefinitionType } = TSESLint.Scope;

/** How far `getValueKind` follows variables and members before giving up. */
const MAX_DEPTH = 12;

/**
 * What `node` evaluates to, or null when it cannot be traced to a known library value.
 * Syntax first (imports, require, initialisers, annotations, class members); the type checker
 * only when the parser provides one and syntax found nothing.
 */
export function getValueKind(context: AnyRuleContext, node: TSESTree.Node): ValueKind | null {
  return kindOf(getFileContext(context), node, 0);
}

/** The same, for callers that already hold the file context. */
export function getValueKindInFile(file: FileContext, node: TSESTree.Node): ValueKind | null {
  return kindOf(file, node, 0);
}

/** The knowledge of a kind reference, as a ValueKind with `proof` evidence. */
export function fromRef(ref: KindRef | undefined, promise = false): ValueKind | null {
  if (ref === undefined) return null;
  const id = getKindId(ref);
  const knowledge = getKind(id);
  if (!knowledge) return null;
  return { id, knowledge, promise: promise || typeof ref !== "string", evidence: "proof" };
}

/** The display name of the library a kind belongs to. */
export function getLibraryName(kind: ValueKind): string {
  return getLibrary(kind.knowledge.library)?.displayName ?? kind.knowledge.library;
}

function kindOf(file: FileContext, rawNode: TSESTree.Node, depth: number): ValueKind | null {
  if (depth > MAX_DEPTH) return null;
  const node = skipExpressionWrappers(rawNode);
  const cached = file.kinds.get(node);
  if (cached !== undefined) return cached;
  // Guard against cycles (`let a = b; let b = a`): mark as unknown while computing.
  file.kinds.set(node, null);
  let result = syntacticKind(file, node, depth);
  if (!result && file.typeServices && isTypeWorthy(file, node)) result = getKindFromType(file, getThisMemberAnnotation(file, node) ?? node);
  file.kinds.set(node, result);
  return result;
}

/**
 * Only identifiers, members, calls and awaits can have a library type worth asking for. In a
 * chain (`db.selectFrom(t).where(…).execute()`), only its first call: the links after it follow
 * from the knowledge of the first one's kind, and asking about each link costs a signature
 * resolution per link on every chain of the file. Nor about what syntax knows is no library
 * value, whatever its type: a namespace import, a built-in object, a built-in's plain-data call,
 * a new built-in collection's methods that return the collection (`new Map().set(k, v)`).
 */
function isTypeWorthy(file: FileContext, node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return !needsNoTypeQuestion(file, node);
    case AST_NODE_TYPES.MemberExpression:
      return true;
    case AST_NODE_TYPES.AwaitExpression:
      return !isQueryOfKnownReceiver(file, node.argument);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipExpressionWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
      if (isQueryOfKnownReceiver(file, node)) return false;
      const object = skipExpressionWrappers(callee.object);
      if (object.type === AST_NODE_TYPES.NewExpression) return getBuiltinConstruction(file, node, PLAIN_DATA_CONSTRUCTORS) === undefined;
      return object.type !== AST_NODE_TYPES.CallExpression && !isPlainDataBuiltinCall(file, callee, object);
    }
    default:
      return false;
  }
}

/**
 * Names whose own type question would add nothing: syntax knows the value is never a library
 * value, whatever its type, or asks about where it comes from instead:
 * - `import * as models from "./models"`: a module namespace object (its members may be
 *   library values, and are asked about as members); its type is the whole module's exports,
 *   the costliest type a checker can be asked for;
 * - `Object`, `Array`, `JSON`, `Map`, … not shadowed: the language's built-in objects;
 * - a variable only ever given `new Map(…)`, `new Set(…)`, … (see `PLAIN_DATA_CONSTRUCTORS`);
 * - a `const` of `const [a, b] = await Promise.all([…])`: its element is asked about, which
 *   costs the element's own inference (a call's declared return type), not that of the whole
 *   `Promise.all` and of the callback around it (outline's MCP tools: over a second).
 */
function needsNoTypeQuestion(file: FileContext, node: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  if (!variable || isGlobal(variable)) return PLAIN_DATA_BUILTIN_CALLS.has(node.name) || PLAIN_DATA_CONSTRUCTORS.has(node.name);
  const def = variable.defs[0];
  if (def?.type === DefinitionType.ImportBinding) return def.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier;
  if (def?.type === DefinitionType.Variable && def.parent?.kind === "const" && def.name.type === AST_NODE_TYPES.Identifier) {
    if (getPromiseAllElement(file, def.node, def.name)) return true;
    const init = def.node.id === def.name && def.node.init ? skipExpressionWrappers(def.node.init) : undefined;
    if (init && isQueryOfKnownReceiver(file, init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init)) return true;
  }
  return getBuiltinConstruction(file, getConstantInit(variable), PLAIN_DATA_CONSTRUCTORS) !== undefined;
}

/**
 * `User.findByPk(id)`, `await User.findByPk(id)`, `const user = await …`: a query of a receiver
 * whose kind is known, by a method its knowledge lists as a query and not as returning a library
 * value (`isQueryMethod`, the answer `getMethodResult` gives too). Its result is rows,
 * whatever their type; asking the checker would infer the query's generic signature (outline's
 * `Group.findByPk(…)`: half a second) to find no library.
 */
function isQueryOfKnownReceiver(file: FileContext, node: TSESTree.Node): boolean {
  const call = skipExpressionWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(callee);
  if (name === undefined) return false;
  const receiver = kindOf(file, callee.object, 0);
  return receiver !== null && !receiver.promise && isQueryMethod(receiver.knowledge, name);
}

/**
 * `receiver.name(…)` is a query whose result is rows, or a store command whose result is a reply
 * (`redis.del(key)`, `redis.get(key)`): the knowledge lists it as one, not as giving back a
 * library value. A session factory's `await cache.del(…)` made the checker infer ioredis's client
 * type, its hundreds of command overloads, to find a number.
 */
function isQueryMethod(knowledge: KindKnowledge, name: string): boolean {
  if (knowledge.returns?.[name] !== undefined || knowledge.properties?.[name] !== undefined) return false;
  return knowledge.databaseMethods?.[name] !== undefined || isStoreCommand(knowledge.cache, name);
}

/** A read, write or delete of one key (not a transaction or script, which gives back a pipeline or anything). */
function isStoreCommand(cache: CacheKnowledge | undefined, name: string): boolean {
  return cache !== undefined && (cache.reads.includes(name) || cache.writes.includes(name) || cache.atomicWrites.includes(name) || cache.deletes.includes(name));
}

/**
 * `new Map(…)`, `new Date()`, `new Map().set(k, v).set(…)`: the name of a built-in constructor
 * among `names`, not shadowed by a local binding, of the value or of the chain of its methods that
 * return the collection itself.
 */
export function getBuiltinConstruction(file: FileContext, init: TSESTree.Node | null | undefined, names: ReadonlySet<string>): string | undefined {
  let node = init && skipExpressionWrappers(init);
  const chained: string[] = [];
  while (node?.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticPropertyName(node.callee);
    if (method === undefined || !SELF_RETURNING_METHODS.has(method)) return undefined;
    chained.push(method);
    node = skipExpressionWrappers(node.callee.object);
  }
  if (node?.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || !names.has(node.callee.name)) return undefined;
  const name = node.callee.name;
  if (chained.some((method) => !selfReturningMethods[name]?.includes(method))) return undefined;
  return isGlobal(ASTUtils.findVariable(file.sourceCode.getScope(node.callee), node.callee)) ? name : undefined;
}

const SELF_RETURNING_METHODS: ReadonlySet<string> = new Set(Object.values(selfReturningMethods).flat());

/** `Object.entries(x)`, `Array.from(x)`: a built-in whose result is plain data (not shadowed by a local binding). */
function isPlainDataBuiltinCall(file: FileContext, callee: TSESTree.MemberExpression, object: TSESTree.Node): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const name = getStaticPropertyName(callee);
  return name !== undefined && PLAIN_DATA_BUILTIN_CALLS.get(object.name)?.has(name) === true && isGlobal(ASTUtils.findVariable(file.sourceCode.getScope(object), object));
}

/** Not declared in the file: a global (ESLint's scope manager may hold it without a definition). */
function isGlobal(variable: Scope.Variable | null): boolean {
  return !variable || variable.defs.length === 0;
}

function syntacticKind(file: FileContext, node: TSESTree.Node, depth: number): ValueKind | null {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return kindOfIdentifier(file, node, depth);
    case AST_NODE_TYPES.AwaitExpression:
      return awaitedKind(kindOf(file, node.argument, depth + 1));
    case AST_NODE_TYPES.MemberExpression:
      return kindOfMember(file, node, depth);
    case AST_NODE_TYPES.CallExpression:
      return kindOfCall(file, node, depth);
    case AST_NODE_TYPES.NewExpression: {
      const callee = kindOf(file, node.callee, depth + 1);
      return callee && !callee.promise ? fromRef(callee.knowledge.construct) : null;
    }
    case AST_NODE_TYPES.LogicalExpression:
      return kindOf(file, node.right, depth + 1) ?? kindOf(file, node.left, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return kindOf(file, node.consequent, depth + 1) ?? kindOf(file, node.alternate, depth + 1);
    case AST_NODE_TYPES.AssignmentExpression:
      return node.operator === "=" ? kindOf(file, node.right, depth + 1) : null;
    default:
      return null;
  }
}

export function awaitedKind(kind: ValueKind | null): ValueKind | null {
  if (!kind) return null;
  if (kind.promise) return { ...kind, promise: false };
  if (kind.knowledge.awaited) return fromRef(kind.knowledge.awaited);
  // Awaiting a builder runs it and yields rows, not another builder.
  if (kind.knowledge.runsWhenAwaited || kind.knowledge.chain) return null;
  return kind;
}

function kindOfMember(file: FileContext, node: TSESTree.MemberExpression, depth: number): ValueKind | null {
  const name = getStaticPropertyName(node);
  if (name === undefined) return null;
  if (node.object.type === AST_NODE_TYPES.ThisExpression) {
    for (const source of getThisMemberSources(file, node, name)) {
      const kind = source.kind === "annotation" ? kindOfTypeAnnotation(file, source.node) : kindOf(file, source.node, depth + 1);
      if (kind) return kind;
    }
    return null;
  }
  const object = kindOf(file, node.object, depth + 1);
  if (!object || object.promise) return null;
  return withEvidence(fromRef(getPropertyRef(object.knowledge, name)), object);
}

function getPropertyRef(knowledge: KindKnowledge, name: string): KindRef | undefined {
  const own = knowledge.properties?.[name];
  if (own !== undefined) return own;
  if (knowledge.anyProperty !== undefined && !name.startsWith("$") && !name.startsWith("_")) return knowledge.anyProperty;
  return undefined;
}

function kindOfCall(file: FileContext, node: TSESTree.CallExpression, depth: number): ValueKind | null {
  const required = getRequiredModule(node);
  if (required !== undefined) {
    const exports = getExportsOfModule(file, required);
    return fromRef(exports?.["*"] ?? exports?.default);
  }
  const callee = skipExpressionWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(callee);
    if (name === undefined) return null;
    const receiver = kindOf(file, callee.object, depth + 1);
    if (!receiver || receiver.promise) return null;
    return withEvidence(getMethodResult(receiver.knowledge, name), receiver);
  }
  const kind = kindOf(file, callee, depth + 1);
  return kind && !kind.promise ? withEvidence(fromRef(kind.knowledge.call), kind) : null;
}

/** What `receiver.name(...)` returns, from the knowledge of the receiver's kind. */
export function getMethodResult(knowledge: KindKnowledge, name: string): ValueKind | null {
  const returned = knowledge.returns?.[name];
  if (returned !== undefined) return fromRef(returned);
  const property = knowledge.properties?.[name];
  if (property !== undefined) {
    const callable = fromRef(property);
    return callable ? fromRef(callable.knowledge.call) : null;
  }
  if (isQueryMethod(knowledge, name)) return null;
  return fromRef(knowledge.chain);
}

function withEvidence(kind: ValueKind | null, from: ValueKind): ValueKind | null {
  return kind && from.evidence !== kind.evidence ? { ...kind, evidence: from.evidence } : kind;
}

function kindOfIdentifier(file: FileContext, node: TSESTree.Identifier, depth: number): ValueKind | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  if (!variable) return fromRef(getGlobalKind(node.name));
  return kindOfVariable(file, variable, depth);
}

/** What a variable holds: its import, initialiser, writes, annotation or callback origin. */
export function kindOfVariable(file: FileContext, variable: Scope.Variable, depth: number): ValueKind | null {
  if (variable.defs.length === 0) return fromRef(getGlobalKind(variable.name));
  const def = variable.defs[0];
  if (!def) return null;
  switch (def.type) {
    case DefinitionType.ImportBinding:
      return kindOfImport(file, def.node, def.parent);
    case DefinitionType.Variable:
      return def.name.type === AST_NODE_TYPES.Identifier ? kindOfDeclared(file, variable, def.node, def.name, depth) : null;
    case DefinitionType.Parameter:
      return def.name.type === AST_NODE_TYPES.Identifier ? kindOfParameter(file, def.name, def.node, depth) : null;
    case DefinitionType.ClassName:
      return kindOfClass(file, def.node, depth);
    default:
      return null;
  }
}

function kindOfImport(
  file: FileContext,
  specifier: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration,
  declaration: TSESTree.Node | null,
): ValueKind | null {
  if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = specifier.moduleReference;
    if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return null;
    const source = reference.expression.value;
    const exports = getExportsOfModule(file, source);
    return fromRef(exports?.["*"] ?? exports?.default);
  }
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
  const exports = getExportsOfModule(file, declaration.source.value);
  if (!exports) return null;
  switch (specifier.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return fromRef(exports.default);
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return fromRef(exports["*"]);
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      return fromRef(imported === "default" ? exports.default : exports[imported]);
    }
    default:
      return null;
  }
}

function kindOfDeclared(
  file: FileContext,
  variable: Scope.Variable,
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Identifier,
  depth: number,
): ValueKind | null {
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    const annotated = kindOfTypeAnnotation(file, declarator.id.typeAnnotation?.typeAnnotation);
    if (annotated) return annotated;
    if (declarator.init) {
      const fromInit = kindOf(file, declarator.init, depth + 1);
      if (fromInit) return fromInit;
    }
    // `let pool; … pool = new Pool()`: a lazy singleton is whatever it is assigned.
    for (const reference of variable.references) {
      if (reference.writeExpr && reference.writeExpr !== declarator.init) {
        const written = kindOf(file, reference.writeExpr, depth + 1);
        if (written) return written;
      }
    }
    return null;
  }
  // `const { Pool } = require("pg")`, `const { user } = prisma`.
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init && name.parent?.type === AST_NODE_TYPES.Property) {
    const property = name.parent;
    if (property.parent !== declarator.id) return null;
    const key = getStaticPropertyName(property);
    if (key === undefined) return null;
    const required = getRequiredModule(skipExpressionWrappers(declarator.init));
    if (required !== undefined) return fromRef(getExportsOfModule(file, required)?.[key]);
    const object = kindOf(file, declarator.init, depth + 1);
    return object && !object.promise ? withEvidence(fromRef(getPropertyRef(object.knowledge, key)), object) : null;
  }
  // `const [pool, rows] = await Promise.all([getPool(), load()])`: the awaited element at its position.
  const element = getPromiseAllElement(file, declarator, name);
  return element ? awaitedKind(kindOf(file, element, depth + 1)) : null;
}

/**
 * The element of `await Promise.all([a, b])` that a name of `const [x, y] = …` receives, when
 * syntax can tell (no spread before it, `Promise` not shadowed).
 */
function getPromiseAllElement(file: FileContext, declarator: TSESTree.VariableDeclarator, name: TSESTree.Identifier): TSESTree.Expression | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.ArrayPattern || name.parent !== declarator.id || !declarator.init) return undefined;
  const awaited = skipExpressionWrappers(declarator.init);
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const call = skipExpressionWrappers(awaited.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(call.callee) !== "all") return undefined;
  const promise = call.callee.object;
  const list = call.arguments[0];
  if (promise.type !== AST_NODE_TYPES.Identifier || promise.name !== "Promise" || list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const position = declarator.id.elements.indexOf(name);
  const elements = list.elements.slice(0, position + 1);
  if (elements.length <= position || elements.some((element) => element === null || element.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  if (!isGlobal(ASTUtils.findVariable(file.sourceCode.getScope(promise), promise))) return undefined;
  return elements[position] as TSESTree.Expression;
}

function kindOfParameter(file: FileContext, name: TSESTree.Identifier, fn: TSESTree.Node, depth: number): ValueKind | null {
  const annotated = kindOfTypeAnnotation(file, name.typeAnnotation?.typeAnnotation);
  if (annotated) return annotated;
  // `promise.then((res) => …)`: the first parameter is the awaited value.
  if (
    (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) &&
    fn.params[0] === name &&
    fn.parent.type === AST_NODE_TYPES.CallExpression &&
    fn.parent.arguments[0] === fn
  ) {
    const callee = skipExpressionWrappers(fn.parent.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === "then") {
      const receiver = kindOf(file, callee.object, depth + 1);
      if (receiver?.promise || receiver?.knowledge.awaited) return awaitedKind(receiver);
    }
  }
  return null;
}

function kindOfClass(file: FileContext, node: TSESTree.Node, depth: number): ValueKind | null {
  if (node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) return null;
  if (!node.superClass) return null;
  const parent = kindOf(file, node.superClass, depth + 1);
  return parent && !parent.promise ? withEvidence(fromRef(parent.knowledge.extendsTo), parent) : null;
}

/** The kind a type annotation names: `Pool` from pg, `Repository<User>`, `Knex.Transaction`, `Response`. */
export function kindOfTypeAnnotation(file: FileContext, type: TSESTree.TypeNode | undefined): ValueKind | null {
  if (!type) return null;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference:
      return kindOfTypeName(file, type.typeName);
    case AST_NODE_TYPES.TSUnionType:
      for (const member of type.types) {
        const kind = kindOfTypeAnnotation(file, member);
        if (kind) return kind;
      }
      return null;
    default:
      return null;
  }
}

function kindOfTypeName(file: FileContext, name: TSESTree.EntityName): ValueKind | null {
  let root: TSESTree.EntityName = name;
  const path: string[] = [];
  while (root.type === AST_NODE_TYPES.TSQualifiedName) {
    path.unshift(root.right.name);
    root = root.left;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(root), root);
  if (!variable || variable.defs.length === 0) {
    return path.length === 0 ? fromRef(getGlobalTypeKind(root.name)) : null;
  }
  const def = variable.defs[0];
  if (def?.type !== DefinitionType.ImportBinding || def.parent?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
  const source = def.parent.source.value;
  const library = getLibraryOfModule(file, source);
  if (!library) return null;
  const node = def.node;
  const imported =
    node.type === AST_NODE_TYPES.ImportSpecifier
      ? node.imported.type === AST_NODE_TYPES.Identifier
        ? node.imported.name
        : node.imported.value
      : null;
  // `import Redis from "ioredis"` then `redis: Redis`: a default-exported class names its instances.
  if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier && path.length === 0) return getInstanceKind(file, source, "default");
  // `import type { Knex } from "knex"` → `Knex.Transaction`; `import * as pg` → `pg.Pool`.
  const typeName = imported === null ? path.join(".") : [imported, ...path].join(".");
  const named = fromRef(library.types?.[typeName]);
  if (named || imported === null || path.length > 0) return named;
  // `import { PrismaService } from "./prisma/prisma.service"`, declared in settings as a class
  // (`PrismaService: "prisma.ClientClass"`), then `prisma: PrismaService`: so does a named one.
  return getInstanceKind(file, source, imported);
}

/** The kind of the instances of the class a module exports under `name`. */
function getInstanceKind(file: FileContext, source: string, name: string): ValueKind | null {
  const exported = fromRef(getExportsOfModule(file, source)?.[name]);
  return exported ? fromRef(exported.knowledge.construct) : null;
}

function getLibraryOfModule(file: FileContext, source: string): { types?: Readonly<Record<string, string>> } | undefined {
  const exports = getExportsOfModule(file, source);
  if (!exports) return undefined;
  for (const ref of Object.values(exports)) {
    const kind = fromRef(ref);
    if (kind) return getLibrary(kind.knowledge.library);
  }
  return undefined;
}
