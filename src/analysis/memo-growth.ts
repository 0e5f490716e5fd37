import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";
import type { CollectionUse, LongLivedCollection } from "./long-lived-collection.js";

import { AST_NODE_TYPES, ASTUtils, TSESLint } from "@typescript-eslint/utils";

import {
  CLASS_TYPE_NAMES,
  CLASS_TYPE_NAMES_WITH_ARGUMENT,
  CATEGORY_KEY_NAME,
  CODE_KEY_NAMES,
  CODE_OBJECT_METHODS,
  CONSTANT_NAME,
  KEY_DERIVING_METHODS,
  EXISTING_PATH_RESOLVERS,
  JOB_CONSTRUCTORS,
  isPlainRegistrationName,
  isRegistryName,
  LOG_METHODS,
  LOGGER_NAME,
  OBJECT_ENTRY_LISTS,
  PER_LOCALE_CONSTRUCTORS,
  RESOURCE_FACTORY_NAME,
  SDK_CLIENT_MODULE_PREFIXES,
  TABLE_NAME,
} from "../knowledge/bounded-caches.js";
import { contains, forEachOwnNode, getCalledMethodName, getCalleeName, getEnclosingFunction, getMemberRoot, getOutermostWrapper, getPlainFunctionName, getSoleStatement, getStaticPropertyName, isEnvironmentRead, isFunctionNode, isHiddenMember, isNullish, isSoleExit, skipExpressionWrappers } from "./ast.js";
import { getOwnMethod } from "./class-members.js";
import { getMethodCallsOnly, getPropertyUses, isCodeReachable } from "./code-reachability.js";
import { getFileContext } from "./file-context.js";
import { getImportPath } from "./import-path.js";
import { CONNECTION_OWNER_TRAIT, getFileForTrait } from "./library-evidence.js";
import { dependsOnCallInput, hasFiniteParameterType, isFiniteAssertion, isKeyCheckedAgainstTable, isConstantTableRead, isTemplateStringsElement, isWrittenNumber, isWrittenTableEntry } from "./key-origin.js";
import { getReadUse, isOnPresentPath } from "./read-guard.js";
import { getInvokingFunction, isCalledOnlyFrom, isExportedDeclaration, isMethodCalledOnlyFrom, runsAtImportTime, runsOnlyOnce } from "./run-once.js";
import { getConstantInit, getForOfList } from "./same-expression.js";
import { getValueKindInFile } from "./value-kind.js";

const { DefinitionType } = TSESLint.Scope;

/**
 * Where a long-lived collection grows as a memo: a function looks a key up and, on a miss,
 * stores an entry under it, itself or through a helper of the same class or module
 * (`if (cache.has(k)) return cache.get(k); … cache.set(k, v)`, `obj[k] ??= compute(k)`).
 * Null when the collection is filled only at import time, by a registry function
 * (`register(name, handler)`), or under keys that come from code (`getLogger(name)`).
 */
export interface MemoGrowth {
  /** The store that adds the entry. */
  readonly store: CollectionUse;
  /** The function that looks up and (itself or through a helper) stores. */
  readonly fn: FunctionNode;
  /** The key as the looking-up function writes it. */
  readonly key: TSESTree.Node | undefined;
  /** What the key is made of: the key, or the initialiser of the `const` it names. */
  readonly keySource: TSESTree.Node | undefined;
}

export function getMemoGrowth(context: AnyRuleContext, collection: LongLivedCollection): MemoGrowth | null {
  if (hasClassKeys(collection)) return null;
  const file = getFileContext(context);
  const lookups = collection.uses.filter((use) => use.kind === "lookup" && !use.foreign);
  const shrinks = collection.uses.filter((use) => use.kind === "shrink");
  for (const store of collection.uses) {
    if ((store.kind !== "store" && store.kind !== "lookupStore") || store.foreign || store.expires) continue;
    const storeFn = getEnclosingFunction(store.node);
    if (!storeFn || runsAtImportTime(storeFn) || isRegistryFunction(storeFn) || isDecorator(storeFn) || runsAtConstruction(file, collection, storeFn) || runsOnlyOnce(context, storeFn)) continue;
    // drts-fleet-platform's `withQuotaReservationLock()`, a private method nothing calls: its `delete` counts for
    // nothing (see `canShrink`), so neither does its store; a report would deny the removal beside it.
    if (shrinks.some((shrink) => contains(storeFn, shrink.node)) && !isCodeReachable(file, store.node)) continue;
    // redis-smq's validators per controller, made by a helper of the module that only `registerRouteWithValidation()` calls.
    if (!isExportedDeclaration(storeFn) && isCalledOnlyFrom(context, storeFn, (caller) => isRegistryFunction(caller, isPlainRegistrationName))) continue;
    // `if (!byKey.has(k)) byKey.set(k, [])`, `if (!cell) { cell = []; grid.set(k, cell); }`: an index whose buckets are filled elsewhere.
    if (store.kind === "store" && isBucket(file, store.value, lookups)) continue;
    // `byEnv.set(env, byEnv.get(env)!.filter(…))`: a miss throws before the store, which only replaces an entry.
    if (store.kind === "store" && lookups.some((lookup) => isEntryDereferencedIn(file, lookup, store))) continue;
    // A Set, or a map of flags (`warnedFeatures[name] = true`, openreplay's deprecation warnings).
    if ((collection.shape === "set" || isTrueFlag(store.value)) && isWarnOnce(store, lookups)) continue;
    if (isKeyFixedByBranch(file, store) || isKeyCheckedAgainstTable(file, getKeySource(file, store.key), storeFn, store.node) || isBudgetGuarded(file, store, storeFn)) continue;
    if (store.kind === "lookupStore") {
      if (!isCodeKey(file, store.key)) return { store, fn: storeFn, key: store.key, keySource: getKeySource(file, store.key) };
      continue;
    }
    for (const lookup of lookups) {
      const lookupFn = getEnclosingFunction(lookup.node);
      // The lookup comes first, or sits in the stored value (`hits[ip] = (hits[ip] || 0) + 1`).
      const before = lookup.node.range[1] <= store.node.range[0] || (store.value !== undefined && contains(store.value, lookup.node));
      if (!lookupFn || !before || isCodeKey(file, lookup.key) || isDuplicateCheck(lookup.node) || isFactoryConfigKey(file, lookup.key, lookupFn, 0)) continue;
      const direct =
        contains(lookupFn, store.node) && sameKey(file, lookup.key, store.key) && !isParameterValue(file, store, lookupFn) && !replacesHit(file, lookup.node, store.node);
      // Through a helper, the helper's own key counts too: colanode's job service looks up a job's
      // concurrency key but stores per job `input.type`, a code key.
      if (!direct && (!callsHelperAfter(file, lookupFn, lookup.node, storeFn) || isCodeKey(file, store.key))) continue;
      // `clients.set(hostKey, buildClickhouseClient(url))`: one pool per configured endpoint. Asked
      // last: with types, what the stored value is may cost an inference.
      if (isResourceValue(file, store.value)) break;
      return { store, fn: lookupFn, key: lookup.key, keySource: getKeySource(file, lookup.key) };
    }
  }
  return null;
}

