// Declarations: `declare` variables, functions, classes, modules and globals; abstract classes;
// overloads; namespaces; enums (plain, const, declare); index signatures and parameter properties.
import { Pool } from "pg";
import type { PoolClient, QueryResult } from "pg";

declare const injected: Pool;
declare function query(sql: string): Promise<QueryResult>;
declare class External {
  connect(): Promise<PoolClient>;
}
declare module "in-house-db" {
  export function open(): Pool;
}
declare global {
  var __pool: Pool | undefined;
}

export enum Status {
  Active = "active",
  Deleted = "deleted",
}
export const enum Flag {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
}
export declare enum Ambient {
  A,
}

export abstract class Repository<T extends { id: string }> {
  protected abstract readonly table: string;
  abstract find(id: string): Promise<T | undefined>;
  constructor(protected readonly pool: Pool = (globalThis.__pool ??= new Pool())) {}

  findMany(ids: string[]): Promise<T[]>;
  findMany(ids: string[], status: Status): Promise<T[]>;
  async findMany(ids: string[], status?: Status): Promise<T[]> {
    const { rows } = await this.pool.query<T>(`SELECT * FROM ${this.table} WHERE id = ANY($1) AND ($2::text IS NULL OR status = $2)`, [ids, status ?? null]);
    return rows;
  }
}

export namespace Db {
  export namespace Inner {
    export const pool = injected;
  }
  export async function each(ids: readonly string[]): Promise<void> {
    for (const id of ids) await Inner.pool.query("UPDATE t SET seen = true WHERE id = $1", [id]); // expect: postmortem/no-query-in-loop
  }
}

export function open(url: string): Pool;
export function open(url: string, max: number): Pool;
export function open(url: string, max?: number): Pool {
  return new Pool({ connectionString: url, max });
}

export class Users extends Repository<{ id: string; name: string }> {
  protected readonly table = "users";
  override async find(id: string) {
    const rows = await this.findMany([id]);
    return rows[0];
  }
  async withClient(external: External): Promise<number> {
    const client = await external.connect(); // expect: postmortem/no-leaked-connection (typed)
    const result = await query("SELECT 1");
    client.release();
    return result.rowCount ?? 0;
  }
}
