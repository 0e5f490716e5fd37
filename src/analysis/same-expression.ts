import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { isNode, skipExpressionWrappers } from "./ast.js";

/**
 * Structural equality of two expressions that name a key or a receiver, as written in the same
 * file: the same template (`"order:" + id` and `` `order:${id}` `` are one template), the same
 * call (`keyFor(id)`), the same member chain, the same variable (one binding, not one name).
 * A `const` (or a never-reassigned `let`) stands for its initialiser. Nothing is evaluated.
 */
export function isSameExpression(file: FileContext, a: TSESTree.Node, b: TSESTree.Node): boolean {
  return same(file, a, b, 0);
}

/** Whether an expression mentions a variable that `other` mentions too (`user:${id}` and `posts:${id}`). */
export function sharesVariable(file: FileContext, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = collectVariables(file, a, 0);
  if (left.size === 0) return false;
  for (const variable of collectVariables(file, b, 0)) if (left.has(variable)) return true;
  return false;
}

/** The variable an identifier refers to, or null for a global or unresolved name. */
export function resolveVariable(file: FileContext, node: TSESTree.Identifier): Scope.Variable | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  return variable && variable.defs.length > 0 ? variable : null;
}

/**
 * `earlier` and `later` name one variable that no write between them changes: rht-hotel's
 * `updateReservationDetailPlan` picks `dbClient = client` or `dbClient = await pool.connect()`,
 * then sends `BEGIN` and its statements on it. A write in a loop after `later` may run between
 * them in a next run; the callers ask about one run of a body that holds both.
 */
export function isUnchangedBetween(file: FileContext, earlier: TSESTree.Node, later: TSESTree.Node): boolean {
  if (earlier.type !== AST_NODE_TYPES.Identifier || later.type !== AST_NODE_TYPES.Identifier || earlier.name !== later.name || earlier.range[1] > later.range[0]) return false;
  const variable = resolveVariable(file, earlier);
  return variable !== null && variable === resolveVariable(file, later) && !variable.references.some((reference) => reference.isWrite() && reference.identifier.range[0] > earlier.range[1] && reference.identifier.range[1] < later.range[0]);
}

/**
 * The initialiser a variable always holds: a `const`, or a `let`/`var` never written again.
 * Null for parameters, destructuring and reassigned variables.
 */
export function getConstantInit(variable: Scope.Variable): TSESTree.Expression | null {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.Variable || def.name.type !== AST_NODE_TYPES.Identifier) return null;
  const declarator = def.node;
  if (declarator.id !== def.name || !declarator.init) return null;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || writes[0]?.writeExpr !== declarator.init) return null;
  return declarator.init;
}

/**
 * The initialiser of the `const` an identifier names, without wrappers: only a `const`, not a
 * `let` never written again (SQL text and its parts read through a name: medusa's
 * `const fnName = "pg_advisory_xact_lock"` is text, a `let` may be changed before the query).
 */
export function getConstInit(file: FileContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id !== def.name) return undefined;
  if (def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== "const" || !def.node.init) return undefined;
  return skipExpressionWrappers(def.node.init);
}

/**
 * The expression `raw` stands for, without wrappers: itself, or for a name, the initialiser it
 * always holds (`getConstantInit`). Undefined for a name that may hold anything else.
 */
export function followConstant(file: FileContext, raw: TSESTree.Node): TSESTree.Node | undefined {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const init = variable ? getConstantInit(variable) : null;
  return init ? skipExpressionWrappers(init) : undefined;
}

/**
 * The list a loop variable takes its elements from: `VIEW_SEEDS` for `seed` of
 * `for (const seed of VIEW_SEEDS)` (also a destructured element). Null for any other variable.
 */
export function getForOfList(variable: Scope.Variable): TSESTree.Expression | null {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.Variable) return null;
  const loop = def.parent?.parent;
  return loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === def.parent ? loop.right : null;
}

const MAX_DEPTH = 8;

type Part = string | TSESTree.Node;

