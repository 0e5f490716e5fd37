// Generators and async generators: queries per yielded element, caches read and written inside
// a generator, `yield*` delegation, and generator methods.
import knex from "knex";
import { createClient } from "redis";

const db = knex({ client: "pg" });
const cache = createClient();

export function* pages(total, size = 100) {
  for (let offset = 0; offset < total; offset += size) yield { offset, size };
}

export async function* rows(ids) {
  for (const id of ids) {
    yield await db("users").where({ id }).first(); // expect: postmortem/no-query-in-loop
  }
}

export async function* stream(source) {
  for await (const x of source) await db("events").where({ id: x.id }).first(); // expect: postmortem/no-query-in-loop
  for await (const x of source) await db.raw("SELECT ?", [x.id]); // expect: postmortem/no-query-in-loop
  yield* pages(10);
}

export async function* memo(keys) {
  for (const key of keys) {
    const hit = await cache.get(key); // expect: postmortem/no-check-then-act
    if (hit === null) {
      await cache.set(key, "computed");
      yield "computed";
    } else yield "cached";
  }
}

export const iterator = {
  *[Symbol.iterator]() {
    yield 1;
  },
  async *values() {
    yield* [1, 2];
  },
};
