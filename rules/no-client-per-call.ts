import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "../src/analysis/ast.js";
import type { ClientCreation } from "../src/analysis/client-creation.js";
import type { ReleaseLeak } from "../src/analysis/release-paths.js";
import type { Role } from "../src/knowledge/index.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getEnclosingFunction, skipExpressionWrappers } from "../src/analysis/ast.js";
import { withCallIndex } from "../src/analysis/call-index.js";
import { findClientCloseLeak } from "../src/analysis/client-close.js";
import { getClientCreation, getClientFate, mayCreateClient } from "../src/analysis/client-creation.js";
import { getFileContext } from "../src/analysis/file-context.js";
import { CONNECTION_OWNER_TRAIT, getFileWithoutTypes, importsLibraryWith } from "../src/analysis/library-evidence.js";
import { getEnclosingRequestHandler, getFunctionName } from "../src/analysis/request-handler.js";
import { describeExit } from "../src/analysis/release-paths.js";
import { isOneOffScriptFile, isRunOncePerProcess, isTestFile, runsOncePerProcess } from "../src/analysis/run-once.js";
import { buildTryFinallyFix } from "../src/analysis/try-finally-fix.js";
import { getLibraryName } from "../src/analysis/value-kind.js";
import { createRule } from "../src/create-rule.js";

export type Options = [];
export type MessageIds = "clientPerCall" | "clientPerRequest" | "closedOnlyOnSuccess" | "closeSkippedByExit" | "closedOnSomePaths" | "suggestTryFinally";

const LEAKS_EACH = "so each of those calls leaves one open until the server refuses new connections. Close it in a `finally` block, or create it once per process and reuse it.";

