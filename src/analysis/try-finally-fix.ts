import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { FunctionNode } from "./ast.js";
import type { Checkout } from "./checkout.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getStaticPropertyName, skipExpressionWrappers } from "./ast.js";

/**
 * Can the code after a checkout be wrapped in `try { … } finally { release }` without moving a
 * declaration out of the scope where it is used or changing what else runs? If so, the text
 * edit: the statements after `const x = await pool.connect();` up to the end of its block go
 * into the `try` (re-indented, except inside multi-line template literals), the existing
 * statement-level releases are removed, and the one release goes into `finally`.
 */
export interface TryFinallyFix {
  readonly range: [number, number];
  readonly text: string;
  /** The release call put into `finally`, for the suggestion's message. */
  readonly releaseText: string;
}

/** What the fix needs of the resource: where its value is written, how it is given back, and its owner. */
export type FinallyTarget = Pick<Checkout, "value" | "release" | "owner">;

export function buildTryFinallyFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  checkout: FinallyTarget,
  variable: Scope.Variable,
  releases: readonly TSESTree.CallExpression[],
): TryFinallyFix | null {
  const method = checkout.release.finallyMethod;
  const declarator = checkout.value.parent;
  const declaration = declarator?.parent;
  if (method === undefined || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declaration?.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  const block = declaration.parent;
  if (declaration.declarations.length !== 1 || block?.type !== AST_NODE_TYPES.BlockStatement) return null;
  const rest = block.body.slice(block.body.indexOf(declaration) + 1);
  const last = rest.at(-1);
  if (!last) return null;
  const guard = getGuardingTry(rest, releases);
  if (guard) return buildMoveIntoTryFix(sourceCode, declaration, rest.slice(0, rest.indexOf(guard)), guard, releases[0]!);
  if (!rest.every((statement) => isMovable(sourceCode, statement, rest))) return null;
  const releaseText = getReleaseText(sourceCode, checkout, variable.name, method);
  if (releaseText === null) return null;
  const removals: [number, number][] = [];
  for (const call of releases) {
    const removal = getRemovableRange(sourceCode, call, method, checkout.release.finallyOnOwner === true);
    if (!removal || removal[0] < declaration.range[1] || removal[1] > last.range[1]) return null;
    removals.push(removal);
  }
  const { end, indent, multiline } = getLayout(sourceCode, declaration, last);
  let body = "";
  let position = declaration.range[1];
  for (const [from, to] of removals.sort((a, b) => a[0] - b[0])) {
    body += reindent(sourceCode.text, position, from, multiline);
    position = to;
  }
  body += reindent(sourceCode.text, position, end, multiline);
  const awaitText = checkout.release.async && fn.async ? "await " : "";
  const text = `\n${indent}try {${body}\n${indent}} finally {\n${indent}  ${awaitText}${releaseText};\n${indent}}`;
  return { range: [declaration.range[1], end], text, releaseText: `${awaitText}${releaseText};` };
}

/**
 * The `try` after the checkout whose `finally` holds every release: only the statements between
 * the checkout and it can throw past it (`const c = await pool.connect(); validate(x); try { … } finally { c.release(); }`).
 */
function getGuardingTry(rest: readonly TSESTree.Statement[], releases: readonly TSESTree.CallExpression[]): TSESTree.TryStatement | undefined {
  const guard = rest.find((statement): statement is TSESTree.TryStatement => statement.type === AST_NODE_TYPES.TryStatement && statement.finalizer !== null);
  const finalizer = guard?.finalizer;
  if (!guard || !finalizer || guard === rest[0] || releases.length === 0) return undefined;
  return releases.every((call) => call.range[0] >= finalizer.range[0] && call.range[1] <= finalizer.range[1]) ? guard : undefined;
}

/**
 * Moves the statements between the checkout and the guarding `try` to the start of its block,
 * when nothing after them uses what they declare outside that block.
 */
function buildMoveIntoTryFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaration: TSESTree.VariableDeclaration,
  between: readonly TSESTree.Statement[],
  guard: TSESTree.TryStatement,
  release: TSESTree.CallExpression,
): TryFinallyFix | null {
  const scope = [between[0]!, guard.block];
  if (!between.every((statement) => isMovable(sourceCode, statement, scope))) return null;
  const { end, indent, multiline } = getLayout(sourceCode, declaration, between.at(-1)!);
  const statement = getReleaseStatement(release);
  const text = `\n${indent}try {${reindent(sourceCode.text, declaration.range[1], end, multiline)}`;
  return { range: [declaration.range[1], guard.block.range[0] + 1], text, releaseText: sourceCode.getText(statement ?? release) };
}

