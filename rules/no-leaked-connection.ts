import type { TSESTree } from "@typescript-eslint/utils";
import type { Scope } from "@typescript-eslint/utils/ts-eslint";
import type { Checkout } from "../src/analysis/checkout.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getCalledMethodName, getEnclosingFunction, getStaticPropertyName, skipExpressionWrappers } from "../src/analysis/ast.js";
import { withCallIndex } from "../src/analysis/call-index.js";
import { getCheckout, getCheckoutMethodNames, isFromKeptPoolMadeBefore, isReleasingHelperCall, isReleasingLocalCall, usesConnection } from "../src/analysis/checkout.js";
import { getDatabaseCall } from "../src/analysis/database-call.js";
import { getValueFate } from "../src/analysis/escape.js";
import { getFileContext } from "../src/analysis/file-context.js";
import { getHeldVariable, hasOtherSources } from "../src/analysis/held-variable.js";
import { describeExit, findReleaseLeak } from "../src/analysis/release-paths.js";
import { isTestFile, runsOncePerProcess } from "../src/analysis/run-once.js";
import { isSameExpression } from "../src/analysis/same-expression.js";
import { buildTryFinallyFix } from "../src/analysis/try-finally-fix.js";
import { createRule } from "../src/create-rule.js";

export type Options = [];
export type MessageIds = "neverReleased" | "notInFinally" | "throwsBeforeTry" | "skippedInCatch" | "earlyExit" | "releasedOnlyInCatch" | "releasedConditionally" | "unreferenced" | "releaseNotCalled"
  | "suggestTryFinally" | "suggestCall";

const POOL_RUNS_DRY = "until the pool is empty and every request waits for the acquire timeout";

