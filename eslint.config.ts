import eslintPlugin from "eslint-plugin-eslint-plugin";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

import postmortem from "./src/index.js";

// The plugin lints itself: typescript-eslint's type-checked rules, eslint-plugin-eslint-plugin
// for the rule files, and its own rules everywhere.
export default defineConfig([
  {
    ignores: [".tmp/", "dist/", "fixtures/", "tests/fixtures/", "tests/zoo/", "tests/types/", "coverage/", ".bench/", "bench/"],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["scripts/*.js", ".eslint-doc-generatorrc.js"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-deprecated": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Disallow|Require|Enforce|Prefer)" }],
      "eslint-plugin/require-meta-schema-default": "off",
    },
  },
  {
    files: ["scripts/**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  postmortem.configs.all,
]);
