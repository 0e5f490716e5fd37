import type { TSESTree } from "@typescript-eslint/utils";
import type { FunctionNode } from "./ast.js";
import type { AnyRuleContext, FileContext } from "./file-context.js";

import path from "node:path";

import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";

import { IMPORT_TIME_CALLBACK_METHODS } from "../knowledge/bounded-caches.js";
import { NEST_STARTUP_HOOKS } from "../knowledge/frameworks.js";
import { PROMISE_CHAIN_METHODS } from "../knowledge/promises.js";
import { getCalledMethodName, getEnclosingFunction, getPlainFunctionName, getStaticPropertyName, isCalledInPlace, isHiddenMember, isWrittenMember } from "./ast.js";
import { getMethodCallsOnly, getPropertyUses } from "./code-reachability.js";
import { getFileContext, memoize } from "./file-context.js";

/** A test, bench or test fixture by its name (payever's cucumber fixtures, `many-payments.fixture.ts`). */
const TEST_FILE = /\.(?:test|spec|bench|e2e|e2e-spec|integration|fixtures?)\.[cm]?[jt]sx?$/u;
/** A test runner's own files: its config and set-up (`vitest.setup.ts`, `jest.config.js`, botpress's `vitest.snapshot.ts`). */
const TEST_RUNNER_FILE = /^(?:vitest|jest|playwright|cypress|karma|wdio)\.[\w.-]*[cm]?[jt]sx?$/u;
/** A test suite's set-up file by its conventional name (Unleash's `src/test-setup.ts`, Create React App's `setupTests.ts`, Jest's `globalSetup.ts`). */
const TEST_SETUP_FILE = /^(?:test-?setup|setup-?tests?|global-?setup|global-?teardown)\.[cm]?[jt]sx?$/iu;
/**
 * Directories of test code, matched as whole path segments (`/` added in front of the path); a
 * `test-utils` segment also with a prefix (medusa's `packages/medusa-test-utils/`), and the
 * directories end-to-end runners name for their suites (`playwright/`, `cypress/`: vercel's
 * examples keep their Playwright helpers in `internal/packages/playwright/`).
 */
const TEST_DIRECTORIES = ["/__tests__/", "/__mocks__/", "/__fixtures__/", "/test/", "/tests/", "/testing/", "/spec/", "/e2e/", "/test-utils/", "-test-utils/", "_test-utils/", "-tests/", "_tests/", "/playwright/", "/cypress/"];

/**
 * A test suite by the end of its directory's name, singular: a workspace package at the top of
 * the project or under `packages/` or `apps/` (ponder's `simulation-test/`, `packages/pg-esm-test/`).
 * Deeper in the source, such a name may be a feature of the application (`src/ab-test/`).
 */
const TEST_PACKAGE_SUFFIXES = ["-test/", "_test/"];
const WORKSPACE_PARENTS: readonly string[] = ["/", "/packages/", "/apps/"];

/**
 * Whether the file is test code: a test, bench or fixture by its name (`*.test.ts`, `*.spec.js`, `*.e2e-spec.ts`, `*.bench.ts`, `*.fixture.ts`),
 * a test runner's file (`vitest.setup.ts`, `jest.config.js`), a suite's set-up file (`test-setup.ts`, `setupTests.ts`, `globalSetup.ts`), or any file under a `test/`,
 * `tests/`, `testing/`, `spec/`, `e2e/`, `__tests__/`, `__mocks__/`, `__fixtures__/`, `test-utils/`, `x-tests/`, `playwright/` or `cypress/` directory of the project
 * or in a workspace package named `x-test/` (helpers, fixtures, benches). Its functions run once per test case or bench run, in a test
 * process, never per production request. Only the path below the working directory counts: a
 * project checked out under a directory named `tests` is not all tests, and with no project
 * directory (the file system root) only the name does.
 */
export function isTestFile(context: { readonly filename: string; readonly cwd?: string }): boolean {
  return getFileRole(context).test;
}

interface FileRole {
  readonly filename: string;
  readonly cwd: string | undefined;
  readonly test: boolean;
  readonly script: boolean;
  readonly staticAsset: boolean;
  readonly frontend: boolean;
}

/**
 * The last file asked about: up to five rules ask about each file, one after the other, with the
 * same name string, so the answer is one comparison of identical strings.
 */