export default createRule<Options, MessageIds>({
  name: "no-leaked-connection",
  meta: {
    type: "problem",
    docs: {
      description: "Require a connection, transaction or session checked out of a pool to be given back on every path, including throws",
      recommended: "recommended",
    },
    messages: {
      neverReleased: `\`{{name}}\` is checked out with \`{{acquire}}\` and never given back ({{release}}): every call keeps one {{what}} ${POOL_RUNS_DRY}. {{fix}}, or return it to the caller.`,
      notInFinally: `\`{{name}}\` is given back ({{release}}) only when everything before it succeeds: a query that throws skips it, the {{what}} stays checked out, and after enough errors the pool is empty and every request waits for the acquire timeout. {{fix}}.`,
      throwsBeforeTry: `\`{{exit}}\` on line {{line}} runs after \`{{name}}\` is checked out and before the \`try\` that gives it back ({{release}}): if it throws, the {{what}} stays checked out, and after enough errors the pool is empty and every request waits for the acquire timeout. Start the \`try\` right after the checkout.`,
      skippedInCatch: `\`{{name}}\` is given back ({{release}}) in \`catch\` only after \`{{exit}}\` on line {{line}}, which can throw too: then the {{what}} stays checked out, and after enough errors the pool is empty and every request waits for the acquire timeout. {{fix}}.`,
      earlyExit: `The \`{{exit}}\` on line {{line}} leaves while \`{{name}}\` is still checked out: each time, one {{what}} never goes back to the pool, ${POOL_RUNS_DRY}. {{fix}}.`,
      releasedOnlyInCatch: `\`{{name}}\` is given back ({{release}}) only in \`catch\`: every call that succeeds keeps its {{what}}, ${POOL_RUNS_DRY}. {{fix}}.`,
      releasedConditionally: `\`{{name}}\` is given back ({{release}}) only on some paths: on the others the {{what}} stays checked out, ${POOL_RUNS_DRY}. {{fix}}.`,
      unreferenced: `\`{{acquire}}\` checks out a {{what}} that nothing keeps a reference to, so it is never given back: each call holds one ${POOL_RUNS_DRY}. Keep it in a variable and give it back in a \`finally\` block, or use the pool's own query method, which checks out and releases by itself.`,
      releaseNotCalled: `\`{{name}}.{{method}}\` is read but not called, so \`{{name}}\` is never given back: each call keeps one {{what}} ${POOL_RUNS_DRY}. Call it, in a \`finally\` block.`,
      suggestTryFinally: "Wrap the code after the checkout in `try { … } finally { {{release}} }`.",
      suggestCall: "Call `{{name}}.{{method}}()`.",
    },
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    // A test that checks a connection out serves no request: its pool lives as long as the test.
    if (isTestFile(context)) return {};
    const sourceCode = context.sourceCode;
    const checkoutNames = getCheckoutMethodNames(context);
    // The name a checkout is called by: `pool.connect()`, or an in-house `getConnection()`.
    return withCallIndex(context, (index) => {
      for (const node of index.callsToMethodsOrFunctions(checkoutNames)) check(node);
    });

    function check(node: TSESTree.CallExpression): void {
      const fn = getEnclosingFunction(node);
      // Module level, or a script's `main()`: once per process, so it cannot drain the pool.
      if (!fn || runsOncePerProcess(context, node)) return;
      const checkout = getCheckout(context, node);
      if (!checkout) return;
      const selfMethods = new Set(checkout.release.selfMethods);
      const ownerMethods = new Set(checkout.release.ownerMethods ?? []);
      const ownerCloseMethods = new Set(checkout.ownerCloseMethods);
      const owner = checkout.owner;
      const file = getFileContext(context);
      const references = new Set<TSESTree.Node>();
      const isResource = (expression: TSESTree.Node): boolean => references.has(skipExpressionWrappers(expression));
      const isRelease = (call: TSESTree.CallExpression): boolean => {
        const callee = skipExpressionWrappers(call.callee);
        if (isReleasingHelperCall(call, isResource) || isReleasingLocalCall(file, call, isResource, selfMethods)) return true;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const name = getStaticPropertyName(callee);
        if (name === undefined) return false;
        return (
          (selfMethods.has(name) && isResource(callee.object)) ||
          (ownerMethods.has(name) && call.arguments[0] !== undefined && isResource(call.arguments[0])) ||
          // Flowise's savers: `finally { await dataSource.destroy() }` closes the pool and the runner it lent.
          (ownerCloseMethods.has(name) && owner !== undefined && isSameExpression(file, callee.object, owner))
        );
      };
      const variable = getHeldVariable(sourceCode, checkout.value);
      for (const reference of variable?.references ?? []) references.add(reference.identifier);
      const fate = getValueFate(context, checkout.value, fn, {
        isClose: (name) => selfMethods.has(name),
        isSetup: () => false,
        isAlias: () => false,
        isGiveBack: (call) => call.type === AST_NODE_TYPES.CallExpression && isRelease(call),
      });
      const passedOnly = [...fate.escapes].every((kind) => kind === "passed");
      if (!passedOnly) return; // returned, stored, or kept by a closure: the new owner gives it back
      const data = describe(sourceCode, checkout, variable?.name);
      if (!variable) {
        if (!fate.closed && fate.escapes.size === 0 && isUsedOnce(checkout)) context.report({ node, messageId: "unreferenced", data });
        return;
      }
      if (hasOtherSources(variable, checkout.value)) return; // `let runner = ctx.runner; if (!runner) runner = ds.createQueryRunner()`: not always ours
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return;
      const conditions = getCheckoutConditions(node, fn).map((test) => sourceCode.getText(test));
      const isCheckoutCondition = (test: TSESTree.Expression): boolean => conditions.includes(sourceCode.getText(test));
      const isSetup = (name: string): boolean => checkout.release.setupMethods?.includes(name) === true;
      const leak = findReleaseLeak(
        fn.body,
        { checkout: node, ...checkout.release, isRelease, isResource, isSetup, isCheckoutCondition, isQuery: (call) => getDatabaseCall(context, call) !== null },
        sourceCode.visitorKeys,
      );
      // Released, but a throw skips it, out of a pool this call just made and keeps (a connection test): one connection, once.
      if (!leak || (leak.shape !== "never" && isFromKeptPoolMadeBefore(context, checkout, fn))) return;
      if (leak.shape === "never") {
        const notCalled = findReleaseNotCalled(variable, fn, selfMethods);
        // Handed to a function that takes ownership, or given back by a closure, `using`, or an alias;
        // or only a method name points at the library, and its release method is not in sight.
        if (!notCalled && (isHandedOver(variable, fn) || fate.closed || checkout.evidence === "name")) return;
        if (notCalled) {
          const name = getStaticPropertyName(notCalled) ?? "";
          const callData = { ...data, method: name };
          context.report({
            node: notCalled,
            messageId: "releaseNotCalled",
            data: callData,
            suggest: [{ messageId: "suggestCall", data: callData, fix: (fixer) => fixer.insertTextAfter(notCalled, "()") }],
          });
          return;
        }
      }
      // Released only in `catch`, and handed to a function on the way (it commits or releases it), or given back
      // by a callback on success (harryitc's `stream.on("end", () => client.release())`).
      if (leak.shape === "catch-only" && (isHandedOver(variable, fn) || isReleasedInCallback(variable, fn, selfMethods))) return;
      const messageId = MESSAGE_OF_SHAPE[leak.shape];
      const exit = leak.exit && (leak.shape === "early-exit" || leak.shape === "skipped-in-catch" || leak.shape === "before-try") ? { exit: describeExit(sourceCode, leak.exit), line: String(leak.exit.loc.start.line) } : { exit: "", line: "" };
      const fix = buildTryFinallyFix(sourceCode, fn, checkout, variable, leak.releases);
      context.report({
        node,
        messageId,
        data: { ...data, ...exit },
        suggest: fix ? [{ messageId: "suggestTryFinally", data: { release: fix.releaseText }, fix: (fixer) => fixer.replaceTextRange(fix.range, fix.text) }] : [],
      });
    }
  },
});

