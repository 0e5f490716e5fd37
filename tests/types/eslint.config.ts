// What a user writes in eslint.config.ts: type-checked by tests/package.test.ts against the
// built package, as a user's editor would see it.
import { defineConfig } from "eslint/config";
import postmortem from "eslint-plugin-postmortem";

export default defineConfig([
  postmortem.configs.recommended,
  {
    files: ["src/**/*.ts"],
    plugins: { postmortem },
    rules: { "postmortem/no-query-in-loop": ["error", {}] },
    settings: { postmortem: { modules: { "./db": { default: "pg.pool" } } } },
  },
]);