/**
 * `const hit = map.get(k); if (hit) map.set(k, hit.filter(…))`, `if (hit && changed) …`,
 * `if (status !== "PENDING") return; map.set(k, "RESOLVED")`: the store only replaces an entry
 * that exists.
 */
function replacesHit(file: FileContext, lookup: TSESTree.Node, store: TSESTree.Node): boolean {
  if (lookup.type !== AST_NODE_TYPES.CallExpression) return false;
  const use = getReadUse(file, lookup);
  if (use !== null && isOnPresentPath(use, store)) return true;
  let holder: TSESTree.Node = lookup;
  while (holder.parent?.type === AST_NODE_TYPES.AwaitExpression || holder.parent?.type === AST_NODE_TYPES.TSNonNullExpression || holder.parent?.type === AST_NODE_TYPES.TSAsExpression) holder = holder.parent;
  const declarator = holder.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== holder || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const hit = file.sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  for (let node = store.parent; node && node !== declarator.parent.parent; node = node.parent) {
    if (node.type !== AST_NODE_TYPES.IfStatement || !contains(node.consequent, store)) continue;
    if (getConjuncts(node.test).some((conjunct) => isHitVariable(file, getPresenceSubject(conjunct), hit))) return true;
  }
  return false;
}

/**
 * What a conjunct shows to exist when it is truthy: `hit` itself, or the object of a member read
 * tested as such or compared equal with a value that is not nullish (`hit?.owner === owner`,
 * freshmart's in-memory notification repository, which marks a notification read only for its
 * recipient: a missing entry yields `undefined`, which equals no owner).
 */
function getPresenceSubject(raw: TSESTree.Node): TSESTree.Node {
  let node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === "===" || node.operator === "==")) {
    const left = skipExpressionWrappers(node.left);
    const right = skipExpressionWrappers(node.right);
    const [member, other] = left.type === AST_NODE_TYPES.MemberExpression ? [left, right] : [right, left];
    if (member.type !== AST_NODE_TYPES.MemberExpression || isNullish(other)) return node;
    node = member;
  }
  return getMemberRoot(node);
}

function isHitVariable(file: FileContext, node: TSESTree.Node, hit: TSESLint.Scope.Variable | undefined): boolean {
  return node.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(file.sourceCode.getScope(node), node) === hit;
}

/**
 * `if (warned.has(key)) return; warned.add(key); logger.warn(…)`: a Set that makes a warning
 * appear once per key (Unleash's `ApiTokenService#warnAliasUsage`). Beside the store, the block
 * holds only declarations, the `if` that looks the key up, plain `return`s and log calls, at least one.
 */
function isWarnOnce(store: CollectionUse, lookups: readonly CollectionUse[]): boolean {
  const statement = getOutermostWrapper(store.node).parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  let logs = 0;
  for (const other of block.body) {
    if (other === statement || other.type === AST_NODE_TYPES.VariableDeclaration) continue;
    if (other.type === AST_NODE_TYPES.IfStatement && lookups.some((lookup) => contains(other.test, lookup.node))) continue;
    const count = countLogsOnly(other);
    if (count === null) return false;
    logs += count;
  }
  return logs > 0;
}

function isTrueFlag(value: TSESTree.Node | undefined): boolean {
  const node = value && skipExpressionWrappers(value);
  return node?.type === AST_NODE_TYPES.Literal && (node.value === true || node.value === 1);
}

/**
 * How many log calls a statement makes when it does nothing else: log calls, bare `return`s,
 * and blocks and `if`s of them (Folo's `if (!(error instanceof Error)) { console.warn(…); return }`).
 * Null when it does anything else.
 */
function countLogsOnly(statement: TSESTree.Statement | null | undefined): number | null {
  if (!statement || (statement.type === AST_NODE_TYPES.ReturnStatement && !statement.argument)) return 0;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) return isLogCall(statement.expression) ? 1 : null;
  const parts = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : statement.type === AST_NODE_TYPES.IfStatement && isPlainTest(statement.test) ? [statement.consequent, statement.alternate] : null;
  if (!parts) return null;
  let logs = 0;
  for (const part of parts) {
    const count = countLogsOnly(part);
    if (count === null) return null;
    logs += count;
  }
  return logs;
}

const RELATIONS: ReadonlySet<string> = new Set(["<", ">", "<=", ">="]);

/**
 * webstudio's request byte cache: `if (next > LIMIT) return;` before the store, where `next` adds
 * the stored value's size (`bytes.byteLength`) to a running total of the object
 * (`this.byteLength`) that the storing function updates. A budget bounds the entries as a size
 * check bounds their count; a throttle (`Date.now() - this.last < 1000`) reads no stored value
 * and bounds nothing.
 */
function isBudgetGuarded(file: FileContext, store: CollectionUse, fn: FunctionNode): boolean {
  const value = store.value && skipExpressionWrappers(store.value);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement || value?.type !== AST_NODE_TYPES.Identifier) return false;
  const totals = new Set<string>();
  for (const statement of fn.body.body) {
    if (statement.range[1] > store.node.range[0]) break;
    if (statement.type !== AST_NODE_TYPES.IfStatement || !isSoleExit(statement.consequent)) continue;
    const test = skipExpressionWrappers(statement.test);
    if (test.type !== AST_NODE_TYPES.BinaryExpression || !RELATIONS.has(test.operator)) continue;
    for (const side of [test.left, test.right]) collectTotals(file, getKeySource(file, side) ?? side, value.name, totals);
  }
  if (totals.size === 0) return false;
  let updated = false;
  forEachOwnNode(file.sourceCode.visitorKeys, fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && node.left.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getStaticPropertyName(node.left);
      if (name !== undefined && totals.has(name)) updated = true;
    }
  });
  return updated;
}

