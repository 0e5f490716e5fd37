import type { TSESTree } from "@typescript-eslint/utils";
import type { FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { lockApis } from "../knowledge/locks.js";
import { forEachOwnNode, getCalledMethodName, getEnclosingFunction, isFunctionNode, skipExpressionWrappers } from "./ast.js";
import { memoize } from "./file-context.js";

/**
 * Can other code run between two points of one function? Concurrent callers interleave only
 * where the function suspends (`await`, `yield`, `for await`), and not at all under a lock
 * (`redlock.using(…, fn)`, `mutex.runExclusive(fn)`, `lock.acquire(key, fn)`, or a lock acquired
 * earlier in the function).
 */
interface FunctionEvents {
  /** Start offsets of `await`, `yield` and `for await` in the function itself. */
  readonly suspensions: readonly number[];
  /** End offsets of lock acquisitions in the function itself. */
  readonly acquisitions: readonly number[];
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

/** Whether the function that holds both `from` and `to` can suspend between them. */
export function hasSuspensionBetween(file: FileContext, from: TSESTree.Node, to: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(from);
  const owner: TSESTree.Node = fn ?? getProgram(from);
  return getEvents(file, owner).suspensions.some((start) => start >= from.range[1] && start < to.range[0]);
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
    const suspensions: number[] = [];
    const acquisitions: number[] = [];
    forEachOwnNode(file.sourceCode.visitorKeys, owner, (node) => {
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.YieldExpression:
          suspensions.push(node.range[0]);
          break;
        case AST_NODE_TYPES.ForOfStatement:
          if (node.await) suspensions.push(node.range[0]);
          break;
        case AST_NODE_TYPES.CallExpression:
          if (isAcquisition(node)) acquisitions.push(node.range[1]);
          break;
        default:
          break;
      }
    });
    return { suspensions, acquisitions };
  });
}

/** `lock.acquire(key)`, `await acquireLock(key)`: a lock call whose arguments hold no callback. */
function isAcquisition(call: TSESTree.CallExpression): boolean {
  if (call.arguments.some((arg) => isFunctionNode(arg))) return false;
  const method = getCalledMethodName(call);
  if (method !== undefined) return ACQUIRE.has(method);
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && ACQUIRE.has(callee.name);
}

function getProgram(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}