let lastFile: FileRole = { filename: "", cwd: undefined, test: false, script: false, staticAsset: false, frontend: false };

function getFileRole(context: { readonly filename: string; readonly cwd?: string }): FileRole {
  const { cwd, filename } = context;
  if (filename === lastFile.filename && cwd === lastFile.cwd) return lastFile;
  const nameStart = getBaseNameStart(filename);
  const directory = getDirectoryRole(filename.slice(0, nameStart), cwd);
  const name = filename.slice(nameStart);
  lastFile = {
    filename,
    cwd,
    test: isTestName(name) || directory.test,
    script: directory.script || isSeedName(name) || isBackfillName(name) || MIGRATION_FILE.test(name) || isMigrationRunnerName(name),
    staticAsset: directory.staticAsset,
    frontend: directory.frontend && !SERVER_FILE.test(name),
  };
  return lastFile;
}

interface DirectoryRole {
  readonly directory: string;
  readonly cwd: string | undefined;
  readonly test: boolean;
  readonly script: boolean;
  readonly staticAsset: boolean;
  readonly frontend: boolean;
}

/**
 * What the last directory asked about holds, by its path below the working directory: ESLint
 * lints a directory's files one after the other, and every rule asks about each file.
 */
let lastDirectory: DirectoryRole = { directory: "", cwd: undefined, test: false, script: false, staticAsset: false, frontend: false };

/** `directory`: the file's path up to and with its last separator. */
function getDirectoryRole(directory: string, cwd: string | undefined): DirectoryRole {
  if (directory === lastDirectory.directory && cwd === lastDirectory.cwd) return lastDirectory;
  // A directory segment is matched with `/` around it, the last one too (`path.relative` drops the separator).
  const below = getProjectPath(directory, cwd);
  const segments = below === undefined || below.endsWith("/") ? below : `${below}/`;
  lastDirectory = {
    directory,
    cwd,
    test: segments !== undefined && (TEST_DIRECTORIES.some((name) => segments.includes(name)) || isTestPackagePath(segments)),
    script: segments !== undefined && SCRIPT_DIRECTORIES.some((name) => segments.includes(name)),
    staticAsset: segments !== undefined && isStaticAssetPath(segments),
    frontend: segments !== undefined && isFrontendPath(segments),
  };
  return lastDirectory;
}

/** `segments` has a directory named like a test package (`simulation-test/`) at the top of the project or of a workspace directory. */
function isTestPackagePath(segments: string): boolean {
  for (const suffix of TEST_PACKAGE_SUFFIXES) {
    for (let end = segments.indexOf(suffix); end !== -1; end = segments.indexOf(suffix, end + 1)) {
      const start = segments.lastIndexOf("/", end - 1) + 1;
      const parentStart = start > 1 ? segments.lastIndexOf("/", start - 2) : 0;
      if (WORKSPACE_PARENTS.includes(segments.slice(parentStart, start))) return true;
    }
  }
  return false;
}

function getBaseNameStart(filename: string): number {
  return Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\")) + 1;
}

let lastRootQuery = { cwd: "", root: false };

function isFileSystemRoot(cwd: string): boolean {
  if (cwd !== lastRootQuery.cwd) lastRootQuery = { cwd, root: path.parse(cwd).root === cwd };
  return lastRootQuery.root;
}

/**
 * The name alone: a regular expression over the whole absolute path costs several times more, and
 * a name with a single dot (most of them) cannot be `x.test.ts`.
 */
function isTestName(name: string): boolean {
  const dot = name.indexOf(".");
  if (dot === -1) return false;
  if (dot === name.lastIndexOf(".")) return TEST_SETUP_FILE.test(name);
  return TEST_FILE.test(name) || TEST_RUNNER_FILE.test(name);
}

/** The path below the working directory, with `/` separators and a `/` in front; undefined outside it or with no project directory. */
function getProjectPath(filename: string, cwd: string | undefined): string | undefined {
  if (!cwd || isFileSystemRoot(cwd)) return undefined;
  // The common case without `path.relative`, which resolves both paths against the process's cwd.
  const relative = filename.startsWith(cwd + path.sep) ? filename.slice(cwd.length + 1) : path.relative(cwd, filename);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  // Plain substring searches follow: a regular expression with alternatives tried at every position cost more.
  return `/${path.sep === "/" ? relative : relative.split(path.sep).join("/")}`;
}

