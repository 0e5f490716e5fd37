import type { KindKnowledge, KindRef, LibraryKnowledge, ModuleExports } from "./types.js";

import { ioredis, nodeRedis } from "./cache.js";
import { fetchApi, ky } from "./http.js";
import { mongodb, mongoose } from "./mongo.js";
import { drizzle, knex, kysely, prisma, sequelize, typeorm } from "./orm.js";
import { genericPool } from "./pool.js";
import { mysql2, pg } from "./sql.js";
import { joi, yup, zod } from "./validation.js";

export type * from "./types.js";

/** Every library the plugin knows, in one list. */
export const LIBRARIES: readonly LibraryKnowledge[] = [
  pg,
  mysql2,
  prisma,
  sequelize,
  typeorm,
  drizzle,
  knex,
  kysely,
  mongoose,
  mongodb,
  ioredis,
  nodeRedis,
  genericPool,
  fetchApi,
  ky,
  zod,
  joi,
  yup,
];

interface Index {
  kinds: Map<string, KindKnowledge>;
  modules: Map<string, { library: LibraryKnowledge; exports: ModuleExports }>;
  distinctiveMethods: Map<string, string>;
  globals: Map<string, KindRef>;
  globalTypes: Map<string, string>;
  libraries: Map<string, LibraryKnowledge>;
}

function buildIndex(libraries: readonly LibraryKnowledge[]): Index {
  const index: Index = {
    kinds: new Map(),
    modules: new Map(),
    distinctiveMethods: new Map(),
    globals: new Map(),
    globalTypes: new Map(),
    libraries: new Map(),
  };
  for (const library of libraries) {
    index.libraries.set(library.id, library);
    for (const [id, kind] of Object.entries(library.kinds)) index.kinds.set(id, kind);
    for (const [specifier, exports] of Object.entries(library.modules)) {
      index.modules.set(specifier, { library, exports });
    }
    for (const [name, kind] of Object.entries(library.distinctiveMethods ?? {})) {
      index.distinctiveMethods.set(name, kind);
    }
    for (const [name, kind] of Object.entries(library.globals ?? {})) index.globals.set(name, kind);
    for (const [name, kind] of Object.entries(library.globalTypes ?? {})) index.globalTypes.set(name, kind);
  }
  return index;
}

const INDEX = buildIndex(LIBRARIES);

/** The kind id a reference names: `"pg.pool"`, or the `kind` of `{ kind, async: true }`. */
export function getKindId(ref: KindRef): string {
  return typeof ref === "string" ? ref : ref.kind;
}

/** The knowledge of a kind id (`pg.pool`), or undefined for an unknown id. */
export function getKind(id: string): KindKnowledge | undefined {
  return INDEX.kinds.get(id);
}

/** Every kind id, for validating settings. */
export function getKindIds(): string[] {
  return [...INDEX.kinds.keys()];
}

export function getLibrary(id: string): LibraryKnowledge | undefined {
  return INDEX.libraries.get(id);
}

/** What a library module exports, for an import or require of `specifier`. */
export function getModuleExports(specifier: string): ModuleExports | undefined {
  return INDEX.modules.get(specifier)?.exports;
}

/** The library a package name belongs to (`pg`, `@prisma/client`, `drizzle-orm/pg-core`). */
export function getLibraryOfPackage(packageName: string): LibraryKnowledge | undefined {
  const direct = INDEX.modules.get(packageName)?.library;
  if (direct) return direct;
  for (const [specifier, { library }] of INDEX.modules) {
    if (specifier.startsWith(`${packageName}/`)) return library;
  }
  return undefined;
}

/** A method name that only one library uses, and the kind of its receiver. */
export function getDistinctiveMethodKind(name: string): string | undefined {
  return INDEX.distinctiveMethods.get(name);
}

/** Every method name that only one library uses. */
export const DISTINCTIVE_METHOD_NAMES: ReadonlySet<string> = new Set(INDEX.distinctiveMethods.keys());

export function getGlobalKind(name: string): KindRef | undefined {
  return INDEX.globals.get(name);
}

export function getGlobalTypeKind(name: string): string | undefined {
  return INDEX.globalTypes.get(name);
}
