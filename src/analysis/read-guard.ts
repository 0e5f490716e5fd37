import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { COUNTER_COMMANDS, RELATIVE_UPDATE_KEYS, ROW_UPDATE_METHODS, SET_IF_ABSENT_COMMANDS } from "../knowledge/cache.js";
import { alwaysLeaves, contains, getCalledMethodName, getSoleStatement, getStaticPropertyName, isFunctionNode, isNullish, skipExpressionWrappers } from "./ast.js";
import { getNextStatement } from "./local-calls.js";
import { memoize } from "./file-context.js";
import { getConstantInit, resolveVariable } from "./same-expression.js";

/**
 * How the result of a read (`await cache.get(k)`, `seen.has(id)`) is used:
 * - `guard`: only to decide whether the entry is there (tests of `if`, `?:`, loops), and the
 *   first `if` that tests it is `statement`; `presentIsTruthy` says the test is truthy when the
 *   entry exists (`if (hit)`) rather than when it is missing (`if (!hit)`, `hit === null`);
 * - `data`: the value itself is used (returned, parsed, compared with a variable); `statement`
 *   is still the first `if` that tests it, when there is one.
 * Null when the read is neither awaited into a variable nor tested directly.
 */
export interface ReadUse {
  readonly kind: "guard" | "data";
  readonly statement: TSESTree.IfStatement | undefined;
  readonly presentIsTruthy: boolean;
}

interface Climb {
  readonly top: TSESTree.Node;
  /** The top is truthy whenever the read says "present" (false: whenever it says "absent"). */
  readonly presentIsTruthy: boolean;
}

export function getReadUse(file: FileContext, read: TSESTree.CallExpression): ReadUse | null {
  return memoize(file, "read-guard", read, () => computeReadUse(file, read));
}

function computeReadUse(file: FileContext, read: TSESTree.CallExpression): ReadUse | null {
  const climb = climbTest(getValueNode(read), true);
  if (!climb) return { kind: "data", statement: undefined, presentIsTruthy: true };
  const parent = climb.top.parent;
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === climb.top) {
    return { kind: "guard", statement: parent, presentIsTruthy: climb.presentIsTruthy };
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== climb.top || parent.id.type !== AST_NODE_TYPES.Identifier) {
    return isTestPosition(climb.top) ? { kind: "guard", statement: undefined, presentIsTruthy: climb.presentIsTruthy } : { kind: "data", statement: undefined, presentIsTruthy: true };
  }
  const variable = resolveVariable(file, parent.id);
  if (!variable) return null;
  let kind: ReadUse["kind"] = "guard";
  let statement: TSESTree.IfStatement | undefined;
  let presentIsTruthy = true;
  for (const reference of variable.references) {
    if (reference.init || reference.isWrite()) continue;
    const use = climbTest(reference.identifier, climb.presentIsTruthy);
    const usedParent = use?.top.parent;
    if (use && usedParent?.type === AST_NODE_TYPES.IfStatement && usedParent.test === use.top) {
      if (!statement || usedParent.range[0] < statement.range[0]) {
        statement = usedParent;
        presentIsTruthy = use.presentIsTruthy;
      }
    } else if (!use || !isTestPosition(use.top)) {
      kind = "data";
    }
  }
  return { kind, statement, presentIsTruthy };
}

/** `await x.get(k)` for an awaited call, else the call itself. */
function getValueNode(read: TSESTree.CallExpression): TSESTree.Node {
  let node: TSESTree.Node = read;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || isTransparent(node.parent))) node = node.parent;
  return node;
}

function isTransparent(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.ChainExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

/**
 * Walks up from a read through the operations that only test it: `!`, `Boolean()`, `||`, and
 * comparisons with null, undefined, booleans, numbers or strings. Null at a comparison with a
 * non-literal (`count >= limit`: the value is data).
 */
function climbTest(start: TSESTree.Node, presentIsTruthy: boolean): Climb | null {
  let node = start;
  let positive = presentIsTruthy;
  for (;;) {
    const parent = node.parent;
    if (!parent) return { top: node, presentIsTruthy: positive };
    if (isTransparent(parent) || (parent.type === AST_NODE_TYPES.AwaitExpression && node === start)) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "!") {
      positive = !positive;
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === "||" && isTestPosition(getTestTop(parent))) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === "Boolean" && parent.arguments[0] === node) {
      node = parent;
    } else if (parent.type === AST_NODE_TYPES.BinaryExpression) {
      const other = parent.left === node ? parent.right : parent.left;
      const flip = comparisonFlips(parent.operator, other);
      if (flip === null) return null;
      if (flip) positive = !positive;
      node = parent;
    } else {
      return { top: node, presentIsTruthy: positive };
    }
  }
}

