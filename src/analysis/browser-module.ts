import type { AnyRuleContext } from "./file-context.js";

import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { BROWSER_FILE_EXTENSIONS, BROWSER_MODULES } from "../knowledge/bounded-caches.js";
import { getRequiredModule } from "./ast.js";
import { getFileContext, memoize } from "./file-context.js";

/**
 * Whether the file is browser UI code: a component file (`.tsx`, `.jsx`) or a module that imports
 * a UI framework or a client state store (`react`, `mobx`, `vue`). Memoised per file.
 */
export function isBrowserModule(context: AnyRuleContext): boolean {
  const file = getFileContext(context);
  return memoize(file, "browser-module", file.sourceCode.ast, () => {
    if (BROWSER_FILE_EXTENSIONS.some((extension) => context.filename.endsWith(extension))) return true;
    return file.sourceCode.ast.body.some((statement) => {
      let specifier: string | undefined;
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) specifier = statement.source.value;
      else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        const init = statement.declarations[0]?.init;
        specifier = init ? getRequiredModule(init) : undefined;
      }
      return specifier !== undefined && BROWSER_MODULES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
    });
  });
}
