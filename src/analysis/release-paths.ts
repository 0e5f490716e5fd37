import type { TSESTree } from "@typescript-eslint/utils";
import type { SourceCode } from "@typescript-eslint/utils/ts-eslint";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { LOGGING_FUNCTION_NAME, NON_FAILING_CALL_ROOTS, NON_FAILING_METHODS, TIMER_CLEAR_FUNCTIONS } from "../knowledge/builtins.js";
import { PROMISE_CHAIN_METHODS } from "../knowledge/promises.js";
import { contains, getStaticPropertyName, isFalsyLiteral, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { opensTransaction } from "./transaction.js";

/**
 * Is the release of a resource guaranteed on every path out of a function, including throws?
 * A structural walk over the function body (try/catch/finally, branches, loops, switch, early
 * exits) that tracks whether the resource may still be held. A throw may happen at any `await`
 * and any call, except calls on the resource itself that are not awaited (`session.startTransaction()`),
 * the library's setup calls (`await queryRunner.connect()`) and logging.
 */
export interface ReleaseQuestions {
  /** The checkout call: after the statement that contains it, the resource is held. */
  readonly checkout: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `call` gives the resource back (`client.release()`, `pool.release(resource)`). */
  isRelease(call: TSESTree.CallExpression): boolean;
  /** `node` reads the variable that holds the resource. */
  isResource(node: TSESTree.Node): boolean;
  /** `name` is a setup method of the resource, called before the `try` in documented patterns. */
  isSetup(name: string): boolean;
  /** The resource takes its connection at its first use, not at the checkout (TypeORM's query runner). */
  readonly connectsOnFirstUse?: boolean;
  /** Methods that keep such a resource for the queries they run later (`builder.setQueryRunner(runner)`). */
  readonly keptBy?: readonly string[];
  /** `call` sends a query: once the resource is kept by another object, any query may be the one that connects it. */
  isQuery?(call: TSESTree.CallExpression): boolean;
  /** `test` is the condition the checkout itself ran under (`if (owned) runner = ds.createQueryRunner()`). */
  isCheckoutCondition?(test: TSESTree.Expression): boolean;
}

/**
 * - `never`: no release call at all in the function;
 * - `catch-only`: released only in `catch`, so the successful path keeps it;
 * - `early-exit`: a `return` or `throw` leaves while it is held;
 * - `conditional`: the function can finish normally while it is held;
 * - `happy-path`: released, but a throw before the release skips it;
 * - `before-try`: the same, where the throw comes before the `try` that holds every release;
 * - `skipped-in-catch`: the same, where the throw is in a `catch` that releases after it
 *   (`catch (e) { await session.abortTransaction(); session.endSession(); }`: the abort throws after
 *   a failed commit, as jainil15's hotel-management-api controllers have it 38 times).
 */
export interface ReleaseLeak {
  readonly shape: "never" | "catch-only" | "early-exit" | "conditional" | "happy-path" | "before-try" | "skipped-in-catch";
  /** The `return`/`throw` of an early exit, or the first expression that may throw. */
  readonly exit: TSESTree.Node | null;
  /** The direct release calls of the function (not in nested functions). */
  readonly releases: readonly TSESTree.CallExpression[];
}

const FREE = 1;
const HELD = 2;
/** Checked out but not yet connected (`connectsOnFirstUse`): nothing to leak until its first use. */
const UNUSED = 4;

type ExitKind = "implicit" | "return" | "throw" | "end" | "conditional";

interface Handler {
  phase: "try" | "catch";
  readonly hasCatch: boolean;
  catchEntry: number;
  /** `all`: the `finally` releases on every path through it; `some`: only on some (`if (done) x.release()`). */
  readonly finallyReleases: "all" | "some" | "none";
  readonly finalizer: TSESTree.BlockStatement | null;
}

/** Where `break`/`continue` go: a loop, a `switch`, or a labelled block; `states` collects what arrives. */
interface JumpTarget {
  states: number;
  readonly depth: number;
  readonly kind: "loop" | "switch" | "block";
  readonly labels: readonly string[];
}

interface Walk {
  readonly q: ReleaseQuestions;
  /** The function body being walked. */
  readonly body: TSESTree.BlockStatement;
  readonly keys: SourceCode.VisitorKeys;
  readonly handlers: Handler[];
  readonly jumps: JumpTarget[];
  readonly leaks: { kind: ExitKind; node: TSESTree.Node }[];
  /** Labels of the labelled statement being entered, for the loop or `switch` it labels. */
  readonly labels: string[];
  /** A resource that connects on first use was handed to a method that keeps it (`keptBy`). */
  kept: boolean;
  /** Names of the variables the body gives to `clearTimeout`/`clearInterval`, collected on first need. */
  clearedTimers?: ReadonlySet<string>;
}

/** Calls that do not fail in practice: logging, metrics, tracing and clocks. */
const NON_FAILING = new RegExp(`^(?:${NON_FAILING_CALL_ROOTS.join("|")})$`, "iu");

/** How the release of the resource checked out in `body` can be skipped, or null when it is guaranteed. */
export function findReleaseLeak(body: TSESTree.BlockStatement, q: ReleaseQuestions, keys: SourceCode.VisitorKeys): ReleaseLeak | null {
  const releases = collectReleases(body, q, keys);
  if (releases.length === 0) return { shape: "never", exit: null, releases };
  const walk: Walk = { q, body, keys, handlers: [], jumps: [], leaks: [], labels: [], kept: false };
  const last = body.body.at(-1);
  const out = walkList(walk, last?.type === AST_NODE_TYPES.ReturnStatement ? body.body.slice(0, -1) : body.body, FREE);
  const end = last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? scan(walk, last.argument, out) : out;
  if (end & HELD) walk.leaks.push({ kind: "end", node: last ?? body });
  if (walk.leaks.length === 0) return null;
  if (releases.every((call) => isInCatch(call, body))) return { shape: "catch-only", exit: null, releases };
  const explicit = walk.leaks.find((leak) => leak.kind === "return" || leak.kind === "throw");
  const fallsThrough = walk.leaks.find((leak) => leak.kind === "end" || leak.kind === "conditional");
  const skipped = getSkippedReleaseOutOfScope(walk, releases, (explicit ?? fallsThrough)?.node);
  if (skipped) return { shape: "skipped-in-catch", exit: skipped, releases };
  if (explicit) return { shape: "early-exit", exit: explicit.node, releases };
  if (fallsThrough) return { shape: "conditional", exit: fallsThrough.node, releases };
  const first = walk.leaks[0]?.node ?? null;
  if (first && isBeforeReleaseInCatch(first, releases, body)) return { shape: "skipped-in-catch", exit: first, releases };
  return { shape: first && isBeforeTryOfReleases(first, releases) ? "before-try" : "happy-path", exit: first, releases };
}

/**
 * A leak found where the resource's variable is out of scope (`const client` declared in a loop's
 * `try`, and a `throw` after the loop) happened before: a call in a `catch` that throws before the
 * release there, swallowed by an outer `catch` (TicketToken's rate limiter: `await
 * client.query("ROLLBACK")`, then `client.release()`, in a loop that retries). That call, or null.
 */
function getSkippedReleaseOutOfScope(walk: Walk, releases: readonly TSESTree.CallExpression[], exitNode: TSESTree.Node | undefined): TSESTree.Node | null {
  let declarator: TSESTree.Node = walk.q.checkout.parent;
  if (declarator.type === AST_NODE_TYPES.AwaitExpression) declarator = declarator.parent;
  const scope = declarator.type === AST_NODE_TYPES.VariableDeclarator ? declarator.parent.parent : undefined;
  if (!exitNode || scope?.type !== AST_NODE_TYPES.BlockStatement || contains(scope, exitNode)) return null;
  for (const release of releases) {
    let statement: TSESTree.Node = release;
    while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement) statement = statement.parent;
    const block = statement.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement || block.parent.type !== AST_NODE_TYPES.CatchClause) continue;
    for (const before of block.body.slice(0, block.body.indexOf(statement as TSESTree.Statement))) {
      const expression = before.type === AST_NODE_TYPES.ExpressionStatement ? before.expression : undefined;
      if (expression && (expression.type === AST_NODE_TYPES.AwaitExpression || expression.type === AST_NODE_TYPES.CallExpression) && mayThrow(walk, expression)) return expression;
    }
  }
  return null;
}

