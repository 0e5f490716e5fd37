import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { CallLike, FunctionNode } from "./ast.js";
import type { DatabaseCall } from "./database-call.js";
import type { FileContext } from "./file-context.js";
import type { DependenceScope, Iteration } from "./iteration.js";
import type { BatchedForms } from "../knowledge/types.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import {
  BATCH_SENDING_METHODS,
  BATCHED_COMPUTED_KEYS,
  BATCHED_FUNCTIONS,
  BATCHED_KEYS,
  BATCHED_METHODS,
  BATCHED_OPERATORS,
  BATCHED_SQL,
  COUNT_METHODS,
  DATABASE_HANDLE_NAME,
  FIRST_ROW_METHODS,
  INSERT_METHODS,
  ORDER_METHODS,
  ORM_SQL_TEXT_METHODS,
  RAW_SQL_METHODS,
  RAW_VALUE_FUNCTIONS,
  RELATIVE_SQL_SET,
  RELATIVE_SQL_VALUE,
  RELATIVE_WRITE_METHODS,
  REPOSITORY_LIBRARIES,
  REPOSITORY_NAME,
  SQL_CATALOG_RELATION,
  SQL_COUNT,
  SQL_DELETE_VERB,
  SQL_FIRST_ROW,
  SQL_GROUP_BY,
  SQL_IDENTIFIER_CONTEXT,
  SQL_INSERT_VERB,
  SQL_LOCK_STATEMENT,
  SQL_LOCK_TABLE,
  SQL_OPTION_LIBRARIES,
  SQL_PLACEHOLDER_LIBRARIES,
  SQL_RELATION,
  SQL_SAVEPOINT_STATEMENT,
  SQL_SELECT_VERB,
  SQL_SELECT_WORD,
  SQL_TAG_LIBRARIES,
  SQL_UPDATE_VERB,
  SQL_VALUES_WORD,
  SQL_WITH,
  SQL_WITH_DELETE,
  SQL_WITH_WRITE,
  SQL_WRITE_VERB,
  TABLE_ARGUMENT_METHODS,
  UNLISTED_ORM_MODULES,
  UPDATE_METHODS,
} from "../knowledge/batching.js";
import { getLibrary, getLibraryOfPackage } from "../knowledge/index.js";
import { contains, getCallArguments, getCallee, getCalledMethodName, getCalleeName, getEnclosingFunction, getOutermostWrapper, getCallReceiver, getMemberRoot, getStaticPropertyName, getStaticString, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { getThisClass } from "./class-members.js";
import { DATABASE_METHOD_NAMES, getSqlText, isBuilderValue, isSqlText } from "./database-call.js";
import { memoize, memoizeFile } from "./file-context.js";
import { getProjectPackages } from "./project-packages.js";
import { followConstant, getConstantInit, getConstInit, resolveVariable } from "./same-expression.js";
import { getBarePackageName, getImportPath } from "./import-path.js";
import { DATABASE_TRAIT, getChainEvidenceKind, getModuleSpecifiers, importsModuleWithPrefix } from "./library-evidence.js";
import { dependsOn, isItem } from "./iteration.js";

const { DefinitionType } = TSESLint.Scope;

/**
 * What a database call sends: which expressions are its parameters (the values that change from
 * one call to the next), whether it asks for a list at once (`= ANY($1)`, `{ in: ids }`,
 * `whereIn`), and whether it writes.
 */

/**
 * The expressions a database call sends as values: every argument of every call of a builder
 * chain, except table names (`knex("users")`, `.from(users)`) and the SQL statement itself. In
 * SQL text, an interpolation is a value unless it names a table or column (`FROM ${table}`); a
 * statement passed whole (`query(statement)`) is a different statement, not a parameter.
 */
export function getQueryParameters(file: FileContext, call: DatabaseCall): readonly TSESTree.Node[] {
  return memoize(file, "query-parameters", call.node, () => {
    // A document's own method (`s.save()`) writes the document the receiver holds.
    const parameters: TSESTree.Node[] = call.kind.knowledge.role === "document" ? [getCallReceiver(call.node)!] : [];
    for (const link of getChainCalls(call.node)) {
      if (isTableLink(call, link)) continue;
      getCallArguments(link).forEach((argument, index) => {
        if (index === 0 && link === call.node && call.op === "sql") parameters.push(...getSqlValues(file, argument));
        else parameters.push(argument);
      });
    }
    return parameters;
  });
}

/**
 * The arguments of a query that name its table, not a value: those of `from(t)`, `getRepository(Entity)`
 * and the other table methods, of a chain's first call (`knex(t)`), and of the table methods that
 * made the `const` the chain starts from (`const users = db.collection(name)`), and the identifiers
 * interpolated into SQL text (`FROM ${table}`). A loop whose element
 * picks the table sends a different statement per element, which no batched form merges.
 */
export function getTableArguments(file: FileContext, call: DatabaseCall): readonly TSESTree.Node[] {
  const chain = getChainCalls(call.node);
  const own: TSESTree.Node[] = chain.flatMap((link) => (isTableLink(call, link) ? getCallArguments(link) : []));
  // ponder's revert per table: `tx.execute(\`DELETE FROM "${schema}"."${getReorgTableName(table)}" …\`)`.
  // kannan19302's unierp: `prisma.$executeRaw(Prisma.raw(\`DROP TABLE IF EXISTS "${table}"\`))` per table, through one raw wrapper.
  const statement = getStatementArgument(call);
  const text = statement ? getRawText(statement) : undefined;
  if (text) own.push(...splitSqlInterpolations(file, text).identifiers);
  // beekeeper's MongoDB client: `const collection = connection.collection(insert.table); await collection.insertMany(insert.data)`.
  const receiver = getReceiverInit(file, chain.at(-1)!);
  if (!receiver) return own;
  return [...own, ...getChainCalls(receiver).flatMap((link) => (TABLE_ARGUMENT_METHODS.includes(getCalledMethodName(link) ?? "") ? getCallArguments(link) : []))];
}

/** The call a chain's receiver was made by, when it is a `const` (`const users = db.collection(name)`). */
function getReceiverInit(file: FileContext, first: CallLike): TSESTree.CallExpression | undefined {
  const callee = skipExpressionWrappers(getCallee(first));
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipExpressionWrappers(callee.object) : undefined;
  const init = object?.type === AST_NODE_TYPES.Identifier ? getConstInit(file, object) : undefined;
  return init?.type === AST_NODE_TYPES.CallExpression ? init : undefined;
}

/** A link of the query's chain whose arguments name a table: a table method, or the chain's first call (`knex(t)`). */
function isTableLink(call: DatabaseCall, link: CallLike): boolean {
  if (link !== call.node && skipExpressionWrappers(getCallee(link)).type !== AST_NODE_TYPES.MemberExpression) return true;
  const method = getCalledMethodName(link);
  return method !== undefined && (TABLE_ARGUMENT_METHODS.includes(method) || getLibrary(call.kind.knowledge.library)?.tableArgumentMethods?.includes(method) === true);
}

/**
 * Whether the query sends a part of the element as its SQL text, with or without values
 * (`connection.execute(query, params)` per `{ query, params }` of keshavjha005's transaction
 * helper, `client.query(step.sql)`): the element is the statement. Not a text the body builds
 * from the element (Jellystat's `INSERT INTO ${tableName} … VALUES(${valueString})` per row).
 */
export function sendsElementAsStatement(file: FileContext, iteration: Iteration, call: CallLike): boolean {
  const statement = getCallArguments(call)[0];
  let text = statement && getRawText(statement);
  while (text?.type === AST_NODE_TYPES.MemberExpression && !text.computed) text = skipExpressionWrappers(text.object);
  return text !== undefined && isItem(file, iteration, text);
}

/**
 * Whether the iteration runs a list of statements: a query in its body sends the element itself
 * as its SQL text (`await client.query(migrations[v])`, `pool.query(statement)`). Its other queries
 * (langgraph's `INSERT INTO store_migrations (v)` after each migration) belong to running the
 * list, a set-up step, not to a request's rows.
 */
export function runsStatementList(file: FileContext, iteration: Iteration, calls: readonly TSESTree.CallExpression[], isSqlCall: (call: TSESTree.CallExpression) => boolean): boolean {
  return calls.some((call) => {
    const text = call.arguments[0] && getRawText(call.arguments[0]);
    const named = text?.type === AST_NODE_TYPES.Identifier ? !holdsWrittenStatement(file, text) : text?.type === AST_NODE_TYPES.MemberExpression;
    return named && dependsOn(file, text!, iteration) && isSqlCall(call);
  });
}

/**
 * A variable every write of which is a statement written in the code, as text or as a query
 * config: rht-hotel's parking assignments pick `query = { text: \`SELECT … WHERE room_id = $5\`,
 * values: [… roomId] }` or another such object per element, then run `client.query(query)`. The
 * element gives values to a fixed statement; it is no statement of a list.
 */
function holdsWrittenStatement(file: FileContext, identifier: TSESTree.Identifier): boolean {
  const writes = resolveVariable(file, identifier)?.references.filter((reference) => reference.writeExpr) ?? [];
  return writes.length > 0 && writes.every(({ writeExpr }) => isWrittenStatement(writeExpr!));
}

function isWrittenStatement(node: TSESTree.Node): boolean {
  const value = skipExpressionWrappers(node);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return isWrittenStatement(value.consequent) && isWrittenStatement(value.alternate);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return isSqlText(value);
  return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && QUERY_CONFIG_TEXT_KEYS.includes(getStaticPropertyName(property) ?? "") && isSqlText(property.value));
}

