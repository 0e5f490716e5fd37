import type { TSESTree } from "@typescript-eslint/utils";
import type { CacheKeyArguments, CacheKnowledge } from "../knowledge/index.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, TSESLint } from "@typescript-eslint/utils";

import { redisCommands } from "../knowledge/cache.js";
import { LIBRARIES } from "../knowledge/index.js";
import { cacheLikeStore, inMemoryCollections, notStoreConstructors } from "../knowledge/collections.js";
import { getCallReceiver, getCalledMethodName, getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getThisMemberSources } from "./class-members.js";
import { getFileContext, memoize } from "./file-context.js";
import { CACHE_TRAIT, getFileForTrait, getFileWithoutTypes, importsLibraryWith } from "./library-evidence.js";
import { getConstantInit, isSameExpression, resolveVariable } from "./same-expression.js";
import { getBuiltinConstruction, getValueKindInFile } from "./value-kind.js";

/**
 * One operation on a key-value store:
 * - `remote`: a Redis client traced to ioredis or node-redis (`evidence` as in getValueKind);
 * - `memory`: a `Map`/`Set` of the process, declared at module level or on the instance
 *   (`scope`); a collection local to a function is never shared and is not reported here;
 * - `untraced`: an object not traced to anything whose name says cache (`this.cache`,
 *   `redisClient`) and which has `get`/`set`: weaker evidence, see `awaited`.
 */
export interface CacheOperation {
  readonly node: TSESTree.CallExpression;
  readonly store: "remote" | "memory" | "untraced";
  readonly evidence: "proof" | "name" | "untraced";
  readonly receiver: TSESTree.Expression;
  readonly method: string;
  /** `atomic`: a set-if-absent, a counter, or a `set` made conditional by `NX`/`XX`. */
  readonly op: "read" | "write" | "atomic" | "delete" | "transaction";
  readonly key: TSESTree.Node | undefined;
  /** The hash field or set member, for commands that take one. */
  readonly field: TSESTree.Node | undefined;
  /** The written value, for writes that take one. */
  readonly value: TSESTree.Node | undefined;
  /** The call is awaited (or its promise chained with `.then`) where it stands. */
  readonly awaited: boolean;
  readonly scope?: "module" | "instance";
  /** The in-memory collection's constructor (`Map`, `Set`). */
  readonly collection?: string;
  /** The client's atomic set-if-absent form and counter methods, for messages. */
  readonly atomicSetForm?: string;
  readonly increment?: { readonly one: string; readonly by: string };
}

/** The two operations act on one store: the same kind, on the same receiver (`this.seen` and `this.seen`). */
export function isSameStore(file: FileContext, a: CacheOperation, b: CacheOperation): boolean {
  return a.store === b.store && isSameExpression(file, a.receiver, b.receiver);
}

/** The two operations name the same key (and hash field or set member, when they take one). */
export function isSameKey(file: FileContext, a: CacheOperation, b: CacheOperation): boolean {
  if (a.key === undefined || b.key === undefined || !isSameExpression(file, a.key, b.key) || (a.field === undefined) !== (b.field === undefined)) return false;
  return a.field === undefined || isSameExpression(file, a.field, b.field!);
}

type StoreMethodList = "reads" | "writes" | "atomicWrites" | "deletes" | "transactions";

/** The store knowledge of every client library (ioredis, node-redis). */
const REMOTE_STORES: readonly CacheKnowledge[] = LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => (kind.cache ? [kind.cache] : [])));
const ALL_STORES: readonly Partial<Record<StoreMethodList, readonly string[]>>[] = [...REMOTE_STORES, ...Object.values(inMemoryCollections), cacheLikeStore];

function methodNames(stores: readonly Partial<Record<StoreMethodList, readonly string[]>>[], lists: readonly StoreMethodList[]): ReadonlySet<string> {
  return new Set(stores.flatMap((store) => lists.flatMap((list) => store[list] ?? [])));
}

const EVERY_LIST: readonly StoreMethodList[] = ["reads", "writes", "atomicWrites", "deletes", "transactions"];

/** Every method name that can be a store operation, for cheap guards before any analysis. */
export const CACHE_METHOD_NAMES = methodNames(ALL_STORES, EVERY_LIST);

/** The methods of some client's store: only for these can a type make a remote operation. */
const REMOTE_METHOD_NAMES = methodNames(REMOTE_STORES, EVERY_LIST);

/** Method names that can read an entry, write one (`op: "write"`) or remove one: a function with no read or no write has no check-then-act. */
export const CACHE_READ_NAMES = methodNames(ALL_STORES, ["reads"]);
export const CACHE_WRITE_NAMES = methodNames(ALL_STORES, ["writes"]);
export const CACHE_DELETE_NAMES = methodNames(ALL_STORES, ["deletes"]);

const { DefinitionType, ScopeType } = TSESLint.Scope;

const DEFAULT_ARGUMENTS: CacheKeyArguments = { key: 0, value: 1 };
const OPTION_NAME = /mode|flag|opt|cond|nx/iu;

