import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The packages the linted file's project declares: the `dependencies`, `devDependencies`,
 * `optionalDependencies` and `peerDependencies` of every `package.json` from the file's folder up
 * to the repository's root (a folder with `.git`) or the file system's, so a workspace's package
 * counts its root's too; and, one step further, those of the workspace packages it depends on
 * (`"@karakeep/db": "workspace:*"`), read where the package manager links them
 * (`node_modules/@karakeep/db/package.json`). Empty for a file with no path on disk (`<input>`).
 *
 * Each `package.json` is read once and kept while its modification time stays the same, so an
 * editor's long-lived ESLint sees an edit.
 */
export function getProjectPackages(filename: string): ReadonlySet<string> {
  if (!path.isAbsolute(filename)) return EMPTY;
  const names = new Set<string>();
  for (let folder = path.dirname(filename); ; ) {
    const manifest = readManifest(path.join(folder, "package.json")) ?? NO_MANIFEST;
    for (const name of manifest.names) names.add(name);
    for (const name of manifest.workspaceNames) {
      for (const linked of readManifest(path.join(folder, "node_modules", name, "package.json"))?.names ?? []) names.add(linked);
    }
    const parent = path.dirname(folder);
    if (parent === folder || statSync(path.join(folder, ".git"), { throwIfNoEntry: false })) break;
    folder = parent;
  }
  return names;
}

/**
 * The packages the file's own package declares: those of the nearest `package.json` from the
 * file's folder up to the repository's root, in every dependency field. Empty when there is none.
 */
export function getOwnPackages(filename: string): readonly string[] {
  if (!path.isAbsolute(filename)) return [];
  for (let folder = path.dirname(filename); ; ) {
    const manifest = readManifest(path.join(folder, "package.json"));
    if (manifest) return manifest.names;
    const parent = path.dirname(folder);
    if (parent === folder || statSync(path.join(folder, ".git"), { throwIfNoEntry: false })) return [];
    folder = parent;
  }
}

interface Manifest {
  readonly names: readonly string[];
  /** The dependencies on a package of the same workspace or folder (`workspace:*`, `file:../db`, `link:../db`). */
  readonly workspaceNames: readonly string[];
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_MANIFEST: Manifest = { names: [], workspaceNames: [] };
const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;
const LOCAL_VERSION = /^(?:workspace|file|link):/u;
const manifests = new Map<string, { readonly modified: number; readonly manifest: Manifest }>();

/** The manifest `file` holds; undefined when there is no such file (one `stat`, which also tells whether the cached copy is current). */
function readManifest(file: string): Manifest | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  const cached = manifests.get(file);
  if (cached?.modified === stats.mtimeMs) return cached.manifest;
  let manifest = NO_MANIFEST;
  try {
    const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const entries = DEPENDENCY_FIELDS.flatMap((field) => {
      const value = json[field];
      return value !== null && typeof value === "object" ? Object.entries(value as Record<string, unknown>) : [];
    });
    manifest = { names: entries.map(([name]) => name), workspaceNames: entries.filter(([, version]) => typeof version === "string" && LOCAL_VERSION.test(version)).map(([name]) => name) };
  } catch {
    // A manifest that is not JSON declares nothing.
  }
  manifests.set(file, { modified: stats.mtimeMs, manifest });
  return manifest;
}
