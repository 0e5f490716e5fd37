import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { HelperIteration } from "../knowledge/iteration.js";
import type { FileContext } from "./file-context.js";
import type { FunctionNode, LoopNode } from "./ast.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import {
  ARRAY_ITERATION_METHODS,
  CALLBACK_DEFINING_FUNCTIONS,
  CHUNK_COLLECTION,
  CHUNK_FUNCTION,
  CHUNK_ITEM,
  CONSTANTS_MODULE,
  CONSTANT_LIST_NAME,
  CONSTANT_TABLE_NAME,
  CONSUMING_METHODS,
  DELAY_FUNCTIONS,
  ELEMENTWISE_STATIC_FUNCTIONS,
  GLOBAL_PROMISE_HELPERS,
  HELPER_MODULES,
  LISTENER_METHODS,
  OBJECT_LISTING_FUNCTIONS,
  SUBSET_METHODS,
  TRANSACTION_CALLBACK_METHODS,
  TRANSACTION_HELPER_NAME,
  WRITTEN_LENGTH_MAX,
} from "../knowledge/iteration.js";
import { COLLECTION_STORE_METHODS, CONSTANT_NAME, TABLE_NAME, UNBOUNDED_CONSTRUCTORS } from "../knowledge/bounded-caches.js";
import { STRING_RESULT_METHODS } from "../knowledge/builtins.js";
import { alwaysLeaves, forEachOwnNode, getCalledMethodName, getCalleeName, getEnclosingFunction, getRequiredModule, getSoleStatement, getStaticPropertyName, isCalledInPlace, isEnvironmentRead, isFunctionNode, isLoop, isNode, skipExpressionWrappers } from "./ast.js";
import { memoize } from "./file-context.js";
import { isHandfulResult, isHandfulSlice } from "./handful.js";
import { getImportPath } from "./import-path.js";
import { getThisClass, getThisMemberSources } from "./class-members.js";
import { getMethodCallsOnly, getPropertyUses } from "./code-reachability.js";
import { getLocalCallee } from "./local-calls.js";
import { getConstantInit, getForOfList, isSameExpression } from "./same-expression.js";

/**
 * "Is this node run once per element of a collection, and which bindings hold the element?"
 * Array method callbacks (`hits.map(async (hit) => …)`), concurrency helpers (`pMap(items, fn)`,
 * bluebird `Promise.map`), `for…of`/`for…in`/`for await`, index loops over `xs.length`, and
 * `while` loops that drain a queue with `shift()`/`pop()`.
 */
export interface Iteration {
  /** The loop statement, or the call that iterates (`hits.map(…)`, `pMap(items, …)`). */
  readonly node: TSESTree.Node;
  readonly kind: "callback" | "loop";
  /** The collection iterated over (`hits`, `results.hits.hits`, `queue`). */
  readonly collection: TSESTree.Node;
  /** What runs once per element: the callback function or the loop body. */
  readonly body: TSESTree.Node;
  /** The bindings that hold the current element, its key or its index. */
  readonly items: ReadonlySet<Scope.Variable>;
  /** Array method callbacks all start in the same tick; loops and concurrency helpers do not. */
  readonly sameTickCallbacks: boolean;
  /** The collection is a literal list of a few constants (`["a", "b"]`, `Object.keys({ … })`), or a string. */
  readonly fixed: boolean;
  /** The elements are chunks of a larger list (`for (const chunk of _.chunk(ids, 100))`). */
  readonly chunked: boolean;
}

/** An iteration around a node, and whether a nested callback lies between them. */
export interface EnclosingIteration {
  readonly iteration: Iteration;
  /** The node runs inside a callback (`limit(() => …)`) nested in the iteration's body. */
  readonly throughCallback: boolean;
}

/** The set of bindings whose dependents `dependsOn` looks for, and where they may be derived. */
export interface DependenceScope {
  readonly body: TSESTree.Node;
  readonly items: ReadonlySet<Scope.Variable>;
  /**
   * The collection iterated over, when there is one: a prefix of it (`groupBy.slice(0, i + 1)`)
   * holds the elements up to the current one, not the current one.
   */
  readonly collection?: TSESTree.Node;
}

const { DefinitionType } = TSESLint.Scope;

/**
 * The iterations that run `node` once per element, innermost first. The walk crosses functions
 * that are iteration callbacks or callbacks handed to a call (`limit(() => …)`,
 * `new Promise((resolve) => …)`), and stops at any other function: a function defined in a loop
 * body is not run by the loop.
 */
export function getEnclosingIterations(file: FileContext, node: TSESTree.Node): readonly EnclosingIteration[] {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return getIterationsAroundFunction(file, parent);
    if (isLoop(parent) && child === parent.body) return getIterationsAroundLoopBody(file, parent);
  }
  return [];
}

/** The iterations that run the body of `fn` (memoised: every call in it shares the answer). */
function getIterationsAroundFunction(file: FileContext, fn: FunctionNode): readonly EnclosingIteration[] {
  return memoize(file, "iterations-around-function", fn, () => {
    const iteration = getIterationOfFunction(file, fn);
    if (iteration) return [{ iteration, throughCallback: false }, ...getEnclosingIterations(file, fn)];
    // nocobase's localization plugin: `db.on(`${name}.afterSave`, …)` registered per collection runs per save event.
    if (!isCallbackArgument(fn) || isListenerCallback(file, fn)) return [];
    // A function called where it is written (`await (async () => …)()`) runs at once, in the same tick up to its first `await`.
    if (isCalledInPlace(fn)) return getEnclosingIterations(file, fn);
    return getEnclosingIterations(file, fn).map((entry) => ({ ...entry, throughCallback: true }));
  });
}

/** The iterations that run the body of `loop`, the loop's own first. */
function getIterationsAroundLoopBody(file: FileContext, loop: LoopNode): readonly EnclosingIteration[] {
  return memoize(file, "iterations-around-loop", loop, () => {
    const iteration = getIterationOfLoop(file, loop);
    const outer = getEnclosingIterations(file, loop);
    return iteration ? [{ iteration, throughCallback: false }, ...outer] : outer;
  });
}

/** The iteration a callback drives, when `fn` is the callback of `xs.map(fn)`, `pMap(xs, fn)`… */
export function getIterationOfFunction(file: FileContext, fn: FunctionNode): Iteration | null {
  return memoize(file, "iteration-of-function", fn, () => {
    const parent = fn.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return null;
    const how = getCallbackIteration(file, parent, fn);
    if (!how) return null;
    const param = fn.params[how.itemParam];
    if (!param) return null;
    const items = new Set(getVariablesIn(file, fn, param));
    return makeIteration(file, parent, "callback", how.collection, fn, items, how.sameTick);
  });
}

/**
 * When `argument` is the callback of an iterating call (`ids.map(loadUser)`): the collection,
 * the index of the item parameter, and whether the callbacks start in the same tick.
 */
