import type { TSESTree } from "@typescript-eslint/utils";
import type { PerCallSource, SourceTree } from "../knowledge/schema-defaults.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { PER_CALL_GLOBALS, PER_CALL_MODULES } from "../knowledge/schema-defaults.js";
import { skipExpressionWrappers } from "./ast.js";
import { getFileContext, memoize } from "./file-context.js";
import { getImportPath } from "./import-path.js";

/**
 * Is an expression a value computed, when it runs, from a source that changes on every call
 * (the clock, a random id)? `new Date().toISOString()`, `String(uuidv4())`, `Date.now() + ttl`
 * are; `Date.now` (a function), `new Date(0)` and `DataTypes.NOW` are not. Functions are not
 * entered: their body runs later, once per call.
 */
export interface PerCallValue {
  /** The call or `new` that reads the changing source. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly source: PerCallSource;
  /** The expression itself computes the value (not a `const` declared elsewhere). */
  readonly inPlace: boolean;
  /** The expression is exactly the source call (`uuidv4()`, not `uuidv4().slice(0, 8)`). */
  readonly exact: boolean;
}

/** How many `const` initialisers are followed (`const now = new Date(); … default: now`). */
const MAX_HOPS = 2;

/**
 * Syntax only, no scope lookup: whether `node` could hold a per-call value at all (it contains a
 * call, a `new` or an identifier outside functions). The cheap guard before `getPerCallValue`.
 */
export function mightBePerCallValue(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return mightBePerCallValue(node.object);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return mightBePerCallValue(node.left) || mightBePerCallValue(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return mightBePerCallValue(node.consequent) || mightBePerCallValue(node.alternate);
    case AST_NODE_TYPES.UnaryExpression:
      return mightBePerCallValue(node.argument);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.some(mightBePerCallValue);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return node.quasi.expressions.some(mightBePerCallValue);
    default:
      return false;
  }
}

export function getPerCallValue(context: AnyRuleContext, node: TSESTree.Expression): PerCallValue | null {
  const file = getFileContext(context);
  return memoize(file, "perCallValue", node, () => {
    const found = findSource(file, node, 0);
    if (!found) return null;
    return { ...found, exact: found.node === skipExpressionWrappers(node) };
  });
}

interface Found {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  source: PerCallSource;
  inPlace: boolean;
}

function findSource(file: FileContext, raw: TSESTree.Node, hops: number): Found | null {
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const source = getSourceOfCall(file, node);
      if (source) return { node, source, inPlace: hops === 0 };
      // `String(uuidv4())`, `moment().add(1, "day")`: a value derived from a fresh one.
      const callee = skipExpressionWrappers(node.callee);
      const fromCallee = callee.type === AST_NODE_TYPES.MemberExpression ? findSource(file, callee.object, hops) : null;
      if (fromCallee) return fromCallee;
      for (const argument of node.arguments) {
        const found = findSource(file, argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument, hops);
        if (found) return found;
      }
      return null;
    }
    case AST_NODE_TYPES.MemberExpression:
      return findSource(file, node.object, hops);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return findSource(file, node.left, hops) ?? findSource(file, node.right, hops);
    case AST_NODE_TYPES.ConditionalExpression:
      return findSource(file, node.consequent, hops) ?? findSource(file, node.alternate, hops);
    case AST_NODE_TYPES.UnaryExpression:
      return findSource(file, node.argument, hops);
    case AST_NODE_TYPES.TemplateLiteral:
      return firstFound(file, node.expressions, hops);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return firstFound(file, node.quasi.expressions, hops);
    case AST_NODE_TYPES.Identifier:
      return hops < MAX_HOPS ? findSourceOfConstant(file, node, hops) : null;
    default:
      return null;
  }
}

function firstFound(file: FileContext, nodes: readonly TSESTree.Node[], hops: number): Found | null {
  for (const node of nodes) {
    const found = findSource(file, node, hops);
    if (found) return found;
  }
  return null;
}

/** `const now = new Date()` declared once: a default of `now` is that one value. */
function findSourceOfConstant(file: FileContext, node: TSESTree.Identifier, hops: number): Found | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator) return null;
  const declarator = def.node;
  if (declarator.parent.kind !== "const" || declarator.id !== def.name || !declarator.init) return null;
  return findSource(file, declarator.init, hops + 1);
}

/** The per-call source a call or `new` reads, from the knowledge base. */
export function getSourceOfCall(file: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression): PerCallSource | null {
  const importPath = getImportPath(file, node.callee);
  if (!importPath) return null;
  const tree = getSourceTree(importPath.module, importPath.path);
  const source = tree?.source;
  if (!source) return null;
  const constructs = node.type === AST_NODE_TYPES.NewExpression;
  if (source.via !== "both" && source.via !== (constructs ? "new" : "call")) return null;
  if (source.onlyWithoutArguments && node.arguments.length > 0) return null;
  return source;
}

function getSourceTree(module: string | null, path: readonly string[]): SourceTree | undefined {
  const [first, ...rest] = path;
  let tree: SourceTree | undefined;
  if (module === null) {
    tree = first === undefined ? undefined : PER_CALL_GLOBALS[first];
  } else {
    const exports = PER_CALL_MODULES[module];
    if (!exports) return undefined;
    // An empty path is the namespace object; `*` overrides it when the module is callable.
    if (first === undefined) return exports["*"] ?? { members: exports };
    tree = exports[first] ?? exports["*"]?.members?.[first];
  }
  for (const segment of rest) {
    if (!tree) return undefined;
    tree = segment === "()" ? tree.returns : (tree.members?.[segment] ?? tree.anyMember);
  }
  return tree;
}