/** The `this.name` members an expression reads, when it also reads a property of the stored value (`bytes.byteLength`). */
function collectTotals(file: FileContext, expression: TSESTree.Node, stored: string, into: Set<string>): void {
  const members: string[] = [];
  let sizesValue = false;
  forEachOwnNode(file.sourceCode.visitorKeys, expression, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return;
    const object = skipExpressionWrappers(node.object);
    const name = getStaticPropertyName(node);
    if (object.type === AST_NODE_TYPES.ThisExpression && name !== undefined) members.push(name);
    else if (object.type === AST_NODE_TYPES.Identifier && object.name === stored) sizesValue = true;
  });
  if (sizesValue) for (const member of members) into.add(member);
}

/** A test that only reads and compares (`!(error instanceof Error)`, `level > 1`): it calls nothing. */
function isPlainTest(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isPlainTest(node.object) && (!node.computed || isPlainTest(node.property));
    case AST_NODE_TYPES.UnaryExpression:
      return isPlainTest(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return isPlainTest(node.left) && isPlainTest(node.right);
    default:
      return false;
  }
}

/**
 * `logger.warn(…)`, `this.logger.error(…)`, `console.warn(…)`, `process.emitWarning(…)`, and a
 * level chosen at run time, `console[type](…)`, `logger[level](…)` (hydrogen's and inngest's
 * `warnOnce`); not `audit.log(entry)`.
 */
function isLogCall(raw: TSESTree.Expression): boolean {
  let node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = skipExpressionWrappers(node.argument);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipExpressionWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(callee);
  const object = skipExpressionWrappers(callee.object);
  const receiver = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(object) : undefined;
  if (callee.computed && name === undefined) return receiver !== undefined && receiver !== "process" && LOGGER_NAME.test(receiver);
  return name !== undefined && LOG_METHODS.includes(name) && receiver !== undefined && LOGGER_NAME.test(receiver);
}

/**
 * The stored value reads a member of the entry it replaces, with no fallback for a miss
 * (`map.set(k, map.get(k)!.filter(…))`, `index[k] = index[k].concat(item)`): when the key is
 * missing the read throws before anything is stored. `(map.get(k) ?? []).concat(…)` and
 * `map.get(k)?.filter(…)` store on a miss.
 */
function isEntryDereferencedIn(file: FileContext, lookup: CollectionUse, store: CollectionUse): boolean {
  if (store.value === undefined || !contains(store.value, lookup.node) || !sameKey(file, lookup.key, store.key)) return false;
  const entry = getOutermostWrapper(lookup.node);
  const reader = entry.parent;
  return reader?.type === AST_NODE_TYPES.MemberExpression && reader.object === entry && !reader.optional;
}

/**
 * `if (handlers.has(nsid)) throw new TypeError("already registered")`: a registry refusing a key
 * twice, not a cache returning a hit.
 */
function isDuplicateCheck(lookup: TSESTree.Node): boolean {
  const outer = getOutermostWrapper(lookup);
  const parent = outer.parent;
  // atproto's lex-builder: `if (!imported.has(id)) { imported.add(id) } else { throw … }`.
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "!") {
    const statement = parent.parent;
    return statement.type === AST_NODE_TYPES.IfStatement && statement.test === parent && isOnlyThrow(statement.alternate);
  }
  return parent?.type === AST_NODE_TYPES.IfStatement && skipExpressionWrappers(parent.test) === lookup && isOnlyThrow(parent.consequent);
}

/**
 * The collection's key type is a class, by the type arguments of its creation or annotation
 * (`new Map<Class<unknown>, …>()`, `Map<Type<T>, …>`, `Map<new () => T, …>`): one entry per class
 * the code declares.
 */
function hasClassKeys(collection: LongLivedCollection): boolean {
  const creation = collection.creation;
  const fromCreation = creation.type === AST_NODE_TYPES.NewExpression ? creation.typeArguments?.params[0] : undefined;
  const annotation = collection.annotation;
  const fromAnnotation = annotation?.type === AST_NODE_TYPES.TSTypeReference ? annotation.typeArguments?.params[0] : undefined;
  const key = fromCreation ?? fromAnnotation;
  if (key?.type === AST_NODE_TYPES.TSConstructorType) return true;
  if (key?.type !== AST_NODE_TYPES.TSTypeReference || key.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  return CLASS_TYPE_NAMES.includes(key.typeName.name) || (key.typeArguments !== undefined && CLASS_TYPE_NAMES_WITH_ARGUMENT.includes(key.typeName.name));
}

/**
 * The store sits in a branch where its key equals a key written in the code: a `case "azure":`
 * of `switch (key)` (Flowise's `IdentityManager`, one provider per case) or an `if (key === "a")`,
 * or between two bounds written in the code (`if (value >= -128 && value < 128)`).
 * A `default` before the case may fall through to it with any key.
 */
function isKeyFixedByBranch(file: FileContext, store: CollectionUse): boolean {
  const key = store.key;
  if (!key) return false;
  for (let node: TSESTree.Node = store.node; node.parent && !isFunctionNode(node); node = node.parent) {
    const parent = node.parent;
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && parent.test !== node) {
      const switchNode = parent.parent;
      const cases = switchNode.cases;
      const before = cases.slice(0, cases.indexOf(parent));
      return isWrittenKey(parent.test) && sameKey(file, switchNode.discriminant, key) && !before.some((branch) => branch.test === null);
    }
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== node) continue;
    const conjuncts = getConjuncts(parent.test);
    if (conjuncts.some((test) => isEqualityWithCodeKey(file, test, key)) || (conjuncts.some((test) => isBoundOf(file, test, key, "lower")) && conjuncts.some((test) => isBoundOf(file, test, key, "upper")))) return true;
  }
  return false;
}

/**
 * `key >= -128` (a lower bound) or `key < 128` (an upper bound), either way round, against a
 * value written in the code: with both, a range of integers (neo4j's cache of small `Integer`s).
 */
function isBoundOf(file: FileContext, test: TSESTree.Node, key: TSESTree.Node, bound: "lower" | "upper"): boolean {
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const below = test.operator === "<" || test.operator === "<=";
  if (!below && test.operator !== ">" && test.operator !== ">=") return false;
  // `key < n` bounds it from above, `n < key` from below.
  if (sameKey(file, test.left, key) && isWrittenNumber(test.right)) return below === (bound === "upper");
  return sameKey(file, test.right, key) && isWrittenNumber(test.left) && below === (bound === "lower");
}