/** `node` runs before the `try` that holds every release (deligo's payouts: `new Types.ObjectId(currentUser._id)` between `startSession()` and the `try` whose `finally` ends it). */
function isBeforeTryOfReleases(node: TSESTree.Node, releases: readonly TSESTree.CallExpression[]): boolean {
  for (let current = releases[0]?.parent; current; current = current.parent) {
    const statement = current;
    if (statement.type === AST_NODE_TYPES.TryStatement && releases.every((release) => contains(statement, release))) return node.range[1] <= statement.range[0];
  }
  return false;
}

/** `return` or `throw` of an early exit; the call that throws before a release in `catch` (`session.abortTransaction()`, also with `.catch(onAbortFailed)`) or before the `try` (`new Types.ObjectId()`). */
export function describeExit(sourceCode: Readonly<{ getText(node: TSESTree.Node): string }>, node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) return node.type === AST_NODE_TYPES.ThrowStatement ? "throw" : "return";
  let call = skipExpressionWrappers(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  while (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.object.type === AST_NODE_TYPES.CallExpression && PROMISE_CHAIN_METHODS.includes(getStaticPropertyName(call.callee) ?? "")) call = call.callee.object;
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return "a call";
  const text = sourceCode.getText(call.callee);
  if (text.length > 40 || text.includes("\n")) return "a call";
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${text}()` : `${text}()`;
}

/** `node` is in a `catch` of `body` that holds a release after it. */
function isBeforeReleaseInCatch(node: TSESTree.Node, releases: readonly TSESTree.CallExpression[], body: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    const handler = current;
    if (handler.type === AST_NODE_TYPES.CatchClause) return releases.some((release) => contains(handler, release) && release.range[0] > node.range[1]);
  }
  return false;
}

function walkList(walk: Walk, statements: readonly TSESTree.Node[], state: number): number {
  let s = state;
  for (const statement of statements) s = walkStatement(walk, statement, s);
  return s;
}

function walkStatement(walk: Walk, node: TSESTree.Node, s: number): number {
  if (s === 0) return 0;
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return walkList(walk, node.body, s);
    case AST_NODE_TYPES.ExpressionStatement:
      return scan(walk, node.expression, s);
    case AST_NODE_TYPES.VariableDeclaration:
      return node.declarations.reduce((state, declarator) => (declarator.init ? scan(walk, declarator.init, state) : state), s);
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement: {
      const after = node.argument ? scan(walk, node.argument, s) : s;
      exit(walk, node.type === AST_NODE_TYPES.ReturnStatement ? "return" : "throw", after, node);
      return 0;
    }
    case AST_NODE_TYPES.IfStatement:
      return walkIf(walk, node, scan(walk, node.test, s));
    case AST_NODE_TYPES.TryStatement:
      return walkTry(walk, node, s);
    case AST_NODE_TYPES.ForStatement: {
      let before = !node.init ? s : node.init.type === AST_NODE_TYPES.VariableDeclaration ? walkStatement(walk, node.init, s) : scan(walk, node.init, s);
      if (node.test) before = scan(walk, node.test, before);
      return walkLoop(walk, node.body, before, node.update, node.test === null);
    }
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement: {
      const before = scan(walk, node.right, s);
      if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) exit(walk, "implicit", before, node);
      return walkLoop(walk, node.body, before, null, false);
    }
    case AST_NODE_TYPES.WhileStatement:
      return walkLoop(walk, node.body, scan(walk, node.test, s), null, isTrue(node.test));
    case AST_NODE_TYPES.DoWhileStatement:
      return walkLoop(walk, node.body, s, node.test, isTrue(node.test));
    case AST_NODE_TYPES.SwitchStatement:
      return walkSwitch(walk, node, scan(walk, node.discriminant, s));
    case AST_NODE_TYPES.LabeledStatement: {
      const label = node.label.name;
      if (!LOOPS_AND_SWITCH.has(node.body.type)) return walkJumpTarget(walk, "block", () => walkStatement(walk, node.body, s), [label]);
      walk.labels.push(label);
      const out = walkStatement(walk, node.body, s);
      walk.labels.length = 0;
      return out;
    }
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement: {
      // `continue retry` goes to its own loop; a plain `break` to the innermost loop or switch.
      const label = node.label?.name;
      const target = walk.jumps.findLast((jump) =>
        label !== undefined ? jump.labels.includes(label) : jump.kind === "loop" || (jump.kind === "switch" && node.type === AST_NODE_TYPES.BreakStatement),
      );
      if (target) target.states |= throughFinally(walk, s, target.depth);
      return 0;
    }
    default:
      return s;
  }
}

function walkIf(walk: Walk, node: TSESTree.IfStatement, s: number): number {
  // `if (!client) throw …`: the resource is absent on that branch, there is nothing to release.
  const test = getResourceTest(walk, node.test);
  const consequent = walkStatement(walk, node.consequent, test === "absent" ? FREE : s);
  const alternate = node.alternate ? walkStatement(walk, node.alternate, test === "present" ? FREE : s) : test === "present" ? FREE : s;
  return consequent | alternate;
}

function walkTry(walk: Walk, node: TSESTree.TryStatement, s: number): number {
  const finallyReleases = node.finalizer ? getFinallyReleases(walk, node.finalizer) : "none";
  const handler: Handler = { phase: "try", hasCatch: node.handler !== null, catchEntry: 0, finallyReleases, finalizer: node.finalizer };
  walk.handlers.push(handler);
  let out = walkStatement(walk, node.block, s);
  if (node.handler) {
    handler.phase = "catch";
    out |= walkStatement(walk, node.handler.body, handler.catchEntry);
  }
  walk.handlers.pop();
  if (finallyReleases === "all" && out & HELD) return (out & ~HELD) | FREE;
  if (finallyReleases === "some" && out & HELD) walk.leaks.push({ kind: "conditional", node: node.finalizer! });
  return finallyReleases === "some" ? (out & ~HELD) | FREE : out;
}

/** Whether a `finally` block releases a held resource on every path through it (a test of the resource itself, `if (client)`, is not a condition). */
function getFinallyReleases(walk: Walk, finalizer: TSESTree.BlockStatement): Handler["finallyReleases"] {
  if (collectReleases(finalizer, walk.q, walk.keys).length === 0) return "none";
  const inner: Walk = { ...walk, handlers: [], jumps: [], leaks: [], labels: [] };
  return walkStatement(inner, finalizer, HELD) & HELD ? "some" : "all";
}

/** A loop runs its body zero or more times; `while (true)` leaves only through `break` (or an exit). */
function walkLoop(walk: Walk, body: TSESTree.Statement, s: number, after: TSESTree.Expression | null, endless: boolean): number {
  return walkJumpTarget(walk, "loop", () => {
    const out = walkStatement(walk, body, s);
    if (endless) return 0;
    return s | (after && out ? scan(walk, after, out) : out);
  });
}

function isTrue(test: TSESTree.Expression): boolean {
  return test.type === AST_NODE_TYPES.Literal && test.value === true;
}

function walkSwitch(walk: Walk, node: TSESTree.SwitchStatement, s: number): number {
  return walkJumpTarget(walk, "switch", () => {
    let previous = 0;
    for (const branch of node.cases) {
      const entry = branch.test ? scan(walk, branch.test, s) | previous : s | previous;
      previous = walkList(walk, branch.consequent, entry);
    }
    return previous | (node.cases.some((branch) => branch.test === null) ? 0 : s);
  });
}

const LOOPS_AND_SWITCH = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.SwitchStatement,
]);

function walkJumpTarget(walk: Walk, kind: JumpTarget["kind"], body: () => number, labels: readonly string[] = walk.labels.splice(0)): number {
  const target: JumpTarget = { states: 0, depth: walk.handlers.length, kind, labels };
  walk.jumps.push(target);
  const out = body();
  walk.jumps.pop();
  return out | target.states;
}

/** A path leaves: through the enclosing `catch` and `finally` blocks, or out of the function. */
function exit(walk: Walk, kind: ExitKind, state: number, node: TSESTree.Node): void {
  let s = state;
  for (let index = walk.handlers.length - 1; index >= 0; index--) {
    const handler = walk.handlers[index]!;
    if (kind !== "return" && handler.phase === "try" && handler.hasCatch) {
      handler.catchEntry |= s;
      return;
    }
    if (handler.finallyReleases !== "none" && s & HELD) {
      // A conditional release in `finally` is the cause, not this exit: report it once, as conditional.
      if (handler.finallyReleases === "some") {
        walk.leaks.push({ kind: "conditional", node: handler.finalizer ?? node });
        return;
      }
      s = (s & ~HELD) | FREE;
    }
  }
  if (s & HELD) walk.leaks.push({ kind, node });
}

function throughFinally(walk: Walk, state: number, depth: number): number {
  let s = state;
  for (let index = walk.handlers.length - 1; index >= depth; index--) {
    if (walk.handlers[index]!.finallyReleases !== "none" && s & HELD) s = (s & ~HELD) | FREE;
  }
  return s;
}

/** Evaluates an expression: the checkout holds the resource, a release frees it, a call or `await` may throw. */
function scan(walk: Walk, node: TSESTree.Node, s: number): number {
  let checkout = false;
  let release = false;
  let used = false;
  let throwPoint: TSESTree.Node | null = null;
  visit(node, walk.keys, (child) => {
    if (child === walk.q.checkout) checkout = true;
    else if (child.type === AST_NODE_TYPES.CallExpression && walk.q.isRelease(child)) release = true;
    // A call's arguments and callee run before it: the innermost that may throw is the first to (`formatDate()` of `dates.push(formatDate(d))`).
    else if ((!throwPoint || contains(throwPoint, child)) && mayThrow(walk, child)) throwPoint = child;
    if (s & UNUSED && !used) used = walk.q.isResource(child) ? mentionConnects(walk, child) : walk.kept && child.type === AST_NODE_TYPES.CallExpression && walk.q.isQuery?.(child) === true;
  });
  if (checkout) return release ? FREE : walk.q.connectsOnFirstUse === true ? UNUSED : HELD;
  if (release) return FREE;
  // The first use connects: from there on, a throw leaves the connection held.
  const state = used ? (s & ~UNUSED) | HELD : s;
  if (throwPoint) exit(walk, "implicit", state, throwPoint);
  return state;
}

/**
 * A mention of a resource that connects on first use may connect it, except a test of whether it
 * is there (`if (runner)`, `!runner`, `runner == null`) and handing it to a method that keeps it for
 * later (`keptBy`): from then on, any query may run through it.
 */
function mentionConnects(walk: Walk, node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== "!" && parent.operator !== "typeof";
    case AST_NODE_TYPES.BinaryExpression:
      return !EQUALITY_OPERATORS.has(parent.operator);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipExpressionWrappers(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
      if (method === undefined || !parent.arguments.includes(node as TSESTree.Expression) || walk.q.keptBy?.includes(method) !== true) return true;
      walk.kept = true;
      return false;
    }
    default:
      return true;
  }
}

const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(["==", "!=", "===", "!=="]);

function mayThrow(walk: Walk, node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression: {
      const argument = skipExpressionWrappers(node.argument);
      if (argument === walk.q.checkout) return false;
      if (argument.type !== AST_NODE_TYPES.CallExpression) return true;
      return !walk.q.isRelease(argument) && !isSetupCall(walk, argument) && !isSwallowedRejection(walk, argument);
    }
    case AST_NODE_TYPES.CallExpression: {
      if (node === walk.q.checkout || node.parent.type === AST_NODE_TYPES.AwaitExpression) return false;
      const callee = skipExpressionWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return !NON_FAILING.test(callee.name) && !LOGGING_FUNCTION_NAME.test(callee.name) && !isTimerCreation(walk, node);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
      const method = getStaticPropertyName(callee) ?? "";
      if (LOGGING_FUNCTION_NAME.test(method) || NON_FAILING_METHODS.includes(method)) return false;
      // `pgClient.query("SET …").catch(log)` (graphile's pg adaptor): attaching a handler to a call's promise throws nothing; the call is judged on its own.
      if (skipExpressionWrappers(callee.object).type === AST_NODE_TYPES.CallExpression && PROMISE_CHAIN_METHODS.includes(method)) return false;
      // The root of a chain of members and calls: `metrics` in `metrics.getHistogram("ms").record(ms)`.
      let root: TSESTree.Node = callee.object;
      while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression || isCurrentDate(root)) root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee;
      if (walk.q.isResource(skipExpressionWrappers(callee.object))) return false;
      // `this.logger.info(…)`, `server.logger.error(…)` (a hapi server's pino), `request.log.warn(…)` (Fastify's request logger).
      return !(root.type === AST_NODE_TYPES.Identifier && NON_FAILING.test(root.name)) && !(callee.object.type === AST_NODE_TYPES.MemberExpression && !callee.object.computed && callee.object.property.type === AST_NODE_TYPES.Identifier && NON_FAILING.test(callee.object.property.name));
    }
    case AST_NODE_TYPES.NewExpression:
      // `new Date(value)` never throws: an invalid date is a value (rht-hotel's `new Date(header.check_out)`); its `toISOString()` throws.
      return node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "Date";
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.YieldExpression:
      return true;
    default:
      return false;
  }
}

/**
 * `new Date()`: the current time, always valid (t-taxi-platform's `new Date().toISOString()` between
 * a checkout and its `try`). `new Date(value)` may be invalid, and its `toISOString()` throws.
 */
function isCurrentDate(node: TSESTree.Node): node is TSESTree.NewExpression {
  return node.type === AST_NODE_TYPES.NewExpression && node.arguments.length === 0 && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "Date";
}

/**
 * `await session.abortTransaction().catch(() => {})` (restaurant-sys's onboarding engine, in the
 * `catch` that ends the session): the awaited promise settles normally whatever the call does,
 * since its handler neither throws nor rejects. The call itself is judged on its own.
 */
function isSwallowedRejection(walk: Walk, call: TSESTree.CallExpression): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== "catch") return false;
  const handler = call.arguments[0];
  if (handler?.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler?.type !== AST_NODE_TYPES.FunctionExpression) return false;
  let fails = false;
  visit(handler.body, walk.keys, (child) => {
    fails ||= child.type === AST_NODE_TYPES.ThrowStatement || mayThrow(walk, child);
  });
  return !fails;
}

/**
 * `const timeout = timeoutGuard(message)`, the variable later given to `clearTimeout(timeout)`
 * (PostHog's plugin server, before every `try` that releases a Redis client): the call makes a
 * timer, which schedules a callback and does not fail.
 */
function isTimerCreation(walk: Walk, call: TSESTree.CallExpression): boolean {
  const declarator = call.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  walk.clearedTimers ??= collectClearedTimers(walk);
  return walk.clearedTimers.has(declarator.id.name);
}

/** One walk of the body for every candidate: the identifiers given to `clearTimeout(…)`/`clearInterval(…)`. */
function collectClearedTimers(walk: Walk): ReadonlySet<string> {
  const names = new Set<string>();
  visit(walk.body, walk.keys, (child) => {
    if (child.type !== AST_NODE_TYPES.CallExpression || child.callee.type !== AST_NODE_TYPES.Identifier || !TIMER_CLEAR_FUNCTIONS.includes(child.callee.name)) return;
    for (const argument of child.arguments) if (argument.type === AST_NODE_TYPES.Identifier) names.add(argument.name);
  });
  return names;
}

/**
 * The step that opens the transaction right after the checkout (`await queryRunner.connect()`,
 * `await conn.beginTransaction()`, `await client.query("BEGIN")`, `await startTransaction(client)`):
 * documented to sit before the `try` that gives the resource back, so not counted as a throw.
 */
function isSetupCall(walk: Walk, call: TSESTree.CallExpression): boolean {
  return opensTransaction(call, (node) => walk.q.isResource(skipExpressionWrappers(node)), (method) => walk.q.isSetup(method));
}

/** `client`, `client != null`, `!client`, `client === undefined` as an `if` test. */
function getResourceTest(walk: Walk, test: TSESTree.Expression): "present" | "absent" | null {
  const node = skipExpressionWrappers(test);
  if (walk.q.isResource(node)) return "present";
  // `if (owned) runner.release()` after `if (owned) runner = ds.createQueryRunner()`: held exactly when the test holds.
  if (walk.q.isCheckoutCondition?.(test) === true) return "present";
  // `if (!runner.isReleased)`, `if (conn.state !== "closed")`: the code checks the resource's own state before giving it back.
  if (mentionsResourceMember(walk, node)) return "present";
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === "&&") {
    return getResourceTest(walk, node.left) === "present" || getResourceTest(walk, node.right) === "present" ? "present" : null;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && walk.q.isResource(skipExpressionWrappers(node.object))) return "present";
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "!" && walk.q.isResource(skipExpressionWrappers(node.argument))) return "absent";
  // BigFootLime's transaction helper: `if (!destroyed) client.release()` in `finally`, `destroyed = true` only beside `client.release(true)`.
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "!" && node.argument.type === AST_NODE_TYPES.Identifier && isSetOnlyOnRelease(walk, node.argument.name)) return "present";
  if (node.type === AST_NODE_TYPES.BinaryExpression && EQUALITY_OPERATORS.has(node.operator)) {
    const nullish = (side: TSESTree.Node): boolean =>
      (side.type === AST_NODE_TYPES.Literal && (side.value === null || side.value === "undefined")) || (side.type === AST_NODE_TYPES.Identifier && side.name === "undefined");
    const isResource = (side: TSESTree.Node): boolean =>
      walk.q.isResource(side) || (side.type === AST_NODE_TYPES.UnaryExpression && side.operator === "typeof" && walk.q.isResource(side.argument));
    const compared = (isResource(node.left) && nullish(node.right)) || (isResource(node.right) && nullish(node.left));
    if (compared) return node.operator.startsWith("!") ? "present" : "absent";
  }
  return null;
}

/**
 * `name` is a local flag that says the resource was given back: declared falsy in the body, and
 * set (to `true`) only by a statement of a block that also releases the resource.
 */
function isSetOnlyOnRelease(walk: Walk, name: string): boolean {
  let declared = false;
  let onRelease = true;
  visit(walk.body, walk.keys, (child) => {
    if (child.type === AST_NODE_TYPES.VariableDeclarator && child.id.type === AST_NODE_TYPES.Identifier && child.id.name === name) declared = !child.init || isFalsyLiteral(child.init);
    if (child.type !== AST_NODE_TYPES.AssignmentExpression || child.left.type !== AST_NODE_TYPES.Identifier || child.left.name !== name || isFalsyLiteral(child.right)) return;
    const block = child.parent.parent;
    onRelease &&= child.parent.type === AST_NODE_TYPES.ExpressionStatement && block?.type === AST_NODE_TYPES.BlockStatement && block.body.some((statement) => collectReleases(statement, walk.q, walk.keys).length > 0);
  });
  return declared && onRelease;
}

function mentionsResourceMember(walk: Walk, test: TSESTree.Node): boolean {
  let found = false;
  visit(test, walk.keys, (child) => {
    if (child.type === AST_NODE_TYPES.MemberExpression && walk.q.isResource(skipExpressionWrappers(child.object))) found = true;
  });
  return found;
}

/** The release calls in `root`, outside nested functions. */
function collectReleases(root: TSESTree.Node, q: ReleaseQuestions, keys: SourceCode.VisitorKeys): TSESTree.CallExpression[] {
  const found: TSESTree.CallExpression[] = [];
  visit(root, keys, (child) => {
    if (child.type === AST_NODE_TYPES.CallExpression && q.isRelease(child)) found.push(child);
  });
  return found;
}

function isInCatch(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/** Pre-order walk of `root`'s subtree, not entering nested functions or classes. */
function visit(root: TSESTree.Node, keys: SourceCode.VisitorKeys, callback: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    callback(node);
    // Pushed last key first and last child first, so that they pop in source order.
    const nodeKeys = keys[node.type] ?? [];
    for (let position = nodeKeys.length - 1; position >= 0; position--) {
      const value = (node as unknown as Record<string, unknown>)[nodeKeys[position]!];
      const list = Array.isArray(value) ? (value as unknown[]) : undefined;
      for (let index = (list ? list.length : 1) - 1; index >= 0; index--) {
        const child = (list ? list[index] : value) as TSESTree.Node | null | undefined;
        if (child && typeof child.type === "string" && !isFunctionNode(child) && child.type !== AST_NODE_TYPES.ClassBody) stack.push(child);
      }
    }
  }
}
