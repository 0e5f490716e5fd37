import { Linter } from "eslint";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { getConfigRules } from "../src/configs.js";
import { getDocsUrl } from "../src/create-rule.js";
import plugin from "../src/index.js";
import { rules } from "../src/rules.js";

/** Plugin-wide checks that keep rules, docs, tests, configs and schemas honest. */

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const ruleFiles = fs
  .readdirSync(path.join(ROOT, "rules"))
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.replace(/\.ts$/u, ""))
  .sort();
const ruleNames = Object.keys(rules).sort();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };

describe("the plugin object", () => {
  it("has meta read from package.json and the postmortem namespace", () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: "postmortem" });
  });

  it("has at least one rule, and exactly the files in rules/", () => {
    expect(ruleNames.length).toBeGreaterThan(0);
    expect(ruleNames).toEqual(ruleFiles);
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleNames);
  });

  it.each(["recommended", "strict", "all"] as const)("configs.%s is one named flat config with the plugin", (name) => {
    const config = plugin.configs[name];
    expect(config.name).toBe(`postmortem/${name}`);
    expect(config.plugins?.postmortem).toBe(plugin);
  });

  it("computes config membership from rule metadata", () => {
    const tier = (name: string): string | undefined => rules[name]?.meta.docs?.recommended;
    const withStrict = (name: string, severity: string): unknown => {
      const options = rules[name]?.meta.docs?.strictOptions;
      return options ? [severity, ...options] : severity;
    };
    const recommended = Object.fromEntries(ruleNames.filter((n) => tier(n) === "recommended").map((n) => [`postmortem/${n}`, "error"]));
    const strict = Object.fromEntries(
      ruleNames
        .filter((n) => tier(n) === "recommended" || tier(n) === "strict")
        .map((n) => [`postmortem/${n}`, withStrict(n, tier(n) === "recommended" ? "error" : "warn")]),
    );
    const all = Object.fromEntries(ruleNames.map((n) => [`postmortem/${n}`, withStrict(n, "error")]));
    expect(plugin.configs.recommended.rules).toEqual(recommended);
    expect(plugin.configs.strict.rules).toEqual(strict);
    expect(plugin.configs.all.rules).toEqual(all);
  });

  it("lists a config's rules in id order, whatever the order of the rule table", () => {
    const reversed = Object.fromEntries(Object.entries(rules).reverse());
    expect(Object.keys(getConfigRules(reversed, "all"))).toEqual(ruleNames.map((name) => `postmortem/${name}`));
  });
});

describe.each(ruleNames)("rule %s", (name) => {
  const rule = rules[name]!;
  const meta = rule.meta;

  it("has a description, a tier, and a docs.url pointing at its doc", () => {
    expect(meta.docs?.description).toMatch(/^[A-Z].+[^.]$/u);
    expect(["recommended", "strict"]).toContain(meta.docs?.recommended);
    expect(meta.docs?.url).toBe(getDocsUrl(name));
    expect(fs.existsSync(path.join(ROOT, "docs", "rules", `${name}.md`))).toBe(true);
  });

  it("has a test file", () => {
    expect(fs.existsSync(path.join(ROOT, "tests", "rules", `${name}.test.ts`))).toBe(true);
  });

  it("has camelCase message ids and full-sentence messages", () => {
    for (const [id, message] of Object.entries(meta.messages)) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/u);
      expect(message.trim(), id).toMatch(/[.?!]$/u);
    }
  });

  it("declares hasSuggestions exactly when it has suggestion messages", () => {
    const suggests = Object.keys(meta.messages).some((id) => id.startsWith("suggest"));
    expect(Boolean(meta.hasSuggestions)).toBe(suggests);
  });

  it("has a schema whose objects describe every option and allow nothing else", () => {
    const visit = (schema: unknown): void => {
      if (!schema || typeof schema !== "object") return;
      const node = schema as Record<string, unknown>;
      if (node.type === "object" && node.properties) {
        expect(node.additionalProperties, name).toBe(false);
        for (const [key, value] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
          expect(typeof value.description, `${name}: option ${key} has a description`).toBe("string");
        }
      }
      for (const value of Object.values(node)) visit(value);
    };
    expect(Array.isArray(meta.schema)).toBe(true);
    visit(meta.schema);
  });

  it("validates its meta.defaultOptions against its schema", () => {
    const linter = new Linter({ configType: "flat" });
    const options = (meta as { defaultOptions?: unknown[] }).defaultOptions ?? [];
    const run = (): unknown =>
      linter.verify("const x = 1;", [
        { plugins: { postmortem: plugin }, rules: { [`postmortem/${name}`]: ["error", ...options] } },
      ]);
    expect(run).not.toThrow();
  });

  it("rejects an unknown option key", () => {
    const linter = new Linter({ configType: "flat" });
    const hasObjectOption = JSON.stringify(meta.schema).includes('"additionalProperties":false');
    const run = (): unknown =>
      linter.verify("const x = 1;", [
        { plugins: { postmortem: plugin }, rules: { [`postmortem/${name}`]: ["error", { notAnOption: true }] } },
      ]);
    // Every rule takes either no options or one options object closed by additionalProperties.
    expect(hasObjectOption || (Array.isArray(meta.schema) && meta.schema.length === 0)).toBe(true);
    expect(run).toThrow(/notAnOption|should NOT have additional properties|should NOT have more than 0 items|must NOT have/u);
  });

  it("is one file of 60 to 250 lines", () => {
    const lines = fs.readFileSync(path.join(ROOT, "rules", `${name}.ts`), "utf8").split("\n").length;
    expect(lines).toBeGreaterThanOrEqual(60);
    expect(lines).toBeLessThanOrEqual(250);
  });
});

describe("createRule", () => {
  // Options are merged with the defaults once per distinct options, not per file: a change of
  // options between files must still reach the rule.
  it("gives each file its own options when they change between files", () => {
    const linter = new Linter({ configType: "flat" });
    const code = 'import { Pool } from "pg";\nconst pool = new Pool();\nasync function f(rows) { for (const row of rows) await pool.query("UPDATE t SET a = 1 WHERE id = $1", [row.id]); }';
    const lint = (writes: boolean): number =>
      linter.verify(code, { plugins: { postmortem: plugin }, rules: { "postmortem/no-query-in-loop": ["error", { writes }] } }, "file.js").length;
    expect([lint(true), lint(false), lint(false), lint(true)]).toEqual([1, 0, 0, 1]);
  });
});
