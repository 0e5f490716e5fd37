import type { TSESTree } from "@typescript-eslint/utils";
import type { CacheOperation } from "../src/analysis/cache-operation.js";
import type { FileContext } from "../src/analysis/file-context.js";
import type { RuleContext } from "../src/create-rule.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getEnclosingFunction, isFalsyLiteral, isFunctionNode } from "../src/analysis/ast.js";
import { CACHE_DELETE_NAMES, CACHE_METHOD_NAMES, CACHE_READ_NAMES, CACHE_WRITE_NAMES, getCacheOperationInFile, isSameKey, isSameStore, mayBeOutOfProcessOperation } from "../src/analysis/cache-operation.js";
import { withCallIndex } from "../src/analysis/call-index.js";
import { hasAtomicClaimBetween, hasSuspensionBetween, isInLockedSection } from "../src/analysis/critical-section.js";
import { getFileContext } from "../src/analysis/file-context.js";
import { getCounterUpdate, getReadUse, isOnMissingPath, isUnderAtomicCount, isUnderTakenLock, isWholeBranch, recordsFailedLookup } from "../src/analysis/read-guard.js";
import { getLocalCallee, getNextStatementCall } from "../src/analysis/local-calls.js";
import { isReadThroughFlag } from "../src/analysis/read-through.js";
import { isOneOffScriptFile, isTestFile, runsAlone } from "../src/analysis/run-once.js";
import { isSameExpression, sharesVariable } from "../src/analysis/same-expression.js";
import { createRule } from "../src/create-rule.js";

export type Options = [{ reportCacheAside: boolean; reportMultiStepWrites: boolean }];
export type MessageIds = "checkThenAct" | "checkThenActInMemory" | "counterReadModifyWrite" | "cacheAside" | "multiStepWrite" | "suggestIncrement";

type Context = RuleContext<MessageIds, Options>;

const GENERIC_ATOMIC_SET = "an atomic set-if-absent (Redis `SET key value NX EX ttl`)";

export default createRule<Options, MessageIds>({
  name: "no-check-then-act",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow checking a shared store for a key and writing that key in a separate later step",
      recommended: "recommended",
      strictOptions: [{ reportMultiStepWrites: true }],
    },
    messages: {
      checkThenAct:
        "`{{read}}` checks the key and `{{write}}` on line {{line}} marks it later, in a separate round trip: two concurrent calls both pass the check before either writes, and both do the work it guards (duplicate charges, duplicate sends). Make the check and the mark one atomic operation: {{atomic}}, and use its result as the guard; or run both under a lock.",
      checkThenActInMemory:
        "`{{read}}` checks the {{collection}} and `{{write}}` on line {{line}} marks the key only after an `await`: every call that starts meanwhile passes the check and does the work again. Mark the key before the first `await` (for a Map, store the pending promise and return it to later callers).",
      counterReadModifyWrite:
        "`{{write}}` writes back a count computed from `{{read}}`: concurrent calls read the same count and all but one update is lost. Increment on the server instead ({{increment}}), which is atomic.",
      cacheAside:
        "`{{read}}` misses and `{{write}}` on line {{line}} fills the key later: concurrent misses all recompute the value (a cache stampede). If the computation is expensive or must run once, take a lock with {{atomic}} or share one pending promise per key.",
      multiStepWrite:
        "`{{first}}` and `{{second}}` update related entries of one store in separate round trips: readers between them see the new value next to stale related entries. Group them in one transaction (`multi()…exec()`) or a Lua script.",
      suggestIncrement: "Replace the write-back with `{{replacement}}`, an atomic increment on the server.",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          reportCacheAside: { type: "boolean", description: "Also report cache-aside reads whose value is returned and whose miss fills the key later (a stampede, not a correctness bug)." },
          reportMultiStepWrites: { type: "boolean", description: "Also report a write followed at once by a write, delete or invalidation of related keys of the same store, which a transaction should group. On in `configs.strict` and `configs.all`." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportCacheAside: false, reportMultiStepWrites: false }],
  },
  create(context, [options]) {
    return withCallIndex(context, (index) => {
      const storeCalls: TSESTree.CallExpression[] = [];
      const storeNames: string[] = [];
      const calls = index.callsToMethods(CACHE_METHOD_NAMES);
      for (let position = 0; position < calls.length; position++) {
        const node = calls[position]!;
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.property.type !== AST_NODE_TYPES.Identifier) continue;
        storeCalls.push(node);
        storeNames.push(node.callee.property.name);
      }
      // The whole file first: most files never both read and write a store. A test, or a one-off
      // script, arranges and checks store entries one step at a time, with no concurrent request to race it.
      if (isWorthClassifying(storeNames, options) && !isTestFile(context) && !isOneOffScriptFile(context)) judgeFile(context, options, storeCalls, storeNames);
    });
  },
});

