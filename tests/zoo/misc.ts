// Odds and ends: `satisfies`, angle-bracket and `as` assertions, `this` parameters, tagged
// templates, class expressions, getters and setters, logical assignment, `new.target`, BigInt,
// regex `v` flag, async arrows in class fields, and generic-pool acquire/release.
import genericPool from "generic-pool";
import { LRUCache } from "lru-cache";
import { Sequelize, DataTypes } from "sequelize";
import ky from "ky";

const factory = { create: async () => ({ id: 1n }), destroy: async () => undefined };
const resources = genericPool.createPool(factory, { max: 10 });
const bounded = new LRUCache<string, string>({ max: 500 });
const sequelize = new Sequelize("sqlite::memory:");

export const Model = sequelize.define("thing", {
  createdAt: { type: DataTypes.DATE, defaultValue: Date.now() }, // expect: postmortem/no-call-evaluated-default
  updatedAt: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
});

function sql(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.join("?") + values.length;
}

export const Worker = class Named {
  static created = 0;
  onMessage = async (payload: { id: string }): Promise<void> => {
    const resource = await resources.acquire();
    try {
      void sql`SELECT * FROM t WHERE id = ${payload.id}`;
    } finally {
      await resources.release(resource);
    }
  };
  constructor() {
    if (new.target === Named) Named.created++;
  }
  #label = "";
  get label(): string {
    return this.#label;
  }
  set label(value: string) {
    this.#label ||= value;
  }
};

export function bind(this: { base: string }, path: string): Promise<unknown> {
  const url = <string>`${this.base}${path}`;
  return ky.get(url as string).json();
}

export async function bodyOf(path: string) {
  const response = await ky(path);
  return { data: response.json() satisfies Promise<unknown> }; // expect: postmortem/no-unawaited-response-body
}

export function recall(key: string, value: string): string {
  bounded.set(key, value);
  return bounded.get(key) ?? (/[\p{L}--[a-z]]/v.test(key) ? key : String(2n ** 64n));
}

let counter: number | undefined;
counter ??= 0;
counter &&= counter + 1_000;
export { counter };
