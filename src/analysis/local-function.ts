import type { TSESTree } from "@typescript-eslint/utils";
import type { CallLike, FunctionNode } from "./ast.js";
import type { CallIndex } from "./call-index.js";
import type { DatabaseCall } from "./database-call.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import { contains, getCallArguments, getCalledMethodName, getMemberRoot, getOutermostWrapper, getStaticPropertyName, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { getOwnMethod } from "./class-members.js";
import { asksTypesForDatabaseCalls, DATABASE_METHOD_NAMES, getDatabaseCall, isBuiltinCallbackCall, STATEMENT_METHOD_NAMES, TAGGED_DATABASE_METHOD_NAMES } from "./database-call.js";
import { getFileContext, memoize } from "./file-context.js";
import { dependsOn, getEnclosingIterations, hasAwaitBefore } from "./iteration.js";
import { getObjectFallbackValue } from "./object-fallback.js";
import { getChainEnd, getQueryParameters, getTableArguments, isWriteQuery } from "./query-shape.js";

/**
 * Functions defined in the same file, and the database calls each one sends with a value taken
 * from one of its parameters: `async function enrich(hit) { return db.query(…, [hit._id]) }`.
 */

/** A database call in a function whose parameters flow into it. */
export interface ParameterQuery {
  readonly call: DatabaseCall;
  /** Indexes of the parameters the call's values depend on. */
  readonly parameters: readonly number[];
  /** Indexes of the parameters the call's SQL text, passed whole (`pool.query(query, params)`), depends on. */
  readonly statements: readonly number[];
  /** Indexes of the parameters a table the call names depends on (`FROM "${schema}".sqlite_master`). */
  readonly tables: readonly number[];
  /** The call is sent before the function's first `await` (and not from a nested callback). */
  readonly beforeFirstAwait: boolean;
  /**
   * The properties of the parameter at a position that the call reads, when it reads it only so
   * (`Patient.findById(alert.patientId)`): `alert` may be handed an object literal whose other
   * properties change with the element. Undefined when the call reads it otherwise. Worked out
   * when first asked, for a call given an object literal.
   */
  readonly propertiesRead: (position: number) => readonly string[] | undefined;
}

const { DefinitionType } = TSESLint.Scope;

/**
 * The function a callee names, when it is defined in this file: a function declaration, a
 * `const f = (…) => …`, or a method (or arrow field) of the enclosing class called as
 * `this.method(…)`.
 */
export function getLocalFunction(context: AnyRuleContext, callee: TSESTree.Node): FunctionNode | null {
  const file = getFileContext(context);
  const inner = skipExpressionWrappers(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(file.sourceCode.getScope(inner), inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
    if (def?.type === DefinitionType.Variable && def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === "const") {
      const init = def.node.init ? skipExpressionWrappers(def.node.init) : undefined;
      return isFunctionNode(init) ? init : null;
    }
    return null;
  }
  return inner.type === AST_NODE_TYPES.MemberExpression ? getOwnMethod(inner) : null;
}

/**
 * The name `getLocalFunction` looks `node` up by: `load` for `load`, `load` for `this.load`
 * (`#load` for `this.#load`); undefined for anything else, which names no function of this file.
 */
export function getLocalFunctionReferenceName(node: TSESTree.Node): string | undefined {
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression && !inner.computed ? getStaticPropertyName(inner) : undefined;
}

/**
 * Every name by which a call can reach, through `getLocalFunction`, a function that holds one of
 * `calls` (at any depth): the function's own name, the `const` it initialises, its class member's
 * key. A callee whose name is not among them cannot be such a function, and the scope and class
 * lookups of `getLocalFunction` are skipped for it (a query runner's thousand `this.x()` calls).
 */
export function getNamesOfFunctionsHolding(calls: readonly TSESTree.Node[]): ReadonlySet<string> {
  const names = new Set<string>();
  const seen = new Set<TSESTree.Node>();
  for (const call of calls) {
    for (let node = call.parent; node; node = node.parent) {
      if (!isFunctionNode(node)) continue;
      // Its enclosing functions were named when it was first seen.
      if (seen.has(node)) break;
      seen.add(node);
      if (node.id) names.add(node.id.name);
      const holder = getOutermostWrapper(node).parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) names.add(holder.id.name);
      if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) {
        const key = getStaticPropertyName(holder);
        if (key !== undefined) names.add(key);
      }
    }
  }
  return names;
}

