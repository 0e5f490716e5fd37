import rule from "../../rules/no-unawaited-response-body.js";
import { runRuleTests } from "../rule-tester.js";

const fetchUserDataTs = `async function fetchUserData(userId: string) {
  const user = await fetch(\`/api/users/\${userId}\`);
  const posts = await fetch(\`/api/posts?userId=\${userId}\`);
  return {
    user: user.json(),
    posts: posts.json(),
  };
}`;

const fetchUserDataJs = `async function fetchUserData(userId) {
  const user = await fetch(\`/api/users/\${userId}\`);
  const posts = await fetch(\`/api/posts?userId=\${userId}\`);
  return {
    user: user.json(),
    posts: posts.json()
  };
}`;

// karakeep apps/web/components/settings/ImportExport.tsx: the query returns the body promise in an object, and the component awaits it.
const exportQuery = (use: string): string =>
  `export function useExport() {\n  const { data } = useQuery({\n    queryFn: async () => {\n      const res = await fetch("/api/export");\n      return { blob: res.blob(), filename: "x" };\n    },\n  });\n  async function save() {\n    const { blob, filename } = data;\n    download(URL.createObjectURL(${use}), filename);\n  }\n}`;

runRuleTests("no-unawaited-response-body", rule, {
  valid: [
    "",
    // The incident, fixed.
    `async function fetchUserData(userId: string) {
  const user = await fetch(\`/api/users/\${userId}\`);
  const posts = await fetch(\`/api/posts?userId=\${userId}\`);
  return { user: await user.json(), posts: await posts.json() };
}`,
    { code: "async function f(url) { const res = await fetch(url); return { data: await res.json() }; }", filename: "file.js" },
    // Returning the body promise outside try is the normal idiom.
    "async function f(url: string) { const res = await fetch(url); return res.json(); }",
    { code: "function f(url) { return fetch(url).then((res) => res.json()); }", filename: "file.js" },
    "function f(url: string) { return fetch(url).then((res) => (res.ok ? res.json() : null)); }",
    "async function f(a: Response, b: Response) { const [x, y] = await Promise.all([a.json(), b.json()]); return { x, y }; }",
    { code: "async function f(a, b) { return Promise.allSettled([(await fetch(a)).json(), (await fetch(b)).json()]); }", filename: "file.js" },
    // Valid neighbours of the invalid shapes below: the same code with the body awaited.
    { code: "async function f(url) { const res = await fetch(url); throw new Error(`failed: ${await res.text()}`); }", filename: "file.js" },
    "async function f(res: Response) { console.log(await res.json()); }",
    "async function f(res: Response) { const { items } = await res.json(); return items; }",
    "async function f(res: Response) { if (!(await res.json())) return null; return res; }",
    "async function f(res: Response, state: { user: unknown }) { state.user = { profile: await res.json() }; }",
    'import ky from "ky"; async function f() { return { user: await ky.get("/api/user").json() }; }',
    'import fetch from "node-fetch"; async function f(url: string) { const res = await fetch(url); return res.json(); }',
    { code: 'const { fetch } = require("undici"); async function f(url) { const res = await fetch(url); return { data: await res.json() }; }', filename: "file.js" },
    "function f(url: string) { return fetch(url).then(async (res) => ({ status: res.status, body: await res.json() })); }",
    "async function f(url: string) { const res = await fetch(url); const data = await res.json(); return { data, status: res.status }; }",
    // Stored, then awaited later.
    "async function f(res: Response) { const pending = res.json(); log(); const data = await pending; return { data }; }",
    "async function f(res: Response) { const ps = [res.json()]; const [data] = await Promise.all(ps); return data.items; }",
    "function f(res: Response) { void res.text(); }",
    "function f(res: Response) { res.json().then((data) => render(data.items)); }",
    "async function f(res: Response) { return { data: res.json().catch(() => null) }; }",
    // karakeep ImportExport.tsx: the file awaits the promise by the key's name (`await blob`, `await data.blob`).
    exportQuery("await blob"),
    exportQuery("await data?.blob"),
    // An in-house fetch wrapper is not known without settings.
    'import { request } from "./http"; async function f() { const res = await request("/api/user"); return { user: res.json() }; }',
    // Express, Koa, Fastify: `res` is the server response, `res.json(body)` sends it.
    { code: 'const express = require("express"); const app = express(); app.get("/", (req, res) => { res.json({ ok: true }); });', filename: "file.js" },
    'import express from "express"; const app = express(); app.get("/", (req, res) => { res.status(200).json({ user: req.body }); });',
    // `Response` imported from express is not the fetch Response.
    'import { Response } from "express"; function handler(res: Response) { return { sent: res.json() }; }',
    'import type { Request, Response } from "express"; function handler(req: Request, res: Response) { console.log(res.json()); }',
    // Static constructors take the data as an argument.
    "function f(data: unknown) { return { response: Response.json(data) }; }",
    'import { NextResponse } from "next/server"; export function GET() { return NextResponse.json({ ok: true }); }',
    // Receivers that are not known to be a fetch Response.
    { code: "async function f(api) { return { data: api.json() }; }", filename: "file.js" },
    { code: "async function f(res) { return 'items' in res.json(); }", filename: "file.js" },
    "async function f(res: Response) { return { data: res.json(1) }; }",
    // try: awaited inside, or no catch that the rejection could skip.
    "async function f(res: Response) { try { return await res.json(); } catch { return null; } }",
    "async function f(res: Response) { try { log(); } catch { return null; } return res.json(); }",
    "async function f(res: Response) { try { return res.json(); } finally { done(); } }",
    "async function f(res: Response) { try { log(); } catch { return res.json(); } }",
    // Collections of promises settled by a library.
    'import { defer } from "@remix-run/node"; export async function loader() { const res = await fetch("/api"); return defer({ user: res.json() }); }',
    "async function f(res: Response) { return { promise: res.json(), status: res.status }; }",
    "async function f(a: Response, b: Response) { const [x, y] = await Promise.all(Object.values({ a: a.json(), b: b.json() })); return { x, y }; }",
    "async function f(a: Response, b: Response) { return settleAll([a.json(), b.json()]); }",
    // Passing the promise on is the callee's business.
    "function f(res: Response) { setBody(res.text()); }",
    "function* saga(res: Response) { const data = yield res.json(); put(data); }",
    "async function f(res: Response) { return typeof res.json(); }",
    "async function f(res: Response) { const p = res.json(); return p instanceof Promise; }",
    "async function f(res: Response, latest: unknown) { const p = res.json(); return latest === p ? p : null; }",
    // A variable reassigned with its awaited value.
    "async function f(res: Response) { let data = res.json(); data = await data; return data.items; }",
    // Body read on exclusive paths, or from a clone.
    "async function f(res: Response) { if (!res.ok) throw new Error(await res.text()); return await res.json(); }",
    { code: "async function f(url) { const res = await fetch(url); return res.ok ? await res.json() : await res.text(); }", filename: "file.js" },
    "async function f(res: Response) { if (res.headers.get('content-type') === 'application/json') { return await res.json(); } else { return await res.text(); } }",
    "async function f(res: Response) { switch (type) { case 'json': return res.json(); default: return res.text(); } }",
    "async function f(res: Response) { const copy = await res.clone().text(); const data = await res.json(); return { copy, data }; }",
    "async function f(res: Response) { const data = await res.json(); if (!res.bodyUsed) log(await res.text()); return data; }",
    "async function f(url: string) { let res = await fetch(url); const a = await res.json(); res = await fetch(url); return [a, await res.json()]; }",
    "function f(res: Response) { return res.json().then(() => res.text()); }",
  ],
  invalid: [
    {
      // An in-house fetch wrapper declared in settings.postmortem.modules (the doc's example).
      code: 'import { request } from "./http"; async function f() { const res = await request("/api/user"); return { user: res.json() }; }',
      settings: { postmortem: { modules: { "./http": { request: "fetch.function" } } } },
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 111,
          suggestions: [
            {
              messageId: "suggestAwait",
              output: 'import { request } from "./http"; async function f() { const res = await request("/api/user"); return { user: await res.json() }; }',
            },
          ],
        },
      ],
    },
    {
      // The incident: fetchUserData from the debugging workshop.
      code: fetchUserDataTs,
      errors: [
        {
          messageId: "unawaitedBody",
          line: 5,
          column: 11,
          suggestions: [{ messageId: "suggestAwait", output: fetchUserDataTs.replace("user: user.json()", "user: await user.json()") }],
        },
        {
          messageId: "unawaitedBody",
          line: 6,
          column: 12,
          suggestions: [{ messageId: "suggestAwait", output: fetchUserDataTs.replace("posts: posts.json()", "posts: await posts.json()") }],
        },
      ],
    },
    {
      code: fetchUserDataJs,
      filename: "file.js",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 5,
          column: 11,
          suggestions: [{ messageId: "suggestAwait", output: fetchUserDataJs.replace("user: user.json()", "user: await user.json()") }],
        },
        {
          messageId: "unawaitedBody",
          line: 6,
          column: 12,
          suggestions: [{ messageId: "suggestAwait", output: fetchUserDataJs.replace("posts: posts.json()", "posts: await posts.json()") }],
        },
      ],
    },
    {
      // An array literal that is returned.
      code: "async function f(res: Response) { return [res.status, res.json()]; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 55,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { return [res.status, await res.json()]; }" }],
        },
      ],
    },
    {
      // A property read on the promise needs parentheses around the await.
      code: "async function f(url) { const res = await fetch(url); return res.json().items; }",
      filename: "file.js",
      errors: [
        {
          messageId: "unawaitedBody",
          data: { call: "res.json()", consequence: "`.items` is read from the Promise, not from the parsed body, and is undefined" },
          line: 1,
          column: 62,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(url) { const res = await fetch(url); return (await res.json()).items; }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { if (res.text() === '') return null; return res; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 39,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { if (await res.text() === '') return null; return res; }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { if (!res.json()) return null; return res; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 40,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { if (!await res.json()) return null; return res; }" }],
        },
      ],
    },
    {
      code: "async function f(url: string) { const res = await fetch(url); return 'items' in res.json(); }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 81,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(url: string) { const res = await fetch(url); return 'items' in await res.json(); }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { return res.json() ? 1 : 0; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 42,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { return await res.json() ? 1 : 0; }" }],
        },
      ],
    },
    {
      code: "async function f(url) { const res = await fetch(url); throw new Error(`failed: ${res.text()}`); }",
      filename: "file.js",
      errors: [
        {
          messageId: "unawaitedBody",
          data: { call: "res.text()", consequence: "the string will contain `[object Promise]`, not the body" },
          line: 1,
          column: 82,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(url) { const res = await fetch(url); throw new Error(`failed: ${await res.text()}`); }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { console.log(res.json()); }",
      errors: [
        {
          messageId: "unawaitedBody",
          data: { call: "res.json()", consequence: "`console.log` gets a pending Promise, not the parsed body" },
          line: 1,
          column: 47,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { console.log(await res.json()); }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { send(JSON.stringify({ body: res.json() })); }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 63,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { send(JSON.stringify({ body: await res.json() })); }" }],
        },
      ],
    },
    {
      // An object literal passed to any function, here a framework response helper.
      code: 'import { NextResponse } from "next/server"; export async function GET() { const res = await fetch("https://api.example.com/u"); return NextResponse.json({ user: res.json() }); }',
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 162,
          suggestions: [
            {
              messageId: "suggestAwait",
              output:
                'import { NextResponse } from "next/server"; export async function GET() { const res = await fetch("https://api.example.com/u"); return NextResponse.json({ user: await res.json() }); }',
            },
          ],
        },
      ],
    },
    {
      // Stored in a variable, then used as the data.
      code: "async function f(res: Response) {\n  const data = res.json();\n  return data.items;\n}",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 2,
          column: 16,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) {\n  const data = await res.json();\n  return data.items;\n}" }],
        },
      ],
    },
    {
      code: "async function f(url) {\n  const res = await fetch(url);\n  const user = res.json();\n  return { user };\n}",
      filename: "file.js",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 3,
          column: 16,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(url) {\n  const res = await fetch(url);\n  const user = await res.json();\n  return { user };\n}" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { const { items } = res.json(); return items; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 53,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { const { items } = await res.json(); return items; }" }],
        },
      ],
    },
    {
      // The promise flows through `||` into the object.
      code: "async function f(res: Response) { return { data: res.json() || {} }; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 50,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { return { data: await res.json() || {} }; }" }],
        },
      ],
    },
    {
      code: "async function f(url: string) { return { data: (await fetch(url)).json() }; }",
      errors: [
        {
          messageId: "unawaitedBody",
          data: { call: "(await fetch(url)).json()", consequence: "`data` in the object will be a pending Promise, not the parsed body" },
          line: 1,
          column: 48,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(url: string) { return { data: await (await fetch(url)).json() }; }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response, state: { user: unknown }) { state.user = { profile: res.json() }; }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 85,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response, state: { user: unknown }) { state.user = { profile: await res.json() }; }" }],
        },
      ],
    },
    // Valid neighbour (ImportExport.tsx): nothing awaits `blob`; a call of a method by that name is another value.
    ...["blob", "await data.blob()", "await blobs"].map((use) => ({
      code: exportQuery(use),
      errors: [
        {
          messageId: "unawaitedBody" as const,
          data: { call: "res.blob()", consequence: "`blob` in the object will be a pending Promise, not the parsed body" },
          line: 5,
          column: 22,
          suggestions: [{ messageId: "suggestAwait" as const, output: exportQuery(use).replace("blob: res.blob()", "blob: await res.blob()") }],
        },
      ],
    })),
    {
      // Awaiting an object does not await the promises in it.
      code: "async function f(res: Response) { return await Promise.resolve({ user: res.json() }); }",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 72,
          suggestions: [{ messageId: "suggestAwait", output: "async function f(res: Response) { return await Promise.resolve({ user: await res.json() }); }" }],
        },
      ],
    },
    {
      // Not in an async function: the message says so and no fix is offered.
      code: "function f(url: string) { return fetch(url).then((res) => ({ status: res.status, body: res.json() })); }",
      errors: [{ messageId: "unawaitedBodyNotAsync", line: 1, column: 88, suggestions: [] }],
    },
    {
      code: "fetch(url).then((res) => console.log(res.text()));",
      filename: "file.js",
      errors: [{ messageId: "unawaitedBodyNotAsync", line: 1, column: 38, suggestions: [] }],
    },
    {
      code: 'import fetch from "node-fetch"; async function f(url: string) { const res = await fetch(url); return { data: res.json() }; }',
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 110,
          suggestions: [{ messageId: "suggestAwait", output: 'import fetch from "node-fetch"; async function f(url: string) { const res = await fetch(url); return { data: await res.json() }; }' }],
        },
      ],
    },
    {
      code: 'const { fetch } = require("undici"); async function f(url) { const res = await fetch(url); return { data: res.json() }; }',
      filename: "file.js",
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 107,
          suggestions: [{ messageId: "suggestAwait", output: 'const { fetch } = require("undici"); async function f(url) { const res = await fetch(url); return { data: await res.json() }; }' }],
        },
      ],
    },
    {
      code: 'import ky from "ky"; async function f() { return { user: ky.get("/api/user").json() }; }',
      errors: [
        {
          messageId: "unawaitedBody",
          line: 1,
          column: 58,
          suggestions: [{ messageId: "suggestAwait", output: 'import ky from "ky"; async function f() { return { user: await ky.get("/api/user").json() }; }' }],
        },
      ],
    },
    {
      // Returned inside try: a parse error escapes the catch.
      code: "async function f(url: string) {\n  try {\n    const res = await fetch(url);\n    return res.json();\n  } catch {\n    return null;\n  }\n}",
      errors: [
        {
          messageId: "returnInTry",
          line: 4,
          column: 12,
          data: { call: "res.json()", failure: "a JSON parse or network error" },
          suggestions: [
            {
              messageId: "suggestReturnAwait",
              output: "async function f(url: string) {\n  try {\n    const res = await fetch(url);\n    return await res.json();\n  } catch {\n    return null;\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // LOSTXKER OPCG-Price-Tracker scripts/scrape-official.ts: `text()` fails only on the network, and the message says so.
      code: "async function f(url: string) {\n  try {\n    const res = await fetch(url);\n    return res.text();\n  } catch {\n    return null;\n  }\n}",
      errors: [
        {
          messageId: "returnInTry",
          line: 4,
          column: 12,
          data: { call: "res.text()", failure: "a network error" },
          suggestions: [
            {
              messageId: "suggestReturnAwait",
              output: "async function f(url: string) {\n  try {\n    const res = await fetch(url);\n    return await res.text();\n  } catch {\n    return null;\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "async function f(res: Response) { try { return res.formData(); } catch { return null; } }",
      errors: [
        {
          messageId: "returnInTry",
          line: 1,
          column: 48,
          data: { call: "res.formData()", failure: "a form parse or network error" },
          suggestions: [{ messageId: "suggestReturnAwait", output: "async function f(res: Response) { try { return await res.formData(); } catch { return null; } }" }],
        },
      ],
    },
    {
      code: "async function f(res: Response) { try { return res.ok ? res.json() : null; } catch (e) { return null; } }",
      errors: [
        {
          messageId: "returnInTry",
          line: 1,
          column: 57,
          suggestions: [{ messageId: "suggestReturnAwait", output: "async function f(res: Response) { try { return await (res.ok ? res.json() : null); } catch (e) { return null; } }" }],
        },
      ],
    },
    {
      code: "function f(res: Response) { try { return res.json(); } catch { return null; } }",
      errors: [{ messageId: "returnInTryNotAsync", line: 1, column: 42, data: { call: "res.json()", failure: "a JSON parse or network error" }, suggestions: [] }],
    },
    {
      // The body read twice: the second read rejects.
      code: "async function f(url: string) {\n  const res = await fetch(url);\n  const data = await res.json();\n  const raw = await res.text();\n  return { data, raw };\n}",
      errors: [{ messageId: "doubleRead", data: { call: "res.text()", first: "res.json()", name: "res", line: "3" }, line: 4, column: 21 }],
    },
    {
      // json() fails after consuming the body, then text() in the catch rejects too.
      code: "async function f(url) {\n  const res = await fetch(url);\n  try {\n    return await res.json();\n  } catch {\n    return await res.text();\n  }\n}",
      filename: "file.js",
      errors: [{ messageId: "doubleRead", line: 6, column: 18 }],
    },
  ],
});