export function getCallbackIteration(
  file: FileContext,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
): CallbackIteration | null {
  const method = getCalledMethodName(call);
  const callee = skipExpressionWrappers(call.callee);
  const arrayMethod = method === undefined ? undefined : ARRAY_ITERATION_METHODS[method];
  if (arrayMethod && call.arguments[0] === argument && callee.type === AST_NODE_TYPES.MemberExpression && !isHelperReceiver(file, callee.object)) {
    return describeCallbackIteration(file, callee.object, arrayMethod.itemParam, arrayMethod.sameTick);
  }
  const helper = getHelperIteration(file, call);
  if (!helper) return null;
  const callbackIndex = helper.callbackArg < 0 ? call.arguments.length + helper.callbackArg : helper.callbackArg;
  const collection = call.arguments[helper.collectionArg];
  if (call.arguments[callbackIndex] !== argument || !collection || callbackIndex === helper.collectionArg) return null;
  return describeCallbackIteration(file, collection, helper.itemParam, false);
}

/** How an iterating call drives a callback argument. */
export interface CallbackIteration {
  readonly collection: TSESTree.Node;
  readonly itemParam: number;
  readonly sameTick: boolean;
  /** As `Iteration.fixed` and `Iteration.chunked`, judged from the collection. */
  readonly fixed: boolean;
  readonly chunked: boolean;
}

function describeCallbackIteration(file: FileContext, collection: TSESTree.Node, itemParam: number, sameTick: boolean): CallbackIteration {
  return { collection, itemParam, sameTick, fixed: isFixedCollection(file, collection), chunked: isChunkedCollection(file, collection) };
}

/**
 * `node`, which depends on the element, names a table of its own per element: it is the element
 * itself (`tableName` of `tableNames.map((tableName) => …)`), or a table by its name (saltcorn's
 * `table` found by the element's name, mikro-orm's `table.name`). A value of a row that also names
 * its table (huly's `tx.objectClass`) is not.
 */
export function isTablePerElement(file: FileContext, iteration: Iteration, node: TSESTree.Node | undefined): boolean {
  const inner = node && skipExpressionWrappers(node);
  if (!inner || !dependsOn(file, inner, iteration)) return false;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return inner.object.type === AST_NODE_TYPES.Identifier && isTableName(inner.object.name);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  return isTableName(inner.name) || isItem(file, iteration, inner);
}

/**
 * `node` runs for one value of the element only: in a `case "literal":` of `switch (item)`, or
 * in the branch of `if (item === "literal")` (subql's metadata keys, where only the
 * `dynamicDatasources` key writes its own row). Once per loop, not once per element. Only the
 * element itself, not a part of it: many rows of civitai's escrow plan may share a `kind`. Also
 * when a statement that leaves the loop follows it: see `isFollowedByLoopExit`.
 */
export function isForOneElement(file: FileContext, iteration: Iteration, node: TSESTree.Node): boolean {
  if (isFollowedByLoopExit(file, iteration, node)) return true;
  for (let child = node, parent = node.parent; parent && child !== iteration.body; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test?.type === AST_NODE_TYPES.Literal && parent.consequent.includes(child as TSESTree.Statement)) {
      if (isWholeItem(file, iteration, parent.parent.discriminant)) return true;
    }
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && isOneElementTest(file, iteration, parent.test, 0)) return true;
  }
  return false;
}

/**
 * A test true for one element at most: the element, its key or its index equal to a literal
 * (`if (key === "admin")`, `if (i === 0)`), also as one side of `&&` or through a `const` of the
 * body (silk-route-logistics' waterfall tender: `const isFirst = i === 0`, then `if (isFirst)`,
 * notifies the first carrier only).
 */
function isOneElementTest(file: FileContext, iteration: Iteration, raw: TSESTree.Expression, depth: number): boolean {
  const test = skipExpressionWrappers(raw);
  if (test.type === AST_NODE_TYPES.LogicalExpression) {
    return test.operator === "&&" && (isOneElementTest(file, iteration, test.left, depth) || isOneElementTest(file, iteration, test.right, depth));
  }
  if (test.type === AST_NODE_TYPES.Identifier) {
    const variable = depth === 0 ? ASTUtils.findVariable(file.sourceCode.getScope(test), test) : null;
    const init = variable ? getConstantInit(variable) : null;
    return init !== null && isOneElementTest(file, iteration, init, depth + 1);
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "===" && test.operator !== "==")) return false;
  const other = test.right.type === AST_NODE_TYPES.Literal ? test.left : test.left.type === AST_NODE_TYPES.Literal ? test.right : undefined;
  return other !== undefined && (isWholeItem(file, iteration, other) || isUniquePosition(file, iteration, other));
}

/**
 * The index of a callback (`i` of `candidates.forEach((c, i) => …)`), or the key or index
 * destructured from an entry (`for (const [i, c] of list.entries())`, `Object.entries(obj)`):
 * no two elements share it.
 */
function isUniquePosition(file: FileContext, iteration: Iteration, raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const name = ASTUtils.findVariable(file.sourceCode.getScope(node), node)?.defs[0]?.name;
  const parent = name?.parent;
  if (!name || !parent) return false;
  if (isFunctionNode(parent) && iteration.body === parent && iteration.node.type === AST_NODE_TYPES.CallExpression) {
    const how = getCallbackIteration(file, iteration.node, parent);
    return how !== null && parent.params[how.itemParam + 1] === name;
  }
  const loop = parent.parent?.parent?.parent;
  if (parent.type !== AST_NODE_TYPES.ArrayPattern || parent.elements[0] !== name || loop?.type !== AST_NODE_TYPES.ForOfStatement || loop !== iteration.node) return false;
  const list = skipExpressionWrappers(loop.right);
  return list.type === AST_NODE_TYPES.CallExpression && list.arguments.length <= 1 && getCalledMethodName(list) === "entries";
}

/**
 * `node` runs on every n-th element only, a checkpoint the loop paces: in the branch of
 * `if (processed % 10 === 0)` (loanserve's servicing run, which records its progress every ten
 * loans), `if (!(index % BATCH))`. The left of `%` is a counter or an index, not the element
 * (`loan.sequence % 10` picks elements by their data), and `n` is 10 or more, or a constant's name.
 */
export function isOnEveryNthElement(file: FileContext, iteration: Iteration, node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && child !== iteration.body; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && isEveryNthTest(file, iteration, parent.test)) return true;
  }
  return false;
}

function isEveryNthTest(file: FileContext, iteration: Iteration, raw: TSESTree.Expression): boolean {
  const test = skipExpressionWrappers(raw);
  const isCounterModulo = (node: TSESTree.Node): boolean => {
    const inner = skipExpressionWrappers(node);
    if (inner.type !== AST_NODE_TYPES.BinaryExpression || inner.operator !== "%") return false;
    const counter = skipExpressionWrappers(inner.left);
    const every = skipExpressionWrappers(inner.right);
    const paced = (every.type === AST_NODE_TYPES.Literal && typeof every.value === "number" && every.value >= 10) || (every.type === AST_NODE_TYPES.Identifier && CONSTANT_NAME.test(every.name));
    return paced && counter.type === AST_NODE_TYPES.Identifier && !isItem(file, iteration, counter);
  };
  const isZero = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Literal && node.value === 0;
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return test.operator === "!" && isCounterModulo(test.argument);
    case AST_NODE_TYPES.BinaryExpression:
      return (test.operator === "===" || test.operator === "==") && ((isCounterModulo(test.left) && isZero(test.right)) || (isZero(test.left) && isCounterModulo(test.right)));
    // `processed > 0 && processed % 10 === 0`
    case AST_NODE_TYPES.LogicalExpression:
      return test.operator === "&&" && (isEveryNthTest(file, iteration, test.left) || isEveryNthTest(file, iteration, test.right));
    default:
      return false;
  }
}