const MESSAGE_OF_SHAPE = {
  never: "neverReleased",
  "happy-path": "notInFinally",
  "before-try": "throwsBeforeTry",
  "skipped-in-catch": "skippedInCatch",
  "early-exit": "earlyExit",
  "catch-only": "releasedOnlyInCatch",
  conditional: "releasedConditionally",
} as const satisfies Record<string, MessageIds>;

/** The resource itself is an argument of a call in the function (`new UnitOfWork(client)`), not a part of an options object (`{ session }`). */
function isHandedOver(variable: Scope.Variable, fn: TSESTree.Node): boolean {
  return variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    while (node.parent?.type === AST_NODE_TYPES.TSAsExpression || node.parent?.type === AST_NODE_TYPES.TSNonNullExpression) node = node.parent;
    const parent = node.parent;
    const isArgument = (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(node as TSESTree.Expression);
    return isArgument || (getEnclosingFunction(reference.identifier) !== fn && parent?.type !== AST_NODE_TYPES.MemberExpression);
  });
}

/** `await pool.connect();` discarded, or `(await pool.connect()).query(…)`: the connection is used and dropped. */
function isUsedOnce(checkout: Checkout): boolean {
  const parent = checkout.value.parent;
  // An awaited checkout holds its connection already; a TypeORM query runner connects on first use.
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return checkout.value.type === AST_NODE_TYPES.AwaitExpression || checkout.kind === "setting";
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === checkout.value && usesConnection(checkout, getStaticPropertyName(parent));
}

/** The tests of the `if` statements, inside `fn`, that the checkout runs under. */
function getCheckoutConditions(node: TSESTree.Node, fn: TSESTree.Node): TSESTree.Expression[] {
  const tests: TSESTree.Expression[] = [];
  for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child) tests.push(parent.test);
  }
  return tests;
}

/** `client.release;`: the release method read as a statement, not called, in the function itself. */
function findReleaseNotCalled(variable: Scope.Variable, fn: TSESTree.Node, methods: ReadonlySet<string>): TSESTree.MemberExpression | null {
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const name = getStaticPropertyName(member);
    if (name === undefined || !methods.has(name) || getEnclosingFunction(member) !== fn) continue;
    const statement = member.parent.type === AST_NODE_TYPES.AwaitExpression ? member.parent.parent : member.parent;
    if (statement?.type === AST_NODE_TYPES.ExpressionStatement) return member;
  }
  return null;
}

/** A release of the resource in a function nested in `fn`: a callback (`stream.on("end", () => client.release())`). */
function isReleasedInCallback(variable: Scope.Variable, fn: TSESTree.Node, methods: ReadonlySet<string>): boolean {
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || !methods.has(getStaticPropertyName(member) ?? "")) return false;
    return member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member && getEnclosingFunction(member) !== fn;
  });
}

/** Message data: the variable, the checkout call, how it is given back, what it is, how to fix it. */
function describe(sourceCode: Readonly<{ getText(node: TSESTree.Node): string }>, checkout: Checkout, variableName: string | undefined): Record<string, string> {
  const name = variableName ?? "it";
  const method = getCalledMethodName(checkout.call) ?? "";
  const calleeText = sourceCode.getText(checkout.call.callee);
  const acquire = calleeText.length <= 40 && !calleeText.includes("\n") ? `${calleeText}()` : `.${method}()`;
  const ownerText = checkout.owner ? sourceCode.getText(checkout.owner) : "pool";
  const owner = ownerText.length <= 30 && !ownerText.includes("\n") ? ownerText : "pool";
  const calls = [
    ...checkout.release.selfMethods.map((release) => `${name}.${release}()`),
    ...(checkout.release.ownerMethods ?? []).map((release) => `${owner}.${release}(${name})`),
  ].slice(0, 2);
  const release = calls.map((call) => `\`${call}\``).join(" or ");
  const finallyMethod = checkout.release.finallyMethod;
  const finallyCall = finallyMethod === undefined ? null : checkout.release.finallyOnOwner ? `${owner}.${finallyMethod}(${name})` : `${name}.${finallyMethod}()`;
  const fix = finallyCall
    ? `Call \`${finallyCall}\` in a \`finally\` block`
    : `Give it back on every path, including throws: ${release} at the end of the \`try\` and in its \`catch\``;
  return { name, acquire, release, what: checkout.role, fix };
}
