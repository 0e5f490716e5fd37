// Computed keys: computed methods and properties, symbols, string-literal keys, computed member
// calls on clients, and a cache indexed by a template key.
import Redis from "ioredis";

const redis = new Redis();
const METHOD = "get";
const KEY = Symbol("key");

const replies: Record<string, Promise<Response>> = {}; // expect: postmortem/no-unbounded-cache

export const handlers = {
  [METHOD]: async (key: string) => redis[METHOD](key),
  ["set" + "Value"]: async (key: string, value: string) => redis["set"](key, value),
  [KEY]: 1,
  [`${METHOD}All`]() {
    return Object.keys(this);
  },
  "quoted-key": true,
  123: "numeric",
};

export class Keys {
  static readonly [KEY] = new Map<string, string>();
  [Symbol.iterator] = function* () {
    yield* Keys[KEY].keys();
  };
  async ["load" + "One"](id: string): Promise<unknown> {
    const r = await fetch(`/items/${id}`);
    return r["json"]();
  }
}

export function remote(user: string, url: string): Promise<Response> {
  return (replies[`${user}:${url}`] ??= fetch(url));
}

export async function swap(key: string, name: keyof Redis & ("get" | "del")) {
  return redis[name](key);
}
