#!/usr/bin/env node
// Runs rules of the plugin, straight from the TypeScript sources (through jiti), over a
// directory of real code and prints every finding with its source line, so that a person can
// read each one.
//
//   node scripts/lint-real.js [--config=all|strict|recommended] <dir> [rule ...]
//
// Without rule names, every rule runs with its default options; with `--config`, the rules of
// that shipped config run with its options (`strict` and `all` turn on options that
// `recommended` leaves off). TypeScript files are parsed without type information.
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { createJiti } from "jiti";
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const configName = args.find((arg) => arg.startsWith("--config="))?.slice("--config=".length);
const [dir, ...ruleNames] = args.filter((arg) => !arg.startsWith("--config="));
if (!dir) {
  console.error("usage: node scripts/lint-real.js [--config=all|strict|recommended] <dir> [rule ...]");
  process.exit(2);
}
const jiti = createJiti(import.meta.url);
const { default: plugin } = await jiti.import("../src/index.ts");
const names = ruleNames.length > 0 ? ruleNames : Object.keys(plugin.rules);
if (configName !== undefined && !plugin.configs[configName]) {
  console.error(`unknown config ${configName}: one of ${Object.keys(plugin.configs).join(", ")}`);
  process.exit(2);
}
const configured = configName === undefined ? undefined : plugin.configs[configName].rules;
const rules = Object.fromEntries(
  names.flatMap((name) => {
    const id = `postmortem/${name}`;
    if (!configured) return [[id, "error"]];
    return id in configured ? [[id, configured[id]]] : [];
  }),
);

const eslint = new ESLint({
  cwd: path.resolve(dir),
  overrideConfigFile: true,
  errorOnUnmatchedPattern: false,
  // Directives of the app own plugins are not loaded here: ignore them instead of reporting them.
  allowInlineConfig: false,
  overrideConfig: [
    { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.next/**", "**/coverage/**", "**/*.min.js", "**/vendor/**"] },
    { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tsParser } },
    { files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"], plugins: { postmortem: plugin }, rules, linterOptions: { reportUnusedDisableDirectives: "off" } },
  ],
});
const results = await eslint.lintFiles(["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"]);
let findings = 0;
let crashes = 0;
for (const result of results) {
  const lines = result.source ?? fs.readFileSync(result.filePath, "utf8");
  const sourceLines = lines.split("\n");
  for (const message of result.messages) {
    if (!message.ruleId) {
      if (message.fatal) continue; // files the parser cannot read are not ours to judge
      crashes++;
    }
    findings++;
    const rel = path.relative(path.resolve(dir), result.filePath);
    console.log(`${rel}:${message.line}:${message.column}  ${message.ruleId}  ${message.message}`);
    console.log(`    ${(sourceLines[message.line - 1] ?? "").trim().slice(0, 160)}`);
  }
}
console.log(`\n${results.length} files, ${findings} findings${crashes ? `, ${crashes} non-rule messages` : ""}`);