/** The top of a chain of `||`, `!` and parentheses above a node. */
function getTestTop(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    ((current.parent.type === AST_NODE_TYPES.LogicalExpression && current.parent.operator === "||") ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === "!"))
  ) {
    current = current.parent;
  }
  return current;
}

/** For `read <op> other`: whether the comparison is truthy when the entry is missing (true), present (false), or unknown (null). */
function comparisonFlips(operator: string, rawOther: TSESTree.Node): boolean | null {
  const other = skipExpressionWrappers(rawOther);
  const equal = operator === "===" || operator === "==";
  const notEqual = operator === "!==" || operator === "!=";
  const absentValue =
    (other.type === AST_NODE_TYPES.Literal && (other.value === null || other.value === 0 || other.value === false || other.value === "0" || other.value === "")) ||
    (other.type === AST_NODE_TYPES.Identifier && other.name === "undefined");
  const presentValue = other.type === AST_NODE_TYPES.Literal && other.value !== null && !absentValue && typeof other.value !== "object";
  if (absentValue) return equal ? true : notEqual ? false : null;
  if (presentValue) {
    if (equal) return false;
    if (notEqual) return true;
    if ((operator === ">" && other.value === 0) || (operator === ">=" && other.value === 1)) return false;
  }
  return null;
}

function isTestPosition(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node;
    default:
      return false;
  }
}

/**
 * Whether `write` runs on a path where the guarded entry was missing: inside the branch taken
 * when it is missing, or after the `if` when the branch taken when it is present always leaves
 * (`return`, `throw`, `continue`, `break`) and `write` is not in a branch exclusive with it.
 */
export function isOnMissingPath(use: ReadUse, write: TSESTree.Node): boolean {
  return isOnPath(use, write, false);
}

/**
 * `write` runs only where the entry exists: in the branch taken when it is present
 * (`if (hit) cache.set(k, update(hit))`), or after an `if` whose branch taken when it is missing
 * always leaves (`if (status !== "PENDING") return; statuses.set(k, "RESOLVED")`). It replaces an
 * entry, never adds one.
 */
export function isOnPresentPath(use: ReadUse, write: TSESTree.Node): boolean {
  return isOnPath(use, write, true);
}

/**
 * `node` runs only where `lock`, an atomic set-if-absent, took the key: `const acquired = await
 * redis.set(key + ":processing", "1", { NX: true }); if (!acquired) return;` before it, or in the
 * branch taken when it did. One call at a time gets there (6529's Sentry webhook, which checks
 * the event's mark, then takes a processing lock, then does the work and marks the event).
 */
export function isUnderTakenLock(file: FileContext, lock: TSESTree.CallExpression, node: TSESTree.Node): boolean {
  if (!SET_IF_ABSENT_COMMANDS.includes(getCalledMethodName(lock) ?? "")) return false;
  const use = getReadUse(file, lock);
  return use?.kind === "guard" && isOnPresentPath(use, node);
}

/**
 * `node` runs only in the `if` that tests what `count`, an atomic counter, returned: TicketToken's
 * payment rate limiter bans a client when `const violations = await redis.incr(key)` reaches 5.
 * No two callers get the same count, so the count, not the check before it, decides who marks.
 */
export function isUnderAtomicCount(file: FileContext, count: TSESTree.CallExpression, node: TSESTree.Node): boolean {
  if (!COUNTER_COMMANDS.includes(getCalledMethodName(count) ?? "")) return false;
  const declarator = getValueNode(count).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(file, declarator.id);
  return (variable?.references ?? []).some(({ identifier }) => {
    let test: TSESTree.Node = identifier;
    while (test.parent && test.parent.type !== AST_NODE_TYPES.IfStatement && !/(?:Statement|Declaration|Declarator)$/u.test(test.parent.type)) test = test.parent;
    const statement = test.parent;
    return statement?.type === AST_NODE_TYPES.IfStatement && statement.test === test && contains(statement, node) && !contains(test, node);
  });
}