/**
 * In a loop statement, `node` is followed in its block by a statement that leaves the loop
 * (`return`, `throw`, or a `break` of this loop), with no `continue` on the way: the loop gets
 * there at most once. karasu-lab's link verification marks the first record whose code matches,
 * then returns. Not in a callback (`items.forEach(…)`): its `return` ends one call, and the walk
 * stops at the function.
 */
function isFollowedByLoopExit(file: FileContext, iteration: Iteration, node: TSESTree.Node): boolean {
  const path: TSESTree.Node[] = [];
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isFunctionNode(current)) return false;
    path.push(current);
    if (current === iteration.body) break;
  }
  for (let index = 1; index < path.length; index++) {
    const parent = path[index]!;
    if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
    // A `break` leaves this loop only with no switch or other loop between it and the loop's body.
    const breaks = !path.slice(index + 1).some((ancestor) => BREAKABLE.has(ancestor.type));
    const rest = parent.body.slice(parent.body.indexOf(path[index - 1] as TSESTree.Statement));
    const leavesLoop = (jump: TSESTree.Statement): boolean =>
      jump.type === AST_NODE_TYPES.ReturnStatement || jump.type === AST_NODE_TYPES.ThrowStatement || (breaks && jump.type === AST_NODE_TYPES.BreakStatement && jump.label === null);
    const exit = rest.findIndex((statement, at) => at > 0 && alwaysLeaves(statement, leavesLoop));
    if (exit !== -1) return !rest.slice(0, exit).some((statement) => hasContinue(file, statement));
  }
  return false;
}

const BREAKABLE: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** A `continue` in `statement`, outside nested functions: it may go round the loop again. */
function hasContinue(file: FileContext, statement: TSESTree.Statement): boolean {
  let found = false;
  forEachOwnNode(file.sourceCode.visitorKeys, statement, (inner) => {
    found ||= inner.type === AST_NODE_TYPES.ContinueStatement;
  });
  return found;
}

/**
 * A binding that holds the element, its key or its index (`key` of `keys.map(async (key) => …)`),
 * or a part destructured from it (`for (const { query, params } of queries)`).
 */
export function isItem(file: FileContext, iteration: Iteration, raw: TSESTree.Node): boolean {
  return getItem(file, iteration, raw) !== undefined;
}

/** A binding that holds the whole element (`for (const key of keys)`), not a part destructured from it (`for (const { kind } of plan)`). */
function isWholeItem(file: FileContext, iteration: Iteration, raw: TSESTree.Node): boolean {
  const name = getItem(file, iteration, raw)?.defs[0]?.name;
  const parent = name?.parent;
  return parent !== undefined && ((parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === name) || (isFunctionNode(parent) && parent.params.includes(name as TSESTree.Parameter)));
}

function getItem(file: FileContext, iteration: Iteration, raw: TSESTree.Node): Scope.Variable | undefined {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  return variable !== null && iteration.items.has(variable) ? variable : undefined;
}

/** `table`, `sourceTable`, `tableName`, `tablePath`. */
function isTableName(name: string): boolean {
  return TABLE_NAME.test(name) || TABLE_NAME.test(name.replace(TABLE_NAME_SUFFIX, ""));
}

const TABLE_NAME_SUFFIX = /(?:Name|Path)$/u;

/** The iteration a loop statement runs, or null for loops that do not walk a collection. */
export function getIterationOfLoop(file: FileContext, loop: LoopNode): Iteration | null {
  return memoize(file, "iteration-of-loop", loop, () => {
    switch (loop.type) {
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement: {
        const items = new Set(getVariablesIn(file, loop.left, loop.left));
        return items.size > 0 ? makeIteration(file, loop, "loop", loop.right, loop.body, items, false) : null;
      }
      case AST_NODE_TYPES.ForStatement:
        return getIndexLoop(file, loop);
      default:
        return getDrainLoop(file, loop);
    }
  });
}

/**
 * Whether `expression` uses a binding of `scope.items`, directly or through variables derived
 * from them inside `scope.body` (`const id = hit._id`, `for (const tag of item.tags)`).
 */
export function dependsOn(file: FileContext, expression: TSESTree.Node, scope: DependenceScope): boolean {
  return dependsOnWalk(file, expression, scope);
}

/**
 * Whether the call at `node` is issued in the same tick as the other elements' calls: inside an
 * array method callback before any `await`, or in a loop body with no `await` at all.
 */
export function isIssuedInSameTick(file: FileContext, entry: EnclosingIteration, node: TSESTree.Node): boolean {
  const { iteration } = entry;
  if (entry.throughCallback || hasAwaitBeforeInCalledFunctions(file, iteration.body, node)) return false;
  if (iteration.kind === "loop") {
    if (iteration.node.type === AST_NODE_TYPES.ForOfStatement && iteration.node.await) return false;
    return getAwaits(file, iteration.node).length === 0;
  }
  return iteration.sameTickCallbacks && !hasAwaitBefore(file, iteration.body, node);
}

/** Whether a function called where it is written, between `body` and `node`, awaits before `node` (sourcebot's `await (async () => { … })()` per file). */
function hasAwaitBeforeInCalledFunctions(file: FileContext, body: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let parent = node.parent; parent && parent !== body; parent = parent.parent) {
    if (isFunctionNode(parent) && hasAwaitBefore(file, parent.body, node)) return true;
  }
  return false;
}

/**
 * Whether an `await` of the function or block `body` (not of nested functions) ends before `node`
 * on the way to it. An `await` in a branch that returns or throws (`if (!x) { await log(…); return; }`)
 * never runs before `node` when `node` is outside that branch.
 */
export function hasAwaitBefore(file: FileContext, body: TSESTree.Node, node: TSESTree.Node): boolean {
  const before = getAwaits(file, body).filter((range) => range[1] <= node.range[0]);
  if (before.length === 0) return false;
  const exits = getExitingBranches(file, body).filter((branch) => !(branch[0] <= node.range[0] && node.range[1] <= branch[1]));
  return before.some((range) => !exits.some((branch) => branch[0] <= range[0] && range[1] <= branch[1]));
}

/** The ranges of the `if` branches of `body` (not of nested functions) that end in `return` or `throw`. */
function getExitingBranches(file: FileContext, root: TSESTree.Node): readonly TSESTree.Range[] {
  return memoize(file, "exiting-branches", root, () => {
    const ranges: TSESTree.Range[] = [];
    const exits = (branch: TSESTree.Statement | null): boolean => {
      const last = branch?.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
      return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
    };
    forEachOwnNode(file.sourceCode.visitorKeys, root, (node) => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return;
      if (exits(node.consequent)) ranges.push(node.consequent.range);
      if (node.alternate && exits(node.alternate)) ranges.push(node.alternate.range);
    });
    return ranges;
  });
}

// ---------------------------------------------------------------------------------------------