/** The key of a query config object that holds its SQL: node-postgres's `{ text, values }`, mysql2's `{ sql, values }`. */
const QUERY_CONFIG_TEXT_KEYS: readonly string[] = ["text", "sql"];

/**
 * Whether the iteration runs schema migrations: its list is named so (`migrations`,
 * `pendingMigrations`, `this.migrations`, also through `migrations.filter(…)`) and a call of its
 * body other than `query` runs the element (`migration.up(trx)`, `source.getMigration(migration)`).
 * The statement that records each migration in the migrations table (bigcapital's seed migrator,
 * a copy of knex's `_waterfallBatch`: `trx.from(tableName).where({ name }).del()`) belongs to
 * running the list, as each migration's own statements do: a set-up step, not a request's rows.
 */
export function runsMigrationList(file: FileContext, iteration: Iteration, calls: readonly TSESTree.CallExpression[], query: TSESTree.Node): boolean {
  let node = skipExpressionWrappers(iteration.collection);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) node = skipExpressionWrappers(node.callee.object);
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(node) : undefined;
  if (name === undefined || !MIGRATION_LIST.test(name)) return false;
  return calls.some((call) => !contains(query, call) && !contains(call, query) && dependsOn(file, call, iteration));
}

const MIGRATION_LIST = /(?:^m|M|_m)igrations$/u;

/** The SQL text a statement argument sends, through one raw wrapper: `stmt` of `sql.raw(stmt)` (drizzle's migrator). */
function getRawText(argument: TSESTree.Node): TSESTree.Node {
  const node = skipExpressionWrappers(argument);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1 || !RAW_SQL_METHODS.includes(getCalledMethodName(node) ?? "")) return node;
  return skipExpressionWrappers(node.arguments[0]!);
}

