import type { DatabaseMethod, LibraryKnowledge } from "./types.js";

/** MongoDB: mongoose and the official driver. */

const read: DatabaseMethod = { op: "read" };
const write: DatabaseMethod = { op: "write" };
/**
 * Mongoose's query methods return a `Query`, which runs only when awaited, `then`-ed, `exec`-ed
 * or given a callback; `insertMany`, `bulkWrite` and `create` return promises that run at once.
 */
const lazyRead: DatabaseMethod = { op: "read", lazy: true };
const lazyWrite: DatabaseMethod = { op: "write", lazy: true };
const remove: DatabaseMethod = { op: "write", deletes: true };
const lazyRemove: DatabaseMethod = { op: "write", lazy: true, deletes: true };
const asLazy = (methods: Readonly<Record<string, DatabaseMethod>>): Record<string, DatabaseMethod> =>
  Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, { ...method, lazy: true }]));

const mongoReads = {
  find: read,
  findOne: read,
  countDocuments: read,
  estimatedDocumentCount: read,
  distinct: read,
  aggregate: read,
  exists: read,
} as const;

const mongoWrites = {
  insertMany: write,
  updateOne: write,
  updateMany: write,
  replaceOne: write,
  deleteOne: remove,
  deleteMany: remove,
  bulkWrite: write,
  findOneAndUpdate: write,
  findOneAndDelete: remove,
  findOneAndReplace: write,
} as const;

/**
 * MongoDB's query and update operators and aggregation stages: keys no other client's queries
 * have (Sequelize's `Op.in` is a symbol; its `$in` aliases were removed in v5).
 */
const MONGO_OPERATORS: ReadonlySet<string> = new Set([
  ...["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$and", "$or", "$nor", "$not", "$exists", "$regex", "$elemMatch", "$all", "$size", "$expr", "$text"],
  ...["$set", "$unset", "$inc", "$mul", "$push", "$pull", "$pullAll", "$addToSet", "$pop", "$rename", "$setOnInsert", "$currentDate", "$min", "$max"],
  ...["$match", "$group", "$project", "$lookup", "$unwind", "$sort", "$limit", "$skip", "$addFields", "$count", "$facet", "$replaceRoot", "$sortByCount"],
]);

/** The methods of a collection or model that take a filter, an update or a pipeline. */
const OPERATOR_METHODS: readonly string[] = [...Object.keys(mongoReads), ...Object.keys(mongoWrites).filter((method) => method !== "insertMany")];