/** The call `fn` is an argument of (`emitter.on("x", fn)`), or null. */
function getCallTakingCallback(fn: FunctionNode): TSESTree.CallExpression | null {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(fn as TSESTree.CallExpressionArgument) ? call : null;
}

const CALLBACK_DEFINING_NAMES: ReadonlySet<string> = new Set(Object.values(CALLBACK_DEFINING_FUNCTIONS).flat());

/** `db.on("users.afterSave", fn)`, `emitter.once(…)`, `server.tool(name, schema, fn)`, LangChain's `tool(fn)`: `fn` runs per event or call. */
function isListenerCallback(file: FileContext, fn: FunctionNode): boolean {
  const call = getCallTakingCallback(fn);
  const method = call ? getCalledMethodName(call) : undefined;
  if (method !== undefined) return LISTENER_METHODS.includes(method);
  // LangChain's `tool(async (input) => …)`: a definition, whose callback the agent calls later.
  // The name first: most plain calls that take a callback (`setTimeout`, `describe`) are none.
  const callee = call ? skipExpressionWrappers(call.callee) : null;
  const origin = callee?.type === AST_NODE_TYPES.Identifier && CALLBACK_DEFINING_NAMES.has(callee.name) ? getImportPath(file, callee) : null;
  if (!origin?.module || origin.path.length !== 1 || !Object.hasOwn(CALLBACK_DEFINING_FUNCTIONS, origin.module)) return false;
  return CALLBACK_DEFINING_FUNCTIONS[origin.module]!.includes(origin.path[0]!);
}

/**
 * The iteration waits on purpose in each run of its body (`await sleep(1000)`, `await new
 * Promise((resolve) => setTimeout(resolve, 2000))`): Logikaservice's announcement scheduler marks
 * each queued item playing, waits for the playback, then marks it done. The pacing, not the round
 * trips, sets the loop's time, and one batched statement would undo it.
 */
export function isPacedIteration(file: FileContext, iteration: Iteration): boolean {
  return memoize(file, "paced-iteration", iteration.body, () => {
    let paced = false;
    forEachOwnNode(file.sourceCode.visitorKeys, iteration.body, (node) => {
      if (!paced && node.type === AST_NODE_TYPES.AwaitExpression) paced = isDelay(skipExpressionWrappers(node.argument)) && isOnEveryRun(node, iteration.body);
    });
    return paced;
  });
}

/**
 * `node` is not in a `catch` or a nested loop of `body`: a back-off before a retry (jwfreed's
 * invariant job, `await sleep(retryDelayMs)` when a tenant's check fails) waits only on failure.
 */
function isOnEveryRun(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause || isLoop(current)) return false;
  }
  return true;
}

function isDelay(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) return DELAY_FUNCTIONS.includes(getCalleeName(node) ?? "");
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "Promise") return false;
  const executor = node.arguments[0];
  if (!isFunctionNode(executor)) return false;
  // `(resolve) => setTimeout(resolve, ms)`, or a block whose only statement is that call.
  const only = executor.body.type === AST_NODE_TYPES.BlockStatement ? getSoleStatement(executor.body) : null;
  const body = only ? (only.type === AST_NODE_TYPES.ExpressionStatement ? skipExpressionWrappers(only.expression) : null) : executor.body;
  return body?.type === AST_NODE_TYPES.CallExpression && getCalleeName(body) === "setTimeout";
}

/** `prisma.$transaction(fn)`, `sequelize.transaction(fn)`, Kysely's `db.transaction().execute(fn)`, `this.repo.withTx(fn)`. */
function isTransactionCallback(fn: FunctionNode): boolean {
  const call = getCallTakingCallback(fn);
  const called = call ? skipExpressionWrappers(call.callee) : undefined;
  if (called?.type === AST_NODE_TYPES.Identifier) return TRANSACTION_HELPER_NAME.test(called.name);
  const method = call ? getCalledMethodName(call) : undefined;
  if (method !== "execute") return method !== undefined && (TRANSACTION_CALLBACK_METHODS.includes(method) || TRANSACTION_HELPER_NAME.test(method));
  const callee = skipExpressionWrappers(call!.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipExpressionWrappers(callee.object) : undefined;
  return receiver?.type === AST_NODE_TYPES.CallExpression && getCalledMethodName(receiver) === "transaction";
}

/**
 * Whether `node` runs inside a transaction that a callback between it and `outer` opens
 * (`for (const id of ids) await prisma.$transaction(async (tx) => { … tx.user.findUnique(…) })`):
 * each element gets a unit of work of its own, often holding row locks (`FOR UPDATE`), which one
 * batched query for all the elements would merge (civitai's strikes, one locked transaction per user).
 */
export function isInTransactionCallback(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== outer; current = current.parent) {
    if (isFunctionNode(current) && isTransactionCallback(current)) return true;
  }
  return false;
}

function isCallbackArgument(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    (parent.arguments.includes(fn as TSESTree.CallExpressionArgument) || parent.callee === fn)
  );
}

function makeIteration(
  file: FileContext,
  node: TSESTree.Node,
  kind: Iteration["kind"],
  collection: TSESTree.Node,
  body: TSESTree.Node,
  items: ReadonlySet<Scope.Variable>,
  sameTickCallbacks: boolean,
): Iteration {
  const chunked = [...items].some((variable) => CHUNK_ITEM.test(variable.name)) || isChunkedCollection(file, collection);
  return { node, kind, collection, body, items, sameTickCallbacks, fixed: isFixedCollection(file, collection), chunked };
}

/** `for (let i = 0; i < xs.length; i++)` and `for (let i = xs.length - 1; i >= 0; i--)`. */
function getIndexLoop(file: FileContext, loop: TSESTree.ForStatement): Iteration | null {
  const test = loop.test;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression) return null;
  let index: TSESTree.Node = test.left;
  let collection = getLengthObject(test.right);
  if (!collection) {
    const declarator = loop.init?.type === AST_NODE_TYPES.VariableDeclaration ? loop.init.declarations[0] : undefined;
    const init = declarator?.init;
    collection = init?.type === AST_NODE_TYPES.BinaryExpression ? getLengthObject(init.left) : getLengthObject(init);
    if (!collection || !declarator) return null;
    index = declarator.id;
  }
  if (index.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(index), index);
  if (!variable) return null;
  const iteration = makeIteration(file, loop, "loop", collection, loop.body, new Set([variable]), false);
  return isUnitStep(loop.update) ? iteration : { ...iteration, chunked: true };
}

function getLengthObject(node: TSESTree.Node | null | undefined): TSESTree.Node | undefined {
  const inner = node ? skipExpressionWrappers(node) : undefined;
  return inner?.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(inner) === "length" ? inner.object : undefined;
}

function isUnitStep(update: TSESTree.Expression | null): boolean {
  if (!update || update.type === AST_NODE_TYPES.UpdateExpression) return true;
  return (
    update.type === AST_NODE_TYPES.AssignmentExpression &&
    update.right.type === AST_NODE_TYPES.Literal &&
    update.right.value === 1
  );
}

