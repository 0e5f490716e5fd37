import type { AnyRuleContext } from "./file-context.js";

import { EMBEDDED_DATABASE_MODULES } from "../knowledge/sql.js";
import { runsInBrowser } from "./browser-module.js";
import { getFileContext } from "./file-context.js";
import { importsModuleWithPrefix } from "./library-evidence.js";

/**
 * Whether the file's database lives in its own process: code that runs in a browser or a web
 * view (`runsInBrowser`: SQLite in a mobile app's web view, IndexedDB), or a module that imports
 * an embedded database (`bun:sqlite`, `better-sqlite3`, DuckDB, PGlite; better-auth's Kysely
 * dialect for Bun's SQLite reads each table's metadata in turn). A query there is a function
 * call: no round trip, no pool.
 */
export function hasLocalDatabase(context: AnyRuleContext): boolean {
  return runsInBrowser(context) || importsModuleWithPrefix(getFileContext(context), EMBEDDED_DATABASE_MODULES);
}