/** Whether the call asks for many rows at once, in any of the batched forms of the knowledge base. */
export function isBatchedQuery(file: FileContext, call: DatabaseCall): boolean {
  return memoize(file, "batched-query", call.node, () => {
    for (const link of getChainCalls(call.node)) {
      const method = getCalledMethodName(link);
      const linkArguments = getCallArguments(link);
      if (method !== undefined && BATCHED_METHODS.includes(method) && !hasSubqueryList(file, linkArguments) && !isWrittenList(linkArguments.at(-1))) return true;
      const operator = linkArguments[1];
      if (linkArguments.length >= 3 && BATCHED_OPERATORS.includes(getStaticString(operator) ?? "") && !isWrittenList(linkArguments[2])) return true;
      for (const argument of linkArguments) {
        const text = getResolvedSqlText(file, argument);
        if (text !== undefined && BATCHED_SQL.some((pattern) => pattern.test(text))) return true;
        if (hasBatchedCondition(file, argument, 0)) return true;
      }
    }
    return false;
  });
}

/**
 * Whether a write gives each row values of its own, beyond the key that finds it
 * (`update({ where: { id: row.id }, data: { name: row.name } })`): two or more of the values it
 * sends come from the element. An insert takes values per row in its multi-row form anyway.
 */
export function isPerRowUpdate(file: FileContext, call: DatabaseCall, scope: DependenceScope): boolean {
  if (call.op === "read" || getChainCalls(call.node).some((link) => INSERT_METHODS.includes(getCalledMethodName(link) ?? ""))) return false;
  if (SQL_INSERT_VERB.test(getStatementText(file, call) ?? "")) return false;
  let count = 0;
  someQueryValue(file, call, (value) => dependsOn(file, value, scope) && ++count >= 2);
  return count >= 2;
}

/**
 * Whether the call reads only the database's catalog (`SELECT EXISTS (SELECT FROM
 * information_schema.tables WHERE table_name = $1)`, `pg_indexes`, `sqlite_master`): per element,
 * it asks about a table or a column the code names, whose number does not grow with the data.
 */
export function isCatalogQuery(file: FileContext, call: DatabaseCall): boolean {
  const text = getStatementText(file, call) ?? "";
  // A `WITH` that writes names the table it writes after `FROM` or `INTO`: `DELETE FROM t` is a relation of data.
  if (!SQL_SELECT_VERB.test(text)) return false;
  const relations = [...text.matchAll(SQL_RELATION)];
  return relations.length > 0 && relations.every((relation) => SQL_CATALOG_RELATION.test(relation[1]!));
}

/**
 * The parameters of a local function that take the element, for a query it sends per element
 * (matrix-delivery's `markEventDelivered(event)` per queued event, `UPDATE … SET
 * delivery_attempts = $1 WHERE event_id = $2`): those whose argument at `call` depends on
 * `iteration`, so that `isPerRowUpdate` can tell the values each row has of its own.
 */
export function getParameterScope(file: FileContext, fn: FunctionNode, call: TSESTree.CallExpression, iteration: DependenceScope): DependenceScope {
  const items = new Set<Scope.Variable>();
  const variables = file.sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
  fn.params.forEach((param, position) => {
    const argument = call.arguments[position];
    if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement || !dependsOn(file, argument, iteration)) return;
    for (const variable of variables) {
      if (variable.defs.some((def) => def.type === DefinitionType.Parameter && contains(param, def.name))) items.add(variable);
    }
  });
  return { body: fn.body, items };
}

/**
 * Whether `test` holds for a value the query sends: its parameters, through the objects and lists
 * they are written with, or a `const` holds (rht-hotel's `const values = [row.order, row.id];
 * await client.query(sql, values)`), at most six levels deep. Stops at the first that does.
 */
function someQueryValue(file: FileContext, call: DatabaseCall, test: (value: TSESTree.Node) => boolean): boolean {
  const visit = (node: TSESTree.Node, depth: number): boolean => {
    let inner = skipExpressionWrappers(node);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const init = followConstant(file, inner);
      if (init?.type === AST_NODE_TYPES.ArrayExpression || init?.type === AST_NODE_TYPES.ObjectExpression) inner = init;
    }
    if (depth < 6 && inner.type === AST_NODE_TYPES.ObjectExpression) return inner.properties.some((property) => visit(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1));
    if (depth < 6 && inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.some((element) => element !== null && visit(element, depth + 1));
    return test(inner);
  };
  return getQueryParameters(file, call).some((parameter) => visit(parameter, 0));
}

/**
 * The argument that holds the SQL text the call sends: the first, for SQL text (`op: "sql"`) or an
 * ORM's raw query (`prisma.$executeRawUnsafe(text, id)`); the template of a tagged one
 * (`` prisma.$executeRaw`UPDATE …` ``). Undefined for a call of a library's API.
 */
export function getStatementArgument(call: DatabaseCall): TSESTree.CallExpressionArgument | undefined {
  return sendsStatement(call) ? getCallArguments(call.node)[0] : undefined;
}

/** The call sends SQL text it is given (`op: "sql"`, an ORM's raw query), not a call of a library's API. */
function sendsStatement(call: DatabaseCall): boolean {
  return call.op === "sql" || ORM_SQL_TEXT_METHODS.includes(call.method);
}

/**
 * The SQL text the call sends (`getStatementArgument`), resolved through a raw wrapper
 * (`Prisma.raw(text)`) and a `const`: empty when it cannot be read, undefined for a call of a
 * library's API.
 */
