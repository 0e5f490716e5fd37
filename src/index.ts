import type { ESLint, Linter, Rule } from "eslint";
import type { ConfigName } from "./configs.js";

import { getConfigRules } from "./configs.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./package-meta.js";
import { rules } from "./rules.js";

export type { PostmortemSettings } from "./settings.js";

/** The plugin as ESLint's own types see it, so `defineConfig([postmortem.configs.recommended])` type-checks. */
export interface PostmortemPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: PostmortemPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: "postmortem" },
  // typescript-eslint's RuleModule and ESLint's Rule.RuleModule describe the same runtime object.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs: {} as Record<ConfigName, Linter.Config>,
};

for (const name of ["recommended", "strict", "all"] as const) {
  plugin.configs[name] = {
    name: `postmortem/${name}`,
    plugins: { postmortem: plugin },
    rules: getConfigRules(rules, name),
  };
}

export default plugin;
