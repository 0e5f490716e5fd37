import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { getOwnPackages, getProjectPackages } from "../../src/analysis/project-packages.js";

/** A temporary repository: `files` maps paths under its root to their text; a `.git` folder marks the root. */
function makeRepository(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "postmortem-packages-"));
  roots.push(root);
  mkdirSync(path.join(root, "repo", ".git"), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const manifest = (fields: Record<string, Record<string, string>>): string => JSON.stringify({ name: "app", ...fields });

describe("getProjectPackages", () => {
  it("collects every dependency field of the file's package and of its workspace root", () => {
    const root = makeRepository({
      "repo/package.json": manifest({ devDependencies: { typescript: "^5" } }),
      "repo/apps/api/package.json": manifest({ dependencies: { "drizzle-orm": "^0.44" }, optionalDependencies: { "better-sqlite3": "^12" }, peerDependencies: { zod: "^4" } }),
    });
    expect([...getProjectPackages(path.join(root, "repo/apps/api/src/db.ts"))].sort()).toEqual(["better-sqlite3", "drizzle-orm", "typescript", "zod"]);
  });

  it("stops at the repository's root", () => {
    const root = makeRepository({ "package.json": manifest({ dependencies: { pg: "^8" } }), "repo/package.json": manifest({ dependencies: { "better-sqlite3": "^12" } }) });
    expect([...getProjectPackages(path.join(root, "repo/src/db.ts"))]).toEqual(["better-sqlite3"]);
  });

  it("reads the workspace packages it depends on where they are linked, one step", () => {
    const root = makeRepository({
      "repo/packages/trpc/package.json": manifest({ dependencies: { "@app/db": "workspace:*", "@app/ui": "^1.0.0" } }),
      "repo/packages/trpc/node_modules/@app/db/package.json": manifest({ dependencies: { "better-sqlite3": "^12", "@app/config": "workspace:*" } }),
      "repo/packages/trpc/node_modules/@app/ui/package.json": manifest({ dependencies: { react: "^19" } }),
    });
    // `@app/ui` is a published version, not a workspace link; `@app/config` is two steps away.
    expect([...getProjectPackages(path.join(root, "repo/packages/trpc/src/router.ts"))].sort()).toEqual(["@app/config", "@app/db", "@app/ui", "better-sqlite3"]);
  });

  it("reads a package.json again once it changes", () => {
    const root = makeRepository({ "repo/package.json": manifest({ dependencies: { "better-sqlite3": "^12" } }) });
    const file = path.join(root, "repo/src/db.ts");
    expect([...getProjectPackages(file)]).toEqual(["better-sqlite3"]);
    writeFileSync(path.join(root, "repo/package.json"), manifest({ dependencies: { pg: "^8" } }));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, "repo/package.json"), later, later);
    expect([...getProjectPackages(file)]).toEqual(["pg"]);
  });

  it("declares nothing for a manifest that is not JSON, or a file with no path on disk", () => {
    const root = makeRepository({ "repo/package.json": "{ dependencies: " });
    expect(getProjectPackages(path.join(root, "repo/src/db.ts")).size).toBe(0);
    expect(getProjectPackages("<input>").size).toBe(0);
  });
});

describe("getOwnPackages", () => {
  it("reads only the nearest package.json, the file's own package", () => {
    const root = makeRepository({
      "repo/package.json": manifest({ dependencies: { "react-dom": "^18" } }),
      "repo/server/package.json": manifest({ dependencies: { express: "^4" }, devDependencies: { vitest: "^3" } }),
    });
    expect([...getOwnPackages(path.join(root, "repo/server/src/app.ts"))].sort()).toEqual(["express", "vitest"]);
    expect(getOwnPackages(path.join(root, "repo/src/main.ts"))).toEqual(["react-dom"]);
  });

  it("declares nothing without a package.json below the repository's root, or without a path on disk", () => {
    const root = makeRepository({ "package.json": manifest({ dependencies: { svelte: "^4" } }), "repo/src/readme.txt": "" });
    expect(getOwnPackages(path.join(root, "repo/src/main.ts"))).toEqual([]);
    expect(getOwnPackages("<input>")).toEqual([]);
  });
});
