#!/usr/bin/env node
// `npm run demo`: lint the incidents' workshop code in fixtures/ with configs.recommended and
// print the findings in ESLint's usual format. Exits 0 once it has shown them.
import tsParser from "@typescript-eslint/parser";
import { ESLint } from "eslint";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { default: postmortem } = await import("eslint-plugin-postmortem");

const eslint = new ESLint({
  cwd: path.join(root, "fixtures"),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser } },
    postmortem.configs.recommended,
  ],
});
const results = await eslint.lintFiles(["**/*.{js,jsx,ts,tsx}"]);
const formatter = await eslint.loadFormatter("stylish");
process.stdout.write(await formatter.format(results));

const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
const fixed = results.filter((result) => /(?:^|[\\/])fixed\.[jt]sx?$/u.test(result.filePath));
const fixedClean = fixed.every((result) => result.messages.length === 0);
console.log(
  `postmortem: ${findings} findings in ${results.length - fixed.length} bad files of fixtures/; ` +
    `${fixed.length} fixed files ${fixedClean ? "lint clean" : "still report findings"}.`,
);