/** A check-then-act needs a read and a write; a multi-step write needs a write (or delete, as a helper's). */
function isWorthClassifying(names: readonly string[], options: Options[0]): boolean {
  return (hasAny(names, CACHE_WRITE_NAMES) && hasAny(names, CACHE_READ_NAMES)) || (options.reportMultiStepWrites && (hasAny(names, CACHE_WRITE_NAMES) || hasAny(names, CACHE_DELETE_NAMES)));
}

function hasAny(names: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (let position = 0; position < names.length; position++) if (wanted.has(names[position]!)) return true;
  return false;
}

/** The store calls of a file where some may pair up, classified by enclosing function and judged. */
function judgeFile(context: Context, options: Options[0], storeCalls: readonly TSESTree.CallExpression[], storeNames: readonly string[]): void {
  const byFunction = new Map<TSESTree.Node, CacheOperation[]>();
  const file: FileContext = getFileContext(context);
  const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
  const short = (op: CacheOperation): string => `${text(op.node.callee)}()`;
  const sameStore = (a: CacheOperation, b: CacheOperation): boolean => isSameStore(file, a, b);
  const sameKey = (a: CacheOperation, b: CacheOperation): boolean => isSameKey(file, a, b);

  function checkRead(read: CacheOperation, ops: readonly CacheOperation[]): void {
    if (read.store === "untraced" && !read.awaited) return;
    const writes = ops.filter((op) => op.op === "write" && op.node.range[0] > read.node.range[1] && sameStore(read, op) && sameKey(read, op));
    if (writes.length === 0 || isProtected(read, ops)) return;
    const readText = short(read);
    const atomic = read.atomicSetForm ? `\`${read.atomicSetForm}\`` : GENERIC_ATOMIC_SET;
    if (read.store !== "memory") {
      for (const write of writes) {
        const counter = getCounterUpdate(file, write.value, read.node);
        if (!counter) continue;
        const suggestion = getIncrement(write, counter, text);
        const increment = suggestion ? `\`${suggestion}\`` : "`INCR`/`INCRBY`";
        context.report({
          node: write.node,
          messageId: "counterReadModifyWrite",
          data: { read: readText, write: short(write), increment },
          suggest: suggestion ? [{ messageId: "suggestIncrement", data: { replacement: suggestion }, fix: (fixer) => fixer.replaceText(write.node, suggestion) }] : [],
        });
        return;
      }
    }
    const use = getReadUse(file, read.node);
    if (!use) return;
    const onMissingPath = writes.filter((write) => isOnMissingPath(use, write.node));
    if (use.kind === "guard") {
      // hoodrunio's RateLimiter: `processing.set(key, true)` before the `await` marks the key in time; `set(key, false)` after it only clears it.
      if (read.store === "memory" && onMissingPath.some((op) => isFlagValue(op) && !isFalsyLiteral(op.value) && !hasSuspensionBetween(file, read.node, op.node))) return;
      const write = onMissingPath.find(
        (op) =>
          isFlagValue(op) &&
          !isWholeBranch(use, op.node) &&
          !recordsFailedLookup(op.node, read.node) && !isReadThroughFlag(context, file, use, read.node, op.node, op.value) &&
          (read.store !== "memory" || hasSuspensionBetween(file, read.node, op.node)) &&
          !isAfterLockTaken(read, op, ops) &&
          !hasAtomicClaimBetween(file, read.node, op.node),
      );
      if (!write) return;
      const messageId = read.store === "memory" ? "checkThenActInMemory" : "checkThenAct";
      const line = String(write.node.loc.start.line);
      const collection = `${read.scope === "instance" ? "instance's" : "module-level"} ${read.collection ?? "collection"}`;
      context.report({ node: read.node, messageId, data: { read: readText, write: short(write), line, atomic, collection } });
    } else if (options.reportCacheAside && read.store !== "memory" && onMissingPath[0]) {
      const write = onMissingPath[0];
      context.report({ node: read.node, messageId: "cacheAside", data: { read: readText, write: short(write), line: String(write.node.loc.start.line), atomic } });
    }
  }

  /**
   * Under a lock, next to a transaction or script on the same store, before an atomic write of
   * the key, or in code that never runs twice at once (module level, a script's `main()`).
   */
  function isProtected(read: CacheOperation, ops: readonly CacheOperation[]): boolean {
    if (isInLockedSection(file, read.node) || runsAlone(context, read.node) || isBehindKeyLock(read, ops)) return true;
    return ops.some((op) => (op.op === "transaction" || op.op === "atomic") && sameStore(op, read) && (op.op === "transaction" || op.node.range[1] <= read.node.range[0] || sameKey(op, read)));
  }

  /** Between the check and the mark, a set-if-absent whose failure leaves (a lock taken after the check), or a counter whose result the mark's `if` tests. */
  function isAfterLockTaken(read: CacheOperation, write: CacheOperation, ops: readonly CacheOperation[]): boolean {
    const decides = (atomic: CacheOperation): boolean => isUnderTakenLock(file, atomic.node, write.node) || isUnderAtomicCount(file, atomic.node, write.node);
    return ops.some((atomic) => atomic.op === "atomic" && sameStore(atomic, read) && atomic.node.range[0] > read.node.range[1] && atomic.node.range[1] < write.node.range[0] && decides(atomic));
  }

  /**
   * Folo's `if (loading.has(lang)) return; … loading.add(lang)` before any `await`: another
   * collection checked and marked for the key with no suspension between holds off every call
   * that starts meanwhile, as a lock on the key would.
   */
  function isBehindKeyLock(read: CacheOperation, ops: readonly CacheOperation[]): boolean {
    if (read.store !== "memory") return false;
    return ops.some((lock) => {
      if (lock.op !== "read" || lock.store !== "memory" || lock.node.range[1] > read.node.range[0] || sameStore(lock, read) || !sameKey(lock, read)) return false;
      const use = getReadUse(file, lock.node);
      const marks = ops.filter((mark) => mark.op === "write" && sameStore(mark, lock) && sameKey(mark, lock) && isFlagValue(mark));
      return use?.kind === "guard" && marks.some((mark) => isOnMissingPath(use, mark.node) && !hasSuspensionBetween(file, lock.node, mark.node));
    });
  }

  function checkMultiStep(first: CacheOperation): void {
    const next = getNextStatementCall(first.node);
    if (!next) return;
    const nextOp = getCacheOperationInFile(file, next);
    const related = (key: TSESTree.Node | undefined): boolean => key !== undefined && first.key !== undefined && !isSameExpression(file, key, first.key) && sharesVariable(file, key, first.key);
    const direct = nextOp && (nextOp.op === "write" || nextOp.op === "delete") && sameStore(first, nextOp) && related(nextOp.key);
    const helper = nextOp ? null : getLocalCallee(file, next);
    const viaHelper =
      helper !== null &&
      next.arguments.some((arg) => first.key !== undefined && isSameExpression(file, arg, first.key)) &&
      (byFunction.get(helper) ?? []).some((op) => (op.op === "write" || op.op === "delete") && sameStore(first, op));
    if (direct || viaHelper) context.report({ node: first.node, messageId: "multiStepWrite", data: { first: short(first), second: `${text(next.callee)}()` } });
  }

  // By enclosing function, classified only where a report can come from.
  const candidates = new Map<TSESTree.Node, { calls: TSESTree.CallExpression[]; names: string[] }>();
  for (let position = 0; position < storeCalls.length; position++) {
    const node = storeCalls[position]!;
    const owner: TSESTree.Node = getEnclosingFunction(node) ?? context.sourceCode.ast;
    const group = candidates.get(owner) ?? { calls: [], names: [] };
    if (group.calls.length === 0) candidates.set(owner, group);
    group.calls.push(node);
    group.names.push(storeNames[position]!);
  }
  for (const [owner, group] of candidates) {
    if (!isWorthClassifying(group.names, options)) continue;
    // An in-memory collection's operations pair up only across a suspension (`await`, `yield`): in
    // a function that cannot suspend, only a client's or a cache's operations count, and a call
    // that cannot be one is not classified (most files' `Map#get`/`Map#set` in plain functions).
    const suspends = canSuspend(owner);
    const ops: CacheOperation[] = [];
    for (let position = 0; position < group.calls.length; position++) {
      const call = group.calls[position]!;
      if (!suspends && !mayBeOutOfProcessOperation(file, call)) continue;
      const op = getCacheOperationInFile(file, call);
      if (op && (suspends || op.store !== "memory")) ops.push(op);
    }
    if (ops.length > 0) byFunction.set(owner, ops);
  }
  for (const ops of byFunction.values()) {
    for (const op of ops) {
      if (op.op === "read") checkRead(op, ops);
      else if (options.reportMultiStepWrites && op.op === "write" && op.store !== "memory") checkMultiStep(op);
    }
  }
}