/**
 * A seed file by its name, wherever it lives: `seed.ts` (Prisma's `prisma/seed.ts`), `users.seeder.ts`,
 * `candidate-interview.seed.ts` (ever-gauzy keeps each feature's seeder beside its service), and a
 * NestJS seeder service (Mytegroup's `email-template-seeder.service.ts`, class `EmailTemplateSeeder`,
 * run from `onModuleInit` and a command). The word must end the name, after a separator, or be
 * `seeder` before `.service`: `random-seed.service.ts` and `seeding.ts` are not seeds.
 */
function isSeedName(name: string): boolean {
  return name.includes("seed") && SEED_FILE.test(name);
}

const SEED_FILE = /(?:^|[-._])(?:seed(?:s|ers?)?|seeders?\.service)\.[cm]?[jt]sx?$/u;

/**
 * A seeder or a data migration by its name, as a seed file is by its: a function or method with no
 * parameters whose name starts with the word `seed` (`seed()`, `seedCatalogData()`, `seed_roles()`;
 * not `seeded()` or `seedling()`) or `migrate` (`migrateSurveys_VXtoV4()`; not `migrated()` or
 * `migrateUser(user)`). Given nothing, it writes data the code defines, or rewrites the rows an
 * older version left, when the database is set up (TeTeBerry's catalog service seeds its questions
 * from `onModuleInit`; surveystack's server migrates the surveys of an older format when it
 * connects), not per request. One given arguments works on them: CopilotKit's
 * `seedDelegations(threadId, state)` fills a thread's entry from each request's state.
 */
function isSetupFunction(fn: FunctionNode): boolean {
  if (fn.params.length > 0) return false;
  const name = getPlainFunctionName(fn);
  return name !== undefined && (name.startsWith("seed") || name.startsWith("migrate")) && SETUP_FUNCTION.test(name);
}

const SETUP_FUNCTION = /^(?:seed(?:s|ers?)?|migrate)(?:[A-Z0-9_$]|$)/u;

/**
 * A backfill by its name (`membership-buzz-backfill.ts`, `app-listing-backfill.service.ts`,
 * `backfill-subscriptions.ts`, as in civitai): a one-off rewrite of existing rows, run once by
 * hand or by a moderator. The word must stand between separators.
 */
function isBackfillName(name: string): boolean {
  return name.includes("backfill") && BACKFILL_FILE.test(name);
}

const BACKFILL_FILE = /(?:^|[-._])backfill(?:s)?[-._]/u;

/**
 * A migration by its name: a 10 to 14 digit timestamp between separators, as migration tools
 * name them (`20180115021837-add-drafts.js` of sequelize-cli, `1672815959123-AddUser.ts` of
 * TypeORM, logto's `1.0.0-1672815959-user-roles.ts` under `alterations/`).
 */
const MIGRATION_FILE = /(?:^|[-_.])\d{10,14}[-_]/u;

/**
 * A migration runner by its name: `migrate.js`, `db_migrate.js` (Loyalty-Demo's "Usage: node
 * db_migrate.js", 164 versioned migrations in one file), `migrate-db.ts`, `run-migrations.js`. It
 * runs by hand or once per deploy. A name that only mentions migrations (`migrations.ts`,
 * `user-migration.service.ts`) may be a feature of the application, and is not one.
 */
function isMigrationRunnerName(name: string): boolean {
  return name.includes("igrat") && MIGRATION_RUNNER_FILE.test(name);
}

const MIGRATION_RUNNER_FILE = /^(?:(?:db|database)[-_]?migrate|migrate(?:[-_](?:db|database))?|run[-_]?[Mm]igrations)\.[cm]?[jt]s$/u;

/**
 * Directories of one-off scripts, matched as whole path segments: database migrations, seeders,
 * migration runners (`migrator/`, zootag's umzug migrator), maintenance scripts; and a `migrations` segment with a prefix (openpanel's `code-migrations/`,
 * `data-migrations/`, `db_migrations/`, OneUptime's `DataMigrations/` and `StartupMigrations/`,
 * also `Migrations/`), and a `scripts` segment whose prefix names tooling (multiforum's
 * `build_scripts/`, `dev-scripts/`, `db-scripts/`); not any prefix: blood-donation-center-be's
 * `call-center/manage-scripts/` holds the call center's phone scripts, a feature of the application.
 */