/**
 * The parameter `call` resolves only when it is not already an object: misskey's entity services
 * take an entity or its id (`const emoji = typeof src === "object" ? src : await
 * repo.findOneByOrFail({ id: src })`), and their `packMany` hands each one the entities it has;
 * also a property of the parameter (`if (typeof appointment.clientId === "object") return appointment.clientId;`).
 */
function getResolvedParameterName(call: TSESTree.Node, fn: FunctionNode, read: boolean): string | undefined {
  const value = getObjectFallbackValue(call, fn, read);
  const root = value ? getMemberRoot(value) : undefined;
  return root?.type === AST_NODE_TYPES.Identifier ? root.name : undefined;
}

/**
 * The database calls of `fn` (not of functions it defines) whose values depend on its parameters.
 * `index` is the file's complete call index (ask at `Program:exit`).
 */
export function getParameterQueries(context: AnyRuleContext, fn: FunctionNode, index: CallIndex): readonly ParameterQuery[] {
  const file = getFileContext(context);
  return memoize(file, "parameter-queries", fn, () => {
    const scopes = fn.params.map((param) => ({
      body: fn,
      items: new Set(file.sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs.some((def) => within(def.name, param)))),
    }));
    if (scopes.every((scope) => scope.items.size === 0)) return [];
    const found: ParameterQuery[] = [];
    const typed = asksTypesForDatabaseCalls(file);
    for (const call of getCandidateCalls(fn, index)) {
      if (!isRunByFunction(call, fn)) continue;
      // The values of a call lie inside it: when the call as a whole depends on no parameter, none
      // of them does, and the type questions that tell a database call are not worth asking.
      if (typed && !scopes.some((scope) => scope.items.size > 0 && dependsOn(file, call, scope))) continue;
      const database = getDatabaseCall(context, call);
      if (!database) continue;
      const values = getQueryParameters(file, database);
      const resolved = getResolvedParameterName(call, fn, !isWriteQuery(file, database));
      const isResolved = (scope: (typeof scopes)[number]): boolean => resolved !== undefined && [...scope.items].some((variable) => variable.name === resolved);
      const parameters = scopes.flatMap((scope, index) => (values.some((value) => dependsOn(file, value, scope)) && !isResolved(scope) ? [index] : []));
      if (parameters.length === 0) continue;
      const statement = database.op === "sql" ? getCallArguments(call)[0] : undefined;
      const text = statement && skipExpressionWrappers(statement);
      const whole = text?.type === AST_NODE_TYPES.Identifier || text?.type === AST_NODE_TYPES.MemberExpression ? text : undefined;
      const statements = whole ? scopes.flatMap((scope, index) => (dependsOn(file, whole, scope) ? [index] : [])) : [];
      const tableArguments = getTableArguments(file, database);
      const tables = scopes.flatMap((scope, index) => (tableArguments.some((table) => dependsOn(file, table, scope)) ? [index] : []));
      const direct = getEnclosingIterations(file, call).length === 0 && !isInCallback(call, fn);
      const known = new Map<number, readonly string[] | undefined>();
      const propertiesRead = (position: number): readonly string[] | undefined => {
        if (!known.has(position)) known.set(position, getPropertiesRead(file, getChainEnd(call), fn.params[position]!, scopes[position]!.items, fn));
        return known.get(position);
      };
      found.push({ call: database, parameters, statements, tables, beforeFirstAwait: direct && !hasAwaitBefore(file, fn, call), propertiesRead });
    }
    return found;
  });
}

/**
 * The arguments of `call` (a call of the function `query` was found in) its values come from: the
 * whole argument at each position, or, for an object literal whose properties the values read one
 * by one, only those properties' values (Megagig's lab alerts: `this.sendCriticalValueAlert({
 * patientId: labIntegration.patientId, message: result.testName })`, then
 * `Patient.findById(alert.patientId)`: the same patient for every result).
 */
export function getArgumentsQueried(call: TSESTree.CallExpression, query: ParameterQuery): TSESTree.Node[] {
  return query.parameters.flatMap((position): TSESTree.Node[] => {
    const argument = call.arguments[position];
    if (!argument || argument.type !== AST_NODE_TYPES.ObjectExpression) return argument ? [argument] : [];
    const properties = argument.properties;
    if (properties.some((property) => property.type !== AST_NODE_TYPES.Property || property.computed)) return [argument];
    const read = query.propertiesRead(position);
    if (!read) return [argument];
    return properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property && read.includes(getStaticPropertyName(property) ?? "") ? property.value : []));
  });
}

/**
 * The properties of a parameter (`param`, `items` its variables) that the query `chain` reads,
 * when every read of it in the whole chain is `param.name`, or, for a parameter destructured as
 * `{ business, client }`, a variable bound to one property; and no other variable of `fn`
 * appears there (a local copy of another property would go unseen). Undefined otherwise.
 */