/** `key === "azure"`, `Provider.AZURE == key`. */
function isEqualityWithCodeKey(file: FileContext, test: TSESTree.Node, key: TSESTree.Node): boolean {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "===" && test.operator !== "==")) return false;
  return (sameKey(file, test.left, key) && isWrittenKey(test.right)) || (sameKey(file, test.right, key) && isWrittenKey(test.left));
}

/** A value written in the code: `"azure"`, `3`, `MAX_KEY`, `Provider.Azure`, `Keys.AZURE`. */
function isWrittenKey(raw: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0;
  if (node.type === AST_NODE_TYPES.Identifier) return CONSTANT_NAME.test(node.name);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return false;
  return CONSTANT_NAME.test(node.property.name) || (node.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/u.test(node.object.name));
}

/** `throw …`, alone or as the only statement of a block. */
function isOnlyThrow(branch: TSESTree.Statement | null): boolean {
  return getSoleStatement(branch)?.type === AST_NODE_TYPES.ThrowStatement;
}

/** `a && b && c` as its operands; anything else as itself. */
function getConjuncts(raw: TSESTree.Node): TSESTree.Node[] {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === "&&") return [...getConjuncts(node.left), ...getConjuncts(node.right)];
  return [node];
}

/**
 * The stored value is a client, connection or pool made for the key: the value (or the variable
 * holding it) comes from a factory with such a name or of a library kind that owns connections
 * (trigger.dev ClickhouseFactory: `client = buildOrgClickhouseClient(url); cache.set(key, client)`),
 * a job queue's client (bullmq `new Queue(name, { connection })`), or an `Intl` formatter made
 * for a locale or time zone.
 */
function isResourceValue(file: FileContext, value: TSESTree.Node | undefined): boolean {
  return getStoredValues(file, value).some((stored) => stored !== null && (isResourceCreation(file, stored) || isRecordOfResource(file, stored)));
}

/** `{ id, client }` with `client = new WebClient(token)`: a record that holds a client made for the key (matrix-appservice-slack's puppets). */
function isRecordOfResource(file: FileContext, stored: TSESTree.Node): boolean {
  const node = skipExpressionWrappers(stored);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && getStoredValues(file, property.value).some((value) => value !== null && isResourceCreation(file, value)),
  );
}

function isResourceCreation(file: FileContext, raw: TSESTree.Node): boolean {
  let node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = skipExpressionWrappers(node.argument);
  // langfuse's queue per shard: `options ? new Queue(name, options) : null`, a client or none.
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    const branches = [node.consequent, node.alternate].filter((branch) => !isNullish(branch));
    return branches.length > 0 && branches.every((branch) => isResourceCreation(file, branch));
  }
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipExpressionWrappers(node.callee);
  const name = getCalleeName(node);
  if (name !== undefined && RESOURCE_FACTORY_NAME.test(name)) return true;
  // A static factory of a class named like one (autumn's `DynamoDBDocumentClient.from(new DynamoDBClient(config))`).
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/u.test(callee.object.name) && RESOURCE_FACTORY_NAME.test(callee.object.name)) return true;
  if (name !== undefined && isPerLocaleConstructor(file, callee, name)) return true;
  if (node.type === AST_NODE_TYPES.NewExpression && (isJobConstructor(file, callee) || isSdkClientConstructor(file, callee))) return true;
  // With types, asked only where a type of a library that owns connections can reach the file:
  // elsewhere no stored value can have one (`ts.createModeAwareCache()`, 20–30 ms to resolve).
  return getValueKindInFile(getFileForTrait(file, CONNECTION_OWNER_TRAIT), node)?.knowledge.ownsConnections === true;
}

/** `new Queue(name, { connection })` of bullmq, bull or bee-queue, a client with connections of its own; `new CronJob(…)` of cron, a running job. */
function isJobConstructor(file: FileContext, callee: TSESTree.Node): boolean {
  const origin = getImportPath(file, callee);
  if (!origin?.module || !Object.hasOwn(JOB_CONSTRUCTORS, origin.module) || origin.path.length > 1) return false;
  return JOB_CONSTRUCTORS[origin.module]!.includes(origin.path[0] ?? "default");
}

/** `new S3(options)` of `@aws-sdk/client-s3`, `new Client(…)` of `@elastic/elasticsearch`: an SDK's client. */
function isSdkClientConstructor(file: FileContext, callee: TSESTree.Node): boolean {
  const module = getImportPath(file, callee)?.module;
  return typeof module === "string" && SDK_CLIENT_MODULE_PREFIXES.some((prefix) => module.startsWith(prefix));
}

/** `Intl.DateTimeFormat` with `Intl` not shadowed (dayjs's timezone plugin caches one per zone). */
function isPerLocaleConstructor(file: FileContext, callee: TSESTree.Node, name: string): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !PER_LOCALE_CONSTRUCTORS.names.includes(name)) return false;
  const object = skipExpressionWrappers(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== PER_LOCALE_CONSTRUCTORS.global) return false;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(object), object);
  return !variable || variable.defs.length === 0;
}

/** `const cacheKey = JSON.stringify(req.query)` then `cache.get(cacheKey)`: the initialiser. */
function getKeySource(file: FileContext, key: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const node = key ? skipExpressionWrappers(key) : undefined;
  if (node?.type !== AST_NODE_TYPES.Identifier) return key;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(node), node)?.defs[0];
  // `const { key } = options`: the name says more than the object it comes from.
  if (definition?.type !== DefinitionType.Variable || definition.parent.kind !== "const" || !definition.node.init || definition.node.id.type !== AST_NODE_TYPES.Identifier) return key;
  return definition.node.init;
}

function sameKey(file: FileContext, a: TSESTree.Node | undefined, b: TSESTree.Node | undefined): boolean {
  if (!a || !b) return a === b;
  return file.sourceCode.getText(skipExpressionWrappers(a)) === file.sourceCode.getText(skipExpressionWrappers(b));
}

/**
 * `map.set(name, handler)` with `handler` a parameter, or an object holding one
 * (`routes[path] = { ...routes[path], [method]: definition }`, `{ ...saved, ...state }`): the
 * caller hands the value in (a registry, a store), nothing is computed on a miss. The key's own
 * parameter does not count (`memo.set(key, { key, value: load(key) })`).
 */
function isParameterValue(file: FileContext, store: CollectionUse, fn: FunctionNode): boolean {
  const value = store.value ? skipExpressionWrappers(store.value) : undefined;
  if (!value) return false;
  const parts =
    value.type === AST_NODE_TYPES.ObjectExpression
      ? value.properties.map((property) => (property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value))
      : [value];
  const keyText = store.key ? file.sourceCode.getText(skipExpressionWrappers(store.key)) : undefined;
  return parts.some((raw) => {
    const part = skipExpressionWrappers(raw);
    if (part.type !== AST_NODE_TYPES.Identifier || part.name === keyText) return false;
    return fn.params.some((param) => {
      const inner = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
      return inner.type === AST_NODE_TYPES.Identifier && inner.name === part.name;
    });
  });
}

