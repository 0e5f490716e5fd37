import type { TSESTree } from "@typescript-eslint/utils";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getEnclosingFunction, isFunctionNode } from "./ast.js";

/**
 * Whether `first` always starts before `second` can run, within one function: `first` comes
 * earlier in the source and is not inside a branch, a loop body, a `catch` or a nested function
 * that `second` is outside of. A `try` block always starts, so `first` inside `try` and
 * `second` in its `catch` or after it counts. Syntax only, no code path analysis: branches
 * that merge back count as conditional, which keeps the answer on the safe side.
 */
export function runsUnconditionallyBefore(first: TSESTree.Node, second: TSESTree.Node): boolean {
  if (first.range[1] > second.range[0]) return false;
  if (getEnclosingFunction(first) !== getEnclosingFunction(second)) return false;
  const ancestorsOfSecond = new Set<TSESTree.Node>();
  for (let current = second.parent; current; current = current.parent) ancestorsOfSecond.add(current);
  let child: TSESTree.Node = first;
  for (let current = first.parent; current; current = current.parent) {
    // At the common ancestor too: `c ? first() : second()` runs one branch only. A `case`,
    // `catch` or function that holds both runs both or neither.
    const common = ancestorsOfSecond.has(current);
    if (isConditionalChild(current, child) && !(common && holdsBothTogether(current))) return false;
    if (common) return true;
    child = current;
  }
  return true;
}

function holdsBothTogether(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.SwitchCase ||
    node.type === AST_NODE_TYPES.CatchClause ||
    node.type === AST_NODE_TYPES.ChainExpression ||
    isFunctionNode(node)
  );
}

/** Whether `child` runs only sometimes when `parent` runs. */
function isConditionalChild(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.right === child;
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.CatchClause:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    case AST_NODE_TYPES.ForStatement:
      return parent.init !== child;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.right !== child;
    case AST_NODE_TYPES.WhileStatement:
      return parent.body === child;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child;
    default:
      return isFunctionNode(parent);
  }
}