function getStatementText(file: FileContext, call: DatabaseCall): string | undefined {
  if (!sendsStatement(call)) return undefined;
  const statement = getCallArguments(call.node)[0];
  return (statement && getResolvedSqlText(file, getRawText(statement))) ?? "";
}

/** Whether the call writes: a write method, or SQL text that starts with a write verb. */
export function isWriteQuery(file: FileContext, call: DatabaseCall): boolean {
  if (call.op === "write") return true;
  if (call.op === "read") return false;
  const text = getStatementText(file, call) ?? "";
  return SQL_WRITE_VERB.test(text) || getWithStatementWrite(text) !== undefined;
}

const SQL_WITH_WRITES = new RegExp(SQL_WITH_WRITE.source, "giu");

/**
 * What a `WITH` statement writes: rht-hotel's `WITH deleted AS (SELECT id … LIMIT 1) DELETE FROM
 * reservation_clients WHERE id IN (SELECT id FROM deleted)` deletes. `delete` when deleting is all
 * it writes, `write` when it also inserts or updates, undefined for a read or another statement.
 */
function getWithStatementWrite(text: string): "delete" | "write" | undefined {
  if (!SQL_WITH.test(text)) return undefined;
  const writes = text.match(SQL_WITH_WRITES) ?? [];
  if (writes.length === 0) return undefined;
  return writes.every((write) => SQL_WITH_DELETE.test(write)) ? "delete" : "write";
}

/**
 * How to send the per-element queries of `call` at once, for a report: its library's batched
 * form of a read, a delete, a write that gives each row values of its own (`perRow`), an
 * `INSERT … SELECT` (rht-hotel's daily metrics, one per hotel), or any other write.
 */
export function getBatchedForm(file: FileContext, call: DatabaseCall, perRow: boolean): string {
  const libraryId = getBatchingLibraryId(file, call);
  const library = libraryId === undefined ? undefined : getLibrary(libraryId);
  // SQL text through an ORM's raw query (`sequelize.query(text)`, `` prisma.$executeRaw`…` ``): SQL advice, not its model API's.
  const forms: BatchedForms | undefined = getStatementArgument(call) && library?.rawSqlForms ? { ...library, ...library.rawSqlForms } : library;
  if (!isWriteQuery(file, call)) return getReadForm(file, call, forms) ?? "one query for all the ids";
  if (isDeleteQuery(file, call)) return forms?.batchedDeleteForm ?? "one delete of all the ids";
  if (forms?.batchedInsertSelectForm !== undefined && isInsertSelect(getStatementText(file, call) ?? "")) return forms.batchedInsertSelectForm;
  if (perRow && forms?.batchedRelativeWriteForm !== undefined && isRelativeWrite(file, call)) return forms.batchedRelativeWriteForm;
  return (perRow ? forms?.batchedPerRowWriteForm : undefined) ?? getStatementWriteForm(file, call, forms) ?? forms?.batchedWriteForm ?? "one multi-row statement";
}

/**
 * The batched form of the statement the call sends, an insert or an update: the verb of its SQL
 * text, or a method of its chain (matrix-delivery's city cache, an `INSERT`, was told an `UPDATE`
 * too; carrot-tickets' `updateOne` per stuck upload, an `insertMany`).
 */
function getStatementWriteForm(file: FileContext, call: DatabaseCall, forms: BatchedForms | undefined): string | undefined {
  const text = getStatementText(file, call);
  if (text !== undefined) {
    if (SQL_INSERT_VERB.test(text)) return forms?.batchedInsertForm;
    return SQL_UPDATE_VERB.test(text) ? forms?.batchedUpdateForm : undefined;
  }
  const methods = [call.method, ...getChainCalls(call.node).map((link) => getCalledMethodName(link) ?? "")];
  if (methods.some((method) => INSERT_METHODS.includes(method))) return (isResultUsed(call.node) ? forms?.batchedInsertReturningForm : undefined) ?? forms?.batchedInsertForm;
  return methods.some((method) => UPDATE_METHODS.includes(method)) ? forms?.batchedUpdateForm : undefined;
}

/**
 * Whether the code uses what the query gives back: its value (awaited or not) is kept in a
 * variable, assigned, returned, read (`(await create(…)).id`) or passed on. Not a statement of its
 * own (`await prisma.log.create(…);`), nor the result of a callback whose iterating call is one
 * (`await Promise.all(rows.map((row) => prisma.log.create(…)));`).
 */
function isResultUsed(node: CallLike): boolean {
  let value = getOutermostWrapper(getChainEnd(node));
  for (;;) {
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
      value = getOutermostWrapper(parent);
      continue;
    }
    const callback = parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value ? parent : parent?.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(parent) : null;
    const iterating = callback?.parent;
    if (iterating?.type === AST_NODE_TYPES.CallExpression) {
      // The value of the call given the function (`rows.map(…)`, or the function itself called in
      // place), through the call that gathers its promises (`Promise.all(…)`).
      value = getOutermostWrapper(iterating);
      if (value.parent?.type === AST_NODE_TYPES.CallExpression && value.parent.callee !== value) value = getOutermostWrapper(value.parent);
      continue;
    }
    return parent !== undefined && parent.type !== AST_NODE_TYPES.ExpressionStatement && !(parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "void");
  }
}

/**
 * Whether the write changes columns by an amount, from each row's own value: `decrement(…)`,
 * `trx.raw("available_quantity - ?", [n])` or `literal("stock - 1")` among its values, or SQL
 * text that sets a column from itself (TicketToken's ticket reservations, one guarded decrement
 * per item).
 */
