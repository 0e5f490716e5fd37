import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { FileContext } from "./file-context.js";
import type { Iteration } from "./iteration.js";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { MAP_PROTOCOL, SET_PROTOCOL } from "../knowledge/bounded-caches.js";
import { alwaysLeaves, contains, forEachOwnNode, getCalledMethodName, getCallReceiver, skipExpressionWrappers } from "./ast.js";
import { isObjectListing } from "./iteration.js";

/** Methods that look an entry up, and those that store one, on a `Map` or a `Set`. */
const LOOKUPS: ReadonlySet<string> = new Set([...MAP_PROTOCOL.lookups, ...SET_PROTOCOL.lookups]);
const STORES: ReadonlySet<string> = new Set([...MAP_PROTOCOL.stores, ...SET_PROTOCOL.stores]);
const SHRINKS: ReadonlySet<string> = new Set([...MAP_PROTOCOL.shrinks, ...SET_PROTOCOL.shrinks]);

/**
 * Whether `query` runs only on a miss of a memo kept outside the iteration `body`: the body looks
 * the key up (`let data = templateCache.get(Number(templateId))`), the query sits in an `if` that
 * then stores the result under the same key (`templateCache.set(Number(templateId), data)`), and
 * the memo is declared outside the body. That is one query per distinct key, a deduplication the
 * code chose (unsend's template per email of a batch), not one per element. Not when the key is
 * the loop's own key over a listing of distinct keys (`isDistinct`: `for (const [propertyId, amount]
 * of invoicesByProperty.entries())`, Mytegroup's expense report): each key comes once, so the memo
 * never answers for the loop's own stores.
 */
export function isMemoizedPerKey(
  file: FileContext,
  query: TSESTree.Node,
  body: TSESTree.Node,
  isKept = (memo: TSESTree.Expression): boolean => isDeclaredOutside(file, memo, body),
  isDistinct: (key: TSESTree.Node) => boolean = () => false,
): boolean {
  const text = (node: TSESTree.Node): string => file.sourceCode.getText(skipExpressionWrappers(node));
  for (let node = query.parent; node && node !== body; node = node.parent) {
    // The query in the branch taken on a miss: `if (!cached) { … }`, or the `else` of `if (memo.has(k))`.
    if (node.type !== AST_NODE_TYPES.IfStatement) continue;
    const branch = contains(node.consequent, query) ? node.consequent : node.alternate && contains(node.alternate, query) ? node.alternate : null;
    if (!branch) continue;
    const stores: string[] = [];
    forEachOwnNode(file.sourceCode.visitorKeys, branch, (child) => {
      const entry = getEntry(file, child, STORES);
      if (entry && (!entry.indexed || isMadeEmpty(file, entry.receiver)) && isKept(entry.receiver) && !isDistinct(entry.key)) stores.push(`${text(entry.receiver)}\n${text(entry.key)}`);
    });
    if (stores.length === 0) continue;
    const ifStatement = node;
    let looked = false;
    forEachOwnNode(file.sourceCode.visitorKeys, body, (child) => {
      if (looked || child.range[1] > ifStatement.test.range[1]) return;
      const entry = getEntry(file, child, LOOKUPS);
      if (entry && stores.includes(`${text(entry.receiver)}\n${text(entry.key)}`)) looked = true;
    });
    if (looked) return true;
  }
  return isAfterMemoGuard(file, query, body, text, isKept, isDistinct);
}

/**
 * The loop's own key over a listing of distinct keys, as a test of a memo's key: `propertyId` of
 * `for (const [propertyId, amount] of invoicesByProperty.entries())`, `id` of `for (const id of
 * Object.keys(byId))` or of `ids.keys()`. Each key comes once, so a memo under it saves nothing.
 */