/** `while (queue.length) { const job = queue.shift(); … }`, `while ((job = queue.pop()))`. */
function getDrainLoop(file: FileContext, loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement): Iteration | null {
  const items = new Set<Scope.Variable>();
  let collection: TSESTree.Node | undefined;
  const take = (target: TSESTree.Node, value: TSESTree.Node | null | undefined): void => {
    const source = value ? getConsumedCollection(value) : undefined;
    if (!source) return;
    collection ??= source;
    for (const variable of getVariablesIn(file, target, target)) items.add(variable);
  };
  const test = loop.test.type === AST_NODE_TYPES.BinaryExpression ? loop.test.left : loop.test;
  if (test.type === AST_NODE_TYPES.AssignmentExpression) take(test.left, test.right);
  const statements = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) take(declarator.id, declarator.init);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      take(statement.expression.left, statement.expression.right);
    }
  }
  return collection && items.size > 0 ? makeIteration(file, loop, "loop", collection, loop.body, items, false) : null;
}

function getConsumedCollection(value: TSESTree.Node): TSESTree.Node | undefined {
  const inner = skipExpressionWrappers(value);
  if (inner.type !== AST_NODE_TYPES.CallExpression || inner.arguments.length > 0) return undefined;
  const method = getCalledMethodName(inner);
  const callee = skipExpressionWrappers(inner.callee);
  if (method === undefined || !CONSUMING_METHODS.includes(method) || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = skipExpressionWrappers(callee.object);
  return receiver.type === AST_NODE_TYPES.Identifier || receiver.type === AST_NODE_TYPES.MemberExpression ? receiver : undefined;
}

/** The variables declared by (or assigned in) `pattern`, which lies inside `owner`. */
function getVariablesIn(file: FileContext, owner: TSESTree.Node, pattern: TSESTree.Node): Scope.Variable[] {
  const declared = file.sourceCode.getDeclaredVariables(owner);
  const inside = declared.filter((variable) => variable.defs.some((def) => within(def.name, pattern)));
  if (inside.length > 0 || owner !== pattern) return inside;
  // `for (item of list)` / `while ((item = queue.shift()))`: an existing binding.
  const names: TSESTree.Identifier[] = [];
  collectPatternIdentifiers(pattern, names);
  return names.flatMap((name) => ASTUtils.findVariable(file.sourceCode.getScope(name), name) ?? []);
}

function collectPatternIdentifiers(node: TSESTree.Node, out: TSESTree.Identifier[]): void {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      out.push(node);
      return;
    case AST_NODE_TYPES.VariableDeclaration:
      for (const declarator of node.declarations) collectPatternIdentifiers(declarator.id, out);
      return;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of node.elements) if (element) collectPatternIdentifiers(element, out);
      return;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of node.properties) {
        collectPatternIdentifiers(property.type === AST_NODE_TYPES.Property ? property.value : property, out);
      }
      return;
    case AST_NODE_TYPES.RestElement:
      collectPatternIdentifiers(node.argument, out);
      return;
    case AST_NODE_TYPES.AssignmentPattern:
      collectPatternIdentifiers(node.left, out);
      return;
    default:
      return;
  }
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * `["a", "b"]`, `Object.values(UserRole)`, `ALL_SCOPES`, a subset of one (`.filter(…)`), or a
 * `const` bound to one of those: a handful of constants, not rows. A string is none either: a loop
 * over its length walks its characters or its prefixes (SSO_Cancer's longest ICD-10 prefix
 * lookup, `for (let len = code.length; len >= 2; len--)` on `icdCode.replace(…).toUpperCase()`).
 */