const SCRIPT_PREFIXES = ["build", "dev", "ci", "db", "deploy", "release", "maintenance", "ops"];
const SCRIPT_DIRECTORIES = [
  ...["/migrations/", "/migration/", "/migrator/", "/migrators/", "/seeders/", "/seeds/", "/seed/", "/scripts/", "/.scripts/", "-migrations/", "_migrations/", "Migrations/"],
  // formbricks apps/web/modules/auth/lib/cutover/: the one-shot re-encoding run by the deploy that switches authentication libraries.
  ...["/cutover/", "/cutovers/"],
  ...SCRIPT_PREFIXES.flatMap((prefix) => [`/${prefix}-scripts/`, `/${prefix}_scripts/`]),
];

/**
 * Whether the file is a one-off script by where it lives: under a `migrations/` (or `x-migrations/`), `seeders/`, `seed/`,
 * `seeds/`, `scripts/` or `cutover/` directory of the project (sequelize-cli and knex migrations, backfills).
 * It runs once per deploy or by hand, never per production request. As for tests, only the path
 * below the working directory counts. A seed file also counts by its name alone (`users.seed.ts`,
 * `prisma/seed.ts`), and so do a backfill (`users-backfill.ts`), a file named with a migration
 * timestamp (`20180115021837-add-drafts.js`) and a migration runner (`db_migrate.js`). So does, by
 * its first line, a program run from the command line (`#!/usr/bin/env node`, apostrophe's
 * `claude-tools/icon-audit.js`).
 */
export function isOneOffScriptFile(context: { readonly filename: string; readonly cwd?: string; readonly sourceCode?: { readonly text: string } }): boolean {
  return getFileRole(context).script || hasShebang(context.sourceCode?.text);
}

/**
 * A `public/` or `static/` directory whose files a web server sends as they are (Vite, Next.js and
 * Express `public/`, SvelteKit `static/`): at the root of the project or of a package, not inside
 * source code, where it names code (daily-api's `src/routes/public/`, the routes of a public API).
 */
function isStaticAssetPath(segments: string): boolean {
  const index = Math.max(segments.indexOf("/public/"), segments.indexOf("/static/"));
  return index !== -1 && !SOURCE_DIRECTORY.test(segments.slice(0, index + 1));
}

const SOURCE_DIRECTORY = /\/(?:src|lib|routes|api|server|app)\//u;

/**
 * Whether the file is a static asset by where it lives: under a `public/` or `static/` directory
 * of the project or a package (not one inside `src/`), sent to browsers as it is (omnivore's `public/pdf.worker.min.mjs`, electric's
 * demo bundles). It runs in a page or a worker, never in the server's process.
 */
export function isStaticAssetFile(context: { readonly filename: string; readonly cwd?: string }): boolean {
  return getFileRole(context).staticAsset;
}

/**
 * A package or directory named for the front end (`frontend/`, `worklenz-frontend/`,
 * `web_frontend/`, a top-level `client/`) or its user interface (`ui/`: umbrel's `packages/ui/`, shadcn's `components/ui/`),
 * with no server part below it (`frontend/pages/api/`, `frontend/server/`).
 */
function isFrontendPath(segments: string): boolean {
  let end = segments.startsWith(TOP_CLIENT_DIRECTORY) ? 0 : -1;
  for (const name of FRONTEND_DIRECTORIES) end = Math.max(end, segments.lastIndexOf(name));
  return end !== -1 && !SERVER_DIRECTORY.test(segments.slice(end + 1));
}

const FRONTEND_DIRECTORIES: readonly string[] = ["/frontend/", "-frontend/", "_frontend/", "/ui/"];
/**
 * `client/` at the top of the project, beside its `server/`: the front end of a MERN application
 * (mohamedsamara's mern-ecommerce, `client/app/utils/index.js`). Deeper, `client/` is as often a
 * library's or a service's client for another server (`packages/client/`, `src/client/`).
 */
const TOP_CLIENT_DIRECTORY = "/client/";
/**
 * A server part of a front end: `server/` or `backend/` anywhere below it; `api/` only as the
 * routes of the framework's server (Next.js and Astro `pages/api/`, Next.js `app/api/`) or at the
 * top of the front end (Vercel's functions, `frontend/api/`). Elsewhere `api/` holds the page's
 * HTTP clients (hospital-management's `frontend/lib/api/patient.service.ts`, calls through axios).
 */