/** What store operation `call` is, or null. Memoised per file. */
export function getCacheOperation(context: AnyRuleContext, call: TSESTree.CallExpression): CacheOperation | null {
  return getCacheOperationInFile(getFileContext(context), call);
}

export function getCacheOperationInFile(file: FileContext, call: TSESTree.CallExpression): CacheOperation | null {
  const method = getCalledMethodName(call);
  const receiver = getCallReceiver(call);
  if (method === undefined || !receiver || !CACHE_METHOD_NAMES.has(method)) return null;
  return memoize(file, "cache-operation", call, () => classify(file, call, method, receiver));
}

/**
 * Whether `call` may be an operation on a store outside the process (a client's, or an untraced
 * store named like a cache): false where `getCacheOperationInFile` can only find an in-memory
 * collection's operation or none. Costs no scope lookup for a receiver that is not a variable
 * (`this.entries.get(k)`), where classifying would look for the member's class field.
 */
export function mayBeOutOfProcessOperation(file: FileContext, call: TSESTree.CallExpression): boolean {
  const method = getCalledMethodName(call);
  const receiver = getCallReceiver(call);
  if (method === undefined || !receiver || !CACHE_METHOD_NAMES.has(method)) return false;
  return importsLibraryWith(getClientView(file, method), CACHE_TRAIT) || isCacheLikeReceiver(file, receiver);
}

/** `reg.add(x)`, `seen.has(k)`: no client has the method, so its type cannot make a client operation of it. */
function getClientView(file: FileContext, method: string): FileContext {
  return REMOTE_METHOD_NAMES.has(method) ? getFileForTrait(file, CACHE_TRAIT) : getFileWithoutTypes(file);
}

function isCacheLikeReceiver(file: FileContext, receiver: TSESTree.Expression): boolean {
  return isCacheLikeName(getReceiverName(receiver)) || isCacheLikeName(getInitName(file, receiver));
}

function classify(file: FileContext, call: TSESTree.CallExpression, method: string, receiver: TSESTree.Expression): CacheOperation | null {
  // A `Map`/`Set` the file creates is never a client: no need to ask for its type.
  const collection = getCollection(file, receiver);
  if (collection) {
    const known = inMemoryCollections[collection.constructor];
    if (!known || !collection.scope) return null;
    const op = known.reads.includes(method) ? "read" : known.writes.includes(method) ? "write" : known.deletes.includes(method) ? "delete" : null;
    if (!op) return null;
    const write = op === "write";
    return {
      ...base(call, method, receiver, "memory", "proof"),
      op,
      key: call.arguments[0],
      value: write && known.valued ? call.arguments[1] : undefined,
      scope: collection.scope,
      collection: collection.constructor,
    };
  }
  const view = getClientView(file, method);
  // Without an import of a client library (and without types) no receiver can be a client: the
  // kind only matters to an untraced store, which needs a name that says cache, so the name first.
  const cacheLike = (): boolean => isCacheLikeReceiver(file, receiver);
  const clientPossible = importsLibraryWith(view, CACHE_TRAIT);
  if (!clientPossible && !cacheLike()) return null;
  const kind = getValueKindInFile(view, receiver);
  if (kind) {
    const cache = !kind.promise ? kind.knowledge.cache : undefined;
    return cache ? fromRemote(file, call, method, receiver, cache, kind.evidence) : null;
  }
  if (clientPossible && !cacheLike()) return null;
  const op = (cacheLikeStore.reads as readonly string[]).includes(method)
    ? "read"
    : (cacheLikeStore.writes as readonly string[]).includes(method)
      ? isConditional(file, call, 2, redisCommands) ? "atomic" : "write"
      : (cacheLikeStore.atomicWrites as readonly string[]).includes(method)
        ? "atomic"
        : (cacheLikeStore.deletes as readonly string[]).includes(method)
          ? "delete"
          : null;
  if (!op) return null;
  // A store named like Redis takes its arguments in Redis's order: `setex(key, seconds, value)`.
  const layout = redisCommands.keyArguments?.[method] ?? DEFAULT_ARGUMENTS;
  const value = op === "write" && layout.value !== undefined ? call.arguments[layout.value] : undefined;
  return { ...base(call, method, receiver, "untraced", "untraced"), op, key: call.arguments[layout.key], value };
}

