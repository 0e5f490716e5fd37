import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FunctionNode } from "./ast.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { COLLECTION_STORE_METHODS } from "../knowledge/bounded-caches.js";
import { getCallbackParameter, getEnclosingFunction, getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getThisClass } from "./class-members.js";
import { getFileContext } from "./file-context.js";
import { getFileCollections } from "./long-lived-collection.js";

/**
 * What becomes of a value inside the function that produced it: is it used, closed, or does it
 * leave the function? Follows the value through `await`, wrappers, local variables (and their
 * aliases), object and array literals, and callbacks that run during the call (`map`, `then`).
 */
export interface ValueFate {
  /** How the value leaves the function, or null when it stays inside (the first way found). */
  readonly escape: EscapeKind | null;
  /** Every way the value leaves the function (`escape` is the first of them). */
  readonly escapes: ReadonlySet<EscapeKind>;
  /** A method is called or a property read on it, or it is called itself (not a close, setup or event method). */
  readonly used: boolean;
  /** A close method is called on it somewhere in the function (also in `finally`, or a callback), or it is declared with `using`. */
  readonly closed: boolean;
}

/**
 * - `returned`: returned, yielded or the body of an arrow function;
 * - `stored`: assigned to a member (`this.x`, `globalThis.x`, `cache[key]`) or a variable declared outside the function;
 * - `passed`: given as an argument to a function or constructor, which may keep it;
 * - `captured`: referenced by a closure that may outlive the call (a registered callback);
 * - `unknown`: some other place (spread, JSX, a default parameter): assume it escapes.
 */
export type EscapeKind = "returned" | "stored" | "passed" | "captured" | "unknown";

/** What the caller knows about the value's methods. */
export interface FateQuestions {
  /** `value.name()` closes it for good (`end`, `quit`, `$disconnect`). */
  isClose(name: string): boolean;
  /** `value.name()` only sets it up or registers a passive listener (`connect`, `on("error")`): not a use. */
  isSetup(name: string, call: TSESTree.CallExpression): boolean;
  /** `call` makes the value live on by itself (a subscriber, a listener): it escapes as `captured`. */
  keepsAlive?(name: string, call: TSESTree.CallExpression): boolean;
  /** `call` (a method call on the value) gives back the same resource: follow its result (`createClient().connect()`). */
  isAlias(call: TSESTree.CallExpression): boolean;
  /**
   * `node` (a member read or method call on the value) is a handle that keeps the value alive
   * (`client.db()`, `prisma.user`): follow it too, so that returning or storing it counts as an
   * escape. Query results and lazy queries are not handles.
   */
  isHandle?(node: TSESTree.Node): boolean;
  /** When the value is an argument that another value wraps (`drizzle(pool)`): the wrapping expression to follow instead. */
  getWrapper?(node: TSESTree.Node): TSESTree.Node | null;
  /** `call` takes the value back as an argument (`pool.release(resource)`): a close, not an escape. */
  isGiveBack?(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
}

/**
 * Callbacks that run while the function runs, so that a variable they use is still used by the
 * function: array iteration and promise reactions. (A JavaScript fact, not a library's.)
 */
const RUN_NOW_METHODS = new Set(["map", "forEach", "filter", "reduce", "reduceRight", "some", "every", "find", "findIndex", "findLast", "flatMap", "sort", "then", "catch", "finally"]);

interface State {
  readonly file: FileContext;
  readonly fn: FunctionNode;
  readonly questions: FateQuestions;
  readonly seen: Set<Scope.Variable>;
  escape: EscapeKind | null;
  escapes: Set<EscapeKind>;
  used: boolean;
  closed: boolean;
}

/** The fate of `node`, a value produced inside `fn`. */
export function getValueFate(context: AnyRuleContext, node: TSESTree.Node, fn: FunctionNode, questions: FateQuestions): ValueFate {
  const state: State = { file: getFileContext(context), fn, questions, seen: new Set(), escape: null, escapes: new Set(), used: false, closed: false };
  followValue(state, node);
  return { escape: state.escape, escapes: state.escapes, used: state.used, closed: state.closed };
}

function escapeAs(state: State, kind: EscapeKind): void {
  state.escape ??= kind;
  state.escapes.add(kind);
}

/** Follows `node` up the tree; a `handle` is a value derived from the original one (awaiting it is a use). */
function followValue(state: State, node: TSESTree.Node, handle = false): void {
  let current: TSESTree.Node = node;
  for (let steps = 0; steps < 40; steps++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
        if (handle) {
          state.used = true;
          return;
        }
        current = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return;
        current = parent;
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== current) return;
        current = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object === current) followMember(state, parent);
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === current) {
          state.used = true;
          return;
        }
        if (state.questions.isGiveBack?.(parent)) {
          state.closed = true;
          return;
        }
        const wrapper = state.questions.getWrapper?.(current);
        if (wrapper) {
          current = wrapper;
          continue;
        }
        escapeAs(state, isOuterCollectionStore(state, parent) ? "stored" : "passed");
        return;
      }
      case AST_NODE_TYPES.Property: {
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return escapeAs(state, "unknown");
        current = state.questions.getWrapper?.(current) ?? parent.parent;
        continue;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init !== current) return;
        followDeclared(state, parent);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== current) return;
        followAssigned(state, parent.left);
        return;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return escapeAs(state, "returned");
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ThrowStatement:
        return;
      default:
        return escapeAs(state, "unknown");
    }
  }
}

