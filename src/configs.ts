import type { Linter } from "eslint";
import type { PostmortemRule } from "./rules.js";

export type ConfigName = "recommended" | "strict" | "all";

/**
 * The shipped configs, computed from rule metadata (never listed by hand):
 * - `recommended`: rules whose `docs.recommended` is `recommended`, at `error`;
 * - `strict`: those plus the `strict` rules at `warn`;
 * - `all`: every rule at `error`.
 * A rule's `docs.strictOptions`, when it has them, are passed in `strict` and `all`.
 */
export function getConfigRules(rules: Readonly<Record<string, PostmortemRule>>, config: ConfigName): Linter.RulesRecord {
  const entries: [string, Linter.RuleEntry][] = [];
  for (const [name, rule] of Object.entries(rules)) {
    const tier = rule.meta.docs?.recommended;
    const strictOptions = config === "recommended" ? undefined : rule.meta.docs?.strictOptions;
    const id = `postmortem/${name}`;
    const entry = (severity: Linter.RuleSeverity): Linter.RuleEntry => (strictOptions ? [severity, ...strictOptions] : severity);
    if (config === "all") entries.push([id, entry("error")]);
    else if (tier === "recommended") entries.push([id, entry("error")]);
    else if (config === "strict" && tier === "strict") entries.push([id, entry("warn")]);
  }
  // Code-unit order, not `localeCompare`: rule ids are ASCII, and the first `localeCompare` of a
  // process loads ICU's collation (about 5 ms of the plugin's load time).
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
