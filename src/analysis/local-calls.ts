import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, TSESLint } from "@typescript-eslint/utils";

import { getStaticPropertyName, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { getThisClass } from "./class-members.js";
import { getConstantInit, resolveVariable } from "./same-expression.js";

/**
 * Calls within one file: which function of this file a call runs, and which awaited call
 * follows an awaited call as the very next statement.
 */

/**
 * The function of this file that `call` runs: `helper(x)` for a function declaration or a
 * constant function expression, `this.helper(x)` for a method of the enclosing class. Null for
 * anything imported, passed in or computed.
 */
export function getLocalCallee(file: FileContext, call: TSESTree.CallExpression): FunctionNode | null {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(file, callee);
    const def = variable?.defs[0];
    if (!variable || !def) return null;
    if (def.type === TSESLint.Scope.DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
    const init = getConstantInit(variable);
    return init && isFunctionNode(init) ? init : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = getStaticPropertyName(callee);
    const classNode = getThisClass(callee);
    if (name === undefined || !classNode) return null;
    for (const element of classNode.body.body) {
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === "method" && !element.static && getStaticPropertyName(element) === name) {
        return isFunctionNode(element.value) ? element.value : null;
      }
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && getStaticPropertyName(element) === name && element.value && isFunctionNode(element.value)) {
        return element.value;
      }
    }
  }
  return null;
}

/**
 * For a call that is a statement of its own (`await a();`), the call of the next statement when
 * that one is also `await b();` or `b();`. Null otherwise.
 */
export function getNextStatementCall(call: TSESTree.CallExpression): TSESTree.CallExpression | null {
  const next = getNextStatement(call);
  if (next?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  let expression = skipExpressionWrappers(next.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipExpressionWrappers(expression.argument);
  return expression.type === AST_NODE_TYPES.CallExpression ? expression : null;
}

/** The statement after the one that is `call` (awaited or not), in the same block. */
export function getNextStatement(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const statement = getStatementOf(call);
  const parent = statement?.parent;
  if (!statement || (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.Program)) return undefined;
  const body: readonly TSESTree.Node[] = parent.body;
  return body[body.indexOf(statement) + 1];
}

function getStatementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.ChainExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    node = node.parent;
  }
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement ? node.parent : null;
}
