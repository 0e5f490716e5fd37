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

/**
 * typescript-eslint's `RuleCreator`, with two things every rule does first:
 * - validate `settings.postmortem` (once per settings object), so that a mistake there is
 *   reported on the first file even by a rule that reads settings only at a library call;
 * - merge the options with `meta.defaultOptions` once per distinct options, not once per file
 *   (`applyDefault` deep-copies the defaults; the merged options are never mutated).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, PostmortemDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, PostmortemDocs> {
  const { create, meta, name } = rule;
  const defaults = (meta.defaultOptions ?? []) as Options;
  let lastRaw: readonly unknown[] | undefined;
  let lastOptions = defaults;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: getDocsUrl(name) } },
    create(context) {
      getPostmortemSettings(context.settings);
      if (lastRaw === undefined || !isSameJson(lastRaw, context.options)) {
        lastOptions = ESLintUtils.applyDefault(defaults, context.options) as Options;
        lastRaw = context.options;
      }
      return create(context, lastOptions);
    },
  };
}

/** Deep equality of JSON-like values (rule options): cheaper than serialising both. */
function isSameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  // ESLint hands each file a fresh options array holding the config's own option objects.
  if (Array.isArray(left)) return left.length === (right as unknown[]).length && left.every((item, index) => isSameJson(item, (right as unknown[])[index]));
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  return leftKeys.every((key) => Object.hasOwn(right, key) && isSameJson((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]));
}