const SERVER_DIRECTORY = /\/(?:server|backend)\/|^[^/]*\/api\/|\/(?:pages|app)\/api\//u;
/** Modules a front-end framework runs on its server: SvelteKit's `+page.server.ts`, Remix's `db.server.ts`. */
const SERVER_FILE = /[.+]server\.[cm]?[jt]sx?$/u;

/**
 * Whether the file belongs to a web front end by where it lives: under a directory or package
 * named `frontend` (`frontend/`, `worklenz-frontend/`), not in a server part of it (`api/`,
 * `server/`, `*.server.ts`). Its code runs in a page (Twake's `frontend/src/app/` services, which
 * import nothing but the app's own modules).
 */
export function isFrontendFile(context: { readonly filename: string; readonly cwd?: string }): boolean {
  return getFileRole(context).frontend;
}

/** `#!` opens the file (ESLint keeps the line in the text and parses it as a comment). */
function hasShebang(text: string | undefined): boolean {
  return text !== undefined && text.charCodeAt(0) === 0x23 && text.charCodeAt(1) === 0x21;
}

/**
 * Whether `fn` runs once per process: an IIFE at module level, a module-level function that
 * is not exported and is called exactly once, from module level (`main()`,
 * `main().catch(…)`, `if (require.main === module) seed()`), an exported one called so under
 * `if (require.main === module)` or `if (import.meta.main)`, or a NestJS start-up hook
 * (`onModuleInit()`). Scripts and start-up code.
 */
export function isRunOncePerProcess(context: AnyRuleContext, fn: FunctionNode): boolean {
  const file = getFileContext(context);
  return memoize(file, "run-once", fn, () => {
    if (getEnclosingFunction(fn) !== null) return false;
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.MethodDefinition) return parent.kind === "method" && !parent.static && NEST_STARTUP_HOOKS.includes(getStaticPropertyName(parent) ?? "");
    if (isCalledInPlace(fn)) return true;
    const id = getBindingName(fn);
    if (!id) return false;
    const variable = ASTUtils.findVariable(file.sourceCode.getScope(id), id);
    if (!variable) return false;
    // An export is no call (New-Life-clinic's fix scripts: `module.exports = fix;` beside `if (require.main === module) fix()`).
    const calls = variable.references.filter((reference) => reference.isRead() && !isExportReference(reference.identifier));
    const identifier = calls.length === 1 ? calls[0]?.identifier : undefined;
    if (identifier === undefined || !isModuleLevelCall(identifier)) return false;
    // Exported, other modules may call it too; not an entry point's `main` that the file runs when
    // started as a program (grist's `devServerMain.ts`: `if (require.main === module) main()`).
    return !isExported(variable.references, fn) || isUnderEntryGuard(identifier);
  });
}

function getBindingName(fn: FunctionNode): TSESTree.Identifier | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id;
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : null;
}

function isExported(references: readonly { identifier: TSESTree.Node }[], fn: FunctionNode): boolean {
  return isExportedDeclaration(fn) || references.some((reference) => isExportReference(reference.identifier));
}

/** `export { f }`, `export default f`, `module.exports = { f }`, `module.exports = f`: the function handed out, not called. */
function isExportReference(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return (
    parent?.type === AST_NODE_TYPES.ExportSpecifier ||
    parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    (parent?.type === AST_NODE_TYPES.Property && parent.value === identifier) ||
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier)
  );
}

/** `export function f`, `export const f = …`, `export default function`: declared as an export. */
export function isExportedDeclaration(fn: FunctionNode): boolean {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration?.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** Inside the consequent of `if (require.main === module)` (either way round) or `if (import.meta.main)`. */
function isUnderEntryGuard(node: TSESTree.Node): boolean {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === current && isEntryTest(parent.test)) return true;
  }
  return false;
}

function isEntryTest(test: TSESTree.Expression): boolean {
  if (test.type === AST_NODE_TYPES.MemberExpression) {
    return test.object.type === AST_NODE_TYPES.MetaProperty && test.object.meta.name === "import" && getStaticPropertyName(test) === "main";
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "===" && test.operator !== "==")) return false;
  return (isRequireMain(test.left) && isIdentifierNamed(test.right, "module")) || (isRequireMain(test.right) && isIdentifierNamed(test.left, "module"));
}

