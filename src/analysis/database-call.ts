import type { TSESTree } from "@typescript-eslint/utils";
import type { DocumentSource } from "./document-call.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";
import type { ValueKind } from "./value-kind.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getDistinctiveMethodKind, getKind, getKindId, getLibraryOfPackage, LIBRARIES } from "../knowledge/index.js";
import { BUILTIN_CALLBACK_METHODS } from "../knowledge/builtins.js";
import { PROMISE_CHAIN_METHODS } from "../knowledge/promises.js";
import { SQL_LIKE_API_MODULES } from "../knowledge/sql.js";
import type { CallLike } from "./ast.js";
import { getCallee, getCallReceiver, getCalledMethodName, getOutermostWrapper, getStaticPropertyName, getStaticString, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { getOwnMethod } from "./class-members.js";
import { DOCUMENT_METHOD_NAMES, getDocumentSource } from "./document-call.js";
import { getFileContext, memoize } from "./file-context.js";
import { getBarePackageName, getImportPath } from "./import-path.js";
import { AWAITED_BUILDER_TRAIT, DATABASE_TRAIT, getBindingEvidenceKind, getChainEvidenceKind, getFileForTrait, getQueryMethodTrait, getShapeEvidenceKind, importsModuleWithPrefix } from "./library-evidence.js";
import { getConstInit } from "./same-expression.js";
import { fromRef, getValueKindInFile } from "./value-kind.js";

/** A call that sends one round trip to a database. */
export interface DatabaseCall {
  /** The call, or the tagged template that is one (`` prisma.$queryRaw`SELECT …` ``). */
  readonly node: CallLike;
  /** The method called (`query`, `findUnique`), or the last method of a builder chain. */
  readonly method: string;
  readonly op: "read" | "write" | "sql";
  /** The receiver's kind (for a builder chain, the builder's kind). */
  readonly kind: ValueKind;
  /**
   * - `proof`: the receiver was traced to the library;
   * - `name`: the method name belongs to one library only;
   * - `sql`: an untraced `query`/`execute` whose first argument is SQL text.
   */
  readonly evidence: "proof" | "name" | "sql";
  /** The library merges such calls issued in the same tick into one query (Prisma findUnique). */
  readonly batchedInSameTick: boolean;
}

/** Method names that can run a query on some library, for cheap guards. */
export const DATABASE_METHOD_NAMES: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => Object.keys(kind.databaseMethods ?? {}))),
);

/**
 * Methods whose result is a whole statement that runs when awaited (`knex.raw(sql, bindings)`):
 * one call is a query, with no chain of builder calls. For cheap guards.
 */
export const STATEMENT_METHOD_NAMES: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) =>
    Object.values(library.kinds).flatMap((kind) =>
      Object.entries(kind.returns ?? {})
        .filter(([, ref]) => getKind(getKindId(ref))?.runsWhenAwaited === "sql")
        .map(([name]) => name),
    ),
  ),
);

/** Methods that also take their query as a template (`` prisma.$queryRaw`…` ``), for cheap guards. */
export const TAGGED_DATABASE_METHOD_NAMES: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => Object.entries(kind.databaseMethods ?? {}).flatMap(([name, method]) => (method.tagged === true ? [name] : [])))),
);

/** Methods that run a lazy builder without an `await` besides `then`/`catch`/`finally`, for cheap guards. */
const BUILDER_RUN_METHODS: ReadonlySet<string> = new Set(LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => kind.runMethods ?? [])));

