import type { KindKnowledge, LibraryKnowledge } from "./types.js";

/** fetch and the libraries that return fetch `Response` objects. */

export const BODY_READERS = ["json", "text", "blob", "arrayBuffer", "formData", "bytes"] as const;

/**
 * What can make a body read reject, by reader: every read fails on a network error while the body
 * streams; `json()` and `formData()` also fail on a body they cannot parse, `text()` and the
 * binary readers never do.
 */
export const BODY_READ_FAILURES: Readonly<Record<(typeof BODY_READERS)[number], string>> = {
  json: "a JSON parse or network error",
  formData: "a form parse or network error",
  text: "a network error",
  blob: "a network error",
  arrayBuffer: "a network error",
  bytes: "a network error",
};

const response: KindKnowledge = {
  library: "fetch",
  role: "response",
  bodyReaders: BODY_READERS,
  returns: { clone: "fetch.response" },
};

export const fetchApi: LibraryKnowledge = {
  id: "fetch",
  displayName: "fetch",
  modules: {
    undici: { fetch: "fetch.function", Response: "fetch.ResponseClass" },
    "node-fetch": { default: "fetch.function", "*": "fetch.function", Response: "fetch.ResponseClass" },
    "cross-fetch": { default: "fetch.function", fetch: "fetch.function", Response: "fetch.ResponseClass" },
    "isomorphic-fetch": { default: "fetch.function" },
    "@whatwg-node/fetch": { fetch: "fetch.function", Response: "fetch.ResponseClass" },
  },
  types: { Response: "fetch.response" },
  globals: { fetch: "fetch.function", Response: "fetch.ResponseClass" },
  globalTypes: { Response: "fetch.response" },
  kinds: {
    "fetch.function": { library: "fetch", role: "factory", call: { kind: "fetch.response", async: true } },
    "fetch.ResponseClass": { library: "fetch", role: "factory", construct: "fetch.response" },
    "fetch.response": response,
  },
};

export const ky: LibraryKnowledge = {
  id: "ky",
  displayName: "ky",
  modules: { ky: { default: "ky.instance" } },
  types: { KyResponse: "fetch.response", ResponsePromise: "ky.responsePromise" },
  kinds: {
    "ky.instance": {
      library: "ky",
      role: "factory",
      call: "ky.responsePromise",
      returns: {
        get: "ky.responsePromise",
        post: "ky.responsePromise",
        put: "ky.responsePromise",
        patch: "ky.responsePromise",
        delete: "ky.responsePromise",
        head: "ky.responsePromise",
        extend: "ky.instance",
        create: "ky.instance",
      },
    },
    "ky.responsePromise": { ...response, library: "ky", awaited: "fetch.response" },
  },
};