export function isFixedCollection(file: FileContext, node: TSESTree.Node, depth = 0): boolean {
  // Deep enough for a list made in a helper and refined (`rules` of `(await Promise.all([…])).filter(…)`).
  if (depth > 8) return false;
  const inner = skipExpressionWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === "string";
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    // `[a, b]`, also `[...new Set([official, personal].filter(Boolean))]` (Avy-ERP's link emails): a spread of a fixed list.
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.every((element) => element !== null && (element.type !== AST_NODE_TYPES.SpreadElement || isFixedCollection(file, element.argument, depth + 1)));
    case AST_NODE_TYPES.ObjectExpression:
      return true;
    case AST_NODE_TYPES.Identifier: {
      if (CONSTANT_LIST_NAME.test(inner.name)) return true;
      // tgs-hrms's `for (const [type, steps] of Object.entries(DEFAULT_WORKFLOW_CONFIGS))`, then `steps`: a part of an element of a fixed list.
      const outer = getLoopList(file, inner);
      if (outer) return isFixedCollection(file, outer, depth + 1);
      const declarator = getConstDeclarator(inner);
      // An import has no `const` here: a binding from a module of constants, or a string parameter.
      if (!declarator?.init) return isFromConstantsModule(file, inner) || isStringParameter(file, inner);
      return isFixedCollection(file, declarator.init, depth + 1) && hasBoundedFills(file, declarator, depth + 1);
    }
    // `new Set()`, `new Set(["a", "b"])`: the elements the code writes, and what it adds (`hasBoundedFills`).
    case AST_NODE_TYPES.NewExpression:
      return inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === "Set" && (inner.arguments[0] === undefined || isFixedCollection(file, inner.arguments[0], depth + 1));
    // A constant of a class or a namespace (loanserve's `Object.keys(RetentionService.DEFAULT_RETENTION)`, its tables),
    // or a list inside an element of a fixed one (Swetrix's `for (const seed of VIEW_SEEDS)`, then `seed.customEvents`).
    case AST_NODE_TYPES.MemberExpression: {
      if (inner.computed) return false;
      if (CONSTANT_LIST_NAME.test(getStaticPropertyName(inner) ?? "") || isFromConstantsModule(file, inner) || isHandfulResult(file, inner)) return true;
      if (inner.object.type === AST_NODE_TYPES.ThisExpression) return isFixedMember(file, inner, depth + 1);
      if (inner.object.type !== AST_NODE_TYPES.Identifier) return false;
      const outer = getLoopList(file, inner.object);
      if (outer) return isFixedCollection(file, outer, depth + 1);
      // jwfreed's `computed.snapshots` of `const computed = await computeDashboardSnapshots(…)`: a list a function of this file returns in an object.
      const init = getConstDeclarator(inner.object)?.init;
      const call = init ? skipExpressionWrappers(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init) : undefined;
      const local = call?.type === AST_NODE_TYPES.CallExpression ? getLocalCallee(file, call) : null;
      const property = getStaticPropertyName(inner);
      if (local === null || property === undefined) return false;
      return returnsFixed(file, local, (value) => {
        const list = getObjectProperty(value, property);
        return list !== undefined && isFixedCollection(file, list, depth + 1);
      });
    }
    case AST_NODE_TYPES.AwaitExpression:
      return isFixedCollection(file, inner.argument, depth + 1);
    // trinhtranduc rentalshop's `orderIds.length > 0 ? await db.orderItems.groupBy({ …, take: 10 }) : []`, `top ?? []`: fixed whichever side is taken.
    case AST_NODE_TYPES.ConditionalExpression:
      return isFixedCollection(file, inner.consequent, depth + 1) && isFixedCollection(file, inner.alternate, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return isFixedCollection(file, inner.left, depth + 1) && isFixedCollection(file, inner.right, depth + 1);
    // postgres.js's ``await sql`SELECT … LIMIT 5` ``.
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return isHandfulResult(file, inner);
    case AST_NODE_TYPES.CallExpression: {
      // `require("./constants/email-templates-data")`: a module of constants, as its import is.
      const required = getRequiredModule(inner);
      if (required !== undefined) return CONSTANTS_MODULE.test(required);
      // Megagig's `this.determineSchedulingRules(result)`: a function of this file that returns a fixed list.
      const local = getLocalCallee(file, inner);
      if (local) return returnsFixed(file, local, (value) => isFixedCollection(file, value, depth + 1));
      const callee = skipExpressionWrappers(inner.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return isHandfulResult(file, inner);
      const method = getStaticPropertyName(callee) ?? "";
      if (STRING_RESULT_METHODS.includes(method)) return true;
      // freight-managment's `await Promise.all([checkLatePickup(id), checkGpsOffline(id)])`: one result per promise of a fixed list.
      if (isElementwiseStatic(callee, method)) {
        const list = inner.arguments[0] && skipExpressionWrappers(inner.arguments[0]);
        // corona-school's `Array.from({ length: 12 }, (_, i) => gradeAsString(i + 1))`: as many elements as the code writes.
        if (list?.type === AST_NODE_TYPES.ObjectExpression) return method === "from" && isWrittenLength(list);
        return list !== undefined && isFixedCollection(file, list, depth + 1);
      }
      if (isObjectListing(inner)) {
        const target = inner.arguments[0] ? skipExpressionWrappers(inner.arguments[0]) : undefined;
        if (target?.type === AST_NODE_TYPES.Identifier && CONSTANT_TABLE_NAME.test(target.name)) return true;
        return target !== undefined && isFixedCollection(file, target, depth + 1);
      }
      // zyrix's `env.SUPER_ADMIN_EMAILS.split(",")`: the list the deployment's configuration holds, not the caller's.
      if (method === "split") return isConfigurationString(file, callee.object, depth + 1);
      if (method === "slice" && isHandfulSlice(file, inner)) return true;
      if (SUBSET_METHODS.includes(method)) return isFixedCollection(file, callee.object, depth + 1);
      return isHandfulResult(file, inner);
    }
    default:
      return false;
  }
}

/** `{ length: 12 }`: an array-like of at most `WRITTEN_LENGTH_MAX` elements, a number the code writes. */
function isWrittenLength(object: TSESTree.ObjectExpression): boolean {
  const [property, ...rest] = object.properties;
  if (property?.type !== AST_NODE_TYPES.Property || rest.length > 0 || getStaticPropertyName(property) !== "length") return false;
  const value = skipExpressionWrappers(property.value);
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === "number" && value.value <= WRITTEN_LENGTH_MAX;
}

/** `Promise.all`, `Array.from`: a static function of a global with one result per element of the list it is given. */
function isElementwiseStatic(callee: TSESTree.MemberExpression, method: string): boolean {
  const object = skipExpressionWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && Object.hasOwn(ELEMENTWISE_STATIC_FUNCTIONS, object.name) && ELEMENTWISE_STATIC_FUNCTIONS[object.name]!.includes(method);
}

/**
 * `this.name`, a member of the instance that holds a fixed list: every value the class gives it
 * is one (Megagig's `private readonly escalationRules = [{ … }, { … }]`), or an empty `[]`,
 * `new Map()` or `new Set()` that only the constructor fills, once per element of fixed lists
 * (TicketToken's rate limiters, `this.limiters.set(service, …)` for each entry of `RATE_LIMITS`,
 * from `initializeLimiters()`, which only the constructor calls). A member the file reads off
 * another object, hands to a call, or fills elsewhere may hold anything.
 */
function isFixedMember(file: FileContext, member: TSESTree.MemberExpression, depth: number): boolean {
  const name = getStaticPropertyName(member);
  const classNode = getThisClass(member);
  if (name === undefined || !classNode) return false;
  const values = getThisMemberSources(file, member, name).filter((source) => source.kind === "expression");
  if (values.length === 0) return false;
  let filledEmpty = false;
  for (const { node } of values) {
    if (isEmptyCollection(node)) filledEmpty = true;
    else if (!isFixedCollection(file, node, depth + 1)) return false;
  }
  let fills = 0;
  for (const use of getPropertyUses(file, name)) {
    if (use.type !== AST_NODE_TYPES.MemberExpression || use.object.type !== AST_NODE_TYPES.ThisExpression || getThisClass(use) !== classNode) return false;
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use)) return false;
    const method = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use ? getStaticPropertyName(parent) : undefined;
    if (method === undefined || !MEMBER_FILLING_METHODS.includes(method)) continue;
    const fill = parent.parent;
    if (!filledEmpty || fill?.type !== AST_NODE_TYPES.CallExpression || !runsOncePerConstruction(file, fill, depth)) return false;
    fills++;
  }
  // An empty collection the file never fills is filled where the file does not show (PluginRegistry's `providers`).
  return !filledEmpty || fills > 0;
}

/** What adds to a Map, a Set or an array (the knowledge base's store methods), and `splice`, which may insert. */
const MEMBER_FILLING_METHODS: readonly string[] = [...COLLECTION_STORE_METHODS, "splice"];

/** `[]`, `new Map()`, `new Set()`: a collection made empty. */
function isEmptyCollection(node: TSESTree.Node): boolean {
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.length === 0;
  return inner.type === AST_NODE_TYPES.NewExpression && inner.arguments.length === 0 && inner.callee.type === AST_NODE_TYPES.Identifier && Object.hasOwn(UNBOUNDED_CONSTRUCTORS, inner.callee.name);
}

/** `call` runs in the constructor, or in a method only the constructor calls, once or once per element of fixed lists. */
function runsOncePerConstruction(file: FileContext, call: TSESTree.CallExpression, depth: number): boolean {
  // The method, through the callbacks of fixed lists' methods (`states.forEach((s) => this.jurisdictions.set(s.code, s))`).
  let fn = getEnclosingFunction(call);
  while (fn && fn.parent?.type !== AST_NODE_TYPES.MethodDefinition) fn = getEnclosingFunction(fn);
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement || !runsOncePerFixedElement(file, call, fn.body, depth)) return false;
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) return false;
  if (method.kind === "constructor") return true;
  const name = getStaticPropertyName(method);
  const calls = method.kind === "method" && name !== undefined ? getMethodCallsOnly(file, name) : null;
  return calls !== null && calls.length > 0 && calls.every((other) => {
    const caller = getEnclosingFunction(other);
    return caller?.parent?.type === AST_NODE_TYPES.MethodDefinition && caller.parent.kind === "constructor" && !caller.parent.static && getEnclosingIterations(file, other).length === 0;
  });
}

/**
 * What the code adds to the `const` list or set of `declarator` keeps it a handful: each `push` or
 * `add` runs once, or once per element of a fixed list (goodmen-logistics' `editedConfidenceKeys`,
 * one key per field of a constant table, then `"pickup"`), or adds to a set a value written in the
 * code (a set keeps one of each). An empty `[]` filled from rows (`ids.push(row.id)` in a loop over
 * them), or handed to a function that may fill it, holds rows.
 */