function getPropertiesRead(file: FileContext, chain: TSESTree.Node, param: TSESTree.Parameter, items: ReadonlySet<TSESLint.Scope.Variable>, fn: FunctionNode): string[] | undefined {
  const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (pattern.type !== AST_NODE_TYPES.Identifier && pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const read = new Set<string>();
  let whole = false;
  forEachIdentifier(file, chain, (identifier) => {
    const variable = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier);
    if (!variable || !variable.defs.some((def) => contains(fn, def.name))) return;
    const name = items.has(variable) ? getPropertyOfParameter(pattern, identifier, variable) : undefined;
    if (name === undefined) whole = true;
    else read.add(name);
  });
  return whole || read.size === 0 ? undefined : [...read];
}

/**
 * `alert.patientId` of a parameter `alert`, or `business` for a variable bound inside that property
 * of a destructured one (`{ business }`, `{ business: b }`, `{ business: { _id } }`).
 */
function getPropertyOfParameter(pattern: TSESTree.Identifier | TSESTree.ObjectPattern, identifier: TSESTree.Identifier, variable: TSESLint.Scope.Variable): string | undefined {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    const parent = identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier ? getStaticPropertyName(parent) : undefined;
  }
  const bound = pattern.properties.find((property) => property.type === AST_NODE_TYPES.Property && !property.computed && variable.defs.some((def) => contains(property.value, def.name)));
  return bound?.type === AST_NODE_TYPES.Property ? getStaticPropertyName(bound) : undefined;
}


/** The identifiers below `node` that read a variable, also in functions it holds (their parameters are variables of `fn` too). */
function forEachIdentifier(file: FileContext, node: TSESTree.Node, visit: (identifier: TSESTree.Identifier) => void): void {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const parent = node.parent;
    // A property's name (`a.b`, `{ b: 1 }`) is no read of a variable.
    const isName =
      (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) ||
      (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand);
    if (!isName) visit(node);
    return;
  }
  for (const key of file.sourceCode.visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child !== null && typeof child === "object" && typeof (child as { type?: unknown }).type === "string") forEachIdentifier(file, child as TSESTree.Node, visit);
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Calls in `fn` shaped like a database call (a known method name, or the end of a call chain),
 * not in a function declaration or class it defines: from the call index, without a walk of
 * the function's nodes (a method called in a loop can be hundreds of lines long).
 */
function getCandidateCalls(fn: FunctionNode, index: CallIndex): CallLike[] {
  const calls: CallLike[] = index.callsWithin(fn.body).filter((call) => isCandidate(call) && !isInNestedDeclaration(call, fn));
  for (const tagged of index.taggedMethodCalls) {
    if (within(tagged, fn.body) && isCandidate(tagged) && !isInNestedDeclaration(tagged, fn)) calls.push(tagged);
  }
  return calls;
}

function isInNestedDeclaration(call: TSESTree.Node, fn: FunctionNode): boolean {
  for (let node = call.parent; node && node !== fn; node = node.parent) {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassBody) return true;
  }
  return false;
}

/** Cheap shape test before the analysis: `x.query(…)`, `x.findUnique(…)`, `x.raw(…)`, `a(…).b(…)`, `` x.$queryRaw`…` ``. */
export function isCandidate(call: CallLike): boolean {
  if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) return TAGGED_DATABASE_METHOD_NAMES.has(getCalledMethodName(call) ?? "");
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getCalledMethodName(call);
  if (method !== undefined && isBuiltinCallbackCall(call, method)) return false;
  return (
    (method !== undefined && (DATABASE_METHOD_NAMES.has(method) || STATEMENT_METHOD_NAMES.has(method))) ||
    skipExpressionWrappers(callee.object).type === AST_NODE_TYPES.CallExpression
  );
}

/** The call runs when `fn` runs: nested functions on the way are callbacks handed to calls. */
function isRunByFunction(call: TSESTree.Node, fn: FunctionNode): boolean {
  for (let node = call.parent; node && node !== fn; node = node.parent) {
    if (isFunctionNode(node) && !(node.parent?.type === AST_NODE_TYPES.CallExpression || node.parent?.type === AST_NODE_TYPES.NewExpression)) {
      return false;
    }
  }
  return true;
}

function isInCallback(call: TSESTree.Node, fn: FunctionNode): boolean {
  for (let node = call.parent; node && node !== fn; node = node.parent) if (isFunctionNode(node)) return true;
  return false;
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
