import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FileContext } from "./file-context.js";
import type { Iteration } from "./iteration.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { MEMBERSHIP_METHODS } from "../knowledge/builtins.js";
import { getCalledMethodName, getSoleStatement, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { isFixedCollection, isObjectListing } from "./iteration.js";
import { followConstant } from "./same-expression.js";

/**
 * The loop walks the keys of an object, each once (`for (const [key, value] of
 * Object.entries(input))`, `Object.keys(input)`, `for (const key in input)`), and `node` runs only
 * for a key that a fixed collection holds: in the branch of `if (ALLOWED.includes(key))`, or after
 * `if (!ALLOWED.includes(key)) continue;`. akefdajani's permission overrides upsert each known
 * permission of the request at most once. The elements of a list may repeat: a list filtered so
 * is still walked whole.
 */
export function isForFixedKeys(file: FileContext, iteration: Iteration, node: TSESTree.Node): boolean {
  const key = getKeyVariable(file, iteration);
  if (key === undefined) return false;
  for (let child = node, parent = node.parent; parent && child !== iteration.body; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && impliesFixedKey(file, parent.test, true, key)) return true;
    // Whichever loop a `continue` goes round, it leaves the rest of its block.
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      const before = parent.body.slice(0, parent.body.indexOf(child as TSESTree.Statement));
      if (before.some((statement) => isContinueUnlessFixedKey(file, statement, key))) return true;
    }
  }
  return false;
}

/** `if (!ALLOWED.includes(key)) continue;`: past it, the key is one of the collection's. */
function isContinueUnlessFixedKey(file: FileContext, statement: TSESTree.Statement, key: Scope.Variable): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate !== null) return false;
  const jump = getSoleStatement(statement.consequent);
  return jump?.type === AST_NODE_TYPES.ContinueStatement && jump.label === null && impliesFixedKey(file, statement.test, false, key);
}

/** The key binding of a loop over an object's keys: `key` of `[key, value]` of `Object.entries(x)`, of `Object.keys(x)`, of `for…in`. */
function getKeyVariable(file: FileContext, iteration: Iteration): Scope.Variable | undefined {
  const loop = iteration.node;
  if (loop.type !== AST_NODE_TYPES.ForInStatement && loop.type !== AST_NODE_TYPES.ForOfStatement) return undefined;
  const list = skipExpressionWrappers(loop.right);
  const listed = loop.type === AST_NODE_TYPES.ForOfStatement && list.type === AST_NODE_TYPES.CallExpression && isObjectListing(list) ? getCalledMethodName(list) : undefined;
  if (loop.type === AST_NODE_TYPES.ForOfStatement && listed !== "keys" && listed !== "entries") return undefined;
  const declared = loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : undefined;
  const binding = listed === "entries" ? (declared?.type === AST_NODE_TYPES.ArrayPattern ? declared.elements[0] : undefined) : declared;
  if (binding?.type !== AST_NODE_TYPES.Identifier) return undefined;
  return [...iteration.items].find((variable) => variable.identifiers.includes(binding));
}

/**
 * `test` being `outcome` (truthy or falsy) means the key is in a fixed collection: `ALLOWED.includes(key)`,
 * `ALLOWED.has(key)`, `key in TABLE`, `Object.hasOwn(TABLE, key)`, `TABLE[key]`, `TABLE[key] !== undefined`,
 * `typeof TABLE[key] === "number"` (also through `const day = DAYS[key]`), and their negations.
 */
function impliesFixedKey(file: FileContext, raw: TSESTree.Node, outcome: boolean, key: Scope.Variable): boolean {
  const test = skipExpressionWrappers(raw);
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return test.operator === "!" && impliesFixedKey(file, test.argument, !outcome, key);
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` true: both true; `a || b` false: both false.
      if ((test.operator === "&&") !== outcome) return false;
      return impliesFixedKey(file, test.left, outcome, key) || impliesFixedKey(file, test.right, outcome, key);
    case AST_NODE_TYPES.BinaryExpression: {
      if (test.operator === "in") return outcome && isKey(file, test.left, key) && isFixedCollection(file, test.right);
      const equal = test.operator === "===" || test.operator === "==";
      if (!equal && test.operator !== "!==" && test.operator !== "!=") return false;
      const [value, other] = isAbsent(test.right) ? [test.left, test.right] : [test.right, test.left];
      // `TABLE[key] === undefined` true: not in the table; `typeof TABLE[key] === "number"` true: in it.
      if (isAbsent(other)) return equal !== outcome && isFixedLookup(file, value, key);
      const typed = skipExpressionWrappers(test.left);
      if (typed.type !== AST_NODE_TYPES.UnaryExpression || typed.operator !== "typeof") return false;
      return test.right.type === AST_NODE_TYPES.Literal && test.right.value !== "undefined" && equal === outcome && isFixedLookup(file, typed.argument, key);
    }
    case AST_NODE_TYPES.CallExpression:
      return outcome && isMembershipCall(file, test, key);
    default:
      return outcome && isFixedLookup(file, test, key);
  }
}

/** `ALLOWED.includes(key)`, `ALLOWED.has(key)`, `TABLE.hasOwnProperty(key)`, `Object.hasOwn(TABLE, key)`. */
function isMembershipCall(file: FileContext, call: TSESTree.CallExpression, key: Scope.Variable): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getCalledMethodName(call);
  if (method === "hasOwn" && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Object") {
    return call.arguments.length === 2 && isFixedCollection(file, call.arguments[0]!) && isKey(file, call.arguments[1]!, key);
  }
  return MEMBERSHIP_METHODS.includes(method ?? "") && call.arguments.length >= 1 && isKey(file, call.arguments[0]!, key) && isFixedCollection(file, callee.object);
}

/** `undefined` or `null`. */
function isAbsent(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  return (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined") || (node.type === AST_NODE_TYPES.Literal && node.value === null);
}

/** `TABLE[key]` of a fixed table, or a `const` holding one (`const day = DAYS[key]`). */
function isFixedLookup(file: FileContext, raw: TSESTree.Node, key: Scope.Variable): boolean {
  const node = followConstant(file, raw);
  return node?.type === AST_NODE_TYPES.MemberExpression && node.computed && isKey(file, node.property, key) && isFixedCollection(file, node.object);
}

function isKey(file: FileContext, raw: TSESTree.Node, key: Scope.Variable): boolean {
  const node = skipExpressionWrappers(raw);
  return node.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(file.sourceCode.getScope(node), node) === key;
}
