import tsParser from "@typescript-eslint/parser";
import { ESLint } from "eslint";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import plugin from "../src/index.js";
import { FIXTURES_ROOT, listFixtureFiles } from "./fixture-expectations.js";

/**
 * oxlint runs ESLint-compatible JavaScript plugins without type information. Run the built
 * plugin there over fixtures/ and require the same findings as ESLint: rule, file and line.
 */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const OXLINT = path.join(ROOT, "node_modules", ".bin", "oxlint");

interface OxlintOutput {
  diagnostics: { code: string; filename: string; labels: { span: { line: number } }[] }[];
}

function runOxlint(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postmortem-oxlint-"));
  const configPath = path.join(dir, ".oxlintrc.json");
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      categories: { correctness: "off" },
      plugins: [],
      jsPlugins: [path.join(ROOT, "dist", "src", "index.js")],
      rules: plugin.configs.all.rules,
    }),
  );
  let stdout: string;
  try {
    stdout = execFileSync(OXLINT, ["-c", configPath, "--format", "json", ...listFixtureFiles()], { cwd: FIXTURES_ROOT, encoding: "utf8" });
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const output = JSON.parse(stdout) as OxlintOutput;
  const found = new Set<string>();
  for (const diagnostic of output.diagnostics) {
    // oxlint writes `postmortem(rule-name)` where ESLint writes `postmortem/rule-name`.
    const rule = diagnostic.code.replace(/^([\w-]+)\((.+)\)$/u, "$1/$2");
    const file = path.relative(FIXTURES_ROOT, path.resolve(FIXTURES_ROOT, diagnostic.filename));
    found.add(`${file}:${diagnostic.labels[0]?.span.line ?? 0} ${rule}`);
  }
  return [...found].sort();
}

async function runESLint(): Promise<string[]> {
  const eslint = new ESLint({
    cwd: FIXTURES_ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser } }, plugin.configs.all],
  });
  const found = new Set<string>();
  for (const result of await eslint.lintFiles(listFixtureFiles())) {
    for (const message of result.messages) {
      found.add(`${path.relative(FIXTURES_ROOT, result.filePath)}:${message.line} ${message.ruleId ?? "fatal"}`);
    }
  }
  return [...found].sort();
}

describe("oxlint", () => {
  it("finds what ESLint finds in fixtures/, rule, file and line", async () => {
    const eslintFindings = await runESLint();
    expect(eslintFindings.length).toBeGreaterThan(0);
    expect(runOxlint()).toEqual(eslintFindings);
  });
});
