import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's `fixtures/` folder: the workshop code of the incidents, bad and fixed. */
export const FIXTURES_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

const SOURCE = /\.(?:[cm]?[jt]sx?)$/u;
const EXPECT = /\/\/\s*expect:\s*([\w/,\s()-]+)$/u;
const STRICT_ONLY = /^(\S+)\s+\(strict\)$/u;

/** Every source file under `fixtures/` (or another `root`), as paths relative to it, sorted. */
export function listFixtureFiles(root: string = FIXTURES_ROOT): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name)) files.push(path.relative(root, full));
    }
  };
  walk(root);
  return files.sort();
}

/**
 * The findings a fixture file declares: `// expect: postmortem/rule-a, postmortem/rule-b` at the
 * end of the line where each finding starts. Returned as `file:line rule` strings. A rule
 * written `postmortem/rule-a (strict)` reports there only with its `docs.strictOptions`, which
 * `strict` and `all` pass and `recommended` does not. `file` is relative to `root`.
 */
export function readExpectations(file: string, config: "recommended" | "strict" | "all" = "all", root: string = FIXTURES_ROOT): string[] {
  const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
  const expected: string[] = [];
  lines.forEach((line, index) => {
    const match = EXPECT.exec(line.trimEnd());
    if (!match?.[1]) return;
    for (const rule of match[1].split(",")) {
      let id = rule.trim();
      const strictOnly = STRICT_ONLY.exec(id);
      if (strictOnly?.[1]) {
        if (config === "recommended") continue;
        id = strictOnly[1];
      }
      if (id) expected.push(`${file}:${index + 1} ${id}`);
    }
  });
  return expected;
}
