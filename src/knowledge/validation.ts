import type { LibraryKnowledge } from "./types.js";

/** Schema validation libraries: every method of a schema returns another schema. */

export const zod: LibraryKnowledge = {
  id: "zod",
  displayName: "zod",
  modules: Object.fromEntries(
    ["zod", "zod/v4", "zod/v3", "zod/mini", "zod/v4-mini"].map((m) => [m, { z: "zod.module", default: "zod.module", "*": "zod.module" }]),
  ),
  kinds: {
    "zod.module": { library: "zod", role: "module", chain: "zod.schema" },
    "zod.schema": { library: "zod", role: "schema", chain: "zod.schema" },
  },
};

export const joi: LibraryKnowledge = {
  id: "joi",
  displayName: "joi",
  modules: {
    joi: { default: "joi.module", "*": "joi.module" },
    "@hapi/joi": { default: "joi.module", "*": "joi.module" },
  },
  kinds: {
    "joi.module": { library: "joi", role: "module", chain: "joi.schema" },
    "joi.schema": { library: "joi", role: "schema", chain: "joi.schema" },
  },
};

const yupFactories = ["string", "number", "boolean", "bool", "date", "object", "array", "mixed", "tuple", "lazy"];

export const yup: LibraryKnowledge = {
  id: "yup",
  displayName: "yup",
  modules: {
    yup: {
      default: "yup.module",
      "*": "yup.module",
      ...Object.fromEntries(yupFactories.map((name) => [name, "yup.factory"])),
    },
  },
  kinds: {
    "yup.module": { library: "yup", role: "module", chain: "yup.schema" },
    "yup.factory": { library: "yup", role: "factory", call: "yup.schema" },
    "yup.schema": { library: "yup", role: "schema", chain: "yup.schema" },
  },
};
