import type { TSESTree } from "@typescript-eslint/utils";
import type { CallIndex } from "./call-index.js";
import type { DatabaseCall } from "./database-call.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { SQL_BEGIN, TRANSACTION_OBJECT_OPENER, TRANSACTION_OPENER } from "../knowledge/batching.js";
import { getStaticString, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { isSameExpression } from "./same-expression.js";

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
  // The statement's start is enough: `SAVEPOINT sp_${item.id}` (salonbw's savepoint per sold item).
  const text = getStaticString(first) ?? (first?.type === AST_NODE_TYPES.TemplateLiteral ? first.quasis[0]?.value.cooked : undefined);
  return isOpener(callee.property.name) || SQL_BEGIN.test(text ?? "");
}

/**
 * Whether `call` runs in a transaction that a call inside `around` opens before it on the same
 * client (`await client.query("BEGIN")`, `await conn.beginTransaction()`): each run of `around`
 * (a loop's body, a helper called per element) is one unit of work, as capgo's manifest cleanup
 * is per entry (a lock, a check, a delete, then `COMMIT`).
 */
export function isInOpenedTransaction(file: FileContext, call: DatabaseCall, index: CallIndex, around: TSESTree.Node): boolean {
  const callee = skipExpressionWrappers(call.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const client = skipExpressionWrappers(callee.object);
  const isClient = (node: TSESTree.Node): boolean => isSameExpression(file, skipExpressionWrappers(node), client);
  return index.callsWithin(around).some((other) => other.range[1] <= call.node.range[0] && opensTransaction(other, isClient, (method) => TRANSACTION_OPENER.test(method)));
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
  return index.callsWithin(around).some((other) => other.range[1] <= call.range[0] && opensTransaction(other, isClient, (method) => TRANSACTION_OPENER.test(method)));
}