function isRequireMain(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(node.object, "require") && getStaticPropertyName(node) === "main";
}

function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/**
 * `main()` as a statement of the module, possibly followed by `.then(…)`/`.catch(…)`/`.finally(…)`;
 * also in a callback that module-level code runs once (`mongoose.connect(uri).then(() => { insertData(); })`,
 * quockhanhtn's mern-ecommerce `tool/insert-data.js`).
 */
function isModuleLevelCall(identifier: TSESTree.Node): boolean {
  const call = identifier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return false;
  const outer = getEnclosingFunction(call);
  if (outer !== null && !runsAtImportTime(outer)) return false;
  let current: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.UnaryExpression) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent.type === AST_NODE_TYPES.CallExpression) {
      const name = getStaticPropertyName(parent);
      if (name !== "then" && name !== "catch" && name !== "finally") return false;
      current = parent.parent;
      continue;
    }
    return parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.VariableDeclarator || (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current);
  }
}

/**
 * Whether two runs of the code around `node` can never overlap: it sits at module level, or
 * directly in a function that runs once per process (`isRunOncePerProcess`: a script's `main()`,
 * a module-level IIFE, a start-up hook), as wekan's FerretDB migration checks and marks each
 * copied collection in turn. A callback inside it (`items.map(async (item) => …)`) may run many
 * times at once and does not count.
 */
export function runsAlone(context: AnyRuleContext, node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  return fn === null || isRunOncePerProcess(context, fn);
}

/**
 * Every call of the function comes from code that runs once per process (a script's `main()`),
 * directly or through other functions (of the module, or declared inside another) called only
 * from there. A callback run right away by an array method belongs to the function around it.
 */
export function runsOnlyOnce(context: AnyRuleContext, start: FunctionNode, depth = 0): boolean {
  const fn = getCallingFunction(start);
  if (isRunOncePerProcess(context, fn) || isLatchedOnce(context, fn) || isSetupFunction(fn)) return true;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return depth <= 2 && isPrivateMethodCalledOnlyOnce(context, parent, depth);
  // A module function, or a helper declared inside another function (erxes's scripts declare
  // theirs inside the `command` they run once): what counts is who calls it.
  return depth <= 2 && isCalledOnlyFrom(context, fn, (caller) => runsOnlyOnce(context, caller, depth + 1));
}

/**
 * Every reference to `fn`, a function declaration or a function a variable is initialised with, is
 * a call made in a function that `accepts`: who calls a module function, or a helper declared
 * inside another function, decides when it runs.
 */
export function isCalledOnlyFrom(context: AnyRuleContext, fn: FunctionNode, accepts: (caller: FunctionNode) => boolean): boolean {
  const parent = fn.parent;
  const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn ? parent : null;
  if (!declared) return false;
  const name = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id?.name : undefined;
  const references = (context.sourceCode.scopeManager?.getDeclaredVariables(declared) ?? [])
    .filter((variable) => name === undefined || variable.name === name)
    .flatMap((variable) => variable.references.filter((reference) => !reference.init));
  return (
    references.length > 0 &&
    references.every((reference) => {
      const call = reference.identifier.parent;
      const isCall = call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier;
      const caller = isCall ? getEnclosingFunction(call) : reference.identifier.type === AST_NODE_TYPES.Identifier ? getStepTableRunner(context, reference.identifier) : null;
      return caller !== null && accepts(caller);
    })
  );
}

/**
 * The function that calls `reference`, a function listed in a table of steps it runs one by one:
 * Clinic-app's `scripts/test-database-optimization.js`, whose `main()` declares
 * `const tests = [{ name: "Database Connection", test: testDatabaseConnection }, …]` and runs
 * `for (const { name, test } of tests) await test()`. The table is a `const` array literal of the
 * functions (or of objects holding each under one key), only ever looped over with `for…of` in the
 * function that declares it, and the loop only calls the step. Null for any other use: a list of
 * handlers given to a router (`app.use([auth, handler])`) runs per request.
 */
