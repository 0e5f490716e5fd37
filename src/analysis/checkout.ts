import type { TSESTree } from "@typescript-eslint/utils";
import type { KindKnowledge, ReleaseKnowledge } from "../knowledge/index.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { CONVENTIONAL_RECEIVERS, FOREIGN_POOL_METHODS, POOL_RECEIVER_NAME } from "../knowledge/checkouts.js";
import { getDistinctiveMethodKind, getKind, getKindId, LIBRARIES } from "../knowledge/index.js";
import { createNamesWithSettings } from "../settings.js";
import { contains, getCalleeName, getCallReceiver, getEnclosingFunction, getStaticPropertyName, isFunctionNode, isLoop, runsWhenever, skipExpressionWrappers } from "./ast.js";
import { getThisMemberSources, getVariableAnnotation } from "./class-members.js";
import { getClientCreation } from "./client-creation.js";
import { getFileContext, memoize } from "./file-context.js";
import { getImportPath } from "./import-path.js";
import { getLocalCallee } from "./local-calls.js";
import { isUnchangedBetween, resolveVariable } from "./same-expression.js";
import { fromRef, getMethodResult, getValueKindInFile } from "./value-kind.js";

/**
 * Checkouts: calls that take a resource out of a pool or open a transaction or session that
 * must be given back (`pool.connect()`, `dataSource.createQueryRunner()`, `knex.transaction()`,
 * `mongoose.startSession()`, and the pairs of `settings.postmortem.resources`).
 */
export interface Checkout {
  readonly call: TSESTree.CallExpression;
  /** The expression whose value is the resource: the `await` of the call, or the call. */
  readonly value: TSESTree.Expression;
  /** The kind id of the resource (`pg.poolClient`), or `setting` for an in-house pair. */
  readonly kind: string;
  /** What the resource is, for messages. */
  readonly role: "connection" | "transaction";
  /**
   * - `proof`: the receiver or the result was traced to the library;
   * - `name`: a one-library method name, or a pool method on a receiver named like a pool;
   * - `setting`: a pair declared in `settings.postmortem.resources`.
   */
  readonly evidence: "proof" | "name" | "setting";
  readonly release: ReleaseKnowledge;
  /** The receiver of the checkout (`pool` in `pool.acquire()`), for owner releases. */
  readonly owner: TSESTree.Expression | undefined;
  /**
   * Methods that close the owner for good (`dataSource.destroy()`, `pool.end()`): every
   * connection it lent is closed with it, so closing the owner gives the resource back too.
   */
  readonly ownerCloseMethods: readonly string[];
}

/** Kinds whose values must be given back, and the methods that return them. */
const RELEASABLE_ROLES = new Set(["pooled-connection", "transaction"]);

function isReleasable(knowledge: KindKnowledge | undefined): boolean {
  return knowledge?.release !== undefined && RELEASABLE_ROLES.has(knowledge.role);
}

/** Method names that return a releasable resource on some kind, for the cheap guard. */
const CHECKOUT_METHODS: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) =>
    Object.values(library.kinds).flatMap((kind) =>
      Object.entries(kind.returns ?? {})
        .filter(([, ref]) => isReleasable(getKind(getKindId(ref))))
        .map(([method]) => method),
    ),
  ),
);

/**
 * For each releasable kind, the close methods of the kinds that lend it (`typeorm.queryRunner` →
 * the DataSource's `destroy`, `close`; `pg.poolClient` → the Pool's `end`).
 */
const OWNER_CLOSE_METHODS: ReadonlyMap<string, readonly string[]> = (() => {
  const byKind = new Map<string, string[]>();
  for (const library of LIBRARIES) {
    for (const kind of Object.values(library.kinds)) {
      if (!kind.closeMethods) continue;
      for (const ref of Object.values(kind.returns ?? {})) {
        const id = getKindId(ref);
        if (!isReleasable(getKind(id))) continue;
        const methods = byKind.get(id) ?? [];
        for (const method of kind.closeMethods) if (!methods.includes(method)) methods.push(method);
        byKind.set(id, methods);
      }
    }
  }
  return byKind;
})();

/** `pool.connect()` → the resource kind, for pool kinds only (a receiver named like a pool). */
const POOL_CHECKOUTS: ReadonlyMap<string, string> = new Map(
  LIBRARIES.flatMap((library) =>
    Object.values(library.kinds)
      .filter((kind) => kind.role === "pool")
      .flatMap((kind) =>
        Object.entries(kind.returns ?? {})
          .filter(([, ref]) => isReleasable(getKind(getKindId(ref))))
          .map(([method, ref]): [string, string] => [method, getKindId(ref)]),
      ),
  ),
);

