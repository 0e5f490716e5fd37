import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getFileContext } from "./file-context.js";

/**
 * The calls of one file, gathered once for every rule of the plugin with the name they are
 * called by. Five rules start from calls, most of them from calls of a few method names. With a
 * `CallExpression` listener each, every call of every file was read five times; here one
 * listener, registered by the first rule that asks for the index in a file, reads each call once,
 * while the traverser has just visited it, and each rule looks up the names it knows at
 * `Program:exit`, in a flat array of names, touching no other node.
 */
export interface CallIndex {
  /** Every call of the file, in traversal order (an outer call before the calls inside it). */
  readonly calls: readonly TSESTree.CallExpression[];
  /** The calls of a method named in `names` (`x.name()`, `x?.["name"]()`, `(x as T).name()`), in traversal order. */
  callsToMethods: (names: ReadonlySet<string>) => readonly TSESTree.CallExpression[];
  /** The calls of a method or function (`name()`) named in `names`, in traversal order. */
  callsToMethodsOrFunctions: (names: ReadonlySet<string>) => readonly TSESTree.CallExpression[];
  /** The calls inside `node` (nested functions included), in traversal order: a search by position, no walk of its nodes. */
  callsWithin: (node: TSESTree.Node) => TSESTree.CallExpression[];
  /** Every tagged template whose tag is a method (`` prisma.$queryRaw`…` ``), in traversal order: a call of that method. */
  readonly taggedMethodCalls: readonly TSESTree.TaggedTemplateExpression[];
}

interface IndexState {
  /** The rule that collects for this file (ESLint's rule id), when the platform gives one. */
  readonly collector: string | undefined;
  readonly calls: TSESTree.CallExpression[];
  readonly taggedMethodCalls: TSESTree.TaggedTemplateExpression[];
  /**
   * Parallel to `calls`: the method name (`x.name()`) or the function name (`name()`), or
   * `undefined`. Two flat arrays, sorted into the asked sets at the first question (`groupCalls`),
   * cost less than a map of position lists built while traversing: a file calls hundreds of
   * distinct names, and the rules ask about a handful of sets (measured: the map cost about four
   * times the scans, mostly its allocations). Whether a name is a method's is read from the call
   * only when the name is asked for.
   */
  readonly names: (string | undefined)[];
  /** The calls of each name set of `askedSets` (by position) known when the file was first asked. */
  groups?: TSESTree.CallExpression[][];
  /** The reader every rule gets at `Program:exit`. */
  index?: CallIndex;
}

/**
 * The name sets rules ask about in every file (a handful: the knowledge base's, and those extended
 * by settings), and for each name the bit of every set that holds it. The first question about a
 * file sorts its calls into every such set at once, with one map lookup per call, and each later
 * question takes its list: the rules ask five or six questions of every file, and a scan per
 * question tested every call's name against each set. A set is kept from its second question on,
 * so that one made afresh per question is answered by a scan and never takes a bit.
 */
const askedSets: ReadonlySet<string>[] = [];
const setsOfName = new Map<string, number>();
const askedOnce = new WeakSet<ReadonlySet<string>>();
/** Bits of a 32-bit mask; a set asked after them is answered by a scan of its own. */
const MAX_SETS = 31;

/** How many name sets the index keeps (for tests: a set made afresh per question must not be kept). */
export function countKeptNameSets(): number {
  return askedSets.length;
}

function getSetBit(names: ReadonlySet<string>): number {
  const known = askedSets.indexOf(names);
  if (known !== -1 || askedSets.length === MAX_SETS) return known;
  if (!askedOnce.has(names)) {
    askedOnce.add(names);
    return -1;
  }
  const bit = askedSets.push(names) - 1;
  for (const name of names) setsOfName.set(name, (setsOfName.get(name) ?? 0) | (1 << bit));
  return bit;
}

/**
 * The listeners a rule returns to read the file's calls: `atExit` runs at `Program:exit` with the
 * complete index. The rule must return exactly what this returns (its own listeners go in
 * `listeners`, an object made for this call, which this completes): the first rule to ask collects
 * for all.
 *
 * ESLint (and oxlint) create every rule of a file before traversing it, and run every
 * `Program:exit` after the last call was visited, so the index is complete for all of them.
 */