/**
 * Where the moved code ends (after a comment on its last line), the indentation of the checkout's
 * line, and the multi-line tokens whose text must keep its indentation.
 */
function getLayout(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaration: TSESTree.VariableDeclaration,
  last: TSESTree.Statement,
): { end: number; indent: string; multiline: readonly (readonly [number, number])[] } {
  const trailing = sourceCode.getCommentsAfter(last).filter((comment) => comment.loc.start.line === last.loc.end.line);
  return {
    end: trailing.at(-1)?.range[1] ?? last.range[1],
    indent: /^\s*/u.exec(sourceCode.lines[declaration.loc.start.line - 1] ?? "")?.[0] ?? "",
    multiline: sourceCode.ast.tokens.filter((token) => token.loc.start.line !== token.loc.end.line).map((token) => token.range),
  };
}

/** The statement of a release call (`client.release();`, `await pool.release(r);`), or null when it is part of another expression. */
function getReleaseStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  const expression = call.parent.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  return expression.parent?.type === AST_NODE_TYPES.ExpressionStatement ? expression.parent : null;
}

/** Function declarations are hoisted, and block-scoped declarations used after the block would fall out of scope. */
function isMovable(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Statement, rest: readonly TSESTree.Node[]): boolean {
  if (statement.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration && statement.type !== AST_NODE_TYPES.ClassDeclaration) return true;
  const start = rest[0]!.range[0];
  const end = rest.at(-1)!.range[1];
  return sourceCode
    .getDeclaredVariables(statement)
    .every((declared) => declared.references.every((reference) => reference.identifier.range[0] >= start && reference.identifier.range[1] <= end));
}

/** `client.release()` or `pool.release(resource)`; null when the owner is not a plain name. */
function getReleaseText(sourceCode: Readonly<TSESLint.SourceCode>, checkout: FinallyTarget, name: string, method: string): string | null {
  if (!checkout.release.finallyOnOwner) return `${name}.${method}()`;
  const owner = checkout.owner ? skipExpressionWrappers(checkout.owner) : null;
  if (!owner || !isPlainReference(owner)) return null;
  return `${sourceCode.getText(owner)}.${method}(${name})`;
}

function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainReference(node.object);
}

/**
 * The range to delete for an existing release: its whole statement (and line, when alone on
 * it). Null when it cannot go: it passes an argument (`release(err)` destroys the client), is
 * another method than the one `finally` calls, or is not a statement of a block.
 */
function getRemovableRange(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, method: string, onOwner: boolean): [number, number] | null {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== method) return null;
  if (call.arguments.length !== (onOwner ? 1 : 0)) return null;
  const statement = getReleaseStatement(call);
  if (statement?.parent.type !== AST_NODE_TYPES.BlockStatement) return null;
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? "";
  const before = line.slice(0, statement.loc.start.column);
  const after = statement.loc.end.line === statement.loc.start.line ? line.slice(statement.loc.end.column) : "x";
  if (before.trim() === "" && after.trim() === "") {
    // The whole line, with the line break before it.
    const lineStart = statement.range[0] - statement.loc.start.column;
    return [lineStart - 1, statement.range[1] + after.length];
  }
  return statement.range;
}

/** `text[from, to)` with two more spaces after each line break, except inside multi-line tokens and on empty lines. */
function reindent(text: string, from: number, to: number, multiline: readonly (readonly [number, number])[]): string {
  let result = "";
  for (let index = from; index < to; index++) {
    const char = text[index];
    result += char;
    if (char !== "\n") continue;
    const next = text[index + 1];
    if (next === "\n" || next === "\r" || index + 1 >= to) continue;
    if (multiline.some(([start, end]) => start < index && index < end)) continue;
    result += "  ";
  }
  return result;
}
