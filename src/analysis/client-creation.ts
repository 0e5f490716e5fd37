import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { ValueFate } from "./escape.js";
import type { KindRef } from "../knowledge/index.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";
import type { ValueKind } from "./value-kind.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { ADOPTED_POOL_KEYS, CLIENT_ADOPTION, EVENT_METHODS, LISTENER_METHODS, PASSIVE_EVENTS, SETUP_METHODS } from "../knowledge/connections.js";
import { getKind, getKindId, LIBRARIES } from "../knowledge/index.js";
import { getStaticPropertyName, getStaticString, isEnvironmentRead, skipExpressionWrappers } from "./ast.js";
import { getValueFate } from "./escape.js";
import { getFileContext, memoize } from "./file-context.js";
import { getFileWithoutTypes } from "./library-evidence.js";
import { fromRef, getMethodResult, getValueKindInFile } from "./value-kind.js";

/** A `new`/call expression that creates a client, pool or ORM instance that owns connections. */
export interface ClientCreation {
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The created value's kind (with `promise` when the factory is async). */
  readonly kind: ValueKind;
  /** The factory's kind id (`pg.PoolClass`, `drizzle.factory`). */
  readonly factory: string;
  /**
   * The argument through which the new value adopts an existing client, dialect or adapter
   * (`drizzle(pool)`, `new Kysely({ dialect })`): such a value opens no connections of its own.
   */
  readonly adopted: TSESTree.Node | null;
}

type Creation = TSESTree.NewExpression | TSESTree.CallExpression;

const { DefinitionType } = TSESLint.Scope;

/** Every close method of every connection-owning kind: `end`, `quit`, `$disconnect`, `destroy`, … */
const CLOSE_METHODS: ReadonlySet<string> = new Set(LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => kind.closeMethods ?? [])));

/**
 * Member names through which a factory of a connection-owning value is reached or called
 * (`pg.Pool`, `mysql.createPool`, `MongoClient.connect`), for the cheap syntactic guard. A member
 * of a library module or factory that leads to no such value (ky's `get`, mongoose's `model`) is
 * no candidate, and its receiver is never traced: with types, outline's `shareUrls.get(id)`, a
 * Map destructured from a `Promise.all`, cost over a second of inference.
 */
const FACTORY_MEMBER_NAMES: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) =>
    Object.values(library.kinds)
      .filter((kind) => kind.role === "module" || kind.role === "factory")
      .flatMap((kind) => [
        ...Object.entries(kind.properties ?? {}).filter(([, ref]) => ownsConnections(ref) || createsConnectionOwner(ref)),
        ...Object.entries(kind.returns ?? {}).filter(([, ref]) => ownsConnections(ref)),
      ])
      .map(([name]) => name),
  ),
);

function ownsConnections(ref: KindRef | undefined): boolean {
  return ref !== undefined && getKind(getKindId(ref))?.ownsConnections === true;
}

/** A property whose call or construction owns connections (`createPool`, `Pool`). */
function createsConnectionOwner(ref: KindRef): boolean {
  const property = getKind(getKindId(ref));
  return property !== undefined && (ownsConnections(property.call) || ownsConnections(property.construct));
}

/** Cheap syntax check: could this expression be a factory call or construction at all? */
export function mayCreateClient(node: Creation): boolean {
  const callee = skipExpressionWrappers(node.callee);
  switch (callee.type) {
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(callee);
      return name !== undefined && FACTORY_MEMBER_NAMES.has(name);
    }
    case AST_NODE_TYPES.CallExpression:
      return node.type === AST_NODE_TYPES.CallExpression;
    default:
      return false;
  }
}

/** What `node` creates when it constructs or calls a library factory of a connection-owning value. */
export function getClientCreation(context: AnyRuleContext, node: Creation): ClientCreation | null {
  const file = getFileContext(context);
  return memoize(file, "client-creation", node, () => {
    if (!mayCreateClient(node)) return null;
    const created = getCreated(file, node);
    if (!created || !created.kind.knowledge.ownsConnections) return null;
    return { node, kind: created.kind, factory: created.factory, adopted: getAdopted(file, node, created.factory) };
  });
}

/**
 * What becomes of a created client inside `fn`: used, closed, returned, stored, handed on.
 * Follows it through methods that give back the same client (`connect()`, `promise()`) and
 * into values that adopt it (`drizzle(pool)`).
 */
export function getClientFate(context: AnyRuleContext, creation: ClientCreation, fn: FunctionNode): ValueFate {
  const file = getFileContext(context);
  const setup = new Set([...EVENT_METHODS, ...(SETUP_METHODS[creation.kind.id] ?? [])]);
  return getValueFate(context, creation.node, fn, {
    isClose: (name) => CLOSE_METHODS.has(name),
    isSetup: (name) => setup.has(name),
    keepsAlive: (name, call) => LISTENER_METHODS.includes(name) || (EVENT_METHODS.includes(name) && isActiveEvent(call)),
    isAlias: (call) => getValueKindInFile(file, call)?.knowledge.ownsConnections === true,
    getWrapper: (node) => getAdoptingCreation(context, node)?.node ?? null,
    isHandle: (node) => isHandleOf(getValueKindInFile(file, node), creation.kind),
  });
}

/** Roles of values that hold on to the client they came from (`client.db()`, `prisma.user`, `dataSource.manager`). */
const HANDLE_ROLES: ReadonlySet<string> = new Set(["model", "other", "orm", "client", "pool", "cache", "transaction"]);

function isHandleOf(kind: ValueKind | null, of: ValueKind): boolean {
  return kind !== null && !kind.promise && kind.knowledge.library === of.knowledge.library && HANDLE_ROLES.has(kind.knowledge.role);
}

