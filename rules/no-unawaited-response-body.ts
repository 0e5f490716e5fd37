import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { ValueUse } from "../src/analysis/promise-usage.js";
import type { RuleContext } from "../src/create-rule.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { getCalledMethodName, getCallReceiver, getEnclosingFunction, getOutermostWrapper, getStaticPropertyName, skipExpressionWrappers } from "../src/analysis/ast.js";
import { withCallIndex } from "../src/analysis/call-index.js";
import { runsUnconditionallyBefore } from "../src/analysis/execution-order.js";
import { getPromiseUsage } from "../src/analysis/promise-usage.js";
import { getValueKind } from "../src/analysis/value-kind.js";
import { createRule } from "../src/create-rule.js";
import { BODY_READ_FAILURES, BODY_READERS } from "../src/knowledge/http.js";

export type Options = [];
export type MessageIds =
  | "unawaitedBody"
  | "unawaitedBodyNotAsync"
  | "returnInTry"
  | "returnInTryNotAsync"
  | "doubleRead"
  | "suggestAwait"
  | "suggestReturnAwait";

const BODY_READER_NAMES: ReadonlySet<string> = new Set(BODY_READERS);

export default createRule<Options, MessageIds>({
  name: "no-unawaited-response-body",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow using the promise of a fetch Response body read (`res.json()`) as if it were the data, and reading a body twice",
      recommended: "recommended",
    },
    messages: {
      unawaitedBody: "`{{call}}` is not awaited: {{consequence}}. Nothing throws, so callers silently get `Promise { <pending> }` instead of the data. Await the body read.",
      unawaitedBodyNotAsync:
        "`{{call}}` is not awaited: {{consequence}}. Nothing throws, so callers silently get `Promise { <pending> }` instead of the data. The enclosing function is not async, so no fix is offered: make it async and await the body read, or chain `.then()` on it.",
      returnInTry:
        "`return {{call}}` inside `try` hands back the body promise before it settles: {{failure}} while reading the body rejects after the `catch` is left, so the `catch` never sees it. Use `return await`.",
      returnInTryNotAsync:
        "`return {{call}}` inside `try` hands back the body promise before it settles: {{failure}} while reading the body rejects after the `catch` is left, so the `catch` never sees it. The enclosing function is not async, so no fix is offered: make it async and use `return await`, or handle the error with `.catch()`.",
      doubleRead:
        "`{{call}}` reads the body of `{{name}}` again after `{{first}}` on line {{line}}: a body is a stream that can be read once, so this read rejects with \"body used already\". Read the body once (`text()`, then `JSON.parse`), or read the first time from `{{name}}.clone()`.",
      suggestAwait: "Await `{{call}}`.",
      suggestReturnAwait: "Use `return await {{call}}` so that the `catch` handles body errors.",
    },
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    return withCallIndex(context, (index) => {
      const calls = index.callsToMethods(BODY_READER_NAMES);
      if (calls.length > 0) judgeReads(context, calls);
    });
  },
});

type Context = RuleContext<MessageIds, Options>;

/** The file's calls of a body reader's name: the unawaited ones reported, then second reads of one response. */
function judgeReads(context: Context, calls: readonly TSESTree.CallExpression[]): void {
  const readsByVariable = new Map<Scope.Variable, TSESTree.CallExpression[]>();
  for (const node of calls) {
    const name = getCalledMethodName(node);
    const receiver = getCallReceiver(node);
    if (node.arguments.length !== 0 || name === undefined || !receiver) continue;
    const kind = getValueKind(context, receiver);
    if (!kind || kind.promise || kind.knowledge.role !== "response" || !kind.knowledge.bodyReaders?.includes(name)) continue;
    check(context, node, describeCall(context.sourceCode, node), name);
    recordRead(context, readsByVariable, node, skipExpressionWrappers(receiver));
  }
  for (const [variable, reads] of readsByVariable) {
    if (reads.length < 2 || isReassignedOrChecked(variable)) continue;
    reportSecondRead(context, reads);
  }
}

/**
 * `a JSON parse or network error` for `json()`, `a network error` for `text()` (`BODY_READ_FAILURES`);
 * a reader `settings.postmortem` declares may parse too.
 */
function getReadFailure(method: string): string {
  return Object.hasOwn(BODY_READ_FAILURES, method) ? BODY_READ_FAILURES[method as keyof typeof BODY_READ_FAILURES] : "a parse or network error";
}

