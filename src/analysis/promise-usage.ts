import type { TSESTree } from "@typescript-eslint/utils";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { PROMISE_CHAIN_METHODS, PROMISE_COLLECTORS, PROMISE_GLOBAL, PROMISE_KEY_PATTERN, VALUE_SINKS } from "../knowledge/promises.js";
import { getOutermostWrapper, getStaticPropertyName, isFunctionNode } from "./ast.js";
import { getFileContext, memoize } from "./file-context.js";

/**
 * How a promise-valued expression is used: awaited (or otherwise handed to code that settles it),
 * used as if it were the resolved data, returned from inside a `try` whose `catch` will never
 * see its rejection, or something this analysis cannot judge.
 */
export type PromiseUsage =
  | { readonly kind: "handled" }
  | { readonly kind: "unknown" }
  | { readonly kind: "returnedInTry"; readonly statement: TSESTree.ReturnStatement }
  | { readonly kind: "value"; readonly use: ValueUse };

/** Where a promise is used as data. `node` is the construct that uses it. */
export type ValueUse =
  /** A property of an object literal that is returned, passed, assigned or awaited as a whole. */
  | { readonly how: "object"; readonly node: TSESTree.Property; readonly key: string | undefined }
  /** An element of an array literal that is returned, assigned or awaited as a whole. */
  | { readonly how: "array"; readonly node: TSESTree.ArrayExpression }
  /** `p.items`, `p[0]`. */
  | { readonly how: "property"; readonly node: TSESTree.MemberExpression; readonly name: string | undefined }
  /** `p + 1`, `!p`, `"x" in p`, `p ? a : b`. */
  | { readonly how: "operand"; readonly node: TSESTree.Node; readonly operator: string }
  /** `${p}`. */
  | { readonly how: "template"; readonly node: TSESTree.TemplateLiteral }
  /** `console.log(p)`, `JSON.stringify(p)`. */
  | { readonly how: "argument"; readonly node: TSESTree.CallExpression | TSESTree.NewExpression; readonly callee: string }
  /** `const { items } = p`. */
  | { readonly how: "destructured"; readonly node: TSESTree.Node };

const HANDLED: PromiseUsage = { kind: "handled" };
const UNKNOWN: PromiseUsage = { kind: "unknown" };
/** How many variables and nested literals are followed before giving up. */
const MAX_DEPTH = 6;

/** How the promise that `node` evaluates to is used. Memoised per file. */
export function getPromiseUsage(context: AnyRuleContext, node: TSESTree.Node): PromiseUsage {
  const file = getFileContext(context);
  return memoize(file, "promise-usage", node, () => usageOf(file, node, 0));
}

