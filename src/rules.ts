import type { TSESLint } from "@typescript-eslint/utils";
import type { PostmortemDocs } from "./create-rule.js";

/**
 * Every rule of the plugin, by name. One import per file in `rules/`, sorted; the meta-tests
 * check that this list and the folder agree.
 */
export type PostmortemRule = TSESLint.RuleModule<string, readonly unknown[], PostmortemDocs>;

export const rules: Record<string, PostmortemRule> = {
};