export const mongoose: LibraryKnowledge = {
  id: "mongoose",
  displayName: "Mongoose",
  modules: {
    mongoose: {
      default: "mongoose.module",
      "*": "mongoose.module",
      model: "mongoose.modelFn",
      Schema: "mongoose.SchemaClass",
      Types: "mongoose.Types",
      connect: "mongoose.connectFn",
      createConnection: "mongoose.createConnectionFn",
    },
  },
  types: { Model: "mongoose.model", Connection: "mongoose.connection", ClientSession: "mongoose.session", Schema: "mongoose.schema" },
  kinds: {
    "mongoose.module": {
      library: "mongoose",
      role: "module",
      properties: {
        model: "mongoose.modelFn",
        Schema: "mongoose.SchemaClass",
        Types: "mongoose.Types",
        connection: "mongoose.connection",
        connect: "mongoose.connectFn",
        createConnection: "mongoose.createConnectionFn",
      },
      returns: { startSession: { kind: "mongoose.session", async: true } },
    },
    "mongoose.connectFn": { library: "mongoose", role: "factory", call: { kind: "mongoose.module", async: true } },
    "mongoose.createConnectionFn": { library: "mongoose", role: "factory", call: "mongoose.connection" },
    "mongoose.modelFn": { library: "mongoose", role: "factory", call: "mongoose.model" },
    "mongoose.SchemaClass": { library: "mongoose", role: "factory", construct: "mongoose.schema", call: "mongoose.schema" },
    "mongoose.schema": { library: "mongoose", role: "schema" },
    "mongoose.Types": { library: "mongoose", role: "other" },
    "mongoose.connection": {
      library: "mongoose",
      role: "client",
      ownsConnections: true,
      closeMethods: ["close", "destroy"],
      returns: {
        model: "mongoose.model",
        startSession: { kind: "mongoose.session", async: true },
        asPromise: { kind: "mongoose.connection", async: true },
      },
    },
    "mongoose.model": {
      library: "mongoose",
      role: "model",
      databaseMethods: {
        ...asLazy(mongoReads),
        ...asLazy(mongoWrites),
        insertMany: write,
        bulkWrite: write,
        findById: lazyRead,
        findByIdAndUpdate: lazyWrite,
        findByIdAndDelete: lazyRemove,
        findByIdAndRemove: lazyRemove,
        create: write,
        insertOne: write,
      },
      construct: "mongoose.document",
      documents: {
        kind: "mongoose.document",
        from: ["find", "findOne", "findById", "findOneAndUpdate", "findByIdAndUpdate", "create"],
        keptBy: ["select", "sort", "populate", "limit", "skip", "session", "where", "orFail", "exec"],
      },
    },
    // A document (`doc.save()` writes it back; `remove()` is Mongoose 6's and older's `deleteOne()`).
    "mongoose.document": {
      library: "mongoose",
      role: "document",
      databaseMethods: { save: write, updateOne: write, deleteOne: remove, remove },
    },
    "mongoose.session": {
      library: "mongoose",
      role: "transaction",
      release: { selfMethods: ["endSession"], finallyMethod: "endSession", async: true, setupMethods: ["startTransaction"] },
    },
  },
  distinctiveMethods: {
    findById: "mongoose.model",
    findByIdAndUpdate: "mongoose.model",
    findByIdAndDelete: "mongoose.model",
    findByIdAndRemove: "mongoose.model",
  },
  distinctiveShapes: [{ package: "mongoose", argumentKeys: MONGO_OPERATORS, methods: OPERATOR_METHODS, kind: "mongoose.model" }],
  batchedForm: "one `find({ _id: { $in: ids } })`",
  batchedCountForm: "one `aggregate([{ $match: { key: { $in: keys } } }, { $group: { _id: \"$key\", count: { $sum: 1 } } }])`, a count for each key",
  batchedFirstRowForm: "one `aggregate([{ $match: { key: { $in: keys } } }, { $sort: … }, { $group: { _id: \"$key\", first: { $first: \"$$ROOT\" } } }])`, which keeps the first document of each key (`find` with `$in` returns all of them)",
  batchedWriteForm: "one `insertMany(docs)`, one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`",
  batchedInsertForm: "one `insertMany(docs)`",
  batchedUpdateForm: "one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`",
  batchedDeleteForm: "one `deleteMany({ _id: { $in: ids } })`",
  batchedPerRowWriteForm: "one `bulkWrite(rows.map((row) => ({ updateOne: { filter, update } })))`",
};

export const mongodb: LibraryKnowledge = {
  id: "mongodb",
  displayName: "MongoDB driver",
  modules: { mongodb: { MongoClient: "mongodb.ClientClass", ObjectId: "mongodb.ObjectId" } },
  types: { MongoClient: "mongodb.client", Db: "mongodb.db", Collection: "mongodb.collection", ClientSession: "mongodb.session" },
  kinds: {
    "mongodb.ClientClass": {
      library: "mongodb",
      role: "factory",
      construct: "mongodb.client",
      returns: { connect: { kind: "mongodb.client", async: true } },
    },
    "mongodb.ObjectId": { library: "mongodb", role: "other" },
    "mongodb.client": {
      library: "mongodb",
      role: "client",
      ownsConnections: true,
      closeMethods: ["close"],
      returns: {
        db: "mongodb.db",
        connect: { kind: "mongodb.client", async: true },
        startSession: "mongodb.session",
      },
    },
    "mongodb.db": { library: "mongodb", role: "other", returns: { collection: "mongodb.collection" } },
    "mongodb.collection": {
      library: "mongodb",
      role: "model",
      databaseMethods: { ...mongoReads, ...mongoWrites, insertOne: write },
    },
    "mongodb.session": {
      library: "mongodb",
      role: "transaction",
      release: { selfMethods: ["endSession"], finallyMethod: "endSession", async: true, setupMethods: ["startTransaction"] },
    },
  },
  batchedForm: "one `find({ _id: { $in: ids } })`",
  batchedCountForm: "one `aggregate([{ $match: { key: { $in: keys } } }, { $group: { _id: \"$key\", count: { $sum: 1 } } }])`, a count for each key",
  batchedFirstRowForm: "one `aggregate([{ $match: { key: { $in: keys } } }, { $sort: … }, { $group: { _id: \"$key\", first: { $first: \"$$ROOT\" } } }])`, which keeps the first document of each key (`find` with `$in` returns all of them)",
  batchedWriteForm: "one `insertMany(docs)`, one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`",
  batchedInsertForm: "one `insertMany(docs)`",
  batchedUpdateForm: "one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`",
  batchedDeleteForm: "one `deleteMany({ _id: { $in: ids } })`",
  batchedPerRowWriteForm: "one `bulkWrite(rows.map((row) => ({ updateOne: { filter, update } })))`",
};