/** The names that can check out a resource in this file (knowledge and settings): the cheap guard. */
export function getCheckoutMethodNames(context: AnyRuleContext): ReadonlySet<string> {
  return getCheckoutNamesWithSettings(getFileContext(context).settings);
}

const getCheckoutNamesWithSettings = createNamesWithSettings(CHECKOUT_METHODS, (settings) => settings.resources.map((resource) => resource.acquire));

/** The checkout `call` performs, or null. Callback forms (`pool.connect((err, client) => …)`, `knex.transaction(async (trx) => …)`) manage the resource themselves and are not checkouts. */
export function getCheckout(context: AnyRuleContext, call: TSESTree.CallExpression): Checkout | null {
  const file = getFileContext(context);
  return memoize(file, "checkout", call, () => computeCheckout(file, call));
}

function computeCheckout(file: FileContext, call: TSESTree.CallExpression): Checkout | null {
  // The method of `pool.connect()`, or an in-house function `getConnection()`.
  const method = getCalleeName(call);
  const owner = getCallReceiver(call);
  if (method === undefined || hasCallbackArgument(call)) return null;
  const build = (kind: string, knowledge: KindKnowledge, evidence: Checkout["evidence"], promise: boolean): Checkout | null => {
    if (!knowledge.release) return null;
    const value = getCheckoutValue(call, promise);
    if (!value) return null;
    const role = knowledge.role === "transaction" ? "transaction" : "connection";
    return { call, value, kind, role, evidence, release: knowledge.release, owner, ownerCloseMethods: OWNER_CLOSE_METHODS.get(kind) ?? [] };
  };
  if (owner && CHECKOUT_METHODS.has(method)) {
    const result = getValueKindInFile(file, call);
    if (result && isReleasable(result.knowledge)) return build(result.id, result.knowledge, result.evidence, result.promise);
    if (!getValueKindInFile(file, owner)) {
      const byName = getNameEvidence(file, owner, method);
      if (byName) return build(byName.id, byName.knowledge, "name", byName.promise);
    }
  }
  const setting = file.settings.resources.find((resource) => resource.acquire === method);
  if (setting) {
    const release: ReleaseKnowledge = {
      selfMethods: setting.release,
      ownerMethods: setting.ownerRelease,
      finallyMethod: setting.release[0] ?? setting.ownerRelease[0],
      finallyOnOwner: setting.release.length === 0,
    };
    // In-house checkouts may be sync or async: `await` is followed when present.
    return build("setting", { library: "settings", role: "pooled-connection", release }, "setting", false);
  }
  return null;
}

/**
 * An untraced receiver: a one-library checkout (`createQueryRunner`), a receiver named as a
 * library's instance by convention (`sequelize.transaction()`), or a pool method on a receiver
 * named like a pool (`pool.connect()`); not a receiver made from a package whose method of that
 * name means something else (`new sql.ConnectionPool(…)` of mssql).
 */
function getNameEvidence(file: FileContext, owner: TSESTree.Expression, method: string): { id: string; knowledge: KindKnowledge; promise: boolean } | null {
  if (getOwnerModules(file, owner).some((origin) => Object.hasOwn(FOREIGN_POOL_METHODS, origin) && FOREIGN_POOL_METHODS[origin]!.includes(method))) return null;
  if (declaresNoResult(file, owner, method)) return null;
  const distinctive = fromRef(getDistinctiveMethodKind(method));
  const fromDistinctive = distinctive ? getMethodResult(distinctive.knowledge, method) : null;
  if (fromDistinctive && isReleasable(fromDistinctive.knowledge)) return fromDistinctive;
  const ownerName = getReceiverName(owner);
  const conventionalName = ownerName?.toLowerCase();
  const conventional = conventionalName !== undefined && Object.hasOwn(CONVENTIONAL_RECEIVERS, conventionalName) ? fromRef(CONVENTIONAL_RECEIVERS[conventionalName]) : null;
  const fromConvention = conventional ? getMethodResult(conventional.knowledge, method) : null;
  if (fromConvention && isReleasable(fromConvention.knowledge)) return fromConvention;
  const poolResult = POOL_CHECKOUTS.get(method);
  if (poolResult === undefined || ownerName === undefined || !POOL_RECEIVER_NAME.test(ownerName)) return null;
  for (const library of LIBRARIES) {
    for (const kind of Object.values(library.kinds)) {
      const ref = kind.role === "pool" ? kind.returns?.[method] : undefined;
      if (ref !== undefined && getKindId(ref) === poolResult) return fromRef(ref);
    }
  }
  return null;
}

