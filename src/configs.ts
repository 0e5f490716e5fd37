import type { Linter } from "eslint";
import type { PostmortemRule } from "./rules.js";

export type ConfigName = "recommended" | "strict" | "all";

/**
 * The shipped configs, computed from rule metadata (never listed by hand):
 * - `recommended`: rules whose `docs.recommended` is `recommended`, at `error`;
 * - `strict`: those plus the `strict` rules at `warn`;
 * - `all`: every rule at `error`.
 */
export function getConfigRules(rules: Readonly<Record<string, PostmortemRule>>, config: ConfigName): Linter.RulesRecord {
  const entries: [string, Linter.RuleEntry][] = [];
  for (const [name, rule] of Object.entries(rules)) {
    const tier = rule.meta.docs?.recommended;
    const id = `postmortem/${name}`;
    if (config === "all") entries.push([id, "error"]);
    else if (tier === "recommended") entries.push([id, "error"]);
    else if (config === "strict" && tier === "strict") entries.push([id, "warn"]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