export function withCallIndex(context: AnyRuleContext, atExit: (index: CallIndex) => void, listeners: TSESLint.RuleListener = {}): TSESLint.RuleListener {
  const file = getFileContext(context);
  const id = (context as { readonly id?: string }).id;
  let state = file.callIndex as IndexState | undefined;
  // The same tree linted again (a reused SourceCode) by the rule that collected it: collect anew.
  const collects = !state || (state.collector !== undefined && state.collector === id);
  if (collects) {
    state = { collector: id, calls: [], taggedMethodCalls: [], names: [] };
    file.callIndex = state;
  }
  const current = state!;
  // The rule's own object, made for this file, is taken over rather than copied.
  const result = listeners;
  const exit = listeners["Program:exit"];
  result["Program:exit"] = (node: TSESTree.Program): void => {
    exit?.(node);
    atExit(createIndex(current));
  };
  if (collects) {
    const own = listeners.CallExpression;
    result.CallExpression = own
      ? (node: TSESTree.CallExpression): void => {
          record(current, node);
          own(node);
        }
      : (node: TSESTree.CallExpression): void => record(current, node);
    const ownTagged = listeners.TaggedTemplateExpression;
    result.TaggedTemplateExpression = (node: TSESTree.TaggedTemplateExpression): void => {
      if (skipExpressionWrappers(node.tag).type === AST_NODE_TYPES.MemberExpression) current.taggedMethodCalls.push(node);
      ownTagged?.(node);
    };
  }
  return result;
}

/**
 * The index of the file a rule collected, for analyses asked at `Program:exit` without the rule's
 * index at hand (`getBindingEvidenceKind`). Undefined when no rule collects this file.
 */
export function getCollectedCallIndex(file: FileContext): CallIndex | undefined {
  const state = file.callIndex as IndexState | undefined;
  return state ? createIndex(state) : undefined;
}

function record(state: IndexState, call: TSESTree.CallExpression): void {
  state.calls.push(call);
  let callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Identifier) callee = skipExpressionWrappers(callee) as typeof callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = callee.property;
    state.names.push(!callee.computed && property.type === AST_NODE_TYPES.Identifier ? property.name : getStaticPropertyName(callee));
  } else {
    state.names.push(callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined);
  }
}

/** `x.name()`, `x?.name()`, `(x as T).name()`: the call's name is a method's. */
function isMethodCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.MemberExpression || skipExpressionWrappers(call.callee).type === AST_NODE_TYPES.MemberExpression;
}

function createIndex(state: IndexState): CallIndex {
  state.index ??= buildIndex(state);
  return state.index;
}

/** The calls named in `names`, methods or functions, in traversal order. */
function findNamedCalls(state: IndexState, names: ReadonlySet<string>): readonly TSESTree.CallExpression[] {
  const bit = getSetBit(names);
  if (bit !== -1) {
    state.groups ??= groupCalls(state);
    const group = state.groups[bit];
    if (group) return group;
  }
  // A set first asked after this file's calls were sorted, or past the last bit.
  const { calls, names: callNames } = state;
  const found: TSESTree.CallExpression[] = [];
  for (let position = 0; position < calls.length; position++) {
    const name = callNames[position];
    if (name !== undefined && names.has(name)) found.push(calls[position]!);
  }
  return found;
}

function groupCalls(state: IndexState): TSESTree.CallExpression[][] {
  const { calls, names: callNames } = state;
  const groups: TSESTree.CallExpression[][] = askedSets.map(() => []);
  for (let position = 0; position < calls.length; position++) {
    const name = callNames[position];
    let mask = name === undefined ? undefined : setsOfName.get(name);
    if (mask === undefined) continue;
    for (let bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) groups[bit]!.push(calls[position]!);
  }
  return groups;
}

function buildIndex(state: IndexState): CallIndex {
  const { calls } = state;
  return {
    calls,
    taggedMethodCalls: state.taggedMethodCalls,
    callsToMethods: (names) => {
      const named = findNamedCalls(state, names);
      return named.every(isMethodCall) ? named : named.filter(isMethodCall);
    },
    callsToMethodsOrFunctions: (names) => findNamedCalls(state, names),
    callsWithin: (node) => {
      // Traversal order visits a node before its children and children in source order, so the
      // calls are sorted by where they start: the first one inside `node` is found by halves.
      const [start, end] = node.range;
      let low = 0;
      let high = calls.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (calls[middle]!.range[0] < start) low = middle + 1;
        else high = middle;
      }
      const found: TSESTree.CallExpression[] = [];
      for (let position = low; position < calls.length && calls[position]!.range[0] < end; position++) found.push(calls[position]!);
      return found;
    },
  };
}