/**
 * The packages the receiver comes from: its import path, or for `this.pool` the values and
 * annotations its class gives the member (powersync's `private readonly pool: sql.ConnectionPool`,
 * `this.pool = new sql.ConnectionPool(…)` in the constructor).
 */
function getOwnerModules(file: FileContext, owner: TSESTree.Expression): string[] {
  const origin = getImportPath(file, owner)?.module;
  if (origin != null) return [origin];
  const node = skipExpressionWrappers(owner);
  // OneUptime's SQL monitor: `const pool: mssql.ConnectionPool = new driver.ConnectionPool(config)`, the variable's declared type.
  const declared = getDeclaredTypeName(file, node);
  if (declared) {
    const module = getImportPath(file, getTypeRoot(declared))?.module;
    return module ? [module] : [];
  }
  const name = node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression ? getStaticPropertyName(node) : undefined;
  if (name === undefined) return [];
  return getThisMemberSources(file, node, name).flatMap((source) => getImportPath(file, source.node.type === AST_NODE_TYPES.TSTypeReference ? getTypeRoot(source.node.typeName) : source.node)?.module ?? []);
}

/** `mssql` in `mssql.ConnectionPool`, `Pool` in `Pool`. */
function getTypeRoot(name: TSESTree.EntityName): TSESTree.Node {
  let root: TSESTree.EntityName = name;
  while (root.type === AST_NODE_TYPES.TSQualifiedName) root = root.left;
  return root;
}

/** The type name a local variable or parameter is declared with (`pool: mssql.ConnectionPool`). */
function getDeclaredTypeName(file: FileContext, node: TSESTree.Node): TSESTree.EntityName | undefined {
  const annotation = getVariableAnnotation(file, node);
  return annotation?.type === AST_NODE_TYPES.TSTypeReference ? annotation.typeName : undefined;
}

/**
 * The receiver's declared type is an interface of the file whose `method` returns nothing
 * (OneUptime's `interface SqlServerPoolLike { connect(): Promise<void> }`): the call hands out
 * no resource, whatever the receiver is named.
 */
function declaresNoResult(file: FileContext, owner: TSESTree.Expression, method: string): boolean {
  const name = getDeclaredTypeName(file, skipExpressionWrappers(owner));
  if (name?.type !== AST_NODE_TYPES.Identifier) return false;
  const declaration = ASTUtils.findVariable(file.sourceCode.getScope(name), name)?.defs[0]?.node;
  if (declaration?.type !== AST_NODE_TYPES.TSInterfaceDeclaration) return false;
  const member = declaration.body.body.find((element) => element.type === AST_NODE_TYPES.TSMethodSignature && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === method);
  const returned = member?.type === AST_NODE_TYPES.TSMethodSignature ? member.returnType?.typeAnnotation : undefined;
  if (returned?.type === AST_NODE_TYPES.TSVoidKeyword) return true;
  const awaited = returned?.type === AST_NODE_TYPES.TSTypeReference && returned.typeName.type === AST_NODE_TYPES.Identifier && returned.typeName.name === "Promise" ? returned.typeArguments?.params[0] : undefined;
  return awaited?.type === AST_NODE_TYPES.TSVoidKeyword;
}

function getReceiverName(owner: TSESTree.Expression): string | undefined {
  const node = skipExpressionWrappers(owner);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(node);
  return undefined;
}

/**
 * Whether reading `name` on a fresh checkout uses its connection: a query method, a property
 * the knowledge base lists (`queryRunner.manager`), or a setup method (`connect`). TypeORM
 * query runners connect lazily, so `createQueryRunner().connection` (the DataSource) holds
 * nothing. In-house resources: any member.
 */
export function usesConnection(checkout: Checkout, name: string | undefined): boolean {
  const knowledge = getKind(checkout.kind);
  if (!knowledge) return true;
  if (name === undefined) return false;
  return knowledge.databaseMethods?.[name] !== undefined || knowledge.properties?.[name] !== undefined || knowledge.release?.setupMethods?.includes(name) === true;
}

/** An application helper whose name says it gives something back: `commit(connection)`, `releaseClient(client)`. */
const RELEASING_HELPER = /release|commit|rollback|dispose|destroy|close|finish|cleanup|^end|^done$/iu;

/**
 * Whether `call` hands the resource (`isResource` of its first argument) to a helper named like
 * a release (`await commit(connection)`, `db.releaseClient(client)`): such helpers give it back.
 */
export function isReleasingHelperCall(call: TSESTree.CallExpression, isResource: (node: TSESTree.Node) => boolean): boolean {
  const first = call.arguments[0];
  if (!first || !isResource(first)) return false;
  const name = getCalleeName(call);
  return name !== undefined && RELEASING_HELPER.test(name);
}