/** `value.name(…)`, `value.name`, `value.a.b.end()`. */
function followMember(state: State, member: TSESTree.MemberExpression): void {
  const name = getStaticPropertyName(member);
  const call = member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
  if (name !== undefined && call) {
    if (state.questions.isClose(name)) state.closed = true;
    else if (state.questions.keepsAlive?.(name, call)) escapeAs(state, "captured");
    else if (state.questions.isAlias(call)) followValue(state, call);
    // Set-up methods often give back the value itself (`createClient().on("error", log)`).
    else if (state.questions.isSetup(name, call)) followValue(state, call);
    else if (state.questions.isHandle?.(call)) followValue(state, call, true);
    else if (name === "then" && followThenCallback(state, call)) return;
    else state.used = true;
    return;
  }
  // A property read: `db.$client.end()` or `client.end.bind(client)` still closes it.
  let outer: TSESTree.MemberExpression = member;
  for (let node: TSESTree.Node = member; node.type === AST_NODE_TYPES.MemberExpression; node = node.parent) {
    const part = getStaticPropertyName(node);
    if (part !== undefined && state.questions.isClose(part)) {
      state.closed = true;
      return;
    }
    outer = node;
    if (node.parent.type !== AST_NODE_TYPES.MemberExpression || node.parent.object !== node) break;
  }
  if (state.questions.isHandle?.(member)) followValue(state, member, true);
  else if (!isPlainValueRead(outer)) state.used = true;
}

/**
 * `created.then((client) => …)`: the callback's parameter holds the value, and what the callback
 * returns is the result of `then(…)` (accounts-js's `createConnection(…).then((connection) => connection)`,
 * its `MongoClient.connect(uri).then((client) => resolve(getModule(client.db(name))))`). False
 * when the callback is not a function of one plain parameter.
 */
function followThenCallback(state: State, call: TSESTree.CallExpression): boolean {
  const variable = getCallbackParameter(state.file.sourceCode.scopeManager, call.arguments[0], 0);
  if (!variable) return false;
  const inner: State = { ...state, escape: null, escapes: new Set(), used: false, closed: false };
  followVariable(inner, variable);
  state.used ||= inner.used;
  state.closed ||= inner.closed;
  for (const kind of inner.escapes) {
    // Returned by the callback: it is the promise's value, so follow the call.
    if (kind === "returned") followValue(state, call);
    else escapeAs(state, kind);
  }
  return true;
}

/**
 * `const database = connection.database`, `if (!client.host)`, `` `${client.port}` ``: a value of
 * the client's configuration or state, read and kept as a value, uses no connection (keystone
 * makes a pg `Client` only to read the database name its config names). Anything else (a call of
 * the part read, handing it to a call that may call it) is a use.
 */
function isPlainValueRead(outer: TSESTree.MemberExpression): boolean {
  const parent = outer.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.IfStatement:
      return true;
    default:
      return false;
  }
}

/**
 * `heldLocks.set(name, client)`, `this.clients.push(client)`: a store into a Map, Set or array
 * of the module or of the object (a long-lived collection) keeps the value as an assignment to it
 * would (a leader election's advisory lock, held on its own connection until leadership ends).
 * Not a `set` of any other object (cls-hooked's `session.set("transaction", t)`).
 */
function isOuterCollectionStore(state: State, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (!COLLECTION_STORE_METHODS.includes(getStaticPropertyName(callee) ?? "")) return false;
  const receiver = state.file.sourceCode.getText(skipExpressionWrappers(callee.object));
  const owner = receiver.startsWith("this.") ? getThisClass(callee) : undefined;
  return getFileCollections(state.file).some((collection) => collection.name === receiver && collection.shape !== "object" && (owner === undefined || collection.classNode === owner));
}

function followDeclared(state: State, declarator: TSESTree.VariableDeclarator): void {
  const declaration = declarator.parent;
  if (declaration.type === AST_NODE_TYPES.VariableDeclaration && (declaration.kind === "using" || declaration.kind === "await using")) {
    state.closed = true;
    return;
  }
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
    // `const { user } = prisma`: its parts are used, and may live on.
    state.used = true;
    return;
  }
  const variable = ASTUtils.findVariable(state.file.sourceCode.getScope(declarator), declarator.id);
  if (variable) followVariable(state, variable);
}

function followAssigned(state: State, left: TSESTree.Node): void {
  if (left.type !== AST_NODE_TYPES.Identifier) return escapeAs(state, "stored");
  const variable = ASTUtils.findVariable(state.file.sourceCode.getScope(left), left);
  const def = variable?.defs[0];
  if (!variable || !def || getEnclosingFunction(def.name) !== state.fn) return escapeAs(state, "stored");
  followVariable(state, variable);
}

/** Every read of a local variable holding the value. */
function followVariable(state: State, variable: Scope.Variable): void {
  if (state.seen.has(variable)) return;
  state.seen.add(variable);
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const identifier = reference.identifier;
    const inner = getEnclosingFunction(identifier);
    if (!inner || inner === state.fn || runsDuringCall(inner, state.fn)) {
      followValue(state, identifier);
      continue;
    }
    // A closure that may run after the call: closing in it counts, anything else keeps the value alive.
    const captured: State = { ...state, seen: state.seen, escape: null, escapes: new Set(), used: false, closed: false };
    followValue(captured, identifier);
    if (captured.closed) state.closed = true;
    else escapeAs(state, "captured");
  }
}

/** Whether every function from `inner` out to `fn` is a callback that runs during the call. */
function runsDuringCall(inner: FunctionNode, fn: FunctionNode): boolean {
  for (let current: FunctionNode | null = inner; current && current !== fn; current = getEnclosingFunction(current)) {
    const parent = current.parent;
    if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.some((argument) => argument === current)) return false;
    const callee = parent.callee;
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
    if (name === undefined || !RUN_NOW_METHODS.has(name)) return false;
  }
  return true;
}
