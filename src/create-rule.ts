import { ESLintUtils } from "@typescript-eslint/utils";

import { getPostmortemSettings } from "./settings.js";

/** Which shipped config a rule belongs to: `recommended` (error) or only `strict` (warn). */
export type RuleTier = "recommended" | "strict";

export interface PostmortemDocs {
  /** The config that first enables the rule. Every rule is in `all`. */
  recommended: RuleTier;
  /**
   * Options that `strict` and `all` pass to a `recommended` rule, to turn on reports that are
   * right but noisier than `recommended` should be (merged over the defaults by ESLint).
   */
  strictOptions?: readonly unknown[];
  /** Always false: rules use type information only when the parser provides it. */
  requiresTypeChecking?: false;
}

export const REPO_URL = "https://github.com/eslint-plugin-postmortem/eslint-plugin-postmortem";

export function getDocsUrl(ruleName: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${ruleName}.md`;
}

const creator = ESLintUtils.RuleCreator<PostmortemDocs>(getDocsUrl);

/**
 * typescript-eslint's `RuleCreator`, plus one thing every rule does first: validate
 * `settings.postmortem` (once per settings object), so that a mistake there is reported on the
 * first file even by a rule that reads settings only when it meets a library call.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, PostmortemDocs>>,
): ReturnType<typeof creator<Options, MessageIds>> {
  return creator<Options, MessageIds>({
    ...rule,
    create(context, options) {
      getPostmortemSettings(context.settings);
      return rule.create(context, options);
    },
  });
}