function isRelativeWrite(file: FileContext, call: DatabaseCall): boolean {
  if (RELATIVE_WRITE_METHODS.includes(call.method) || getChainCalls(call.node).some((link) => RELATIVE_WRITE_METHODS.includes(getCalledMethodName(link) ?? ""))) return true;
  const text = getStatementText(file, call);
  if (text !== undefined) return RELATIVE_SQL_SET.test(text);
  return someQueryValue(
    file,
    call,
    (value) => value.type === AST_NODE_TYPES.CallExpression && RAW_VALUE_FUNCTIONS.includes(getCalleeName(value) ?? "") && RELATIVE_SQL_VALUE.test(getStaticString(value.arguments[0]) ?? ""),
  );
}

/** The batched form of a read: one grouped count for a count, the first row of each key for a first row by an order, else the rows of all the keys. */
function getReadForm(file: FileContext, call: DatabaseCall, forms: BatchedForms | undefined): string | undefined {
  if (forms?.batchedCountForm !== undefined && isCountRead(file, call)) return forms.batchedCountForm;
  return forms?.batchedFirstRowForm !== undefined && isFirstRowRead(file, call) ? forms.batchedFirstRowForm : forms?.batchedForm;
}

/**
 * Whether the read counts the rows it matches: `count(…)`, `countDocuments(…)`, a `count()` in a
 * builder chain, SQL `SELECT count(*) … ` with no `GROUP BY` (technician-marketplace's portfolio
 * count per professional, Shuvmarg's trips per schedule).
 */
function isCountRead(file: FileContext, call: DatabaseCall): boolean {
  const text = getStatementText(file, call);
  if (text !== undefined) return SQL_COUNT.test(text) && !SQL_GROUP_BY.test(text);
  return getChainCalls(call.node).some((link) => COUNT_METHODS.includes(getCalledMethodName(link) ?? ""));
}

/**
 * Whether the read takes the first row by an order: SQL that ends in `ORDER BY … LIMIT 1`,
 * `findOne(…).sort(…)`, `findFirst({ where, orderBy })`, `findOne(filter, null, { sort })`. For
 * all the keys at once it must keep each key's first row, not all of them.
 */
function isFirstRowRead(file: FileContext, call: DatabaseCall): boolean {
  const text = getStatementText(file, call);
  if (text !== undefined) return SQL_FIRST_ROW.test(text);
  if (!FIRST_ROW_METHODS.includes(call.method)) return false;
  if (getChainCalls(getChainEnd(call.node)).some((link) => ORDER_METHODS.includes(getCalledMethodName(link) ?? ""))) return true;
  return getCallArguments(call.node).some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && ORDER_METHODS.includes(getStaticPropertyName(property) ?? "")),
  );
}

/** `INSERT INTO t (…) SELECT …` (or `… WITH x AS (…) SELECT …`): rows a query makes, not rows the call gives. */
function isInsertSelect(text: string): boolean {
  return SQL_INSERT_VERB.test(text) && SQL_SELECT_WORD.test(text) && !SQL_VALUES_WORD.test(text);
}

/** Whether the call only takes a lock (`SELECT pg_advisory_xact_lock($1)`) or marks a savepoint (`SAVEPOINT sp_1`): no read to batch (capgo's per-version locks, taken in sorted order). */
export function isLockStatement(file: FileContext, call: DatabaseCall): boolean {
  const text = getStatementText(file, call) ?? "";
  return SQL_LOCK_STATEMENT.test(text) || SQL_LOCK_TABLE.test(text) || SQL_SAVEPOINT_STATEMENT.test(text);
}

/**
 * Whether the call removes rows: a delete method (`deleteOne`, `destroy`), a builder that deletes
 * (`knex(t).where(…).delete()`, `db.deleteFrom(t)…execute()`), or SQL text that starts with `DELETE`.
 */
export function isDeleteQuery(file: FileContext, call: DatabaseCall): boolean {
  const text = getStatementText(file, call);
  if (text !== undefined) return SQL_DELETE_VERB.test(text) || getWithStatementWrite(text) === "delete";
  const knowledge = call.kind.knowledge;
  return knowledge.deletes === true || knowledge.databaseMethods?.[call.method]?.deletes === true;
}

/**
 * Whether a report may name the call's library. A method name only one library has tells the
 * library when it is called on a name or a path of names, as the library's own idioms do
 * (`User.findByPk(id)`, `prisma.user.findUnique(…)`, `this.prisma.user.findUnique(…)`). On a
 * collaborator of the class (`this.pageRepo.findById(id)`), unless its name starts with the
 * library's (`` this.prisma.$queryRaw`…` ``, `this.prismaService`), or on a call's result
 * (`Asset.query().findById(id)`) it is as likely the app's own method of that name over another
 * library (docmost's repositories over Kysely, wiki.js over Objection), and that library's
 * batched form would be wrong advice. So on a name that says repository
 * (`clientsRepository.findById(id)`), unless the library names its own objects so (TypeORM). Nor
 * in a file that imports an ORM the knowledge base does not describe (`UNLISTED_ORM_MODULES`).
 */
