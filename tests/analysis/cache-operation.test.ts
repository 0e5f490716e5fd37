import type { TSESTree } from "@typescript-eslint/utils";

import { AST_NODE_TYPES, ESLintUtils } from "@typescript-eslint/utils";

import { getCacheOperation, mayBeOutOfProcessOperation } from "../../src/analysis/cache-operation.js";
import { getFileContext } from "../../src/analysis/file-context.js";
import { isSameExpression } from "../../src/analysis/same-expression.js";
import { runRuleTests } from "../rule-tester.js";

/**
 * A probe rule: reports what store operation every call is (`store op method`), and for
 * `same(a, b)` whether the two expressions are structurally the same key.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], "op" | "same">({
  meta: { type: "problem", messages: { op: "{{op}}", same: "{{same}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const [a, b] = node.arguments;
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "same" && a && b) {
          context.report({ node, messageId: "same", data: { same: String(isSameExpression(getFileContext(context), a, b)) } });
          return;
        }
        const op = getCacheOperation(context, node);
        if (op) context.report({ node, messageId: "op", data: { op: `${op.store} ${op.op} ${op.method}${op.scope ? ` ${op.scope}` : ""}` } });
      },
    };
  },
});

const IOREDIS = 'import Redis from "ioredis"; const redis = new Redis(); ';

function opCase(code: string, op: string, filename?: string) {
  return { code, filename, errors: [{ messageId: "op" as const, data: { op } }] };
}

function sameCase(code: string, same: boolean, filename?: string) {
  return { code, filename, errors: [{ messageId: "same" as const, data: { same: String(same) } }] };
}

runRuleTests("analysis: cache operations and same expressions", probe, {
  valid: [
    // A Map local to a function, URLSearchParams and an object not named like a cache are no store.
    "function f() { const m = new Map(); m.get(1); }",
    "const params = new URLSearchParams(); params.get('a');",
    // `get` returns an entry, not the Map: no store.
    "const entry = new Map([[1, new Map()]]).get(1); entry.get(1);",
    "async function f(repo) { await repo.get(1); }",
  ],
  invalid: [
    opCase(`${IOREDIS}redis.get("k");`, "remote read get"),
    opCase(`${IOREDIS}redis.set("k", "v");`, "remote write set"),
    opCase(`${IOREDIS}redis.set("k", "v", "EX", 60, "NX");`, "remote atomic set"),
    opCase('import { createClient } from "redis"; const c = createClient(); c.set("k", "v", { NX: true });', "remote atomic set"),
    opCase('import { createClient } from "redis"; const c = createClient(); c.set("k", "v", { condition: "NX" });', "remote atomic set"),
    opCase('import { createClient } from "redis"; const c = createClient(); c.set("k", "v", { EX: 60 });', "remote write set"),
    opCase(`${IOREDIS}redis.setnx("k", "v");`, "remote atomic setnx"),
    opCase(`${IOREDIS}redis.eval("return 1", 0);`, "remote transaction eval"),
    opCase("const seen = new Set(); seen.has(1);", "memory read has module", "file.js"),
    // `add` returns the Set itself: a chain of them is still the Set.
    opCase("const seen = new Set().add(0).add(1); seen.has(1);", "memory read has module", "file.js"),
    opCase("class C { m = new Map<string, number>(); f() { this.m.set('a', 1); } }", "memory write set instance"),
    opCase("class C { constructor(cache) { this.cache = cache; } f() { this.cache.get('a'); } }", "untraced read get", "file.js"),
    opCase("async function f(cache: any) { await cache.set('a', 1, { nx: true }); }", "untraced atomic set"),
    sameCase('const id = 1; same("order:" + id, `order:${id}`);', true),
    sameCase("function f(id) { const key = `order:${id}`; same(key, `order:${id}`); }", true, "file.js"),
    sameCase("function f(a, b) { same(`order:${a}`, `order:${b}`); }", false, "file.js"),
    sameCase("function f(id) { same(keyFor(id), keyFor(id)); }", true),
    sameCase("function f(id) { same(`order:${id}`, `order:${id}:x`); }", false),
    sameCase("function f(id) { let k = id; k = other(); same(k, k); }", false),
  ],
});

/** A probe rule: reports for every call of a method whether it may be an out-of-process store operation. */
const outOfProcessProbe = ESLintUtils.RuleCreator.withoutDocs<[], "may">({
  meta: { type: "problem", messages: { may: "{{may}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
        context.report({ node, messageId: "may", data: { may: String(mayBeOutOfProcessOperation(getFileContext(context), node)) } });
      },
    };
  },
});

function mayCase(code: string, may: boolean, filename?: string) {
  return { code, filename, errors: [{ messageId: "may" as const, data: { may: String(may) } }] };
}

runRuleTests("analysis: operations that may reach a store outside the process", outOfProcessProbe, {
  valid: [],
  invalid: [
    // A class's own Map, in a file without a client library: in memory, or nothing.
    mayCase("class Registry { entries = new Map(); find(key) { return this.entries.get(key); } }", false, "file.js"),
    mayCase("const seen = new Set(); seen.has(1);", false, "file.js"),
    // A method no store has.
    mayCase(`${IOREDIS}redis.ping();`, false),
    // With a client library imported, any receiver may be its client.
    mayCase(`${IOREDIS}class Registry { entries = new Map(); find(key: string) { return this.entries.get(key); } }`, true),
    // Named like a cache, or made by something named like one.
    mayCase("function find(cache, key) { return cache.get(key); }", true, "file.js"),
    mayCase("function find(key) { const store = getCache(); return store.get(key); }", true, "file.js"),
  ],
});
