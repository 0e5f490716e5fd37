import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { AnyRuleContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import {
  NEST_CONTROLLER_DECORATORS,
  NEST_HANDLER_DECORATORS,
  NEXT_API_FILE,
  NEXT_ROUTE_EXPORTS,
  NEXT_ROUTE_FILE,
  ROUTE_METHODS,
  ROUTE_OBJECT,
  ROUTE_PATH_PREFIXES,
  SERVER_ACTION_DIRECTIVE,
} from "../knowledge/frameworks.js";
import { getEnclosingFunction, getStaticPropertyName, getStaticString, skipExpressionWrappers } from "./ast.js";
import { getFileContext, memoize } from "./file-context.js";

/** A function that a web framework runs once per request. */
export interface RequestHandler {
  readonly fn: FunctionNode;
  /** How messages name it: ``route handler `app.get("/users")` ``, ``Next.js route handler `GET` ``. */
  readonly description: string;
}

/** Whether `fn` is a request handler: a registered route, a Next.js route or server action, a Nest controller method. */
export function getRequestHandler(context: AnyRuleContext, fn: FunctionNode): RequestHandler | null {
  return memoize(getFileContext(context), "request-handler", fn, () => {
    const description = describeRoute(context, fn) ?? describeNext(context, fn) ?? describeNest(fn);
    return description === null ? null : { fn, description };
  });
}

/** The request handler `node` runs in: its own function or one that encloses it. */
export function getEnclosingRequestHandler(context: AnyRuleContext, node: TSESTree.Node): RequestHandler | null {
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
    const handler = getRequestHandler(context, fn);
    if (handler) return handler;
  }
  return null;
}

/** The name a person would use for `fn`: its own, its variable's, `Class.method`, a property key. */
export function getFunctionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.Property) {
    const key = getStaticPropertyName(parent);
    if (key === undefined) return null;
    const owner = parent.parent.parent;
    const className = (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) && owner.id ? owner.id.name : null;
    return className ? `${className}.${key}` : key;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return getStaticPropertyName(parent.left) ?? null;
  }
  return null;
}

/** `app.get("/users", handler)`, `router.route("/x").post(asyncHandler(handler))`, `fastify.route({ url, handler })`. */
function describeRoute(context: AnyRuleContext, fn: FunctionNode): string | null {
  let argument: TSESTree.Node = fn;
  let call = fn.parent;
  // One wrapper around the handler: `asyncHandler(async (req, res) => …)`.
  if (call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.Identifier) {
    argument = call;
    call = call.parent;
  }
  if (call.type === AST_NODE_TYPES.Property && call.value === argument) return describeRouteObject(context, call);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] === argument || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) {
    return null;
  }
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  if (method === undefined || !ROUTE_METHODS.includes(method)) return null;
  const path = getRoutePath(call.arguments[0]) ?? getChainedRoutePath(callee.object);
  if (path === undefined) return null;
  return `route handler \`${shorten(context.sourceCode.getText(callee))}("${path}")\``;
}

function describeRouteObject(context: AnyRuleContext, property: TSESTree.Property): string | null {
  const key = getStaticPropertyName(property);
  const object = property.parent;
  const call = object.parent;
  if (key === undefined || !(ROUTE_OBJECT.handlerKeys as readonly string[]).includes(key) || call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== ROUTE_OBJECT.method || call.arguments[0] !== object) return null;
  for (const option of object.type === AST_NODE_TYPES.ObjectExpression ? object.properties : []) {
    if (option.type !== AST_NODE_TYPES.Property) continue;
    const name = getStaticPropertyName(option);
    const path = name !== undefined && (ROUTE_OBJECT.pathKeys as readonly string[]).includes(name) ? getRoutePath(option.value) : undefined;
    if (path !== undefined) return `route handler \`${shorten(context.sourceCode.getText(callee))}("${path}")\``;
  }
  return null;
}

function getRoutePath(node: TSESTree.Node | undefined): string | undefined {
  const path = node ? getStaticString(skipExpressionWrappers(node)) : undefined;
  return path !== undefined && ROUTE_PATH_PREFIXES.some((prefix) => path.startsWith(prefix)) ? path : undefined;
}

/** `router.route("/users").get(…)`: the path given to `route`. */
function getChainedRoutePath(receiver: TSESTree.Node): string | undefined {
  const inner = skipExpressionWrappers(receiver);
  if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return getStaticPropertyName(inner.callee) === "route" ? getRoutePath(inner.arguments[0]) : getChainedRoutePath(inner.callee.object);
}

/** Next.js: `export async function GET` in `route.ts`, the default export under `pages/api/`, server actions. */
function describeNext(context: AnyRuleContext, fn: FunctionNode): string | null {
  const name = getFunctionName(fn);
  const exported = getExportKind(fn);
  const filename = context.filename;
  if (name !== null && exported === "named" && NEXT_ROUTE_EXPORTS.includes(name) && NEXT_ROUTE_FILE.test(filename)) {
    return `Next.js route handler \`${name}\``;
  }
  if (exported === "default" && NEXT_API_FILE.test(filename)) return `Next.js API route \`${name ?? "default"}\``;
  if (hasDirective(fn.body, SERVER_ACTION_DIRECTIVE)) return `server action \`${name ?? "(anonymous)"}\``;
  if (exported !== null && hasDirective(context.sourceCode.ast, SERVER_ACTION_DIRECTIVE)) return `server action \`${name ?? "default"}\``;
  return null;
}

/** How a top-level function is exported: `export function f`, `export const f = …`, `export default …`. */
function getExportKind(fn: FunctionNode): "named" | "default" | null {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return "named";
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return "default";
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return "named";
  return null;
}

function hasDirective(body: TSESTree.Node, directive: string): boolean {
  if (body.type !== AST_NODE_TYPES.BlockStatement && body.type !== AST_NODE_TYPES.Program) return false;
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

/** NestJS: a method decorated `@Get()` (or another route decorator) in a `@Controller()` class. */
function describeNest(fn: FunctionNode): string | null {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || !hasDecorator(method.decorators, NEST_HANDLER_DECORATORS)) return null;
  const owner = method.parent.parent;
  if (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) return null;
  if (!hasDecorator(owner.decorators, NEST_CONTROLLER_DECORATORS)) return null;
  return `Nest controller method \`${getFunctionName(fn) ?? "(anonymous)"}\``;
}

function hasDecorator(decorators: readonly TSESTree.Decorator[] | undefined, names: readonly string[]): boolean {
  return (decorators ?? []).some((decorator) => {
    const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
    return expression.type === AST_NODE_TYPES.Identifier && names.includes(expression.name);
  });
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, " ");
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}
