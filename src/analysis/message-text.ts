import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { CallLike } from "./ast.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { isFunctionNode, skipExpressionWrappers } from "./ast.js";

/**
 * Source text for a message: on one line and short enough to read. Long builder chains keep their
 * head and their method, long collections what they are made from.
 */

/** The longest text a message quotes whole, and the longest head of a chain it quotes before `….method()`. */
const MAX_WHOLE = 48;

/** Source text on one line, with no space or trailing comma inside parentheses and square brackets, and no space before a `.` of a chain. */
function flattenSource(text: string): string {
  return text
    .replace(/\s+/gu, " ")
    .replace(/([([]) /gu, "$1")
    .replace(/,? ?(?=[)\]])| (?=\??\.(?!\.))/gu, "");
}

/** Source text short enough for a message: its end (`…tail`) when too long; with `method`, a call (`text()`, or `….method()`). */
export function shortenSource(text: string, method?: string): string {
  const flat = flattenSource(text);
  if (flat.length <= MAX_WHOLE) return method === undefined ? flat : `${flat}()`;
  return method === undefined ? `…${flat.slice(-40)}` : `….${method}()`;
}

/**
 * A call of `method` for a message. A long builder chain keeps its first call, which names the
 * client and often the table (`db.update(productVariants)….where()`,
 * `transaction.insertInto("node_collaborators")….executeTakeFirst()`), with its arguments elided
 * when they are long (`db.select(…)….where()`).
 */
export function describeCall(sourceCode: Readonly<TSESLint.SourceCode>, call: CallLike, method: string | undefined): string {
  // A tagged template is named by its tag (`prisma.$queryRaw`), its text being the statement.
  if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) return shortenSource(sourceCode.getText(call.tag));
  const text = flattenSource(sourceCode.getText(call.callee));
  const first = method === undefined || text.length <= MAX_WHOLE ? null : getFirstCallOfChain(call);
  if (!first) return shortenSource(text, method);
  const whole = flattenSource(sourceCode.getText(first));
  const head = whole.length <= MAX_WHOLE ? whole : `${flattenSource(sourceCode.getText(first.callee))}(…)`;
  return head.length <= MAX_WHOLE ? `${head}….${method}()` : shortenSource(text, method);
}

/** The innermost call of a chain of calls and property reads (`db.update(t)` of `db.update(t).set(v).where(w)`), when it is not `call` itself. */
function getFirstCallOfChain(call: TSESTree.CallExpression): TSESTree.CallExpression | null {
  let first: TSESTree.CallExpression | null = null;
  let node: TSESTree.Node = skipExpressionWrappers(call.callee);
  for (;;) {
    if (node.type === AST_NODE_TYPES.MemberExpression) node = skipExpressionWrappers(node.object);
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      first = node;
      node = skipExpressionWrappers(node.callee);
    } else return first;
  }
}

/** The collection for a message: a long one that a callback filters or maps is named by what it filters (`…config?.childCallbackResults?.filter(…)`). */
export function describeCollection(sourceCode: Readonly<TSESLint.SourceCode>, collection: TSESTree.Node): string {
  const node = skipExpressionWrappers(collection);
  const text = flattenSource(sourceCode.getText(node));
  if (text.length <= MAX_WHOLE) return text;
  // lets.church's `pFilter(await prisma.channel.findMany({ where: …, select: … }), …)`: the rows of `prisma.channel.findMany(…)`.
  if (node.type === AST_NODE_TYPES.AwaitExpression) return describeCollection(sourceCode, node.argument);
  if (node.type !== AST_NODE_TYPES.CallExpression || !node.arguments.some((argument) => isFunctionNode(argument) || argument.type === AST_NODE_TYPES.ObjectExpression)) return shortenSource(text);
  const callee = skipExpressionWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return `${callee.name}(…)`;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier || callee.computed) return shortenSource(text);
  return `${describeCollection(sourceCode, callee.object)}${callee.optional ? "?." : "."}${callee.property.name}(…)`;
}