/**
 * `write` is all that its branch of the guard does, and the `if` has no other branch. For a write
 * on the missing path (`if ((await store.get("torEnabled")) === undefined) await store.set("torEnabled", false)`,
 * umbrel's defaults at start-up), callers that both find the entry missing both write the same
 * marker, and nothing runs for one of them only: nothing is done twice. Beside the mark, the branch
 * may also set fields of rows to constants, values of the request or the current time (Aniston
 * HRMS's auth middleware touches a session's `lastActiveAt` at most every five minutes): run
 * twice, the update writes the same again.
 */
export function isWholeBranch(use: ReadUse, write: TSESTree.Node): boolean {
  const statement = use.statement;
  if (!statement || statement.alternate) return false;
  const only = getSoleStatement(statement.consequent);
  const statements = only ? [only] : statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [];
  const mark = statements.find((candidate) => getStatementCall(candidate) === write);
  return mark !== undefined && statements.every((candidate) => candidate === mark || isRepeatableUpdate(candidate));
}

/** The call a statement makes: `call()`, `await call()`, `void call()`, `call().catch(handler)`. */
function getStatementCall(statement: TSESTree.Statement): TSESTree.Node | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  let expression = skipExpressionWrappers(statement.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression || (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === "void")) expression = skipExpressionWrappers(expression.argument);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? skipExpressionWrappers(expression.callee) : undefined;
  if (callee?.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === "catch") return skipExpressionWrappers(callee.object);
  return expression;
}

/** `db.session.updateMany({ where: { id }, data: { lastActiveAt: new Date() } })`: an update a second run repeats to no effect. */
function isRepeatableUpdate(statement: TSESTree.Statement): boolean {
  const call = getStatementCall(statement);
  return call?.type === AST_NODE_TYPES.CallExpression && ROW_UPDATE_METHODS.includes(getCalledMethodName(call) ?? "") && call.arguments.some((argument) => argument.type === AST_NODE_TYPES.ObjectExpression) && call.arguments.every(isRepeatableValue);
}

/** A literal, a value read from a variable or a member, a date made of those or the clock (`new Date()`, `Date.now()`), or an object or list of those with no relative update key. */
function isRepeatableValue(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return true;
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element !== null && isRepeatableValue(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !RELATIVE_UPDATE_KEYS.includes(getStaticPropertyName(property) ?? "") && isRepeatableValue(property.value));
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "Date" && node.arguments.every(isRepeatableValue);
    case AST_NODE_TYPES.CallExpression:
      return node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.Identifier && node.callee.object.name === "Date" && node.arguments.every(isRepeatableValue);
    default:
      return false;
  }
}

/** `write` runs where the entry is present (or missing): in that branch, or after an `if` whose other branch always leaves. */
function isOnPath(use: ReadUse, write: TSESTree.Node, present: boolean): boolean {
  const statement = use.statement;
  if (!statement) return false;
  const truthyBranch = use.presentIsTruthy === present;
  const wanted = truthyBranch ? statement.consequent : statement.alternate;
  const other = truthyBranch ? statement.alternate : statement.consequent;
  if (wanted && contains(wanted, write)) return true;
  if (write.range[0] < statement.range[1] || !other || !alwaysLeaves(other)) return false;
  return !areExclusive(statement, write);
}

/** Whether two nodes sit in different arms of one `if`, `?:` or `switch`. */
function areExclusive(a: TSESTree.Node, b: TSESTree.Node): boolean {
  for (let current = a.parent; current; current = current.parent) {
    if (!contains(current, b)) continue;
    const arms: (TSESTree.Node | null)[] =
      current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression
        ? [current.consequent, current.alternate]
        : current.type === AST_NODE_TYPES.SwitchStatement
          ? current.cases
          : [];
    const armOf = (node: TSESTree.Node): number => arms.findIndex((arm) => arm !== null && contains(arm, node));
    const armA = armOf(a);
    const armB = armOf(b);
    return armA !== -1 && armB !== -1 && armA !== armB;
  }
  return false;
}

/**
 * A mark that remembers a failed lookup so that the next call fails fast, and claims nothing: two
 * calls that both pass the check only both look up. It stands on the way to a `throw`
 * (`if (!project) { missing.add(id); throw … }`, overleaf's bulk verifier), in a `catch` clause the
 * check is not in, or on the way to an empty `return` in the branch where a looked-up value is
 * missing (`if (personData === undefined) { this.missingPersons.add(person); return }`, huly's
 * rating calculator: a negative cache).
 */