/**
 * A function of this file that is given the resource and releases it itself, then or later: the
 * parameter it takes the resource as is released somewhere in its body, closures included
 * (agent-saas's `return makeHandle(client, key)`, whose handle's `release()` calls
 * `client.release()`). The caller hands the resource over.
 */
export function isReleasingLocalCall(file: FileContext, call: TSESTree.CallExpression, isResource: (node: TSESTree.Node) => boolean, releaseMethods: ReadonlySet<string>): boolean {
  const index = call.arguments.findIndex((argument) => isResource(argument));
  const callee = index === -1 ? null : getLocalCallee(file, call);
  const param = callee?.params[index];
  if (!callee || param?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.sourceCode.scopeManager?.getDeclaredVariables(callee).find((declared) => declared.name === param.name);
  return (variable?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      releaseMethods.has(getStaticPropertyName(member) ?? "") &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    );
  });
}

/** The last argument is a function or a reference that may be one: the library calls back. */
function hasCallbackArgument(call: TSESTree.CallExpression): boolean {
  const last = call.arguments.at(-1);
  if (!last) return false;
  const node = skipExpressionWrappers(last);
  return isFunctionNode(node) || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
}

/** `await pool.connect()` for a promise; the call itself otherwise (an awaited sync result too). */
function getCheckoutValue(call: TSESTree.CallExpression, promise: boolean): TSESTree.Expression | null {
  let node: TSESTree.Expression = call;
  while (
    node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent.type === AST_NODE_TYPES.ChainExpression
  ) {
    node = node.parent;
  }
  if (node.parent.type === AST_NODE_TYPES.AwaitExpression) return node.parent;
  // An un-awaited promise of a resource (`const p = pool.connect()`, `.then(…)`) is not followed.
  return promise ? null : node;
}

/**
 * The checkout's pool is one the function makes before it, whenever it runs, with no loop
 * between them, and keeps beyond the call: in a variable outside the function, a member of the
 * instance, or its return value (TicketToken's `initializePool()`: `pool = new Pool(config)`,
 * then `const client = await pool.connect()` to test it). A throw before the release leaves one
 * connection of the pool that call made checked out, once; it cannot drain a pool the requests
 * share. A pool made and dropped by the call (Flowise's per-call `DataSource`) keeps the leaked
 * connection open at the database on every call, and does not count.
 */
export function isFromKeptPoolMadeBefore(context: AnyRuleContext, checkout: Checkout, fn: TSESTree.Node): boolean {
  const owner = checkout.owner && skipExpressionWrappers(checkout.owner);
  const file = getFileContext(context);
  const isMadeBefore = (target: TSESTree.Node, value: TSESTree.Node): boolean => {
    const made = skipExpressionWrappers(value);
    const creation = made.type === AST_NODE_TYPES.AwaitExpression ? skipExpressionWrappers(made.argument) : made;
    if (creation.type !== AST_NODE_TYPES.NewExpression && creation.type !== AST_NODE_TYPES.CallExpression) return false;
    if (getEnclosingFunction(target) !== fn || target.range[1] > checkout.call.range[0] || !runsWhenever(target, checkout.call) || hasLoopBetween(target, checkout.call)) return false;
    const created = getClientCreation(context, creation);
    return created !== null && !created.adopted;
  };
  if (owner?.type === AST_NODE_TYPES.MemberExpression && owner.object.type === AST_NODE_TYPES.ThisExpression) {
    // `this.pool = new Pool(config)`: the last write of the member in the function before the checkout.
    const name = getStaticPropertyName(owner);
    const writes = name === undefined ? [] : getThisMemberSources(file, owner, name).filter((source) => source.kind === "expression" && getEnclosingFunction(source.node) === fn && source.node.range[1] < checkout.call.range[0]);
    const last = writes.at(-1);
    return last !== undefined && isMadeBefore(last.node, last.node);
  }
  if (owner?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(file, owner);
  if (!variable) return false;
  const kept = variable.scope.block !== fn || variable.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.ReturnStatement && getEnclosingFunction(reference.identifier) === fn);
  return kept && variable.references.some((reference) => reference.writeExpr !== null && reference.writeExpr !== undefined && isUnchangedBetween(file, reference.identifier, owner) && isMadeBefore(reference.identifier, reference.writeExpr));
}
/** A loop holds `later` and not `earlier`: `later` may run many times after `earlier` ran once. */
function hasLoopBetween(earlier: TSESTree.Node, later: TSESTree.Node): boolean {
  for (let current = later.parent; current && !contains(current, earlier); current = current.parent) if (isLoop(current)) return true;
  return false;
}