function getStepTableRunner(context: AnyRuleContext, reference: TSESTree.Identifier): FunctionNode | null {
  const property = reference.parent;
  const inObject = property?.type === AST_NODE_TYPES.Property && property.value === reference && property.kind === "init" && !property.computed;
  const key = inObject ? getStaticPropertyName(property) : undefined;
  if (inObject && key === undefined) return null;
  const array = inObject ? property.parent.parent : property;
  const declarator = array?.parent;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== array || declarator.parent.kind !== "const") return null;
  const runner = getEnclosingFunction(declarator);
  const scopeManager = context.sourceCode.scopeManager;
  const uses = scopeManager?.getDeclaredVariables(declarator)[0]?.references.filter((use) => !use.init) ?? [];
  if (!runner || !scopeManager || uses.length === 0) return null;
  const callsEachStep = (use: (typeof uses)[number]): boolean => {
    const loop = use.identifier.parent;
    if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== use.identifier || getEnclosingFunction(loop) !== runner) return false;
    const step = loop.left.type === AST_NODE_TYPES.VariableDeclaration && loop.left.declarations.length === 1 ? loop.left.declarations[0] : undefined;
    if (!step) return false;
    // `for (const test of tests) test()`, `for (const { test } of tests) test()`, `for (const entry of tests) entry.test()`.
    const pattern = step.id.type === AST_NODE_TYPES.ObjectPattern && key !== undefined ? step.id.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && getStaticPropertyName(entry) === key) : undefined;
    const holder = pattern?.type === AST_NODE_TYPES.Property ? pattern.value : step.id;
    if (holder.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = scopeManager.getDeclaredVariables(step).find((declared) => declared.name === holder.name);
    const member = key !== undefined && pattern === undefined ? key : undefined;
    return (variable?.references ?? []).every(({ identifier, init }) => {
      if (init === true) return true;
      const used = member === undefined ? identifier : identifier.parent;
      if (member !== undefined && (used?.type !== AST_NODE_TYPES.MemberExpression || used.object !== identifier || getStaticPropertyName(used) !== member)) return used?.type === AST_NODE_TYPES.MemberExpression && used.object === identifier;
      return used?.parent?.type === AST_NODE_TYPES.CallExpression && used.parent.callee === used;
    });
  };
  return uses.every(callsEachStep) ? runner : null;
}

/**
 * A function that returns at once while a flag of the process is set, and sets it itself:
 * invoicerr's plugin registry, `if (PluginRegistry.isInitialized) return;` first, then
 * `PluginRegistry.isInitialized = true;` once the providers are synced. After its first run that
 * completes, every call returns before doing anything. The flag is a module-level variable or a
 * static property (an instance's flag is set once per instance, which may be once per request),
 * and every write of it in the file sets it to `true`: nothing clears it.
 */
function isLatchedOnce(context: AnyRuleContext, fn: FunctionNode): boolean {
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const first = body.body[0];
  if (first?.type !== AST_NODE_TYPES.IfStatement || first.alternate || !isReturn(first.consequent)) return false;
  const file = getFileContext(context);
  return memoize(file, "latched-once", fn, () => {
    const test = first.test;
    let writes: readonly TSESTree.Node[];
    if (test.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(file.sourceCode.getScope(test), test);
      // The module's scope: of an ES module, a script, or the function CommonJS wraps a file in.
      if (!variable || variable.scope.block.type !== AST_NODE_TYPES.Program) return false;
      writes = variable.references.filter((reference) => reference.isWrite() && !reference.init).map((reference) => reference.identifier);
    } else {
      const name = isStaticMember(test, fn) ? getStaticPropertyName(test) : undefined;
      if (name === undefined) return false;
      writes = getPropertyUses(file, name).filter((use) => isWrittenMember(use));
    }
    // Set to `true` by this function, and by nothing else to anything else.
    return writes.some((write) => getEnclosingFunction(write) === fn) && writes.every((write) => isSetToTrue(write));
  });
}

/** `return;`, `return x;`, or a block of only that. */
function isReturn(node: TSESTree.Statement): boolean {
  const statement = node.type === AST_NODE_TYPES.BlockStatement && node.body.length === 1 ? node.body[0]! : node;
  return statement.type === AST_NODE_TYPES.ReturnStatement;
}

/** `Registry.flag` in a method of class `Registry`, or `this.flag` in one of its static methods. */
function isStaticMember(node: TSESTree.Node, fn: FunctionNode): node is TSESTree.MemberExpression {
  const method = fn.parent;
  if (node.type !== AST_NODE_TYPES.MemberExpression || method.type !== AST_NODE_TYPES.MethodDefinition) return false;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.ThisExpression) return method.static;
  const owner = method.parent.parent;
  return object.type === AST_NODE_TYPES.Identifier && "id" in owner && owner.id?.name === object.name;
}