function fromRemote(
  file: FileContext,
  call: TSESTree.CallExpression,
  method: string,
  receiver: TSESTree.Expression,
  cache: CacheKnowledge,
  evidence: "proof" | "name",
): CacheOperation | null {
  const layout = cache.keyArguments?.[method] ?? DEFAULT_ARGUMENTS;
  let op: CacheOperation["op"];
  if (cache.reads.includes(method)) op = "read";
  else if (cache.transactions.includes(method)) op = "transaction";
  else if (cache.atomicWrites.includes(method)) op = "atomic";
  else if (cache.writes.includes(method)) op = isConditional(file, call, (layout.value ?? layout.field ?? 0) + 1, cache) ? "atomic" : "write";
  else if (cache.deletes.includes(method)) op = "delete";
  else return null;
  const field = layout.field === undefined ? undefined : call.arguments[layout.field];
  return {
    ...base(call, method, receiver, "remote", evidence),
    op,
    key: op === "transaction" && method !== "watch" ? undefined : call.arguments[layout.key],
    field: field?.type === AST_NODE_TYPES.ObjectExpression ? undefined : field,
    value: layout.value === undefined ? undefined : call.arguments[layout.value],
    ...(cache.atomicSetForm === undefined ? {} : { atomicSetForm: cache.atomicSetForm }),
    ...(cache.increment === undefined ? {} : { increment: cache.increment }),
  };
}

function base(call: TSESTree.CallExpression, method: string, receiver: TSESTree.Expression, store: CacheOperation["store"], evidence: CacheOperation["evidence"]) {
  return { node: call, store, evidence, receiver, method, field: undefined, awaited: isAwaited(call) };
}

function isAwaited(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.ChainExpression)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && getStaticPropertyName(parent) === "then";
}

/**
 * Whether a `set` carries an option that makes it conditional: a token (`"NX"`), an option key
 * (`{ NX: true }`, `{ condition: "NX" }`), a spread, or a variable named like a mode or flag
 * whose value is unknown. Arguments before `from` are key and value.
 */
function isConditional(file: FileContext, call: TSESTree.CallExpression, from: number, cache: CacheKnowledge): boolean {
  return call.arguments.slice(from).some((argument) => isConditionalArgument(file, argument, cache, 0));
}

function isConditionalArgument(file: FileContext, raw: TSESTree.Node, cache: CacheKnowledge, depth: number): boolean {
  const node = skipExpressionWrappers(raw);
  const tokens = cache.conditionalSetTokens;
  switch (node.type) {
    case AST_NODE_TYPES.SpreadElement:
      return true;
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "string" && tokens.includes(node.value);
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.some((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return true;
        const key = getStaticPropertyName(property);
        const value = skipExpressionWrappers(property.value);
        if (key !== undefined && (tokens.includes(key) || cache.conditionalSetKeys?.includes(key) === true)) {
          return !(value.type === AST_NODE_TYPES.Literal && value.value === false);
        }
        return value.type === AST_NODE_TYPES.Literal && typeof value.value === "string" && tokens.includes(value.value);
      });
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveVariable(file, node);
      const init = variable ? getConstantInit(variable) : null;
      if (init && depth < 3) return isConditionalArgument(file, init, cache, depth + 1);
      return OPTION_NAME.test(node.name);
    }
    default:
      return false;
  }
}

function getReceiverName(receiver: TSESTree.Node): string | undefined {
  const node = skipExpressionWrappers(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(node);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipExpressionWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
    if (callee.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(callee);
  }
  return undefined;
}

/** For `const client = getRedis()`: the name of what the variable was made from. */
function getInitName(file: FileContext, receiver: TSESTree.Node): string | undefined {
  const node = skipExpressionWrappers(receiver);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(file, node);
  const init = variable ? getConstantInit(variable) : null;
  return init ? getReceiverName(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init) : undefined;
}

function isCacheLikeName(name: string | undefined): boolean {
  if (name === undefined) return false;
  const lower = name.toLowerCase();
  return cacheLikeStore.names.some((part) => lower.includes(part)) && !cacheLikeStore.notStoreNames.some((part) => lower.includes(part));
}

interface Collection {
  readonly constructor: string;
  /** Undefined for a collection local to a function. */
  readonly scope: "module" | "instance" | undefined;
}

/** A receiver that is a collection built with a global constructor (`new Map()`), and where it lives. */
function getCollection(file: FileContext, receiver: TSESTree.Node): Collection | null {
  const node = skipExpressionWrappers(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(file, node);
    const def = variable?.defs[0];
    if (!variable || def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
    const constructor = getBuiltinConstruction(file, def.node.init, KNOWN_CONSTRUCTORS) ?? getTypeName(def.node.id.typeAnnotation?.typeAnnotation);
    if (constructor === undefined) return null;
    const shared = variable.scope.type === ScopeType.module || variable.scope.type === ScopeType.global;
    return { constructor, scope: shared ? "module" : undefined };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = getStaticPropertyName(node);
    if (name === undefined) return null;
    for (const source of getThisMemberSources(file, node, name)) {
      const constructor = source.kind === "annotation" ? getTypeName(source.node) : getBuiltinConstruction(file, source.node, KNOWN_CONSTRUCTORS);
      if (constructor !== undefined) return { constructor, scope: "instance" };
    }
  }
  return null;
}

const KNOWN_CONSTRUCTORS = new Set([...Object.keys(inMemoryCollections), ...notStoreConstructors]);

function getTypeName(type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  return KNOWN_CONSTRUCTORS.has(type.typeName.name) ? type.typeName.name : undefined;
}
