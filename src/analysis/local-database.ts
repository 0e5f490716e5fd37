import type { AnyRuleContext } from "./file-context.js";

import { EMBEDDED_DATABASE_MODULES, NETWORK_DATABASE_PACKAGES } from "../knowledge/sql.js";
import { runsInBrowser } from "./browser-module.js";
import { getFileContext, memoizeFile } from "./file-context.js";
import { importsModuleWithPrefix } from "./library-evidence.js";
import { getProjectPackages } from "./project-packages.js";

/**
 * Whether the file's database lives in its own process: code that runs in a browser or a web
 * view (`runsInBrowser`: SQLite in a mobile app's web view, IndexedDB), a module that imports
 * an embedded database (`bun:sqlite`, `better-sqlite3`, DuckDB, PGlite; better-auth's Kysely
 * dialect for Bun's SQLite reads each table's metadata in turn), or a module of a project whose
 * only databases are embedded ones (`dependsOnEmbeddedDatabasesOnly`). A query there is a
 * function call: no round trip, no pool.
 */
export function hasLocalDatabase(context: AnyRuleContext): boolean {
  const file = getFileContext(context);
  return runsInBrowser(context) || importsModuleWithPrefix(file, EMBEDDED_DATABASE_MODULES) || memoizeFile(file, "embedded-databases-only", () => dependsOnEmbeddedDatabasesOnly(context.filename));
}

/**
 * The project's `package.json` files declare an embedded database and no database reached over
 * the network (see `getProjectPackages`): unifiedledger's `db`, made with `better-sqlite3` in
 * `lib/db/index.ts` and imported as `@/lib/db` by every route, whose drizzle chains are known by
 * their shape alone.
 */
function dependsOnEmbeddedDatabasesOnly(filename: string): boolean {
  const packages = getProjectPackages(filename);
  if (NETWORK_DATABASE_PACKAGES.some((name) => packages.has(name))) return false;
  for (const name of packages) if (EMBEDDED_DATABASE_MODULES.some((prefix) => name.startsWith(prefix))) return true;
  return false;
}
