// Private fields and methods, `#x in obj`, static blocks, static private members, and clients
// created in class field initializers and static blocks.
import pg from "pg";
import Redis from "ioredis";

export class Repository {
  static #pool;
  static #client;
  static {
    Repository.#pool = new pg.Pool({ max: 10 });
    Repository.#pool.connect().then((client) => {
      Repository.#client = client;
    });
  }

  #redis = new Redis();
  #seen = new Map(); // expect: postmortem/no-unbounded-cache
  static #instances = 0;

  static create() {
    Repository.#instances++;
    return new Repository();
  }

  static isRepository(value) {
    return #redis in value;
  }

  async #fetchRow(id) {
    const { rows } = await Repository.#pool.query("SELECT * FROM t WHERE id = $1", [id]);
    return rows[0];
  }

  async get(id) {
    if (this.#seen.has(id)) return this.#seen.get(id);
    const row = await this.#fetchRow(id);
    this.#seen.set(id, row);
    return row;
  }

  async getMany(ids) {
    return Promise.all(ids.map((id) => this.#fetchRow(id))); // expect: postmortem/no-query-in-loop
  }

  get #key() {
    return `repo:${Repository.#instances}`;
  }

  async count() {
    // A lost update, as with a public field: private names compare like identifiers.
    const current = await this.#redis.get(this.#key);
    await this.#redis.set(this.#key, Number(current ?? 0) + 1); // expect: postmortem/no-check-then-act
    return Repository.#client ? 1 : 0;
  }
}