export function recordsFailedLookup(write: TSESTree.CallExpression, read: TSESTree.Node): boolean {
  const next = getNextStatement(write);
  if (next?.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (next?.type === AST_NODE_TYPES.ReturnStatement && (!next.argument || isNullishValue(next.argument)) && isInMissingValueBranch(write)) return true;
  for (let node: TSESTree.Node | undefined = write.parent; node && !isFunctionNode(node); node = node.parent) {
    if (node.type === AST_NODE_TYPES.CatchClause) return !contains(node, read);
  }
  return false;
}

/** The write sits in the consequent of `if (x === undefined)`, `if (x == null)` or `if (!x)`. */
function isInMissingValueBranch(write: TSESTree.Node): boolean {
  const block = write.parent?.parent;
  const branch = block?.type === AST_NODE_TYPES.BlockStatement ? block : write.parent;
  const test = branch?.parent?.type === AST_NODE_TYPES.IfStatement && branch.parent.consequent === branch ? skipExpressionWrappers(branch.parent.test) : undefined;
  if (test?.type === AST_NODE_TYPES.UnaryExpression) return test.operator === "!" && skipExpressionWrappers(test.argument).type === AST_NODE_TYPES.Identifier;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "===" && test.operator !== "==")) return false;
  return (test.left.type === AST_NODE_TYPES.Identifier && isNullishValue(test.right)) || (test.right.type === AST_NODE_TYPES.Identifier && isNullishValue(test.left));
}

function isNullishValue(raw: TSESTree.Node): boolean {
  return isNullish(skipExpressionWrappers(raw));
}

/**
 * Whether `value` is the read's result plus or minus an amount (`n + 1`, `Number(n) + 1`,
 * `parseInt(await r.get(k)) - cost`), the shape of a counter updated by read-modify-write.
 * Returns the operator and the amount.
 */
export function getCounterUpdate(file: FileContext, value: TSESTree.Node | undefined, read: TSESTree.CallExpression): { operator: "+" | "-"; amount: TSESTree.Node } | null {
  if (!value) return null;
  let node = skipExpressionWrappers(value);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "String" && node.arguments[0]) {
    node = skipExpressionWrappers(node.arguments[0]);
  } else if (node.type === AST_NODE_TYPES.CallExpression && getCalledMethodName(node) === "toString" && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    node = skipExpressionWrappers(node.callee.object);
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression || (node.operator !== "+" && node.operator !== "-")) return null;
  const { left, right, operator } = node;
  for (const [side, amount] of [[left, right], [right, left]] as const) {
    const derived = getDerivation(file, side, read, 0);
    if (!derived || !isAmount(amount, derived === "number" || operator === "-")) continue;
    return { operator, amount };
  }
  return null;
}

const NUMBER_FUNCTIONS = new Set(["Number", "parseInt", "parseFloat"]);
const NUMBER_METHODS = new Set(["parseInt", "parseFloat"]);

/** `Number`, `parseInt`, `parseFloat`, or `Number.parseInt`/`Number.parseFloat` (whatsapp_saas's DLQ monitor). */
function isNumberConversion(callee: TSESTree.Expression): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return NUMBER_FUNCTIONS.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "Number" && NUMBER_METHODS.has(getStaticPropertyName(callee) ?? "");
}

/** `"number"` when the read's result reaches `node` through a numeric conversion, `"raw"` when as is. */
function getDerivation(file: FileContext, raw: TSESTree.Node, read: TSESTree.CallExpression, depth: number): "number" | "raw" | null {
  if (depth > 4) return null;
  const node = skipExpressionWrappers(raw);
  if (node === read) return "raw";
  if (node.type === AST_NODE_TYPES.AwaitExpression) return getDerivation(file, node.argument, read, depth + 1);
  if (node.type === AST_NODE_TYPES.CallExpression && isNumberConversion(node.callee) && node.arguments[0]) {
    return getDerivation(file, node.arguments[0], read, depth + 1) ? "number" : null;
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "+") return getDerivation(file, node.argument, read, depth + 1) ? "number" : null;
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== "&&") {
    const inner = getDerivation(file, node.left, read, depth + 1);
    const fallback = skipExpressionWrappers(node.right);
    const numeric = fallback.type === AST_NODE_TYPES.Literal && typeof fallback.value === "number";
    return inner ? (numeric ? "number" : inner) : null;
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(file, node);
    const init = variable ? getConstantInit(variable) : null;
    return init ? getDerivation(file, init, read, depth + 1) : null;
  }
  return null;
}

/** A numeric literal always; a variable or member only where the sum cannot be a string concatenation. */
function isAmount(raw: TSESTree.Node, numericContext: boolean): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "number";
  return numericContext && (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression);
}