/** A call given the option under which the library keeps what it creates (`createConnection({ name: \`tenant_${schema}\` })`). */
function isRegistered(node: Creation, option: string | undefined): boolean {
  const options = node.arguments[0] && skipExpressionWrappers(node.arguments[0]);
  return option !== undefined && options?.type === AST_NODE_TYPES.ObjectExpression && options.properties.some((property) => property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === option);
}

/** `client.on("message", …)`: a listener for an event other than errors and life-cycle notices. */
function isActiveEvent(call: TSESTree.CallExpression): boolean {
  const event = call.arguments[0] ? getStaticString(call.arguments[0]) : undefined;
  return call.arguments.length > 1 && (event === undefined || !PASSIVE_EVENTS.includes(event));
}

function getCreated(file: FileContext, node: Creation): { kind: ValueKind; factory: string } | null {
  const callee = skipExpressionWrappers(node.callee);
  const factory = getValueKindInFile(isUnannotatedParameter(file, callee) ? getFileWithoutTypes(file) : file, callee);
  if (factory && isFactory(factory)) {
    if (factory.knowledge.returnsExisting === true || isRegistered(node, factory.knowledge.registryOption)) return null;
    const kind = fromRef(node.type === AST_NODE_TYPES.NewExpression ? factory.knowledge.construct : factory.knowledge.call);
    return kind ? { kind, factory: factory.id } : null;
  }
  // `MongoClient.connect(url)`: a static method of a factory.
  if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(callee);
    const receiver = getValueKindInFile(file, callee.object);
    if (name === undefined || !receiver || !isFactory(receiver)) return null;
    const kind = getMethodResult(receiver.knowledge, name);
    return kind ? { kind, factory: receiver.id } : null;
  }
  return null;
}

/**
 * `.where((eb) => eb("id", "=", id))`, `({ not, exists }) => not(exists(…))`: a parameter with no
 * annotation, called. No factory is handed to a callback to be called, and the type of such a
 * parameter is the contextual type of the callback, whose inference resolves the call around it:
 * Kysely's expression builder costs hundreds of milliseconds per callback.
 */
function isUnannotatedParameter(file: FileContext, callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier || !file.typeServices) return false;
  const def = ASTUtils.findVariable(file.sourceCode.getScope(callee), callee)?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return false;
  // From the name up to the parameter (`{ not }`, `x = 1`, `...rest`): an annotation anywhere on the way.
  for (let node: TSESTree.Node | undefined = def.name; node && node !== def.node; node = node.parent) {
    if ("typeAnnotation" in node && node.typeAnnotation) return false;
  }
  return true;
}

function isFactory(kind: ValueKind): boolean {
  return kind.evidence === "proof" && !kind.promise && (kind.knowledge.role === "factory" || kind.knowledge.role === "module");
}

/** The argument holding an existing client the new value wraps, or null when it opens its own. */
function getAdopted(file: FileContext, node: Creation, factory: string): TSESTree.Node | null {
  const adoption = CLIENT_ADOPTION[factory];
  const first = node.arguments[0];
  if (!adoption || !first) return null;
  const argument = skipExpressionWrappers(first);
  if (argument.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of argument.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) return property;
      const key = getStaticPropertyName(property);
      if (key !== undefined && adoption.optionKeys.includes(key)) return property.value;
    }
    return null;
  }
  if (!adoption.positional || isConnectionString(file, argument)) return null;
  return argument;
}

/** A connection URL: a string, a template, `process.env.X`, or a `const` holding one. */
function isConnectionString(file: FileContext, node: TSESTree.Node): boolean {
  const inner = skipExpressionWrappers(node);
  if (getStaticString(inner) !== undefined || inner.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return isConnectionString(file, inner.left) || isConnectionString(file, inner.right);
  if (inner.type === AST_NODE_TYPES.MemberExpression) return isEnvironmentRead(inner);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const def = ASTUtils.findVariable(file.sourceCode.getScope(inner), inner)?.defs[0];
    return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init !== null && def.node.init !== undefined && def.node.init !== inner
      ? isConnectionString(file, def.node.init)
      : false;
  }
  return false;
}

/**
 * The creation that adopts `node` as its client: `drizzle(node)`, `drizzle({ client: node })`,
 * `new Kysely({ dialect: new PostgresDialect({ pool: node }) })`. Null otherwise.
 */
export function getAdoptingCreation(context: AnyRuleContext, node: TSESTree.Node): ClientCreation | null {
  let current: TSESTree.Node = node;
  for (let depth = 0; depth < 6; depth++) {
    const parent = current.parent;
    if (!parent) return null;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
      const key = getStaticPropertyName(parent);
      if (key === undefined || (depth > 0 && !ADOPTED_POOL_KEYS.includes(key) && !isAdoptionKey(key))) return null;
      current = parent.parent;
      continue;
    }
    if ((parent.type === AST_NODE_TYPES.NewExpression || parent.type === AST_NODE_TYPES.CallExpression) && parent.arguments[0] === current) {
      const creation = getClientCreation(context, parent);
      if (creation) return creation.adopted ? creation : null;
      // A dialect or adapter around the pool: `new PostgresDialect({ pool })`.
      if (parent.type !== AST_NODE_TYPES.NewExpression) return null;
      current = parent;
      continue;
    }
    if (isWrapper(parent, current)) {
      current = parent;
      continue;
    }
    return null;
  }
  return null;
}

function isAdoptionKey(key: string): boolean {
  return Object.values(CLIENT_ADOPTION).some((adoption) => adoption.optionKeys.includes(key));
}

function isWrapper(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return "expression" in parent && parent.expression === child;
    default:
      return false;
  }
}
