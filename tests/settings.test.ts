import type { Linter } from "eslint";

import { ESLint as ESLint10 } from "eslint";
import { ESLint as ESLint9 } from "eslint-v9";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

import plugin from "../src/index.js";

/**
 * A configuration mistake is the user's to fix, so it must read as one: a rule option of the
 * wrong type gives ESLint's schema error, and a bad `settings.postmortem` gives the plugin's own
 * message naming the key, never a stack trace into the plugin's code.
 */
type ESLintClass = typeof ESLint10;

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const TMP = path.join(ROOT, ".tmp", "settings");
const STACK_FRAME = /\n\s+at /u;

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** Code on which every rule reads the settings (some rules read them only once they meet a library call). */
const CODE = `import { Pool } from "pg";
import Redis from "ioredis";
const redis = new Redis();
export async function handler(id) {
  const pool = new Pool();
  const client = await pool.connect();
  if (!(await redis.get(id))) await redis.set(id, "1");
  const response = await fetch("/x");
  client.release();
  return { data: response.json() };
}
`;

const versions: [string, ESLintClass][] = [
  ["ESLint 10", ESLint10],
  ["ESLint 9", ESLint9],
];

/** The error linting `CODE` with `config` rejects with, or undefined when it lints. */
async function getLintError(ESLint: ESLintClass, config: Linter.Config[], code = CODE): Promise<Error | undefined> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  try {
    await eslint.lintText(code, { filePath: path.join(ROOT, "file.js") });
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  return undefined;
}

/** What `eslint` prints for an error that has no message template (bin/eslint.js): its stack. */
function getPrintedText(error: Error): string {
  expect((error as { messageTemplate?: unknown }).messageTemplate).toBeUndefined();
  return error.stack ?? "";
}

// --- rule options ------------------------------------------------------------------------------

interface OptionCase {
  rule: string;
  options: unknown;
  /** The value ESLint's message quotes, and the type it says it should be. */
  value: unknown;
  expected: string;
}

interface PropertySchema {
  type?: string;
  items?: { type?: string };
}

/** A wrong value of each type a documented option (a property of a rule's schema) can have. */
const WRONG: Record<string, unknown> = { boolean: "yes", array: "LRUCache", string: 42, number: "1", object: "yes" };

/** For every rule with options: options that are not an object, and a wrong type for each option (and for its items). */
function getOptionCases(): OptionCase[] {
  const cases: OptionCase[] = [];
  for (const [rule, { meta }] of Object.entries(plugin.rules)) {
    const schema = (Array.isArray(meta?.schema) ? meta.schema : []) as { properties?: Record<string, PropertySchema> }[];
    const properties = schema[0]?.properties;
    if (!properties) continue;
    cases.push({ rule, options: WRONG.object, value: WRONG.object, expected: "object" });
    for (const [key, property] of Object.entries(properties)) {
      const value = WRONG[property.type ?? ""];
      expect(value, `${rule}: a wrong value for option ${key} of type ${property.type}`).toBeDefined();
      cases.push({ rule, options: { [key]: value }, value, expected: property.type ?? "" });
      const itemType = property.items?.type;
      if (itemType) cases.push({ rule, options: { [key]: [WRONG[itemType]] }, value: WRONG[itemType], expected: itemType });
    }
  }
  return cases;
}

const optionCases = getOptionCases();

describe("rule options of the wrong type", () => {
  it("are tried for every rule that takes options", () => {
    const withOptions = Object.entries(plugin.rules).filter(([, rule]) => Array.isArray(rule.meta?.schema) && rule.meta.schema.length > 0);
    expect(withOptions.length).toBeGreaterThan(0);
    expect(new Set(optionCases.map((item) => item.rule))).toEqual(new Set(withOptions.map(([name]) => name)));
  });

  describe.each(versions)("on %s", (_version, ESLint) => {
    it.each(optionCases.map((item) => [item.rule, JSON.stringify(item.options), item] as const))(
      "%s with %s gives ESLint's schema error",
      async (rule, _options, item) => {
        const error = await getLintError(ESLint, [{ plugins: { postmortem: plugin }, rules: { [`postmortem/${rule}`]: ["error", item.options] } }]);
        expect(error).toBeInstanceOf(Error);
        // ESLint's message names the rule and quotes the value with the type it wants; it does not
        // name the option key, for any rule (core rules included).
        expect(error?.message).toContain(`Key "postmortem/${rule}"`);
        expect(error?.message).toContain(`Value ${JSON.stringify(item.value)} should be ${item.expected}`);
        expect(error?.message).not.toMatch(STACK_FRAME);
      },
    );
  });
});

// --- settings.postmortem -----------------------------------------------------------------------