export function getDistinctKeyTest(iteration: Iteration): (key: TSESTree.Node) => boolean {
  const collection = skipExpressionWrappers(iteration.collection);
  if (iteration.node.type !== AST_NODE_TYPES.ForOfStatement || collection.type !== AST_NODE_TYPES.CallExpression) return () => false;
  const method = getCalledMethodName(collection);
  if (!(isObjectListing(collection) ? method !== "values" : collection.arguments.length === 0 && (method === "keys" || method === "entries"))) return () => false;
  const left = iteration.node.left;
  const pattern = left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0]?.id : left;
  const binding = pattern?.type === AST_NODE_TYPES.ArrayPattern ? pattern.elements[0] : pattern;
  if (binding?.type !== AST_NODE_TYPES.Identifier) return () => false;
  return (key) => {
    const inner = skipExpressionWrappers(key);
    return inner.type === AST_NODE_TYPES.Identifier && inner.name === binding.name;
  };
}

/**
 * The early-return form of the memo (sourcebot's repositories of a search chunk): a statement
 * before the query leaves on a hit (`if (reposMapCache.has(id)) return reposMapCache.get(id);`, or
 * `const cached = memo.get(id); if (cached) continue;`), and a statement after it stores the result
 * under the same key (`reposMapCache.set(id, repo)`), in the same block, the memo kept outside the body.
 */
function isAfterMemoGuard(
  file: FileContext,
  query: TSESTree.Node,
  body: TSESTree.Node,
  text: (node: TSESTree.Node) => string,
  isKept: (memo: TSESTree.Expression) => boolean,
  isDistinct: (key: TSESTree.Node) => boolean,
): boolean {
  for (let node: TSESTree.Node = query; node !== body && node.parent; node = node.parent) {
    const block = node.parent;
    if (block.type !== AST_NODE_TYPES.BlockStatement) continue;
    const at = block.body.indexOf(node as TSESTree.Statement);
    const looked: string[] = [];
    const lookedUp = new Map<string, string>();
    for (const statement of block.body.slice(0, at)) {
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          const entry = declarator.init?.type === AST_NODE_TYPES.CallExpression ? getEntryCall(declarator.init, LOOKUPS) : null;
          if (entry && declarator.id.type === AST_NODE_TYPES.Identifier && isKept(entry.receiver)) lookedUp.set(declarator.id.name, `${text(entry.receiver)}\n${text(entry.key)}`);
        }
      }
      // A branch taken on a hit: `if (!memo.has(id)) return;` leaves on a miss, and the query after it runs on a hit.
      if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !alwaysLeaves(statement.consequent) || isNegation(statement.test)) continue;
      forEachOwnNode(file.sourceCode.visitorKeys, statement.test, (child) => {
        const entry = child.type === AST_NODE_TYPES.CallExpression ? getEntryCall(child, LOOKUPS) : null;
        if (entry && isKept(entry.receiver)) looked.push(`${text(entry.receiver)}\n${text(entry.key)}`);
        const memo = child.type === AST_NODE_TYPES.Identifier ? lookedUp.get(child.name) : undefined;
        if (memo !== undefined) looked.push(memo);
      });
    }
    if (looked.length === 0) continue;
    // Stored after the query, and never deleted: Trilium's `notesInProcess.add(noteId)` before its
    // queries, deleted when the note is done, marks work in progress, and each note still gets its own.
    let stored = false;
    let deleted = false;
    for (const statement of block.body) {
      forEachOwnNode(file.sourceCode.visitorKeys, statement, (child) => {
        if (child.type !== AST_NODE_TYPES.CallExpression) return;
        const entry = getEntryCall(child, STORES);
        if (entry && child.range[0] > query.range[1] && looked.includes(`${text(entry.receiver)}\n${text(entry.key)}`) && isKept(entry.receiver) && !isDistinct(entry.key)) stored = true;
        const removal = getEntryCall(child, SHRINKS);
        if (removal && looked.some((memo) => memo.startsWith(`${text(removal.receiver)}\n`))) deleted = true;
      });
    }
    if (stored && !deleted) return true;
  }
  return false;
}

function isNegation(test: TSESTree.Expression): boolean {
  return test.type === AST_NODE_TYPES.UnaryExpression && test.operator === "!";
}

/**
 * The same in a function of the file the iteration calls per element (Shelf's
 * `resolveActorSnapshot(input, client, snapshotCache)`): the memo is kept outside the function, or
 * is a parameter given, at `call`, a memo kept outside the iteration's `body`.
 */
