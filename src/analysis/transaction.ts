import type { TSESTree } from "@typescript-eslint/utils";
import type { CallLike } from "./ast.js";
import type { CallIndex } from "./call-index.js";
import type { DatabaseCall } from "./database-call.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { SQL_BEGIN, SQL_SAVEPOINT, TRANSACTION_OBJECT_OPENER, TRANSACTION_OPENER, UNIT_OF_WORK_CHAIN_METHODS, UNIT_OF_WORK_OPTIONS } from "../knowledge/batching.js";
import { contains, getCallee, getStaticPropertyName, getStaticString, isFunctionNode, runsWhenever, skipExpressionWrappers } from "./ast.js";
import { getChainEnd } from "./query-shape.js";
import { getConstantInit, isSameExpression, isUnchangedBetween, resolveVariable } from "./same-expression.js";

/**
 * Whether `call` opens a transaction on a client `isClient` recognises: raw SQL sent to it
 * (`client.query("BEGIN")`, `START TRANSACTION`), one of its methods that `isOpener` names (a
 * library's `beginTransaction()`), its `transaction()` called without a callback (node-firebird),
 * or an application helper given it (`startTransaction(client)`, `db.beginTransaction(client)`).
 */
export function opensTransaction(call: TSESTree.CallExpression, isClient: (node: TSESTree.Node) => boolean, isOpener: (method: string) => boolean): boolean {
  const callee = skipExpressionWrappers(call.callee);
  const first = call.arguments[0];
  if (callee.type === AST_NODE_TYPES.Identifier) return first !== undefined && isClient(first) && TRANSACTION_OPENER.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  if (!isClient(skipExpressionWrappers(callee.object))) return first !== undefined && isClient(first) && TRANSACTION_OPENER.test(callee.property.name);
  if (callee.property.name === TRANSACTION_OBJECT_OPENER && !call.arguments.some((argument) => isFunctionNode(argument))) return true;
  return isOpener(callee.property.name) || SQL_BEGIN.test(getStatementStart(first));
}

/**
 * Whether `call` runs in a transaction that a call inside `around` opens before it on the same
 * client (`await client.query("BEGIN")`, `await conn.beginTransaction()`): each run of `around`
 * (a loop's body, a helper called per element) is one unit of work, as capgo's manifest cleanup
 * is per entry (a lock, a check, a delete, then `COMMIT`).
 */
export function isInOpenedTransaction(file: FileContext, call: DatabaseCall, index: CallIndex, around: TSESTree.Node): boolean {
  const callee = skipExpressionWrappers(getCallee(call.node));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  // The client, and the session or transaction handed to a model's query (`{ session }`, `.session(s)`).
  const clients = [skipExpressionWrappers(callee.object), ...getHandedUnitsOfWork(call.node)];
  const isClient = (node: TSESTree.Node): boolean =>
    clients.some((client) => isSameExpression(file, skipExpressionWrappers(node), client) || (isUnchangedBetween(file, skipExpressionWrappers(node), client) && runsWhenever(node, call.node)));
  if (index.callsWithin(around).some((other) => other.range[1] <= call.node.range[0] && opensUnitOfWork(other, call.node, isClient))) return true;
  return clients.slice(1).some((unit) => isOpenedBefore(file, unit, around, call.node));
}

/**
 * The sessions and transactions a query is handed: `{ session }` or `{ transaction: t }` in an
 * object it is given, `.session(s)` or `.transacting(trx)` in its chain, for any call of the chain
 * (`Workplace.findById(id, null, { session })`, `Task.findById(id).session(s)`).
 */