function hasBoundedFills(file: FileContext, declarator: TSESTree.VariableDeclarator, depth: number): boolean {
  const variable = file.sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  if (!variable || !declarator.init) return true;
  const init = skipExpressionWrappers(declarator.init);
  const empty =
    (init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0) ||
    (init.type === AST_NODE_TYPES.ObjectExpression && init.properties.length === 0) ||
    (init.type === AST_NODE_TYPES.NewExpression && init.arguments.length === 0);
  for (const { identifier } of variable.references) {
    const parent = identifier.parent;
    // `grouped[row.userId] = …`: a key of the object per run, as a `push` is an element.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && parent.computed && isAssigned(parent)) {
      if (!isWrittenValue(parent.property) && !runsOncePerFixedElement(file, parent, declarator, depth)) return false;
    } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const method = getStaticPropertyName(parent) ?? "";
      const call = parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent || !FILLING_METHODS.includes(method)) continue;
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
      const dedupedConstant = method === "add" && call.arguments.every(isWrittenValue);
      if (!dedupedConstant && !runsOncePerFixedElement(file, call, declarator, depth)) return false;
    } else if (empty && parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Expression) && !isObjectListing(parent)) {
      return false;
    }
  }
  return true;
}

const FILLING_METHODS: readonly string[] = ["push", "unshift", "add"];

/** `Object.keys(x)`, `Object.entries(x)`: a call that lists what it is given, and changes nothing. */
export function isObjectListing(call: TSESTree.CallExpression): boolean {
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Object" && OBJECT_LISTING_FUNCTIONS.includes(getStaticPropertyName(callee) ?? "");
}

/** `member = …`, `member ??= …`, `member++`: the member is written. */
function isAssigned(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) || parent?.type === AST_NODE_TYPES.UpdateExpression;
}

/** A value written in the code: a literal, or a constant's name (`PICKUP_KEY`, `Stop.Pickup`). */
function isWrittenValue(node: TSESTree.Node): boolean {
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal) return true;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) return inner.expressions.length === 0;
  if (inner.type === AST_NODE_TYPES.Identifier) return CONSTANT_LIST_NAME.test(inner.name);
  return inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed && inner.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/u.test(inner.object.name);
}

/**
 * `call` runs once, or once per element of fixed lists, between the declaration of its collection
 * and itself: no other loop, and no function but the callback of a fixed list's method.
 */
function runsOncePerFixedElement(file: FileContext, call: TSESTree.Node, declarator: TSESTree.Node, depth: number): boolean {
  for (let node: TSESTree.Node = call; node.parent && !within(declarator, node.parent); node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) {
      if (node === parent.body && !isFixedCollection(file, parent.right, depth + 1)) return false;
    } else if (isLoop(parent) && node === (parent as { body?: TSESTree.Node }).body) {
      return false;
    } else if (isFunctionNode(node)) {
      const callee = parent.type === AST_NODE_TYPES.CallExpression ? skipExpressionWrappers(parent.callee) : undefined;
      if (callee?.type !== AST_NODE_TYPES.MemberExpression || !isFixedCollection(file, callee.object, depth + 1)) return false;
    }
  }
  return true;
}

/** `fn` returns a value, and each value it returns passes `isFixed`. */
function returnsFixed(file: FileContext, fn: FunctionNode, isFixed: (value: TSESTree.Node) => boolean): boolean {
  // A generator's elements are what it yields, not what it returns.
  if (fn.generator) return false;
  const values = getReturnedValues(file, fn);
  return values.length > 0 && values.every(isFixed);
}

/** What `fn` returns: its expression body, or the value of each of its own `return`s; none when one returns nothing. */
function getReturnedValues(file: FileContext, fn: FunctionNode): readonly TSESTree.Node[] {
  return memoize(file, "returned-values", fn, () => {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
    const values: TSESTree.Node[] = [];
    let bare = false;
    forEachOwnNode(file.sourceCode.visitorKeys, fn.body, (node) => {
      if (node.type !== AST_NODE_TYPES.ReturnStatement) return;
      if (node.argument) values.push(node.argument);
      else bare = true;
    });
    return bare ? [] : values;
  });
}

/** The value of the property `name` of an object literal, written `name: value` or `name`. */
function getObjectProperty(raw: TSESTree.Node, name: string): TSESTree.Node | undefined {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && getStaticPropertyName(property) === name) return property.value;
  }
  return undefined;
}

/**
 * A value a module of constants exports, or a part of one: MuhammadShahidRajpoot's blood-donation
 * centre seeds each tenant with `emailTemplates.email_templates` of
 * `import emailTemplates from "src/…/constants/email-templates-data"`. Not what calling it returns.
 */
function isFromConstantsModule(file: FileContext, node: TSESTree.Node): boolean {
  const origin = getImportPath(file, node);
  return origin?.module != null && !origin.path.includes("()") && CONSTANTS_MODULE.test(origin.module);
}

/** The list `identifier` takes its elements from, when a `for…of` declares it (`seed` of `for (const seed of VIEW_SEEDS)`). */
function getLoopList(file: FileContext, identifier: TSESTree.Identifier): TSESTree.Expression | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier);
  return variable ? getForOfList(variable) : null;
}

/**
 * A string of the configuration: `process.env.ADMIN_EMAILS`, a member named as a constant
 * (`env.SUPER_ADMIN_EMAILS`, `config.ALLOWED_ORIGINS`), a literal, `?? ""` of one, or a `const`
 * holding one. Not a parameter: a string the caller gives splits into as many items as it holds.
 */
function isConfigurationString(file: FileContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > 4) return false;
  const inner = skipExpressionWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === "string";
    case AST_NODE_TYPES.MemberExpression:
      return isEnvironmentRead(inner) || (!inner.computed && CONSTANT_LIST_NAME.test(getStaticPropertyName(inner) ?? ""));
    case AST_NODE_TYPES.LogicalExpression:
      return isConfigurationString(file, inner.left, depth + 1) && isConfigurationString(file, inner.right, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const declarator = getConstDeclarator(inner);
      return declarator?.init ? isConfigurationString(file, declarator.init, depth + 1) : false;
    }
    default:
      return false;
  }
}

/** `code` of `resolve(code: string)`: a parameter declared a string. */
function isStringParameter(file: FileContext, identifier: TSESTree.Identifier): boolean {
  const def = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier)?.defs[0];
  return def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword;
}

/** The `const x = …` declarator of an identifier, found syntactically in its declaring scope. */
function getConstDeclarator(identifier: TSESTree.Identifier): TSESTree.VariableDeclarator | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    const body =
      node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.BlockStatement ? node.body : undefined;
    for (const statement of body ?? []) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== "const") continue;
      const found = declaration.declarations.find(
        (d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === identifier.name,
      );
      if (found) return found;
    }
  }
  return undefined;
}