/** The store's function is a helper (a method or module function) that `fn` calls after `after`. */
function callsHelperAfter(file: FileContext, fn: FunctionNode, after: TSESTree.Node, helper: FunctionNode): boolean {
  if (helper === fn || contains(helper, fn)) return false;
  const parent = helper.parent;
  const callees: TSESTree.Node[] = [];
  if ((parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === helper) {
    const name = getStaticPropertyName(parent);
    for (const node of name === undefined ? [] : getPropertyUses(file, name)) {
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) callees.push(node);
    }
  } else {
    const declared = helper.type === AST_NODE_TYPES.FunctionDeclaration ? helper : parent.type === AST_NODE_TYPES.VariableDeclarator ? parent : null;
    const helperName = helper.type === AST_NODE_TYPES.FunctionDeclaration ? helper.id?.name : undefined;
    for (const variable of declared ? (file.sourceCode.scopeManager?.getDeclaredVariables(declared) ?? []) : []) {
      if (helperName !== undefined && variable.name !== helperName) continue;
      for (const reference of variable.references) if (!reference.init) callees.push(reference.identifier);
    }
  }
  return callees.some(
    (callee) => callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee && contains(fn, callee) && callee.range[0] > after.range[1],
  );
}

/**
 * The store runs only while an instance is made: in the constructor of the collection's class, or
 * in a method of the class that no code of the file calls but the constructor (`this.loadMondoMap()`,
 * ncats pharos's `DatabaseConfig`, which loads reference tables once), also in the callbacks and
 * promise handlers they run. The entries are those of the data it loads, once per instance.
 */
function runsAtConstruction(file: FileContext, collection: LongLivedCollection, fn: FunctionNode): boolean {
  const owner = getInvokingFunction(fn);
  if (isOwnConstructor(collection, owner)) return true;
  const method = owner.parent;
  return method.type === AST_NODE_TYPES.MethodDefinition && isMethodCalledOnlyFrom(file, method, (caller) => isOwnConstructor(collection, getInvokingFunction(caller)));
}

function isOwnConstructor(collection: LongLivedCollection, fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    collection.lifetime === "instance" &&
    parent.type === AST_NODE_TYPES.MethodDefinition &&
    parent.kind === "constructor" &&
    parent.parent.parent === collection.classNode
  );
}

/**
 * The stored value is a fresh empty container (a bucket the code fills next): written as is,
 * assigned in place (`grid.set(k, (cell = new Set()))`), or a variable that only ever holds
 * the looked-up entry or an empty container (`let cell = grid.get(k); if (!cell) { cell = []; grid.set(k, cell); }`,
 * `const cell = grid.get(k) ?? new Set()`).
 */
function isBucket(file: FileContext, value: TSESTree.Node | undefined, lookups: readonly CollectionUse[]): boolean {
  const isLookup = (stored: TSESTree.Node): boolean => {
    let inner = skipExpressionWrappers(stored);
    if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipExpressionWrappers(inner.argument);
    return lookups.some((lookup) => lookup.node === inner);
  };
  const values = getStoredValues(file, value).flatMap((stored) => getEntryParts(file, stored, true));
  return values.some((stored) => stored !== null && isEmptyContainer(stored)) && values.every((stored) => stored !== null && (isEmptyContainer(stored) || isLookup(stored)));
}

/**
 * What a stored value is made of: `byId.get(id) ?? new Set()` is the entry or an empty bucket in its
 * place; `rules.filter(…)` of a variable that holds one of those is a part of the entry (tigearis
 * Payroll-ByteMy's `removeRule()`: `const rules = this.pricingRules.get(serviceId) || []`, then
 * `this.pricingRules.set(serviceId, rules.filter(…))`), which stays empty on a miss.
 */
function getEntryParts(file: FileContext, stored: TSESTree.Node | null, filtered: boolean): (TSESTree.Node | null)[] {
  const inner = stored ? skipExpressionWrappers(stored) : null;
  if (inner?.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== "&&") return [inner.left, inner.right];
  if (filtered && inner?.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(inner.callee) === "filter") {
    return getStoredValues(file, inner.callee.object).flatMap((part) => getEntryParts(file, part, false));
  }
  return [stored];
}

/**
 * What a stored value can be: the expression itself (the right side of `grid.set(k, (cell = []))`),
 * or, for a local variable, every value written to it (`let cell = grid.get(k); if (!cell) cell = [];`),
 * with null for a write the analysis cannot see (destructuring, a loop variable). Nothing for
 * other names (parameters, imports).
 */
function getStoredValues(file: FileContext, raw: TSESTree.Node | undefined): readonly (TSESTree.Node | null)[] {
  const node = raw ? skipExpressionWrappers(raw) : undefined;
  if (!node) return [];
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === "=") return [node.right];
  if (node.type !== AST_NODE_TYPES.Identifier) return [node];
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  if (variable?.defs[0]?.type !== DefinitionType.Variable) return [];
  return variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.writeExpr ?? null);
}

function isEmptyContainer(raw: TSESTree.Node | undefined): boolean {
  const node = raw ? skipExpressionWrappers(raw) : undefined;
  if (node?.type === AST_NODE_TYPES.ArrayExpression || node?.type === AST_NODE_TYPES.ObjectExpression) {
    return (node.type === AST_NODE_TYPES.ArrayExpression ? node.elements.length : node.properties.length) === 0;
  }
  return node?.type === AST_NODE_TYPES.NewExpression && node.arguments.length === 0;
}

/**
 * `register(name, handler)`, `addRoute(…)`, `on(event, fn)`: a registry, filled from code. A
 * callback (`forEach((target) => …)`) belongs to the function that calls it.
 */
function isRegistryFunction(start: FunctionNode, isName: (name: string) => boolean = isRegistryName): boolean {
  let fn = start;
  while (fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.callee !== fn) {
    const outer = getEnclosingFunction(fn.parent);
    if (!outer) break;
    fn = outer;
  }
  const name = getPlainFunctionName(fn);
  if (name === undefined) return false;
  return isName(name);
}

/** `EntityId`, `Column`: a decorator or decorator factory by the convention of its name. */
const DECORATOR_NAME = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/u;

