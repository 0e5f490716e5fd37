import { getKind, getKindIds } from "./knowledge/index.js";

/**
 * `settings.postmortem` in a user's config: teach the plugin about in-house wrappers without
 * forking it.
 *
 * ```js
 * settings: {
 *   postmortem: {
 *     modules: { "./db": { default: "pg.pool", redis: "ioredis.client" } },
 *     resources: [{ acquire: "checkout", release: ["checkin"] }],
 *     schemaHelpers: [{ callee: "defineModel", defaultKeys: ["default"] }],
 *   },
 * }
 * ```
 */
export interface ModuleSetting {
  /** Export name (`default`, `*` for the namespace, or a named export) → kind id. */
  [exportName: string]: string;
}

export interface ResourceSetting {
  /** Method that checks a resource out (`checkout`). */
  acquire: string;
  /** Methods of the resource that give it back (`release`, `close`). */
  release: string[];
  /** Methods of the owner that take the resource back as first argument. */
  ownerRelease: string[];
}

export interface SchemaHelperSetting {
  /** Name of a function or method that defines a model (`defineModel`, `table`). */
  callee: string;
  /** Property names that hold a field's default value. */
  defaultKeys: string[];
}

export interface PostmortemSettings {
  modules: Readonly<Record<string, ModuleSetting>>;
  resources: readonly ResourceSetting[];
  schemaHelpers: readonly SchemaHelperSetting[];
}

/** A configuration mistake: ESLint prints the message without a stack trace. */
export class PostmortemSettingsError extends Error {
  constructor(message: string) {
    super(`eslint-plugin-postmortem: ${message}`);
    this.name = "PostmortemSettingsError";
    this.stack = this.message;
  }
}

const EMPTY: PostmortemSettings = { modules: {}, resources: [], schemaHelpers: [] };
const cache = new WeakMap<object, PostmortemSettings>();

/** Validated `settings.postmortem`; throws a PostmortemSettingsError that names the bad key. */
export function getPostmortemSettings(settings: Readonly<Record<string, unknown>> | undefined): PostmortemSettings {
  const raw = settings?.postmortem;
  if (raw === undefined) return EMPTY;
  if (!isRecord(raw)) fail("settings.postmortem", "must be an object");
  const cached = cache.get(raw);
  if (cached) return cached;
  const parsed = parseSettings(raw);
  cache.set(raw, parsed);
  return parsed;
}

const KNOWN_KEYS = new Set(["modules", "resources", "schemaHelpers"]);

function parseSettings(raw: Record<string, unknown>): PostmortemSettings {
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      fail(`settings.postmortem.${key}`, `is not a known setting (expected one of: ${[...KNOWN_KEYS].join(", ")})`);
    }
  }
  return {
    modules: parseModules(raw.modules),
    resources: parseList(raw.resources, "resources", parseResource),
    schemaHelpers: parseList(raw.schemaHelpers, "schemaHelpers", parseSchemaHelper),
  };
}

function parseModules(value: unknown): Record<string, ModuleSetting> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail("settings.postmortem.modules", "must be an object of module specifier → { exportName: kind }");
  const result: Record<string, ModuleSetting> = {};
  for (const [specifier, exports] of Object.entries(value)) {
    const path = `settings.postmortem.modules[${JSON.stringify(specifier)}]`;
    if (!isRecord(exports)) fail(path, 'must be an object of export name → kind, e.g. { "default": "pg.pool" }');
    const parsed: ModuleSetting = {};
    for (const [exportName, kind] of Object.entries(exports)) {
      const keyPath = `${path}.${exportName}`;
      if (typeof kind !== "string") fail(keyPath, "must be a kind id string");
      if (!getKind(kind)) {
        fail(keyPath, `names an unknown kind ${JSON.stringify(kind)}; known kinds: ${getKindIds().join(", ")}`);
      }
      parsed[exportName] = kind;
    }
    result[specifier] = parsed;
  }
  return result;
}

function parseResource(value: Record<string, unknown>, path: string): ResourceSetting {
  checkKeys(value, path, ["acquire", "release", "ownerRelease"]);
  return {
    acquire: requireString(value.acquire, `${path}.acquire`),
    release: optionalStrings(value.release, `${path}.release`),
    ownerRelease: optionalStrings(value.ownerRelease, `${path}.ownerRelease`),
  };
}

function parseSchemaHelper(value: Record<string, unknown>, path: string): SchemaHelperSetting {
  checkKeys(value, path, ["callee", "defaultKeys"]);
  const defaultKeys = optionalStrings(value.defaultKeys, `${path}.defaultKeys`);
  return {
    callee: requireString(value.callee, `${path}.callee`),
    defaultKeys: defaultKeys.length > 0 ? defaultKeys : ["default", "defaultValue"],
  };
}

function parseList<T>(value: unknown, key: string, parse: (item: Record<string, unknown>, path: string) => T): T[] {
  if (value === undefined) return [];
  const path = `settings.postmortem.${key}`;
  if (!Array.isArray(value)) fail(path, "must be an array");
  return value.map((item: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    if (!isRecord(item)) fail(itemPath, "must be an object");
    return parse(item, itemPath);
  });
}

function checkKeys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${path}.${key}`, `is not a known key (expected one of: ${allowed.join(", ")})`);
  }
}

function requireString(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "") fail(path, "must be a non-empty string");
  return value;
}

function optionalStrings(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v !== "")) {
    fail(path, "must be an array of non-empty strings");
  }
  return value as string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(path: string, problem: string): never {
  throw new PostmortemSettingsError(`${path} ${problem}.`);
}

/**
 * Names the knowledge base knows, with those a setting adds (`resources[].acquire`,
 * `schemaHelpers[].defaultKeys`): one set per settings object, the knowledge's own set when the
 * settings add none.
 */
export function createNamesWithSettings(
  known: ReadonlySet<string>,
  fromSettings: (settings: PostmortemSettings) => readonly string[],
): (settings: PostmortemSettings) => ReadonlySet<string> {
  const bySettings = new WeakMap<PostmortemSettings, ReadonlySet<string>>();
  return (settings) => {
    let names = bySettings.get(settings);
    if (!names) {
      const added = fromSettings(settings);
      names = added.length === 0 ? known : new Set([...known, ...added]);
      bySettings.set(settings, names);
    }
    return names;
  };
}
