import { RuleTester } from "@typescript-eslint/rule-tester";
import { ESLintUtils } from "@typescript-eslint/utils";
import path from "node:path";

import { getLongLivedCollections } from "../../src/analysis/long-lived-collection.js";
import { getMemoGrowth } from "../../src/analysis/memo-growth.js";
import { FIXTURES_DIR } from "../rule-tester.js";
import { countQuestions } from "./type-questions.js";

/**
 * Whether `getMemoGrowth` finds a memo in each long-lived collection, and whether it put
 * questions to the checker on the way: what a stored value is (a pool made per key is no memo
 * to bound) can cost an inference, so it is asked only of a store that a lookup of the same key
 * precedes.
 */
const memoQuestions = ESLintUtils.RuleCreator.withoutDocs<[], "growth">({
  meta: { type: "problem", messages: { growth: "{{growth}} after {{count}}" }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      "Program:exit"() {
        const checker = context.sourceCode.parserServices?.program?.getTypeChecker();
        for (const collection of getLongLivedCollections(context)) {
          const { answer, questions } = countQuestions(checker, () => getMemoGrowth(context, collection));
          context.report({ node: collection.creation, messageId: "growth", data: { growth: answer ? "memo" : "none", count: questions === 0 ? "no question" : "questions" } });
        }
      },
    };
  },
});

const tester = new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURES_DIR } } });
const filename = path.join(FIXTURES_DIR, "file.ts");
const head = 'import { Pool } from "pg";\ndeclare function open(key: string): Pool;\ndeclare function compute(key: string): string;\n';

function memoCase(body: string, growth: "memo" | "none", asked: boolean) {
  return { code: `${head}const cache = new Map<string, unknown>();\n${body}`, filename, errors: [{ messageId: "growth" as const, data: { growth, count: asked ? "questions" : "no question" }, line: 4 }] };
}

tester.run("analysis: type questions of memo growth", memoQuestions, {
  valid: [],
  invalid: [
    // A store that no lookup of the key precedes is no memo: what it stores is not asked about.
    memoCase("export function put(key: string) {\n  cache.set(key, open(key));\n}", "none", false),
    // A lookup first: the stored value decides, a pool per key (asked, and no memo) or a computed value.
    memoCase("export function get(key: string) {\n  if (cache.has(key)) return cache.get(key);\n  const value = open(key);\n  cache.set(key, value);\n  return value;\n}", "none", true),
    memoCase("export function get(key: string) {\n  if (cache.has(key)) return cache.get(key);\n  const value = compute(key);\n  cache.set(key, value);\n  return value;\n}", "memo", true),
  ],
});