/** Invalid `settings.postmortem` values, and the key each message must name. */
const SETTINGS_CASES: [unknown, string][] = [
  ["pg", "settings.postmortem must be an object"],
  [null, "settings.postmortem must be an object"],
  [["modules"], "settings.postmortem must be an object"],
  [{ nope: true }, "settings.postmortem.nope is not a known setting"],
  [{ modules: 5 }, "settings.postmortem.modules must be an object"],
  [{ modules: { "./db": "pg.pool" } }, 'settings.postmortem.modules["./db"] must be an object'],
  [{ modules: { "./db": { default: 5 } } }, 'settings.postmortem.modules["./db"].default must be a kind id string'],
  [{ modules: { "./db": { default: "pg.nope" } } }, 'settings.postmortem.modules["./db"].default names an unknown kind "pg.nope"'],
  [{ resources: { acquire: "checkout" } }, "settings.postmortem.resources must be an array"],
  [{ resources: [null] }, "settings.postmortem.resources[0] must be an object"],
  [{ resources: [{ release: ["checkin"] }] }, "settings.postmortem.resources[0].acquire must be a non-empty string"],
  [{ resources: [{ acquire: 1 }] }, "settings.postmortem.resources[0].acquire must be a non-empty string"],
  [{ resources: [{ acquire: "checkout", release: "checkin" }] }, "settings.postmortem.resources[0].release must be an array of non-empty strings"],
  [{ resources: [{ acquire: "checkout", ownerRelease: [1] }] }, "settings.postmortem.resources[0].ownerRelease must be an array of non-empty strings"],
  [{ resources: [{ acquire: "checkout", releases: ["checkin"] }] }, "settings.postmortem.resources[0].releases is not a known key"],
  [{ schemaHelpers: "defineModel" }, "settings.postmortem.schemaHelpers must be an array"],
  [{ schemaHelpers: [{ callee: "" }] }, "settings.postmortem.schemaHelpers[0].callee must be a non-empty string"],
  [{ schemaHelpers: [{ callee: "defineModel", defaultKeys: "default" }] }, "settings.postmortem.schemaHelpers[0].defaultKeys must be an array of non-empty strings"],
  [{ schemaHelpers: [{ callee: "defineModel", defaults: ["default"] }] }, "settings.postmortem.schemaHelpers[0].defaults is not a known key"],
];

const VALID_SETTINGS = {
  modules: { "./db": { default: "pg.pool", redis: "ioredis.client" } },
  resources: [{ acquire: "checkout", release: ["checkin"] }],
  schemaHelpers: [{ callee: "defineModel", defaultKeys: ["default"] }],
};

function withSettings(postmortem: unknown, rules: Linter.Config["rules"] = plugin.configs.all.rules): Linter.Config[] {
  return [{ plugins: { postmortem: plugin }, settings: { postmortem }, rules }];
}

describe.each(versions)("settings.postmortem on %s", (_version, ESLint) => {
  it("accepts valid settings", async () => {
    expect(await getLintError(ESLint, withSettings(VALID_SETTINGS))).toBeUndefined();
  });

  it.each(SETTINGS_CASES.map(([settings, message]) => [JSON.stringify(settings), message] as const))(
    "%s: names the key, no stack trace",
    async (settings, message) => {
      const error = await getLintError(ESLint, withSettings(JSON.parse(settings)));
      expect(error).toBeInstanceOf(Error);
      const printed = getPrintedText(error!);
      expect(printed).toMatch(/^eslint-plugin-postmortem: /u);
      expect(printed).toContain(message);
      expect(printed).not.toMatch(STACK_FRAME);
    },
  );

  it.each(Object.keys(plugin.rules))("%s alone reports the bad key too", async (rule) => {
    const error = await getLintError(ESLint, withSettings({ modules: 5 }, { [`postmortem/${rule}`]: "error" }));
    expect(error).toBeInstanceOf(Error);
    expect(getPrintedText(error!)).toBe("eslint-plugin-postmortem: settings.postmortem.modules must be an object of module specifier → { exportName: kind }.");
  });

  it.each(Object.keys(plugin.rules))("%s alone reports the bad key on a file without any library call", async (rule) => {
    const error = await getLintError(ESLint, withSettings({ modules: 5 }, { [`postmortem/${rule}`]: "error" }), "export const answer = 42;\n");
    expect(error).toBeInstanceOf(Error);
    expect(getPrintedText(error!)).toBe("eslint-plugin-postmortem: settings.postmortem.modules must be an object of module specifier → { exportName: kind }.");
  });
});

describe("the eslint command", () => {
  it("prints a bad settings.postmortem key as one line, without a stack trace", () => {
    fs.mkdirSync(TMP, { recursive: true });
    const entry = path.relative(TMP, path.join(ROOT, "src", "index.ts")).split(path.sep).join("/");
    fs.writeFileSync(
      path.join(TMP, "eslint.config.ts"),
      `import postmortem from "${entry}";\nexport default [postmortem.configs.recommended, { settings: { postmortem: { resources: [{ acquire: "checkout", relase: ["checkin"] }] } } }];\n`,
    );
    fs.writeFileSync(path.join(TMP, "file.js"), CODE);
    const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js"), "file.js"], { cwd: TMP, encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(2);
    expect(output).toContain("eslint-plugin-postmortem: settings.postmortem.resources[0].relase is not a known key (expected one of: acquire, release, ownerRelease).");
    expect(output).not.toMatch(STACK_FRAME);
  });
});
