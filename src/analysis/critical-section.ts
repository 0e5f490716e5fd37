import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { lockApis } from "../knowledge/locks.js";
import { IDEMPOTENT_CALLS, IDEMPOTENT_WITH_RECURSIVE } from "../knowledge/builtins.js";
import { contains, forEachOwnNode, getCalledMethodName, getCalleeName, getEnclosingFunction, getOutermostWrapper, getStaticPropertyName, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { memoize } from "./file-context.js";

/**
 * Can other code run between two points of one function? Concurrent callers interleave only
 * where the function suspends (`await`, `yield`, `for await`), and not at all under a lock
 * (`redlock.using(…, fn)`, `mutex.runExclusive(fn)`, `lock.acquire(key, fn)`, or a lock acquired
 * earlier in the function).
 */
interface FunctionEvents {
  /** `await`, `yield` and `for await` in the function itself, in source order. */
  readonly suspensions: readonly TSESTree.Node[];
  /** End offsets of lock acquisitions in the function itself. */
  readonly acquisitions: readonly number[];
  /** Calls in the function itself whose name says they claim atomically, and whose result it reads. */
  readonly claims: readonly TSESTree.CallExpression[];
}

const ACQUIRE = new Set(lockApis.acquireCalls);
const CALLBACK_METHODS = new Set(lockApis.callbackMethods);
const CALLBACK_FUNCTIONS = new Set(lockApis.callbackFunctions);

/** Whether `node` runs while a lock is held: inside a lock callback or after a lock acquisition. */
export function isInLockedSection(file: FileContext, node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  if (fn && getEvents(file, fn).acquisitions.some((end) => end <= node.range[0])) return true;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && isLockCallback(current)) return true;
  }
  return false;
}

/**
 * Between `from` and `to`, the function reads the result of a call whose name says it claims
 * atomically (`const result = await qrCodeDAO.markUsedAtomic(tokenHash)`, kjsanni's QR check-in,
 * which checks a cache of recent scans first): that call, not the check before it, decides which
 * of two concurrent callers goes on.
 */
export function hasAtomicClaimBetween(file: FileContext, from: TSESTree.Node, to: TSESTree.Node): boolean {
  const owner: TSESTree.Node = getEnclosingFunction(from) ?? getProgram(from);
  return getEvents(file, owner).claims.some((call) => call.range[0] >= from.range[1] && call.range[1] <= to.range[0]);
}

/**
 * Whether the function that holds both `from` and `to` can suspend between them. A suspension in
 * a branch that returns without reaching `to`, or in the other branch of an `if` than `to`, does
 * not count (zigbee2mqtt's OTA handler: the scheduled update awaits and returns; the check for a
 * new image marks the device with no `await` on its way).
 */
export function hasSuspensionBetween(file: FileContext, from: TSESTree.Node, to: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(from);
  const owner: TSESTree.Node = fn ?? getProgram(from);
  return getEvents(file, owner).suspensions.some((node) => node.range[0] >= from.range[1] && node.range[0] < to.range[0] && !isOffPathTo(node, to, owner));
}

/**
 * `node` sits in an `if` branch that does not hold `to` and either ends with a `return` or has
 * `to` in the other branch (zigbee2mqtt's OTA request: the abort awaits when the device is in
 * progress, the `else` marks it), and no `finally` on the way out of the function holds `to`:
 * from `node`, control never reaches `to` in the same call.
 */
function isOffPathTo(node: TSESTree.Node, to: TSESTree.Node, owner: TSESTree.Node): boolean {
  let off = false;
  for (let child = node, parent = node.parent; parent && child !== owner; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer && contains(parent.finalizer, to)) return false;
    if (off || contains(child, to)) continue;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child) {
      const other = parent.consequent === child ? parent.alternate : parent.consequent;
      off = endsWith(child, AST_NODE_TYPES.ReturnStatement) || (other !== null && contains(other, to));
    } else if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test !== child && parent.parent.cases.some((other) => other !== parent && contains(other, to))) {
      // Another case of the same `switch` than `to`, left by its `break` or `return` (zigbee2mqtt's `case "check"` before `case "update"`).
      const last = parent.consequent.at(-1);
      off = last !== undefined && (endsWith(last, AST_NODE_TYPES.ReturnStatement) || endsWith(last, AST_NODE_TYPES.BreakStatement));
    }
  }
  return off;
}

function endsWith(branch: TSESTree.Node, type: AST_NODE_TYPES.ReturnStatement | AST_NODE_TYPES.BreakStatement): boolean {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
  return last?.type === type;
}

function isLockCallback(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const method = getCalledMethodName(call);
  if (method !== undefined) return CALLBACK_METHODS.has(method);
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && CALLBACK_FUNCTIONS.has(callee.name);
}

function getEvents(file: FileContext, owner: TSESTree.Node): FunctionEvents {
  return memoize(file, "critical-section", owner, () => {
    const suspensions: TSESTree.Node[] = [];
    const acquisitions: number[] = [];
    const claims: TSESTree.CallExpression[] = [];
    forEachOwnNode(file.sourceCode.visitorKeys, owner, (node) => {
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
          // Waiting for work that others may repeat without harm lets them repeat it.
          if (!isIdempotentCall(node.argument)) suspensions.push(node);
          break;
        case AST_NODE_TYPES.YieldExpression:
          suspensions.push(node);
          break;
        case AST_NODE_TYPES.ForOfStatement:
          if (node.await) suspensions.push(node);
          break;
        case AST_NODE_TYPES.CallExpression:
          if (isAcquisition(node)) acquisitions.push(node.range[1]);
          else if (isReadAtomicClaim(node)) claims.push(node);
          break;
        default:
          break;
      }
    });
    return { suspensions, acquisitions, claims };
  });
}

/** `ensureDir(dir)`, `fs.promises.mkdir(dir, { recursive: true })`: a call of IDEMPOTENT_CALLS. */
function isIdempotentCall(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = getCalleeName(node);
  if (name === undefined) return false;
  if (IDEMPOTENT_CALLS.includes(name)) return true;
  return IDEMPOTENT_WITH_RECURSIVE.includes(name) && node.arguments.some((argument) => argument.type === AST_NODE_TYPES.ObjectExpression && argument.properties.some(isRecursiveTrue));
}

function isRecursiveTrue(property: TSESTree.ObjectLiteralElement): boolean {
  return property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === "recursive" && property.value.type === AST_NODE_TYPES.Literal && property.value.value === true;
}

/** `lock.acquire(key)`, `await acquireLock(key)`: a lock call whose arguments hold no callback. */
function isAcquisition(call: TSESTree.CallExpression): boolean {
  if (call.arguments.some((arg) => isFunctionNode(arg))) return false;
  const method = getCalledMethodName(call);
  if (method !== undefined) return ACQUIRE.has(method);
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && ACQUIRE.has(callee.name);
}

/** `const result = await markUsedAtomic(…)`, `if (await claimAtomically(…))`: a call named as an atomic claim whose result is kept or tested. */
function isReadAtomicClaim(call: TSESTree.CallExpression): boolean {
  const name = getCalleeName(call);
  // `tomic` in both `atomicX` and `xAtomic`: most calls are turned away without the regular expression.
  if (name === undefined || !name.includes("tomic") || !lockApis.atomicClaimName.test(name)) return false;
  let node = getOutermostWrapper(call);
  while (node.parent?.type === AST_NODE_TYPES.AwaitExpression || (node.parent?.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === "!")) node = getOutermostWrapper(node.parent);
  const parent = node.parent;
  return (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) || (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) || (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === node);
}

function getProgram(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}
