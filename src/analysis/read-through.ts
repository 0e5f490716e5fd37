import type { TSESTree } from "@typescript-eslint/utils";
import type { AnyRuleContext, FileContext } from "./file-context.js";
import type { ReadUse } from "./read-guard.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { LOGGER_ROOTS, PLAIN_DATA_BUILTIN_CALLS, PLAIN_DATA_CONSTRUCTORS, VALUE_FUNCTIONS } from "../knowledge/builtins.js";
import { contains, forEachOwnNode, getEnclosingFunction, getMemberRoot, getSoleStatement, getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getCacheOperationInFile } from "./cache-operation.js";
import { getDatabaseCall } from "./database-call.js";
import { isWriteQuery } from "./query-shape.js";
import { resolveVariable } from "./same-expression.js";

/**
 * A read-through cache of a fact a database read looks up, not a claim: the check leaves on a hit
 * with the very marker the write stores (`if (cached === true) return true;` … `set(key, true, 5)`),
 * and from the check on the function only reads: at least one database read before the write,
 * the calls that build its arguments, other reads of the store, logging, and built-ins that
 * compute a value. Two calls that both miss both look the fact up, and nothing runs for one of
 * them only (samujjwal rental's `validateSessionToken`, which caches a valid session for five
 * seconds). A replay guard returns something else on a hit (`if (used) return false; … return
 * true`), and a handler that sends, charges or writes makes a call that is no read.
 */
export function isReadThroughFlag(context: AnyRuleContext, file: FileContext, use: ReadUse, read: TSESTree.CallExpression, write: TSESTree.CallExpression, value: TSESTree.Node | undefined): boolean {
  if (!returnsMarkOnHit(use, value)) return false;
  const fn = getEnclosingFunction(read);
  if (!fn) return false;
  let lookups = 0;
  let effect = false;
  // The end of the last read whose arguments are being walked: the calls that build them (drizzle's `eq(…)`) are part of it.
  let readEnd = -1;
  forEachOwnNode(context.sourceCode.visitorKeys, fn.body, (node) => {
    if (effect || node.range[0] < read.range[1] || node.range[0] < readEnd || contains(write, node)) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const query = getDatabaseCall(context, node);
      if (query && !isWriteQuery(file, query)) {
        if (node.range[1] <= write.range[0]) lookups++;
        readEnd = node.range[1];
      } else if (getCacheOperationInFile(file, node)?.op === "read") {
        readEnd = node.range[1];
      } else {
        effect = !computesOnly(node);
      }
    } else if (node.type === AST_NODE_TYPES.NewExpression) {
      effect = node.callee.type !== AST_NODE_TYPES.Identifier || !PLAIN_DATA_CONSTRUCTORS.has(node.callee.name);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression || node.type === AST_NODE_TYPES.UpdateExpression) {
      effect = !isLocalTarget(file, fn, node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.argument);
    }
  });
  return !effect && lookups > 0;
}

/** `if (cached === true) return true;`: the branch taken on a hit returns the literal the write stores. */
function returnsMarkOnHit(use: ReadUse, value: TSESTree.Node | undefined): boolean {
  const statement = use.statement;
  const mark = value && skipExpressionWrappers(value);
  if (!statement || mark?.type !== AST_NODE_TYPES.Literal) return false;
  const exit = getSoleStatement(use.presentIsTruthy ? statement.consequent : statement.alternate);
  const returned = exit?.type === AST_NODE_TYPES.ReturnStatement && exit.argument ? skipExpressionWrappers(exit.argument) : undefined;
  return returned?.type === AST_NODE_TYPES.Literal && returned.value === mark.value;
}

/** `Boolean(session)`, `JSON.parse(text)`, `Math.min(a, b)`, `this.logger.warn(…)`: a value computed, or a line logged. */
function computesOnly(call: TSESTree.CallExpression): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return VALUE_FUNCTIONS.includes(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipExpressionWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name !== "Reflect" && PLAIN_DATA_BUILTIN_CALLS.get(object.name)?.has(getStaticPropertyName(callee) ?? "")) return true;
  const root = getMemberRoot(callee);
  const name = root.type === AST_NODE_TYPES.Identifier ? root.name : root.type === AST_NODE_TYPES.ThisExpression && callee.object.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee.object) : undefined;
  return name !== undefined && LOGGER_ROOTS.includes(name.toLowerCase());
}

/** A variable declared in `fn` itself: what the call computes for its own answer. */
function isLocalTarget(file: FileContext, fn: TSESTree.Node, target: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(target);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const declaration = resolveVariable(file, node)?.defs[0]?.node;
  return declaration !== undefined && contains(fn, declaration);
}