const SQL_TEXT = /^\s*(?:\(\s*)?(?:select|insert|update|delete|with|merge|replace|upsert|call)\b/iu;
const SQL_METHODS = new Set(["query", "execute"]);
const GENERIC_SQL_KIND = fromRef("pg.client");

/**
 * What `call` is as a database operation, or null when it is not one. A builder chain
 * (`knex("users").where(…).first()`) counts once, at its outermost call.
 */
export function getDatabaseCall(context: AnyRuleContext, call: CallLike): DatabaseCall | null {
  return getDatabaseCallInFile(getFileContext(context), call);
}

function getDatabaseCallInFile(file: FileContext, call: CallLike): DatabaseCall | null {
  return memoize(file, "database-call", call, () => {
    if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) return getTaggedDatabaseCall(file, call);
    const method = getCalledMethodName(call);
    if (method !== undefined && isBuiltinCallbackCall(call, method)) return null;
    const receiver = getCallReceiver(call);
    if (method !== undefined && receiver && DATABASE_METHOD_NAMES.has(method)) {
      const receiverKind = getValueKindInFile(getFileForTrait(file, getQueryMethodTrait(method)), receiver);
      const known = receiverKind && !receiverKind.promise ? receiverKind.knowledge.databaseMethods?.[method] : undefined;
      if (receiverKind && known) {
        if (known.lazy === true && isNeverRun(call, method)) return null;
        return { node: call, method, op: known.op, kind: receiverKind, evidence: receiverKind.evidence, batchedInSameTick: known.batchedInSameTick === true };
      }
      // A method of the class's own (`this.findById(id)` in hexo's relation index) is its code,
      // judged through the query it holds, not a library's by its name.
      if (!receiverKind && !isOwnMethodCall(call)) {
        const fallback = getFallback(file, call, method) ?? getDocumentCall(file, call, method, receiver);
        if (fallback) return fallback;
      }
    }
    const outer = getOutermostWrapper(call);
    if (isOutermostOfChain(outer) && !isPromiseChainMethod(method) && !isUnrunChain(call, outer, method)) {
      // Only a builder runs when awaited: a program without a builder library has no call typed as one.
      const result = getValueKindInFile(getFileForTrait(file, AWAITED_BUILDER_TRAIT), call) ?? getChainEvidenceKind(file, call);
      const op = result && !result.promise ? result.knowledge.runsWhenAwaited : undefined;
      // Raw SQL counts as a statement of its own only when its text is one: `knex.raw("lower(name) = ?")` is a fragment.
      const statement = op !== "sql" || (method !== undefined && STATEMENT_METHOD_NAMES.has(method) && isSqlText(call.arguments[0]));
      if (result && op && statement && !isEmbeddedInBuilder(file, outer, result)) {
        return { node: call, method: method ?? "", op, kind: result, evidence: result.evidence, batchedInSameTick: false };
      }
    }
    return null;
  });
}

/**
 * A tagged template that sends its query: a method of a library that takes its query as a
 * template (`tagged` in the knowledge base), on a receiver traced to the library, or by a name
 * only that library has (`` prisma.$queryRaw`SELECT … WHERE id = ${id}` `` on a client imported from
 * the app's own module). Any other tag (`` sql`…` ``, `` gql`…` ``) builds a value and sends nothing.
 */
function getTaggedDatabaseCall(file: FileContext, call: TSESTree.TaggedTemplateExpression): DatabaseCall | null {
  const method = getCalledMethodName(call);
  const receiver = getCallReceiver(call);
  if (method === undefined || !receiver || !TAGGED_DATABASE_METHOD_NAMES.has(method)) return null;
  const traced = getValueKindInFile(getFileForTrait(file, getQueryMethodTrait(method)), receiver);
  const distinctive = traced || isOwnMethodCall(call) ? null : fromRef(getDistinctiveMethodKind(method));
  const kind = traced ?? (distinctive && { ...distinctive, evidence: "name" as const });
  const known = kind && !kind.promise ? kind.knowledge.databaseMethods?.[method] : undefined;
  if (!kind || known?.tagged !== true || (known.lazy === true && isNeverRun(call, method))) return null;
  return { node: call, method, op: known.op, kind, evidence: kind.evidence, batchedInSameTick: false };
}

/** `rows.find((row) => …)`: a built-in's method that takes a callback, given a function first (see `BUILTIN_CALLBACK_METHODS`). */
export function isBuiltinCallbackCall(call: TSESTree.CallExpression, method: string): boolean {
  const first = call.arguments[0];
  return first !== undefined && BUILTIN_CALLBACK_METHODS.has(method) && isFunctionNode(first);
}

/**
 * Whether telling a database call in this file may ask the type checker: the parser gave types
 * and the program has a database library. Callers then put their syntactic tests first, since a
 * type question about a receiver can cost more than any walk of the tree.
 */
export function asksTypesForDatabaseCalls(file: FileContext): boolean {
  return getFileForTrait(file, DATABASE_TRAIT).typeServices !== undefined;
}