/**
 * A decorator (`function Entity(target) { … }`) or the function a decorator factory returns
 * (`export function EntityId() { return (entity, propertyName) => { … } }`): it runs once per
 * decorated class or member, when the class is defined, so what it stores is keyed by code.
 */
function isDecorator(fn: FunctionNode): boolean {
  // A decorator takes the class or prototype as a name: `Page({ params })` is a component.
  if (fn.params.length === 0 || fn.params.length > 3 || fn.params[0]?.type !== AST_NODE_TYPES.Identifier) return false;
  const parent = fn.parent;
  const returned = parent.type === AST_NODE_TYPES.ReturnStatement || (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === fn);
  const factory = returned ? getEnclosingFunction(fn) : null;
  const name = factory ? getPlainFunctionName(factory) : getPlainFunctionName(fn);
  return name !== undefined && DECORATOR_NAME.test(name);
}


/**
 * A `get`, `has` or `set` trap of a proxy's handler (`new Proxy({}, { get(_, scope) { … } })`):
 * its second parameter is a property name written where the proxy is read (AFFiNE's
 * `metrics.doc.counter(…)`), so a memo keyed by it holds one entry per name in the code.
 */
function isProxyTrap(fn: FunctionNode): boolean {
  const property = fn.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== fn) return false;
  const trap = getStaticPropertyName(property);
  const handler = property.parent;
  const proxy = handler.parent;
  return (
    (trap === "get" || trap === "has" || trap === "set") &&
    proxy?.type === AST_NODE_TYPES.NewExpression &&
    proxy.arguments[1] === handler &&
    proxy.callee.type === AST_NODE_TYPES.Identifier &&
    proxy.callee.name === "Proxy"
  );
}

/**
 * The arguments at `index` of the calls of a method whose name the file uses only in calls
 * (Unleash's `InstanceStatsService`: `this.memorize("getToggleCount", () => …)`, forty times), or
 * null. Code of other files can call a public method, so one call in the file is enough only where
 * none can (a `private`, `protected` or `#private` method); otherwise the file must call it at least twice.
 */
function getMethodArguments(file: FileContext, method: TSESTree.MethodDefinition, index: number): (TSESTree.Node | undefined)[] | null {
  const name = method.kind === "method" ? getStaticPropertyName(method) : undefined;
  if (name === undefined) return null;
  const calls = getMethodCallsOnly(file, name);
  if (!calls || calls.length < (isHiddenMember(method) ? 1 : 2)) return null;
  return calls.map((call) => call.arguments[index]);
}

/**
 * A key that comes from code rather than from a request: a literal, a constant, a name such as
 * `name`/`type`/`event`, `typeof x`, the parameter of a module function or method that every call in the
 * file gives such a key, or a parameter whose type allows a fixed set of values.
 */
