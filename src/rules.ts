import type { TSESLint } from "@typescript-eslint/utils";
import type { PostmortemDocs } from "./create-rule.js";

import noCallEvaluatedDefault from "../rules/no-call-evaluated-default.js";
import noCheckThenAct from "../rules/no-check-then-act.js";
import noClientPerCall from "../rules/no-client-per-call.js";
import noLeakedConnection from "../rules/no-leaked-connection.js";
import noQueryInLoop from "../rules/no-query-in-loop.js";
import noUnawaitedResponseBody from "../rules/no-unawaited-response-body.js";
import noUnboundedCache from "../rules/no-unbounded-cache.js";

/**
 * Every rule of the plugin, by name. One import per file in `rules/`, sorted; the meta-tests
 * check that this list and the folder agree.
 */
export type PostmortemRule = TSESLint.RuleModule<string, readonly unknown[], PostmortemDocs>;

export const rules: Record<string, PostmortemRule> = {
  "no-call-evaluated-default": noCallEvaluatedDefault,
  "no-check-then-act": noCheckThenAct,
  "no-client-per-call": noClientPerCall,
  "no-leaked-connection": noLeakedConnection,
  "no-query-in-loop": noQueryInLoop,
  "no-unawaited-response-body": noUnawaitedResponseBody,
  "no-unbounded-cache": noUnboundedCache,
};
