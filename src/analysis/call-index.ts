import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { AnyRuleContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getFileContext } from "./file-context.js";

/**
 * The calls of one file, gathered once for every rule of the plugin and indexed by the name they
 * are called by. Five rules start from calls, most of them from calls of a few method names. With
 * a `CallExpression` listener each, every call of every file was read five times; here one
 * listener, registered by the first rule that asks for the index in a file, reads each call once,
 * while the traverser has just visited it, and each rule looks up the names it knows at
 * `Program:exit`, touching no other call.
 */
export interface CallIndex {
  /** Every call of the file, in traversal order (an outer call before the calls inside it). */
  readonly calls: readonly TSESTree.CallExpression[];
  /** The calls of a method named in `names` (`x.name()`, `x?.["name"]()`, `(x as T).name()`), in traversal order. */
  callsToMethods: (names: ReadonlySet<string>) => TSESTree.CallExpression[];
  /** The calls of a method or function (`name()`) named in `names`, in traversal order. */
  callsToMethodsOrFunctions: (names: ReadonlySet<string>) => TSESTree.CallExpression[];
}

interface IndexState {
  /** The rule that collects for this file (ESLint's rule id), when the platform gives one. */
  readonly collector: string | undefined;
  readonly calls: TSESTree.CallExpression[];
  /** Positions in `calls`, by method name and by function name. */
  readonly byMethod: Map<string, number[]>;
  readonly byFunction: Map<string, number[]>;
  /** The reader every rule gets at `Program:exit`. */
  index?: CallIndex;
}

/**
 * The listeners a rule returns to read the file's calls: `atExit` runs at `Program:exit` with the
 * complete index. The rule must return exactly what this returns (its own listeners go in
 * `listeners`): the first rule to ask collects for all.
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
    state = { collector: id, calls: [], byMethod: new Map(), byFunction: new Map() };
    file.callIndex = state;
  }
  const current = state!;
  const result: TSESLint.RuleListener = Object.assign({}, listeners);
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
  }
  return result;
}

function record(state: IndexState, call: TSESTree.CallExpression): void {
  const position = state.calls.push(call) - 1;
  let callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Identifier) callee = skipExpressionWrappers(callee) as typeof callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = callee.property;
    const name = !callee.computed && property.type === AST_NODE_TYPES.Identifier ? property.name : getStaticPropertyName(callee);
    if (name !== undefined) add(state.byMethod, name, position);
  } else if (callee.type === AST_NODE_TYPES.Identifier) {
    add(state.byFunction, callee.name, position);
  }
}

function add(map: Map<string, number[]>, name: string, position: number): void {
  const list = map.get(name);
  if (list) list.push(position);
  else map.set(name, [position]);
}

function createIndex(state: IndexState): CallIndex {
  state.index ??= buildIndex(state);
  return state.index;
}

function buildIndex(state: IndexState): CallIndex {
  const pick = (maps: readonly Map<string, number[]>[], names: ReadonlySet<string>): TSESTree.CallExpression[] => {
    const positions: number[] = [];
    for (const map of maps) {
      // Whichever side is smaller: a file calls few names, a rule may know many.
      if (map.size < names.size) {
        for (const [name, list] of map) if (names.has(name)) positions.push(...list);
      } else {
        for (const name of names) {
          const list = map.get(name);
          if (list) positions.push(...list);
        }
      }
    }
    positions.sort((left, right) => left - right);
    return positions.map((position) => state.calls[position]!);
  };
  return {
    calls: state.calls,
    callsToMethods: (names) => pick([state.byMethod], names),
    callsToMethodsOrFunctions: (names) => pick([state.byMethod, state.byFunction], names),
  };
}