/** Whether a `return` sits in the `try` block of a `try … catch` of its own function. */
export function isReturnInsideTryCatch(statement: TSESTree.ReturnStatement): boolean {
  let child: TSESTree.Node = statement;
  for (let current: TSESTree.Node | undefined = statement.parent; current && !isFunctionNode(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return true;
    child = current;
  }
  return false;
}

function usageOf(file: FileContext, node: TSESTree.Node, depth: number): PromiseUsage {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const current = getOutermostWrapper(node);
  const parent = current.parent;
  if (!parent) return UNKNOWN;
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
      return HANDLED;
    case AST_NODE_TYPES.UnaryExpression:
      if (parent.operator === "void") return HANDLED;
      if (parent.operator === "typeof" || parent.operator === "delete") return UNKNOWN;
      return value({ how: "operand", node: parent, operator: parent.operator });
    case AST_NODE_TYPES.MemberExpression:
      if (parent.object !== current) return UNKNOWN;
      if (isChainCall(parent)) return HANDLED;
      return value({ how: "property", node: parent, name: getStaticPropertyName(parent) });
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.callee === current) return UNKNOWN;
      const sink = getSinkName(parent);
      return sink === undefined ? UNKNOWN : value({ how: "argument", node: parent, callee: sink });
    }
    case AST_NODE_TYPES.BinaryExpression:
      return binaryUsage(parent, current);
    case AST_NODE_TYPES.LogicalExpression:
      return usageOf(file, parent, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === current ? value({ how: "operand", node: parent, operator: "?:" }) : usageOf(file, parent, depth + 1);
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === current ? usageOf(file, parent, depth + 1) : UNKNOWN;
    case AST_NODE_TYPES.TemplateLiteral:
      return value({ how: "template", node: parent });
    case AST_NODE_TYPES.ArrayExpression:
      return containerUsage(file, parent, { how: "array", node: parent }, depth + 1);
    case AST_NODE_TYPES.Property: {
      if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return UNKNOWN;
      const key = getStaticPropertyName(parent);
      if (key !== undefined && (PROMISE_KEY_PATTERN.test(key) || isAwaitedByName(file, key))) return UNKNOWN;
      return containerUsage(file, parent.parent, { how: "object", node: parent, key }, depth + 1);
    }
    case AST_NODE_TYPES.ReturnStatement:
      return isReturnInsideTryCatch(parent) ? { kind: "returnedInTry", statement: parent } : HANDLED;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === current ? HANDLED : UNKNOWN;
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== current) return UNKNOWN;
      if (parent.id.type === AST_NODE_TYPES.Identifier) return variableUsage(file, parent.id, depth + 1);
      return value({ how: "destructured", node: parent.id });
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== current || parent.operator !== "=") return UNKNOWN;
      if (parent.left.type === AST_NODE_TYPES.Identifier) return variableUsage(file, parent.left, depth + 1);
      if (parent.left.type === AST_NODE_TYPES.ObjectPattern || parent.left.type === AST_NODE_TYPES.ArrayPattern) {
        return value({ how: "destructured", node: parent.left });
      }
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function value(use: ValueUse): PromiseUsage {
  return { kind: "value", use };
}

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`. */
function isChainCall(member: TSESTree.MemberExpression): boolean {
  const name = getStaticPropertyName(member);
  return name !== undefined && PROMISE_CHAIN_METHODS.includes(name) && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

function binaryUsage(parent: TSESTree.BinaryExpression, current: TSESTree.Node): PromiseUsage {
  const other = parent.left === current ? parent.right : parent.left;
  // `p instanceof Promise` is a check; `p === latest` compares identities of promises.
  if (parent.operator === "instanceof" && other.type === AST_NODE_TYPES.Identifier && other.name === PROMISE_GLOBAL) return UNKNOWN;
  if (["==", "===", "!=", "!=="].includes(parent.operator) && other.type !== AST_NODE_TYPES.Literal) return UNKNOWN;
  return value({ how: "operand", node: parent, operator: parent.operator });
}

/** The printed name of a call that uses its argument as data (`console.log`), or undefined. */
function getSinkName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = call.callee;
  for (const sink of VALUE_SINKS) {
    if (sink.receiver === null) {
      if (callee.type === AST_NODE_TYPES.Identifier && sink.names.includes(callee.name)) return callee.name;
    } else if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === sink.receiver
    ) {
      const name = getStaticPropertyName(callee);
      if (name !== undefined && sink.names.includes(name)) return `${sink.receiver}.${name}`;
    }
  }
  return undefined;
}

/** `Promise.all([…])`, `Bluebird.props({…})`, `defer({…})`: settles the promises it is given. */
function isCollectorCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? getStaticPropertyName(callee)
        : undefined;
  return name !== undefined && PROMISE_COLLECTORS.includes(name);
}

function isCollectorArgument(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const outer = getOutermostWrapper(call).parent;
  return (outer?.type === AST_NODE_TYPES.CallExpression || outer?.type === AST_NODE_TYPES.NewExpression) && outer.callee !== call && isCollectorCall(outer);
}

/**
 * The file awaits a value by the key's name (`await blob`, `await data.blob`): the object's
 * reader settles the promise it holds. karakeep's export query returns `{ blob: res.blob(), filename }`
 * and the component that gets it writes `createObjectURL(await blob)`.
 */
function isAwaitedByName(file: FileContext, key: string): boolean {
  if (!/^[\w$]+$/u.test(key)) return false;
  // Asked only of a body read about to be reported: a scan of the text is cheap enough.
  return new RegExp(`\\bawait\\s+(?:[\\w$]+\\??\\.)*${key.replaceAll("$", "\\$")}(?![\\w$]|\\s*\\()`, "u").test(file.sourceCode.text);
}

/**
 * A promise sits inside an object or array literal (`container`, or a variable holding it).
 * `use` says where. The literal is data unless something settles its elements.
 */
function containerUsage(file: FileContext, container: TSESTree.Node, use: ValueUse, depth: number): PromiseUsage {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const isLiteral = container.type === AST_NODE_TYPES.ObjectExpression || container.type === AST_NODE_TYPES.ArrayExpression;
  const current = getOutermostWrapper(container);
  const parent = current.parent;
  if (!parent) return UNKNOWN;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (parent.callee === current) return UNKNOWN;
      // `Promise.all([…])`, and `Promise.all(Object.values({ … }))` one call further out.
      if (isCollectorCall(parent) || isCollectorArgument(parent)) return HANDLED;
      if (getSinkName(parent) !== undefined) return value(use);
      // An object literal of promises is passed as if it were data; arrays of promises are
      // often handed to helpers that settle them.
      return isLiteral && container.type === AST_NODE_TYPES.ObjectExpression ? value(use) : UNKNOWN;
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return value(use);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === current ? value(use) : UNKNOWN;
    case AST_NODE_TYPES.YieldExpression:
      // co and redux-saga settle yielded arrays and objects of promises.
      return HANDLED;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier ? containerVariableUsage(file, parent.id, use, depth + 1) : UNKNOWN;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== current || parent.operator !== "=") return UNKNOWN;
      if (parent.left.type === AST_NODE_TYPES.Identifier) return containerVariableUsage(file, parent.left, use, depth + 1);
      return isLiteral ? value(use) : UNKNOWN;
    case AST_NODE_TYPES.ArrayExpression:
      return containerUsage(file, parent, use, depth + 1);
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type === AST_NODE_TYPES.ArrayExpression || parent.parent.type === AST_NODE_TYPES.ObjectExpression
        ? containerUsage(file, parent.parent, use, depth + 1)
        : UNKNOWN;
    case AST_NODE_TYPES.Property: {
      if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return UNKNOWN;
      const key = getStaticPropertyName(parent);
      if (key !== undefined && (PROMISE_KEY_PATTERN.test(key) || isAwaitedByName(file, key))) return UNKNOWN;
      return containerUsage(file, parent.parent, use, depth + 1);
    }
    default:
      return UNKNOWN;
  }
}

/** The read references of the variable declared or assigned at `id`; null when it is reassigned elsewhere. */
function getReadReferences(file: FileContext, id: TSESTree.Identifier): TSESTree.Node[] | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(id), id);
  if (!variable || variable.defs.length !== 1) return null;
  const writes = variable.references.filter((reference) => reference.isWrite());
  // `const p = res.json()` and `let p; p = res.json()` write once; anything else changes.
  if (writes.length !== 1 || writes[0]?.identifier !== id) return null;
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

/** A promise stored in a variable: handled if any use settles it, else data if any use treats it as data. */
function variableUsage(file: FileContext, id: TSESTree.Identifier, depth: number): PromiseUsage {
  const references = getReadReferences(file, id);
  if (!references) return UNKNOWN;
  let firstValue: PromiseUsage | undefined;
  for (const reference of references) {
    const usage = usageOf(file, reference, depth);
    if (usage.kind === "handled" || usage.kind === "returnedInTry") return HANDLED;
    if (usage.kind === "value") firstValue ??= usage;
  }
  return firstValue ?? UNKNOWN;
}

/** A literal of promises stored in a variable: data only when every use of it is a use as data. */
function containerVariableUsage(file: FileContext, id: TSESTree.Identifier, use: ValueUse, depth: number): PromiseUsage {
  const references = getReadReferences(file, id);
  if (!references || references.length === 0) return UNKNOWN;
  for (const reference of references) {
    const usage = containerUsage(file, reference, use, depth);
    if (usage.kind !== "value") return usage.kind === "handled" ? HANDLED : UNKNOWN;
  }
  return value(use);
}