export function isLibraryKnown(file: FileContext, call: DatabaseCall): boolean {
  if (call.evidence !== "name") return true;
  // medusa's repositories over MikroORM: `manager.findOneOrFail(…)` is no TypeORM call there.
  if (importsModuleWithPrefix(file, UNLISTED_ORM_MODULES)) return false;
  // grouparoo's and crowd.dev's Sequelize models with a static `findById` of their own: the file imports another library of the knowledge base, and not the name's.
  if (importsOnlyOtherLibraries(file, call.kind.knowledge.library)) return false;
  // trinhtranduc rentalshop's routes: `db.merchants.findById(id)` of its own Prisma package, in a project whose manifests declare Prisma and no Mongoose.
  if (declaresOnlyOtherLibraries(file, call.kind.knowledge.library)) return false;
  const callee = skipExpressionWrappers(getCallee(call.node));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  // `this.db.insert(users).values(row)`: a chain that drizzle alone has, in a file that imports drizzle.
  if (getChainEvidenceKind(file, callee.object, call.method) !== null) return true;
  let receiver = skipExpressionWrappers(callee.object);
  // A collaborator named for the library (`` this.prisma.$queryRaw`…` ``, `this.prismaService.$executeRaw(…)` of a NestJS service) is its client.
  if (receiver.type === AST_NODE_TYPES.MemberExpression && skipExpressionWrappers(receiver.object).type === AST_NODE_TYPES.ThisExpression) {
    return getStaticPropertyName(receiver)?.toLowerCase().startsWith(call.kind.knowledge.library) === true;
  }
  // FVJohnny's nestjs-microservices-template: `this.findById(id)` in `UserToken_RedisRepository`, a method of the class itself.
  const receiverName = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.ThisExpression ? getThisClass(receiver)?.id?.name : undefined;
  if (receiverName !== undefined && REPOSITORY_NAME.test(receiverName) && !REPOSITORY_LIBRARIES.includes(call.kind.knowledge.library)) return false;
  receiver = getMemberRoot(receiver);
  return receiver.type === AST_NODE_TYPES.Identifier || receiver.type === AST_NODE_TYPES.ThisExpression;
}

/**
 * The file imports a database library of the knowledge base and none of them is `library`. A
 * validation, cache or HTTP library says nothing of the models (Aniston-HRMS's leave routes import
 * zod beside their Prisma client).
 */
function importsOnlyOtherLibraries(file: FileContext, library: string): boolean {
  return namesOnlyOtherLibraries(getModuleSpecifiers(file), library);
}

/**
 * The same of the project's `package.json` files (`getProjectPackages`): they declare a database
 * library of the knowledge base and none of `library`'s packages. A project that declares no
 * database library at all says nothing: its database may sit in a workspace package whose
 * manifest is not linked where it can be read.
 */
function declaresOnlyOtherLibraries(file: FileContext, library: string): boolean {
  return namesOnlyOtherLibraries(
    memoizeFile(file, "project-packages", () => getProjectPackages(file.filename)),
    library,
  );
}

/** Of the modules or packages `specifiers`, one belongs to a database library of the knowledge base and none to `library`. */
function namesOnlyOtherLibraries(specifiers: Iterable<string>, library: string): boolean {
  let other = false;
  for (const specifier of specifiers) {
    const named = getLibraryOfPackage(getBarePackageName(specifier));
    if (named?.id === library) return false;
    if (named !== undefined && Object.values(named.kinds).some(DATABASE_TRAIT.matches)) other = true;
  }
  return other;
}

/**
 * The library whose batched form fits the call: its own, or for SQL text sent to an untraced
 * client, the library whose tag writes the text (drizzle's `` sql`…` ``; none for a tag of unknown
 * origin), the library whose raw query alone takes its options (`{ replacements }`: Sequelize), or
 * the driver its placeholders belong to (`$1` node-postgres, `?` mysql2). Undefined when the
 * library is not known (`isLibraryKnown`).
 */
export function getBatchingLibraryId(file: FileContext, call: DatabaseCall): string | undefined {
  if (!isLibraryKnown(file, call)) return undefined;
  if (call.evidence !== "sql") return call.kind.knowledge.library;
  const [first, options] = getCallArguments(call.node);
  const argument = first && skipExpressionWrappers(first);
  if (argument?.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    const module = getImportPath(file, argument.tag)?.module;
    return module ? SQL_TAG_LIBRARIES.find((entry) => module === entry.module || module.startsWith(`${entry.module}/`))?.library : undefined;
  }
  const optionLibrary = getSqlOptionLibrary(file, options);
  if (optionLibrary !== undefined) return optionLibrary;
  const text = getResolvedSqlText(file, first) ?? "";
  return SQL_PLACEHOLDER_LIBRARIES.find((entry) => entry.placeholder.test(text))?.library ?? call.kind.knowledge.library;
}

/** The library whose raw query alone takes an option of `argument`, an object written in the call or held by a `const` (`{ replacements }`: Sequelize). */
function getSqlOptionLibrary(file: FileContext, argument: TSESTree.CallExpressionArgument | undefined): string | undefined {
  const options = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? followConstant(file, argument) : undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of options.properties) {
    const name = property.type === AST_NODE_TYPES.Property ? getStaticPropertyName(property) : undefined;
    const entry = name === undefined ? undefined : SQL_OPTION_LIBRARIES.find((candidate) => candidate.options.includes(name));
    if (entry) return entry.library;
  }
  return undefined;
}

/**
 * Whether the promises an iterating call (`items.map(…)`) returns are handed, directly or
 * through one `const`, to a call that sends them as one batch (`prisma.$transaction(ops)`).
 */
export function isHandedToBatch(file: FileContext, iteration: Iteration): boolean {
  if (iteration.kind !== "callback") return false;
  const consumer = iteration.node.parent;
  if (consumer && isBatchSendingArgument(consumer, iteration.node)) return true;
  if (consumer?.type !== AST_NODE_TYPES.VariableDeclarator || consumer.init !== iteration.node || consumer.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(consumer.id), consumer.id);
  return variable?.references.some((reference) => reference.identifier.parent !== consumer && isBatchSendingArgument(reference.identifier.parent, reference.identifier)) ?? false;
}

function isBatchSendingArgument(parent: TSESTree.Node | undefined, node: TSESTree.Node): boolean {
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === node &&
    BATCH_SENDING_METHODS.includes(getCalledMethodName(parent) ?? "")
  );
}