function same(file: FileContext, rawA: TSESTree.Node, rawB: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const a = skipExpressionWrappers(rawA);
  const b = skipExpressionWrappers(rawB);
  if (a === b) return true;
  if (a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier) {
    const va = resolveVariable(file, a);
    const vb = resolveVariable(file, b);
    if (va && va === vb) return va.references.filter((reference) => reference.isWrite()).length <= 1;
    if (!va && !vb) return a.name === b.name;
  }
  // A constant stands for its value: `const key = \`order:${id}\`` and the template itself.
  const expandedA = expandConstant(file, a);
  const expandedB = expandConstant(file, b);
  if (expandedA || expandedB) return same(file, expandedA ?? a, expandedB ?? b, depth + 1);
  if (isStringBuilding(a) || isStringBuilding(b)) {
    const partsA = getTemplateParts(a);
    const partsB = getTemplateParts(b);
    if (partsA && partsB && (partsA.length > 1 || partsB.length > 1 || typeof partsA[0] === "string")) {
      return sameParts(file, partsA, partsB, depth);
    }
  }
  if (a.type !== b.type) return false;
  switch (a.type) {
    case AST_NODE_TYPES.Literal:
      return b.type === AST_NODE_TYPES.Literal && a.value === b.value;
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression: {
      const other = b as TSESTree.MemberExpression;
      if (a.computed !== other.computed) return false;
      const sameProperty = a.computed
        ? same(file, a.property, other.property, depth + 1)
        : a.property.type === other.property.type && "name" in a.property && "name" in other.property && a.property.name === other.property.name; // `redis`, `#redis`
      return sameProperty && same(file, a.object, other.object, depth + 1);
    }
    case AST_NODE_TYPES.CallExpression: {
      const other = b as TSESTree.CallExpression;
      return a.arguments.length === other.arguments.length && same(file, a.callee, other.callee, depth + 1) && a.arguments.every((arg, i) => {
        const otherArg = other.arguments[i];
        return otherArg !== undefined && same(file, arg, otherArg, depth + 1);
      });
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const other = b as TSESTree.BinaryExpression;
      return a.operator === other.operator && same(file, a.left, other.left, depth + 1) && same(file, a.right, other.right, depth + 1);
    }
    case AST_NODE_TYPES.ArrayExpression: {
      const other = b as TSESTree.ArrayExpression;
      return a.elements.length === other.elements.length && a.elements.every((element, i) => {
        const otherElement = other.elements[i];
        return element !== null && otherElement !== null && otherElement !== undefined && same(file, element, otherElement, depth + 1);
      });
    }
    default:
      return false;
  }
}

function expandConstant(file: FileContext, node: TSESTree.Node): TSESTree.Expression | null {
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = resolveVariable(file, node);
  return variable ? getConstantInit(variable) : null;
}

function isStringBuilding(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+")
  );
}

/**
 * A string-building expression as a list of static text and expression parts, adjacent texts
 * merged: `"order:" + id` and `` `order:${id}` `` both give `["order:", id]`. Null when a `+`
 * has no string on either side (it may be an addition).
 */
function getTemplateParts(node: TSESTree.Node): Part[] | null {
  const parts: Part[] = [];
  const push = (part: Part): void => {
    const last = parts[parts.length - 1];
    if (typeof part === "string" && typeof last === "string") parts[parts.length - 1] = last + part;
    else if (part !== "") parts.push(part);
  };
  const visit = (raw: TSESTree.Node): boolean => {
    const current = skipExpressionWrappers(raw);
    if (current.type === AST_NODE_TYPES.Literal && typeof current.value === "string") {
      push(current.value);
      return true;
    }
    if (current.type === AST_NODE_TYPES.TemplateLiteral) {
      current.quasis.forEach((quasi, i) => {
        push(quasi.value.cooked ?? quasi.value.raw);
        const expression = current.expressions[i];
        if (expression) push(expression);
      });
      return true;
    }
    if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === "+") {
      if (!isStringBuilding(skipExpressionWrappers(current.left)) && !isStringBuilding(skipExpressionWrappers(current.right))) return false;
      return visit(current.left) && visit(current.right);
    }
    push(current);
    return true;
  };
  return visit(node) ? parts : null;
}

function sameParts(file: FileContext, a: readonly Part[], b: readonly Part[], depth: number): boolean {
  if (a.length !== b.length) return false;
  return a.every((part, i) => {
    const other = b[i];
    if (typeof part === "string" || typeof other === "string") return part === other;
    return other !== undefined && same(file, part, other, depth + 1);
  });
}

function collectVariables(file: FileContext, node: TSESTree.Node, depth: number): Set<Scope.Variable> {
  const found = new Set<Scope.Variable>();
  const visit = (current: TSESTree.Node, level: number): void => {
    if (level > MAX_DEPTH) return;
    // Types name no runtime variable: `"k" as CacheKey` holds no variable.
    if (current.type.startsWith("TS")) {
      if ("expression" in current && isNode(current.expression)) visit(current.expression, level);
      return;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) {
      visit(current.object, level);
      return;
    }
    if (current.type === AST_NODE_TYPES.Property && !current.computed) {
      visit(current.value, level);
      return;
    }
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(file, current);
      if (!variable) return;
      const init = getConstantInit(variable);
      if (init && level < MAX_DEPTH) visit(init, level + 1);
      else found.add(variable);
      return;
    }
    for (const key of file.sourceCode.visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, level);
      } else if (isNode(value)) visit(value, level);
    }
  };
  visit(node, depth);
  return found;
}
