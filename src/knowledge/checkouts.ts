/**
 * Naming conventions that point at a library's instance when its import cannot be traced (the
 * application's own `./db` module, an untyped parameter). Data only: `src/analysis/checkout.ts`
 * reads it, and only as `name` evidence, which the rules treat with extra care.
 */

/** A receiver named like this is a pool: `pool.connect()`, `pgPool.connect()`, `this.dbPool.getConnection()`. */
export const POOL_RECEIVER_NAME = /pool$/iu;

/** Receiver names (lower case) that, by convention, hold one library's instance: `sequelize.transaction()`, `knex.transaction()`. */
export const CONVENTIONAL_RECEIVERS: Readonly<Record<string, string>> = {
  sequelize: "sequelize.instance",
  knex: "knex.instance",
  mongoose: "mongoose.module",
};

/**
 * Packages outside the knowledge base whose pools share a checkout's name but not its meaning:
 * mssql's `pool.connect()` opens the pool itself, and its requests check out and give back on
 * their own. A receiver made from one of them is no `name` evidence for these methods.
 */
export const FOREIGN_POOL_METHODS: Readonly<Record<string, readonly string[]>> = {
  mssql: ["connect"],
};
