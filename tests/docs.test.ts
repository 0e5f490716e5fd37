import type { Linter } from "eslint";

import tsParser from "@typescript-eslint/parser";
import { Linter as ESLintLinter } from "eslint";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { rules } from "../src/rules.js";

/**
 * Every rule doc tells its incident and shows incorrect and correct code; every `incorrect`
 * example must report and every `correct` one must not.
 */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = /^```(ts|tsx|js|jsx) (incorrect|correct)\n([\s\S]*?)^```$/gmu;
const REQUIRED_SECTIONS = ["## Rule details", "## When not to use it", "## Known false negatives"];

interface Example {
  language: string;
  kind: "incorrect" | "correct";
  code: string;
  line: number;
}

function readExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const match of markdown.matchAll(EXAMPLE)) {
    const [, language = "ts", kind, code = ""] = match;
    examples.push({ language, kind: kind as Example["kind"], code, line: markdown.slice(0, match.index).split("\n").length });
  }
  return examples;
}

function lintExample(name: string, example: Example): Linter.LintMessage[] {
  const linter = new ESLintLinter({ configType: "flat" });
  const typescript = example.language.startsWith("ts");
  return linter.verify(
    example.code,
    [
      {
        files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx"],
        languageOptions: typescript
          ? { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }
          : { parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx"], plugins: { postmortem: plugin }, rules: { [`postmortem/${name}`]: "error" } },
    ],
    `example.${example.language}`,
  );
}

describe.each(Object.keys(rules).sort())("docs/rules/%s.md", (name) => {
  const markdown = fs.readFileSync(path.join(ROOT, "docs", "rules", `${name}.md`), "utf8");
  const examples = readExamples(markdown);

  it("has the generated header, the incident and the required sections", () => {
    expect(markdown).toContain("<!-- end auto-generated rule header -->");
    for (const section of REQUIRED_SECTIONS) expect(markdown, section).toContain(section);
  });

  it("documents its options, or says under Settings that it has none", () => {
    // eslint-doc-generator refuses an Options section in the doc of a rule without options.
    const hasOptions = (rules[name]?.meta.schema as unknown[]).length > 0;
    expect(markdown).toMatch(hasOptions ? /^## Options$/mu : /^## Settings\n\n(?:This|The) rule has no options\./mu);
  });

  it("shows incorrect and correct code", () => {
    expect(examples.some((example) => example.kind === "incorrect")).toBe(true);
    expect(examples.some((example) => example.kind === "correct")).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.line}`, example] as const))("%s", (_label, example) => {
    const messages = lintExample(name, example);
    const fatal = messages.filter((message) => message.fatal);
    expect(fatal, "the example parses").toEqual([]);
    const reported = messages.filter((message) => message.ruleId === `postmortem/${name}`);
    if (example.kind === "incorrect") expect(reported.length).toBeGreaterThan(0);
    else expect(reported).toEqual([]);
  });
});

describe("docs/oxlint.md", () => {
  // The speed section is written by `npm run bench` between markers: it must hold a measurement,
  // and the two linters must have found the same number of findings on the corpus.
  it("carries the speed difference the benchmark measured", () => {
    const text = fs.readFileSync(path.join(ROOT, "docs/oxlint.md"), "utf8");
    const section = /<!-- bench:oxlint:start[^>]*-->\n([\s\S]*?)<!-- bench:oxlint:end -->/u.exec(text)?.[1] ?? "";
    const eslintRow = /^\| ESLint [^|]*`configs\.all` \| ([\d.]+ m?s) \| (\d+) \|$/mu.exec(section);
    const oxlintRow = /^\| oxlint, the same rules as a JS plugin \| ([\d.]+ m?s) \| (\d+) \|$/mu.exec(section);
    expect(eslintRow, "ESLint row").not.toBeNull();
    expect(oxlintRow, "oxlint row").not.toBeNull();
    expect(oxlintRow?.[2]).toBe(eslintRow?.[2]);
    expect(section).toMatch(/oxlint with the plugin is [\d.]+× faster than ESLint/u);
  });
});