function getHandedUnitsOfWork(call: CallLike): TSESTree.Node[] {
  const units: TSESTree.Node[] = [];
  for (let current: TSESTree.Node = getChainEnd(call); current.type === AST_NODE_TYPES.CallExpression; ) {
    const link = skipExpressionWrappers(current.callee);
    const method = link.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(link) : undefined;
    if (method !== undefined && UNIT_OF_WORK_CHAIN_METHODS.includes(method) && current.arguments[0]) units.push(skipExpressionWrappers(current.arguments[0]));
    for (const argument of current.arguments) {
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of argument.properties) {
        if (property.type === AST_NODE_TYPES.Property && UNIT_OF_WORK_OPTIONS.includes(getStaticPropertyName(property) ?? "")) units.push(skipExpressionWrappers(property.value));
      }
    }
    if (link.type !== AST_NODE_TYPES.MemberExpression) break;
    current = skipExpressionWrappers(link.object);
  }
  return units.filter((unit) => unit.type === AST_NODE_TYPES.Identifier || unit.type === AST_NODE_TYPES.MemberExpression);
}

/**
 * A transaction object made inside `around` before `target`: `const t = await sequelize.transaction()`,
 * `const trx = await knex.transaction()` (no callback: it returns the transaction), or a
 * `startTransaction()` that returns one. Each run of `around` opens its own.
 */
function isOpenedBefore(file: FileContext, unit: TSESTree.Node, around: TSESTree.Node, target: TSESTree.Node): boolean {
  const variable = unit.type === AST_NODE_TYPES.Identifier ? resolveVariable(file, unit) : null;
  const init = variable ? getConstantInit(variable) : null;
  if (!init || !contains(around, init) || init.range[1] > target.range[0]) return false;
  const value = skipExpressionWrappers(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.some((argument) => isFunctionNode(argument))) return false;
  const callee = skipExpressionWrappers(value.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  return name !== undefined && (name === TRANSACTION_OBJECT_OPENER || TRANSACTION_OPENER.test(name));
}

/**
 * A transaction opened on the client before `target`, or a savepoint marked on it in a statement
 * that runs before `target` whatever happens (`await client.query("SAVEPOINT catalog_matrix")`,
 * then the row's upserts: carbon-warehouse-management's catalog sync, so that one row's failure
 * does not abort the others). A savepoint in another branch (Loyalty-Demo's external results)
 * marks that branch's work only.
 */
function opensUnitOfWork(other: TSESTree.CallExpression, target: TSESTree.Node, isClient: (node: TSESTree.Node) => boolean): boolean {
  if (opensTransaction(other, isClient, (method) => TRANSACTION_OPENER.test(method))) return true;
  const callee = skipExpressionWrappers(other.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !SQL_SAVEPOINT.test(getStatementStart(other.arguments[0])) || !isClient(skipExpressionWrappers(callee.object))) return false;
  let statement: TSESTree.Node = other;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement) statement = statement.parent;
  return statement.parent !== undefined && contains(statement.parent, target) && statement.range[1] <= target.range[0];
}

/** The start of the SQL text a call is given: a string, or the first part of a template (`SAVEPOINT sp_${item.id}`). */
function getStatementStart(node: TSESTree.Node | undefined): string {
  return getStaticString(node) ?? (node?.type === AST_NODE_TYPES.TemplateLiteral ? node.quasis[0]?.value.cooked : undefined) ?? "";
}

/**
 * Whether the call of a local function `call` hands it a client on which a call inside `around`
 * opened a transaction before it: TicketToken's reservation cleanup sends `BEGIN` on `client`,
 * then `this.releaseOrphanReservation(client, orphan)`, then `COMMIT`, once per orphan. Each run of
 * `around` is one unit of work, as with the query sent directly (`isInOpenedTransaction`).
 */
export function handsOpenedTransaction(file: FileContext, call: TSESTree.CallExpression, index: CallIndex, around: TSESTree.Node): boolean {
  const handed = call.arguments.map(skipExpressionWrappers).filter((argument) => argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.MemberExpression);
  if (handed.length === 0) return false;
  const isClient = (node: TSESTree.Node): boolean => handed.some((argument) => isSameExpression(file, skipExpressionWrappers(node), argument));
  return index.callsWithin(around).some((other) => other.range[1] <= call.range[0] && opensUnitOfWork(other, call, isClient));
}
