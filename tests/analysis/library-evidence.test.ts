import type { TSESTree } from "@typescript-eslint/utils";

import { AST_NODE_TYPES, ESLintUtils } from "@typescript-eslint/utils";

import { getNodeAt } from "../../src/analysis/ast.js";
import { getPropertyUses } from "../../src/analysis/code-reachability.js";
import { getFileContext } from "../../src/analysis/file-context.js";
import { CONNECTION_OWNER_TRAIT, DATABASE_TRAIT, getFileWithoutTypes, importsLibraryWith, isNameEvidence } from "../../src/analysis/library-evidence.js";
import { runRuleTests } from "../rule-tester.js";

/**
 * Probes of the per-file guards the rules use before any analysis. The file-level answer is
 * asked of the file seen without types (with types it is always yes), so both runs agree.
 * - Program: `imports database / connection owner`, as `yes`/`no`;
 * - `names(x.method(…))`: whether the call alone is database evidence;
 * - `uses("name")`: the node types `getPropertyUses` finds for `name`, in order.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], "imports" | "name" | "uses">({
  meta: {
    type: "problem",
    messages: { imports: "{{database}} {{owner}}", name: "{{evidence}}", uses: "{{uses}}" },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const file = getFileWithoutTypes(getFileContext(context));
    return {
      Program(node) {
        const yes = (value: boolean): string => (value ? "yes" : "no");
        context.report({ node, messageId: "imports", data: { database: yes(importsLibraryWith(file, DATABASE_TRAIT)), owner: yes(importsLibraryWith(file, CONNECTION_OWNER_TRAIT)) } });
      },
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        const [argument] = node.arguments;
        if (node.callee.name === "names" && argument?.type === AST_NODE_TYPES.CallExpression) {
          context.report({ node: argument, messageId: "name", data: { evidence: String(isNameEvidence(argument, DATABASE_TRAIT)) } });
        }
        if (node.callee.name === "uses" && argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string") {
          const found = getPropertyUses(file, argument.value).map((use) => `${use.type}@${context.sourceCode.getLocFromIndex(use.range[0]).column}`);
          context.report({ node: argument, messageId: "uses", data: { uses: found.join(" ") || "none" } });
        }
      },
    };
  },
});

const imports = (database: string, owner: string) => ({ messageId: "imports" as const, data: { database, owner } });

runRuleTests("analysis: library evidence", probe, {
  valid: [],
  invalid: [
    // No import at all.
    { code: "const x = 1;", errors: [imports("no", "no")] },
    // A database library imported (pg owns connections too).
    { code: 'import { Pool } from "pg";', errors: [imports("yes", "yes")] },
    // A type import counts: a parameter annotated with it is a library value.
    { code: 'import type { Knex } from "knex";', errors: [imports("yes", "yes")] },
    // A cache library runs no queries and owns connections.
    { code: 'import Redis from "ioredis";', errors: [imports("no", "yes")] },
    // A validation library is neither.
    { code: 'import { z } from "zod";', errors: [imports("no", "no")] },
    // A require inside a function, in a CommonJS file.
    { code: 'function db() { return require("mysql2/promise"); }', filename: "file.cjs", errors: [imports("yes", "yes")] },
    // `require` as a word, not a call, is no import.
    { code: "// we require(\"pg\") elsewhere\nconst require2 = 1;", filename: "file.js", errors: [imports("no", "no")] },
    // A require in an ES module, and Node's `createRequire` bound at module level.
    { code: 'export const load = () => require("pg");', filename: "file.mjs", errors: [imports("yes", "yes")] },
    { code: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nconst { Pool } = require("pg");', errors: [imports("yes", "yes")] },
    { code: 'const require = makeLoader();\nconst { Pool } = require("pg");', filename: "file.cjs", errors: [imports("yes", "yes")] },
    // `require` declared as a configured global, as `globals.node` does.
    { code: 'const { Pool } = require("pg");', filename: "file.js", languageOptions: { globals: { require: "readonly" } }, errors: [imports("yes", "yes")] },
    // A method named require is not Node's.
    { code: 'loader.require("pg");', filename: "file.js", errors: [imports("no", "no")] },
    // `import x = require("pg")` in TypeScript.
    { code: 'import pg = require("pg");', errors: [imports("yes", "yes")] },
    // The application's own module, declared in settings.postmortem.modules.
    { code: 'import db from "../lib/db";', settings: { postmortem: { modules: { "lib/db": { default: "pg.pool" } } } }, errors: [imports("yes", "yes")] },
    // A one-library method name is evidence on its own, a generic one is not.
    {
      code: "names(User.findByPk(id)); names(User.findAll());",
      errors: [imports("no", "no"), { messageId: "name", data: { evidence: "true" } }, { messageId: "name", data: { evidence: "false" } }],
    },
    // SQL text handed to `query` is evidence; other text is not.
    {
      code: 'names(db.query("SELECT * FROM users WHERE id = $1", [id])); names(db.query(`\n  update t set a = 1`)); names(db.query("users"));',
      errors: [imports("no", "no"), { messageId: "name", data: { evidence: "true" } }, { messageId: "name", data: { evidence: "true" } }, { messageId: "name", data: { evidence: "false" } }],
    },
    // Property uses by name: members, a destructuring key, a string key; not a longer name, a comment or an import.
    {
      code: 'import "cache";\n// cache\nthis.cache.get(a); const { cache } = svc; obj["cache"] = 1; this.cacheSize = 2; uses("cache");',
      errors: [
        imports("no", "no"),
        // The last is the probe's own `"cache"`: a string equal to the name may be a key (`obj[name]`).
        { messageId: "uses", data: { uses: "MemberExpression@0 Property@27 MemberExpression@42 Literal@46 Literal@85" } },
      ],
    },
    // A private name is found through its `#`.
    {
      code: "class A { #cache = new Map(); get(k) { return this.#cache.get(k); } }\nuses(\"#cache\");",
      errors: [imports("no", "no"), { messageId: "uses", data: { uses: "MemberExpression@46 Literal@5" } }],
    },
  ],
});

// `getNodeAt` descends to the innermost node at an offset.
const nodeAtProbe = ESLintUtils.RuleCreator.withoutDocs<[], "at">({
  meta: { type: "problem", messages: { at: "{{type}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      Program(node) {
        const index = context.sourceCode.text.indexOf("needle");
        context.report({ node, messageId: "at", data: { type: getNodeAt(context.sourceCode, index).type } });
      },
    };
  },
});

runRuleTests("analysis: node at offset", nodeAtProbe, {
  valid: [],
  invalid: [
    { code: "a.b(needle);", errors: [{ messageId: "at", data: { type: "Identifier" } }] },
    { code: 'f("needle");', errors: [{ messageId: "at", data: { type: "Literal" } }] },
    { code: "/* needle */ f();", errors: [{ messageId: "at", data: { type: "Program" } }] },
    // Long lists are searched by halves: the first, a middle and the last of many statements.
    { code: `needle; ${"x; ".repeat(50)}`, errors: [{ messageId: "at", data: { type: "Identifier" } }] },
    { code: `${"x; ".repeat(25)}f(needle); ${"x; ".repeat(25)}`, errors: [{ messageId: "at", data: { type: "Identifier" } }] },
    { code: `${"x; ".repeat(50)}"needle";`, errors: [{ messageId: "at", data: { type: "Literal" } }] },
    // Between two statements, in no child: the list's parent.
    { code: `${"x;   ".repeat(9)}/* needle */${"x; ".repeat(9)}`, errors: [{ messageId: "at", data: { type: "Program" } }] },
    // Holes of an array pattern are skipped.
    { code: "const [, , a, , needle, , ] = list;", errors: [{ messageId: "at", data: { type: "Identifier" } }] },
    { code: "const [, , a, , b, , ] = needle;", errors: [{ messageId: "at", data: { type: "Identifier" } }] },
    { code: "const [a, , b] = [1, , needle];", errors: [{ messageId: "at", data: { type: "Identifier" } }] },
  ],
});