/** Evidence when the receiver cannot be traced: a one-library method name, call shape or chain, or SQL text. */
function getFallback(file: FileContext, call: TSESTree.CallExpression, method: string): DatabaseCall | null {
  const receiver = getCallReceiver(call);
  const distinctive =
    fromRef(getDistinctiveMethodKind(method) ?? getShapeEvidenceKind(file, call, method) ?? getBindingEvidenceKind(file, call, method)) ?? (receiver && getChainEvidenceKind(file, receiver, method));
  const known = distinctive?.knowledge.databaseMethods?.[method];
  if (distinctive && known) {
    if (known.lazy === true && isNeverRun(call, method)) return null;
    return { node: call, method, op: known.op, kind: { ...distinctive, evidence: "name" }, evidence: "name", batchedInSameTick: known.batchedInSameTick === true };
  }
  if (SQL_METHODS.has(method) && GENERIC_SQL_KIND && isSqlArgument(file, call.arguments[0]) && !importsSqlLikeApi(file)) {
    return { node: call, method, op: "sql", kind: { ...GENERIC_SQL_KIND, evidence: "name" }, evidence: "sql", batchedInSameTick: false };
  }
  return null;
}

/** The document calls being told: a name written from its own method's result leads back to the call. */
const documentCallsInProgress = new Set<TSESTree.CallExpression>();

/** `s.save()` of `for (const s of await Schedule.find(…))`: a method of a document a model's query returned (see `getDocumentSource`). */
function getDocumentCall(file: FileContext, call: TSESTree.CallExpression, method: string, receiver: TSESTree.Node): DatabaseCall | null {
  if (!DOCUMENT_METHOD_NAMES.has(method) || documentCallsInProgress.has(call)) return null;
  documentCallsInProgress.add(call);
  let source: DocumentSource | null;
  try {
    source = getDocumentSource(file, receiver, (query) => getDatabaseCallInFile(file, query));
  } finally {
    documentCallsInProgress.delete(call);
  }
  const known = source?.kind.knowledge.databaseMethods?.[method];
  return source && known ? { node: call, method, op: known.op, kind: { ...source.kind, evidence: source.evidence }, evidence: source.evidence, batchedInSameTick: false } : null;
}

/**
 * SQL text written in the call, or held by the `const` it names: rht-hotel's
 * `const insertQuery = 'INSERT INTO …'; for (…) await client.query(insertQuery, […])`.
 */
export function isSqlArgument(file: FileContext, argument: TSESTree.Node | undefined): boolean {
  if (isSqlText(argument)) return true;
  return argument?.type === AST_NODE_TYPES.Identifier && isSqlText(getConstInit(file, argument));
}

/** The file imports a client of a SQL-like API language (GAQL, SOQL): its `query("SELECT …")` may be no database's. */
function importsSqlLikeApi(file: FileContext): boolean {
  return importsModuleWithPrefix(file, SQL_LIKE_API_MODULES);
}

function isOwnMethodCall(call: CallLike): boolean {
  const callee = skipExpressionWrappers(getCallee(call));
  return callee.type === AST_NODE_TYPES.MemberExpression && getOwnMethod(callee) !== null;
}

/** Whether `node` is SQL text: a string, template or `sql` tagged template starting with a SQL verb. */
export function isSqlText(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) return SQL_TEXT.test(inner.quasis[0]?.value.cooked ?? "");
  if (inner.type === AST_NODE_TYPES.TaggedTemplateExpression) return SQL_TEXT.test(inner.quasi.quasis[0]?.value.cooked ?? "");
  return SQL_TEXT.test(getStaticString(inner) ?? "");
}

/** The SQL text of a query's first argument, when it is static enough to read. */
export function getSqlText(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) return inner.quasis.map((q) => q.value.cooked ?? "").join("?");
  if (inner.type === AST_NODE_TYPES.TaggedTemplateExpression) return inner.quasi.quasis.map((q) => q.value.cooked ?? "").join("?");
  return getStaticString(inner);
}

/**
 * `a.b().c()`, given a call with its wrappers: true for the `c()` call, false for `b()` whose
 * result is called on. In `a.b().then(f)` (or `catch`, `finally`) the query is `a.b()`: those
 * handle its promise.
 */