function isCodeKey(file: FileContext, raw: TSESTree.Node | undefined, depth = 0): boolean {
  if (!raw) return false;
  if ((depth === 0 && !dependsOnCallInput(file, raw)) || isFiniteAssertion(file, raw)) return true;
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      // The parts of the key itself are judged as keys (bull-board's `${name}:${metric}`, `metric` given from a list).
      return node.expressions.every((expression) => isCodeKey(file, expression, depth === 0 ? 0 : depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === "+" && isCodeKey(file, node.left, depth + 1) && isCodeKey(file, node.right, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === "typeof";
    case AST_NODE_TYPES.LogicalExpression:
      return isCodeKey(file, node.left, depth + 1) && isCodeKey(file, node.right, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      if (isEnvironmentRead(node)) return true;
      const name = getStaticPropertyName(node);
      if (name === undefined || node.computed) return isTemplateStringsElement(file, node) || isConstantTableRead(file, node);
      if (CONSTANT_NAME.test(name) || isCodeKeyWord(name)) return true;
      if (isTableProperty(node)) return true;
      // `profile.email` of a parameter every call gives `{ email: ANONYMOUS_USER_EMAIL, … }`.
      const receiver = skipExpressionWrappers(node.object);
      return depth === 0 && receiver.type === AST_NODE_TYPES.Identifier && (isParameterGivenCodeKeys(file, receiver, name) || isTableEntry(file, receiver));
    }
    case AST_NODE_TYPES.Identifier:
      if (isCodeKeyName(file, node)) return true;
      if (depth === 0) return isParameterGivenCodeKeys(file, node) || hasFiniteParameterType(file, node) || isCodeKeyAlias(file, node);
      // What a call gives a parameter: a local made from code keys (Jackela's interceptor, `const operationId = `${className}.${methodName}``),
      // judged without following parameters further: a recursive method hands its own parameters round.
      return depth === 1 && isCodeKeyAlias(file, node, false);
    case AST_NODE_TYPES.CallExpression:
      if (isFunctionOf(node, (argument) => isCodeKey(file, argument, depth + 1))) return true;
      return isExistingFilePath(file, node) || isOwnMethodReturning(file, node, (value) => isCodeKey(file, value, depth + 1));
    case AST_NODE_TYPES.AwaitExpression:
      return isExistingFilePath(file, node);
    default:
      return false;
  }
}

/**
 * `this.getOperationName(context)`: a method of the class's own whose every return passes
 * `isKey` (Jackela's error interceptors, `return `${controller.name}.${handler.name}``, a NestJS
 * controller's class and handler names). A method already being asked about answers no.
 */
function isOwnMethodReturning(file: FileContext, call: TSESTree.CallExpression, isKey: (value: TSESTree.Node) => boolean): boolean {
  const callee = skipExpressionWrappers(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getOwnMethod(callee) : null;
  if (!method || askedMethods.has(method)) return false;
  askedMethods.add(method);
  try {
    if (method.body.type !== AST_NODE_TYPES.BlockStatement) return isKey(method.body);
    const returned: (TSESTree.Expression | null)[] = [];
    forEachOwnNode(file.sourceCode.visitorKeys, method.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push(node.argument);
    });
    return returned.length > 0 && returned.every((value) => value !== null && isKey(value));
  } finally {
    askedMethods.delete(method);
  }
}

const askedMethods = new Set<FunctionNode>();

/**
 * `handler.name` of `const handler = context.getHandler()`, or `context.getClass().name`: the
 * name of a function or class of the code, which a framework hands over (`CODE_OBJECT_METHODS`).
 */
function isCodeObjectName(file: FileContext, member: TSESTree.MemberExpression): boolean {
  if (getStaticPropertyName(member) !== "name") return false;
  let object = skipExpressionWrappers(member.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(file.sourceCode.getScope(object), object);
    const init = variable ? getConstantInit(variable) : null;
    if (!init) return false;
    object = skipExpressionWrappers(init);
  }
  return object.type === AST_NODE_TYPES.CallExpression && CODE_OBJECT_METHODS.includes(getCalledMethodName(object) ?? "");
}

/**
 * A property of a table (powersync's warnings per `table.objectId`; dbgate's replicator, per
 * `` `${table.schemaName}.${table.pureName}` ``): one per table of the schema.
 */
function isTableProperty(member: TSESTree.MemberExpression): boolean {
  const receiver = skipExpressionWrappers(member.object);
  const receiverName = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(receiver) : undefined;
  return receiverName !== undefined && TABLE_NAME.test(receiverName);
}

/** A name that holds a code key by what it is: a constant, a code-key name, a table, the element of a constant list. */
function isCodeKeyName(file: FileContext, node: TSESTree.Identifier): boolean {
  return CONSTANT_NAME.test(node.name) || isCodeKeyWord(node.name) || TABLE_NAME.test(node.name) || isElementOfConstantList(file, node);
}

/** A name from CODE_KEY_NAMES, or one that names a kind (`entityType`). */
function isCodeKeyWord(name: string): boolean {
  return CODE_KEY_NAMES.includes(name) || CATEGORY_KEY_NAME.test(name);
}

/**
 * `for (const metric of METRICS)`: the element of a module constant (bull-board's metric names),
 * or a part of it (`for (const [kw, category] of Object.entries(keywords))`), where the list is a
 * constant, its keys, values or entries, or a parameter every call gives a constant
 * (worldmonitor's keyword regular expressions, per keyword of the table `matchKeywords` is given).
 */
function isElementOfConstantList(file: FileContext, node: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const elements = variable ? getForOfList(variable) : null;
  if (!elements) return false;
  const list = getObjectListSource(file, skipExpressionWrappers(elements));
  if (list.type !== AST_NODE_TYPES.Identifier) return false;
  if (CONSTANT_NAME.test(list.name)) return true;
  const parameter = getParameterPosition(file, list);
  const given = parameter && getParameterArguments(file, parameter);
  return !!given && given.every((argument) => argument?.type === AST_NODE_TYPES.Identifier && CONSTANT_NAME.test(argument.name));
}

/** `x` of `Object.keys(x)`, `Object.values(x)`, `Object.entries(x)` (`OBJECT_ENTRY_LISTS`); else the list itself. */
function getObjectListSource(file: FileContext, list: TSESTree.Node): TSESTree.Node {
  if (list.type !== AST_NODE_TYPES.CallExpression || list.arguments.length !== 1 || !list.arguments[0]) return list;
  return OBJECT_ENTRY_LISTS.includes(file.sourceCode.getText(list.callee)) ? skipExpressionWrappers(list.arguments[0]) : list;
}

/**
 * A variable the key names, written only by its initialiser, holds a code key: a copy of one
 * (moleculer's `const origPattern = pattern`, kept before `pattern` is rewritten), a sum of them
 * (sails' `var key = file + ":string"`) or the path of a file on disk.
 */
function isCodeKeyAlias(file: FileContext, node: TSESTree.Identifier, followParameters = true): boolean {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const init = variable ? getConstantInit(variable) : null;
  return init !== null && (isExistingFilePath(file, init) || isNameSum(file, init, followParameters));
}

/**
 * A call of a named function whose arguments are all code keys (powersync's
 * `sourceTableRefKey(table)`), or of a string method of a code key given only code keys (chat-ui's
 * `tagName.toLowerCase()`): it has no more values than they have. A method of any other value
 * (`id.slice(0, 8)`), or another method (`status.getId()`), is not.
 */
function isFunctionOf(call: TSESTree.CallExpression, isKey: (argument: TSESTree.Node) => boolean): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return call.arguments.length > 0 && call.arguments.every(isKey);
  return callee.type === AST_NODE_TYPES.MemberExpression && KEY_DERIVING_METHODS.includes(getStaticPropertyName(callee) ?? "") && isKey(callee.object) && call.arguments.every(isKey);
}

/**
 * Literals and code-key names, joined by `+`, `??` or a template or given to a named function: no
 * member read (`token.name` may be data) but the environment's (`process.env[name]`, fixed when
 * the process starts). A name is a constant, a code-key name, a table, an element of a constant
 * list, or a parameter every call gives a code key or whose type allows a fixed set of values.
 */
function isNameSum(file: FileContext, raw: TSESTree.Node, followParameters = true): boolean {
  if (isFiniteAssertion(file, raw)) return true;
  const node = skipExpressionWrappers(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.Identifier:
      return isCodeKeyName(file, node) || hasFiniteParameterType(file, node) || (followParameters && isParameterGivenCodeKeys(file, node));
    case AST_NODE_TYPES.CallExpression:
      return isFunctionOf(node, (argument) => isNameSum(file, argument, followParameters)) || isOwnMethodReturning(file, node, (value) => isNameSum(file, value, followParameters));
    case AST_NODE_TYPES.MemberExpression:
      return isEnvironmentRead(node) || isTemplateStringsElement(file, node) || isConstantTableRead(file, node) || isCodeObjectName(file, node) || (!node.computed && isTableProperty(node));
    case AST_NODE_TYPES.LogicalExpression:
      return isNameSum(file, node.left, followParameters) && isNameSum(file, node.right, followParameters);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every((expression) => isNameSum(file, expression, followParameters));
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === "+" && isNameSum(file, node.left, followParameters) && isNameSum(file, node.right, followParameters);
    default:
      return false;
  }
}

/**
 * webiny's authenticators: `createAuthenticator(config)` returns a function whose `getJWKs()`
 * caches by `config.domain` (or `${region}:${userPoolId}` destructured from `config`). The key
 * comes only from a parameter of a factory around the storing function, one that returns a
 * function: fixed for each function the factory makes, the same on every call. A request
 * handler's parameters (`req.params.id`) do not count: a handler returns no function.
 */
function isFactoryConfigKey(file: FileContext, raw: TSESTree.Node | undefined, fn: FunctionNode, depth: number): boolean {
  const node = raw && skipExpressionWrappers(raw);
  if (!node || depth > 3) return false;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every((expression) => isFactoryConfigKey(file, expression, fn, depth + 1));
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && isFactoryConfigKey(file, node.object, fn, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const definition = ASTUtils.findVariable(file.sourceCode.getScope(node), node)?.defs[0];
      if (definition?.type === DefinitionType.Parameter) {
        const factory = definition.node as FunctionNode;
        return factory !== fn && contains(factory, fn) && returnsFunction(factory);
      }
      // `const key = config.domain`, `const { region, userPoolId } = config`.
      return definition?.type === DefinitionType.Variable && definition.parent.kind === "const" && isFactoryConfigKey(file, definition.node.init ?? undefined, fn, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * `return async (token) => …`, `return auth0Authenticator` (a function declared inside), an arrow
 * whose body is a function, or an object made around functions (`return new ContextPlugin(fn)`,
 * `return { verify() { … } }`), not a promise.
 */
function returnsFunction(factory: FunctionNode): boolean {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return isFunctionNode(factory.body);
  const last = factory.body.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return false;
  const value = skipExpressionWrappers(last.argument);
  if (isFunctionNode(value)) return true;
  if (value.type === AST_NODE_TYPES.NewExpression && !(value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === "Promise")) {
    return value.arguments.some((argument) => isFunctionNode(argument));
  }
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && (property.method || isFunctionNode(property.value)));
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  return factory.body.body.some(
    (statement) =>
      (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === value.name) ||
      (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === value.name && declarator.init != null && isFunctionNode(skipExpressionWrappers(declarator.init)))),
  );
}

/** `resolve.sync(name, { paths })`, `await fs.promises.realpath(p)`: the path of a file on disk, or a throw. */
function isExistingFilePath(file: FileContext, raw: TSESTree.Node | undefined): boolean {
  let node = raw && skipExpressionWrappers(raw);
  if (node?.type === AST_NODE_TYPES.AwaitExpression) node = skipExpressionWrappers(node.argument);
  if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipExpressionWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.MetaProperty) {
    return callee.object.meta.name === "import" && getStaticPropertyName(callee) === "resolve";
  }
  const origin = getImportPath(file, callee);
  // A global (`require.resolve`) is listed under the empty module name.
  const module = origin?.module ?? "";
  if (!origin || !Object.hasOwn(EXISTING_PATH_RESOLVERS, module)) return false;
  return EXISTING_PATH_RESOLVERS[module]!.includes(origin.path.join("."));
}

/**
 * `function getLogger(scope) { … }` called only as `getLogger("db")` in this module; with
 * `property`, the parameter's property of that name: every call passes an object whose property
 * is a code key (grist's `_maybeCreateSpecialUserId({ email: ANONYMOUS_USER_EMAIL, … })`).
 */
function isParameterGivenCodeKeys(file: FileContext, identifier: TSESTree.Identifier, property?: string): boolean {
  const parameter = getParameterPosition(file, identifier);
  if (!parameter) return false;
  // The key of a proxy's `get`, `has` or `set` trap.
  if (property === undefined && parameter.index === 1 && isProxyTrap(parameter.fn)) return true;
  const given = getParameterArguments(file, parameter);
  return given !== null && given.every((argument) => isGivenCodeKey(file, argument, property));
}

/**
 * An entry of a table the code writes or of a registry (`const registration = this.services.get(token)`),
 * or a parameter every call gives one, through up to three calls (hospital-management's
 * `DIContainer`: `resolve` hands the registration to `createInstance`, which hands it to
 * `createSingletonInstance`): a property of it takes one value per entry.
 */
function isTableEntry(file: FileContext, identifier: TSESTree.Identifier, depth = 0): boolean {
  if (depth > 3) return false;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition?.type === DefinitionType.Variable) return definition.parent.kind === "const" && definition.node.init !== null && isWrittenTableEntry(file, definition.node.init);
  const parameter = getParameterPosition(file, identifier);
  const given = parameter && getParameterArguments(file, parameter);
  return !!given && given.every((argument) => argument?.type === AST_NODE_TYPES.Identifier && isTableEntry(file, argument, depth + 1));
}