export default createRule<Options, MessageIds>({
  name: "no-client-per-call",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow creating a database or cache client, pool or ORM instance on every call of a function that neither keeps it nor closes it on every path",
      recommended: "strict",
    },
    messages: {
      clientPerCall:
        "`{{created}}` creates a new {{what}} ({{library}}) on every call of {{function}}, and nothing keeps or closes it: each call opens connections of its own that are never shared and are left to the garbage collector, until the database refuses new connections. Create it once per process (a module-level instance, or a lazy singleton) and reuse it{{closeHint}}.",
      clientPerRequest:
        "`{{created}}` creates a new {{what}} ({{library}}) on every request, in the {{handler}}, and nothing keeps or closes it: under load every request opens connections of its own until the database refuses new ones. Create it once at module level (or as a lazy singleton) and use that instance in every request{{closeHint}}.",
      closedOnlyOnSuccess: `\`{{name}}\` (\`{{created}}\`, a new {{what}} on every call) is closed with \`{{close}}\` only when everything before it succeeds: an error on the way skips the close and the {{what}} stays open, ${LEAKS_EACH}`,
      closeSkippedByExit: `The \`{{exit}}\` on line {{line}} leaves while \`{{name}}\` (\`{{created}}\`, a new {{what}} on every call) is open, and only the other paths close it with \`{{close}}\`, ${LEAKS_EACH}`,
      closedOnSomePaths: `\`{{name}}\` (\`{{created}}\`, a new {{what}} on every call) is closed with \`{{close}}\` only on some paths: on the others the {{what}} stays open, ${LEAKS_EACH}`,
      suggestTryFinally: "Wrap the code after the creation in `try { … } finally { {{release}} }`.",
    },
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    // A client per test case is test set-up, not a pool opened per production request.
    if (isTestFile(context)) return {};
    // Only a library's factory (or a settings module's) opens connections, with or without types:
    // a file that imports none has nothing to report.
    if (!importsLibraryWith(getFileWithoutTypes(getFileContext(context)), CONNECTION_OWNER_TRAIT)) return {};
    const constructions: TSESTree.NewExpression[] = [];
    const listeners = {
      NewExpression(node: TSESTree.NewExpression): void {
        if (mayCreateClient(node)) constructions.push(node);
      },
    };
    return withCallIndex(
      context,
      ({ calls }) => {
        for (const node of calls) if (mayCreateClient(node)) check(node);
        for (const node of constructions) check(node);
      },
      listeners,
    );

    function check(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      // Module level: created once per process.
      const fn = getEnclosingFunction(node);
      if (!fn) return;
      const creation = getClientCreation(context, node);
      // A value that adopts an existing client (`drizzle(pool)`) opens no connections itself.
      if (!creation || creation.adopted || isRunOncePerProcess(context, fn)) return;
      const fate = getClientFate(context, creation, fn);
      if (!fate.used || fate.escape !== null) return;
      const created = describeCreation(node, context.sourceCode.getText(skipExpressionWrappers(node.callee)));
      const what = ROLE_NOUNS[creation.kind.knowledge.role] ?? "client";
      if (fate.closed) {
        reportCloseLeak(creation, fn, { created, what });
        return;
      }
      const library = getLibraryName(creation.kind);
      const closeHint = getCloseHint(creation.kind.knowledge.closeMethods);
      const handler = getEnclosingRequestHandler(context, node);
      if (handler) {
        context.report({ node, messageId: "clientPerRequest", data: { created, what, library, closeHint, handler: handler.description } });
        return;
      }
      const name = getFunctionName(fn);
      const fnName = name === null ? "this function" : `\`${name}\``;
      context.report({ node, messageId: "clientPerCall", data: { created, what, library, closeHint, function: fnName } });
    }

    /** A client the function closes, but not on every path out of it. */
    function reportCloseLeak(creation: ClientCreation, fn: FunctionNode, described: { created: string; what: string }): void {
      // A script's error ends its only run (ticketapp's `backend/scripts/init_packvision_db.js`, called from its `createDatabase()`).
      if (isOneOffScriptFile(context) || runsOncePerProcess(context, creation.node)) return;
      const found = findClientCloseLeak(context, creation, fn);
      if (!found) return;
      const { leak, value, variable, close, awaited } = found;
      const sourceCode = context.sourceCode;
      const exit = leak.shape === "early-exit" && leak.exit ? { exit: describeExit(sourceCode, leak.exit), line: String(leak.exit.loc.start.line) } : {};
      const target = { value, release: { selfMethods: [close], finallyMethod: close, async: awaited }, owner: undefined };
      const fix = buildTryFinallyFix(sourceCode, fn, target, variable, leak.releases);
      context.report({
        node: creation.node,
        messageId: MESSAGE_OF_SHAPE[leak.shape],
        data: { ...described, ...exit, name: variable.name, close: `${variable.name}.${close}()` },
        suggest: fix ? [{ messageId: "suggestTryFinally", data: { release: fix.releaseText }, fix: (fixer) => fixer.replaceTextRange(fix.range, fix.text) }] : [],
      });
    }
  },
});

const MESSAGE_OF_SHAPE = {
  never: "closedOnSomePaths",
  "catch-only": "closedOnSomePaths",
  conditional: "closedOnSomePaths",
  "early-exit": "closeSkippedByExit",
  "happy-path": "closedOnlyOnSuccess",
  "before-try": "closedOnlyOnSuccess",
  "skipped-in-catch": "closedOnlyOnSuccess",
} as const satisfies Record<ReleaseLeak["shape"], MessageIds>;

/** How messages name what a role of the knowledge base opens. */
const ROLE_NOUNS: Partial<Record<Role, string>> = {
  pool: "connection pool",
  client: "database connection",
  orm: "database client and its connection pool",
  cache: "cache connection",
};

/** When a client must be per call (credentials that come with the request), it must be closed. */
function getCloseHint(closeMethods: readonly string[] | undefined): string {
  const close = closeMethods?.[0];
  return close === undefined ? "" : `; if each call really needs its own, close it in \`finally\` with \`${close}()\``;
}

function describeCreation(node: TSESTree.NewExpression | TSESTree.CallExpression, callee: string): string {
  const flat = callee.replace(/\s+/gu, " ");
  const short = flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
  return node.type === AST_NODE_TYPES.NewExpression ? `new ${short}()` : `${short}()`;
}