function isOutermostOfChain(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return !(
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === node &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent &&
    !isPromiseChainMethod(getStaticPropertyName(parent))
  );
}

function isPromiseChainMethod(name: string | undefined): boolean {
  return name !== undefined && PROMISE_CHAIN_METHODS.includes(name);
}

/**
 * A chain whose result nothing awaits: `query.where(a).orWhere(b);` as a statement (or after
 * `void`), or `query = query.where(…)` refining a builder kept in a variable. A builder runs only
 * when awaited, so such a chain sends no query, unless its last method runs it (`asCallback(cb)`).
 */
function isUnrunChain(call: CallLike, node: TSESTree.Node, method: string | undefined): boolean {
  if (method !== undefined && BUILDER_RUN_METHODS.has(method)) return false;
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "void";
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.operator === "=" && parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier && getChainRoot(call)?.name === parent.left.name;
    default:
      return false;
  }
}

/**
 * A lazy query (Mongoose's `Query`, Prisma's `PrismaPromise`) that nothing runs: a statement of
 * its own or after `void`, with no callback (`Model.updateOne(filter, update);`). It sends nothing.
 * A last argument that is a function or a name (`done`) may be a callback, which runs it.
 */
function isNeverRun(call: CallLike, method: string): boolean {
  const last = call.type === AST_NODE_TYPES.CallExpression ? call.arguments.at(-1) : undefined;
  const callback = last !== undefined && (isFunctionNode(last) || last.type === AST_NODE_TYPES.Identifier);
  return !callback && isUnrunChain(call, getOutermostWrapper(call), method);
}

/**
 * A builder handed to another builder as a part of its query: a subquery
 * (`whereIn("id", db("members").select("id"))`) or a fragment (`where(db.raw("lower(name) = ?", [name]))`,
 * `update({ n: db.raw("n + 1") })`), or to one of its library's condition helpers
 * (drizzle `inArray(users.id, db.select(…))`, `exists(…)`, `` sql`… ${subquery}` ``). It is sent
 * within that query, not on its own.
 */
function isEmbeddedInBuilder(file: FileContext, outer: TSESTree.Node, kind: ValueKind): boolean {
  let node = outer;
  let parent = node.parent;
  while (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.ObjectExpression || parent?.type === AST_NODE_TYPES.ArrayExpression) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value !== node) return false;
    node = parent;
    parent = node.parent;
  }
  if (parent?.type === AST_NODE_TYPES.TemplateLiteral && parent.parent.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return isLibraryHelper(file, parent.parent.tag, kind);
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === node) return false;
  return isLibraryHelper(file, parent.callee, kind) || isBuilderValue(file, parent);
}

/**
 * Whether `node` is a query builder that runs when awaited, or a function that builds one
 * (knex `whereIn("id", function () { this.select("id").from("members") })`): a subquery when
 * handed to another query.
 */
export function isBuilderValue(file: FileContext, node: TSESTree.Node): boolean {
  if (isFunctionNode(node)) return true;
  const builder = getValueKindInFile(getFileForTrait(file, AWAITED_BUILDER_TRAIT), node) ?? getChainEvidenceKind(file, node);
  return builder !== null && !builder.promise && builder.knowledge.runsWhenAwaited !== undefined;
}

/** A function exported by a module of `kind`'s library itself (`import { inArray } from "drizzle-orm"`), not a client's method. */
function isLibraryHelper(file: FileContext, callee: TSESTree.Node, kind: ValueKind): boolean {
  const origin = getImportPath(file, callee);
  if (origin?.module == null || origin.path.length === 0 || origin.path.includes("()")) return false;
  return getLibraryOfPackage(getBarePackageName(origin.module))?.id === kind.knowledge.library;
}

/** `query` in `query.where(a).orWhere(b)`: the identifier a chain of calls starts from. */
function getChainRoot(call: CallLike): TSESTree.Identifier | undefined {
  let node: TSESTree.Node = call;
  for (;;) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) node = skipExpressionWrappers(getCallee(node));
    else if (node.type === AST_NODE_TYPES.MemberExpression) node = skipExpressionWrappers(node.object);
    else return node.type === AST_NODE_TYPES.Identifier ? node : undefined;
  }
}