function isSetToTrue(target: TSESTree.Node): boolean {
  const assignment = target.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === "=" && assignment.right.type === AST_NODE_TYPES.Literal && assignment.right.value === true;
}

/**
 * `private async upgradeDB()` called only as `this.upgradeDB()` from methods that run once
 * (AFFiNE's runtime config service, from `onModuleInit()`). Only a method no other module can
 * call: `private`, `protected` or `#private`.
 */
function isPrivateMethodCalledOnlyOnce(context: AnyRuleContext, method: TSESTree.MethodDefinition, depth: number): boolean {
  return isHiddenMember(method) && method.kind === "method" && !method.static && isMethodCalledOnlyFrom(getFileContext(context), method, (caller) => runsOnlyOnce(context, caller, depth + 1));
}

/**
 * The file calls `method`, and only as `this.name(…)` from functions that `accepts`: the property
 * name is used nowhere else in the file, neither read nor written as a string.
 */
export function isMethodCalledOnlyFrom(file: FileContext, method: TSESTree.MethodDefinition, accepts: (caller: FunctionNode) => boolean): boolean {
  const name = getStaticPropertyName(method);
  const calls = name === undefined ? null : getMethodCallsOnly(file, name);
  return (
    calls !== null &&
    calls.length > 0 &&
    calls.every((call) => {
      const caller = getEnclosingFunction(call);
      return (call.callee as TSESTree.MemberExpression).object.type === AST_NODE_TYPES.ThisExpression && caller !== null && accepts(caller);
    })
  );
}

/** The function whose call runs `fn`: `fn` itself, or for an array callback, the function around it. */
export function getCallingFunction(fn: FunctionNode): FunctionNode {
  return climbWhile(fn, (current) => isCallbackOf(current, IMPORT_TIME_CALLBACK_METHODS));
}

/** `fn`, or the outermost function around it reached through functions that satisfy `through`. */
function climbWhile(fn: FunctionNode, through: (current: FunctionNode) => boolean): FunctionNode {
  let current = fn;
  for (let outer = getEnclosingFunction(current); outer && through(current); outer = getEnclosingFunction(current)) current = outer;
  return current;
}

/**
 * The function whose call is the only cause of a run of `fn`: `fn` itself, or for a callback an
 * array method runs, a promise's handler (it runs when the promise the call made settles) or a
 * function called where it is written, the function around it. ncats pharos's `loadMondoMap()`
 * fills its maps in `rows.forEach(…)` inside its query's `.then(…)`: only a call of it does.
 */
export function getInvokingFunction(fn: FunctionNode): FunctionNode {
  return climbWhile(fn, runsOnceWithItsCall);
}

/**
 * `fn` runs because of the call it is written in, and once per run of the code around it: an IIFE,
 * a callback an array method runs right away (`items.filter((item) => …)`), or a promise's handler
 * (`.then(…)`, `.catch(…)`, `.finally(…)`: a promise settles once).
 */
function runsOnceWithItsCall(fn: FunctionNode): boolean {
  return isCalledInPlace(fn) || isCallbackOf(fn, IMPORT_TIME_CALLBACK_METHODS) || isCallbackOf(fn, PROMISE_CHAIN_METHODS);
}

/** `fn` is an argument of a call of one of `methods`. */
function isCallbackOf(fn: FunctionNode, methods: readonly string[]): boolean {
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && methods.includes(getCalledMethodName(parent) ?? "");
}

/**
 * Every function around `fn`, and `fn` itself, is an IIFE, an array callback or a promise's
 * handler (`.then(…)`, `.catch(…)`, `.finally(…)`: a promise settles once) run by module-level code.
 */
export function runsAtImportTime(fn: FunctionNode): boolean {
  for (let current: FunctionNode | null = fn; current; current = getEnclosingFunction(current)) {
    if (!runsOnceWithItsCall(current)) return false;
  }
  return true;
}

/**
 * Whether `node` runs once per process: at module level (through IIFEs and array callbacks), or
 * in a function that only a script's `main()` or start-up code calls (`runsOnlyOnce`).
 */
export function runsOncePerProcess(context: AnyRuleContext, node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  return fn === null || runsAtImportTime(fn) || runsOnlyOnce(context, fn);
}