// ---------------------------------------------------------------------------------------------

/** The first call of a chain: `db("t")` of `db("t").where(…).first()`, `Task.findById(id)` of `Task.findById(id).session(s)`. */
export function getChainStart(call: CallLike): CallLike {
  return getChainCalls(call).at(-1)!;
}

/** The last call of the chain `call` opens or continues: `Task.findOne(…).where(…).lean()` of `Task.findOne(…)`. */
export function getChainEnd(call: CallLike): CallLike {
  let end: CallLike = call;
  while (end.parent?.type === AST_NODE_TYPES.MemberExpression && end.parent.object === end && end.parent.parent?.type === AST_NODE_TYPES.CallExpression && end.parent.parent.callee === end.parent) {
    end = end.parent.parent;
  }
  return end;
}

/** `a(x).b(y).c()` → the calls `c()`, `b(y)`, `a(x)`; a tagged template (`` prisma.$queryRaw`…` ``) is a chain of its own. */
function getChainCalls(call: CallLike): CallLike[] {
  const calls: CallLike[] = [call];
  let callee = skipExpressionWrappers(getCallee(call));
  while (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipExpressionWrappers(callee.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) break;
    calls.push(object);
    callee = skipExpressionWrappers(object.callee);
  }
  return calls;
}

/**
 * The element picks the database the query goes to: the client is the element (`for (const pool
 * of shards)`), or a handle the body gets for it, named as one (Avy-ERP's schema-per-tenant crons:
 * `tenantDb = await this.getTenantDbForCompany(company.id)`, then `tenantDb.employee.findMany(…)`).
 * Each database takes a query of its own; no batched form spans them. Not a row a query returned
 * (`const user = await User.findById(id)`, then `user.save()`).
 */
export function picksDatabasePerElement(file: FileContext, iteration: Iteration, call: DatabaseCall): boolean {
  const callee = skipExpressionWrappers(getCallee(getChainStart(call.node)));
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberRoot(callee.object) : callee;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(root), root);
  if (!variable) return false;
  if (isModelOfElement(file, iteration, variable)) return true;
  if (!DATABASE_HANDLE_NAME.test(root.name)) return false;
  if (iteration.items.has(variable)) return true;
  return variable.references.some(({ writeExpr }) => {
    if (!writeExpr || !contains(iteration.body, writeExpr)) return false;
    const value = skipExpressionWrappers(writeExpr.type === AST_NODE_TYPES.AwaitExpression ? writeExpr.argument : writeExpr);
    const handle = value.type === AST_NODE_TYPES.CallExpression ? !DATABASE_METHOD_NAMES.has(getCalledMethodName(value) ?? "") : value.type === AST_NODE_TYPES.MemberExpression;
    return handle && dependsOn(file, value, iteration);
  });
}

/**
 * A model the element picks from a table of models (medflow-clinic's sync route: `const Model =
 * modelMap[entity]` of `const modelMap = { patients: Patient, appointments: Appointment, … }`, for
 * each change sent by the client): each element writes to its own collection.
 */
function isModelOfElement(file: FileContext, iteration: Iteration, variable: Scope.Variable): boolean {
  const init = getConstantInit(variable);
  const pick = init ? skipExpressionWrappers(init) : undefined;
  if (pick?.type !== AST_NODE_TYPES.MemberExpression || !pick.computed || pick.object.type !== AST_NODE_TYPES.Identifier || !dependsOn(file, pick.property, iteration)) return false;
  const models = followConstant(file, pick.object);
  return models?.type === AST_NODE_TYPES.ObjectExpression && models.properties.length >= 2 && models.properties.every((property) => property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier);
}

/** The values of the SQL argument: interpolations in value position, `values` of a query object. */
function getSqlValues(file: FileContext, argument: TSESTree.Node): TSESTree.Node[] {
  const inner = skipExpressionWrappers(argument);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    return inner.properties.filter((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return true;
      const key = getStaticPropertyName(property);
      return key !== "text" && key !== "sql" && key !== "name";
    });
  }
  return [...splitSqlInterpolations(file, inner).values];
}

/**
 * The interpolations of SQL text (a template, or a `+` concatenation) by their place: a value, or
 * an identifier (`FROM ${table}`, `"${schema}"."${name}"`). A statement passed whole
 * (`query(statement)`) has neither.
 */
function splitSqlInterpolations(file: FileContext, inner: TSESTree.Node): SqlInterpolations {
  // Asked for the values and again for the tables of the same text.
  return memoize(file, "sql-interpolations", inner, () => splitSqlText(file, inner));
}

interface SqlInterpolations {
  readonly values: readonly TSESTree.Node[];
  readonly identifiers: readonly TSESTree.Node[];
}

function splitSqlText(file: FileContext, inner: TSESTree.Node): SqlInterpolations {
  const values: TSESTree.Node[] = [];
  const identifiers: TSESTree.Node[] = [];
  const template = getTemplate(file, inner);
  const parts: (string | TSESTree.Node)[] = [];
  if (template) {
    pushTemplateParts(template, parts);
  } else {
    // `const ddl = \`CREATE TABLE "${table}" (\` + columns + ")"`, sent as `Prisma.raw(ddl)`.
    const text = inner.type === AST_NODE_TYPES.Identifier ? (getConstInit(file, inner) ?? inner) : inner;
    if (text.type === AST_NODE_TYPES.BinaryExpression && text.operator === "+") flattenConcatenation(text, parts);
  }
  if (!parts.some((part) => typeof part === "string" && part.trim() !== "")) return { values, identifiers };
  let before = "";
  for (const part of parts) {
    if (typeof part === "string") before += part;
    else {
      (SQL_IDENTIFIER_CONTEXT.test(before) ? identifiers : values).push(part);
      before += "?";
    }
  }
  return { values, identifiers };
}

