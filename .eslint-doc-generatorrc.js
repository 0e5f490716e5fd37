/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
  ],
  ignoreConfig: ["all"],
  ruleDocSectionInclude: ["Rule details", "When not to use it", "Known false negatives"],
  ruleDocTitleFormat: "prefix-name",
  ruleListColumns: ["name", "description", "configsError", "configsWarn", "fixable", "hasSuggestions", "options"],
  urlConfigs: "https://github.com/eslint-plugin-postmortem/eslint-plugin-postmortem#configs",
};

export default config;
