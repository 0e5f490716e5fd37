import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

/**
 * The local variable that holds a resource a function opens, and whether it holds only that
 * resource: shared by the rules that judge whether the resource is given back on every path
 * (a pooled connection checked out, a client created per call).
 */

/** `const client = await pool.connect()` or `client = new Client()`: the variable `value` is written to. */
export function getHeldVariable(sourceCode: Readonly<{ getScope(node: TSESTree.Node): Scope.Scope }>, value: TSESTree.Node): Scope.Variable | null {
  const parent = value.parent;
  let name: TSESTree.Identifier | null = null;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) name = parent.id;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && parent.operator === "=" && parent.left.type === AST_NODE_TYPES.Identifier) name = parent.left;
  return name ? ASTUtils.findVariable(sourceCode.getScope(name), name) : null;
}

/**
 * The variable also holds values other than `value` (besides `null`/`undefined`), or is a
 * parameter: `let runner = ctx.runner; if (!runner) runner = ds.createQueryRunner()` gives back
 * only a resource of its own, and the function cannot tell which one it holds.
 */
export function hasOtherSources(variable: Scope.Variable, value: TSESTree.Node): boolean {
  // typeorm DbQueryResultCache: `queryRunner` is a parameter, and only a missing one is replaced by a new runner.
  if (variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.Parameter)) return true;
  return variable.references.some((reference) => {
    const written = reference.writeExpr;
    if (!written || written === value) return false;
    return !(written.type === AST_NODE_TYPES.Literal && written.value === null) && !(written.type === AST_NODE_TYPES.Identifier && written.name === "undefined");
  });
}
