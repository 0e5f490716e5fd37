import type { TSESTree } from "@typescript-eslint/utils";

import { AST_NODE_TYPES, ESLintUtils } from "@typescript-eslint/utils";

import { runsUnconditionallyBefore } from "../../src/analysis/execution-order.js";
import { getPromiseUsage } from "../../src/analysis/promise-usage.js";
import { runRuleTests } from "../rule-tester.js";

/**
 * A probe rule: reports how the value of every `p()` call is used, and for `first()` /
 * `second()` pairs whether the first always runs before the second.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], "usage" | "order">({
  meta: { type: "problem", messages: { usage: "{{usage}}", order: "{{order}}" }, schema: [], defaultOptions: [] },
  create(context) {
    let first: TSESTree.CallExpression | undefined;
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        if (node.callee.name === "p") {
          const usage = getPromiseUsage(context, node);
          context.report({ node, messageId: "usage", data: { usage: usage.kind === "value" ? `value ${usage.use.how}` : usage.kind } });
        } else if (node.callee.name === "first") {
          first = node;
        } else if (node.callee.name === "second" && first) {
          context.report({ node, messageId: "order", data: { order: String(runsUnconditionallyBefore(first, node)) } });
        }
      },
    };
  },
});

function usage(code: string, expected: string) {
  return { code, errors: [{ messageId: "usage" as const, data: { usage: expected } }] };
}

function order(code: string, expected: boolean) {
  return { code, errors: [{ messageId: "order" as const, data: { order: String(expected) } }] };
}

runRuleTests("analysis: promise usage", probe, {
  valid: ["q();"],
  invalid: [
    usage("async function f() { await p(); }", "handled"),
    usage("function f() { return p(); }", "handled"),
    usage("const f = () => p();", "handled"),
    usage("Promise.all([p()]);", "handled"),
    usage("p().then(render);", "handled"),
    usage("void p();", "handled"),
    usage("async function f() { const x = p(); return { x: await x }; }", "handled"),
    usage("function f() { return { x: p() }; }", "value object"),
    usage("function f() { return [p()]; }", "value array"),
    usage("function f() { return p().items; }", "value property"),
    usage("function f() { return `${p()}`; }", "value template"),
    usage("console.log(p());", "value argument"),
    usage("const { a } = p();", "value destructured"),
    usage("function f() { const x = p(); return x + 1; }", "value operand"),
    usage("function f() { const o = { x: p() }; return o; }", "value object"),
    usage("async function f() { try { return p(); } catch {} }", "returnedInTry"),
    usage("async function f() { try { return p(); } finally {} }", "handled"),
    usage("send(p());", "unknown"),
    usage("function f() { return { promise: p() }; }", "unknown"),
    usage("function f() { const ps = [p()]; return settle(ps); }", "unknown"),
    order("async function f() { await first(); await second(); }", true),
    order("async function f() { try { await first(); } catch { await second(); } }", true),
    order("async function f() { if (c) await first(); await second(); }", false),
    order("async function f() { for (const x of xs) await first(); await second(); }", false),
    order("async function f() { const v = c ? await first() : await second(); }", false),
    order("async function f() { await first(); const g = async () => second(); }", false),
    order("async function f() { switch (k) { case 1: await first(); await second(); } }", true),
    order("async function f() { if (c) { await first(); } else { await second(); } }", false),
    order("async function f() { (await first()) || (await second()); }", true),
  ],
});
