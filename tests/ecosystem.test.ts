import type { Linter } from "eslint";

import tsParser from "@typescript-eslint/parser";
import { ESLint } from "eslint";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { FIXTURES_ROOT, listFixtureFiles } from "./fixture-expectations.js";

/** The ways users run the plugin: CI with SARIF, editors' quick fixes, the adoption snippets. */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const TMP = path.join(ROOT, ".tmp", "ecosystem");

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function createESLint(): ESLint {
  return new ESLint({
    cwd: FIXTURES_ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser } }, plugin.configs.all],
  });
}

async function lintFixtures(): Promise<ESLint.LintResult[]> {
  return createESLint().lintFiles(listFixtureFiles());
}

describe("SARIF for code scanning", () => {
  it("carries every finding with the rule's docs.url as the help link", async () => {
    // As `eslint -f @microsoft/eslint-formatter-sarif` does: the instance that linted formats,
    // and the formatter reads the rules' meta (docs.url) from it.
    const eslint = createESLint();
    const results = await eslint.lintFiles(listFixtureFiles());
    const formatter = await eslint.loadFormatter("@microsoft/eslint-formatter-sarif");
    const sarif = JSON.parse(await formatter.format(results)) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string }[] }[];
    };
    const run = sarif.runs[0]!;
    const findings = results.reduce((n, r) => n + r.messages.length, 0);
    expect(findings).toBeGreaterThan(0);
    expect(run.results.length).toBe(findings);
    const reported = new Set(run.results.map((result) => result.ruleId));
    expect(run.tool.driver.rules.map((rule) => rule.id).sort()).toEqual([...reported].sort());
    for (const rule of run.tool.driver.rules.filter((r) => reported.has(r.id))) {
      const name = rule.id.replace("postmortem/", "");
      expect(rule.helpUri, rule.id).toBe(plugin.rules[name]?.meta?.docs?.url);
    }
  });
});

describe("editor quick fixes", () => {
  const COMBINATORS = /\bawait\b|\basync\b|\bPromise\.(?:all|allSettled|race|any)\b/gu;
  const count = (text: string): number => text.match(COMBINATORS)?.length ?? 0;

  it("offer suggestions a person can pick: a specific sentence that names the change", async () => {
    let suggestions = 0;
    for (const result of await lintFixtures()) {
      for (const message of result.messages) {
        for (const suggestion of message.suggestions ?? []) {
          suggestions++;
          expect(suggestion.desc.length, message.ruleId ?? "").toBeGreaterThan(15);
          expect(suggestion.desc).toMatch(/[.]$/u);
          expect(suggestion.desc).not.toMatch(/^(?:fix|fix this|fix it)\.?$/iu);
        }
      }
    }
    expect(suggestions).toBeGreaterThan(0);
  });

  it("never autofix a change to concurrency: no await, async or Promise combinator added or removed", async () => {
    for (const result of await lintFixtures()) {
      const source = fs.readFileSync(result.filePath, "utf8");
      for (const message of result.messages) {
        if (!message.fix) continue;
        const replaced = source.slice(message.fix.range[0], message.fix.range[1]);
        expect(count(message.fix.text), `${message.ruleId}: ${replaced} → ${message.fix.text}`).toBe(count(replaced));
      }
    }
  });
});

describe("docs/adopting.md snippets", () => {
  const markdown = fs.readFileSync(path.join(ROOT, "docs", "adopting.md"), "utf8");
  const snippets = [...markdown.matchAll(/^```js eslint\.config\.js\n([\s\S]*?)^```$/gmu)].map((match) => match[1] ?? "");
  const badFiles = listFixtureFiles().filter((file) => /(?:^|\/)bad\.js$/u.test(file));

  async function lintWithSnippet(index: number): Promise<Linter.LintMessage[]> {
    const dir = path.join(TMP, `adopt-${index}`);
    fs.mkdirSync(dir, { recursive: true });
    // Inside the package folder, so `import "eslint-plugin-postmortem"` resolves to the build.
    fs.writeFileSync(path.join(dir, "eslint.config.js"), snippets[index]!);
    badFiles.forEach((file, i) => fs.copyFileSync(path.join(FIXTURES_ROOT, file), path.join(dir, `bad-${i}.js`)));
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(dir, "eslint.config.js") });
    const results = await eslint.lintFiles(["bad-*.js"]);
    return results.flatMap((result) => result.messages);
  }

  it("has the three configs of the page", () => {
    expect(snippets).toHaveLength(3);
    expect(badFiles.length).toBeGreaterThan(0);
  });

  it("step 1 reports recommended rules as warnings only", async () => {
    const messages = await lintWithSnippet(0);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.severity === 1 && message.ruleId?.startsWith("postmortem/"))).toBe(true);
  });

  it("step 2 (strict) reports recommended rules as errors", async () => {
    const messages = await lintWithSnippet(1);
    const recommended = new Set(Object.keys(plugin.configs.recommended.rules ?? {}));
    expect(messages.some((message) => message.severity === 2)).toBe(true);
    for (const message of messages) expect(message.severity).toBe(recommended.has(message.ruleId ?? "") ? 2 : 1);
  });

  it("step 3 accepts its settings and lints", async () => {
    const messages = await lintWithSnippet(2);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => !message.fatal)).toBe(true);
  });
});