function check(context: Context, node: TSESTree.CallExpression, call: string, method: string): void {
  const sourceCode = context.sourceCode;
  const usage = getPromiseUsage(context, node);
  if (usage.kind !== "value" && usage.kind !== "returnedInTry") return;
  const canAwait = getEnclosingFunction(node)?.async === true;
  if (usage.kind === "returnedInTry") {
    const argument = usage.statement.argument;
    context.report({
      node,
      messageId: canAwait ? "returnInTry" : "returnInTryNotAsync",
      data: { call, failure: getReadFailure(method) },
      suggest: canAwait && argument ? [{ messageId: "suggestReturnAwait", data: { call }, fix: (fixer) => insertAwait(fixer, sourceCode, argument) }] : [],
    });
    return;
  }
  context.report({
    node,
    messageId: canAwait ? "unawaitedBody" : "unawaitedBodyNotAsync",
    data: { call, consequence: describeUse(usage.use) },
    suggest: canAwait ? [{ messageId: "suggestAwait", data: { call }, fix: (fixer) => insertAwait(fixer, sourceCode, getOutermostWrapper(node)) }] : [],
  });
}

function recordRead(context: Context, readsByVariable: Map<Scope.Variable, TSESTree.CallExpression[]>, node: TSESTree.CallExpression, receiver: TSESTree.Node): void {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(receiver), receiver);
  if (!variable) return;
  const reads = readsByVariable.get(variable);
  if (reads) reads.push(node);
  else readsByVariable.set(variable, [node]);
}

function reportSecondRead(context: Context, reads: readonly TSESTree.CallExpression[]): void {
  for (const [index, second] of reads.entries()) {
    const first = reads.slice(0, index).find((candidate) => runsUnconditionallyBefore(candidate, second));
    if (!first) continue;
    const receiver = getReceiverName(second);
    context.report({
      node: second,
      messageId: "doubleRead",
      data: { call: describeCall(context.sourceCode, second), first: describeCall(context.sourceCode, first), name: receiver, line: String(first.loc.start.line) },
    });
    return;
  }
}

/** `user.json()` when short, else `.json()`. */
function describeCall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  const text = sourceCode.getText(call);
  if (text.length <= 40 && !text.includes("\n")) return text;
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? `.${getStaticPropertyName(callee) ?? ""}()` : text.slice(0, 40);
}

function describeUse(use: ValueUse): string {
  switch (use.how) {
    case "object":
      return use.key === undefined ? "the object will hold a pending Promise, not the parsed body" : `\`${use.key}\` in the object will be a pending Promise, not the parsed body`;
    case "array":
      return "the array will hold a pending Promise, not the parsed body";
    case "property":
      return `${use.name === undefined ? "the property" : `\`.${use.name}\``} is read from the Promise, not from the parsed body, and is undefined`;
    case "operand":
      return `\`${use.operator}\` gets a Promise object, not the parsed body`;
    case "template":
      return "the string will contain `[object Promise]`, not the body";
    case "argument":
      return `\`${use.callee}\` gets a pending Promise, not the parsed body`;
    case "destructured":
      return "the destructured names are read from the Promise, not from the parsed body, and are undefined";
  }
}

/** Inserts `await ` before `target`, with parentheses where the surrounding syntax binds tighter. */
function insertAwait(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, target: TSESTree.Node): TSESLint.RuleFix {
  const text = sourceCode.getText(target);
  const parenthesized = ASTUtils.isParenthesized(target, sourceCode);
  const inner = needsParensInside(target) && !parenthesized ? `(${text})` : text;
  const awaited = `await ${inner}`;
  return fixer.replaceText(target, needsParensAround(target) && !parenthesized ? `(${awaited})` : awaited);
}

/** `await` binds tighter than these: `return a ? b.json() : c` needs `await (a ? … : c)`. */
function needsParensInside(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ConditionalExpression ||
    node.type === AST_NODE_TYPES.LogicalExpression ||
    node.type === AST_NODE_TYPES.BinaryExpression ||
    node.type === AST_NODE_TYPES.AssignmentExpression ||
    node.type === AST_NODE_TYPES.SequenceExpression
  );
}

/** `(await res.json()).items`, `(await res.json())()`, `(await res.text()) ** 2`. */
function needsParensAround(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === "**" && parent.left === node;
    default:
      return false;
  }
}

function getReceiverName(call: TSESTree.CallExpression): string {
  const callee = skipExpressionWrappers(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipExpressionWrappers(callee.object) : callee;
  return receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : "the response";
}

/** A variable assigned more than once, or whose `bodyUsed` is checked, is not judged. */
function isReassignedOrChecked(variable: Scope.Variable): boolean {
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return true;
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && getStaticPropertyName(parent) === "bodyUsed";
  });
}