/** A list of chunks: built by a chunking call (`_.chunk(ids, 100)`), or named as one (`idBatches`, `this.chunks`). */
function isChunkedCollection(file: FileContext, node: TSESTree.Node): boolean {
  const inner = skipExpressionWrappers(node);
  const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : inner.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(inner) : undefined;
  if ((name !== undefined && CHUNK_COLLECTION.test(name)) || isChunkingCall(inner)) return true;
  // cosmo's `const arrayOfValues = createBatches(values, 1000)`: a `const` made by a chunking call.
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(inner), inner);
  const init = variable ? getConstantInit(variable) : null;
  return init !== null && isChunkingCall(init);
}

function isChunkingCall(node: TSESTree.Node): boolean {
  const inner = skipExpressionWrappers(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = getCalleeName(inner);
  return name !== undefined && CHUNK_FUNCTION.test(name);
}

// --- concurrency helpers ------------------------------------------------------------------------

function getHelperIteration(file: FileContext, call: TSESTree.CallExpression): HelperIteration | null {
  const callee = skipExpressionWrappers(call.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
  if (root.type !== AST_NODE_TYPES.Identifier || (root.name !== "Promise" && !getHelperBindingNames(file).has(root.name))) return null;
  return memoize(file, "helper-iteration", call, () => {
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const origin = getImportOrigin(file, callee);
      return origin ? (HELPER_MODULES[origin.module]?.[origin.name] ?? null) : null;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return null;
    const method = getStaticPropertyName(callee);
    if (method === undefined) return null;
    const origin = getImportOrigin(file, callee.object);
    if (origin) return HELPER_MODULES[origin.module]?.[`${origin.name}.${method}`] ?? null;
    const isGlobalPromise = callee.object.name === "Promise" && !ASTUtils.findVariable(file.sourceCode.getScope(callee.object), callee.object)?.defs.length;
    return isGlobalPromise ? (GLOBAL_PROMISE_HELPERS[method] ?? null) : null;
  });
}

/** Local names the file imports or requires from a concurrency helper module (a cheap guard). */
function getHelperBindingNames(file: FileContext): ReadonlySet<string> {
  const program = file.sourceCode.ast;
  return memoize(file, "helper-binding-names", program, () => {
    const names = new Set<string>();
    const collect = (pattern: TSESTree.Node): void => {
      const found: TSESTree.Identifier[] = [];
      collectPatternIdentifiers(pattern, found);
      for (const identifier of found) names.add(identifier.name);
    };
    for (const statement of program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration && HELPER_MODULES[statement.source.value]) {
        for (const specifier of statement.specifiers) names.add(specifier.local.name);
      } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          const required = declarator.init ? getRequiredModule(skipExpressionWrappers(declarator.init)) : undefined;
          if (required !== undefined && HELPER_MODULES[required]) collect(declarator.id);
        }
      }
    }
    return names;
  });
}

/** `Promise.map` where `Promise` is bluebird's: the array method test must not claim it. */
function isHelperReceiver(file: FileContext, receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  if (receiver.name === "Promise") return true;
  if (!getHelperBindingNames(file).has(receiver.name)) return false;
  const origin = getImportOrigin(file, receiver);
  return origin !== null && HELPER_MODULES[origin.module] !== undefined;
}

/** Where an identifier is imported or required from: module specifier and export name. */
function getImportOrigin(file: FileContext, identifier: TSESTree.Identifier): { module: string; name: string } | null {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (!def) return null;
  if (def.type === DefinitionType.ImportBinding && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const specifier = def.node;
    const name =
      specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
        ? "default"
        : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
          ? "*"
          : specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value
            : "";
    return { module: def.parent.source.value, name };
  }
  if (def.type === DefinitionType.Variable && def.node.init) {
    const required = getRequiredModule(skipExpressionWrappers(def.node.init));
    if (required === undefined) return null;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return { module: required, name: "*" };
    const property = def.name.parent;
    if (property?.type === AST_NODE_TYPES.Property) return { module: required, name: getStaticPropertyName(property) ?? "" };
  }
  return null;
}

// --- awaits ------------------------------------------------------------------------------------

/** The ranges of `await`s (and `for await`) in `root`, not counting nested functions. */
function getAwaits(file: FileContext, root: TSESTree.Node): readonly TSESTree.Range[] {
  return memoize(file, "awaits", root, () => {
    const ranges: TSESTree.Range[] = [];
    forEachOwnNode(file.sourceCode.visitorKeys, root, (node) => {
      if (node.type === AST_NODE_TYPES.AwaitExpression) ranges.push([node.argument.range[1], node.argument.range[1]]);
      if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ranges.push([node.range[0], node.range[0]]);
    });
    return ranges;
  });
}

// --- dependence ----------------------------------------------------------------------------------

/** `collection.slice(0, end)`: the elements from the head of the list on. */
function isPrefixOf(file: FileContext, call: TSESTree.CallExpression, collection: TSESTree.Node): boolean {
  const start = call.arguments[0];
  return (
    getCalledMethodName(call) === "slice" &&
    start?.type === AST_NODE_TYPES.Literal &&
    start.value === 0 &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    isSameExpression(file, call.callee.object, collection)
  );
}

/** The dependence walk of `dependsOn`: `seen` breaks cycles between derived variables. */
function dependsOnWalk(file: FileContext, root: TSESTree.Node, scope: DependenceScope): boolean {
  const seen = new Set<Scope.Variable>();

  const expression = (node: TSESTree.Node): boolean => {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const found = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
        return found !== null && variable(found);
      }
      case AST_NODE_TYPES.MemberExpression:
        return expression(node.object) || (node.computed && expression(node.property));
      case AST_NODE_TYPES.CallExpression:
        // teable's cumulative group-by: one aggregation per level over `groupBy.slice(0, i + 1)`, not per element.
        if (scope.collection && isPrefixOf(file, node, scope.collection)) return false;
        break;
      case AST_NODE_TYPES.Property:
        return (node.computed && expression(node.key)) || expression(node.value);
      case AST_NODE_TYPES.PrivateIdentifier:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Super:
        return false;
      default:
        break;
    }
    if (node.type.startsWith("TS")) {
      const inner = (node as { expression?: TSESTree.Node }).expression;
      return inner !== undefined && expression(inner);
    }
    for (const key of file.sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item) && expression(item)) return true;
      } else if (isNode(value) && expression(value)) return true;
    }
    return false;
  };

  const variable = (candidate: Scope.Variable): boolean => {
    if (scope.items.has(candidate)) return true;
    if (seen.has(candidate)) return false;
    seen.add(candidate);
    const body = scope.body;
    for (const def of candidate.defs) {
      if (!within(def.name, body)) continue;
      if (def.type === DefinitionType.Variable) {
        if (def.node.init && expression(def.node.init)) return true;
        const loop = def.parent?.parent;
        if ((loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === def.parent) {
          if (expression(loop.right)) return true;
        }
      } else if (def.type === DefinitionType.Parameter && isFunctionNode(def.node)) {
        const iteration = getIterationOfFunction(file, def.node);
        if (iteration?.items.has(candidate) && expression(iteration.collection)) return true;
      }
    }
    for (const reference of candidate.references) {
      const written = reference.writeExpr;
      const isInitializer = candidate.defs.some((def) => def.type === DefinitionType.Variable && def.node === written?.parent);
      if (written && within(reference.identifier, body) && !isInitializer && expression(written)) return true;
    }
    return false;
  };

  return expression(root);
}
