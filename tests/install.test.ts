import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The packed tarball installed into a fresh project that has only eslint and the parser, linting
 * a bad fixture from each kind of config file users write. `npm test` builds dist/ first.
 */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const BAD_FIXTURE = path.join(ROOT, "fixtures", "fetch-user-data", "bad.ts");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };

let project = "";

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_nodedir: undefined } });
}

function lintWith(configFile: string): { ruleIds: string[]; exitCode: number } {
  try {
    const out = run("npx", ["--no-install", "eslint", "--config", configFile, "--format", "json", "bad.ts"], project);
    return { ruleIds: ruleIdsOf(out), exitCode: 0 };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    if (!failure.stdout) throw new Error(failure.stderr);
    return { ruleIds: ruleIdsOf(failure.stdout), exitCode: failure.status };
  }
}

function ruleIdsOf(json: string): string[] {
  const results = JSON.parse(json) as { messages: { ruleId: string | null; message: string }[] }[];
  return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`));
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "postmortem-install-"));
  const tarball = run("npm", ["pack", "--silent", "--pack-destination", project], ROOT).trim().split("\n").pop()!;
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      `./${tarball}`,
      `eslint@${pkg.devDependencies.eslint}`,
      `@typescript-eslint/parser@${pkg.devDependencies["@typescript-eslint/parser"]}`,
      `jiti@${pkg.devDependencies.jiti}`,
    ],
    project,
  );
  fs.copyFileSync(BAD_FIXTURE, path.join(project, "bad.ts"));
  const body = `[{ files: ["**/*.ts"], languageOptions: { parser } }, postmortem.configs.recommended]`;
  fs.writeFileSync(
    path.join(project, "eslint.config.js"),
    `import parser from "@typescript-eslint/parser";\nimport postmortem from "eslint-plugin-postmortem";\nexport default ${body};\n`,
  );
  fs.writeFileSync(
    path.join(project, "eslint.config.cjs"),
    `const parser = require("@typescript-eslint/parser");\nconst postmortem = require("eslint-plugin-postmortem").default;\nmodule.exports = ${body};\n`,
  );
  fs.writeFileSync(
    path.join(project, "eslint.config.ts"),
    `import parser from "@typescript-eslint/parser";\nimport { defineConfig } from "eslint/config";\nimport postmortem from "eslint-plugin-postmortem";\nexport default defineConfig(${body});\n`,
  );
}, 240_000);

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe("installed from the packed tarball", () => {
  it.each(["eslint.config.js", "eslint.config.cjs", "eslint.config.ts"])("reports the incident from %s", (configFile) => {
    const { ruleIds, exitCode } = lintWith(configFile);
    expect(ruleIds.length).toBeGreaterThan(0);
    expect(ruleIds.every((id) => id.startsWith("postmortem/"))).toBe(true);
    expect(exitCode).toBe(1);
  });

  it("ships only dist/ and package metadata", () => {
    const files = fs.readdirSync(path.join(project, "node_modules", "eslint-plugin-postmortem")).sort();
    expect(files).toEqual(["LICENSE", "README.md", "dist", "package.json"]);
  });
});