/** Whether code directly in `owner` can suspend between two statements: an async function, a generator, a module (top-level `await`). */
function canSuspend(owner: TSESTree.Node): boolean {
  return !isFunctionNode(owner) || owner.async || owner.generator;
}

/** A marker rather than data: a literal, `Date.now()`, or no value at all (`Set#add`, `sadd`). */
function isFlagValue(write: CacheOperation): boolean {
  const value = write.value;
  if (value === undefined) return write.collection !== undefined ? write.collection.endsWith("Set") : write.field !== undefined;
  if (value.type === AST_NODE_TYPES.Literal) return value.value !== null && !(value.value instanceof RegExp);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0;
  if (value.type === AST_NODE_TYPES.UnaryExpression) return value.argument.type === AST_NODE_TYPES.Literal;
  const source = value.type === AST_NODE_TYPES.CallExpression ? value.callee : null;
  return source?.type === AST_NODE_TYPES.MemberExpression && source.object.type === AST_NODE_TYPES.Identifier && source.object.name === "Date" && source.property.type === AST_NODE_TYPES.Identifier && source.property.name === "now";
}

/** `redis.incr(key)` / `redis.incrby(key, n)` for `redis.set(key, count + n)` with nothing else in the call. */
function getIncrement(write: CacheOperation, counter: { operator: "+" | "-"; amount: TSESTree.Node }, sourceText: (node: TSESTree.Node) => string): string | undefined {
  if (!write.increment || write.method !== "set" || write.node.arguments.length !== 2 || counter.operator !== "+" || !write.key) return undefined;
  const source = write.node.callee.type === AST_NODE_TYPES.MemberExpression ? write.node.callee.object : write.receiver;
  const receiver = sourceText(source);
  const key = sourceText(write.key);
  const amount = counter.amount;
  if (amount.type === AST_NODE_TYPES.Literal && amount.value === 1) return `${receiver}.${write.increment.one}(${key})`;
  return `${receiver}.${write.increment.by}(${key}, ${sourceText(amount)})`;
}