export function isMemoizedInHelper(file: FileContext, query: TSESTree.Node, fn: FunctionNode, call: TSESTree.CallExpression, body: TSESTree.Node): boolean {
  const isKept = (raw: TSESTree.Expression): boolean => {
    const memo = skipExpressionWrappers(raw);
    if (memo.type !== AST_NODE_TYPES.Identifier) return isDeclaredOutside(file, raw, fn);
    const position = fn.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === memo.name);
    const argument = position === -1 ? undefined : call.arguments[position];
    if (argument) return argument.type !== AST_NODE_TYPES.SpreadElement && isDeclaredOutside(file, argument, body);
    return position === -1 && isDeclaredOutside(file, memo, fn);
  };
  return isMemoizedPerKey(file, query, fn.body, isKept);
}

/** `memo.get(key)`, `memo.set(key, value)`: the receiver and the key of a call to one of `methods`. */
function getEntryCall(call: TSESTree.CallExpression, methods: ReadonlySet<string>): { receiver: TSESTree.Expression; key: TSESTree.Node } | null {
  const method = getCalledMethodName(call);
  const receiver = getCallReceiver(call);
  const key = call.arguments[0];
  return method !== undefined && methods.has(method) && receiver && key ? { receiver, key } : null;
}

/**
 * An entry looked up or stored: a call of a `Map` or `Set` method (`memo.get(k)`, `memo.set(k, v)`),
 * or an index of a plain object (`categoryMap[k]`, `categoryMap[k] = id`: `indexed`, a memo only
 * when the code makes the object empty, `isMadeEmpty`, asked of the few stores alone; a lookup
 * counts only under a store's receiver and key). A store is a plain `=` of a value that does not
 * read the memo: `totals[k] += x` and `totals[k] = totals[k] + x` accumulate (medflow's invoice
 * totals per category).
 */
function getEntry(file: FileContext, node: TSESTree.Node, methods: ReadonlySet<string>): { receiver: TSESTree.Expression; key: TSESTree.Node; indexed?: boolean } | null {
  if (node.type === AST_NODE_TYPES.CallExpression) return getEntryCall(node, methods);
  const store = methods === STORES;
  const member = store ? (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === "=" ? node.left : null) : node;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || !member.computed || member.object.type !== AST_NODE_TYPES.Identifier) return null;
  const memo = member.object.name;
  if (store && hasIndexOf(file, (node as TSESTree.AssignmentExpression).right, memo)) return null;
  if (!store && member.parent.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member) return null;
  return { receiver: member.object, key: member.property, indexed: true };
}

/** `node` reads an index of the variable `name` (`totals[k]` in `totals[k] + x`). */
function hasIndexOf(file: FileContext, node: TSESTree.Node, name: string): boolean {
  let found = false;
  forEachOwnNode(file.sourceCode.visitorKeys, node, (child) => {
    found ||= child.type === AST_NODE_TYPES.MemberExpression && child.computed && child.object.type === AST_NODE_TYPES.Identifier && child.object.name === name;
  });
  return found;
}

/** A plain object the code makes empty (`const categoryMap: Record<string, string> = {}`), not an array (an element's own slot is no memo). */
function isMadeEmpty(file: FileContext, receiver: TSESTree.Expression): boolean {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(receiver), receiver)?.defs[0];
  const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
  return init?.type === AST_NODE_TYPES.ObjectExpression && init.properties.length === 0;
}

/** The memo outlives one element: `this.cache`, or a variable declared outside the body. */
function isDeclaredOutside(file: FileContext, raw: TSESTree.Expression, body: TSESTree.Node): boolean {
  const receiver = skipExpressionWrappers(raw);
  if (receiver.type === AST_NODE_TYPES.MemberExpression) return receiver.object.type === AST_NODE_TYPES.ThisExpression;
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(file.sourceCode.getScope(receiver), receiver)?.defs[0];
  return definition !== undefined && !contains(body, definition.name);
}
