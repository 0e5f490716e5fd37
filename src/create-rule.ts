import type { TSESLint } from "@typescript-eslint/utils";

import { ESLintUtils } from "@typescript-eslint/utils";

import { isBundlerChunkName, isMinifiedText } from "./analysis/source-text.js";
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

/** A rule's context, for the helpers a rule keeps outside `create`. */
export type RuleContext<MessageIds extends string, Options extends readonly unknown[]> = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export const REPO_URL = "https://github.com/eslint-plugin-postmortem/eslint-plugin-postmortem";

export function getDocsUrl(ruleName: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${ruleName}.md`;
}

/**
 * typescript-eslint's `RuleCreator`, with three things every rule does first:
 * - validate `settings.postmortem` (once per settings object), so that a mistake there is
 *   reported on the first file even by a rule that reads settings only at a library call;
 * - leave minified or bundled files alone (`isMinifiedText`, `isBundlerChunkName`): nobody edits them;
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
      if (isMinifiedText(context.sourceCode.text, context.sourceCode.lines.length) || isBundlerChunkName(context.filename)) return {};
      if (lastRaw === undefined || !isSameJson(lastRaw, context.options)) {
        lastOptions = ESLintUtils.applyDefault(defaults, context.options) as Options;
        lastRaw = context.options;
      }
      return create(context, lastOptions);
    },
  };
}

/**
 * Deep equality of JSON-like values (rule options): cheaper than serialising both, and with plain
 * loops, which allocate nothing. ESLint merges \`meta.defaultOptions\` into fresh objects for every
 * file, so the options of two files are equal but never the same objects.
 */
function isSameJson(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  const isArray = Array.isArray(left);
  if (isArray !== Array.isArray(right)) return false;
  if (isArray) {
    const leftItems = left as readonly unknown[];
    const rightItems = right as readonly unknown[];
    if (leftItems.length !== rightItems.length) return false;
    for (let index = 0; index < leftItems.length; index++) if (!isSameJson(leftItems[index], rightItems[index])) return false;
    return true;
  }
  const leftRecord = left as Readonly<Record<string, unknown>>;
  const rightRecord = right as Readonly<Record<string, unknown>>;
  let keys = 0;
  for (const key in leftRecord) {
    if (!Object.hasOwn(leftRecord, key)) continue;
    if (!Object.hasOwn(rightRecord, key) || !isSameJson(leftRecord[key], rightRecord[key])) return false;
    keys++;
  }
  for (const key in rightRecord) if (Object.hasOwn(rightRecord, key)) keys--;
  return keys === 0;
}
