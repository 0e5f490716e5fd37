import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { DocumentKnowledge } from "../knowledge/types.js";
import type { FileContext } from "./file-context.js";
import type { ValueKind } from "./value-kind.js";

import { AST_NODE_TYPES, TSESLint } from "@typescript-eslint/utils";

import { getKind, LIBRARIES } from "../knowledge/index.js";
import { BUILTIN_CALLBACK_METHODS } from "../knowledge/builtins.js";
import { getCallReceiver, getCalledMethodName, getStaticPropertyName, skipExpressionWrappers } from "./ast.js";
import { getProvenBindingKind } from "./library-evidence.js";
import { getForOfList, resolveVariable } from "./same-expression.js";
import { fromRef, getValueKindInFile } from "./value-kind.js";

/** The kind of a document, and how sure it is: a model traced to its library, or known by a name only it has. */
export interface DocumentSource {
  readonly kind: ValueKind;
  readonly evidence: "proof" | "name";
}

/** Tells what a call is as a database operation, or null (`getDatabaseCall`, given to avoid an import cycle). */
type QueryOf = (call: TSESTree.CallExpression) => { readonly kind: ValueKind; readonly evidence: "proof" | "name" | "sql" } | null;

/** Methods of a document of some library that send a query (`save`, `destroy`), for cheap guards. */
export const DOCUMENT_METHOD_NAMES: ReadonlySet<string> = new Set(
  LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => (kind.role === "document" ? Object.keys(kind.databaseMethods ?? {}) : []))),
);

const MAX_DEPTH = 4;

/**
 * The kind of the document `receiver` holds, with the evidence of the query that returned it:
 * the element of a list a model's query returned (`for (const s of await Schedule.find(…))`,
 * `rows.forEach((row) => …)` of `const rows = await User.findAll(…)`), what such a query returned
 * (`const user = await User.findById(id)`), or a document made from a model (`new Item(row)`).
 * Every value the name may hold must be one; a `lean()` query or a `{ raw: true }` one returns
 * plain objects. Null when syntax cannot tell.
 */
export function getDocumentSource(file: FileContext, receiver: TSESTree.Node, queryOf: QueryOf): DocumentSource | null {
  return documentOf(file, skipExpressionWrappers(receiver), queryOf, 0);
}

/** What `node` holds, a document or a list of them, as in `getDocumentSource`. */
function documentOf(file: FileContext, node: TSESTree.Node, queryOf: QueryOf, depth: number): DocumentSource | null {
  if (depth > MAX_DEPTH) return null;
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return documentOf(file, skipExpressionWrappers(node.argument), queryOf, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      return madeDocument(file, node);
    case AST_NODE_TYPES.CallExpression:
      return returnedDocuments(node, queryOf);
    case AST_NODE_TYPES.Identifier:
      break;
    default:
      return null;
  }
  const variable = resolveVariable(file, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return null;
  const list = getElementList(variable);
  if (list) return documentOf(file, skipExpressionWrappers(list), queryOf, depth + 1);
  // A name of its own (not destructured), every write of which gives it a document.
  if (def.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id !== def.name) return null;
  const writes = variable.references.filter((reference) => reference.isWrite());
  let source: DocumentSource | null = null;
  for (const { writeExpr } of writes) {
    // `user = await user.save()`: the document's own method gives it back.
    if (writeExpr && isOwnMethodResult(file, skipExpressionWrappers(writeExpr), variable)) continue;
    source = writeExpr ? documentOf(file, skipExpressionWrappers(writeExpr), queryOf, depth + 1) : null;
    if (!source) return null;
  }
  return source;
}

function isOwnMethodResult(file: FileContext, value: TSESTree.Node, variable: Scope.Variable): boolean {
  const call = value.type === AST_NODE_TYPES.AwaitExpression ? skipExpressionWrappers(value.argument) : value;
  const receiver = call.type === AST_NODE_TYPES.CallExpression ? getCallReceiver(call) : undefined;
  const object = receiver && skipExpressionWrappers(receiver);
  return object?.type === AST_NODE_TYPES.Identifier && resolveVariable(file, object) === variable;
}

/** The list whose elements a loop variable or an array method's callback parameter takes. */
function getElementList(variable: Scope.Variable): TSESTree.Node | null {
  const def = variable.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.Variable) return def.node.id === def.name ? getForOfList(variable) : null;
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.node.params[0] !== def.name) return null;
  const call = def.node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== def.node) return null;
  const method = getCalledMethodName(call);
  return method !== undefined && BUILTIN_CALLBACK_METHODS.has(method) ? (getCallReceiver(call) ?? null) : null;
}

/** `Model.find(…).populate("owner").sort(…)`: the model's query under the methods that keep its documents. */
function returnedDocuments(call: TSESTree.CallExpression, queryOf: QueryOf): DocumentSource | null {
  let current: TSESTree.CallExpression = call;
  let documents: DocumentKnowledge | undefined;
  for (let method = getCalledMethodName(current); method !== undefined; method = getCalledMethodName(current)) {
    const query = queryOf(current);
    documents = query?.kind.knowledge.documents;
    if (query && documents) {
      if (!documents.from.includes(method) || hasPlainOption(current, documents.plainOption)) return null;
      const kind = fromRef(documents.kind);
      return kind ? { kind, evidence: query.evidence === "proof" ? "proof" : "name" } : null;
    }
    const receiver = getCallReceiver(current);
    const inner = receiver && skipExpressionWrappers(receiver);
    if (inner?.type !== AST_NODE_TYPES.CallExpression || !KEPT_BY.has(method)) return null;
    current = inner;
  }
  return null;
}

/** The methods any library's queries keep their documents through (see `DocumentKnowledge.keptBy`). */
const KEPT_BY: ReadonlySet<string> = new Set(LIBRARIES.flatMap((library) => Object.values(library.kinds).flatMap((kind) => kind.documents?.keptBy ?? [])));

/** `findAll({ where, raw: true })`, `findByPk(id, { ...options })`: an options object that returns plain rows, or may. */
function hasPlainOption(call: TSESTree.CallExpression, option: string | undefined): boolean {
  if (option === undefined) return false;
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement || (getStaticPropertyName(property) === option && !(property.value.type === AST_NODE_TYPES.Literal && property.value.value === false))),
  );
}

/** `new Item(row)` of a model: a document to be saved. The model is traced, or proven by a one-library call on it elsewhere in the file. */
function madeDocument(file: FileContext, node: TSESTree.NewExpression): DocumentSource | null {
  const made = getValueKindInFile(file, node);
  if (made && !made.promise && made.knowledge.role === "document") return { kind: made, evidence: made.evidence };
  const proven = getKind(getProvenBindingKind(file, skipExpressionWrappers(node.callee)) ?? "");
  const kind = fromRef(proven?.documents?.kind);
  return kind && proven?.construct !== undefined ? { kind, evidence: "name" } : null;
}
