import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FunctionNode } from "./ast.js";
import type { ClientCreation } from "./client-creation.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";
import type { ReleaseLeak } from "./release-paths.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { DATABASE_CREATION, EVENT_METHODS, PROBE_QUERY, SETUP_METHODS } from "../knowledge/connections.js";
import { getStaticPropertyName, getStaticString, skipExpressionWrappers } from "./ast.js";
import { getFileContext } from "./file-context.js";
import { getHeldVariable, hasOtherSources } from "./held-variable.js";
import { findReleaseLeak } from "./release-paths.js";
import { followConstant } from "./same-expression.js";

/**
 * A client a function creates for itself and closes (`const client = new Client(); await
 * client.connect(); …; await client.end()`): is the close reached on every path out of the
 * function, including throws? The same walk as a pooled connection's release (release-paths.ts),
 * with the client's close methods as the release.
 */
export interface ClientCloseLeak {
  readonly leak: ReleaseLeak;
  /** The expression whose value the variable holds: the creation, or its `await`. */
  readonly value: TSESTree.Expression;
  /** The variable that holds the client. */
  readonly variable: Scope.Variable;
  /** The close method the function calls (`end`), for the message and the `finally`. */
  readonly close: string;
  /** The function awaits that close (`await client.end()`): so does the `finally` of the fix. */
  readonly awaited: boolean;
}

/** How the close of `creation`, a client created and closed in `fn`, can be skipped; null when it cannot or the client is not held in one variable. */
export function findClientCloseLeak(context: AnyRuleContext, creation: ClientCreation, fn: FunctionNode): ClientCloseLeak | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const closeMethods = creation.kind.knowledge.closeMethods ?? [];
  const value: TSESTree.Expression = creation.node.parent.type === AST_NODE_TYPES.AwaitExpression ? creation.node.parent : creation.node;
  const sourceCode = context.sourceCode;
  const variable = getHeldVariable(sourceCode, value);
  // `let client; try { client = new Client(…) } finally { await client?.end() }` and other shapes the walk need not see.
  if (!variable || hasOtherSources(variable, value)) return null;
  const setup = new Set([...EVENT_METHODS, ...(SETUP_METHODS[creation.kind.id] ?? [])]);
  if (isConnectivityCheck(variable, closeMethods, setup) || createsDatabase(getFileContext(context), variable)) return null;
  const references = new Set<TSESTree.Node>(variable.references.map((reference) => reference.identifier));
  const isResource = (node: TSESTree.Node): boolean => references.has(skipExpressionWrappers(node));
  const isRelease = (call: TSESTree.CallExpression): boolean => {
    const callee = skipExpressionWrappers(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && closeMethods.includes(getStaticPropertyName(callee) ?? "") && isResource(callee.object);
  };
  const leak = findReleaseLeak(fn.body, { checkout: creation.node, isRelease, isResource, isSetup: (name) => setup.has(name) }, sourceCode.visitorKeys);
  // Closed only by a callback (`.finally(() => client.end())`): not a path of this body.
  if (!leak || leak.shape === "never") return null;
  // `ctx.waitUntil(client.end())`: the close is handed to the platform, which ends what the request opened (a Cloudflare Worker's Hyperdrive client).
  if (leak.releases.some((call) => isArgument(call))) return null;
  const first = leak.releases[0];
  const close = first?.callee.type === AST_NODE_TYPES.MemberExpression ? (getStaticPropertyName(first.callee) ?? closeMethods[0]) : closeMethods[0];
  return close === undefined ? null : { leak, value, variable, close, awaited: first?.parent.type === AST_NODE_TYPES.AwaitExpression };
}

/**
 * The client is made only to check that the database answers: every use of it is `SELECT 1`, a
 * set-up step or its close (uptime-kuma's setup wizard: `await mysql.createConnection(…)`, then
 * `execute("SELECT 1")`, then `end()`; ever-gauzy's `knex(options).raw("SELECT 1")`). The error
 * such a check meets is the connection's own, and a connection that failed holds nothing open.
 */
function isConnectivityCheck(variable: Scope.Variable, closeMethods: readonly string[], setup: ReadonlySet<string>): boolean {
  for (const reference of variable.references) {
    if (reference.writeExpr) continue;
    const use = getMethodCall(reference.identifier);
    if (!use) return false;
    if (closeMethods.includes(use.name) || setup.has(use.name)) continue;
    const query = use.call.arguments[0] && getStaticString(use.call.arguments[0]);
    if (query === undefined || !PROBE_QUERY.test(query)) return false;
  }
  // A client only set up and closed is not used at all, and no rule asks about it.
  return true;
}

/**
 * The client creates a database (`CREATE DATABASE IF NOT EXISTS ` + name): it provisions one when
 * the application is installed or starts (uptime-kuma's `Database.connect`, ever-gauzy's desktop
 * `createDatabase()`), where an error stops the start-up with it, not once per request.
 */
function createsDatabase(file: FileContext, variable: Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const use = getMethodCall(identifier);
    return use !== null && DATABASE_CREATION.test(getLeadingText(file, use.call.arguments[0], 0));
  });
}

/** `client.name(…)`, for a reference to `client`: the call and the method's name; null for any other use. */
function getMethodCall(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): { name: string; call: TSESTree.CallExpression } | null {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return null;
  const call = member.parent;
  return call.type === AST_NODE_TYPES.CallExpression && call.callee === member ? { name: getStaticPropertyName(member) ?? "", call } : null;
}

/**
 * The text a string argument starts with: a literal, a template's first part, the left of a `+`,
 * through a constant and a property of a constant object (youtao19's hotel backend:
 * `const createDBQuery = { text: "create database " + name }`, then `pool.query(createDBQuery.text)`).
 */
function getLeadingText(file: FileContext, raw: TSESTree.Node | undefined, depth: number): string {
  const node = raw && depth < 4 ? followConstant(file, raw) : undefined;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked ?? "";
  if (node?.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") return getLeadingText(file, node.left, depth + 1);
  if (node?.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
    const object = followConstant(file, node.object);
    const key = getStaticPropertyName(node);
    const property = object?.type === AST_NODE_TYPES.ObjectExpression ? object.properties.find((p) => p.type === AST_NODE_TYPES.Property && getStaticPropertyName(p) === key) : undefined;
    return property?.type === AST_NODE_TYPES.Property ? getLeadingText(file, property.value, depth + 1) : "";
  }
  return (node && getStaticString(node)) ?? "";
}

/** `call`, or its `await`, is an argument of another call. */
function isArgument(call: TSESTree.CallExpression): boolean {
  const node = call.parent.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  return (node.parent.type === AST_NODE_TYPES.CallExpression || node.parent.type === AST_NODE_TYPES.NewExpression) && node.parent.arguments.includes(node);
}