/** `"SELECT … = " + id + " AND …"` → its static strings and its expressions, in order. */
function flattenConcatenation(node: TSESTree.Node, parts: (string | TSESTree.Node)[]): void {
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === "+") {
    flattenConcatenation(inner.left, parts);
    flattenConcatenation(inner.right, parts);
    return;
  }
  // kannan19302's unierp: `` `CREATE POLICY "p_${table}" ON "${table}" ` + `USING (…)` ``, templates joined by `+`.
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) {
    pushTemplateParts(inner, parts);
    return;
  }
  const text = getStaticString(inner);
  parts.push(text ?? inner);
}

/** A template's text and interpolations, in order: `` `DROP TABLE "${table}"` `` gives `DROP TABLE "`, `table`, `"`. */
function pushTemplateParts(template: TSESTree.TemplateLiteral, parts: (string | TSESTree.Node)[]): void {
  template.quasis.forEach((quasi, index) => {
    parts.push(quasi.value.cooked ?? "");
    const expression = template.expressions[index];
    if (expression) parts.push(expression);
  });
}

/** A template literal (plain or tagged), directly or through a `const` declared with one. */
function getTemplate(file: FileContext, node: TSESTree.Node): TSESTree.TemplateLiteral | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node;
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return node.quasi;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = getConstInit(file, node);
    return init && init.type !== AST_NODE_TYPES.Identifier ? getTemplate(file, init) : undefined;
  }
  return undefined;
}

/**
 * SQL text of an argument, following one `const sql = "…"`. Asked several times per call (write,
 * delete, lock, per-row, batched form): read once.
 */
function getResolvedSqlText(file: FileContext, argument: TSESTree.Node | undefined): string | undefined {
  return argument ? memoize(file, "resolved-sql-text", argument, () => readSqlText(file, argument)) : undefined;
}

function readSqlText(file: FileContext, argument: TSESTree.Node): string | undefined {
  const inner = skipExpressionWrappers(argument);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = getConstInit(file, inner);
    return init && init.type !== AST_NODE_TYPES.Identifier ? getSqlText(init) : undefined;
  }
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    const text = inner.properties.find(
      (property) => property.type === AST_NODE_TYPES.Property && QUERY_CONFIG_TEXT_KEYS.includes(getStaticPropertyName(property) ?? ""),
    );
    return text?.type === AST_NODE_TYPES.Property ? getResolvedSqlText(file, text.value) : undefined;
  }
  // `SELECT ${fnName}(?)` with `const fnName = "pg_advisory_xact_lock"` (medusa's locking provider): a constant part is text.
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length > 0) {
    return inner.quasis.map((quasi, index) => `${quasi.value.cooked ?? ""}${index < inner.expressions.length ? getConstString(file, inner.expressions[index]!) : ""}`).join("");
  }
  return getSqlText(inner);
}

/** The string a `const` initialized with a string literal holds, or `?` (a value the query is given). */
function getConstString(file: FileContext, node: TSESTree.Node): string {
  if (node.type !== AST_NODE_TYPES.Identifier) return "?";
  const init = getConstInit(file, node);
  return (init && getStaticString(init)) ?? "?";
}


/** `{ id: { in: ids } }`, `{ _id: { $in: ids } }`, `{ [Op.in]: ids }`, `In(ids)`, `inArray(t.id, ids)`. */
function hasBatchedCondition(file: FileContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > 8 || isFunctionNode(node)) return false;
  const inner = skipExpressionWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property) return false;
        const key = property.computed
          ? property.key.type === AST_NODE_TYPES.MemberExpression
            ? `[${getStaticPropertyName(property.key) ?? ""}]`
            : undefined
          : getStaticPropertyName(property);
        if (key !== undefined && (BATCHED_KEYS.includes(key) || BATCHED_COMPUTED_KEYS.some((name) => key === `[${name}]`))) return !isWrittenList(property.value);
        return hasBatchedCondition(file, property.value, depth + 1);
      });
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.some((element) => element !== null && hasBatchedCondition(file, element, depth + 1));
    case AST_NODE_TYPES.CallExpression: {
      const name = getCalleeName(inner);
      if (name !== undefined && BATCHED_FUNCTIONS.includes(name) && !hasSubqueryList(file, inner.arguments) && !isWrittenList(inner.arguments.at(-1))) return true;
      return inner.arguments.some((argument) => hasBatchedCondition(file, argument, depth + 1));
    }
    default:
      return false;
  }
}

/**
 * A list written out in the code (`status: { in: ["BOOKED", "DISPATCHED"] }`, `whereIn("status",
 * [a, b])`): its elements are the code's, a fixed handful for each run, so the condition batches
 * nothing over the loop's elements (silk-route-logistics's carrier capacity check counts each
 * carrier's loads in a list of statuses). A spread (`[...ids]`) lists data.
 */
function isWrittenList(node: TSESTree.Node | undefined): boolean {
  const list = node ? skipExpressionWrappers(node) : undefined;
  return list?.type === AST_NODE_TYPES.ArrayExpression && list.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
}

/**
 * A list condition whose list is a subquery (`whereIn("id", db("members").select("id").where(…))`,
 * `inArray(users.id, db.select(…))`): the subquery runs with the outer query, so the condition
 * batches nothing over the loop's elements.
 */
function hasSubqueryList(file: FileContext, linkArguments: readonly TSESTree.CallExpressionArgument[]): boolean {
  const list = linkArguments.at(-1);
  return list !== undefined && isBuilderValue(file, skipExpressionWrappers(list));
}