/** The function that `identifier` is a parameter of, and its position (`x` of `(a, x = 1)`: 1). */
function getParameterPosition(file: FileContext, identifier: TSESTree.Identifier): { fn: FunctionNode; index: number } | null {
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition?.type !== DefinitionType.Parameter) return null;
  const fn = definition.node as FunctionNode;
  const index = fn.params.findIndex((param) => param === definition.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === definition.name));
  return index === -1 ? null : { fn, index };
}

/**
 * What every call in the file gives a parameter: of a module-level function whose every use is a
 * call, or of a method (`getMethodArguments`). Null when some use is no call, or the function is of
 * another kind: its callers are unknown.
 */
function getParameterArguments(file: FileContext, { fn, index }: { fn: FunctionNode; index: number }): (TSESTree.Node | undefined)[] | null {
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn) return getMethodArguments(file, fn.parent, index);
  const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : null;
  const statement = declared?.type === AST_NODE_TYPES.VariableDeclarator ? declared.parent : declared;
  if (!declared || statement?.parent?.type !== AST_NODE_TYPES.Program) return null;
  const functionName = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id?.name : undefined;
  const references = (file.sourceCode.scopeManager?.getDeclaredVariables(declared) ?? [])
    .filter((variable) => functionName === undefined || variable.name === functionName)
    .flatMap((variable) => variable.references.filter((reference) => !reference.init));
  const given: (TSESTree.Node | undefined)[] = [];
  for (const reference of references) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return null;
    given.push(call.arguments[index]);
  }
  return given.length > 0 ? given : null;
}

/** The argument is a code key, or with `property`, an object literal whose property of that name holds one. */
function isGivenCodeKey(file: FileContext, argument: TSESTree.Node | undefined, property: string | undefined): boolean {
  if (property === undefined) return isCodeKey(file, argument, 1);
  const object = argument && skipExpressionWrappers(argument);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  // The last property of the name wins; a spread may hold it too.
  let value: TSESTree.Property | undefined;
  for (const candidate of object.properties) {
    if (candidate.type === AST_NODE_TYPES.SpreadElement) return false;
    const name = getStaticPropertyName(candidate);
    if (name === undefined) return false;
    if (name === property) value = candidate;
  }
  return value !== undefined && value.kind === "init" && isCodeKey(file, value.value, 1);
}

/** The first append (`push`) to a module-level array in a function that runs after import time. */
export function getAppendGrowth(collection: LongLivedCollection): MemoGrowth | null {
  for (const store of collection.uses) {
    if (store.kind !== "store" || store.foreign) continue;
    const fn = getEnclosingFunction(store.node);
    if (fn && !runsAtImportTime(fn) && !isRegistryFunction(fn)) return { store, fn, key: undefined, keySource: undefined };
  }
  return null;
}
