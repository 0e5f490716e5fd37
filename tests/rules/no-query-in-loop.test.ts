import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../rules/no-query-in-loop.js";

import { RuleTester } from "@typescript-eslint/rule-tester";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

import rule from "../../rules/no-query-in-loop.js";
import { runRuleTests } from "../rule-tester.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

/** Line and column (1-based) of the first occurrence of `marker` in `code`. */
function at(code: string, marker: string): { line: number; column: number } {
  const index = code.indexOf(marker);
  if (index < 0) throw new Error(`marker ${marker} not in test code`);
  const before = code.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** One invalid case reporting `messageId` at `marker`, with the message data when given. */
function invalid(code: string, marker: string, messageId: MessageIds, extra: Partial<Invalid> = {}, data?: Record<string, string>): Invalid {
  return { code, ...extra, errors: [{ messageId, ...at(code, marker), ...(data ? { data } : {}) }] };
}

const PG = 'import { Pool } from "pg";\nconst pool = new Pool();\n';
/** rht-hotel's saveParkingAssignments: a statement chosen per element, then a fixed one with the element's value. */
const parkingAssignments = (pick: string): string =>
  `async function saveAssignments(client, assignments) {\n  for (const assignment of assignments) {\n    let query;\n${pick}\n    const details = await client.query(query);\n    const category = await client.query("SELECT capacity FROM vehicle_categories WHERE id = $1", [assignment.categoryId]);\n  }\n}`;
const PICK_CONFIG =
  '    if (assignment.roomId) query = { text: "SELECT id FROM reservation_details WHERE reservation_id = $1 AND room_id = $2", values: [assignment.reservationId, assignment.roomId] };\n    else query = { text: "SELECT id FROM reservation_details WHERE reservation_id = $1", values: [assignment.reservationId] };';
/** rht-hotel's `updatePlansOrder`: a statement per element, its values in a list the call names or writes. */
const plansOrder = (values: string): string =>
  `async function updatePlansOrder(client, plans) {\n  for (const plan of plans) {\n    ${values}\n  }\n}`;
const PG_PER_ROW = "one `UPDATE … SET x = v.x FROM unnest($1::int[], $2::text[]) AS v(id, x) WHERE t.id = v.id`";
/** rht-hotel's reservation details: a statement starting with a common table expression, once per detail. */
const detailsCte = (statement: string): string =>
  `async function clearClients(client, details) {\n  for (const id of details) {\n    await client.query(\`${statement}\`, [id]);\n  }\n}`;
/** The message data of an untraced client's `client.query()`, known by its SQL text. */
const untracedSql = (collection: string, batched: string): Record<string, string> => ({ call: "client.query()", library: "SQL", collection, batched });
const planExclusions = (declaration: string): string =>
  `async function updatePlanExclusions(client, hotelId, planIds) {\n  ${declaration}\n  for (const planId of planIds) {\n    await client.query(insertQuery, [hotelId, planId]);\n  }\n}`;
// grouparoo core/src/models/Destination.ts: each group of a membership looked up by the model's `findById`, after `imports`.
const groupLookups = (imports: string): string =>
  `${imports}export async function check(memberships: Record<string, string>) {\n  for (const groupId in memberships) {\n    const group = await Group.findById(groupId);\n    if (group.state === "draft") throw new Error(group.name);\n  }\n}`;
// TeTeBerry/sync-app-backend src/modules/personality-test/personality-test-catalog.service.ts: the catalog's questions upserted one by one from `onModuleInit`.
const catalogSeeder = (method: string): string =>
  `import { Injectable } from "@nestjs/common";\nimport type { Model } from "mongoose";\n@Injectable()\nexport class CatalogService {\n  constructor(private readonly questionModel: Model<Question>) {}\n  async onModuleInit() {\n    await this.${method}();\n  }\n  async ${method}() {\n    for (const item of buildQuestionSeed()) {\n      await this.questionModel.findOneAndUpdate({ questionId: item.questionId }, item, { upsert: true });\n    }\n  }\n}`;
// Qlever-LLC surveystack server/src/db/index.js: data migrations the server runs when it connects, one update per survey of an older format.
const startupMigration = (name: string): string =>
  `import { MongoClient } from "mongodb";\nconst client = new MongoClient(process.env.DATABASE_URL);\nlet db;\nexport const connectDatabase = async () => {\n  db = client.db();\n  await ${name}();\n};\nconst ${name} = async () => {\n  const surveys = await db.collection("surveys").find({ "meta.specVersion": { $lt: 4 } }).toArray();\n  for (const survey of surveys) {\n    await db.collection("surveys").updateOne({ _id: survey._id }, { $set: { "meta.specVersion": 4 } });\n  }\n};`;
const appRepository = (lookup: string): string =>
  `import { clientsRepository, clientRepository, Client } from "./clients.repository";\nexport async function merge(ids: string[]) {\n  for (const id of ids) {\n    const client = await ${lookup};\n    if (!client) throw new Error(id);\n  }\n}`;
// FVJohnny nestjs-microservices-template backend/libs/redis/src/auth/user-token.redis-repository.ts: a token per id of the user's set, read by the class's own `findById`.
const tokenRepository = (className: string): string =>
  `import { Base_RedisRepository } from "../infrastructure/base.redis-repository";\nexport class ${className} extends Base_RedisRepository {\n  async getUserTokens(tokenIds: string[]) {\n    const tokens = [];\n    for (const tokenId of tokenIds) {\n      const token = await this.findById(tokenId);\n      if (token) tokens.push(token);\n    }\n    return tokens;\n  }\n}`;
// keshavjha005 Ride-sharing-Backend src/config/database.js: a transaction that runs the statements it is given, each with its own parameters.
const statementBatch = (text: string): string =>
  `import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\nexport async function executeTransaction(queries) {\n  const connection = await pool.getConnection();\n  try {\n    await connection.beginTransaction();\n    const results = [];\n    for (const { query, params = [] } of queries) {\n      const [rows] = await connection.execute(${text}, params);\n      results.push(rows);\n    }\n    await connection.commit();\n    return results;\n  } catch (error) {\n    await connection.rollback();\n    throw error;\n  } finally {\n    connection.release();\n  }\n}`;
// kannan19302 unierp-api src/modules/extension-registry/extension-schema.service.ts: DDL per table of an extension, sent through `Prisma.raw`.
const extensionDdl = (statement: string): string =>
  `import { PrismaClient, Prisma } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport async function drop(tables: string[]) {\n  for (const table of tables) {\n${statement}\n  }\n}`;
const PRISMA = 'import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\n';
// drmodun tournament-app apps/api/src/roster/roster.repository.ts: an UPDATE per roster in drizzle's `sql` template, sent through the transaction's `execute`.
const taggedUpdate = (tagImport: string): string =>
  `${tagImport}import { db } from "../db/db";\nexport async function attach(ids: { rosterId: number; participantId: string }[]) {\n  await db.transaction(async (tx) => {\n    for (const { rosterId, participantId } of ids) {\n      await tx.execute(sql\`UPDATE roster SET participant_id = \${participantId} WHERE id = \${rosterId}\`);\n    }\n  });\n}`;
// cschwartz85032 loanserve src/security/retention-policies.ts: the retention policy of each table a class constant lists.
const retentionTables = (table: string): string =>
  `${PG}export class RetentionService {\n  private static readonly DEFAULT_RETENTION: Record<string, number> = { audit_logs: 2555, loan_acl: 1095 };\n  static retention: Record<string, number> = {};\n  async upcoming() {\n    const tables = Object.keys(${table});\n    for (const tableName of tables) {\n      const policy = await pool.query("SELECT * FROM retention_policies WHERE table_name = $1", [tableName]);\n      if (!policy.rows.length) continue;\n    }\n  }\n}`;
// jitsu webapps/console/lib/server/syncs/mixpanel.ts: a Google Ads report per customer, in GAQL, which reads like SQL.
const adsSync = (source: string): string =>
  `import { GoogleAdsApi } from "${source}";\nexport async function sync(id: string, days: string[]) {\n  const customer = new GoogleAdsApi({}).Customer({ customer_id: id });\n  for (const day of days) {\n    await customer.query(\`SELECT campaign.id, metrics.clicks FROM campaign WHERE segments.date = '\${day}'\`);\n  }\n}`;
// develoddy api_sequelize src/services/mvpMetrics.service.js: a raw query per module through the app's `sequelize`, on MySQL, with named replacements.
const moduleMetrics = (statement: string, options: string, before = ""): string =>
  `import sequelize from "../database/database";\nexport async function metrics(modules) {\n  for (const moduleKey of modules) {\n${before}    await sequelize.query("${statement}", ${options});\n  }\n}`;
/** develoddy's metrics count rows per module: the batched form is a count for each key. */
const SEQUELIZE_RAW_COUNT = "one `SELECT key, COUNT(*) … WHERE key IN (:keys) GROUP BY key` with `replacements: { keys }`, a count for each key";
const PG_COUNT = "one `SELECT key, count(*) … WHERE key = ANY($1) GROUP BY key`, a count for each key";
const SEQUELIZE_RAW_READ = "one query with `WHERE id IN (:ids)` and `replacements: { ids }` (Sequelize writes the array as a list)";
const rawMetrics = (batched: string): Record<string, string> => ({ call: "sequelize.query()", library: "SQL", collection: "modules", batched });
// corona-school backend graphql/pupil/mutations.ts: `adminIncreasePupilGrades` promotes the pupils of each of twelve grades, highest first.
const gradePromotion = (length: string): string =>
  `${PRISMA}export async function promote() {\n  const grades = Array.from({ length: ${length} }, (_, i) => String(i + 1)).reverse();\n  for (const grade of grades) {\n    await prisma.pupil.updateMany({ where: { grade }, data: { grade: String(Number(grade) + 1) } });\n  }\n}`;
// Megagig pharmacy-monorepo apps/api/src/services/SupportTicketService.ts: the tickets of each of the class's escalation rules, a literal list.
const escalationRules = (extra: string): string =>
  `import mongoose from "mongoose";\nconst SupportTicket = mongoose.model("SupportTicket", new mongoose.Schema({}));\nexport class SupportTicketService {\n  private readonly escalationRules = [{ priority: "high", hours: 4 }, { priority: "low", hours: 48 }];\n${extra}  async escalate() {\n    for (const rule of this.escalationRules) {\n      await SupportTicket.find({ priority: rule.priority });\n    }\n  }\n}`;
// TicketToken-Platform-Backend queue-service src/services/rate-limiter.service.ts: a limiter per entry of the configured `RATE_LIMITS`, filled by the constructor.
const limiterRegistry = (fill: string, extra = ""): string =>
  `import { Pool } from "pg";\nimport { RATE_LIMITS } from "../config/rate-limits.config";\nexport class RateLimiterService {\n  private limiters: Map<string, { max: number }> = new Map();\n  constructor(private pool: Pool, rows: { name: string; max: number }[]) {\n    this.initializeLimiters(rows);\n  }\n  private initializeLimiters(rows: { name: string; max: number }[]): void {\n    ${fill}\n  }\n${extra}  async resume() {\n    for (const [service, limiter] of this.limiters) {\n      await this.pool.query("UPDATE rate_limiters SET max_concurrent = $1 WHERE service_name = $2", [limiter.max, service]);\n    }\n  }\n}`;
const RATE_LIMIT_FILL = "for (const [service, config] of Object.entries(RATE_LIMITS)) this.limiters.set(service, { max: config.max });";
// TicketToken-Platform-Backend payment-service src/services/stripe-connect-transfer.service.ts: a transfer per recipient, through the client a getter makes on first use, then its record.
const connectTransfers = (imports: string, type: string): string =>
  `${imports}\nimport { Pool } from "pg";\nconst db = new Pool();\nexport class TransferService {\n  private stripe: ${type} | null = null;\n  private getStripe(): ${type} {\n    if (!this.stripe) this.stripe = createClient();\n    return this.stripe;\n  }\n  async transfer(recipients: { account: string; amount: number }[]) {\n    const stripe = this.getStripe();\n    for (const recipient of recipients) {\n      const transfer = await stripe.transfers.create({ amount: recipient.amount, destination: recipient.account });\n      await db.query("INSERT INTO stripe_transfers (stripe_transfer_id, destination_account) VALUES ($1, $2)", [transfer.id, recipient.account]);\n    }\n  }\n}`;
// TicketToken-Platform-Backend ticket-service src/controllers/purchaseController.ts: each item's stock taken by a guarded decrement.
const stockTaken = (write: string): string =>
  `import knex from "knex";\nconst db = knex({});\nexport async function reserve(items: { ticketTypeId: string; quantity: number; name: string }[]) {\n  for (const item of items) {\n    await ${write};\n  }\n}`;
const KNEX_ITEMS = { call: "db(\"ticket_types\")….update()", library: "Knex", collection: "items" };
const RELATIVE_FORM = "one `UPDATE … SET x = x - CASE id WHEN ? THEN ? … END WHERE id IN (…)` statement (an upsert would overwrite the rows, not change them)";
const MONGO_ROWS = 'import type { Db } from "mongodb";\nexport async function insertRows(inserts: { table: string; data: object[] }[], connection: Db) {\n';
// unsend apps/web/src/server/service/email-service.ts: the template of each email of a batch, read once per template through a memo kept across the loop.
const templateMemo = (memoAt: "outside" | "inside", storedKey = "email.templateId"): string =>
  `${PRISMA}export async function render(emails: { templateId: string }[]) {\n${memoAt === "outside" ? "  const templates = new Map();\n" : ""}  for (const email of emails) {\n${memoAt === "inside" ? "    const templates = new Map();\n" : ""}    let template = templates.get(email.templateId);\n    if (!template) {\n      template = await prisma.template.findUnique({ where: { id: email.templateId } });\n      templates.set(${storedKey}, template);\n    }\n    send(email, template);\n  }\n}`;
// sourcebot packages/web/src/features/search/zoektSearcher.ts: each file's repository read once per repository, through a memo the caller keeps and an early return on a hit.
const repoMemo = (guard: string, store = "reposCache.set(file.repoId, repo);", loop = "files.map(async (file) => {"): string =>
  `${PRISMA}export async function reposOf(files: { repoId: number }[], reposCache: Map<number, unknown>) {\n  await Promise.all(${loop}\n    ${guard}\n    const repo = await prisma.repo.findFirst({ where: { id: file.repoId } });\n    ${store}\n  }));\n}`;
const REPO_MEMO_DATA = { call: "prisma.repo.findFirst()", library: "Prisma", collection: "files", batched: "one `findMany({ where: { id: { in: ids } } })`" };
// sourcebot packages/web/src/features/search/zoektSearcher.ts: each file's repository read in a function called where it is written, awaited by the callback.
const calledInPlace = (before: string): string =>
  `${PRISMA}export async function reposOf(files: { repoId: number }[]) {\n  await Promise.all(files.map(async (file) => {\n    const repo = await (async () => {\n${before}      return await prisma.repo.findUnique({ where: { id: file.repoId } });\n    })();\n    return repo;\n  }));\n}`;
// bigcapital packages/server/src/libs/migration-seed/SeedMigration.ts: a migrator of its own (a copy of knex's `_waterfallBatch`) records each migration it runs.
const migrationBatch = (list: string): string =>
  `import type { Knex } from "knex";\nexport async function runBatch(trx: Knex.Transaction, ${list}: { name: string; down(trx: Knex.Transaction): Promise<void> }[]) {\n  for (const migration of ${list}) {\n    await migration.down(trx);\n    await trx.from("knex_migrations").where({ name: migration.name }).del();\n  }\n}`;
// Shelf apps/webapp/app/modules/activity-event/service.server.ts: the actor of each event read once per user, through a memo the loop hands to the helper.
const actorMemo = (memoArgument: string): string =>
  `${PRISMA}async function resolveActor(input: { actorId: string }, cache?: Map<string, unknown>) {\n  if (cache?.has(input.actorId)) return cache.get(input.actorId);\n  const user = await prisma.user.findFirst({ where: { id: input.actorId } });\n  cache?.set(input.actorId, user);\n  return user;\n}\nexport async function record(inputs: { actorId: string }[]) {\n  const snapshots = new Map<string, unknown>();\n  for (const input of inputs) await resolveActor(input${memoArgument});\n}`;
const ACTOR_MEMO_DATA = { call: "prisma.user.findFirst()", library: "Prisma", collection: "inputs", batched: "one `findMany({ where: { id: { in: ids } } })`", callee: "resolveActor", line: "5" };
const typeormBuilderLoop = (builder: string): string =>
  `import type { DataSource } from "typeorm";\nexport async function unsubscribe(ds: DataSource, safes: string[]) {\n  for (const safe of safes) await ds.createQueryBuilder().${builder}.execute();\n}`;
// TriliumNext src/services/llm/embeddings/queue.ts: a set of notes in progress, skipped by other runs, is no memo: each note of the batch is written.
const notesInProcess = (body: string): string =>
  `${PG}const inProcess = new Set<string>();\nexport async function processQueue(notes: { noteId: string }[]) {\n  for (const note of notes) {\n    if (inProcess.has(note.noteId)) continue;\n${body}  }\n}`;
const IN_PROCESS_DATA = { call: "pool.query()", library: "node-postgres (pg)", collection: "notes", batched: "one `UPDATE … WHERE id = ANY($1)`" };
// langgraphjs libs/checkpoint-postgres/src/store/index.ts: a migration runner sends each migration, then records its version.
const migrationRunner = (run: string): string =>
  `export class Store {\n  pool: any;\n  async migrate(version: number) {\n    const client = await this.pool.connect();\n    const migrations = getMigrations();\n    try {\n      for (let v = version + 1; v < migrations.length; v += 1) {\n${run}        await client.query("INSERT INTO store_migrations (v) VALUES ($1)", [v]);\n      }\n    } finally {\n      client.release();\n    }\n  }\n}`;
const migrationScript = (declaration: string, call: string): string =>
  `${PRISMA}${declaration} {\n  const links = await prisma.link.findMany();\n  for (const link of links) {\n    await prisma.link.update({ where: { id: link.id }, data: { name: link.url } });\n  }\n}\n${call}`;
// erxes backend/plugins/loyalty_api/src/commands/correctOwnerPropertyFromScorelog.ts: a script's command declares its helpers inside it and runs once.
const nestedHelper = (run: string): string =>
  `${PG}const command = async () => {\n  const fixOwners = async (ids: string[]) => {\n    for (const id of ids) await pool.query("UPDATE owners SET score = 0 WHERE id = $1", [id]);\n  };\n  await fixOwners(await loadIds());\n};\n${run}`;
// capgo supabase/functions/_backend/public/channel/delete.ts: one advisory lock per version, taken in sorted order against deadlocks.
const sortedLocks = (sql: string): string =>
  `export async function lockAll(client, versionIds: number[]) {\n  for (const versionId of [...versionIds].sort((a, b) => a - b)) {\n    await client.query("${sql}", [versionId]);\n  }\n}`;
// gniewkob salonbw backend/salonbw-backend/src/retail/retail.service.ts: each sold item's commission in a savepoint of its own.
const savepointPerItem = (statement: string): string =>
  `${PG}async function runWithSavepoint(client, name: string, operation: () => Promise<void>) {\n  await client.query(\`${statement}\`);\n  try {\n    await operation();\n    await client.query(\`RELEASE SAVEPOINT \${name}\`);\n  } catch (error) {\n    await client.query(\`ROLLBACK TO SAVEPOINT \${name}\`);\n    throw error;\n  }\n}\nexport async function sell(client, items: { id: number }[]) {\n  for (const item of items) await runWithSavepoint(client, \`sp_\${item.id}\`, () => commission(client, item));\n}`;
// medusa packages/modules/providers/locking-postgres/src/services/advisory-lock.ts: an advisory lock per key, its function named by a constant.
const namedLockKeys = (keyword: string, fn: string): string =>
  `export async function lockAll(manager, keys: string[]) {\n  ${keyword} fnName = "${fn}";\n  await Promise.all(keys.map((key) => manager.execute(\`SELECT \${fnName}(?)\`, [key])));\n}`;
// Swetrix backend/apps/cloud/src/demo-data/demo-data.service.ts: the demo project's views, and each view's custom events, from a constant of the code.
const seededViews = (views: string): string =>
  `import { Repository } from "typeorm";\nconst VIEW_SEEDS = [{ name: "Sign-ups", customEvents: [{ customEventName: "signup" }] }];\nexport class DemoDataService {\n  constructor(private readonly eventRepository: Repository<CustomEvent>) {}\n  async upsertViews(viewId: string, views: typeof VIEW_SEEDS) {\n    for (const seed of ${views}) {\n      for (const customEvent of seed.customEvents) {\n        await this.eventRepository.save({ viewId, ...customEvent });\n      }\n    }\n  }\n}`;
// nebget101-arch goodmen-logistics backend/packages/goodmen-shared/routes/loads.js: the AI metadata keys an edit clears, a set filled from a constant table and literals.
const editedKeys = (fill: string): string =>
  `${PG}export async function clear(body: Record<string, unknown>, id: string) {\n  const edited = new Set<string>();\n  const bodyToKey: Record<string, string> = { brokerName: "brokerName", brokerId: "brokerName", rate: "rate" };\n  for (const field of Object.keys(bodyToKey)) {\n    if (body[field] !== undefined) edited.add(bodyToKey[field]);\n  }\n${fill}\n  for (const key of edited) {\n    await pool.query("UPDATE loads SET ai_metadata = ai_metadata #- $1::text[] WHERE id = $2", [["fields", key], id]);\n  }\n}`;
const filledIds = (init: string, fill: string): string =>
  `${PG}export async function load(rows: { id: string }[]) {\n  const ids: string[] = ${init};\n${fill}\n  for (const id of ids) {\n    await pool.query("SELECT * FROM users WHERE id = $1", [id]);\n  }\n}`;
// Megagig pharmacy-monorepo apps/api/src/modules/diagnostics/services/diagnosticFollowUpService.ts: the follow-up rules a method of the class builds from the result.
const followUpRules = (fill: string): string =>
  `${PG}export class FollowUpService {\n  determineRules(result: { critical: boolean; abnormal: boolean }, extra: { type: string }[]) {\n    const rules: { type: string }[] = [];\n${fill}\n    return rules;\n  }\n  async schedule(result: { id: string; critical: boolean; abnormal: boolean }, extra: { type: string }[]) {\n    for (const rule of this.determineRules(result, extra)) {\n      await pool.query("SELECT * FROM follow_ups WHERE result_id = $1 AND type = $2", [result.id, rule.type]);\n    }\n  }\n}`;
// jwfreed inventory-manager src/services/dashboardKpi.service.ts: the KPI snapshots a function of the file computes, returned in an object.
const kpiSnapshots = (list: string): string =>
  `${PG}async function computeSnapshots(tenantId: string, rows: { kpi: string }[]) {\n  const snapshots = [{ kpi: "availability" }, { kpi: "fill_rate" }];\n  if (process.env.UOM_CHECK) snapshots.push({ kpi: "uom" });\n  return { snapshots, rows, tenantId };\n}\nexport async function persist(tenantId: string, rows: { kpi: string }[]) {\n  const computed = await computeSnapshots(tenantId, rows);\n  for (const snapshot of computed.${list}) {\n    await pool.query("SELECT * FROM kpi_snapshots WHERE tenant_id = $1 AND kpi = $2", [tenantId, snapshot.kpi]);\n  }\n}`;
// Logikaservice ticketapp backend/cron/vivaldiScheduler.js: each queued announcement played (a two-second wait), then marked done.
const pacedQueue = (wait: string): string =>
  `${PG}export async function processQueue() {\n  const queue = await pool.query("SELECT * FROM announcements WHERE state = 'pending'");\n  for (const item of queue.rows) {\n    await play(item);\n    ${wait};\n    await pool.query("UPDATE announcements SET state = 'done' WHERE id = $1", [item.id]);\n  }\n}`;
// tgs-it-dev tgs-hrms src/modules/workflow/workflow.service.ts: each default step of each request type, from a constant of the code, seeded per tenant.
const workflowSeed = (configs: string): string =>
  `${PG}const DEFAULT_WORKFLOW_CONFIGS = { leave: [{ step: 1 }, { step: 2 }], expense: [{ step: 1 }] };\nexport async function seedDefaults(tenantId: string, configs: Record<string, { step: number }[]>) {\n  for (const [type, steps] of Object.entries(${configs})) {\n    for (const step of steps) {\n      await pool.query("SELECT * FROM workflow_configs WHERE tenant_id = $1 AND type = $2 AND step = $3", [tenantId, type, step.step]);\n    }\n  }\n}`;
// The same grouping of rows by a key of each row, then a write per key.
const groupedCounts = (key: string): string =>
  `${PG}export async function count(rows: { userId: string }[]) {\n  const grouped: Record<string, number> = {};\n  for (const row of rows) grouped[${key}] = (grouped[${key}] ?? 0) + 1;\n  for (const userId of Object.keys(grouped)) {\n    await pool.query("UPDATE users SET visits = visits + $2 WHERE id = $1", [userId, grouped[userId]]);\n  }\n}`;
// capgo supabase/functions/_backend/triggers/on_version_update.ts: a transaction per manifest entry, on a client of its own.
const perEntryTransaction = (begin: string): string =>
  `export async function cleanup(entries) {\n  for (const entry of entries) {\n    const client = getClient();\n    ${begin};\n    await client.query("DELETE FROM manifest WHERE id = $1", [entry.id]);\n    await client.query("COMMIT");\n  }\n}`;
// Avyren-Technologies Avy-ERP-Backend src/modules/hr/employee/employee.service.ts: a user per distinct email of the two an employee has.
const linkEmails = (list: string): string =>
  `${PRISMA}export async function link(data: { officialEmail?: string; personalEmail?: string }, ids: string[]) {\n  const emails = ${list};\n  for (const email of emails) await prisma.user.findFirst({ where: { email } });\n}`;
// DanielMD1989 freight-managment lib/exceptionDetection.ts: an escalation per rule of the four checks that fired.
const firedRules = (checks: string): string =>
  `${PRISMA}async function checkAllRules(loadId: string) {\n  const results = await Promise.all(${checks});\n  return results.filter((rule) => rule !== null);\n}\nexport async function escalate(loadId: string) {\n  const rules = await checkAllRules(loadId);\n  for (const rule of rules) await prisma.loadEscalation.create({ data: { loadId, type: rule.type } });\n}`;
// Anistonworkspace Aniston-HRMS backend/src/jobs/workers/attendance-cron.worker.ts: the client from the app's own module, proven Prisma by its `findUnique` elsewhere in the file.
const geofenceMonitor = (proof: string, query: string): string =>
  `import { prisma } from "../../lib/prisma.js";\nimport { other } from "../../lib/other.js";\nexport async function monitor(openRecords: { employeeId: string }[]) {\n  const settings = await ${proof}({ where: { id: 1 } });\n  for (const record of openRecords) {\n    const lastPoint = await ${query}({ where: { employeeId: record.employeeId }, orderBy: { timestamp: "desc" } });\n    alert(lastPoint, settings);\n  }\n}`;
// The same in a NestJS service: `this.prisma`, proven by the class's own `findUnique`.
const prismaService = (proofClass: string): string =>
  `export class ReportService {\n  constructor(private prisma: PrismaService) {}\n  async users(ids: string[]) {\n    const rows = [];\n    for (const id of ids) rows.push(await this.prisma.user.findFirst({ where: { id } }));\n    return rows;\n  }\n}\nexport class ${proofClass} {\n  constructor(private prisma: PrismaService) {}\n  one(id: string) {\n    return this.prisma.user.findUnique({ where: { id } });\n  }\n}`;
// Silkroutelogistics silk-route-logistics backend/src/services/carrierOutreachService.ts: each carrier's active loads counted in a list of statuses the code writes.
const carrierCapacity = (statuses: string): string =>
  `${PRISMA}export async function withCapacity(carriers: { userId: string }[], loadStatuses: string[]) {\n  const result = [];\n  for (const carrier of carriers) {\n    const active = await prisma.load.count({ where: { carrierId: carrier.userId, status: { in: ${statuses} } } });\n    if (active < 3) result.push(carrier);\n  }\n  return result;\n}`;
const knexStatuses = (list: string): string =>
  `import knex from "knex";\nconst db = knex({});\nexport async function f(items, statuses) {\n  for (const item of items) await db("loads").where("item_id", item.id).whereIn("status", ${list});\n}`;
// Megagig pharmacy-monorepo apps/api/src/modules/diagnostics/services/labIntegrationAlertService.ts: an alert per critical result, the patient the lab's own.
const labAlerts = (fields: string, query: string): string =>
  `import mongoose from "mongoose";\nimport { LabIntegration } from "./models";\nconst Patient = mongoose.model("Patient", schema);\nexport class LabAlerts {\n  async check(id: string) {\n    const lab = await LabIntegration.findById(id);\n    for (const result of lab.results) {\n      await this.sendAlert({ ${fields} });\n    }\n  }\n  private async sendAlert(alert) {\n    const patient = await ${query};\n    notify(patient, alert.message);\n  }\n}`;
// EaseMySalon-HQ salon-crm backend/lib/send-appointment-whatsapp.js: a helper destructuring its one object, the business the same for every appointment.
const whatsappSends = (pattern: string, query: string): string =>
  `import mongoose from "mongoose";\nconst Business = mongoose.model("Business", schema);\nasync function recordSend(${pattern}) {\n  const fresh = await ${query};\n  log(fresh, appointment);\n}\nexport async function sendAll(business, appointments) {\n  for (const appointment of appointments) await recordSend({ business, appointment });\n}`;
/** The report on `labAlerts(fields, query)`: the helper queries for each result. */
const labAlertsReported = (fields: string, query: string): Invalid => invalid(labAlerts(fields, query), "this.sendAlert(", "queryInLoopViaCall");
/** The report on `whatsappSends(pattern, query)`: the helper queries for each appointment. */
const whatsappSendsReported = (pattern: string, query: string): Invalid => invalid(whatsappSends(pattern, query), "recordSend({ business, appointment });", "queryInLoopViaCall");
// Megagig pharmacy-monorepo apps/api/src/services/WorkspaceStatsService.ts: a Mongoose session per workspace, its transaction started, the reads and the write handed `{ session }`.
const perWorkspaceSession = (open: string, pass: string, loop = ""): string =>
  `import mongoose from "mongoose";\nimport { Workplace } from "./models";\nexport class Stats {\n  async recalc(id: string) {\n    ${open}\n    const w = await Workplace.findById(id, null, ${pass});\n    await session.commitTransaction();\n    return w;\n  }\n  async all(ids: string[]) {\n${loop}    for (const id of ids) await this.recalc(id);\n  }\n}`;
// The same per element in the loop: the session handed by a link of the chain.
const perWorkspaceChain = (open: string, inLoop: string): string =>
  `import mongoose from "mongoose";\nimport { Workplace } from "./models";\nexport async function all(ids: string[]) {\n  ${open}\n  for (const id of ids) {\n    ${inLoop}\n    await Workplace.findById(id).session(session);\n  }\n}`;
// A Sequelize transaction made per element without a callback and handed `{ transaction: t }`.
const perUserSequelize = (before: string, inLoop: string): string =>
  `const { sequelize, User } = require("./models");\nasync function all(ids) {\n  ${before}\n  for (const id of ids) {\n    ${inLoop}\n    const user = await User.findByPk(id, { transaction: t });\n    await t.commit();\n  }\n}\nmodule.exports = { all };`;
// The same cleanup with the transaction in a helper called per entry, opened by raw SQL or by mysql2's `beginTransaction()`.
const perEntryHelper = (begin: string): string =>
  `async function cleanEntry(entry) {\n  const client = getClient();\n  ${begin};\n  await client.query("DELETE FROM manifest WHERE id = $1", [entry.id]);\n  await client.query("COMMIT");\n}\nexport async function cleanup(entries) {\n  for (const entry of entries) await cleanEntry(entry);\n}`;
// better-auth packages/kysely-adapter/src/bun-sqlite-dialect.ts: a Kysely dialect's introspector reads each table's metadata from the process's own SQLite file.
const sqliteIntrospector = (driver: string): string =>
  `import type { Database } from "${driver}";\nimport { Kysely } from "kysely";\nexport class Introspector {\n  constructor(private db: Kysely<any>, private file: Database) {}\n  async getTables(names: string[]) {\n    return Promise.all(names.map((name) => this.db.selectFrom("sqlite_master").where("name", "=", name).select("sql").execute()));\n  }\n}`;
// saltcorn packages/saltcorn-mobile-app/src/helpers/offline_mode.js: the mobile app's web view writes synced rows to its local SQLite one by one.
const offlineSync = (guard: string): string =>
  `export async function insertRemoteData(table, rows) {\n  for (const row of rows) {\n    await db.query("INSERT INTO items (id, name) VALUES ($1, $2)", [row.id, row.name]);\n  }\n  ${guard}window.navigator.wakeLock.request();\n}`;
// civitai src/server/services/strike.service.ts: one transaction per user, each taking row locks (`FOR UPDATE`), sequential by design.
const perUserTransaction = (open: string, close: string): string =>
  `${PRISMA}export async function reevaluate(userIds: number[]) {\n  for (const userId of userIds) {\n    await ${open}async (tx) => {\n      const user = await tx.user.findUnique({ where: { id: userId } });\n      await applyStrikes(tx, user);\n    }${close};\n  }\n}`;
// smithciaran833 TicketToken ticket-service src/workers/reservation-cleanup.worker.ts: a transaction per orphan on the worker's client, the helper handed that client.
const perOrphanTransaction = (beforeLoop: string, inLoop: string): string =>
  `${PG}export class CleanupWorker {\n  async releaseOrphan(client, orphan: { id: string }) {\n    await client.query("UPDATE reservations SET status = 'released' WHERE id = $1", [orphan.id]);\n  }\n  async run(orphans: { id: string }[]) {\n    const client = await pool.connect();\n    const other = await pool.connect();\n${beforeLoop}    for (const orphan of orphans) {\n${inLoop}      await this.releaseOrphan(client, orphan);\n      await client.query("COMMIT");\n    }\n  }\n}`;
// nocobase plugin-localization/src/server/plugin.ts: a listener registered per collection runs per save event, not per collection.
const perCollectionHook = (register: string): string =>
  `export async function syncTexts(db, collections) {\n  for (const collection of collections) {\n    ${register}async (row) => {\n      await Text.findByPk(\`\${collection.name}:\${row.id}\`);\n    });\n  }\n}`;
const revertPerTable = (name: string): string =>
  `${PG}export async function revert(tables: { name: string; columns: string[] }[], checkpoint: string) {\n  for (const table of tables) {\n    await pool.query(\`DELETE FROM "public"."${name}" WHERE checkpoint > $1 RETURNING \${table.columns.join(", ")}\`, [checkpoint]);\n  }\n}`;
// subql packages/node-core/src/indexer/storeModelProvider/metadata/cacheMetadata.ts: of the special keys, only one writes a row of its own.
const QUERY_ONE = 'await pool.query("UPDATE metadata SET value = $2 WHERE key = $1", [key, values[key]]);';
const specialKeys = (body: string): string =>
  `${PG}export async function flush(keys: string[], values: Record<string, unknown>) {\n  for (const key of keys) {\n${body}\n  }\n}`;
// A refund run: each order's charge refunded at Stripe, then the order marked; the write records an effect made elsewhere.
const refundRun = (before: string, write = 'await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });'): string =>
  `import Stripe from "stripe";\n${PRISMA}const stripe = new Stripe(process.env.STRIPE_KEY);\nexport async function refundAll(orders: { id: string; chargeId: string }[]) {\n  for (const order of orders) {\n${before}\n    ${write}\n  }\n}`;
const REFUND = "    await stripe.refunds.create({ charge: order.chargeId });";
// The same in a service class: the other service's client kept in a field or a parameter property, or given as a typed parameter.
const refundService = (imports: string, member: string, call: string): string =>
  `${imports}\n${PRISMA}export class RefundService {\n  ${member}\n  async refundAll(orders: { id: string; chargeId: string }[]) {\n    for (const order of orders) {\n      await ${call}({ charge: order.chargeId });\n      await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });\n    }\n  }\n}`;
const summaries = (imports: string, type: string): string =>
  `${imports}\n${PRISMA}export async function summarize(client: ${type}, tickets: { id: string; text: string }[]) {\n  for (const ticket of tickets) {\n    const summary = await client.chat.completions.create({ messages: [{ role: "user", content: ticket.text }] });\n    await prisma.ticket.update({ where: { id: ticket.id }, data: { summary: summary.id } });\n  }\n}`;
// natidamelo New-Life-clinic backend/fix-3rd-order-inventory-deduction.js: a fix script run under `require.main === module`, its function also exported.
const fixScript = (entry: string, exported: string): string =>
  `const mongoose = require("mongoose");\nconst Task = mongoose.model("Task", taskSchema);\nconst Tx = mongoose.model("Tx", txSchema);\nasync function fixDeductions() {\n  const tasks = await Task.find({ missing: true });\n  for (const task of tasks) await Tx.findOne({ documentReference: task._id });\n}\n${entry}\n${exported}`;
// xtm888 medflow-clinic backend/routes/sync.js: each change the client sends names its entity, and the model comes from a table of models.
const syncChanges = (table: string, pick: string): string =>
  `const mongoose = require("mongoose");\nconst Patient = mongoose.model("Patient", patientSchema);\nconst Appointment = mongoose.model("Appointment", appointmentSchema);\nconst modelMap = ${table};\nasync function sync(changes, kind) {\n  for (const change of changes) {\n    const { entity, entityId, data } = change;\n    const Model = ${pick};\n    await Model.findByIdAndUpdate(entityId, data);\n  }\n}\nmodule.exports = { sync };`;
const MODEL_MAP = "{ patients: Patient, appointments: Appointment }";
// mahmoudalimohamedali1-cpu attendance-system backend/src/modules/ai-analytics/ai-analytics.service.ts: scores of the first ten employees, "Limit for performance".
const cappedScores = (list: string): string =>
  `${PRISMA}export async function scores(companyId: string) {\n  const employees = await prisma.user.findMany({ where: { companyId }, take: 50 });\n  const out = [];\n  for (const emp of ${list}) out.push(await prisma.attendance.count({ where: { userId: emp.id } }));\n  return out;\n}`;
/** The report on `cappedScores(list)`, with `cap` declared as `cap` when given. */
const cappedScoresReported = (list: string, cap?: string): Invalid =>
  invalid(cappedScores(list).replace("  const out", cap === undefined ? "  const out" : `  const cap = ${cap};\n  const out`), "prisma.attendance.count({ where: { userId", "queryInLoop");
// elie222 inbox-zero apps/web/utils/ai/reply/reply-memory.ts: five logs per run (`findMany({ …, take: 5 })`), one call each; Megagig's top ten senders.
const topFew = (query: string): string =>
  `${PRISMA}export async function topUsers() {\n  const top = ${query};\n  const out = [];\n  for (const row of top) out.push(await prisma.user.findUnique({ where: { id: row.userId } }));\n  return out;\n}`;
const topFewReported = (query: string): Invalid => invalid(topFew(query), "prisma.user.findUnique(", "queryInLoop");
// smithciaran833 TicketToken-Platform-Backend payment-service src/jobs/retry-failed-payments.ts: ten failed payments per run (`LIMIT 10`), then a write each.
const retryFew = (query: string, list = "result.rows"): string =>
  `${PG}import postgres from "postgres";\nconst sql = postgres();\nexport async function retry() {\n  const result = ${query};\n  for (const row of ${list}) await pool.query("UPDATE jobs SET tries = tries + 1 WHERE id = $1", [row.id]);\n}`;
const retryFewReported = (query: string, list?: string): Invalid => invalid(retryFew(query, list), "pool.query(\"UPDATE", "writeInLoop");
// Silkroutelogistics silk-route-logistics backend/src/services/waterfallTenderService.ts: a tender per candidate, a notice to the first one only.
const firstNotice = (loop: string, guard: string): string =>
  `${PRISMA}export async function tender(candidates: { userId: string }[], byRole: Record<string, string>) {\n  ${loop} {\n${guard} {\n      await prisma.notification.create({ data: { userId: NOTIFY, type: "TENDER" } });\n    }\n  }\n}`;
const FIRST_INDEX = "for (let i = 0; i < candidates.length; i++)";
// karasu-lab-nestjs-api src/data-base/query/external-provider-link-verify/external-provider-link-verify.service.ts: the first record whose code matches is marked, then the loop returns.
const markFirstMatch = (after: string): string =>
  `${PG}export async function verify(records: { id: string; ok: boolean }[]) {\n  for (const rec of records) {\n    if (rec.ok) {\n      try {\n        await pool.query("UPDATE links SET verified = true WHERE id = $1", [rec.id]);\n      } catch (e) {\n        throw new Error("failed");\n      }\n${after}\n    }\n  }\n  return false;\n}`;
const PG_WRITE_BATCHED = "one multi-row `INSERT … VALUES` (or `INSERT … SELECT * FROM unnest($1, $2)`) or one `UPDATE … WHERE id = ANY($1)`";
/** matrix-delivery backend/services/eventBus.js: each queued event handed to a method that records its delivery. */
const eventDelivery = (argument: string, params = "event: { id: string; attempts: number }", values = "event.attempts, event.id"): string =>
  `${PG}export class EventBus {\n  queue: { id: string; attempts: number }[] = [];\n  async drain() {\n    for (const event of this.queue) await this.markDelivered(${argument});\n  }\n  async markDelivered(${params}) {\n    await pool.query("UPDATE domain_events SET status = 'delivered', attempts = $1 WHERE event_id = $2", [${values}]);\n  }\n}`;
const EVENT_DELIVERY = { call: "pool.query()", library: "node-postgres (pg)", collection: "this.queue", callee: "this.markDelivered", line: "9" };
/** matrix-delivery backend/database/init.ts: one query per table the code declares, each named by the schema object. */
const tablesExist = (sql: string): string =>
  `${PG}export async function isDatabaseInitialized(schemas: { name: string }[]): Promise<boolean> {\n  for (const schema of schemas) {\n    const result = await pool.query("${sql}", [schema.name]);\n    if (result.rows.length === 0) return false;\n  }\n  return true;\n}`;
/** Amr1977 matrix-delivery backend/app.js: the latest location of each driver who bid on an order. */
const latestLocations = (sql: string, client = PG): string =>
  `${client}export async function track(bids: { driverId: number }[]) {\n  for (const bid of bids) {\n    const location = await pool.query("${sql}", [bid.driverId]);\n    show(location.rows[0]);\n  }\n}`;
const LATEST_LOCATION = "SELECT latitude, longitude FROM driver_locations WHERE driver_id = $1 ORDER BY timestamp DESC LIMIT 1";
const PG_FIRST_ROW = "one query with `SELECT DISTINCT ON (key) … WHERE key = ANY($1) ORDER BY key, …`, which keeps the first row of each key (`= ANY($1)` alone returns all their rows)";
/** Dipesh600 Shuvmarg-bus-booking-platform-backend controllers/adminController/fleetWorkstationController.js: the next trip of each schedule. */
const nextTrips = (query: string): string =>
  `import mongoose from "mongoose";\nconst Trip = mongoose.model("Trip", new mongoose.Schema({}));\nexport async function schedulesWithNextTrip(schedules: { _id: string }[]) {\n  for (const sched of schedules) {\n    const next = await ${query};\n    show(sched, next);\n  }\n}`;
const MONGOOSE_FIRST_ROW = 'one `aggregate([{ $match: { key: { $in: keys } } }, { $sort: … }, { $group: { _id: "$key", first: { $first: "$$ROOT" } } }])`, which keeps the first document of each key (`find` with `$in` returns all of them)';
/** masumi-network masumi-payment-service packages/payment-source-x402/src/pay.ts: the newest budget of each wallet. */
const walletBudgets = (args: string): string =>
  `${PRISMA}export async function budgets(wallets: { id: string }[]) {\n  for (const wallet of wallets) {\n    const budget = await prisma.walletBudget.findFirst(${args});\n    show(budget);\n  }\n}`;
/** carrot-tickets-api src/services/transcode.client.ts: uploads stuck in processing, each marked failed. */
const stuckUploads = (write: string): string =>
  `import mongoose from "mongoose";\nconst Update = mongoose.model("Update", new mongoose.Schema({}));\nexport async function reconcile() {\n  const stuck = await Update.find({ status: "processing" }).lean();\n  for (const u of stuck) await ${write};\n}`;
/** technician-marketplace-backend's search: a score per professional, from a query of the professional's portfolio. */
const portfolioCounts = (query: string): string =>
  `import { Repository } from "typeorm";\nexport class SearchService {\n  constructor(private readonly portfolioRepository: Repository<Portfolio>) {}\n  async score(professionals: { id: string }[]) {\n    for (const professional of professionals) {\n      const value = await ${query};\n      show(professional, value);\n    }\n  }\n}`;
/** The batched forms of an SQL text that names its statement: an `INSERT`, an `UPDATE` of the same values, an `UPDATE` by each row's own amount. */
const PG_INSERT_BATCHED = "one multi-row `INSERT … VALUES` (or `INSERT … SELECT * FROM unnest($1, $2)`)";
const PG_UPDATE_BATCHED = "one `UPDATE … WHERE id = ANY($1)`";
const PG_RELATIVE_FORM = "one `UPDATE … SET x = t.x - v.n FROM unnest($1::int[], $2::int[]) AS v(id, n) WHERE t.id = v.id` (`SET x = v.x` would overwrite the rows, not change them)";
/** The report on `markFirstMatch(after)`: the update runs for every matching record. */
const markEveryMatch = (after: string): Invalid =>
  invalid(markFirstMatch(after), "pool.query(", "writeInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "records", batched: PG_UPDATE_BATCHED });
// ballerine services/workflows-service/src/workflow/workflow.service.ts: the child callbacks of a definition's config, filtered, then one query each.
const childCallbacks = (list: string): string =>
  `${PG}export async function persist(definition: Definition, childId: string) {\n  await Promise.all(\n    ${list}\n      ?.map((callback) => pool.query("SELECT * FROM workflows WHERE id = $1", [callback.parentId])),\n  );\n}`;
/** The report on `childCallbacks(list)`, whose collection the message names `collection`. */
const childCallbackQueries = (list: string, collection: string): Invalid =>
  invalid(childCallbacks(list), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection, batched: PG_BATCHED });
const DRIZZLE_BATCHED = "one query with `inArray(table.id, ids)`";
// ai-websenor ai-job-portal apps/messaging-service/src/search/search.service.ts: each thread of the results read by drizzle's relational `findFirst`, on a `db` typed by the app's own package.
const relationalThreads = (imports: string, lookup: string): string =>
  `${imports}import { Database, messageThreads } from "@app/database";\nexport class SearchService {\n  constructor(private readonly db: Database) {}\n  async threads(threadIds: string[]) {\n    const threadMap = new Map();\n    for (const tid of threadIds) {\n      const thread = await ${lookup}({ where: eq(messageThreads.id, tid) });\n      threadMap.set(tid, thread);\n    }\n    return threadMap;\n  }\n}`;
// rekodev invoicetrackr server/src/database/invoice.ts: each service of an invoice written in its transaction, on the `db` of the app's own `./db`.
const invoiceServices = (imports: string, write: string): string =>
  `${imports}import { db } from "./db";\nimport { invoiceServicesTable as services } from "./schema";\nexport async function saveInvoice(invoice: InvoiceBody) {\n  return db.transaction(async (tx) => {\n    for (const service of invoice.services) {\n      await ${write};\n    }\n  });\n}`;
// henry1266 pharmacy-pos backend/modules/shippingOrders/shippingOrders.ts: each item's stock summed by an aggregation on a model of the app's own `models/`, in a file that imports mongoose.
const stockChecks = (imports: string, query: string): string =>
  `${imports}import Inventory from "../../models/Inventory";\nexport async function validateItems(items: Item[]) {\n  for (const item of items) {\n    const inventorySum = await ${query};\n    if (inventorySum.length === 0) return false;\n  }\n  return true;\n}`;
const MONGOOSE_TYPES = 'import { Types } from "mongoose";\n';
const MONGOOSE_COUNT = 'one `aggregate([{ $match: { key: { $in: keys } } }, { $group: { _id: "$key", count: { $sum: 1 } } }])`, a count for each key';
const stockCheckData = (call: string): Record<string, string> => ({ call, library: "Mongoose", collection: "items", batched: "one `find({ _id: { $in: ids } })`" });
const DRIZZLE_ORM = 'import { eq, inArray } from "drizzle-orm";\n';
const DRIZZLE_INSERT_BATCHED = "one `insert(table).values(rows)`";
const DRIZZLE_UPDATE_BATCHED = "one `update(table)…where(inArray(table.id, ids))`";
const DRIZZLE_PER_ROW_BATCHED = "one `insert(table).values(rows).onConflictDoUpdate({ target: table.id, set: … })`";
/** The report on `invoiceServices(DRIZZLE_ORM, write)`: the write `marker` starts, called `call`. */
const invoiceServiceWrite = (write: string, marker: string, call: string, messageId: MessageIds = "writeInLoop", batched = DRIZZLE_INSERT_BATCHED): Invalid =>
  invalid(invoiceServices(DRIZZLE_ORM, write), marker, messageId, {}, { call, library: "Drizzle ORM", collection: "invoice.services", batched });
// cschwartz85032 loanserve server/services/servicing-cycle-service.ts: the run's progress, recorded every ten loans, when `test` holds.
const servicingProgress = (test: string): string =>
  `import { eq } from "drizzle-orm";\nimport { db } from "./db";\nimport { servicingRuns } from "./schema";\nexport async function runCycle(runId: string, loans: Loan[]) {\n  let processed = 0;\n  let events = 0;\n  for (const loan of loans) {\n    const result = await processLoan(runId, loan);\n    events += result.events;\n    processed++;\n    if (${test}) {\n      await db.update(servicingRuns).set({ processed, events }).where(eq(servicingRuns.runId, runId));\n    }\n  }\n}`;
const servicingProgressWrite = (test: string): Invalid =>
  invalid(servicingProgress(test), "db.update(", "writeInLoop", {}, { call: "db.update(servicingRuns)….where()", library: "Drizzle ORM", collection: "loans", batched: DRIZZLE_UPDATE_BATCHED });
// qodari-lending src/server/services/subsidy/subsidy-pledge-payment-voucher-service.ts: an item recorded per candidate row, with the status of the arm that runs (`leave` ends the first).
const voucherItems = (leave: string): string =>
  `import { eq } from "drizzle-orm";\nimport { db } from "./db";\nimport { voucherItems as items } from "./schema";\nasync function insertVoucherItem(row: Row, status: string) {\n  await db.insert(items).values({ rowId: row.id, status });\n}\nexport async function run(candidateRows: Row[]) {\n  for (const row of candidateRows) {\n    if (!row.documentNumber) {\n      await insertVoucherItem(row, "ERROR");\n      ${leave}\n    }\n    await insertVoucherItem(row, "PROCESSED");\n  }\n}`;
const VOUCHER_ITEM = { call: "db.insert(items).values()", library: "Drizzle ORM", collection: "candidateRows", batched: DRIZZLE_INSERT_BATCHED, callee: "insertVoucherItem", line: "5" };
// jwfreed inventory-manager src/jobs/inventoryInvariants.job.ts: a helper that sends the statement it is given, an INSERT in one arm and `second` in the other.
const invariantBlocks = (second: string): string =>
  `${PG}async function query(sql: string, params: unknown[]) {\n  return pool.query({ text: sql, values: params });\n}\nexport async function check(tenants: Tenant[]) {\n  for (const tenant of tenants) {\n    if (tenant.drift > 0) {\n      await query("INSERT INTO blocks (tenant_id) VALUES ($1)", [tenant.id]);\n    } else {\n      await query(${second}, [tenant.id]);\n    }\n  }\n}`;
const BLOCK_UPDATE = '"UPDATE blocks SET active = false WHERE tenant_id = $1"';
// homarr-labs homarr packages/db/collection.ts: the rows of each table of a seed context, inserted into `table` in one statement per entry.
const tableCollection = (table: string): string =>
  `import { eq } from "drizzle-orm";\nimport * as schema from "./schema";\nexport async function insertAll(db: Database, context: Record<string, Row[]>) {\n  await db.transaction(async (transaction) => {\n    for (const [key, values] of Object.entries(context)) {\n      const table = schema[key];\n      await transaction.insert(${table}).values(values);\n    }\n  });\n}`;
// multi-store-saas apps/web/app/lib/inventory.server.ts: the stock of each item's variant, read in the loop.
const drizzleStock = (select: string): string =>
  `import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nexport async function reserve(items: Item[]) {\n  for (const item of items) {\n    const [variant] = await ${select}.from(variants).where(eq(variants.id, item.variantId));\n    check(variant);\n  }\n}`;
// cherrypick (misskey) packages/backend/src/core/entities/EmojiEntityService.ts: `pack` takes an entity or its id and queries only for an id; `packMany` hands it the entities it has.
const entityOrId = (resolve: string): string =>
  `import { Repository } from "typeorm";\nexport class EmojiEntityService {\n  constructor(private emojisRepository: Repository<MiEmoji>) {}\n  async pack(src: MiEmoji["id"] | MiEmoji) {\n    const emoji = ${resolve};\n    return { name: emoji.name };\n  }\n  packMany(emojis: MiEmoji[]) {\n    return Promise.all(emojis.map((x) => this.pack(x)));\n  }\n}`;
const FIND_EMOJI = "await this.emojisRepository.findOneByOrFail({ id: src })";
/** The report on `entityOrId(resolve)`: `pack` queries for every element. */
const entityOrIdQueries = (resolve: string): Invalid =>
  invalid(entityOrId(resolve), "this.pack(x)", "queryInLoopViaCall", {}, {
    callee: "this.pack",
    call: "this.emojisRepository.findOneByOrFail()",
    library: "TypeORM",
    collection: "emojis",
    batched: "one `findBy({ id: In(ids) })`",
    line: "5",
  });
// mempool backend/src/database.ts: `$atomicQuery` runs a list of statements through the class's own `query(query, params)`.
const atomicQueries = (statement: string): string =>
  `import mysql from "mysql2/promise";\nexport class Database {\n  private pool = mysql.createPool({});\n  async query(query: string, params?: unknown[]) {\n    return this.pool.query(query, params);\n  }\n  async atomic(queries: { query: string; params: unknown[] }[]) {\n    for (const query of queries) await this.query(${statement}, query.params);\n  }\n}`;
const PG_BATCHED = "one query with `WHERE id = ANY($1)` and the array of ids";
// SSO_Cancer import.service.ts: the longest ICD-10 prefix of a code that maps to a cancer site, one prefix length at a time.
const prefixLookup = (params: string, prepare = "", prefix = "code.substring(0, len)"): string =>
  `${PRISMA}export async function resolve(${params}) {\n${prepare}  for (let len = code.length; len >= 2; len--) {\n    const mapping = await prisma.siteMap.findUnique({ where: { prefix: ${prefix} } });\n    if (mapping) return mapping.siteId;\n  }\n  return null;\n}`;
const PREFIX_DATA = { call: "prisma.siteMap.findUnique()", library: "Prisma", collection: "code", batched: "one `findMany({ where: { id: { in: ids } } })`" };
// zyrix-crm-backend src/services/admin-bootstrap.service.ts: the super admins named in the environment, each looked up before it is created.
const adminBootstrap = (params: string, list: string, prepare = ""): string =>
  `${PRISMA}import { env } from "./config/env";\nexport async function bootstrap(${params}) {\n${prepare}  const emails = ${list};\n  for (const email of emails) {\n    const existing = await prisma.user.findUnique({ where: { email } });\n    if (existing) console.log(existing.id);\n  }\n}`;
const ADMIN_DATA = { call: "prisma.user.findUnique()", library: "Prisma", collection: "emails", batched: "one `findMany({ where: { id: { in: ids } } })`" };
// hoppscotch-backend: a NestJS service over the app's own `PrismaService extends PrismaClient`.
const NEST_SERVICE =
  'import { PrismaService } from "../prisma/prisma.service";\nexport class UserService {\n  constructor(private readonly prisma: PrismaService) {}\n  async touch(ids: string[]) {\n    for (const id of ids) await this.prisma.user.update({ where: { id }, data: { seen: true } });\n  }\n}';
// AFFiNE packages/backend/server/src/fundamentals/config/runtime/service.ts: runtime settings upserted at start-up.
const runtimeConfig = (modifier: string, extra = ""): string =>
  `import { PrismaClient } from "@prisma/client";\nexport class RuntimeConfig {\n  constructor(private readonly db: PrismaClient) {}\n  async onModuleInit() {\n    await this.upgrade();\n  }\n${extra}  ${modifier}async upgrade() {\n    for (const key of newConfigs) await this.db.runtimeConfig.upsert({ create: defaults[key], update: defaults[key], where: { id: key } });\n  }\n}`;
// invoicerr backend/src/plugins/index.ts: the in-app plugins synced to the database by a registry that a static flag lets run once.
const pluginRegistry = (guard = "if (PluginRegistry.isInitialized) return;", set = "PluginRegistry.isInitialized = true;", extra = ""): string =>
  `${PRISMA}export class PluginRegistry {\n  private static isInitialized = false;\n  private readonly providers = new Map<string, string>();\n  async initialize(): Promise<void> {\n    ${guard}\n    await this.sync();\n    ${set}\n  }\n  private async sync(): Promise<void> {\n    for (const [id] of this.providers) {\n      const existing = await prisma.plugin.findUnique({ where: { id } });\n      if (!existing) console.log(id);\n    }\n  }\n${extra}}`;
const PLUGIN_DATA = { call: "prisma.plugin.findUnique()", library: "Prisma", collection: "this.providers", batched: "one `findMany({ where: { id: { in: ids } } })`" };
/** The same sync in a module function, latched by a module-level flag declared by `declaration`. */
const latchedSync = (declaration: string, set = "initialized = true;", after = ""): string =>
  `${PRISMA}${declaration}export async function syncPlugins(ids: string[]) {\n  if (initialized) return;\n  for (const id of ids) await prisma.plugin.findUnique({ where: { id } });\n  ${set}\n}\n${after}`;
const prismaServiceAs = (kind: string) => ({ postmortem: { modules: { "prisma/prisma.service": { PrismaService: kind } } } });

const perRowAssertion = `import { PrismaClient } from "@prisma/client";
const prisma = new PrismaClient();
export async function checkExpired(runs: { id: string }[]) {
  for (const run of runs) {
    const row = await prisma.taskRun.findUniqueOrThrow({ where: { id: run.id } });
    if (row.status !== "EXPIRED") throw new Error(run.id);
  }
}`;

const groupByLevels = (grouping: string): string =>
  `import knex from "knex";\nconst db = knex({});\nasync function f(groupBy) {\n  for (let i = 0; i < groupBy.length; i++) await db("rows").count("*").groupBy(${grouping});\n}`;

// akefdajani-sketch booking-backend routes/tenantUserPermissions.js: the overrides a request sends, each written only for a permission the code lists.
const OVERRIDE_WRITE = '    await pool.query("INSERT INTO overrides (tenant_id, permission, granted) VALUES ($1, $2, $3)", [tenantId, key, value]);';
const permissionOverrides = (guard: string, list = "Object.entries(incoming)", table = 'const ALL_PERMISSION_KEYS = ["bookings.view", "bookings.edit"];\n'): string =>
  `${PG}${table}export async function setOverrides(tenantId, incoming) {\n  for (const [key, value] of ${list}) {\n${guard}\n  }\n}`;
// MuhammadShahidRajpoot blood-donation-center-be src/api/system-configuration/platform-administration/tenant-onboarding/tenant/services/tenant.service.ts: a new tenant's email templates, from the app's constants module.
const tenantTemplates = (source: string, list = "emailTemplates.email_templates"): string =>
  `${PG}import emailTemplates, { loadTemplates } from "${source}";\nexport async function seed(tenantId) {\n  const templates = ${list};\n  for (const template of templates) {\n    await pool.query("INSERT INTO templates (tenant_id, name) VALUES ($1, $2)", [tenantId, template.name]);\n  }\n}`;
// natidamelo New-Life-clinic backend/utils/taskDuplicatePrevention.js: one delete per task, in the session or not.
const sessionDeletes = (other: string): string =>
  `import mongoose from "mongoose";\nconst NurseTask = mongoose.model("NurseTask", schema);\nexport async function remove(tasks, session) {\n  for (const task of tasks) {\n    if (session) {\n      await NurseTask.findByIdAndDelete(task._id).session(session);\n    } else {\n      await ${other};\n    }\n  }\n}`;
// OsamaZerkawi Property-Management-System-BackEnd src/application/services/reminder.service.ts: each due reminder log marked failed or sent.
const TYPEORM_REPOS = 'import { DataSource } from "typeorm";\nconst dataSource = new DataSource({});\nconst logRepo = dataSource.getRepository("Log");\nconst noticeRepo = dataSource.getRepository("Notice");\n';
const reminderLogs = (exit: string, handler = "catch (err)"): string =>
  `${TYPEORM_REPOS}export async function remind(logs) {\n  for (const log of logs) {\n    if (log.cancelled) {\n      await logRepo.update(log.id, { failed: true });\n      ${exit};\n    }\n    try {\n      await notify(log);\n      await logRepo.update(log.id, { sent: true });\n    } ${handler} {\n      await logRepo.update(log.id, { failed: true });\n    }\n  }\n}`;
// EaseMySalon-HQ salon-crm lib/send-appointment-whatsapp.js and server.js: an appointment's client, populated or fetched by its id.
const APPOINTMENT_MODELS = 'import mongoose from "mongoose";\nconst Client = mongoose.model("Client", schema);\n';
const populatedClients = (branches: string): string =>
  `${APPOINTMENT_MODELS}export async function notifyAll(appointments, defaults) {\n  for (const appointment of appointments) {\n    let client = null;\n${branches}\n    await send(client);\n  }\n}`;
const resolveClient = (guard: string): string =>
  `${APPOINTMENT_MODELS}async function resolveClient(appointment) {\n  ${guard}\n  const clientId = appointment.clientId?._id || appointment.clientId;\n  if (!clientId) return null;\n  return Client.findById(clientId);\n}\nexport async function notifyAll(appointments) {\n  for (const appointment of appointments) await send(await resolveClient(appointment));\n}`;
// avinashjgtp10 salon_mgm_backend src/modules/services/services.service.ts: a category created once per name, kept in a plain object.
const categoryImport = (memo: string, hit: string, store: string): string =>
  `${PG}export async function importServices(rows) {\n  ${memo}\n  for (const row of rows) {\n    let categoryId;\n    if (${hit}) categoryId = 1;\n    else {\n      const created = await pool.query("INSERT INTO service_categories (name) VALUES ($1) RETURNING id", [row.category]);\n      categoryId = created.rows[0].id;\n      ${store};\n    }\n    use(categoryId);\n  }\n}`;
// Avyren-Technologies Avy-ERP-Backend src/modules/hr/analytics/services/analytics-cron.service.ts: each company's employees, read in the company's own schema.
const tenantSchemas = (handle: string, name = "tenantDb", type = ": PrismaClient"): string =>
  `${PRISMA}export async function run() {\n  const companies = await prisma.company.findMany();\n  for (const company of companies) {\n    const ${name}${type} = ${handle};\n    await ${name}.employee.findMany({ where: { companyId: company.id } });\n  }\n}`;

// Dipesh600 Shuvmarg-bus-booking-platform-backend services/tripGeneratorCron.js: suspended schedules resumed one `save()` at a time.
const resumeSchedules = (query: string, loop = 'for (const s of toAutoResume) {\n    s.status = "ACTIVE";\n    await s.save();\n  }'): string =>
  `const Schedule = require("../models/scheduleModel.js");\nconst mongoose = require("mongoose");\nasync function resume(now) {\n  const toAutoResume = await ${query};\n  ${loop}\n}\nmodule.exports = { resume };`;
const SUSPENDED = 'Schedule.find({ status: "SUSPENDED", suspendUntil: { $lte: now } })';
const MONGOOSE_WRITES = "one `insertMany(docs)`, one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`";
/** The report on a document's own method, `call` at `marker`, once per element of `collection`. */
const documentWrite = (code: string, marker: string, call: string, collection: string, library = "Mongoose", batched = MONGOOSE_WRITES): Invalid =>
  invalid(code, marker, "writeInLoop", {}, { call, library, collection, batched });
const SEQUELIZE_USERS = 'import { Sequelize, DataTypes } from "sequelize";\nconst sequelize = new Sequelize(process.env.DATABASE_URL);\nconst User = sequelize.define("User", { lastSeen: DataTypes.DATE });\n';
/** Sequelize rows of a traced model, each written back by `write`. */
const staleUsers = (options: string, write = "await user.update({ active: false });"): string =>
  `${SEQUELIZE_USERS}export async function deactivate() {\n  const users = await User.findAll(${options});\n  for (const user of users) {\n    ${write}\n  }\n}`;

// Megagig pharmacy-monorepo apps/api/src/services/mtrNotificationService.ts: an overdue reminder sent through the class's helpers, then the follow-up saved with it.
const overdueFollowUps = (step: string): string =>
  `import FollowUp from "../models/FollowUp";\nimport { notifyOwner } from "./notifications";\nconst mongoose = require("mongoose");\nexport class MtrNotifier {\n  async checkOverdue(now: Date) {\n    const overdue = await FollowUp.find({ dueDate: { $lt: now } });\n    for (const followUp of overdue) {\n${step}\n    }\n  }\n  async scheduleNotification(to: string) {\n    await sendEmail(to);\n  }\n}`;
const FOLLOW_UP_SAVE = '      followUp.reminders.push({ type: "system" });\n      await followUp.save();';

/** TypeORM's Active Record: entities a class that extends `BaseEntity` returns, each written back by `write`. */
const activeRecordUsers = (users: string, write = "user.active = false;\n    await user.save();"): string =>
  `import { BaseEntity, Column, DataSource, Entity } from "typeorm";\n@Entity()\nclass User extends BaseEntity {\n  @Column() active!: boolean;\n}\nexport async function deactivate(dataSource: DataSource) {\n  const users = await ${users};\n  for (const user of users) {\n    ${write}\n  }\n}`;

// yonaka0406 rht-hotel api/models/reservations/main.js: `updateReservationDetailPlan` picks the client it is given or one of the pool, then opens a transaction on it, per detail.
const pickedClientTransaction = (between: string, begin = 'await dbClient.query("BEGIN");'): string =>
  `${PG}async function updateDetailPlan(id, plan, client = null) {\n  let dbClient;\n  if (client) dbClient = client;\n  else dbClient = await pool.connect();\n  ${begin}\n${between}  await dbClient.query("UPDATE reservation_details SET plan_id = $1 WHERE id = $2", [plan.id, id]);\n  await dbClient.query("COMMIT");\n}\nexport async function updatePlans(details, plan, client) {\n  await Promise.all(details.map((detail) => updateDetailPlan(detail.id, plan, client)));\n}`;

// corona-school backend common/appointment/participants.ts: an organizer moved out of the participants of each lecture, by a tagged raw query.
const lectureOrganizers = (statement: string, imports = 'import { PrismaClient, Prisma } from "@prisma/client";\nconst prisma = new PrismaClient();\n'): string =>
  `${imports}export async function addOrganizer(subcourseId: number, organizerId: string) {\n  for (const lecture of await prisma.lecture.findMany({ where: { subcourseId } })) {\n    ${statement}\n  }\n}`;
/** The message data of a tagged Prisma query per lecture. */
const lectureData = (call: string, batched: string): Record<string, string> => ({ call, library: "Prisma", collection: "prisma.lecture.findMany(…)", batched });
const PRISMA_RAW_UPDATE = "one `$executeRaw` `UPDATE … WHERE id IN (${Prisma.join(ids)})`";

// documenso packages/lib/server-only/envelope/duplicate-envelope.ts: each envelope item's document data created anew, its id used for the item.
const duplicateItems = (body: string): string =>
  `import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport async function duplicate(envelope: { items: { id: string; data: string }[] }) {\n  ${body}\n}`;
const PRISMA_CREATE_RETURNING = "one `createManyAndReturn({ data: rows })`, which gives back the created rows (`createMany` gives only their count)";
const duplicateData = (batched: string): Record<string, string> => ({ call: "prisma.documentData.create()", library: "Prisma", collection: "envelope.items", batched });

runRuleTests("no-query-in-loop", rule, {
  valid: [
    // Megagig's reminder jobs: the save after an awaited call into the application's code (a method, a collaborator, a function of an app module) may record what it did.
    overdueFollowUps(`      await this.scheduleNotification(followUp.email);\n${FOLLOW_UP_SAVE}`),
    overdueFollowUps(`      await this.mailer.sendReminder(followUp.email);\n${FOLLOW_UP_SAVE}`),
    overdueFollowUps(`      for (const reminder of followUp.reminders) {\n        try {\n          await notifyOwner(reminder);\n        } catch (error) {\n          reminder.failed = true;\n        }\n      }\n${FOLLOW_UP_SAVE}`),
    // Valid neighbour (Active Record): a repository's entities are not followed.
    activeRecordUsers("dataSource.getRepository(User).find()"),
    // rht-hotel's detail plans: a transaction per detail, on the client a `let` holds.
    pickedClientTransaction(""),
    // Names that take each other's saved documents lead back to the same call: nothing to tell, and no endless walk.
    'const User = require("./models/User");\nasync function swap(ids) {\n  let a = await User.findById(ids[0]);\n  let b = a;\n  for (const id of ids) {\n    a = await b.save(id);\n    b = await a.save(id);\n  }\n}',
    // Valid neighbours (Shuvmarg's resumed schedules): plain objects (`lean()`, an aggregation, Sequelize's `raw: true`), a list the caller gives, a name that may hold another value, a `new` of no known model.
    resumeSchedules(`${SUSPENDED}.lean()`),
    resumeSchedules('Schedule.aggregate([{ $match: { status: "SUSPENDED" } }])'),
    staleUsers("{ where: { active: true }, raw: true }"),
    staleUsers("{ ...SCOPE, where: { active: true } }"),
    'const mongoose = require("mongoose");\nasync function resume(schedules) {\n  for (const s of schedules) await s.save();\n}',
    resumeSchedules(SUSPENDED, "for (const row of toAutoResume) {\n    let s = toSchedule(row);\n    if (!row.legacy) s = row;\n    await s.save();\n  }"),
    'const Item = require("../models/Item");\nasync function make(rows) {\n  for (const row of rows) await new Item(row).save();\n}',

    { code: parkingAssignments("    query = assignment.statement;"), filename: "file.js" },
    { code: parkingAssignments("    query = { text: assignment.sql, values: [] };"), filename: "file.js" },
    {
      code: 'async function applyAll(client, statements) {\n  await Promise.all(statements.map(async (statement) => {\n    await client.query(statement);\n    await client.query("INSERT INTO applied_statements (sql) VALUES ($1)", [statement]);\n  }));\n}',
      filename: "file.js",
    },
    // Valid neighbours (rht-hotel's updatePlanExclusions): with the client untraced, a name is SQL only when it always holds SQL text.
    { code: planExclusions("const insertQuery = buildInsert(\"plan_exclusions\");"), filename: "file.js" },
    { code: planExclusions('let insertQuery = "INSERT INTO plan_exclusions (hotel_id, plan_id) VALUES ($1, $2)";\n  if (hotelId === 0) insertQuery = buildInsert("plan_exclusions");'), filename: "file.js" },
    // loanserve's servicing run: a checkpoint every n-th element, paced by a counter or an index.
    servicingProgress("processed % 10 === 0"),
    servicingProgress("!(processed % PROGRESS_EVERY)"),
    servicingProgress("processed > 0 && 0 === processed % 100"),
    // homarr's seed collection: drizzle's `insert(table)` names the table, one of its own per element.
    tableCollection("table"),
    // Valid neighbour (invoiceServices): without an import of drizzle-orm, `insert(t).values(v)` is no library's by its chain alone.
    invoiceServices('import { eq } from "./operators";\n', "tx.insert(services).values({ amount: service.amount })"),
    // Valid neighbour (invoiceServices): `update` followed by no `set` is no drizzle chain.
    invoiceServices(DRIZZLE_ORM, "tx.update(services).where(eq(services.id, service.id))"),
    // Valid neighbour (stockChecks): without an import of mongoose, MongoDB's operators are no library's by themselves (an in-memory query, sift or NeDB).
    stockChecks("", 'Inventory.aggregate([{ $match: { product: item.product } }, { $group: { _id: null, total: { $sum: "$quantity" } } }])'),
    // Valid neighbour (stockChecks): a filter without an operator is any store's `find`.
    stockChecks(MONGOOSE_TYPES, "Inventory.find({ product: item.product })"),
    // Valid neighbour (stockChecks): below a field's condition, `$gt` is a key of an embedded document MongoDB matches as it is, not an operator.
    stockChecks(MONGOOSE_TYPES, "Inventory.find({ product: { value: { $gt: item.min } } })"),
    // Valid neighbour (stockChecks): a query with an operator elsewhere in the file proves only its own receiver's binding.
    stockChecks(MONGOOSE_TYPES, "Inventory.find({ product: item.product })").replace("export async", 'export const active = () => Stock.find({ quantity: { $gt: 0 } });\nexport async'),
    // Valid neighbour (stockChecks): a method that takes no filter (`get` of a cache keyed by an object).
    stockChecks(MONGOOSE_TYPES, "Inventory.get({ $in: item.ids })"),
    // Valid neighbour (relationalThreads): without an import of drizzle-orm, `query.<table>.findFirst` is no library's by its shape alone.
    relationalThreads('import { eq } from "./operators";\n', "this.db.query.messageThreads.findFirst"),
    // Valid neighbour (relationalThreads): `findFirst` on a table that is no property of `query` is Prisma's name, and nothing traces Prisma here.
    relationalThreads('import { eq } from "drizzle-orm";\n', "this.db.messageThreads.findFirst"),
    // Valid neighbour (relationalThreads): drizzle's relational tables have no other query method than `findFirst` and `findMany`.
    relationalThreads('import { eq } from "drizzle-orm";\n', "this.db.query.messageThreads.count"),
    // akefdajani's permission overrides: a query only for a key of the request that a fixed collection holds, each key once.
    permissionOverrides(`    if (!ALL_PERMISSION_KEYS.includes(key)) continue;\n${OVERRIDE_WRITE}`),
    permissionOverrides(`    if (ALL_PERMISSION_KEYS.includes(key)) {\n  ${OVERRIDE_WRITE}\n    }`),
    // A guard before a nested loop, or inside one, skips the rest of its block.
    permissionOverrides(`    if (!ALL_PERMISSION_KEYS.includes(key)) continue;\n    for (const scope of ["read", "write"]) {\n      await pool.query("INSERT INTO overrides (tenant_id, permission, scope, granted) VALUES ($1, $2, $3, $4)", [tenantId, key, scope, value]);\n    }`),
    permissionOverrides(`    for (const scope of ["read", "write"]) {\n      if (!ALL_PERMISSION_KEYS.includes(key)) continue;\n      await pool.query("INSERT INTO overrides (tenant_id, permission, scope, granted) VALUES ($1, $2, $3, $4)", [tenantId, key, scope, value]);\n    }`),
    permissionOverrides(`    if (!(key in PERMISSIONS)) continue;\n${OVERRIDE_WRITE}`, "Object.entries(incoming)", "const PERMISSIONS = { view: 1, edit: 2 };\n"),
    permissionOverrides(`    if (!Object.hasOwn(PERMISSIONS, key) || value === undefined) continue;\n${OVERRIDE_WRITE}`, "Object.entries(incoming)", "const PERMISSIONS = { view: 1, edit: 2 };\n"),
    // akefdajani routes/tenantHours.js: the hours of a request keyed by day name, written only for a day the code's map numbers.
    permissionOverrides(`    const day = dayMap[key];\n    if (typeof day !== "number") continue;\n${OVERRIDE_WRITE}`, "Object.entries(incoming)", "const dayMap = { sun: 0, mon: 1 };\n"),
    permissionOverrides(`    if (dayMap[key] === undefined) continue;\n${OVERRIDE_WRITE}`, "Object.entries(incoming)", "const dayMap = { sun: 0, mon: 1 };\n"),
    // blood-donation-center-be: a list a module of constants exports.
    tenantTemplates("src/api/system-configuration/constants/email-templates-data"),
    tenantTemplates("./roles.constants"),
    tenantTemplates("./roles.constants", "emailTemplates"),
    `${PG}const templates = require("../constants/email-templates-data");\nexport async function seed(tenantId) {\n  for (const template of templates) await pool.query("INSERT INTO templates (tenant_id, name) VALUES ($1, $2)", [tenantId, template.name]);\n}`,
    // Avy-ERP's schema-per-tenant crons: the element picks the database the query goes to.
    tenantSchemas("await getTenantDbForCompany(company.id)"),
    tenantSchemas("clients[company.schemaName]", "client"),
    `${PRISMA}export async function count(shards: { db: PrismaClient; companyId: string }[]) {\n  for (const { db, companyId } of shards) await db.employee.count({ where: { companyId } });\n}`,
    // TeTeBerry's catalog service: a seeder by its name writes the data the code defines, when the database is set up.
    catalogSeeder("seedCatalogData"),
    catalogSeeder("seed"),
    catalogSeeder("seed_questions"),
    { code: startupMigration("migrateSurveys_VXtoV4"), filename: "file.js" },
    { code: startupMigration("migrate"), filename: "file.js" },
    // A helper that only a seeder calls.
    { code: 'import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nasync function upsertRole(name) { await prisma.role.upsert({ where: { name }, create: { name }, update: {} }); }\nexport async function seedRoles() {\n  for (const name of readRoleNames()) await upsertRole(name);\n}', filename: "file.js" },
    // zyrix-crm-backend admin-bootstrap.service.ts: a list split from the configuration is as long as the operator wrote it.
    adminBootstrap("", 'env.SUPER_ADMIN_EMAILS.split(",").map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0)'),
    adminBootstrap("", '(process.env.ADMIN_EMAILS ?? "").split(",")'),
    adminBootstrap("", 'raw.split(",")', '  const raw = process.env.ADMIN_EMAILS || "";\n'),
    adminBootstrap("", '(process.env.admin_emails ?? "").split(",")'),
    adminBootstrap("", '"a@example.com,b@example.com".split(",")'),
    adminBootstrap("", '["A@example.com", "B@example.com"].map((e) => e.toLowerCase())'),
    // SSO_Cancer import.service.ts: a loop over a string's length walks its prefixes, not rows.
    prefixLookup("icdCode: string", '  const code = icdCode.replace(/\\./g, "").toUpperCase();\n'),
    prefixLookup("code: string"),
    prefixLookup("id: number", "  const code = `C${id}`;\n"),
    `${PRISMA}export async function letters() {\n  for (const letter of "ABCDEFGH") await prisma.author.findMany({ where: { initial: letter } });\n}`,
    // jitsu mixpanel.ts: GAQL sent to the Google Ads API, not SQL sent to a database.
    adsSync("google-ads-api"),
    // civitai strike.service.ts: each element gets a transaction of its own; one batched read would merge the units of work.
    perUserTransaction("prisma.$transaction(", ")"),
    perUserTransaction("prisma.$transaction(", ", { timeout: 30000 })"),
    // jwfreed inventory-manager src/services/costRollUpService.ts, TicketToken's escrow.service.ts: an application's helper opens the transaction.
    perUserTransaction("withTransaction(", ")"),
    perUserTransaction("withSerializableTransaction(", ")"),
    // cschwartz85032 loanserve server/collections/delinquency-service.ts: a repository's `withTx` opens `BEGIN` and commits, per loan.
    perUserTransaction("this.repo.withTx(", ")"),
    perUserTransaction("withTxn(", ")"),
    // Shakes63 unifiedledger lib/db/transaction-runner.ts, boutchaz agritech database.service.ts, giveffektivt donation-platform src/db/client.ts: helpers named for running a transaction.
    perUserTransaction("runInDatabaseTransaction(", ")"),
    perUserTransaction("this.databaseService.executeInPgTransaction(", ")"),
    perUserTransaction("dbExecuteInTransaction(", ")"),
    // EaseMySalon's WhatsApp confirmations: the query runs only for an appointment whose client is not populated.
    resolveClient('if (appointment.clientId && typeof appointment.clientId === "object") return appointment.clientId;'),
    populatedClients('    if (appointment.clientId && typeof appointment.clientId === "object") client = appointment.clientId;\n    else client = await Client.findById(appointment.clientId);'),
    populatedClients('    if (typeof appointment.clientId !== "object") {\n      client = await Client.findById(appointment.clientId);\n    } else {\n      client = appointment.clientId;\n    }'),
    populatedClients('    if (typeof appointment.clientId === "object" && appointment.clientId.name) {\n      log(appointment);\n      client = appointment.clientId.name;\n    } else {\n      client = await Client.findById(appointment.clientId);\n    }'),
    // salon_mgm_backend's service import: the write only on a miss of a memo, in the `else` of the hit.
    categoryImport("const categoryMap: Record<string, string> = {};", "categoryMap[row.category]", "categoryMap[row.category] = categoryId"),
    categoryImport("const categories = new Map();", "categories.has(row.category)", "categories.set(row.category, categoryId)"),
    // A memo keyed by another value of each entry still saves queries.
    `${PG}export async function report(orders: Map<string, { customerId: string }>) {\n  const customers = new Map();\n  for (const [orderId, order] of orders.entries()) {\n    let customer = customers.get(order.customerId);\n    if (!customer) {\n      customer = await pool.query("SELECT * FROM customers WHERE id = $1", [order.customerId]);\n      customers.set(order.customerId, customer);\n    }\n    use(orderId, customer);\n  }\n}`,
    // TicketToken's reservation cleanup: `BEGIN` on the client the helper is handed, per orphan.
    perOrphanTransaction("", '      await client.query("BEGIN");\n'),
    `${PRISMA}async function evaluate(userId: number) {\n  return prisma.$transaction(async (tx) => tx.user.findUnique({ where: { id: userId } }));\n}\nexport async function reevaluateAll(userIds: number[]) {\n  for (const userId of userIds) await evaluate(userId);\n}`,
    // civitai article.service.ts: the transaction is opened at the call site, around the helper that queries.
    `${PRISMA}async function recompute(tx, articleId: number) {\n  return tx.article.findUnique({ where: { id: articleId } });\n}\nexport async function recomputeAll(articleIds: number[]) {\n  for (const articleId of articleIds) await prisma.$transaction(async (tx) => recompute(tx, articleId));\n}`,
    // Kysely's form.
    `import { Kysely } from "kysely";\nconst db = new Kysely<DB>({ dialect });\nexport async function settle(ids: number[]) {\n  for (const id of ids) await db.transaction().execute(async (trx) => trx.selectFrom("placement").where("id", "=", id).executeTakeFirst());\n}`,
    // nocobase plugin.ts: a listener registered per collection.
    { code: perCollectionHook("db.on(`${collection.name}.afterSave`, "), filename: "file.js" },
    { code: perCollectionHook("emitter.once(collection.name, "), filename: "file.js" },
    // automatisch packages/backend/src/helpers/agents.js: a LangChain tool per configured tool, whose function the agent calls later.
    { code: `import { tool } from "@langchain/core/tools";\n${perCollectionHook("tool(")}`, filename: "file.js" },
    // An MCP server's tools, registered per definition: each callback runs per call of its tool.
    { code: perCollectionHook("server.registerTool(collection.name, {}, "), filename: "file.js" },
    // erxes correctOwnerPropertyFromScorelog.ts: a helper declared inside a command that the script runs once.
    nestedHelper("command().catch(console.error);"),
    // Amr1977 matrix-delivery backend/database/init.ts: a catalog query per table the code declares asks about the schema, not about rows.
    tablesExist("SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1)"),
    tablesExist("SELECT indexname FROM pg_indexes WHERE tablename = $1"),
    tablesExist("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1"),
    tablesExist("SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1"),
    // capgo channel/delete.ts: a statement that only takes a lock reads nothing one query could batch.
    sortedLocks("SELECT pg_catalog.pg_advisory_xact_lock($1::bigint)"),
    sortedLocks("SELECT pg_try_advisory_lock($1)"),
    sortedLocks("SELECT GET_LOCK(?, 10)"),
    // fedify packages/mysql/src/mq.ts: each ordering key's lock given back in a `finally`.
    sortedLocks("SELECT RELEASE_LOCK(?)"),
    sortedLocks("SELECT pg_advisory_unlock($1)"),
    // salonbw's retail service: a savepoint per element is a unit of work per element, also before a write.
    savepointPerItem("SAVEPOINT ${name}"),
    // shopcarbon12 carbon-warehouse-management lib/server/inventory-sync.ts: a savepoint per row before the helper that writes it, so one row's failure does not abort the others.
    `${PG}async function upsertRow(client, row) {\n  await client.query("INSERT INTO matrices (upc) VALUES ($1) ON CONFLICT (upc) DO NOTHING", [row.upc]);\n}\nexport async function sync(client, rows) {\n  for (const row of rows) {\n    await client.query("SAVEPOINT catalog_matrix");\n    try {\n      await upsertRow(client, row);\n      await client.query("RELEASE SAVEPOINT catalog_matrix");\n    } catch {\n      await client.query("ROLLBACK TO SAVEPOINT catalog_matrix");\n    }\n  }\n}`,
    `${PG}export async function sell(client, items: { id: number }[]) {\n  for (const item of items) {\n    await client.query(\`SAVEPOINT sp_\${item.id}\`);\n    await client.query("INSERT INTO commissions (item_id) VALUES ($1)", [item.id]);\n    await client.query(\`RELEASE sp_\${item.id}\`);\n  }\n}`,
    // Swetrix's demo data: a list inside an element of a constant list is written in the code too.
    seededViews("VIEW_SEEDS"),
    // goodmen-logistics' edited keys: a set the code fills with values it writes itself.
    editedKeys('  if (body.stops) edited.add("pickup");'),
    filledIds('["a"]', '  ids.push("b");'),
    filledIds("[]", '  for (const table of ["users", "teams"]) ids.push(table);'),
    filledIds("[]", "  ids.push(rows[0].id);\n  ids.push(rows[1].id);"),
    filledIds("[]", '  ["users", "teams"].forEach((table) => ids.push(table));'),
    editedKeys('  for (const stop of body.stops as string[]) if (stop) edited.add("pickup");'),
    editedKeys("  for (const stop of body.stops as Stop[]) edited.add(StopKey.Pickup);"),
    // tgs-hrms's workflow seed: the steps of each entry of a constant of the code.
    workflowSeed("DEFAULT_WORKFLOW_CONFIGS"),
    // A grouping whose keys are written in the code (`"all"`), one per run of the loop.
    groupedCounts('"all"'),
    // Logikaservice's announcement scheduler: a loop that waits between elements is paced on purpose.
    pacedQueue("await new Promise((resolve) => setTimeout(resolve, 2000))"),
    pacedQueue("await new Promise((resolve) => {\n      setTimeout(resolve, 2000);\n    })"),
    pacedQueue("await sleep(2000)"),
    pacedQueue("await this.delay(2000)"),
    // Megagig's follow-up rules and jwfreed's KPI snapshots: a list a function of this file builds from a handful of pushes.
    followUpRules('    if (result.critical) rules.push({ type: "urgent" });\n    if (result.abnormal) rules.push({ type: "recheck" });'),
    kpiSnapshots("snapshots"),
    // medusa's locking provider: the lock function's name is a constant interpolated into the text.
    namedLockKeys("const", "pg_advisory_xact_lock"),
    // medusa's locking provider: a row of its `locking` table per key, read, inserted, refreshed and deleted one key at a time.
    sortedLocks("SELECT owner_id, expiration FROM locking WHERE id = $1"),
    sortedLocks("INSERT INTO locking (id, owner_id) VALUES ($1, NULL)"),
    sortedLocks("UPDATE distributed_locks SET expiration = NULL WHERE id = $1"),
    sortedLocks("DELETE FROM locks WHERE id = ?"),
    // capgo on_version_update.ts: each element's statements run in a transaction the loop opens on the same client.
    perEntryTransaction('await client.query("BEGIN")'),
    perEntryTransaction('await client.query("START TRANSACTION")'),
    perEntryHelper('await client.query("BEGIN")'),
    perEntryHelper("await client.beginTransaction()"),
    perEntryHelper("await startTransaction(client)"),
    // Megagig labIntegrationAlertService.ts: the helper queries a property the loop sets to the same value for every result.
    labAlerts("patientId: lab.patientId, message: `Critical ${result.testName}`", "Patient.findById(alert.patientId)"),
    labAlerts("patientId: lab.patientId, message: result.testName", "Patient.findOne({ _id: alert.patientId, active: true })"),
    // EaseMySalon send-appointment-whatsapp.js: the destructured `business` is the caller's, not the appointment's.
    whatsappSends("{ business, appointment }", "Business.findById(business._id)"),
    whatsappSends("{ business: owner, appointment }", "Business.findById(owner._id)"),
    whatsappSends("{ business: { _id }, appointment }", "Business.findById(_id)"),
    // Megagig WorkspaceStatsService.ts: a Mongoose session and its transaction per workspace, handed to the queries.
    perWorkspaceSession("const session = await mongoose.startSession();\n    session.startTransaction();", "{ session }"),
    perWorkspaceSession("const session = await mongoose.startSession();\n    session.startTransaction();", "{ session: session }"),
    perWorkspaceChain("", "const session = await mongoose.startSession();\n    session.startTransaction();"),
    perUserSequelize("", "const t = await sequelize.transaction();"),
    // knex: a transaction made per element without a callback, handed to the builder by `transacting(trx)`.
    `import knex from "knex";\nconst db = knex({});\nexport async function settle(ids: string[]) {\n  for (const id of ids) {\n    const trx = await db.transaction();\n    await db("accounts").where({ id }).update({ settled: true }).transacting(trx);\n    await trx.commit();\n  }\n}`,
    // A shared session whose transaction the helper starts and commits on every call: still one per element.
    perWorkspaceSession("session.startTransaction();", "{ session }").replace("export class", "const session = mongoose.startSession();\nexport class"),
    // better-auth bun-sqlite-dialect.ts: a module that imports an embedded database queries it in process, with no round trip.
    sqliteIntrospector("bun:sqlite"),
    sqliteIntrospector("better-sqlite3"),
    sqliteIntrospector("@duckdb/node-api"),
    // saltcorn offline_mode.js: a module that uses the DOM unguarded runs in a browser or web view, whose database is local.
    { code: offlineSync(""), filename: "file.js" },
    { code: `"use client";\n${offlineSync("")}`, filename: "file.js" },
    // Valid neighbour (ai-job-portal's resume service below): a function handed to a method no headless browser runs in its page is the module's own code.
    { code: offlineSync("").replace("window.navigator.wakeLock.request();", 'image.addEventListener("load", () => document.fonts.ready);'), filename: "file.js" },
    // The same shape on a class that is no model: `scope` and `findOne` alone name no library.
    'class Doc {}\nasync function f(ids) {\n  for (const id of ids) await Doc.scope("withDrafts").findOne({ where: { id } });\n}',
    // trigger.dev run-engine ttlSystem.test.ts: a test checks each row, in a test file.
    { code: perRowAssertion, filename: "ttl.test.ts" },
    // An empty file.
    "",
    // A helper defined after the loop whose method name is not one library's, with no import: no evidence.
    "async function all(ids) { for (const id of ids) await load(id); }\nasync function load(id) { return Document.findAll({ where: { id } }); }",
    // Two classes with a method `load`: the one called in the loop sends no query, the other's name alone is no evidence.
    `${PG}class Cache {\n  load(id) { return this.map.get(id); }\n  all(ids) { return ids.map((id) => this.load(id)); }\n}\nclass Repo {\n  load(id) { return pool.query("SELECT * FROM products WHERE id = $1", [id]); }\n}`,
    // The fixed SearchService: one batched query, joined in memory.
    `${PG}async function f(hits) { const ids = hits.map((hit) => hit._id); const { rows } = await pool.query("SELECT * FROM products WHERE id = ANY($1)", [ids]); return rows; }`,
    // teable aggregation.service.ts: one aggregation per level of a cumulative group-by, each over a prefix of the list, not one per element.
    groupByLevels("groupBy.slice(0, i + 1)"),
    // A batched query per chunk of ids.
    `${PG}async function f(ids) { for (let i = 0; i < ids.length; i += 100) { await pool.query("SELECT * FROM t WHERE id = ANY($1)", [ids.slice(i, i + 100)]); } }`,
    // outline's document deleter: a list of chunks named as one (`destroyBatches`), walked by index or by callback.
    `${PG}async function f(ids: string[], destroyBatches: string[][]) {\n  for (let i = 0; i < destroyBatches.length; i++) await pool.query("DELETE FROM t WHERE id = $1", [destroyBatches[i]]);\n}`,
    `${PG}async function f(idChunks: string[][]) {\n  await Promise.all(idChunks.map((ids) => pool.query("DELETE FROM t WHERE id = $1", [ids])));\n}`,
    // wundergraph cosmo controlplane/src/core/repositories/SchemaCheckRepository.ts: batches of 1000 rows, made into a `const` first.
    `import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nexport async function save(values: Row[]) {\n  const arrayOfValues = createBatches(values, 1000);\n  for (const values of arrayOfValues) await db.insert(usage).values(values).execute();\n}`,
    // A chunk loop whose query is not in a batched form: one statement per chunk is the remedy.
    { code: 'const knex = require("knex")({});\nasync function f(rows) { for (const batch of chunk(rows, 500)) await knex("events").insert(batch); }', filename: "file.js" },
    // Migration statements: a list of different statements, not one statement per element.
    { code: 'const { Pool } = require("pg");\nconst pool = new Pool();\nasync function migrate(statements) { for (const statement of statements) await pool.query(statement); }', filename: "file.js" },
    // One statement per table: the element names a table, not a value.
    `${PG}async function reset(tables) { for (const table of tables) await pool.query(\`TRUNCATE \${table} CASCADE\`); }`,
    `import knex from "knex";\nconst db = knex({});\nasync function reset(tables) { for (const table of tables) await db(table).del(); }`,
    // mempool backend/src/database.ts: each element brings its own statement to the class's `query(query, params)`.
    atomicQueries("query.query"),
    // typeorm src/driver/sqlite-abstract/AbstractSqliteQueryRunner.ts: a helper reads the catalog of the database each element names.
    `${PG}async function loadTableRecords(tablePath: string) {\n  const [schema, name] = tablePath.split(".");\n  return pool.query(\`SELECT * FROM "\${schema}".sqlite_master WHERE name = '\${name}'\`);\n}\nexport async function loadAll(paths: string[]) {\n  return Promise.all(paths.map((path) => loadTableRecords(path)));\n}`,
    // Forest Admin packages/datasource-replica/src/synchronization/cache-target.ts: each collection of the schema is another model to truncate.
    `import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize("postgres://");\nexport async function reset(collections: { name: string }[]) {\n  for (const collection of collections) await sequelize.model(collection.name).destroy({ where: { stale: true } });\n}`,
    // saltcorn packages/server/routes/sync.ts: the rows to sync of each table a request names, each table found by its name first.
    `${PG}async function getSyncRows(info: { since: number }, table: { name: string }) {\n  return pool.query(\`SELECT * FROM "\${table.name}" WHERE modified > $1\`, [info.since]);\n}\nexport async function sync(infos: Record<string, { since: number }>) {\n  for (const [name, info] of Object.entries(infos)) {\n    const table = findTable(name);\n    await getSyncRows(info, table);\n  }\n}`,
    // mikro-orm packages/sql/src/dialects/sqlite/SqliteSchemaHelper.ts: the indexes of each table, by the table's name.
    `${PG}async function getIndexes(tableName: string) {\n  return pool.query(\`SELECT * FROM pg_indexes WHERE tablename = $1 AND schemaname = "\${tableName}"\`, [tableName]);\n}\nexport async function read(tables: { table_name: string }[]) {\n  for (const t of tables) {\n    const table = addTable(t.table_name);\n    await getIndexes(table.name);\n  }\n}`,
    // ponder packages/core/src/database/actions.ts: a revert per table, whose column lists come from the table too.
    revertPerTable("${table.name}"),
    // cherrypick's entity services: the helper queries only when it is given no object, and the loop gives it the entities.
    entityOrId(`typeof src === "object" ? src : ${FIND_EMOJI}`),
    entityOrId(`typeof src !== "object" ? ${FIND_EMOJI} : src`),
    // Pydah li-hrms backend/payroll/services/loanAdvanceService.js: `loanOrId && loanOrId._id ? loanOrId : await Loan.findById(loanOrId)`, the entity known by its id.
    entityOrId(`src && src.id ? src : ${FIND_EMOJI}`),
    entityOrId(`src?.id ? src : ${FIND_EMOJI}`),
    entityOrId(`!src.id ? ${FIND_EMOJI} : src`),
    `import mongoose from "mongoose";\nconst Loan = mongoose.model("Loan", schema);\nasync function postInterest(loanOrId, month) {\n  const loan = loanOrId && loanOrId._id ? loanOrId : await Loan.findById(loanOrId);\n  return post(loan, month);\n}\nexport async function collect(skippedLoans, month) {\n  for (const skipped of skippedLoans) await postInterest(skipped.loan, month);\n}`,
    // karasu-lab's link verification: a `return` (or a `break` of the loop) after the query leaves the loop, which gets there once.
    markFirstMatch("      return true;"),
    markFirstMatch("      break;"),
    markFirstMatch("      if (rec.id) {\n        return true;\n      } else {\n        throw new Error(rec.id);\n      }"),
    // subql's metadata keys: the query runs for the element equal to one literal only.
    specialKeys(`    switch (key) {\n      case "dynamicDatasources":\n        ${QUERY_ONE}\n        break;\n      default:\n        cached.set(key, values[key]);\n    }`),
    specialKeys(`    if (key === "dynamicDatasources") {\n      ${QUERY_ONE}\n    }`),
    // medflow-clinic's sync route: the element picks its model from a table of models.
    { code: syncChanges(MODEL_MAP, "modelMap[entity]"), filename: "sync.js" },
    { code: syncChanges(MODEL_MAP, "modelMap[change.entity]"), filename: "sync.js" },
    // New-Life-clinic's fix scripts: the one call under `require.main === module`, the function also exported.
    { code: fixScript("if (require.main === module) {\n  connectDB().then(() => {\n    fixDeductions();\n  });\n}", "module.exports = { fixDeductions };"), filename: "fix.js" },
    { code: fixScript("if (require.main === module) fixDeductions();", "module.exports = fixDeductions;"), filename: "fix.js" },
    { code: fixScript("if (require.main === module) fixDeductions();", "module.exports = { run: fixDeductions };"), filename: "fix.js" },
    // A write after an awaited call to another service (Stripe, fetch, nodemailer), in the loop, in its arguments or in the helper called per element.
    refundRun(REFUND),
    refundRun("    const response = await fetch(`https://hooks.example.com/orders/${order.id}`, { method: \"POST\" });\n    if (!response.ok) continue;"),
    refundRun("", 'await prisma.order.update({ where: { id: order.id }, data: { refundId: (await stripe.refunds.create({ charge: order.chargeId })).id } });'),
    refundRun("    if (order.chargeId) {\n      await stripe.refunds.create({ charge: order.chargeId });\n    }"),
    refundRun("", "await markRefunded(order);").replace("export async function", 'async function markRefunded(order) {\n  await stripe.refunds.create({ charge: order.chargeId });\n  await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });\n}\nexport async function'),
    refundService('import Stripe from "stripe";', "constructor(private readonly stripe: Stripe) {}", "this.stripe.refunds.create"),
    refundService('import OpenAI from "openai";', "private openai = new OpenAI();", "this.openai.chat.completions.create"),
    refundService('import * as nodemailer from "nodemailer";', "constructor(private readonly mailer: nodemailer.Transporter) {}", "this.mailer.sendMail"),
    summaries('import type OpenAI from "openai";', "OpenAI"),
    // papermark's `sendEmail` of `@/lib/resend`: a module of the app named after the package it wraps, imported, kept or typed.
    refundRun("    await sendEmail({ to: order.id });").replace('import Stripe from "stripe";', 'import { sendEmail } from "@/lib/resend";'),
    refundRun(REFUND).replace('import Stripe from "stripe";', 'import Stripe from "../lib/stripe/index.js";'),
    refundService('import { StripeService } from "./stripe.service";', "constructor(private readonly stripeService: StripeService) {}", "this.stripeService.refund"),
    refundService('import { uploadFile } from "src/lib/s3-client";', "", "uploadFile"),
    refundRun(REFUND, "await markRefunded(order);").replace("export async function", 'async function markRefunded(order) {\n  await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });\n}\nexport async function'),
    refundRun("    await wallet.sendTransaction({ to: order.chargeId });").replace('import Stripe from "stripe";', 'import { ethers } from "ethers";\nconst wallet = new ethers.Wallet(process.env.KEY);'),
    refundRun("    await transporter.sendMail({ to: order.id });").replace('import Stripe from "stripe";', 'import nodemailer from "nodemailer";\nconst transporter = nodemailer.createTransport({});'),
    // attendance-system's scores, pharmacy-pos's top five products: a slice of at most ten elements, written with numbers.
    cappedScores("employees.slice(0, 10)"),
    cappedScores("employees.slice(-5)"),
    cappedScores("employees.slice(2, 7)"),
    cappedScores("employees.slice(-8, -2)"),
    // Joeloo1 car-rental-backend src/services/carImages.service.ts: `files.slice(0, maxUpload)`, `const maxUpload = 10 - existingImages`.
    cappedScores("employees.slice(0, cap)").replace("  const out", "  const cap = 10 - (await prisma.attendance.count({ where: { companyId } }));\n  const out"),
    cappedScores("employees.slice(1, Math.min(employees.length, 5))"),
    // inbox-zero's five logs, Megagig's top ten senders, TicketToken's ten failed payments: the rows of a query capped at a handful by a number written in the code.
    topFew('await prisma.order.findMany({ orderBy: { total: "desc" }, take: 5 })'),
    topFew("await prisma.order.findMany({ take: -5 })"),
    topFew("await prisma.order.findMany({ take: PAGE })").replace("export async", "const PAGE = 5;\nexport async"),
    topFew("(await prisma.order.findMany({ take: 5 })).filter((o) => o.userId)"),
    // trinhtranduc rentalshop-nextjs .migration-backups/analytics/top-products/route.ts: the top ten of a `groupBy`, or none.
    topFew("Math.random() > 0.5 ? await prisma.orderItem.groupBy({ by: [\"productId\"], take: 10 }) : []"),
    topFew("(await prisma.order.findMany({ take: 5 })) ?? []"),
    topFew("await Order.find({ paid: true }).sort({ total: -1 }).limit(10)"),
    topFew("await Order.findAll({ where: { paid: true }, limit: 5 })"),
    topFew('await orders.createQueryBuilder("o").orderBy("o.total", "DESC").take(5).getMany()'),
    topFew('await Order.aggregate([{ $group: { _id: "$userId", n: { $sum: 1 } } }, { $sort: { n: -1 } }, { $limit: 10 }, { $project: { userId: "$_id" } }])'),
    retryFew('await pool.query("SELECT id FROM jobs WHERE failed ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED")'),
    retryFew('await pool.query(`SELECT id FROM jobs WHERE kind = $1 LIMIT 5`, ["retry"])'),
    retryFew("null", '(await pool.query("SELECT id FROM jobs LIMIT 3")).rows'),
    retryFew("await sql`SELECT id FROM jobs WHERE failed LIMIT 5`", "result"),
    // silk-route-logistics' waterfall tender: the first candidate only, by its index, also through a `const` of the body or one side of `&&`.
    firstNotice(FIRST_INDEX, "    const isFirst = i === 0;\n    if (isFirst)").replace("NOTIFY", "candidates[i].userId"),
    firstNotice(FIRST_INDEX, "    const isFirst = 0 === i;\n    if (isFirst && candidates[i].userId)").replace("NOTIFY", "candidates[i].userId"),
    firstNotice("candidates.forEach(async (c, i) =>", "    if (i === 0)").replace("NOTIFY", "c.userId").replace("  }\n}", "  });\n}"),
    firstNotice("for (const [i, c] of candidates.entries())", "    if (i === 0)").replace("NOTIFY", "c.userId"),
    firstNotice("for (const [role, userId] of Object.entries(byRole))", '    if (role === "owner")').replace("NOTIFY", "userId"),
    // beekeeper-studio src-commercial/backend/lib/db/clients/mongodb.ts: each element names its collection, so each `insertMany` goes to another one.
    `${MONGO_ROWS}  for (const insert of inserts) {\n    const collection = connection.collection(insert.table);\n    await collection.insertMany(insert.data);\n  }\n}`,
    `${MONGO_ROWS}  for (const insert of inserts) await connection.collection(insert.table).insertMany(insert.data);\n}`,
    // langgraphjs's migration runner: the loop runs a list of statements; recording each version is part of it.
    migrationRunner("        await client.query(migrations[v]);\n"),
    // kannan19302's extension schema: each table's DDL names the table, a different statement per element.
    extensionDdl('    await prisma.$executeRaw(Prisma.raw(`DROP TABLE IF EXISTS "${table}"`));'),
    extensionDdl('    await prisma.$executeRaw(Prisma.raw(`CREATE POLICY "p_${table}" ON "${table}" ` + "USING (true)"));'),
    extensionDdl('    const ddl = `CREATE TABLE IF NOT EXISTS "${table}" (` + COLUMNS + ")";\n    await prisma.$executeRaw(Prisma.raw(ddl));'),
    // keshavjha005's transaction helper: each element is a statement with its parameters.
    statementBatch("query"),
    // drizzle-orm src/pg-core/dialect.ts: the migrator sends each statement through `sql.raw`, then records the migration.
    migrationRunner("        for (const statement of migrations[v]) await client.query(sql.raw(statement));\n"),
    // Shelf's actor snapshots: the helper's memo is the loop's, so one query per distinct actor.
    actorMemo(", snapshots"),
    // bigcapital's seed migrator: recording each migration run belongs to running the list.
    migrationBatch("migrations"),
    migrationBatch("pendingMigrations"),
    // unsend's template memo: one query per distinct template, a deduplication the code chose.
    templateMemo("outside"),
    // sourcebot's repositories of a search chunk: the memo answers a hit before the query, which stores under the same key.
    repoMemo("if (reposCache.has(file.repoId)) return reposCache.get(file.repoId);"),
    repoMemo("const cached = reposCache.get(file.repoId);\n    if (cached) return cached;"),
    // The same memo in a loop, skipping an owner already read.
    `${PRISMA}export async function owners(rows: { ownerId: number }[], seen: Set<number>) {\n  for (const row of rows) {\n    if (seen.has(row.ownerId)) continue;\n    await prisma.owner.findFirst({ where: { id: row.ownerId } });\n    seen.add(row.ownerId);\n  }\n}`,
    // vendure's custom-field relations: the element picks the entity, so each query reads another table, even with a value of its own.
    `import type { DataSource } from "typeorm";\nasync function f(ds: DataSource, fields: { entity: Function; name: string }[], input: Record<string, string>) {\n  for (const field of fields) await ds.getRepository(field.entity).findOne({ where: { id: input[field.name] } });\n}`,
    `import knex from "knex";\nconst db = knex({});\nasync function prune(tables) { for (const table of tables) await db(table.name).where("id", table.lastId).del(); }`,
    // A query that does not depend on the element.
    `${PG}async function f(items) { for (const item of items) { const { rows } = await pool.query("SELECT now()"); item.at = rows[0]; } }`,
    // Retries: the loop is not over a collection.
    `${PG}async function f(id) { for (let attempt = 0; attempt < 3; attempt++) { try { return await pool.query("SELECT * FROM t WHERE id = $1", [id]); } catch {} } }`,
    // Keyset pagination: the cursor comes from the previous page.
    `${PG}async function f() { let cursor = 0; while (true) { const { rows } = await pool.query("SELECT * FROM t WHERE id > $1 LIMIT 100", [cursor]); if (rows.length === 0) break; cursor = rows[rows.length - 1].id; } }`,
    // A handful of constants.
    `${PG}async function f() { for (const status of ["active", "pending"]) await pool.query("SELECT count(*) FROM t WHERE status = $1", [status]); }`,
    { code: 'const { Pool } = require("pg");\nconst pool = new Pool();\nconst KINDS = ["a", "b"];\nKINDS.forEach((kind) => pool.query("DELETE FROM t WHERE kind = $1", [kind]));', filename: "file.js" },
    // One query per member of an enum (outline/outline, server/policies/document.test.ts).
    `import { Document } from "./models";\nasync function f(doc) { for (const role of Object.values(UserRole)) { await Document.findByPk(doc.id, { userId: role }); } }`,
    // ...and per member of a filtered enum, through a const (same file).
    { code: 'const { Document } = require("./models");\nasync function f(doc) { const roles = Object.values(UserRole).filter((r) => r !== "admin"); for (const role of roles) await Document.findByPk(doc.id, { role }); }', filename: "file.js" },
    // The tables a class constant lists (cschwartz85032 loanserve, src/security/retention-policies.ts).
    retentionTables("RetentionService.DEFAULT_RETENTION"),
    // The option: writes per element are not reported.
    { code: `${PG}async function f(rows) { for (const row of rows) await pool.query("UPDATE t SET seen = true WHERE id = $1", [row.id]); }`, options: [{ writes: false }] },
    // Prisma findUnique in a same-tick Promise.all: Prisma batches them into one query.
    `${PRISMA}async function f(ids) { return Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } }))); }`,
    `${PRISMA}async function f(ids) { return Promise.all(ids.map(async (id) => { const user = await prisma.user.findUnique({ where: { id } }); return user; })); }`,
    // Per-row updates with different data sent as one Prisma batch transaction.
    `${PRISMA}async function f(rows) { await prisma.$transaction(rows.map((row) => prisma.link.update({ where: { id: row.id }, data: { name: row.name } }))); }`,
    { code: `const { PrismaClient } = require("@prisma/client");\nconst prisma = new PrismaClient();\nasync function f(rows) { const ops = rows.map((row) => prisma.link.update({ where: { id: row.id }, data: row })); await prisma.$transaction(ops); }`, filename: "file.js" },
    // Avy-ERP employee.service.ts: the distinct emails of two fields, a list of at most two.
    linkEmails("[...new Set([data.officialEmail, data.personalEmail].map((e) => e?.trim() ?? \"\").filter((e) => e.length > 0))]"),
    // silk-route-logistics notificationService.ts: `Array.from(new Set([carrierId, posterId]))`, the dispute's two parties.
    linkEmails("Array.from(new Set([data.officialEmail, data.personalEmail]))"),
    // freight-managment exceptionDetection.ts: the rules that fired of four checks run together.
    firedRules("[checkLatePickup(loadId), checkLateDelivery(loadId), checkGpsOffline(loadId), checkStalledLoad(loadId)]"),
    firedRules("[checkLatePickup(loadId), checkLateDelivery(loadId)]").replace("Promise.all(", "Promise.allSettled("),
    // Valid neighbours (Aniston's geofence monitor): another binding, or no one-library method on this one; `this.prisma` of another class.
    geofenceMonitor("prisma.organization.findUnique", "other.gPSTrailPoint.findFirst"),
    geofenceMonitor("prisma.organization.findFirst", "prisma.gPSTrailPoint.findFirst"),
    prismaService("UserService"),
    // A parameter of the same name is another binding than the import the proof is made on.
    `import { prisma } from "../../lib/prisma.js";\nexport const settings = () => prisma.organization.findUnique({ where: { id: 1 } });\nexport async function monitor(openRecords: { employeeId: string }[], prisma: Store) {\n  for (const record of openRecords) await prisma.points.findFirst({ where: { employeeId: record.employeeId } });\n}`,
    // Valid neighbours (silk-route-logistics's carrier capacity): the list is data, a spread, or the ids of the elements.
    carrierCapacity("loadStatuses"),
    carrierCapacity('[...loadStatuses, "BOOKED"]'),
    knexStatuses("statuses"),
    knexStatuses("statuses").replace('.whereIn("status", statuses)', '.where("status", "in", statuses)'),
    drizzleStock("db.select()").replace("eq(variants.id, item.variantId)", "and(eq(variants.id, item.variantId), inArray(variants.status, statuses))"),
    // Prisma findMany with `in` per chunk.
    `${PRISMA}async function f(chunks) { for (const ids of chunks) await prisma.user.findMany({ where: { id: { in: ids } } }); }`,
    // vendure's `fv.channels.find((c) => …)`: a function first is an array's `find`, never a query (Mongoose 6's `Model.find(callback)` has no filter).
    `import mongoose from "mongoose";\nconst User = mongoose.model("User", schema);\nfunction f(ids, seen) {\n  for (const id of ids) User.find((error, users) => seen.set(id, users));\n}`,
    // mongoose `$in`.
    `import mongoose from "mongoose";\nconst User = mongoose.model("User", schema);\nasync function f(groups) { for (const group of groups) await User.find({ _id: { $in: group.memberIds } }); }`,
    // sequelize `[Op.in]`.
    { code: 'const User = require("./models/user");\nasync function f(lists) { for (const list of lists) await User.findAll({ where: { id: { [Op.in]: list } } }); }', filename: "file.js" },
    // typeorm `In(ids)`.
    `import { In, type Repository } from "typeorm";\nasync function f(repo: Repository<User>, lists: string[][]) { for (const ids of lists) await repo.findBy({ id: In(ids) }); }`,
    // drizzle `inArray`.
    `import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nasync function f(lists) { for (const ids of lists) await db.select().from(users).where(inArray(users.id, ids)); }`,
    // knex `whereIn`.
    `import knex from "knex";\nconst db = knex({});\nasync function f(lists) { for (const ids of lists) await db("users").whereIn("id", ids); }`,
    // growthbook EventWebhookModel.ts: a Mongoose query nothing awaits or exec()s never runs, so it sends no query per element.
    'import mongoose from "mongoose";\nconst Hook = mongoose.model("Hook", schema);\nfunction f(docs) {\n  return docs.map((doc) => {\n    void (async () => { try { Hook.updateOne({ id: doc.id }, { $set: { method: "POST" } }); } catch {} })();\n    return doc;\n  });\n}',
    // A Prisma call is lazy too: a bare statement sends nothing.
    `${PRISMA}function f(rows) {\n  for (const row of rows) prisma.user.update({ where: { id: row.id }, data: { seen: true } });\n}`,
    // The same with only the method name as evidence (a model of the app's own ./models).
    'import { User } from "./models";\nfunction f(rows) {\n  for (const row of rows) void User.findByIdAndUpdate(row.id, { seen: true });\n}',
    // dub lib/firstpromoter/import-commissions.ts: the helper's awaits before findUnique sit in branches that return,
    // so every element's findUnique is issued in the same tick and Prisma merges them into one query.
    `${PRISMA}async function importAll(rows) {\n  await Promise.allSettled(rows.map((row) => createCommission(row)));\n}\nasync function createCommission(row) {\n  if (!row.amount) {\n    await logImportError(row);\n    return;\n  }\n  const found = await prisma.commission.findUnique({ where: { invoiceId: row.invoiceId } });\n  return found ?? row;\n}`,
    // sourcebot's repositories of a search chunk: a function called where it is written runs at once, so the findUnique of every file is still issued in the same tick.
    calledInPlace(""),
    // The same in a direct callback.
    `${PRISMA}async function f(ids) {\n  return Promise.all(ids.map(async (id) => {\n    if (!id) {\n      await audit(id);\n      throw new Error("no id");\n    }\n    return prisma.user.findUnique({ where: { id } });\n  }));\n}`,
    // A list computed by a call that is not a query builder is still a list of values.
    `import knex from "knex";\nconst db = knex({});\nasync function f(groups) { for (const group of groups) await db("users").whereIn("id", group.members.map((m) => m.id)); }`,
    // corona-school's grade promotion: twelve grades, a number the code writes, do not grow with the data.
    gradePromotion("12"),
    // TicketToken's Stripe Connect transfers: the record of each transfer, made through a getter declared to return Stripe's client.
    connectTransfers('import Stripe from "stripe";', "Stripe"),
    // Megagig's escalation rules: a literal list the class holds.
    escalationRules(""),
    // TicketToken's rate limiters: a registry the constructor fills from a constant table.
    limiterRegistry(RATE_LIMIT_FILL),
    // TicketToken's tax jurisdictions: filled in a callback of a literal list's `forEach`, read through a method's `Array.from(map.values()).filter(…)`.
    limiterRegistry("const states = [{ name: \"CA\", max: 1 }, { name: \"NY\", max: 2 }];\n    states.forEach((state) => {\n      this.limiters.set(state.name, { max: state.max });\n    });").replace(
      "for (const [service, limiter] of this.limiters)",
      "for (const limiter of this.active())",
    ).replace("  async resume() {", "  active() {\n    return Array.from(this.limiters.values()).filter((limiter) => limiter.max > 0);\n  }\n  async resume() {").replace("[limiter.max, service]", "[limiter.max, \"all\"]"),
    // Valid neighbour (TicketToken's rate limiters): the constructor fills the registry itself.
    limiterRegistry(RATE_LIMIT_FILL)
      .replace("    this.initializeLimiters(rows);\n", `    ${RATE_LIMIT_FILL}\n`)
      .replace(/ {2}private initializeLimiters[^]*?\n {2}\}\n/u, ""),
    // Valid neighbour (develoddy's metrics): the form the report advises, a list in `replacements` per chunk, is a batch.
    moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module IN (:moduleKeys)", "{ replacements: { moduleKeys: moduleKey } }"),
    // mysql2 `IN (?)`.
    `import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\nasync function f(lists) { for (const ids of lists) await pool.query("SELECT * FROM t WHERE id IN (?)", [ids]); }`,
    // AFFiNE runtime config: a private method called only from `onModuleInit()` runs once, at start-up.
    // invoicerr's plugin registry: a static flag returned on first and set at the end makes the sync run once per process.
    pluginRegistry(),
    pluginRegistry("if (PluginRegistry.isInitialized) {\n      return;\n    }"),
    latchedSync("let initialized = false;\n"),
    {
      // CommonJS: the module's variables live in the function scope Node wraps the file in.
      code: latchedSync("var initialized = false;\n", undefined, "module.exports = { syncPlugins };\n")
        .replace(/^import[^\n]*\n/u, 'const { PrismaClient } = require("@prisma/client");\n')
        .replace("export async function syncPlugins(ids: string[])", "async function syncPlugins(ids)"),
      filename: "file.cjs",
    },
    runtimeConfig("private "),
    runtimeConfig("").replace("async upgrade()", "async #upgrade()").replace("this.upgrade()", "this.#upgrade()"),
    `${PRISMA}export class Seeder {\n  async onApplicationBootstrap() {\n    for (const id of ids) await prisma.flag.upsert({ where: { id }, create: { id }, update: {} });\n  }\n}`,
    // hoppscotch-backend: `PrismaService` is the app's own class; nothing says it is Prisma's.
    NEST_SERVICE,
    // Declared as an instance, not as a class: an annotation with its name is not one of its instances.
    { code: NEST_SERVICE, settings: prismaServiceAs("prisma.client") },
    // DataLoader: `load` per element is batched by the loader.
    `async function f(ids, loader) { return Promise.all(ids.map((id) => loader.load(id))); }`,
    // Not database calls: HTTP clients, GraphQL clients, Maps, arrays.
    `async function f(ids) { for (const id of ids) await api.get(\`/users/\${id}\`); }`,
    `async function f(items, apollo) { for (const item of items) await apollo.query({ query: GET_USER, variables: { id: item.id } }); }`,
    `function f(items, byId) { return items.map((item) => byId.get(item.id)); }`,
    `function f(items, list) { return items.map((item) => list.find((x) => x.id === item.id)); }`,
    // A handler registered per element runs per event, with the event's values.
    `${PG}function f(queues) { for (const q of queues) q.on("job", (job) => pool.query("UPDATE jobs SET done = true WHERE id = $1", [job.id])); }`,
    // A function defined in the loop body is not run by the loop.
    `${PG}function f(items) { for (const item of items) { item.load = () => pool.query("SELECT * FROM t WHERE id = $1", [item.id]); } }`,
    // A same-file function called outside any loop, or in a loop without the element.
    `${PG}async function load(id) { return pool.query("SELECT * FROM t WHERE id = $1", [id]); }\nasync function f(items, fallback) { await load(fallback); for (const item of items) await load(fallback); }`,
    // A same-file function that queries without its parameter.
    `${PG}async function stamp(item) { item.at = (await pool.query("SELECT now()")).rows[0]; }\nasync function f(items) { for (const item of items) await stamp(item); }`,
    // JavaScript neighbours of the library cases below.
    { code: 'const { PrismaClient } = require("@prisma/client");\nconst prisma = new PrismaClient();\nconst f = (ids) => Promise.all(ids.map((id) => prisma.post.findUnique({ where: { id } })));', filename: "file.js" },
    { code: 'const mongoose = require("mongoose");\nconst Order = mongoose.model("Order", schema);\nconst f = (users) => Order.find({ userId: { $in: users.map((u) => u.id) } });', filename: "file.js" },
    { code: 'const knex = require("knex")({});\nasync function f(items) { for (const item of items) await knex("audit").where({ kind: "daily" }).first(); }', filename: "file.js" },
    { code: "async function f(ids, conn) {\n  for (const id of ids) await conn.query({ query: GET_USER, variables: { id } });\n}", filename: "file.js" },
    // A queue handed over in chunks with splice() is not drained one element at a time.
    `${PG}async function f(queue) { while (queue.length) { const jobs = queue.splice(0, 50); await pool.query("UPDATE jobs SET done = true WHERE id = ANY($1)", [jobs.map((j) => j.id)]); } }`,
    // A same-file function passed as a callback that does not query.
    `function double(x) { return x * 2; }\nconst f = (xs) => xs.map(double);`,
    // The helper's query is in a function it declares, or in a field of a class it defines: not sent when the helper runs.
    `${PG}function enrich(hit) {\n  function later() { return pool.query("SELECT * FROM t WHERE id = $1", [hit.id]); }\n  return later;\n}\nfunction f(hits) { for (const hit of hits) enrich(hit); }`,
    `${PG}function enrich(hit) {\n  return class { rows = pool.query("SELECT * FROM t WHERE id = $1", [hit.id]); };\n}\nfunction f(hits) { for (const hit of hits) enrich(hit); }`,
    // A knex builder refined once per filter and run once after the loop (list endpoints build their WHERE this way).
    `import knex from "knex";\nconst db = knex({});\nasync function f(filters) {\n  const query = db("users");\n  for (const filter of filters) query.where(filter.column, filter.value).orWhereNull(filter.column);\n  return await query;\n}`,
    `import knex from "knex";\nconst db = knex({});\nasync function f(ids) {\n  let query = db("users");\n  for (const id of ids) query = query.where({ id }).orWhere({ parent: id });\n  return await query;\n}`,
    // A builder nothing awaits never runs: a missing await, not a query per element.
    `import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nfunction f(items) {\n  for (const item of items) db.update(users).set({ seen: true }).where(eq(users.id, item.id));\n}`,
    `import knex from "knex";\nconst db = knex({});\nfunction f(ids) {\n  for (const id of ids) void db("users").where({ id }).del();\n}`,
    // knex.raw with a fragment, not a statement: gathered per element and sent in one query later.
    `import knex from "knex";\nconst db = knex({});\nasync function f(items) {\n  const parts = [];\n  for (const item of items) parts.push(db.raw("(id = ? and rev = ?)", [item.id, item.rev]));\n  return db("docs").whereRaw(parts.join(" or "));\n}`,
    // linkwarden apps/web/scripts/migration/v2.6.1/index.js: a migration script's main(), run once per process.
    migrationScript("async function main()", "main().catch((error) => { console.error(error); process.exit(1); });"),
    // mern-ecommerce server/tool/insert-data.js: the script's function called once the module-level connection is made.
    migrationScript("async function main()", "prisma.$connect().then(() => {\n  main();\n});"),
    migrationScript("async function main()", "prisma.$connect().then(() => main()).finally(() => prisma.$disconnect());"),
    migrationScript("async function main()", "prisma.$connect().catch(() => {}).then(async () => {\n  await main();\n});"),
    // A script's loop at module level, and a helper passed as the callback from a script's main().
    `${PG}const ids = process.argv.slice(2);\nfor (const id of ids) await pool.query("DELETE FROM sessions WHERE user_id = $1", [id]);`,
    `${PG}const load = (id) => pool.query("SELECT * FROM t WHERE id = $1", [id]);\nasync function main(ids) { await Promise.all(ids.map(load)); }\nmain(process.argv.slice(2));`,
    // Valid neighbours (corona-school's lecture organizers): a fragment built per element and sent once, a list per chunk, a lock, the catalog, and queries handed to one transaction.
    lectureOrganizers("ids.push(Prisma.sql`${lecture.id}`);").replace("  for (", "  const ids = [];\n  for (").replace(/\n\}$/u, "\n  await prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id IN (${Prisma.join(ids)})`;\n}"),
    'import { PrismaClient, Prisma } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport async function mark(chunks: number[][]) {\n  for (const chunk of chunks) await prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id IN (${Prisma.join(chunk)})`;\n}',
    lectureOrganizers("await prisma.$executeRaw`SELECT pg_advisory_xact_lock(${lecture.id})`;"),
    lectureOrganizers('await prisma.$queryRawUnsafe("SELECT pg_advisory_xact_lock($1)", lecture.id);'),
    lectureOrganizers("await prisma.$queryRaw`SELECT column_name FROM information_schema.columns WHERE table_name = ${lecture.name}`;"),
    'import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport async function mark(ids: number[]) {\n  await prisma.$transaction(ids.map((id) => prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${id}`));\n}',
    // A template tag that builds a value (`Prisma.sql`, `gql`) sends nothing, and a raw query that takes nothing of the element is the same query each time.
    lectureOrganizers("fragments.push(Prisma.sql`UPDATE lecture SET seen = true WHERE id = ${lecture.id}`);"),
    lectureOrganizers("await prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${subcourseId}`;"),
    // A raw query built and never run: a `PrismaPromise` sends nothing until awaited.
    lectureOrganizers("prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${lecture.id}`;"),
  ],
  invalid: [
    // Valid neighbours (Megagig's reminder jobs): the call after the save, only in a `catch`, or not awaited.
    documentWrite(overdueFollowUps(`${FOLLOW_UP_SAVE}\n      await this.scheduleNotification(followUp.email);`), "followUp.save(", "followUp.save()", "overdue"),
    documentWrite(overdueFollowUps(`      try {\n        followUp.checked = true;\n      } catch (error) {\n        await this.scheduleNotification(followUp.email);\n      }\n${FOLLOW_UP_SAVE}`), "followUp.save(", "followUp.save()", "overdue"),
    documentWrite(overdueFollowUps(`      void this.scheduleNotification(followUp.email);\n${FOLLOW_UP_SAVE}`), "followUp.save(", "followUp.save()", "overdue"),
    // pharmacy-pos's shipping records: the helper runs in a branch that leaves the iteration before the save.
    documentWrite(overdueFollowUps(`      if (followUp.muted) {\n        await this.scheduleNotification(followUp.email);\n        continue;\n      }\n${FOLLOW_UP_SAVE}`), "followUp.save(", "followUp.save()", "overdue"),
    // TypeORM's Active Record: an entity of `User.findBy(…)` saved or removed per element.
    documentWrite(activeRecordUsers("User.findBy({ active: true })"), "user.save(", "user.save()", "users", "TypeORM", "one `save(entities)` or `insert(rows)`, or `update({ id: In(ids) }, values)`"),
    documentWrite(activeRecordUsers("User.find({ where: { active: true } })", "await user.remove();"), "user.remove(", "user.remove()", "users", "TypeORM", "one `delete({ id: In(ids) })`, or one `remove(entities)` with the whole list"),
    // Valid neighbour (rht-hotel's detail plans): the name holds another client after `BEGIN`.
    invalid(pickedClientTransaction("  dbClient = await pool.connect();\n"), "updateDetailPlan(detail.id", "queryInLoopViaCall"),
    // rht-hotel's `insertReservationPayment`, `deleteParkingSpot`: `BEGIN` only on a client the helper got itself, not on the caller's.
    invalid(pickedClientTransaction("", 'if (!client) await dbClient.query("BEGIN");'), "updateDetailPlan(detail.id", "queryInLoopViaCall"),
    invalid(pickedClientTransaction("", 'const owned = !client;\n  if (owned) {\n    await dbClient.query("BEGIN");\n  }'), "updateDetailPlan(detail.id", "queryInLoopViaCall"),
    // Shuvmarg's trip cron: a document of a model's `find` saved per element, also through the query's `populate`/`sort`, in an array callback.
    documentWrite(resumeSchedules(SUSPENDED), "s.save(", "s.save()", "toAutoResume"),
    documentWrite(resumeSchedules(`${SUSPENDED}.populate("busId").sort({ createdAt: 1 })`), "s.save(", "s.save()", "toAutoResume"),
    documentWrite(resumeSchedules(SUSPENDED, 'await Promise.all(toAutoResume.map(async (s) => {\n    s.status = "ACTIVE";\n    await s.save();\n  }));'), "s.save(", "s.save()", "toAutoResume"),
    documentWrite(resumeSchedules(SUSPENDED, "for (const s of toAutoResume) await s.deleteOne();"), "s.deleteOne(", "s.deleteOne()", "toAutoResume", "Mongoose", "one `deleteMany({ _id: { $in: ids } })`"),
    // A document each element looks up, then saves: two round trips per element.
    {
      code: 'const User = require("../models/User");\nasync function deactivate(ids) {\n  for (const id of ids) {\n    const user = await User.findById(id);\n    user.active = false;\n    await user.save();\n  }\n}',
      errors: [
        { messageId: "queryInLoop", line: 4, column: 24 },
        { messageId: "writeInLoop", line: 6, column: 11, data: { call: "user.save()", library: "Mongoose", collection: "ids", batched: MONGOOSE_WRITES } },
      ],
    },
    // The document written back from its own `save()`.
    {
      code: 'const User = require("../models/User");\nasync function touch(ids) {\n  for (const id of ids) {\n    let user = await User.findById(id);\n    user.seenAt = new Date();\n    user = await user.save();\n  }\n}',
      errors: [
        { messageId: "queryInLoop", line: 4, column: 22 },
        { messageId: "writeInLoop", line: 6, column: 18, data: { call: "user.save()", library: "Mongoose", collection: "ids", batched: MONGOOSE_WRITES } },
      ],
    },
    // A document made from a model that a Mongoose-only method proves one, saved per row.
    documentWrite('const Item = require("../models/Item");\nasync function make(rows) {\n  await Item.findById(rows[0].id);\n  for (const row of rows) {\n    const item = new Item(row);\n    await item.save();\n  }\n}', "item.save(", "item.save()", "rows"),
    // Sequelize's rows of a traced model, updated or destroyed one by one.
    documentWrite(staleUsers("{ where: { active: true } }"), "user.update(", "user.update()", "users", "Sequelize", "one `update(values, { where: { id: ids } })`"),
    documentWrite(staleUsers("{ where: { active: true }, raw: false }", "await user.destroy();"), "user.destroy(", "user.destroy()", "users", "Sequelize", "one `destroy({ where: { id: ids } })`"),
    // A Sequelize row each element looks up by its key, then saves.
    {
      code: `${SEQUELIZE_USERS}export async function touch(ids) {\n  for (const id of ids) {\n    const user = await User.findByPk(id);\n    user.lastSeen = new Date();\n    await user.save();\n  }\n}`,
      errors: [
        { messageId: "queryInLoop", line: 6, column: 24 },
        { messageId: "writeInLoop", line: 8, column: 11, data: { call: "user.save()", library: "Sequelize", collection: "ids", batched: "one `bulkCreate(rows)` or `update(values, { where: { id: ids } })`" } },
      ],
    },
    // Valid neighbours (akefdajani's permission overrides): a collection the caller gives, a test of the value, a test after the query, the other branch, a list whose elements may repeat.
    invalid(permissionOverrides(`    if (!allowed.includes(key)) continue;\n${OVERRIDE_WRITE}`), "pool.query(", "writeInLoop"),
    invalid(permissionOverrides(`    if (!ALL_PERMISSION_KEYS.includes(value)) continue;\n${OVERRIDE_WRITE}`), "pool.query(", "writeInLoop"),
    invalid(permissionOverrides(`${OVERRIDE_WRITE}\n    if (!ALL_PERMISSION_KEYS.includes(key)) continue;`), "pool.query(", "writeInLoop"),
    invalid(permissionOverrides(`    if (ALL_PERMISSION_KEYS.includes(key)) {\n      log(key);\n    } else {\n  ${OVERRIDE_WRITE}\n    }`), "pool.query(", "writeInLoop"),
    invalid(permissionOverrides(`    if (!ALL_PERMISSION_KEYS.includes(key)) continue;\n${OVERRIDE_WRITE}`, "incoming.pairs"), "pool.query(", "writeInLoop"),
    invalid(permissionOverrides(`    if (typeof dayMap[key] === "undefined") continue;\n${OVERRIDE_WRITE}`, "Object.entries(incoming)", "const dayMap = { sun: 0, mon: 1 };\n"), "pool.query(", "writeInLoop"),
    // Valid neighbours (blood-donation-center-be): a module not of constants, what a function of one returns.
    invalid(tenantTemplates("./email-templates-data"), "pool.query(", "writeInLoop"),
    invalid(tenantTemplates("./email-templates-data", "emailTemplates"), "pool.query(", "writeInLoop"),
    invalid(`${PG}const templates = require("../data/email-templates-data");\nexport async function seed(tenantId) {\n  for (const template of templates) await pool.query("INSERT INTO templates (tenant_id, name) VALUES ($1, $2)", [tenantId, template.name]);\n}`, "pool.query(", "writeInLoop"),
    invalid(tenantTemplates("./constants", "await loadTemplates()"), "pool.query(", "writeInLoop"),
    // natidamelo's task cleanup: the same delete in both branches of an `if`, one report.
    { code: sessionDeletes("NurseTask.findByIdAndDelete(task._id)"), errors: [{ messageId: "writeInLoop", line: 6, column: 13 }] },
    // Valid neighbour (New-Life-clinic): another write in the other branch is another statement to batch.
    {
      code: sessionDeletes("NurseTask.findByIdAndUpdate(task._id, { done: true })"),
      errors: [
        { messageId: "writeInLoop", line: 6, column: 13 },
        { messageId: "writeInLoop", line: 8, column: 13 },
      ],
    },
    // akefdajani utils/contractInvoiceReminderEngine.js: the same statement in two branches of an `else if` chain, one report.
    {
      code: `${PG}export async function remind(invoices) {\n  for (const invoice of invoices) {\n    const sent = await send(invoice);\n    if (sent) {\n      await pool.query("UPDATE invoices SET reminded_at = NOW() WHERE id = $1", [invoice.id]);\n    } else if (!invoice.phone) {\n      await pool.query("UPDATE invoices SET reminded_at = NOW() WHERE id = $1", [invoice.id]);\n    }\n  }\n}`,
      errors: [{ messageId: "writeInLoop", line: 7, column: 13 }],
    },
    // Valid neighbours: another statement, or another table, in the other branch.
    {
      code: `${PG}export async function remind(invoices) {\n  for (const invoice of invoices) {\n    if (invoice.sent) {\n      await pool.query("UPDATE invoices SET reminded_at = NOW() WHERE id = $1", [invoice.id]);\n    } else {\n      await pool.query("INSERT INTO reminders (invoice_id) VALUES ($1)", [invoice.id]);\n    }\n  }\n}`,
      errors: [
        { messageId: "writeInLoop", line: 6, column: 13 },
        { messageId: "writeInLoop", line: 8, column: 13 },
      ],
    },
    {
      code: 'import knex from "knex";\nconst db = knex({});\nexport async function load(shifts) {\n  for (const shift of shifts) {\n    if (shift.kind === "staff") await db("staff_drafts").where({ shift_id: shift.id });\n    else await db("device_drafts").where({ shift_id: shift.id });\n  }\n}',
      errors: [
        { messageId: "queryInLoop", line: 5, column: 39 },
        { messageId: "queryInLoop", line: 6, column: 16 },
      ],
    },
    // New-Life-clinic backend/controllers/labOrderController.js: the same lookup in two branches of an `else if` chain, one report.
    {
      code: 'import mongoose from "mongoose";\nconst Patient = mongoose.model("Patient", schema);\nexport async function load(orders) {\n  for (const { patientId } of orders) {\n    if (patientId?._id) await Patient.findById(patientId._id);\n    else if (String(patientId).startsWith("P")) await Patient.findOne({ patientId });\n    else await Patient.findById(patientId);\n  }\n}',
      errors: [
        { messageId: "queryInLoop", line: 5, column: 31 },
        { messageId: "queryInLoop", line: 6, column: 55 },
      ],
    },
    // OsamaZerkawi Property-Management-System-BackEnd reminder.service.ts: the same update in an `if` that leaves and after it, and in a `try` and its `catch`, one report.
    { code: reminderLogs("continue"), errors: [{ messageId: "writeInLoop", line: 8, column: 13 }] },
    // Valid neighbour: before a `return` the update runs once, and the ones after it are per element.
    { code: reminderLogs("return"), errors: [{ messageId: "writeInLoop", line: 13, column: 13 }] },
    // Valid neighbours: an `if` that may fall through (the `try` and its `catch` still one), the `finally` that runs after either, another table.
    {
      code: reminderLogs("log.skip = true"),
      errors: [
        { messageId: "writeInLoop", line: 8, column: 13 },
        { messageId: "writeInLoop", line: 13, column: 13 },
      ],
    },
    {
      code: reminderLogs("log.skip = true", "finally"),
      errors: [
        { messageId: "writeInLoop", line: 8, column: 13 },
        { messageId: "writeInLoop", line: 13, column: 13 },
        { messageId: "writeInLoop", line: 15, column: 13 },
      ],
    },
    {
      code: reminderLogs("continue").replace("logRepo.update(log.id, { sent: true })", "noticeRepo.update(log.id, { sent: true })"),
      errors: [
        { messageId: "writeInLoop", line: 8, column: 13 },
        { messageId: "writeInLoop", line: 13, column: 13 },
      ],
    },
    // Valid neighbour: after an `if` with an `else`, the code runs after the `else` too.
    {
      code: reminderLogs("continue").replace("    try {", "    else log.skip = true;\n    try {").replace("      await notify(log);\n", ""),
      errors: [
        { messageId: "writeInLoop", line: 8, column: 13 },
        { messageId: "writeInLoop", line: 13, column: 13 },
      ],
    },
    // Valid neighbour: a call before the `if` that leaves runs for every element too.
    {
      code: `${TYPEORM_REPOS}export async function sweep(logs) {\n  for (const log of logs) {\n    await logRepo.update(log.id, { seen: true });\n    if (log.done) continue;\n    await logRepo.update(log.id, { sent: true });\n  }\n}`,
      errors: [
        { messageId: "writeInLoop", line: 7, column: 11 },
        { messageId: "writeInLoop", line: 9, column: 11 },
      ],
    },
    {
      code: `${TYPEORM_REPOS}export async function sweep(logs) {\n  for (const log of logs) {\n    await logRepo.update(log.id, { seen: true });\n    if (log.done) {\n      await logRepo.update(log.id, { sent: true });\n      continue;\n    }\n  }\n}`,
      errors: [
        { messageId: "writeInLoop", line: 7, column: 11 },
        { messageId: "writeInLoop", line: 9, column: 13 },
      ],
    },
    // Valid neighbours (EaseMySalon's confirmations): a branch that does not take the value, a test of another value, or of a string.
    invalid(resolveClient('if (typeof appointment.clientId === "object") log(appointment.clientId);'), "resolveClient(appointment));", "queryInLoopViaCall"),
    invalid(resolveClient('if (appointment.notes && typeof appointment.clientId === "object") return appointment.clientId;'), "resolveClient(appointment));", "queryInLoopViaCall"),
    invalid(resolveClient('if (typeof appointment.clientId !== "object") return appointment.clientId;'), "resolveClient(appointment));", "queryInLoopViaCall"),
    invalid(populatedClients('    if (typeof appointment.clientId === "object") log(appointment.clientId);\n    else client = await Client.findById(appointment.clientId);'), "Client.findById(", "queryInLoop"),
    invalid(populatedClients('    if (typeof appointment.clientId === "object" && defaults.name) client = appointment.clientId;\n    else client = await Client.findById(appointment.clientId);'), "Client.findById(", "queryInLoop"),
    invalid(populatedClients('    if (typeof defaults.client === "object") client = defaults.client;\n    else client = await Client.findById(appointment.clientId);'), "Client.findById(", "queryInLoop"),
    invalid(populatedClients('    if (typeof appointment.clientId === "string") client = appointment.clientId;\n    else client = await Client.findById(appointment.clientId);'), "Client.findById(", "queryInLoop"),
    invalid(populatedClients('    if (typeof appointment.clientId === "object") client = appointment.clientId;\n    client = await Client.findById(appointment.clientId);'), "Client.findById(", "queryInLoop"),
    // Valid neighbour (Myte-Cody Mytegroup financial-kpi.service.ts): the memo keyed by the loop's own key over a Map's entries saves nothing.
    invalid(
      `${PG}export async function report(invoicesByProperty: Map<string, number>) {\n  const expenseMap = new Map();\n  for (const [propertyId, amount] of invoicesByProperty.entries()) {\n    if (expenseMap.has(propertyId)) expenseMap.get(propertyId).expense += amount;\n    else {\n      const property = await pool.query("SELECT * FROM properties WHERE id = $1", [propertyId]);\n      expenseMap.set(propertyId, { expense: amount, property });\n    }\n  }\n}`,
      "pool.query(",
      "queryInLoop",
    ),
    invalid(
      `${PG}export async function report(byId: Record<string, number>) {\n  const seen = new Map();\n  for (const id of Object.keys(byId)) {\n    let row = seen.get(id);\n    if (!row) {\n      row = await pool.query("SELECT * FROM properties WHERE id = $1", [id]);\n      seen.set(id, row);\n    }\n  }\n}`,
      "pool.query(",
      "queryInLoop",
    ),
    invalid(
      `${PG}export async function report(byId: Record<string, number>) {\n  const seen = new Map();\n  for (const id of Object.keys(byId)) {\n    if (seen.has(id)) continue;\n    const row = await pool.query("SELECT * FROM properties WHERE id = $1", [id]);\n    seen.set(id, row);\n  }\n}`,
      "pool.query(",
      "queryInLoop",
    ),
    // Valid neighbour (billjansen-ops Loyalty-Demo pointers.js): a savepoint in another branch marks that branch's work only.
    invalid(
      `${PG}export async function apply(client, results) {\n  for (const result of results) {\n    if (result.type === "external") {\n      if (client) await client.query("SAVEPOINT ext_dispatch");\n    } else {\n      await client.query("INSERT INTO activity_molecules (value) VALUES ($1)", [result.id]);\n    }\n  }\n}`,
      'client.query("INSERT',
      "writeInLoop",
    ),
    // Valid neighbours (salon_mgm_backend's import): an array's slot, an object made with entries, another key stored, a memo made per element.
    invalid(categoryImport("const slots = [];", "slots[row.index]", "slots[row.index] = categoryId"), "pool.query(", "writeInLoop"),
    invalid(categoryImport("const categoryMap = { spa: 1 };", "categoryMap[row.category]", "categoryMap[row.category] = categoryId"), "pool.query(", "writeInLoop"),
    invalid(categoryImport("const categoryMap = {};", "categoryMap[row.category]", "categoryMap[row.name] = categoryId"), "pool.query(", "writeInLoop"),
    invalid(categoryImport("const categoryMap = {};", "(categoryMap[row.category] = row.flag)", "categoryMap[row.category] = categoryId"), "pool.query(", "writeInLoop"),
    // Valid neighbours (xtm888 medflow-clinic models/Invoice.js): a total per category accumulates, it keeps no query's result.
    invalid(categoryImport("const categoryMap = {};", "categoryMap[row.category]", "categoryMap[row.category] += categoryId"), "pool.query(", "writeInLoop"),
    invalid(categoryImport("const categoryMap = {};", "categoryMap[row.category]", "categoryMap[row.category] = categoryMap[row.category] + categoryId"), "pool.query(", "writeInLoop"),
    invalid(categoryImport("", "categoryMap[row.category]", "categoryMap[row.category] = categoryId").replace("    let categoryId;", "    const categoryMap = {};\n    let categoryId;"), "pool.query(", "writeInLoop"),
    // Valid neighbours (Avy-ERP's tenant crons): one handle for all the elements, a name that is no handle.
    invalid(tenantSchemas("await getTenantDbForCompany(tenantId)"), "tenantDb.employee.findMany(", "queryInLoop"),
    invalid(tenantSchemas("await getTenantDbForCompany(company.id)", "tenant"), "tenant.employee.findMany(", "queryInLoop"),
    // Valid neighbour (loanserve's retention tables): a static field not named as a constant may be written at run time.
    invalid(retentionTables("RetentionService.retention"), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "tables", batched: "one query with `WHERE id = ANY($1)` and the array of ids" }),
    // Valid neighbour (zyrix's admin bootstrap): a string the caller gives splits into as many emails as it holds.
    invalid(adminBootstrap("input: string", 'input.split(",")'), "prisma.user", "queryInLoop", {}, ADMIN_DATA),
    invalid(adminBootstrap("req: { query: { emails: string } }", 'req.query.emails.split(",")'), "prisma.user", "queryInLoop", {}, ADMIN_DATA),
    invalid(adminBootstrap("input: string", '(process.env.ADMIN_EMAILS ?? input).split(",")'), "prisma.user", "queryInLoop", {}, ADMIN_DATA),
    invalid(adminBootstrap("", 'raw.split(",")', "  let raw = process.env.ADMIN_EMAILS || \"\";\n  raw += readExtra();\n"), "prisma.user", "queryInLoop", {}, ADMIN_DATA),
    // Valid neighbour (zyrix's admin bootstrap): a list the caller gives, mapped, is as long as it was.
    invalid(adminBootstrap("input: string[]", "input.map((e) => e.toLowerCase())"), "prisma.user", "queryInLoop", {}, ADMIN_DATA),
    // Valid neighbour (SSO_Cancer's prefix lookup): a list of codes, one query per element.
    invalid(prefixLookup("code: string[]", "", "code[len - 1]"), "prisma.siteMap", "queryInLoop", {}, PREFIX_DATA),
    // Valid neighbour (SSO_Cancer's prefix lookup): `slice` of a list is a list.
    invalid(prefixLookup("codes: string[]", "  const code = codes.slice(1);\n", "code[len - 1]"), "prisma.siteMap", "queryInLoop", {}, PREFIX_DATA),
    // Valid neighbour (SSO_Cancer's prefix lookup): a parameter of unknown type may be a list.
    invalid(prefixLookup("code", ""), "prisma.siteMap", "queryInLoop", { filename: "file.js" }, PREFIX_DATA),
    // Valid neighbour (a loop over a string literal): a list of initials given by the caller.
    invalid(`${PRISMA}export async function letters(initials: string[]) {\n  for (const letter of initials) await prisma.author.findMany({ where: { initial: letter } });\n}`, "prisma.author", "queryInLoop", {}, { ...PREFIX_DATA, call: "prisma.author.findMany()", collection: "initials" }),
    // SQL in drizzle's tagged template: drizzle's batched form, not a driver's placeholders.
    invalid(taggedUpdate('import { sql } from "drizzle-orm";\n'), "tx.execute(", "writeInLoop", {}, { call: "tx.execute()", library: "SQL", collection: "ids", batched: "one `insert(table).values(rows).onConflictDoUpdate({ target: table.id, set: … })`" }),
    // A tag of unknown origin: no driver's form is suggested.
    invalid(taggedUpdate('import { sql } from "./sql";\n'), "tx.execute(", "writeInLoop", {}, { call: "tx.execute()", library: "SQL", collection: "ids", batched: "one multi-row statement" }),
    // Valid neighbour (jitsu mixpanel.ts): the same loop with the client from a module that is no SQL-like API's.
    invalid(adsSync("./ads-db"), "customer.query(", "queryInLoop", {}, { call: "customer.query()", library: "SQL", collection: "days", batched: "one query with `WHERE id IN (?)` and the array of ids" }),
    // Valid neighbour (corona-school's grade promotion): more elements than a calendar has.
    invalid(gradePromotion("100"), "prisma.pupil.updateMany(", "writeInLoop"),
    // Valid neighbour (corona-school's grade promotion): a length the caller gives.
    invalid(gradePromotion("count").replace("promote()", "promote(count)"), "prisma.pupil.updateMany(", "writeInLoop"),
    // Valid neighbour (corona-school's grade promotion): `length` beside another key is no written length.
    invalid(gradePromotion("12, ...extra"), "prisma.pupil.updateMany(", "writeInLoop"),
    // Valid neighbour (TicketToken's Stripe Connect transfers): a getter of the application's own client, whose calls may be database calls.
    invalid(connectTransfers('import { Payments } from "./payments";', "Payments"), "db.query(", "writeInLoop"),
    // Valid neighbour (Megagig's escalation rules): a rule any caller may add.
    invalid(escalationRules("  addRule(rule: { priority: string; hours: number }) {\n    this.escalationRules.push(rule);\n  }\n"), "SupportTicket.find(", "queryInLoop"),
    // Valid neighbour (Megagig's escalation rules): the list handed to a function that may fill it.
    invalid(escalationRules("  load() {\n    loadRules(this.escalationRules);\n  }\n"), "SupportTicket.find(", "queryInLoop"),
    // Valid neighbour (Megagig's escalation rules): the list of another instance, filled through it.
    invalid(escalationRules("  adopt(other: SupportTicketService, rules: { priority: string; hours: number }[]) {\n    other.escalationRules = rules;\n  }\n"), "SupportTicket.find(", "queryInLoop"),
    // Valid neighbour (TicketToken's tax jurisdictions): filled in a callback of the rows' `forEach`.
    invalid(limiterRegistry("rows.forEach((row) => {\n      this.limiters.set(row.name, { max: row.max });\n    });"), "this.pool.query(", "writeInLoop"),
    // Valid neighbour (TicketToken's rate limiters): a registry filled from the rows the constructor is given.
    invalid(limiterRegistry("for (const row of rows) this.limiters.set(row.name, { max: row.max });"), "this.pool.query(", "writeInLoop"),
    // Valid neighbour (TicketToken's rate limiters): a registry a public method also fills.
    invalid(limiterRegistry(RATE_LIMIT_FILL, "  register(name: string, max: number) {\n    this.limiters.set(name, { max });\n  }\n"), "this.pool.query(", "writeInLoop"),
    // Valid neighbour (TicketToken's rate limiters): the filling method also called outside the constructor, on each reload.
    invalid(limiterRegistry(RATE_LIMIT_FILL, "  reload(rows: { name: string; max: number }[]) {\n    this.initializeLimiters(rows);\n  }\n"), "this.pool.query(", "writeInLoop"),
    // TicketToken's ticket reservations: a change of each row by its own amount, which an upsert would overwrite.
    invalid(stockTaken('db("ticket_types").where("id", item.ticketTypeId).where("available_quantity", ">=", item.quantity).update({ available_quantity: db.raw("available_quantity - ?", [item.quantity]) })'), "db(\"ticket_types\")", "writeInLoop", {}, { ...KNEX_ITEMS, batched: RELATIVE_FORM }),
    invalid(stockTaken('db("ticket_types").where("id", item.ticketTypeId).decrement("available_quantity", item.quantity)'), "db(\"ticket_types\")", "writeInLoop", {}, { ...KNEX_ITEMS, call: "db(\"ticket_types\")….decrement()", batched: RELATIVE_FORM }),
    // Valid neighbour (TicketToken's ticket reservations): values of each row's own, which an upsert writes.
    invalid(stockTaken('db("ticket_types").where("id", item.ticketTypeId).update({ available_quantity: item.quantity, name: item.name })'), "db(\"ticket_types\")", "writeInLoop", {}, { ...KNEX_ITEMS, batched: "one `insert(rows).onConflict('id').merge()`" }),
    // Valid neighbour (TicketToken's ticket reservations): raw SQL text that is no change of a column by an amount.
    invalid(stockTaken('db("ticket_types").where("id", item.ticketTypeId).update({ available_quantity: db.raw("GREATEST(?, 0)", [item.quantity]) })'), "db(\"ticket_types\")", "writeInLoop", {}, { ...KNEX_ITEMS, batched: "one `insert(rows).onConflict('id').merge()`" }),
    // TicketToken's ticket reservations in SQL: `SET x = x - ?` through mysql2.
    invalid(
      'import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\nexport async function reserve(items) {\n  for (const item of items) await pool.query("UPDATE ticket_types SET available_quantity = available_quantity - ? WHERE id = ?", [item.quantity, item.id]);\n}',
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "mysql2", collection: "items", batched: RELATIVE_FORM },
    ),
    // burucburcan technician-marketplace-backend packages/backend/src/modules/search/search.service.ts: a count of each professional's portfolio is one grouped count.
    invalid(portfolioCounts("this.portfolioRepository.count({ where: { professionalId: professional.id } })"), "this.portfolioRepository.count(", "queryInLoop", {}, {
      call: "this.portfolioRepository.count()",
      library: "TypeORM",
      collection: "professionals",
      batched: "one query builder with `where('key IN (:...keys)', { keys })`, `groupBy('key')` and `COUNT(*)`, a count for each key",
    }),
    // Valid neighbour (technician-marketplace's search): the portfolio items themselves are fetched with `In(ids)`.
    invalid(portfolioCounts("this.portfolioRepository.find({ where: { professionalId: professional.id } })"), "this.portfolioRepository.find(", "queryInLoop", {}, {
      call: "this.portfolioRepository.find()",
      library: "TypeORM",
      collection: "professionals",
      batched: "one `findBy({ id: In(ids) })`",
    }),
    // Knex's `count()` anywhere in the chain, before its `where`.
    invalid('import knex from "knex";\nconst db = knex({});\nexport async function counts(posts) {\n  for (const post of posts) show(await db("comments").count("* as n").where("post_id", post.id));\n}', "db(\"comments\")", "queryInLoop", { filename: "file.js" }, {
      call: "db(\"comments\").count(\"* as n\").where()",
      library: "Knex",
      collection: "posts",
      batched: "one `.select('key').count('* as n').whereIn('key', keys).groupBy('key')`, a count for each key",
    }),
    // Prisma's count per element is one `groupBy` with `_count`.
    invalid(`${PRISMA}export async function counts(posts: { id: string }[]) {\n  for (const post of posts) show(await prisma.comment.count({ where: { postId: post.id } }));\n}`, "prisma.comment.count(", "queryInLoop", {}, {
      call: "prisma.comment.count()",
      library: "Prisma",
      collection: "posts",
      batched: "one `groupBy({ by: ['key'], where: { key: { in: keys } }, _count: true })`, a count for each key",
    }),
    // omegathesecond carrot-tickets-api src/services/transcode.client.ts: an `updateOne` per stuck upload is told Mongoose's update of all the ids, not an `insertMany`.
    invalid(stuckUploads('Update.updateOne({ _id: u._id }, { $set: { status: "failed" } })'), "Update.updateOne(", "writeInLoop", {}, { call: "Update.updateOne()", library: "Mongoose", collection: "stuck", batched: "one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`" }),
    // Valid neighbour (carrot-tickets' uploads): a document made per element is told `insertMany`.
    invalid(stuckUploads('Update.create({ upload: u._id, status: "failed" })'), "Update.create(", "writeInLoop", {}, { call: "Update.create()", library: "Mongoose", collection: "stuck", batched: "one `insertMany(docs)`" }),
    // matrix-delivery's driver locations: the latest row of each driver, which `= ANY($1)` alone would return with the driver's whole history.
    invalid(latestLocations(LATEST_LOCATION), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "bids", batched: PG_FIRST_ROW }),
    invalid(latestLocations(LATEST_LOCATION, 'import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\n'), "pool.query(", "queryInLoop", {}, {
      call: "pool.query()",
      library: "mysql2",
      collection: "bids",
      batched: "one query over `WHERE key IN (?)` that keeps the first row of each key, `ROW_NUMBER() OVER (PARTITION BY key ORDER BY …) = 1` (`IN (?)` alone returns all their rows)",
    }),
    // Valid neighbours (matrix-delivery's driver locations): a row of no order, a `LIMIT 1` of a subquery, a first row past an offset.
    invalid(latestLocations("SELECT latitude FROM driver_locations WHERE driver_id = $1 LIMIT 1"), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "bids", batched: PG_BATCHED }),
    invalid(latestLocations("SELECT d.name, (SELECT latitude FROM driver_locations l WHERE l.driver_id = d.id ORDER BY timestamp DESC LIMIT 1) FROM drivers d WHERE d.id = $1"), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "bids", batched: PG_BATCHED }),
    invalid(latestLocations("SELECT latitude FROM driver_locations WHERE driver_id = $1 ORDER BY timestamp DESC LIMIT 1 OFFSET 1"), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "bids", batched: PG_BATCHED }),
    // Shuvmarg's next trips: Mongoose's `findOne(…).sort(…)`, or its `sort` option, keeps the first trip of each schedule.
    invalid(nextTrips('Trip.findOne({ scheduleId: sched._id, status: "scheduled" })\n      .sort({ tripDate: 1 })\n      .select("tripDate")'), "Trip.findOne(", "queryInLoop", {}, { call: "Trip.findOne()", library: "Mongoose", collection: "schedules", batched: MONGOOSE_FIRST_ROW }),
    invalid(nextTrips("Trip.findOne({ scheduleId: sched._id }, null, { sort: { tripDate: 1 } })"), "Trip.findOne(", "queryInLoop", {}, { call: "Trip.findOne()", library: "Mongoose", collection: "schedules", batched: MONGOOSE_FIRST_ROW }),
    // Valid neighbours (Shuvmarg's next trips): a trip of no order, an order of another call than the query's chain, all the trips in order.
    invalid(nextTrips('Trip.findOne({ scheduleId: sched._id }).select("tripDate")'), "Trip.findOne(", "queryInLoop", {}, { call: "Trip.findOne()", library: "Mongoose", collection: "schedules", batched: "one `find({ _id: { $in: ids } })`" }),
    invalid(nextTrips("Trip.find({ scheduleId: sched._id }).sort({ tripDate: 1 })"), "Trip.find(", "queryInLoop", {}, { call: "Trip.find()", library: "Mongoose", collection: "schedules", batched: "one `find({ _id: { $in: ids } })`" }),
    invalid(nextTrips("Trip.findOne({ scheduleId: sched._id }).then((trip) => [trip].sort(byDate))"), "Trip.findOne(", "queryInLoop", {}, { call: "Trip.findOne()", library: "Mongoose", collection: "schedules", batched: "one `find({ _id: { $in: ids } })`" }),
    // masumi's wallet budgets: Prisma's `findFirst` with `orderBy` keeps the newest budget of each wallet; without it, any one.
    invalid(walletBudgets('{ where: { walletId: wallet.id }, orderBy: { createdAt: "desc" } }'), "prisma.walletBudget.findFirst(", "queryInLoop", {}, {
      call: "prisma.walletBudget.findFirst()",
      library: "Prisma",
      collection: "wallets",
      batched: "one `findMany({ where: { key: { in: keys } }, orderBy, distinct: ['key'] })`, which keeps the first row of each key (`in` alone returns all their rows)",
    }),
    invalid(walletBudgets("{ where: { walletId: wallet.id } }"), "prisma.walletBudget.findFirst(", "queryInLoop", {}, { call: "prisma.walletBudget.findFirst()", library: "Prisma", collection: "wallets", batched: "one `findMany({ where: { id: { in: ids } } })`" }),
    // Amr1977 matrix-delivery backend/repositories/marketplaceOrderRepository.js: node-postgres's per-row form would overwrite each item's stock, not take from it.
    invalid(
      `${PG}export async function deduct(items: { id: number; quantity: number }[]) {\n  for (const item of items) await pool.query("UPDATE items SET inventory_quantity = inventory_quantity - $1 WHERE id = $2 AND inventory_quantity >= $1", [item.quantity, item.id]);\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "items", batched: PG_RELATIVE_FORM },
    ),
    // Valid neighbour (matrix-delivery's stock): values of each row's own, which `SET x = v.x` writes.
    invalid(
      `${PG}export async function deduct(items: { id: number; quantity: number }[]) {\n  for (const item of items) await pool.query("UPDATE items SET inventory_quantity = $1 WHERE id = $2", [item.quantity, item.id]);\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "items", batched: PG_PER_ROW },
    ),
    // matrix-delivery backend/services/eventBus.js: the helper's UPDATE gives each event values of its own, which one `UPDATE … WHERE id = ANY` cannot.
    invalid(eventDelivery("event"), "this.markDelivered", "queryInLoopViaCall", {}, { ...EVENT_DELIVERY, batched: PG_PER_ROW }),
    // Valid neighbour (matrix-delivery's events): only the key comes from the element, the other value is the same for every row.
    invalid(eventDelivery("event.id, 1", "eventId: string, attempts: number", "attempts, eventId"), "this.markDelivered", "queryInLoopViaCall", {}, { ...EVENT_DELIVERY, batched: PG_UPDATE_BATCHED }),
    // matrix-delivery backend/app.js: a helper's INSERT, one notification per user, is told a multi-row insert only.
    invalid(
      `${PG}async function notify(userId: string, title: string) {\n  await pool.query("INSERT INTO notifications (user_id, title) VALUES ($1, $2)", [userId, title]);\n}\nexport async function verifyAll(users: { id: string }[]) {\n  for (const user of users) await notify(user.id, "Verified");\n}`,
      "notify(user.id",
      "queryInLoopViaCall",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "users", batched: PG_INSERT_BATCHED, callee: "notify", line: "4" },
    ),
    // develoddy's metrics: named replacements are Sequelize's, whose raw form works in every dialect (it was told pg's `= ANY($1)`).
    invalid(moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module = :moduleKey", "{ replacements: { moduleKey } }"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics(SEQUELIZE_RAW_COUNT)),
    // Valid neighbour (develoddy's metrics): rows of each module, not a count, take the raw list form.
    invalid(moduleMetrics("SELECT * FROM tracking_events WHERE module = :moduleKey", "{ replacements: { moduleKey } }"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics(SEQUELIZE_RAW_READ)),
    // Valid neighbour (develoddy's metrics): a count already grouped is no count per key.
    invalid(moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module = $1 GROUP BY day", "[moduleKey]"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics(PG_BATCHED)),
    // Valid neighbour (develoddy's metrics): the options held by a `const` are read too.
    invalid(moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module = :moduleKey", "options", "    const options = { replacements: { moduleKey } };\n"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics(SEQUELIZE_RAW_COUNT)),
    // Valid neighbour (develoddy's metrics): Sequelize's `bind` with `$1` is Sequelize's too.
    invalid(moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module = $1", "{ bind: [moduleKey] }"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics(SEQUELIZE_RAW_COUNT)),
    // Valid neighbour (develoddy's metrics): a delete, with the raw form of a delete.
    invalid(moduleMetrics("DELETE FROM tracking_events WHERE module = :moduleKey", "{ replacements: { moduleKey } }"), "sequelize.query(", "writeInLoop", { filename: "file.js" }, rawMetrics("one `DELETE … WHERE id IN (:ids)` with `replacements: { ids }`")),
    // Valid neighbour (develoddy's metrics): a plain list of values names no library; its `?` is mysql2's.
    invalid(moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module = ?", "[moduleKey]"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics("one `SELECT key, COUNT(*) … WHERE key IN (?) GROUP BY key`, a count for each key")),
    // Valid neighbour (develoddy's metrics): an option spread or computed says nothing; `$1` is node-postgres's.
    invalid(moduleMetrics("SELECT COUNT(*) AS n FROM tracking_events WHERE module = $1", "{ ...defaults, [key]: [moduleKey] }"), "sequelize.query(", "queryInLoop", { filename: "file.js" }, rawMetrics(PG_COUNT)),
    // A Sequelize instance the file makes: SQL text through its `query` gets the raw form, not `findAll`'s.
    invalid('import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize("mysql://localhost/app");\nexport async function touch(ids) {\n  for (const id of ids) await sequelize.query("UPDATE users SET seen_at = NOW() WHERE id = ?", { replacements: [id] });\n}', "sequelize.query(", "writeInLoop", { filename: "file.js" }, {
      call: "sequelize.query()",
      library: "Sequelize",
      collection: "ids",
      batched: "one `UPDATE … WHERE id IN (:ids)` with `replacements: { ids }`",
    }),
    // The neighbour of teable's cumulative group-by: the element itself, or a slice that does not start at the list's head, is per element.
    invalid(groupByLevels("groupBy[i]"), "db(", "queryInLoop"),
    invalid(groupByLevels("groupBy.slice(i, i + 1)"), "db(", "queryInLoop"),
    // Valid neighbour (migrationScript): the same loop in an exported function, which a request may call.
    invalid(migrationScript("export async function main()", ""), "prisma.link.update(", "writeInLoop"),
    // Valid neighbours (insert-data.js): a callback that an event, a timer or a route runs many times, or a `then` in a function others may call.
    ...[
      'process.on("message", () => {\n  main();\n});',
      "setInterval(() => main(), 60_000);",
      'app.get("/links", () => main());',
      "export function start() {\n  prisma.$connect().then(() => main());\n}",
      "prisma.$connect().then(() => {\n  main();\n  main();\n});",
    ].map((call) => invalid(migrationScript("async function main()", call), "prisma.link.update(", "writeInLoop")),
    // The only evidence is a one-library name in a helper defined after the loop: calls are judged at the end of the file.
    invalid(
      "async function all(ids) { for (const id of ids) await load(id); }\nasync function load(id) { return Document.findByPk(id); }",
      "load(id)",
      "queryInLoopViaCall",
    ),
    // The same loop outside a test file.
    {
      code: perRowAssertion,
      errors: [
        {
          messageId: "queryInLoop",
          line: 5,
          column: 23,
          data: { call: "prisma.taskRun.findUniqueOrThrow()", library: "Prisma", collection: "runs", batched: "one `findMany({ where: { id: { in: ids } } })`" },
        },
      ],
    },
    // --- node-postgres -----------------------------------------------------------------------
    invalid(
      `${PG}async function search(hits) {\n  return Promise.all(hits.map(async (hit) => {\n    const res = await pool.query("SELECT * FROM products WHERE id = $1", [hit._id]);\n    return res.rows[0];\n  }));\n}`,
      "pool.query(",
      "queryInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "hits", batched: PG_BATCHED },
    ),
    // The seed in JavaScript, the client untraced: recognised by its SQL text.
    invalid(
      `class SearchService {\n  constructor(database) { this.db = database; }\n  async search(results) {\n    return Promise.all(results.hits.hits.map(async (hit) => {\n      const dbData = await this.db.query("SELECT * FROM products WHERE id = $1", [hit._id]);\n      return dbData.rows[0];\n    }));\n  }\n}`,
      "this.db.query(",
      "queryInLoop",
      { filename: "file.js" },
      { call: "this.db.query()", library: "SQL", collection: "results.hits.hits", batched: PG_BATCHED },
    ),
    invalid(`${PG}async function f(ids) {\n  for (const id of ids) await pool.query("SELECT * FROM t WHERE id = $1", [id]);\n}`, "pool.query(", "queryInLoop"),
    // rht-hotel's updatePlansOrder: values per row in a \`const\` the call names ask for the per-row form, as when written in the call.
    invalid(plansOrder('const values = [plan.order, plan.id];\n    await client.query("UPDATE plans SET display_order = $1 WHERE id = $2", values);'), "client.query(", "writeInLoop", { filename: "file.js" }, untracedSql("plans", PG_PER_ROW)),
    invalid(plansOrder('await client.query("UPDATE plans SET display_order = $1 WHERE id = $2", [plan.order, plan.id]);'), "client.query(", "writeInLoop", { filename: "file.js" }, untracedSql("plans", PG_PER_ROW)),
    // Its neighbour: one value of the element, the key, takes one \`UPDATE … WHERE id = ANY\`.
    invalid(plansOrder('const values = [plan.id];\n    await client.query("UPDATE plans SET hidden = true WHERE id = $1", values);'), "client.query(", "writeInLoop", { filename: "file.js" }, untracedSql("plans", PG_UPDATE_BATCHED)),
    // rht-hotel's daily metrics job: an \`INSERT … SELECT\` per hotel batches as one \`INSERT … SELECT\` over every key, not as rows given in \`VALUES\`.
    invalid(`${PG}export async function refresh(hotels: { id: number }[]) {\n  for (const hotel of hotels) {\n    await pool.query("INSERT INTO daily_metrics (hotel_id, total) SELECT hotel_id, sum(price) FROM rates WHERE hotel_id = $1 GROUP BY hotel_id", [hotel.id]);\n  }\n}`, "pool.query(", "writeInLoop", {}, {
      call: "pool.query()",
      library: "node-postgres (pg)",
      collection: "hotels",
      batched: "one `INSERT … SELECT` whose `SELECT` takes every key at once (`WHERE id = ANY($1)`, or a join on `unnest($1)`)",
    }),
    invalid(`${PG}export async function refresh(hotels: { id: number }[]) {\n  for (const hotel of hotels) {\n    await pool.query("INSERT INTO daily_metrics (hotel_id, total) VALUES ($1, (SELECT sum(price) FROM rates WHERE hotel_id = $1))", [hotel.id]);\n  }\n}`, "pool.query(", "writeInLoop", {}, {
      call: "pool.query()",
      library: "node-postgres (pg)",
      collection: "hotels",
      batched: PG_INSERT_BATCHED,
    }),
    // Its mysql2 neighbour: \`INSERT … SET ?\` gives the row itself.
    invalid('import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\nexport async function log(events) {\n  for (const event of events) await pool.query("INSERT INTO events SET ?", [event]);\n}', "pool.query(", "writeInLoop", {}, {
      call: "pool.query()",
      library: "mysql2",
      collection: "events",
      batched: "one `INSERT … VALUES ?` with an array of rows",
    }),
    // rht-hotel's reservation details: \`WITH … DELETE\` deletes, whatever its first word; a \`WITH\` that only reads, reads.
    invalid(detailsCte("WITH doomed AS (SELECT id FROM reservation_clients WHERE detail_id = $1 LIMIT 1) DELETE FROM reservation_clients WHERE id IN (SELECT id FROM doomed)"), "client.query(", "writeInLoop", { filename: "file.js" }, untracedSql("details", "one `DELETE … WHERE id = ANY($1)`")),
    invalid(detailsCte("WITH moved AS (DELETE FROM reservation_clients WHERE detail_id = $1 RETURNING *) INSERT INTO archived_clients SELECT * FROM moved"), "client.query(", "writeInLoop", { filename: "file.js" }, untracedSql("details", PG_WRITE_BATCHED)),
    invalid(detailsCte("WITH recent AS (SELECT id, updated_at FROM reservation_clients WHERE detail_id = $1) SELECT count(*) FROM recent"), "client.query(", "queryInLoop", { filename: "file.js" }, untracedSql("details", PG_BATCHED)),
    // rht-hotel's saveParkingAssignments: a statement picked per element (a query config, or text) is no list of statements.
    invalid(parkingAssignments(PICK_CONFIG), 'client.query("SELECT capacity', "queryInLoop", { filename: "file.js" }, untracedSql("assignments", PG_BATCHED)),
    invalid(parkingAssignments('    query = assignment.roomId ? "SELECT id FROM reservation_details WHERE room_id = $1" : "SELECT id FROM reservation_details";'), 'client.query("SELECT capacity', "queryInLoop", { filename: "file.js" }),
    // rht-hotel's updatePlanExclusions: the client untraced, its SQL text in a `const` the call names.
    invalid(planExclusions('const insertQuery = "INSERT INTO plan_exclusions (hotel_id, plan_id) VALUES ($1, $2)";'), "client.query(", "writeInLoop", { filename: "file.js" }, untracedSql("planIds", PG_INSERT_BATCHED)),
    invalid(`${PG}async function f(byId) {\n  for (const key in byId) await pool.query("SELECT * FROM t WHERE id = $1", [key]);\n}`, "pool.query(", "queryInLoop"),
    invalid(`${PG}async function f(ids) {\n  for (let i = 0; i < ids.length; i++) await pool.query("SELECT * FROM t WHERE id = $1", [ids[i]]);\n}`, "pool.query(", "queryInLoop"),
    // A `batch` is a list of single items, not of chunks.
    // Valid neighbour (langgraphjs's migration runner): a loop that only writes one row per element.
    invalid(migrationRunner(""), "client.query(", "writeInLoop"),
    // Valid neighbours (kannan19302's extension schema): the element as a value of one statement, in a template, joined by `+`, or through a `const`.
    invalid(extensionDdl("    await prisma.$executeRaw(Prisma.raw(`UPDATE extension_rows SET seen = true WHERE name = '${table}'`));"), "prisma.$executeRaw(", "writeInLoop", {}, {
      call: "prisma.$executeRaw()",
      library: "Prisma",
      collection: "tables",
      batched: "one `$executeRaw` `UPDATE … WHERE id IN (${Prisma.join(ids)})`",
    }),
    invalid(extensionDdl("    await prisma.$executeRaw(Prisma.raw(`UPDATE extension_rows SET seen = true WHERE name = '${table}'` + \" AND 1 = 1\"));"), "prisma.$executeRaw(", "writeInLoop"),
    invalid(extensionDdl("    const update = \"UPDATE extension_rows SET seen = true WHERE name = '\" + table + \"'\";\n    await prisma.$executeRaw(Prisma.raw(update));"), "prisma.$executeRaw(", "writeInLoop"),
    // CyferShepard Jellystat backend/routes/backup.js: an INSERT built from each row of a restored backup is one statement per row, not a list of statements.
    invalid(
      `${PG}export async function restore(tableName: string, data: Record<string, string>[]) {\n  for (const row of data) {\n    const values = Object.values(row).map((v) => \`'\${v}'\`).join(", ");\n    const query = \`INSERT INTO \${tableName} VALUES(\${values}) ON CONFLICT DO NOTHING\`;\n    await pool.query(query);\n  }\n}`,
      "pool.query(",
      "writeInLoop",
    ),
    // Valid neighbour (keshavjha005's transaction helper): one statement of the code's own, run with each element's parameters.
    invalid(statementBatch('"UPDATE rides SET status = ? WHERE id = ?"'), "connection.execute(", "writeInLoop", {}, {
      call: "connection.execute()",
      library: "mysql2",
      collection: "queries",
      batched: "one `UPDATE … WHERE id IN (?)`",
    }),
    // Valid neighbour (drizzle's migrator): a raw wrapper of one statement named in the code runs no list.
    invalid(migrationRunner('        await client.query(sql.raw("SET search_path TO app"));\n'), "client.query(\"INSERT", "writeInLoop"),
    // Valid neighbours (Trilium's notes in progress): marked before the query, or deleted once done.
    invalid(notesInProcess('    inProcess.add(note.noteId);\n    await pool.query("UPDATE queue SET busy = 1 WHERE id = $1", [note.noteId]);\n'), "pool.query(", "writeInLoop", {}, IN_PROCESS_DATA),
    invalid(notesInProcess('    await pool.query("UPDATE queue SET busy = 1 WHERE id = $1", [note.noteId]);\n    inProcess.add(note.noteId);\n    inProcess.delete(note.noteId);\n'), "pool.query(", "writeInLoop", {}, IN_PROCESS_DATA),
    // Valid neighbours (sourcebot's repository memo): a hit that does not leave, a miss that leaves, a store under another key, and a memo made per element.
    invalid(repoMemo("if (reposCache.has(file.repoId)) console.log(file.repoId);"), "prisma.repo.findFirst(", "queryInLoop", {}, REPO_MEMO_DATA),
    invalid(repoMemo("if (!reposCache.has(file.repoId)) return;"), "prisma.repo.findFirst(", "queryInLoop", {}, REPO_MEMO_DATA),
    invalid(repoMemo("if (reposCache.has(file.repoId)) return reposCache.get(file.repoId);", "reposCache.set(file, repo);"), "prisma.repo.findFirst(", "queryInLoop", {}, REPO_MEMO_DATA),
    invalid(
      repoMemo("if (reposCache.has(file.repoId)) return reposCache.get(file.repoId);", "reposCache.set(file.repoId, repo);", "files.map(async (file) => {\n    const reposCache = new Map();"),
      "prisma.repo.findFirst(",
      "queryInLoop",
      {},
      REPO_MEMO_DATA,
    ),
    // Valid neighbours (Shelf's actor snapshots): a memo made per element, or none given.
    invalid(actorMemo(", new Map()"), "resolveActor(input, new Map())", "queryInLoopViaCall", {}, ACTOR_MEMO_DATA),
    invalid(actorMemo(""), "resolveActor(input);", "queryInLoopViaCall", {}, ACTOR_MEMO_DATA),
    // Valid neighbour (bigcapital's seed migrator): the same statement per element of another list.
    invalid(migrationBatch("items"), "trx.from(", "writeInLoop", {}, { call: 'trx.from("knex_migrations")….del()', library: "Knex", collection: "items", batched: "one `.whereIn('id', ids).delete()`" }),
    // Valid neighbours (unsend's template memo): a memo made per element remembers nothing, and one filled under another key never hits.
    invalid(templateMemo("inside"), "prisma.template.findUnique(", "queryInLoop"),
    invalid(templateMemo("outside", "template.id"), "prisma.template.findUnique(", "queryInLoop"),
    // Valid neighbour (cosmo's batches of rows): a list made by a call that does not split it, one write per row.
    invalid(
      `import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nexport async function save(values: Row[]) {\n  const arrayOfValues = dedupe(values, 1000);\n  for (const values of arrayOfValues) await db.insert(usage).values(values).execute();\n}`,
      "db.insert(",
      "writeInLoop",
    ),
    // Valid neighbour (Forest Admin's truncate per model): one model named in the code, a write per element.
    invalid(
      `import { Sequelize } from "sequelize";\nconst sequelize = new Sequelize("postgres://");\nexport async function reset(collections: { name: string }[]) {\n  for (const collection of collections) await sequelize.model("records").destroy({ where: { collection: collection.name } });\n}`,
      "sequelize.model(",
      "writeInLoop",
    ),
    // Valid neighbour (ponder's revert per table): one table named in the text, a statement per element.
    // Valid neighbour (subql's metadata keys): civitai src/server/services/placement-escrow.service.ts, a part of each row (`kind`) that many rows may share.
    invalid(
      `${PG}export async function settle(plan: { kind: string; amount: number }[]) {\n  for (const { kind, amount } of plan) {\n    switch (kind) {\n      case "forfeit":\n        await pool.query("UPDATE escrow SET kept = kept + $1 WHERE kind = $2", [amount, kind]);\n        break;\n    }\n  }\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "plan", batched: PG_RELATIVE_FORM },
    ),
    // Valid neighbours (cherrypick's entity services): a query for strings, for objects, or always, runs for what the loop gives.
    entityOrIdQueries(`typeof src === "string" ? ${FIND_EMOJI} : src`),
    entityOrIdQueries(`typeof src === "object" ? ${FIND_EMOJI} : src`),
    entityOrIdQueries(`typeof src === "string" ? src : ${FIND_EMOJI}`),
    // Valid neighbours (Pydah's loan service): a property that is no id, the query in the entity's branch, a computed property.
    entityOrIdQueries(`src.name ? src : ${FIND_EMOJI}`),
    entityOrIdQueries(`src.id ? ${FIND_EMOJI} : src`),
    entityOrIdQueries(`src["id"] ? src : ${FIND_EMOJI}`),
    // Valid neighbour (Pydah's loan service): an object without an id is a new one, and the helper creates each one.
    invalid(`import mongoose from "mongoose";\nconst Loan = mongoose.model("Loan", schema);\nasync function save(loan) {\n  return loan._id ? loan : await Loan.create(loan);\n}\nexport async function saveAll(loans) {\n  for (const loan of loans) await save(loan);\n}`, "save(loan);", "queryInLoopViaCall"),
    entityOrIdQueries(`${FIND_EMOJI.replace("id: src", 'id: typeof src === "object" ? src.id : src')}`),
    invalid(refundService('import { Payments } from "./payments";', "constructor(private readonly stripe: Payments) {}", "this.stripe.refunds.create"), "prisma.order.update(", "writeInLoop"),
    invalid(refundService('import { Assistant } from "./assistant";', "private openai = new Assistant();", "this.openai.chat.completions.create"), "prisma.order.update(", "writeInLoop"),
    invalid(refundService('import Stripe from "stripe";', "constructor(private readonly stripe: Stripe) {}", "this.payments.refunds.create"), "prisma.order.update(", "writeInLoop"),
    invalid(summaries('import type { Assistant } from "./assistant";', "Assistant"), "prisma.ticket.update(", "writeInLoop"),
    invalid(summaries('import type OpenAI from "openai";', "OpenAI").replace("client.chat.completions", "other.chat.completions"), "prisma.ticket.update(", "writeInLoop"),
    // Valid neighbours (medflow-clinic's sync route): one model of the table, a key not the element's, a table of one model or of other values.
    invalid(syncChanges(MODEL_MAP, "modelMap.patients"), "Model.findByIdAndUpdate(", "writeInLoop", { filename: "sync.js" }),
    invalid(syncChanges("{ entity: Patient, appointments: Appointment }", "modelMap.entity"), "Model.findByIdAndUpdate(", "writeInLoop", { filename: "sync.js" }),
    invalid(syncChanges(MODEL_MAP, "modelMap[kind]"), "Model.findByIdAndUpdate(", "writeInLoop", { filename: "sync.js" }),
    invalid(syncChanges("{ patients: Patient }", "modelMap[entity]"), "Model.findByIdAndUpdate(", "writeInLoop", { filename: "sync.js" }),
    invalid(syncChanges('{ patients: Patient, appointments: "appointments" }', "modelMap[entity]"), "Model.findByIdAndUpdate(", "writeInLoop", { filename: "sync.js" }),
    // Valid neighbours (New-Life-clinic's fix scripts): exported and called outside the guard, called twice, or also run by a timer.
    invalid(fixScript("fixDeductions();", "module.exports = { fixDeductions };"), "Tx.findOne(", "queryInLoop", { filename: "fix.js" }),
    invalid(fixScript("if (require.main === module) {\n  fixDeductions();\n  fixDeductions();\n}", "module.exports = fixDeductions;"), "Tx.findOne(", "queryInLoop", { filename: "fix.js" }),
    invalid(fixScript("if (require.main === module) fixDeductions();", "setInterval(fixDeductions, 60000);"), "Tx.findOne(", "queryInLoop", { filename: "fix.js" }),
    // Valid neighbours (the refund run): a call not awaited, made only on failure, after the write or in a function not called; a read; a module of the app not named after a package of another service, or a package only named like one.
    invalid(refundRun("    stripe.refunds.create({ charge: order.chargeId });"), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("    try {\n      check(order);\n    } catch {\n      await stripe.refunds.create({ charge: order.chargeId });\n    }"), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("", 'await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });\n' + REFUND), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("    const later = async () => await stripe.refunds.create({ charge: order.chargeId });"), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun(REFUND, "const row = await prisma.order.findFirst({ where: { id: order.id } });"), "prisma.order.findFirst(", "queryInLoop"),
    invalid(refundRun("", 'await stripe.refunds.create({ charge: order.chargeId, metadata: await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDING" } }) });'), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("    await payments.refunds.create({ charge: order.chargeId });").replace('import Stripe from "stripe";', 'import { payments } from "./payments";'), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("    await sendEmail({ to: order.id });").replace('import Stripe from "stripe";', 'import { sendEmail } from "@/lib/email";'), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("    await sendEmail({ to: order.id });").replace('import Stripe from "stripe";', 'import { sendEmail } from "@/lib/resend-audit/log";'), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("    await sendEmail({ to: order.id });").replace('import Stripe from "stripe";', 'import { sendEmail } from "resend-mock";'), "prisma.order.update(", "writeInLoop"),
    invalid(refundRun("", "await markRefunded(order);").replace("export async function", 'async function markRefunded(order) {\n  await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });\n  await stripe.refunds.create({ charge: order.chargeId });\n}\nexport async function'), "markRefunded(order);", "queryInLoopViaCall"),
    // Valid neighbours (attendance-system's scores): more than ten, the rest of the list, all but the last, a bound the data sets.
    cappedScoresReported("employees.slice(0, 50)"),
    cappedScoresReported("employees.slice(-20)"),
    cappedScoresReported("employees.slice(10)"),
    cappedScoresReported("employees.slice(0, -1)"),
    cappedScoresReported("employees.slice(-30, -2)"),
    cappedScoresReported("employees.slice(0, cap)", "50 - (await prisma.attendance.count({ where: { companyId } }))"),
    cappedScoresReported("employees.slice(0, cap)", "employees.length - 10"),
    cappedScoresReported("employees.slice(0, Math.max(employees.length, 5))"),
    cappedScoresReported("employees.slice(0, employees.length)"),
    // Valid neighbours (inbox-zero's five logs): more than ten, a cap the caller sets, a cap of each row's relations, rows multiplied after the cap.
    topFewReported("await prisma.order.findMany({ take: 50 })"),
    topFewReported("await prisma.order.findMany({ take: -50 })"),
    topFewReported("await prisma.order.findMany({ take: pageSize })"),
    topFewReported("Math.random() > 0.5 ? await prisma.orderItem.groupBy({ by: [\"productId\"], take: pageSize }) : []"),
    topFewReported("Math.random() > 0.5 ? [] : await prisma.order.findMany()"),
    topFewReported("(await prisma.order.findMany({ take: 5 })) && (await prisma.order.findMany())"),
    topFewReported("(await prisma.order.findMany({ take: 5 })) ?? (await prisma.order.findMany())"),
    topFewReported("await Order.findAll({ limit: 11 })"),
    topFewReported("await Order.find({ paid: true }).limit(50)"),
    // Silkroutelogistics silk-route-logistics backend/src/controllers/carrierController.ts: every carrier, with its latest scorecard (`take: 1` in the `include`).
    topFewReported('await prisma.order.findMany({ include: { scorecards: { orderBy: { calculatedAt: "desc" }, take: 1 } } })'),
    topFewReported('await Order.aggregate([{ $limit: 10 }, { $unwind: "$items" }])'),
    topFewReported("await Order.aggregate([{ $sort: { n: -1 } }, { $limit: 100 }])"),
    retryFewReported('await pool.query("SELECT id FROM jobs WHERE id IN (SELECT job_id FROM runs LIMIT 10)")'),
    retryFewReported('await pool.query("SELECT id FROM jobs LIMIT $1", [max])'),
    retryFewReported('await pool.query("SELECT id FROM jobs LIMIT 50")'),
    retryFewReported("await sql`SELECT id FROM jobs LIMIT ${max}`", "result"),
    // Valid neighbours (silk-route's waterfall tender): another index, a flag written again or tested with `||`, a value of an entry, the other arm.
    invalid(firstNotice(FIRST_INDEX, "    const isFirst = i !== 0;\n    if (isFirst)").replace("NOTIFY", "candidates[i].userId"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice(FIRST_INDEX, "    let isFirst = i === 0;\n    isFirst = !isFirst;\n    if (isFirst)").replace("NOTIFY", "candidates[i].userId"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice(FIRST_INDEX, "    const isFirst = i === 0;\n    if (isFirst || candidates[i].userId)").replace("NOTIFY", "candidates[i].userId"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice("candidates.forEach(async (c, i, all) =>", "    if (all === 0)").replace("NOTIFY", "c.userId").replace("  }\n}", "  });\n}"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice("for (const [i, c] of candidates.entries())", "    if (c === 0)").replace("NOTIFY", "c.userId"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice("for (const [i, c] of pairs(candidates))", "    if (i === 0)").replace("NOTIFY", "c.userId"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice("for (const [role, userId] of Object.entries(byRole))", '    if (userId === "owner")').replace("NOTIFY", "role"), "prisma.notification.create(", "writeInLoop"),
    invalid(firstNotice(FIRST_INDEX, "    if (i === 0) log(i);\n    else").replace("NOTIFY", "candidates[i].userId"), "prisma.notification.create(", "writeInLoop"),
    // Valid neighbours (karasu-lab's link verification): a `continue`, a conditional exit, or none goes round again; a `break` of a switch, or a `return` of a callback, ends only that.
    // ballerine's child callbacks: a long collection that a callback filters is named by what it filters, with the chain on one line.
    childCallbackQueries("(definition?.config\n      ?.childCallbackResults as Callback[])\n      ?.filter((callback) => callback.definitionId === childId)", "definition?.config?.childCallbackResults?.filter(…)"),
    childCallbackQueries("(definition?.config?.callbacks?.children ?? [])\n      .filter((callback) => callback.definitionId === childId)\n      .slice(0, 20)", "…k.definitionId === childId).slice(0, 20)"),
    childCallbackQueries("definition.callbacks.filter((c) => c.ok)", "definition.callbacks.filter((c) => c.ok)"),
    // lets.church's channel search: the rows of an awaited query with an options object are named by the query's call.
    childCallbackQueries("(await db.callbacks.findMany({ where: { definitionId: definition.id, childId }, select: { parentId: true } }))", "db.callbacks.findMany(…)"),
    childCallbackQueries("(await loadCallbacks(definition.id, childId, { includeArchived: false, limit: 100 }))", "loadCallbacks(…)"),
    childCallbackQueries("merge(definition.sets, [\n      ...more,\n    ], ...rest)", "merge(definition.sets, [...more], ...rest)"),
    childCallbackQueries("Object.values(\n      definition.config.children,\n    )", "Object.values(definition.config.children)"),
    markEveryMatch("      continue;"),
    markEveryMatch("      if (rec.id) return true;"),
    markEveryMatch("      log(rec.id);"),
    markEveryMatch("      if (rec.id) continue;\n      return true;"),
    invalid(
      `${PG}export async function verify(records: { id: string; ok: boolean }[]) {\n  for (const rec of records) {\n    switch (rec.id) {\n      default: {\n        await pool.query("UPDATE links SET verified = true WHERE id = $1", [rec.id]);\n        break;\n      }\n    }\n  }\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "records", batched: PG_UPDATE_BATCHED },
    ),
    invalid(
      `${PG}export async function verify(records: { id: string; links: string[] }[]) {\n  for (const rec of records) {\n    for (const link of rec.links) {\n      await pool.query("UPDATE links SET verified = true WHERE id = $1", [rec.id]);\n      break;\n    }\n  }\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "records", batched: PG_UPDATE_BATCHED },
    ),
    invalid(
      `${PG}export async function verify(records: { id: string; ok: boolean }[]) {\n  records.forEach(async (rec) => {\n    await pool.query("UPDATE links SET verified = true WHERE id = $1", [rec.id]);\n    return;\n  });\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "records", batched: PG_UPDATE_BATCHED },
    ),
    // Valid neighbour (subql's metadata keys): the `default` branch, and the branch of every other key, run per element.
    invalid(specialKeys(`    switch (key) {\n      case "dynamicDatasources":\n        break;\n      default:\n        ${QUERY_ONE}\n    }`), "pool.query(", "writeInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "keys", batched: "one `UPDATE … SET x = v.x FROM unnest($1::int[], $2::text[]) AS v(id, x) WHERE t.id = v.id`" }),
    invalid(specialKeys(`    if (key !== "dynamicDatasources") {\n      ${QUERY_ONE}\n    }`), "pool.query(", "writeInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "keys", batched: "one `UPDATE … SET x = v.x FROM unnest($1::int[], $2::text[]) AS v(id, x) WHERE t.id = v.id`" }),
    invalid(revertPerTable("events"), "pool.query(", "writeInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "tables", batched: "one `DELETE … WHERE id = ANY($1)`" }),
    // Valid neighbour (beekeeper's rows per collection): one collection named in the code, a write per element.
    invalid(`${MONGO_ROWS}  for (const insert of inserts) {\n    const collection = connection.collection("rows");\n    await collection.insertOne(insert.data);\n  }\n}`, "collection.insertOne(", "writeInLoop"),
    invalid(`${PG}async function f(batch: string[]) {\n  for (let i = 0; i < batch.length; i++) await pool.query("DELETE FROM t WHERE id = $1", [batch[i]]);\n}`, "pool.query(", "writeInLoop"),
    invalid(`${PG}async function f(idChunk: string[]) {\n  await Promise.all(idChunk.map((id) => pool.query("DELETE FROM t WHERE id = $1", [id])));\n}`, "pool.query(", "writeInLoop"),
    invalid(`${PG}async function f(rows) {\n  for (const { id } of rows) await pool.query("SELECT * FROM t WHERE id = $1", [id]);\n}`, "pool.query(", "queryInLoop"),
    // A value derived from the element in the loop body.
    invalid(`${PG}async function f(hits) {\n  for (const hit of hits) {\n    const id = hit._id;\n    await pool.query("SELECT * FROM t WHERE id = $1", [id]);\n  }\n}`, "pool.query(", "queryInLoop"),
    // A nested loop over a list held by the element.
    invalid(`${PG}async function f(orders) {\n  for (const order of orders) for (const line of order.lines) await pool.query("SELECT * FROM p WHERE id = $1", [line.productId]);\n}`, "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "order.lines", batched: PG_BATCHED }),
    // The element interpolated in the SQL text.
    invalid(`${PG}async function f(items) {\n  for (const item of items) await pool.query(\`SELECT * FROM t WHERE id = '\${item.id}'\`);\n}`, "pool.query(", "queryInLoop"),
    // A write per element.
    invalid(
      `${PG}async function f(rows) {\n  for (const row of rows) await pool.query("UPDATE t SET seen = true WHERE id = $1", [row.id]);\n}`,
      "pool.query(",
      "writeInLoop",
      {},
      { call: "pool.query()", library: "node-postgres (pg)", collection: "rows", batched: PG_UPDATE_BATCHED },
    ),
    invalid(`${PG}async function f(stream) {\n  for await (const row of stream) await pool.query("SELECT * FROM t WHERE id = $1", [row.id]);\n}`, "pool.query(", "queryInLoop"),
    // A queue drained with shift().
    invalid(`${PG}async function f(queue) {\n  while (queue.length > 0) {\n    const job = queue.shift();\n    await pool.query("SELECT * FROM jobs WHERE id = $1", [job.id]);\n  }\n}`, "pool.query(", "queryInLoop"),
    invalid(`${PG}function f(ids) {\n  ids.forEach((id) => pool.query("SELECT * FROM t WHERE id = $1", [id]));\n}`, "pool.query(", "queryInLoop"),
    invalid(`${PG}function f(ids) {\n  return ids.reduce(async (acc, id) => [...(await acc), await pool.query("SELECT * FROM t WHERE id = $1", [id])], Promise.resolve([]));\n}`, "pool.query(", "queryInLoop"),
    // The promises go through a variable first.
    invalid(`${PG}async function f(ids) {\n  const pending = ids.map((id) => pool.query("SELECT * FROM t WHERE id = $1", [id]));\n  return Promise.all(pending);\n}`, "pool.query(", "queryInLoop"),
    // p-limit, p-map, bluebird.
    invalid(`import pLimit from "p-limit";\n${PG}const limit = pLimit(5);\nasync function f(ids) {\n  return Promise.all(ids.map((id) => limit(() => pool.query("SELECT * FROM t WHERE id = $1", [id]))));\n}`, "pool.query(", "queryInLoop"),
    invalid(`import pMap from "p-map";\n${PG}async function f(ids) {\n  return pMap(ids, (id) => pool.query("SELECT * FROM t WHERE id = $1", [id]), { concurrency: 4 });\n}`, "pool.query(", "queryInLoop"),
    invalid(`import Bluebird from "bluebird";\n${PG}async function f(ids) {\n  return Bluebird.map(ids, (id) => pool.query("SELECT * FROM t WHERE id = $1", [id]));\n}`, "pool.query(", "queryInLoop"),
    invalid(`const { Pool } = require("pg");\nconst pool = new Pool();\nasync function f(ids) {\n  return Promise.map(ids, (id) => pool.query("SELECT * FROM t WHERE id = $1", [id]));\n}`, "pool.query(", "queryInLoop", { filename: "file.js" }),
    // hexo lib/models/binary_relation_index.ts: a method named like a Mongoose one is the class's own; its call is reported once, through the query it holds.
    invalid(
      "export class RelationIndex {\n  findById(id) {\n    return this.ctx.model(this.schemaName).findById(id, { lean: true });\n  }\n  findAll(ids) {\n    return Array.from(ids).map((id) => this.findById(id));\n  }\n}",
      "this.findById(id))",
      "queryInLoopViaCall",
      { filename: "file.js" },
      { callee: "this.findById", call: "this.ctx.model(this.schemaName).findById()", library: "database", collection: "Array.from(ids)", batched: "one query for all the ids", line: "3" },
    ),
    // Valid neighbour (typeorm's catalog per attached database): huly's storage (foundations/server/packages/postgres/src/storage.ts), a row that names its table by its class, one query per row.
    invalid(
      `${PG}async function findDoc(domain: string, id: string) {\n  return pool.query(\`SELECT * FROM "\${domain}" WHERE _id = $1\`, [id]);\n}\nexport async function update(txs: { objectClass: string; objectId: string }[]) {\n  for (const tx of txs) await findDoc(tx.objectClass, tx.objectId);\n}`,
      "findDoc(tx",
      "queryInLoopViaCall",
      {},
      { callee: "findDoc", call: "pool.query()", library: "node-postgres (pg)", collection: "txs", batched: PG_BATCHED, line: "4" },
    ),
    // Valid neighbour (typeorm's catalog per attached database): one catalog named in the text, a query per element.
    invalid(
      `${PG}async function loadTableRecords(tablePath: string) {\n  const [schema, name] = tablePath.split(".");\n  return pool.query(\`SELECT * FROM "main".sqlite_master WHERE name = '\${name}'\`);\n}\nexport async function loadAll(paths: string[]) {\n  return Promise.all(paths.map((path) => loadTableRecords(path)));\n}`,
      "loadTableRecords(path)",
      "queryInLoopViaCall",
      {},
      { callee: "loadTableRecords", call: "pool.query()", library: "node-postgres (pg)", collection: "paths", batched: PG_BATCHED, line: "5" },
    ),
    // Valid neighbour (mempool's `$atomicQuery`): one statement, run with each element's values.
    invalid(atomicQueries('"UPDATE blocks SET seen = 1 WHERE id = ?"'), "this.query(", "queryInLoopViaCall", {}, {
      callee: "this.query",
      call: "this.pool.query()",
      library: "mysql2",
      collection: "queries",
      batched: "one query with `WHERE id IN (?)` and the array of ids",
      line: "5",
    }),
    // A same-file function called with the element (one level).
    invalid(
      `${PG}async function loadProduct(id) {\n  return pool.query("SELECT * FROM products WHERE id = $1", [id]);\n}\nasync function f(hits) {\n  for (const hit of hits) await loadProduct(hit._id);\n}`,
      "loadProduct(hit",
      "queryInLoopViaCall",
      {},
      { callee: "loadProduct", call: "pool.query()", library: "node-postgres (pg)", collection: "hits", batched: PG_BATCHED, line: "4" },
    ),
    invalid(
      `class Service {\n  constructor(db) { this.db = db; }\n  async loadOne(id) { return this.db.query("SELECT * FROM products WHERE id = $1", [id]); }\n  async all(ids) { return Promise.all(ids.map((id) => this.loadOne(id))); }\n}`,
      "this.loadOne(id)",
      "queryInLoopViaCall",
      { filename: "file.js" },
    ),
    // The helper's query is in a callback it runs (an arrow, not a declaration), after a declaration it skips.
    invalid(
      `${PG}function enrich(hit) {\n  function later() { return pool.query("SELECT 1"); }\n  return [hit].map((h) => pool.query("SELECT * FROM t WHERE id = $1", [h.id]));\n}\nfunction f(hits) { for (const hit of hits) enrich(hit); }`,
      "enrich(hit);",
      "queryInLoopViaCall",
    ),
    // The helper is found by the names of the functions holding a query: a `const` behind `satisfies`, a private method, a method passed as the callback.
    invalid(
      `${PG}type Loader = (id: string) => Promise<unknown>;\nconst loadProduct = (async (id: string) => pool.query("SELECT * FROM products WHERE id = $1", [id])) satisfies Loader;\nasync function f(ids: string[]) {\n  for (const id of ids) await loadProduct(id);\n}`,
      "loadProduct(id);",
      "queryInLoopViaCall",
    ),
    invalid(
      `${PG}class Repo {\n  async #load(id) { return pool.query("SELECT * FROM products WHERE id = $1", [id]); }\n  async all(ids) { for (const id of ids) await this.#load(id); }\n}`,
      "this.#load(id)",
      "queryInLoopViaCall",
    ),
    invalid(
      `${PG}class Repo {\n  load = (id) => pool.query("SELECT * FROM products WHERE id = $1", [id]);\n  all(ids) { return Promise.all(ids.map(this.load)); }\n}`,
      "this.load)",
      "queryInLoopViaCall",
    ),
    // A same-file function passed as the callback.
    invalid(`${PG}const loadProduct = (id) => pool.query("SELECT * FROM products WHERE id = $1", [id]);\nconst f = (ids) => Promise.all(ids.map(loadProduct));`, "loadProduct)", "queryInLoopViaCall"),
    // --- Prisma --------------------------------------------------------------------------------
    invalid(
      `${PRISMA}async function f(ids) {\n  for (const id of ids) await prisma.user.findUnique({ where: { id } });\n}`,
      "prisma.user.findUnique(",
      "queryInLoop",
      {},
      { call: "prisma.user.findUnique()", library: "Prisma", collection: "ids", batched: "one `findMany({ where: { id: { in: ids } } })`" },
    ),
    // An await before findUnique: the calls are no longer in the same tick.
    // Valid neighbour (sourcebot's function called in place): an await inside it before the findUnique.
    invalid(calledInPlace("      await audit(file);\n"), "prisma.repo.findUnique(", "queryInLoop", {}, { call: "prisma.repo.findUnique()", library: "Prisma", collection: "files", batched: "one `findMany({ where: { id: { in: ids } } })`" }),
    // Valid neighbour (import-commissions.ts): a branch that awaits and goes on delays the findUnique.
    invalid(`${PRISMA}async function f(ids) {\n  return Promise.all(ids.map(async (id) => {\n    if (!id) {\n      await audit(id);\n    }\n    return prisma.user.findUnique({ where: { id } });\n  }));\n}`, "prisma.user.findUnique(", "queryInLoop"),
    invalid(`${PRISMA}async function importAll(rows) {\n  await Promise.allSettled(rows.map((row) => createCommission(row)));\n}\nasync function createCommission(row) {\n  if (!row.amount) {\n    await logImportError(row);\n  }\n  const found = await prisma.commission.findUnique({ where: { invoiceId: row.invoiceId } });\n  return found ?? row;\n}`, "createCommission(row)", "queryInLoopViaCall"),
    invalid(`${PRISMA}async function f(ids) {\n  return Promise.all(ids.map(async (id) => {\n    await audit(id);\n    return prisma.user.findUnique({ where: { id } });\n  }));\n}`, "prisma.user.findUnique(", "queryInLoop"),
    invalid(`${PRISMA}async function f(ids) {\n  return Promise.all(ids.map((id) => prisma.user.findFirst({ where: { id } })));\n}`, "prisma.user.findFirst(", "queryInLoop"),
    invalid(`${PRISMA}async function f(rows) {\n  for (const row of rows) await prisma.event.create({ data: row });\n}`, "prisma.event.create(", "writeInLoop"),
    // The same updates sent one by one with Promise.all, not as a batch transaction.
    invalid(`${PRISMA}async function f(rows) {\n  const ops = rows.map((row) => prisma.link.update({ where: { id: row.id }, data: row }));\n  await Promise.all(ops);\n}`, "prisma.link.update(", "writeInLoop"),
    // --- mongoose, sequelize, typeorm, drizzle, knex, mysql2 -----------------------------------
    invalid(`import mongoose from "mongoose";\nconst User = mongoose.model("User", schema);\nasync function f(orders) {\n  for (const order of orders) await User.findById(order.userId);\n}`, "User.findById(", "queryInLoop"),
    invalid(`import mongoose from "mongoose";\nconst User = mongoose.model("User", schema);\nfunction f(ids, seen) {\n  for (const id of ids) User.find({ _id: id }, (error, users) => seen.set(id, users));\n}`, "User.find(", "queryInLoop"),
    invalid(`const User = require("./models/user");\nasync function f(orders) {\n  return Promise.all(orders.map((order) => User.findByPk(order.userId)));\n}`, "User.findByPk(", "queryInLoop", { filename: "file.js" }, {
      call: "User.findByPk()",
      library: "Sequelize",
      collection: "orders",
      batched: "one `findAll({ where: { id: ids } })`",
    }),
    // outline's `Document.scope("withDrafts").findAll(…)`: a scope gives back the same model.
    invalid('import { Model } from "sequelize";\nclass Doc extends Model {}\nasync function f(ids) {\n  for (const id of ids) await Doc.scope("withDrafts").findOne({ where: { id } });\n}', 'Doc.scope("withDrafts").findOne(', "queryInLoop", {}, {
      call: 'Doc.scope("withDrafts").findOne()',
      library: "Sequelize",
      collection: "ids",
      batched: "one `findAll({ where: { id: ids } })`",
    }),
    // A one-library name on an app's own repository names no library: docmost's repositories wrap Kysely.
    invalid("class Transclusions {\n  async load(ids) {\n    return Promise.all(ids.map((id) => this.pageRepo.findById(id, { includeSpace: true })));\n  }\n}", "this.pageRepo.findById(", "queryInLoop", { filename: "file.js" }, {
      call: "this.pageRepo.findById()",
      library: "database",
      collection: "ids",
      batched: "one query for all the ids",
    }),
    // avinashjgtp10 salon_mgm_backend src/modules/clients/clients.service.ts: a repository imported from the app wraps pg, not Mongoose.
    invalid(appRepository("clientsRepository.findById(id)"), "clientsRepository.findById(", "queryInLoop", {}, {
      call: "clientsRepository.findById()",
      library: "database",
      collection: "ids",
      batched: "one query for all the ids",
    }),
    invalid(appRepository("repo.findById(id)").replace("{ clientsRepository,", "{ clientsRepository as repo,"), "repo.findById(", "queryInLoop", {}, {
      call: "repo.findById()",
      library: "database",
      collection: "ids",
      batched: "one query for all the ids",
    }),
    invalid(tokenRepository("UserToken_RedisRepository"), "this.findById(", "queryInLoop", {}, {
      call: "this.findById()",
      library: "database",
      collection: "tokenIds",
      batched: "one query for all the ids",
    }),
    // Valid neighbour (the token repository): a class not named as a repository, whose `findById` is taken for Mongoose's.
    invalid(tokenRepository("UserTokenService"), "this.findById(", "queryInLoop", {}, {
      call: "this.findById()",
      library: "Mongoose",
      collection: "tokenIds",
      batched: "one `find({ _id: { $in: ids } })`",
    }),
    // Valid neighbour (TeTeBerry's catalog service): a seeder given arguments seeds from them, per call.
    invalid('import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport async function seedRoles(names) {\n  for (const name of names) await prisma.role.upsert({ where: { name }, create: { name }, update: {} });\n}', "prisma.role.upsert(", "writeInLoop", { filename: "file.js" }, { call: "prisma.role.upsert()", library: "Prisma", collection: "names", batched: "one `$executeRaw` `UPDATE … FROM (VALUES …)` statement (Prisma has no bulk update with values per row)" }),
    // Valid neighbours (TeTeBerry's catalog service): a method named otherwise, or with a word that only starts with seed, may run per request.
    invalid(catalogSeeder("syncCatalogData"), "this.questionModel.findOneAndUpdate(", "writeInLoop", {}, { call: "this.questionModel.findOneAndUpdate()", library: "Mongoose", collection: "buildQuestionSeed()", batched: "one `bulkWrite(rows.map((row) => ({ updateOne: { filter, update } })))`" }),
    // Valid neighbour (startupMigration): `migrated…` names no migration.
    invalid(startupMigration("migratedSurveys"), 'db.collection("surveys").updateOne(', "writeInLoop", { filename: "file.js" }, {
      call: 'db.collection("surveys").updateOne()',
      library: "MongoDB driver",
      collection: "surveys",
      batched: "one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`",
    }),
    invalid(catalogSeeder("seededQuestions"), "this.questionModel.findOneAndUpdate(", "writeInLoop", {}, { call: "this.questionModel.findOneAndUpdate()", library: "Mongoose", collection: "buildQuestionSeed()", batched: "one `bulkWrite(rows.map((row) => ({ updateOne: { filter, update } })))`" }),
    // Valid neighbours (salon_mgm_backend's repository): a model named as one is Mongoose's, and TypeORM calls its own objects repositories.
    invalid(appRepository("Client.findById(id)"), "Client.findById(", "queryInLoop", {}, {
      call: "Client.findById()",
      library: "Mongoose",
      collection: "ids",
      batched: "one `find({ _id: { $in: ids } })`",
    }),
    invalid(appRepository("clientRepository.findOneBy({ id })"), "clientRepository.findOneBy(", "queryInLoop", {}, {
      call: "clientRepository.findOneBy()",
      library: "TypeORM",
      collection: "ids",
      batched: "one `findBy({ id: In(ids) })`",
    }),
    // Valid neighbour (strike.service.ts): a retry wrapper opens no transaction; the read runs once per user.
    invalid(perUserTransaction("withRetry(", ")"), "tx.user.findUnique(", "queryInLoop"),
    // Valid neighbour (plugin.ts): a callback handed to a helper that runs it now, once per collection.
    invalid(perCollectionHook("await withRetry("), "Text.findByPk(", "queryInLoop", { filename: "file.js" }),
    // Valid neighbour (automatisch's agent tools): a `tool` of the app's own may run its callback at once.
    invalid(`import { tool } from "./tools";\n${perCollectionHook("tool(")}`, "Text.findByPk(", "queryInLoop", { filename: "file.js" }),
    // Valid neighbours (erxes correctOwnerPropertyFromScorelog.ts): the command handles every request, or the helper sits in a handler that main registers.
    invalid(nestedHelper('app.post("/owners/fix", command);'), "pool.query(", "writeInLoop"),
    invalid(
      `${PG}async function main() {\n  app.post("/owners/fix", async (req, res) => {\n    const fixOwners = async (ids: string[]) => {\n      for (const id of ids) await pool.query("UPDATE owners SET score = 0 WHERE id = $1", [id]);\n    };\n    await fixOwners(req.body.ids);\n  });\n}\nmain();`,
      "pool.query(",
      "writeInLoop",
    ),
    // Valid neighbours (matrix-delivery's table check): a data table beside the catalog, a data table alone, no table, a write of what the catalog says.
    invalid(tablesExist("SELECT t.table_name FROM information_schema.tables t JOIN audit_log a ON a.table_name = t.table_name WHERE t.table_name = $1"), "pool.query(", "queryInLoop"),
    invalid(tablesExist("SELECT count(*) FROM table_stats WHERE table_name = $1"), "pool.query(", "queryInLoop"),
    invalid(tablesExist("SELECT nextval($1)"), "pool.query(", "queryInLoop"),
    invalid(tablesExist("INSERT INTO table_checks (name) SELECT table_name FROM information_schema.tables WHERE table_name = $1"), "pool.query(", "writeInLoop"),
    invalid(tablesExist("WITH gone AS (DELETE FROM table_checks WHERE name = $1 RETURNING name) SELECT table_name FROM information_schema.tables JOIN gone ON gone.name = table_name"), "pool.query(", "writeInLoop"),
    // Valid neighbours (capgo channel/delete.ts): `SELECT … FOR UPDATE` reads the rows it locks, and one query could lock them all.
    invalid(sortedLocks("SELECT * FROM versions WHERE id = $1 FOR UPDATE"), "client.query(", "queryInLoop"),
    // Valid neighbours (salonbw's savepoints): a table named for savepoints, and a write with no savepoint before it.
    invalid(savepointPerItem("INSERT INTO savepoints (name) VALUES ('${name}')"), "runWithSavepoint(client, `", "queryInLoopViaCall"),
    invalid(`${PG}export async function sell(client, items: { id: number }[]) {\n  for (const item of items) {\n    await client.query("INSERT INTO commissions (item_id) VALUES ($1)", [item.id]);\n    await client.query(\`SAVEPOINT sp_\${item.id}\`);\n  }\n}`, 'client.query("INSERT', "writeInLoop"),
    // Valid neighbour (Swetrix's demo data): the views come from the caller.
    invalid(seededViews("views"), "this.eventRepository.save(", "writeInLoop"),
    // Valid neighbours (goodmen-logistics' edited keys): a key the request gives, or a list filled from rows.
    invalid(editedKeys("  for (const stop of body.stops as string[]) edited.add(stop);"), "pool.query(", "writeInLoop", {}, { ...IN_PROCESS_DATA, collection: "edited" }),
    invalid(editedKeys("  for (const stop of body.stops as Stop[]) edited.add(stop.key);"), "pool.query(", "writeInLoop"),
    invalid(filledIds("[]", "  for (const row of rows) ids.push(row.id);"), "pool.query(", "queryInLoop", {}, { call: "pool.query()", library: "node-postgres (pg)", collection: "ids", batched: "one query with `WHERE id = ANY($1)` and the array of ids" }),
    invalid(filledIds('["a"]', "  rows.forEach((row) => ids.push(row.id));"), "pool.query(", "queryInLoop"),
    invalid(filledIds("[]", "  ids.push(...rows.map((row) => row.id));"), "pool.query(", "queryInLoop"),
    // Valid neighbours (goodmen-logistics' edited keys): a constant pushed once per row, or a list handed to a function that may fill it.
    invalid(filledIds("[]", '  for (const row of rows) ids.push("b");'), "pool.query(", "queryInLoop"),
    invalid(filledIds("[]", "  collect(rows, ids);"), "pool.query(", "queryInLoop"),
    // Valid neighbours (tgs-hrms's workflow seed): the configurations come from the caller; a grouping keyed by each row's user.
    invalid(workflowSeed("configs"), "pool.query(", "queryInLoop"),
    invalid(groupedCounts("row.userId"), "pool.query(", "writeInLoop"),
    // Valid neighbours (Logikaservice's announcement scheduler): a timer not awaited, a promise with no timer, a wait for something else.
    invalid(pacedQueue("setTimeout(() => notify(item.id), 2000)"), "pool.query(\"UPDATE", "writeInLoop"),
    invalid(pacedQueue("await new Promise((resolve) => resolve(item))"), "pool.query(\"UPDATE", "writeInLoop"),
    invalid(pacedQueue("await waitForReply(item.id)"), "pool.query(\"UPDATE", "writeInLoop"),
    // Valid neighbours (jwfreed's invariant job): a back-off before a retry, in a `catch` or in a retry loop, waits only on failure.
    invalid(pacedQueue("try {\n      await check(item);\n    } catch {\n      await sleep(2000);\n    }"), "pool.query(\"UPDATE", "writeInLoop"),
    invalid(pacedQueue("while (!(await check(item))) await sleep(2000)"), "pool.query(\"UPDATE", "writeInLoop"),
    // Valid neighbours (Megagig's follow-up rules, jwfreed's KPI snapshots): the function returns the caller's list, or fills its own from it.
    invalid(followUpRules("    for (const rule of extra) rules.push(rule);"), "pool.query(", "queryInLoop"),
    invalid(kpiSnapshots("rows"), "pool.query(", "queryInLoop"),
    // Valid neighbour (Megagig's follow-up rules): a function of this file that returns nothing on one path and the caller's rows on the other.
    invalid(`${PG}function pick(rows?: string[]) {\n  if (!rows) return;\n  return rows;\n}\nexport async function load(rows: string[]) {\n  for (const id of pick(rows)!) await pool.query("SELECT * FROM users WHERE id = $1", [id]);\n}`, "pool.query(", "queryInLoop"),
    // Valid neighbours (Megagig's follow-up rules): a generator of this file yields the caller's rows, whatever it returns.
    invalid(`${PG}function* readRows(rows: string[]) {\n  for (const row of rows) yield row;\n}\nexport async function load(rows: string[]) {\n  for (const id of readRows(rows)) await pool.query("SELECT * FROM users WHERE id = $1", [id]);\n}`, "pool.query(", "queryInLoop"),
    invalid(`${PG}function* readRows(rows: string[]) {\n  if (rows.length === 0) return [];\n  for (const row of rows) yield row;\n}\nexport async function load(rows: string[]) {\n  for (const id of readRows(rows)) await pool.query("SELECT * FROM users WHERE id = $1", [id]);\n}`, "pool.query(", "queryInLoop"),
    // Valid neighbours (medusa's advisory locks): a name a `let` may change, or a constant that names no lock function.
    invalid(namedLockKeys("let", "pg_advisory_xact_lock"), "manager.execute(", "queryInLoop"),
    invalid(namedLockKeys("const", "pg_sleep"), "manager.execute(", "queryInLoop"),
    // Valid neighbours (medusa's locking table): tables whose names only contain the word.
    invalid(sortedLocks("SELECT * FROM blocks WHERE id = $1"), "client.query(", "queryInLoop"),
    invalid(sortedLocks("DELETE FROM locksmiths WHERE id = $1"), "client.query(", "writeInLoop"),
    // Valid neighbour (fedify's lock release): a function named like one that reads rows.
    invalid(sortedLocks("SELECT release_lock_owner FROM versions WHERE id = ?"), "client.query(", "queryInLoop"),
    // Valid neighbours (capgo on_version_update.ts): the transaction is opened on another client, or not at all.
    invalid(perEntryTransaction('await other.query("BEGIN")'), 'client.query("DELETE', "writeInLoop"),
    // Valid neighbours (Avy-ERP's link emails, silk-route's dispute parties, freight-managment's fired rules): a spread of data, a set of rows or an object's length, promises per row.
    invalid(linkEmails("[...new Set([...ids, data.officialEmail])]"), "prisma.user.findFirst(", "queryInLoop"),
    invalid(linkEmails("Array.from(new Set(ids))"), "prisma.user.findFirst(", "queryInLoop"),
    invalid(linkEmails("Array.from({ length: ids.length }, (_, i) => ids[i])"), "prisma.user.findFirst(", "queryInLoop"),
    invalid(linkEmails("Buffer.from([data.officialEmail])"), "prisma.user.findFirst(", "queryInLoop"),
    invalid(firedRules("ids.map((id) => checkLatePickup(id))").replace("async function checkAllRules(loadId: string)", "async function checkAllRules(loadId: string, ids = [loadId])"), "prisma.loadEscalation.create(", "writeInLoop"),
    invalid(firedRules("[checkLatePickup(loadId)]").replace("Promise.all(", "Promise.any("), "prisma.loadEscalation.create(", "writeInLoop"),
    invalid(firedRules("[checkLatePickup(loadId)]").replace("Promise.all(", "batcher.all("), "prisma.loadEscalation.create(", "writeInLoop"),
    // Aniston-HRMS attendance-cron.worker.ts: `prisma.gPSTrailPoint.findFirst` per open record, the client proven by `findUnique` in the file.
    invalid(geofenceMonitor("prisma.organization.findUnique", "prisma.gPSTrailPoint.findFirst"), "prisma.gPSTrailPoint.findFirst(", "queryInLoop"),
    invalid(geofenceMonitor("prisma.organization.findUnique", "prisma.gPSTrailPoint.count"), "prisma.gPSTrailPoint.count(", "queryInLoop"),
    invalid(`export class ReportService {\n  constructor(private prisma: PrismaService) {}\n  async users(ids: string[]) {\n    const rows = [];\n    for (const id of ids) rows.push(await this.prisma.user.findFirst({ where: { id } }));\n    return rows;\n  }\n  one(id: string) {\n    return this.prisma.user.findUnique({ where: { id } });\n  }\n}`, "this.prisma.user.findFirst(", "queryInLoop"),
    invalid(`import { User } from "./models";\nexport async function f(ids: string[]) {\n  const admin = await User.findById("admin");\n  for (const id of ids) await User.find({ manager: id, team: admin.team });\n}`, "User.find(", "queryInLoop"),
    // silk-route-logistics carrierOutreachService.ts: a list of statuses written in the code batches nothing over the carriers.
    invalid(carrierCapacity('["BOOKED", "DISPATCHED", "IN_TRANSIT"]'), "prisma.load.count(", "queryInLoop"),
    invalid(carrierCapacity("[LoadStatus.BOOKED, LoadStatus.IN_TRANSIT]"), "prisma.load.count(", "queryInLoop"),
    invalid(knexStatuses('["open", "booked"]'), 'db("loads")', "queryInLoop"),
    invalid(knexStatuses('["open", "booked"]').replace('.whereIn("status", ["open", "booked"])', '.where("status", "in", ["open", "booked"])'), 'db("loads")', "queryInLoop"),
    invalid(drizzleStock("db.select()").replace("eq(variants.id, item.variantId)", 'and(eq(variants.id, item.variantId), inArray(variants.status, ["active", "draft"]))'), "db.select()", "queryInLoop"),
    // Valid neighbours (Megagig's lab alerts): the queried property is the element's, the literal spreads or computes a key, or the helper reads the parameter otherwise.
    labAlertsReported("patientId: result.patientId, message: result.testName", "Patient.findById(alert.patientId)"),
    labAlertsReported("...result, patientId: lab.patientId", "Patient.findById(alert.patientId)"),
    whatsappSendsReported("{ business, appointment }", "Business.findById(appointment.businessId)"),
    whatsappSendsReported("{ business: { _id }, appointment }", "Business.findById(_id).where({ at: appointment.at })"),
    whatsappSendsReported("{ business, ...appointment }", "Business.findById(business._id).where({ at: appointment.at })"),
    labAlertsReported("[key]: lab.patientId, message: result.testName", "Patient.findById(alert.patientId)"),
    labAlertsReported("patientId: lab.patientId, message: result.testName", "Patient.findOne(alert)"),
    invalid(labAlerts("patientId: lab.patientId, message: result.testName", "Patient.findOne(alert)").replace("    const patient = await Patient.findOne(alert);", "    const note = alert.message;\n    const patient = await Patient.findOne({ _id: alert.patientId, note });"), "this.sendAlert(", "queryInLoopViaCall"),
    labAlertsReported("patientId: lab.patientId, message: result.testName", "Patient.findOne({ _id: alert.patientId, note: alert.message })"),
    labAlertsReported("patientId: lab.patientId, message: result.testName", "Patient.findOne({ _id: alert.patientId }).where({ tags: [alert].map((a) => a.message) })"),
    // Valid neighbours (Megagig's workspace stats): a session without a transaction, or one opened once before the loop.
    invalid(perWorkspaceSession("const session = await mongoose.startSession();", "{ session }"), "this.recalc(", "queryInLoopViaCall"),
    invalid(perWorkspaceSession("", "{ session }", "    session.startTransaction();\n").replace("export class", "const session = mongoose.startSession();\nexport class"), "this.recalc(", "queryInLoopViaCall"),
    invalid(perWorkspaceSession("const session = await mongoose.startSession();\n    other.startTransaction();", "{ session }"), "this.recalc(", "queryInLoopViaCall"),
    invalid(perWorkspaceChain("const session = await mongoose.startSession();\n  session.startTransaction();", ""), "Workplace.findById(", "queryInLoop"),
    invalid(perUserSequelize("const t = await sequelize.transaction();", ""), "User.findByPk(", "queryInLoop"),
    invalid(`import knex from "knex";\nconst db = knex({});\nexport async function settle(ids: string[]) {\n  const trx = await db.transaction();\n  for (const id of ids) {\n    await db("accounts").where({ id }).update({ settled: true }).transacting(trx);\n  }\n  await trx.commit();\n}`, 'db("accounts")', "writeInLoop"),
    invalid(perUserSequelize("", "const t = await sequelize.transaction(async () => {});"), "User.findByPk(", "queryInLoop"),
    // Valid neighbour (jwfreed's cost roll-up): a helper named for a transaction, but not for running one.
    invalid(perUserTransaction("withTransactionLog(", ")"), "tx.user.findUnique(", "queryInLoop"),
    // Valid neighbours: a method only named like a transaction's start, or ending in another word.
    invalid(perUserTransaction("this.repo.withTxLog(", ")"), "tx.user.findUnique(", "queryInLoop"),
    invalid(perUserTransaction("this.repo.runTx(", ")"), "tx.user.findUnique(", "queryInLoop"),
    // Valid neighbours: helpers that run the callback beside a transaction, not in one.
    invalid(perUserTransaction("withoutTransaction(", ")"), "tx.user.findUnique(", "queryInLoop"),
    invalid(perUserTransaction("runAfterTransaction(", ")"), "tx.user.findUnique(", "queryInLoop"),
    invalid(perUserTransaction("this.db.runOutsideTransaction(", ")"), "tx.user.findUnique(", "queryInLoop"),
    invalid(perUserTransaction("executeTransactionLog(", ")"), "tx.user.findUnique(", "queryInLoop"),
    // Valid neighbours (TicketToken's reservation cleanup): the transaction is opened on another client, or once before the loop.
    invalid(perOrphanTransaction("", '      await other.query("BEGIN");\n'), "this.releaseOrphan(", "queryInLoopViaCall"),
    invalid(perOrphanTransaction('    await client.query("BEGIN");\n', ""), "this.releaseOrphan(", "queryInLoopViaCall"),
    invalid(perEntryTransaction('await client.query("SET LOCAL statement_timeout = 1000")'), 'client.query("DELETE', "writeInLoop"),
    // Valid neighbour (the helper form): no transaction is opened before the delete.
    invalid(perEntryHelper("await client.query(\"SET LOCAL statement_timeout = 1000\")"), "cleanEntry(entry);", "queryInLoopViaCall"),
    // Valid neighbour (bun-sqlite-dialect.ts): libSQL's client also talks to a remote server.
    invalid(sqliteIntrospector("@libsql/client"), "this.db.selectFrom(", "queryInLoop"),
    // Valid neighbour (offline_mode.js): a module that tests for the DOM also runs on a server.
    invalid(offlineSync('if (typeof window !== "undefined") '), "db.query(", "writeInLoop", { filename: "file.js" }),
    // ai-websenor ai-job-portal apps/user-service/src/resume/resume.service.ts: a server that renders PDFs in Puppeteer; `document` is read in the page, by `page.evaluate`.
    invalid(offlineSync("").replace("window.navigator.wakeLock.request();", "await page.evaluate(() => document.fonts.ready);"), "db.query(", "writeInLoop", { filename: "file.js" }),
    // A module that imports React may be a server component querying its database.
    invalid(`import React from "react";\n${PRISMA}export default async function Page({ ids }) {\n  for (const id of ids) await prisma.user.findUnique({ where: { id } });\n  return null;\n}`, "prisma.user.findUnique(", "queryInLoop"),
    // medusa packages/modules/product/src/repositories/product-category.ts: a MikroORM entity manager's method named like TypeORM's names no library.
    invalid('import type { SqlEntityManager } from "@mikro-orm/postgresql";\nexport async function restore(manager: SqlEntityManager, ids: string[]) {\n  return Promise.all(ids.map((id) => manager.findOneOrFail(Category, { id })));\n}', "manager.findOneOrFail(", "queryInLoop", {}, {
      call: "manager.findOneOrFail()",
      library: "database",
      collection: "ids",
      batched: "one query for all the ids",
    }),
    // Without an ORM the knowledge base does not describe, the one-library name names TypeORM.
    invalid('import type { EntityManager } from "./db";\nexport async function restore(manager: EntityManager, ids: string[]) {\n  return Promise.all(ids.map((id) => manager.findOneOrFail(Category, { id })));\n}', "manager.findOneOrFail(", "queryInLoop", {}, {
      call: "manager.findOneOrFail()",
      library: "TypeORM",
      collection: "ids",
      batched: "one `findBy({ id: In(ids) })`",
    }),
    // grouparoo core/src/models/Destination.ts: a Sequelize model's own static `findById`, in a file that imports Sequelize and not Mongoose.
    invalid(groupLookups('import { Op } from "sequelize";\n'), "Group.findById(", "queryInLoop", {}, { call: "Group.findById()", library: "database", collection: "memberships", batched: "one query for all the ids" }),
    // Anistonworkspace Aniston-HRMS backend/src/modules/leave/leave.routes.ts: zod or ioredis beside the models is no other database library.
    invalid(groupLookups('import { z } from "zod";\n'), "Group.findById(", "queryInLoop", {}, { call: "Group.findById()", library: "Mongoose", collection: "memberships", batched: "one `find({ _id: { $in: ids } })`" }),
    invalid(groupLookups('import Redis from "ioredis";\n'), "Group.findById(", "queryInLoop", {}, { call: "Group.findById()", library: "Mongoose", collection: "memberships", batched: "one `find({ _id: { $in: ids } })`" }),
    // In a file that imports Mongoose, or no library of the knowledge base, the one-library name names Mongoose.
    invalid(groupLookups('import { Types } from "mongoose";\nimport { Op } from "sequelize";\n'), "Group.findById(", "queryInLoop", {}, {
      call: "Group.findById()",
      library: "Mongoose",
      collection: "memberships",
      batched: "one `find({ _id: { $in: ids } })`",
    }),
    // wiki.js: an Objection query builder with a method named like Mongoose's.
    invalid("async function f(files) {\n  for (const file of files) await Asset.query().patch({ filename: file.path }).findById(file.id);\n}", "Asset.query()", "queryInLoop", { filename: "file.js" }, {
      call: "Asset.query()….findById()",
      library: "database",
      collection: "files",
      batched: "one query for all the ids",
    }),
    invalid(`import type { Repository } from "typeorm";\nasync function f(repo: Repository<User>, ids: string[]) {\n  for (const id of ids) await repo.findOneBy({ id });\n}`, "repo.findOneBy(", "queryInLoop"),
    invalid(`import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nasync function f(items) {\n  for (const item of items) await db.select().from(users).where(eq(users.id, item.userId));\n}`, "db.select()", "queryInLoop"),
    // qodari-lending's voucher run: the helper is called in an arm that leaves and in the code after it, once per row: one report.
    invalid(voucherItems("continue;"), 'insertVoucherItem(row, "ERROR")', "queryInLoopViaCall", {}, VOUCHER_ITEM),
    // Valid neighbour (voucherItems): an arm that does not leave, so a row without a document number gets both items.
    {
      code: voucherItems("log(row);"),
      errors: [
        { messageId: "queryInLoopViaCall", ...at(voucherItems("log(row);"), 'insertVoucherItem(row, "ERROR")'), data: VOUCHER_ITEM },
        { messageId: "queryInLoopViaCall", ...at(voucherItems("log(row);"), 'insertVoucherItem(row, "PROCESSED")'), data: VOUCHER_ITEM },
      ],
    },
    // jwfreed's invariant blocks: the helper given another statement in each arm, two statements to batch.
    {
      code: invariantBlocks(BLOCK_UPDATE),
      errors: [
        { messageId: "queryInLoopViaCall", ...at(invariantBlocks(BLOCK_UPDATE), "query(\"INSERT") },
        { messageId: "queryInLoopViaCall", ...at(invariantBlocks(BLOCK_UPDATE), "query(\"UPDATE") },
      ],
    },
    // Valid neighbour (invariantBlocks): the same statement in each arm, one of them per element.
    invalid(invariantBlocks('"INSERT INTO blocks (tenant_id) VALUES ($1)"'), 'query("INSERT', "queryInLoopViaCall"),
    // Valid neighbour (tableCollection): one table for every element, the element's rows written to it.
    invalid(tableCollection("schema.items"), "transaction.insert(", "writeInLoop"),
    // Valid neighbour (servicingProgress): a test of the element's own data picks elements, it paces nothing.
    servicingProgressWrite("loan.sequence % 10 === 0"),
    servicingProgressWrite("loan % 10 === 0"),
    // Valid neighbour (servicingProgress): every other element is half the list.
    servicingProgressWrite("processed % 2 === 0"),
    // A drizzle chain on a `db` nothing traces, in a file that imports drizzle-orm (see invoiceServices).
    invoiceServiceWrite("tx.insert(services).values({ amount: service.amount })", "tx.insert(", "tx.insert(services).values()"),
    invoiceServiceWrite("tx.insert(services).values({ amount: service.amount }).returning()", "tx.insert(", "tx.insert(services).values()"),
    invoiceServiceWrite("tx.update(services).set({ amount: service.amount }).where(eq(services.id, service.id))", "tx.update(", "tx.update(services)….where()", "writeInLoop", DRIZZLE_PER_ROW_BATCHED),
    invoiceServiceWrite("tx.delete(services).where(eq(services.id, service.id))", "tx.delete(", "tx.delete(services).where()", "writeInLoop", "one `delete(table).where(inArray(table.id, ids))`"),
    invoiceServiceWrite("tx.select().from(services).where(eq(services.id, service.id))", "tx.select(", "tx.select().from(services).where()", "queryInLoop", DRIZZLE_BATCHED),
    invoiceServiceWrite("tx.select().from(services).where(eq(services.id, service.id)).get()", "tx.select(", "tx.select()….get()", "queryInLoop", DRIZZLE_BATCHED),
    // A subquery in the chain is sent within it: one report.
    invoiceServiceWrite("tx.update(services).set({ amount: service.amount }).where(inArray(services.id, tx.select({ id: services.id }).from(services).where(eq(services.parentId, service.id))))", "tx.update(", "tx.update(services)….where()", "writeInLoop", DRIZZLE_PER_ROW_BATCHED),
    invalid(stockChecks(MONGOOSE_TYPES, 'Inventory.aggregate([{ $match: { product: item.product } }, { $group: { _id: null, total: { $sum: "$quantity" } } }])'), "Inventory.aggregate(", "queryInLoop", {}, stockCheckData("Inventory.aggregate()")),
    // Elsewhere in the file, `Inventory.countDocuments({ quantity: { $gt: 0 } })` proves `Inventory` a Mongoose model, as a one-library method name would.
    invalid(stockChecks(MONGOOSE_TYPES, "Inventory.find({ product: item.product })").replace("export async", 'export const inStock = () => Inventory.countDocuments({ quantity: { $gt: 0 } });\nexport async'), "Inventory.find(", "queryInLoop", {}, stockCheckData("Inventory.find()")),
    invalid(stockChecks('import mongoose from "mongoose";\n', "Inventory.find({ product: item.product, quantity: { $gt: 0 } })"), "Inventory.find(", "queryInLoop", {}, stockCheckData("Inventory.find()")),
    invalid(stockChecks(MONGOOSE_TYPES, "Inventory.countDocuments({ $or: [{ product: item.product }, { code: item.code }] })"), "Inventory.countDocuments(", "queryInLoop", {}, { ...stockCheckData("Inventory.countDocuments()"), batched: MONGOOSE_COUNT }),
    invalid(stockChecks(MONGOOSE_TYPES, "Inventory.updateOne({ product: item.product }, { $inc: { quantity: -item.quantity } })"), "Inventory.updateOne(", "writeInLoop", {}, {
      call: "Inventory.updateOne()",
      library: "Mongoose",
      collection: "items",
      batched: "one `bulkWrite(rows.map((row) => ({ updateOne: { filter, update } })))`",
    }),
    invalid(relationalThreads('import { eq } from "drizzle-orm";\n', "this.db.query.messageThreads.findFirst"), "this.db.query.messageThreads.findFirst(", "queryInLoop", {}, {
      call: "this.db.query.messageThreads.findFirst()",
      library: "Drizzle ORM",
      collection: "threadIds",
      batched: DRIZZLE_BATCHED,
    }),
    invalid(relationalThreads('import { eq } from "drizzle-orm/pg-core";\n', "this.db.query.messageThreads.findMany"), "this.db.query.messageThreads.findMany(", "queryInLoop", {}, {
      call: "this.db.query.messageThreads.findMany()",
      library: "Drizzle ORM",
      collection: "threadIds",
      batched: DRIZZLE_BATCHED,
    }),
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(items) {\n  for (const item of items) await db("users").where({ id: item.userId }).first();\n}`, 'db("users")', "queryInLoop"),
    invalid(`import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\nasync function f(ids) {\n  for (const id of ids) await pool.execute("SELECT * FROM t WHERE id = ?", [id]);\n}`, "pool.execute(", "queryInLoop", {}, {
      call: "pool.execute()",
      library: "mysql2",
      collection: "ids",
      batched: "one query with `WHERE id IN (?)` and the array of ids",
    }),
    // A builder run by then, catch or asCallback: one report, at the query, not at the handler.
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(ids) {\n  for (const id of ids) await db("users").where({ id }).then(print);\n}`, 'db("users")', "queryInLoop", {}, {
      call: 'db("users").where()',
      library: "Knex",
      collection: "ids",
      batched: "one query with `.whereIn('id', ids)`",
    }),
    invalid(`import knex from "knex";\nconst db = knex({});\nfunction f(ids) {\n  for (const id of ids) db("users").where({ id }).del().catch(report);\n}`, 'db("users")', "writeInLoop"),
    invalid(`import knex from "knex";\nconst db = knex({});\nfunction f(ids, done) {\n  for (const id of ids) db("users").where({ id }).first().asCallback(done);\n}`, 'db("users")', "queryInLoop"),
    // knex.raw with a statement: a read or a write by its SQL text.
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(rows) {\n  for (const row of rows) await db.raw("update t set x = ? where id = ?", [row.x, row.id]);\n}`, "db.raw(", "writeInLoop", {}, {
      call: "db.raw()",
      library: "Knex",
      collection: "rows",
      batched: "one `insert(rows).onConflict('id').merge()`",
    }),
    // Valid neighbour (AFFiNE runtime config): a public method may be called per request from another module.
    // Valid neighbours (invoicerr's registry): a flag that another call can clear, that the method never sets, that each instance has, or that does not return.
    ...[
      pluginRegistry(undefined, undefined, "  static reset(): void {\n    PluginRegistry.isInitialized = false;\n  }\n"),
      pluginRegistry(undefined, undefined, "  static again(): void {\n    delete (PluginRegistry as { isInitialized?: boolean }).isInitialized;\n  }\n"),
      pluginRegistry(undefined, ""),
      pluginRegistry(undefined, "PluginRegistry.isInitialized = Date.now() > 0;"),
      pluginRegistry("if (this.isInitialized) return;", "this.isInitialized = true;"),
      pluginRegistry("if (registry.isInitialized) return;", "registry.isInitialized = true;"),
      pluginRegistry("if (PluginRegistry.isInitialized) console.log(\"again\");"),
      pluginRegistry("if (PluginRegistry.isInitialized) return;\n    else console.log(\"first\");"),
    ].map((code) => invalid(code, "prisma.plugin.findUnique(", "queryInLoop", {}, PLUGIN_DATA)),
    ...[
      latchedSync("").replace("  if (initialized) return;\n", "  let initialized = false;\n  if (initialized) return;\n"),
      latchedSync("let initialized = false;\n", "initialized = true;", "export function reset() {\n  initialized = false;\n}\n"),
      latchedSync("let initialized = false;\n", "initialized = ids.length > 0;"),
      latchedSync("let initialized = false;\n", "initialized ??= true;"),
      // A flag of each closure the factory makes: one per call of `makeSync`, which may be one per request.
      latchedSync("export function makeSync() {\n  let initialized = false;\n  return syncPlugins;\n").replace("export async function syncPlugins", "async function syncPlugins") + "}\n",
      latchedSync("let initialized = false;\n", "console.log(initialized);", "export function done() {\n  initialized = true;\n}\n"),
    ].map((code) => invalid(code, "prisma.plugin.findUnique(", "queryInLoop", {}, { call: "prisma.plugin.findUnique()", library: "Prisma", collection: "ids", batched: "one `findMany({ where: { id: { in: ids } } })`" })),
    invalid(runtimeConfig(""), "this.db.runtimeConfig.upsert(", "writeInLoop"),
    // Valid neighbour (AFFiNE runtime config): the private method is also called by a method that serves requests.
    invalid(runtimeConfig("private ", "  async list() {\n    await this.upgrade();\n  }\n"), "this.db.runtimeConfig.upsert(", "writeInLoop"),
    // Valid neighbour (the start-up hook): a method of another name runs whenever it is called.
    invalid(`${PRISMA}export class Seeder {\n  async onRequest() {\n    for (const id of ids) await prisma.flag.upsert({ where: { id }, create: { id }, update: {} });\n  }\n}`, "prisma.flag.upsert(", "writeInLoop"),
    // hoppscotch-backend, with `PrismaService` declared in settings as a Prisma client class: the annotation names an instance.
    invalid(NEST_SERVICE, "this.prisma.user.update(", "writeInLoop", { settings: prismaServiceAs("prisma.ClientClass") }, {
      call: "this.prisma.user.update()",
      library: "Prisma",
      collection: "ids",
      batched: "one `updateMany({ where: { id: { in: ids } } })`",
    }),
    // growthbook ExperimentModel.ts, hedgedoc explore.service.ts: a delete per element is batched as one delete, not as an insert.
    invalid(`${PG}async function f(ids: string[]) {\n  for (const id of ids) await pool.query("DELETE FROM t WHERE id = $1", [id]);\n}`, "pool.query(", "writeInLoop", {}, {
      call: "pool.query()",
      library: "node-postgres (pg)",
      collection: "ids",
      batched: "one `DELETE … WHERE id = ANY($1)`",
    }),
    invalid(`import mysql from "mysql2/promise";\nconst pool = mysql.createPool({});\nasync function f(ids) {\n  for (const id of ids) await pool.execute("delete from t where id = ?", [id]);\n}`, "pool.execute(", "writeInLoop", {}, {
      call: "pool.execute()",
      library: "mysql2",
      collection: "ids",
      batched: "one `DELETE … WHERE id IN (?)`",
    }),
    invalid(`import mongoose from "mongoose";\nconst Experiment = mongoose.model("Experiment", schema);\nasync function f(ids) {\n  for (const id of ids) await Experiment.deleteOne({ _id: id });\n}`, "Experiment.deleteOne(", "writeInLoop", {}, {
      call: "Experiment.deleteOne()",
      library: "Mongoose",
      collection: "ids",
      batched: "one `deleteMany({ _id: { $in: ids } })`",
    }),
    invalid(`${PRISMA}async function f(ids: string[]) {\n  for (const id of ids) await prisma.user.delete({ where: { id } });\n}`, "prisma.user.delete(", "writeInLoop", {}, {
      call: "prisma.user.delete()",
      library: "Prisma",
      collection: "ids",
      batched: "one `deleteMany({ where: { id: { in: ids } } })`",
    }),
    invalid('import { Model } from "sequelize";\nclass Doc extends Model {}\nasync function f(ids) {\n  for (const id of ids) await Doc.destroy({ where: { id } });\n}', "Doc.destroy(", "writeInLoop", {}, {
      call: "Doc.destroy()",
      library: "Sequelize",
      collection: "ids",
      batched: "one `destroy({ where: { id: ids } })`",
    }),
    invalid(`import type { Repository } from "typeorm";\nasync function f(repo: Repository<User>, ids: string[]) {\n  for (const id of ids) await repo.delete({ id });\n}`, "repo.delete(", "writeInLoop", {}, {
      call: "repo.delete()",
      library: "TypeORM",
      collection: "ids",
      batched: "one `delete({ id: In(ids) })`, or one `remove(entities)` with the whole list",
    }),
    invalid(`import { drizzle } from "drizzle-orm/node-postgres";\nconst db = drizzle(pool);\nasync function f(ids) {\n  for (const id of ids) await db.delete(users).where(eq(users.id, id));\n}`, "db.delete(", "writeInLoop", {}, {
      call: "db.delete(users).where()",
      library: "Drizzle ORM",
      collection: "ids",
      batched: "one `delete(table).where(inArray(table.id, ids))`",
    }),
    // rahmatullahboss/multi-store-saas apps/web/app/lib/inventory.server.ts: a long Drizzle chain is named by its first call, its long arguments elided.
    invalid(drizzleStock("db.select({ id: variants.id, stock: variants.stock })"), "db.select(", "queryInLoop", {}, { call: "db.select(…)….where()", library: "Drizzle ORM", collection: "items", batched: DRIZZLE_BATCHED }),
    invalid(drizzleStock("db.select({ id: variants.id })"), "db.select(", "queryInLoop", {}, { call: "db.select({ id: variants.id })….where()", library: "Drizzle ORM", collection: "items", batched: DRIZZLE_BATCHED }),
    invalid(drizzleStock("db.select()"), "db.select(", "queryInLoop", {}, { call: "db.select().from(variants).where()", library: "Drizzle ORM", collection: "items", batched: DRIZZLE_BATCHED }),
    // The same chain on a client whose name is long: its first call says nothing short, so only the method is named; a short chain is named whole.
    invalid(drizzleStock("inventoryStorefrontReadReplicaDatabaseConnection.select()").replace("const db =", "const inventoryStorefrontReadReplicaDatabaseConnection ="), "inventoryStorefrontReadReplicaDatabaseConnection.select(", "queryInLoop", {}, { call: "….where()", library: "Drizzle ORM", collection: "items", batched: DRIZZLE_BATCHED }),
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(ids) {\n  for (const id of ids) await db("visits").where({ id }).delete();\n}`, 'db("visits")', "writeInLoop", {}, {
      call: 'db("visits").where({ id }).delete()',
      library: "Knex",
      collection: "ids",
      batched: "one `.whereIn('id', ids).delete()`",
    }),
    invalid(`import { Kysely } from "kysely";\nconst db = new Kysely<DB>({ dialect });\nasync function f(ids: string[]) {\n  for (const id of ids) await db.deleteFrom("visits").where("id", "=", id).execute();\n}`, 'db.deleteFrom("visits")', "writeInLoop", {}, {
      call: 'db.deleteFrom("visits")….execute()',
      library: "Kysely",
      collection: "ids",
      batched: "one `deleteFrom(table).where('id', 'in', ids)`",
    }),
    // Valid neighbour (the deletes above): an update through the same builder is batched as an update.
    invalid(`import { Kysely } from "kysely";\nconst db = new Kysely<DB>({ dialect });\nasync function f(ids: string[]) {\n  for (const id of ids) await db.updateTable("visits").set({ seen: true }).where("id", "=", id).execute();\n}`, 'db.updateTable("visits")', "writeInLoop", {}, {
      call: 'db.updateTable("visits")….execute()',
      library: "Kysely",
      collection: "ids",
      batched: "one `.where('id', 'in', ids)` update",
    }),
    // A delete by a one-library name on an app's own repository names no library.
    invalid("class Cleaner {\n  async clean(ids) {\n    for (const id of ids) await this.repo.findByIdAndDelete(id);\n  }\n}", "this.repo.findByIdAndDelete(", "writeInLoop", { filename: "file.js" }, {
      call: "this.repo.findByIdAndDelete()",
      library: "database",
      collection: "ids",
      batched: "one delete of all the ids",
    }),
    invalid(`import type { Knex } from "knex";\nasync function f(trx: Knex.Transaction, ids: string[]) {\n  for (const id of ids) await trx.raw("select * from t where id = ?", [id]);\n}`, "trx.raw(", "queryInLoop"),
    // A subquery is sent within the query it is part of: one report, at that query.
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(items) {\n  for (const item of items) await db("t").where("org", item.org).whereExists(db("members").where({ team: item.team })).first();\n}`, 'db("t")', "queryInLoop"),
    // Valid neighbours (EventWebhookModel.ts): awaited, exec()-ed, or given a callback, the Mongoose query runs.
    invalid('import mongoose from "mongoose";\nconst Hook = mongoose.model("Hook", schema);\nfunction f(docs) {\n  return docs.map((doc) => {\n    void (async () => { try { await Hook.updateOne({ id: doc.id }, { $set: { method: "POST" } }); } catch {} })();\n    return doc;\n  });\n}', "Hook.updateOne(", "writeInLoop"),
    invalid('import mongoose from "mongoose";\nconst Hook = mongoose.model("Hook", schema);\nfunction f(docs) {\n  for (const doc of docs) Hook.updateOne({ id: doc.id }, { $set: { method: "POST" } }).exec();\n}', "Hook.updateOne(", "writeInLoop"),
    invalid('import mongoose from "mongoose";\nconst Hook = mongoose.model("Hook", schema);\nfunction f(docs, done) {\n  for (const doc of docs) Hook.updateOne({ id: doc.id }, { $set: { method: "POST" } }, done);\n}', "Hook.updateOne(", "writeInLoop"),
    invalid('import mongoose from "mongoose";\nconst Hook = mongoose.model("Hook", schema);\nfunction f(docs) {\n  for (const doc of docs) Hook.updateOne({ id: doc.id }, { $set: { method: "POST" } }, (error) => log(error));\n}', "Hook.updateOne(", "writeInLoop"),
    // Pydah-Soft-Projects li-hrms backend/arrears/services/arrearsService.js: one read per settlement, in a session or not; one report for the `?:`.
    {
      code: 'import mongoose from "mongoose";\nconst Arrear = mongoose.model("Arrear", schema);\nexport async function settle(settlements: { arrearId: string }[], session?: unknown) {\n  for (const settlement of settlements) {\n    const arrear = session\n      ? await Arrear.findById(settlement.arrearId).session(session)\n      : await Arrear.findById(settlement.arrearId);\n    await apply(arrear);\n  }\n}',
      errors: [{ messageId: "queryInLoop", line: 6, column: 15 }],
    },
    // Valid neighbour (li-hrms's arrears): two reads in one branch are two queries per element.
    {
      code: 'import mongoose from "mongoose";\nconst Arrear = mongoose.model("Arrear", schema);\nexport async function settle(settlements: { arrearId: string; userId: string }[], session?: unknown) {\n  for (const settlement of settlements) {\n    const both = session\n      ? [await Arrear.findById(settlement.arrearId), await Arrear.findOne({ userId: settlement.userId })]\n      : [];\n    await apply(both);\n  }\n}',
      errors: [{ messageId: "queryInLoop", line: 6, column: 16 }, { messageId: "queryInLoop", line: 6, column: 60 }],
    },
    // Megagig pharmacy-monorepo apps/api/src/controllers/roleHierarchyController.ts: the same update for each id, which one `updateMany` sends.
    invalid(
      'import mongoose from "mongoose";\nconst Role = mongoose.model("Role", schema);\nexport async function detach(childRoleIds: string[]) {\n  for (const id of childRoleIds) await Role.findByIdAndUpdate(id, { parentRole: null });\n}',
      "Role.findByIdAndUpdate(",
      "writeInLoop",
      {},
      { call: "Role.findByIdAndUpdate()", library: "Mongoose", collection: "childRoleIds", batched: "one `updateMany({ _id: { $in: ids } }, update)` or one `bulkWrite(operations)`" },
    ),
    // insertMany and bulkWrite return promises that run at once, awaited or not.
    invalid('import mongoose from "mongoose";\nconst Hook = mongoose.model("Hook", schema);\nfunction f(groups) {\n  for (const group of groups) Hook.insertMany(group.hooks.map((hook) => ({ ...hook, group: group.id })));\n}', "Hook.insertMany(", "writeInLoop"),
    invalid(`${PRISMA}function f(rows) {\n  for (const row of rows) void prisma.user.update({ where: { id: row.id }, data: { seen: true } }).then(log);\n}`, "prisma.user.update(", "writeInLoop"),
    invalid('import { User } from "./models";\nasync function f(rows) {\n  for (const row of rows) await User.findByIdAndUpdate(row.id, { seen: true });\n}', "User.findByIdAndUpdate(", "writeInLoop"),
    // Values per row: one `updateMany` cannot set them, so the message names a form that can.
    invalid(`${PRISMA}async function f(rows) {\n  for (const row of rows) await prisma.user.update({ where: { id: row.id }, data: { name: row.name } });\n}`, "prisma.user.update(", "writeInLoop", {}, {
      call: "prisma.user.update()",
      library: "Prisma",
      collection: "rows",
      batched: "one `$executeRaw` `UPDATE … FROM (VALUES …)` statement (Prisma has no bulk update with values per row)",
    }),
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(rows) {\n  for (const row of rows) await db("users").where({ id: row.id }).update({ name: row.name });\n}`, 'db("users")', "writeInLoop", {}, {
      call: 'db("users").where({ id: row.id }).update()',
      library: "Knex",
      collection: "rows",
      batched: "one `insert(rows).onConflict('id').merge()`",
    }),
    invalid(`${PG}async function f(rows) {\n  for (const row of rows) await pool.query("UPDATE users SET name = $1 WHERE id = $2", [row.name, row.id]);\n}`, "pool.query(", "writeInLoop", {}, {
      call: "pool.query()",
      library: "node-postgres (pg)",
      collection: "rows",
      batched: "one `UPDATE … SET x = v.x FROM unnest($1::int[], $2::text[]) AS v(id, x) WHERE t.id = v.id`",
    }),
    // Valid neighbours: the same value for every row fits one `updateMany`; an insert takes values per row.
    invalid(`${PRISMA}async function f(rows) {\n  for (const row of rows) await prisma.user.update({ where: { id: row.id }, data: { seen: true } });\n}`, "prisma.user.update(", "writeInLoop", {}, {
      call: "prisma.user.update()",
      library: "Prisma",
      collection: "rows",
      batched: "one `updateMany({ where: { id: { in: ids } } })`",
    }),
    invalid(`${PRISMA}async function f(rows) {\n  for (const row of rows) await prisma.user.create({ data: { id: row.id, name: row.name } });\n}`, "prisma.user.create(", "writeInLoop", {}, {
      call: "prisma.user.create()",
      library: "Prisma",
      collection: "rows",
      batched: "one `createMany({ data: rows })`",
    }),
    invalid(`${PG}async function f(rows) {\n  for (const row of rows) await pool.query("INSERT INTO users (id, name) VALUES ($1, $2)", [row.id, row.name]);\n}`, "pool.query(", "writeInLoop", {}, {
      call: "pool.query()",
      library: "node-postgres (pg)",
      collection: "rows",
      batched: PG_INSERT_BATCHED,
    }),
    // A list condition over a subquery batches nothing: the subquery runs once per element with its query.
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(orgs) {\n  for (const org of orgs) await db("users").whereIn("id", db("members").select("user_id").where({ org: org.id })).update({ active: false });\n}`, 'db("users")', "writeInLoop"),
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(orgs) {\n  for (const org of orgs) await db("users").whereIn("id", function () { this.select("user_id").from("members").where({ org: org.id }); });\n}`, 'db("users")', "queryInLoop"),
    // A drizzle subquery handed to a condition helper of drizzle-orm is part of the outer query: one report, there.
    invalid(`import { drizzle } from "drizzle-orm/node-postgres";\nimport { eq, inArray } from "drizzle-orm";\nconst db = drizzle(pool);\nasync function f(orgs) {\n  for (const org of orgs) await db.update(users).set({ active: false }).where(inArray(users.id, db.select({ id: members.userId }).from(members).where(eq(members.orgId, org.id))));\n}`, "db.update(", "writeInLoop"),
    invalid(`import { drizzle } from "drizzle-orm/node-postgres";\nimport { sql, eq } from "drizzle-orm";\nconst db = drizzle(pool);\nasync function f(orgs) {\n  for (const org of orgs) await db.select().from(users).where(sql\`\${users.id} in \${db.select({ id: members.userId }).from(members).where(eq(members.orgId, org.id))}\`);\n}`, "db.select()", "queryInLoop"),
    // A builder handed to a method of the client, not to a helper of drizzle-orm, is a statement of its own.
    invalid(`import { drizzle } from "drizzle-orm/libsql";\nimport { eq } from "drizzle-orm";\nconst db = drizzle(client);\nasync function f(items) {\n  for (const item of items) await db.batch([db.update(users).set({ seen: true }).where(eq(users.id, item.id))]);\n}`, "db.update(", "writeInLoop"),
    // The same builder handed to a function of the application runs on its own.
    invalid(`import { drizzle } from "drizzle-orm/node-postgres";\nimport { eq } from "drizzle-orm";\nimport { first } from "./query";\nconst db = drizzle(pool);\nasync function f(orgs) {\n  for (const org of orgs) await first(db.select().from(members).where(eq(members.orgId, org.id)));\n}`, "db.select()", "queryInLoop"),
    // A builder kept in another variable and awaited per element.
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(ids) {\n  let pending;\n  for (const id of ids) {\n    pending = db("users").where({ id }).first();\n    await pending;\n  }\n}`, 'db("users")', "queryInLoop"),
    // A copy of the kept builder, awaited per element.
    invalid(`import knex from "knex";\nconst db = knex({});\nasync function f(ids) {\n  const query = db("users");\n  for (const id of ids) await query.clone().where({ id }).orWhere({ parent: id });\n}`, "query.clone()", "queryInLoop"),
    // JavaScript: Prisma, mongoose, knex, untraced mysql-style SQL, a drain loop with pop().
    invalid('const { PrismaClient } = require("@prisma/client");\nconst prisma = new PrismaClient();\nasync function f(ids) {\n  for (const id of ids) await prisma.post.findUnique({ where: { id } });\n}', "prisma.post.findUnique(", "queryInLoop", { filename: "file.js" }),
    invalid('const mongoose = require("mongoose");\nconst Order = mongoose.model("Order", schema);\nasync function f(users) {\n  return Promise.all(users.map((u) => Order.find({ userId: u.id })));\n}', "Order.find(", "queryInLoop", { filename: "file.js" }, {
      call: "Order.find()",
      library: "Mongoose",
      collection: "users",
      batched: "one `find({ _id: { $in: ids } })`",
    }),
    invalid('const knex = require("knex")({});\nasync function f(items) {\n  for (const item of items) await knex("users").where({ id: item.userId }).first();\n}', 'knex("users")', "queryInLoop", { filename: "file.js" }),
    invalid("async function f(orders, connection) {\n  for (const order of orders) await connection.query(\"SELECT * FROM items WHERE order_id = ?\", [order.id]);\n}", "connection.query(", "queryInLoop", { filename: "file.js" }, {
      call: "connection.query()",
      library: "SQL",
      collection: "orders",
      batched: "one query with `WHERE id IN (?)` and the array of ids",
    }),
    invalid("async function f(stack, db) {\n  let node;\n  while ((node = stack.pop())) await db.query(\"SELECT * FROM nodes WHERE parent = $1\", [node.id]);\n}", "db.query(", "queryInLoop", { filename: "file.js" }),
    // corona-school's lecture organizers: a tagged `$executeRaw` per lecture; each statement is told its own batched form.
    invalid(
      lectureOrganizers('await prisma.$executeRaw`UPDATE lecture SET "participantIds" = array_remove("participantIds", ${organizerId}) WHERE id = ${lecture.id}`;'),
      "prisma.$executeRaw`",
      "writeInLoop",
      {},
      lectureData("prisma.$executeRaw", PRISMA_RAW_UPDATE),
    ),
    invalid(lectureOrganizers("const rows = await prisma.$queryRaw`SELECT * FROM participation WHERE lecture_id = ${lecture.id}`;"), "prisma.$queryRaw`", "queryInLoop", {}, lectureData("prisma.$queryRaw", "one `$queryRaw` with `WHERE id IN (${Prisma.join(ids)})`")),
    invalid(
      lectureOrganizers("const [{ n }] = await prisma.$queryRaw`SELECT COUNT(*) AS n FROM participation WHERE lecture_id = ${lecture.id}`;"),
      "prisma.$queryRaw`",
      "queryInLoop",
      {},
      lectureData("prisma.$queryRaw", "one `$queryRaw` `SELECT key, COUNT(*) … WHERE key IN (${Prisma.join(keys)}) GROUP BY key`, a count for each key"),
    ),
    invalid(
      lectureOrganizers("await prisma.$executeRaw`INSERT INTO lecture_log (lecture_id) VALUES (${lecture.id})`;"),
      "prisma.$executeRaw`",
      "writeInLoop",
      {},
      lectureData("prisma.$executeRaw", "one `createMany({ data: rows })` on the table's model, or one `$executeRaw` multi-row `INSERT … VALUES ${Prisma.join(rows)}`"),
    ),
    invalid(lectureOrganizers("await prisma.$executeRaw`DELETE FROM participation WHERE lecture_id = ${lecture.id}`;"), "prisma.$executeRaw`", "writeInLoop", {}, lectureData("prisma.$executeRaw", "one `$executeRaw` `DELETE … WHERE id IN (${Prisma.join(ids)})`")),
    // The same query as a call of the raw method, with SQL text through `Prisma.raw`, gets the same advice.
    invalid(lectureOrganizers("await prisma.$executeRawUnsafe(`UPDATE lecture SET seen = true WHERE id = $1`, lecture.id);"), "prisma.$executeRawUnsafe(", "writeInLoop", {}, lectureData("prisma.$executeRawUnsafe()", PRISMA_RAW_UPDATE)),
    // A helper of the file that sends the tagged query for the id it is given.
    invalid(
      lectureOrganizers("await markSeen(lecture.id);").replace("export async function", "const markSeen = (id: number) => prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${id}`;\nexport async function"),
      "markSeen(lecture",
      "queryInLoopViaCall",
      {},
      { ...lectureData("prisma.$executeRaw", PRISMA_RAW_UPDATE), callee: "markSeen", line: "3" },
    ),
    // Valid neighbour (a fragment per element sent once): two tagged queries in the arms of an `if` are two statements.
    {
      code: lectureOrganizers("if (lecture.open) await prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${lecture.id}`;\n    else await prisma.$executeRaw`DELETE FROM lecture WHERE id = ${lecture.id}`;"),
      errors: [
        { messageId: "writeInLoop", line: 5, column: 29 },
        { messageId: "writeInLoop", line: 6, column: 16 },
      ],
    },
    // documenso's duplicated envelope: the created row's id is used, so the batched insert must give the rows back.
    invalid(
      duplicateItems("const ids = [];\n  for (const item of envelope.items) {\n    const data = await prisma.documentData.create({ data: { data: item.data } });\n    ids.push(data.id);\n  }\n  return ids;"),
      "prisma.documentData.create(",
      "writeInLoop",
      {},
      duplicateData(PRISMA_CREATE_RETURNING),
    ),
    invalid(
      duplicateItems("return Promise.all(envelope.items.map((item) => prisma.documentData.create({ data: { data: item.data } })));"),
      "prisma.documentData.create(",
      "writeInLoop",
      {},
      duplicateData(PRISMA_CREATE_RETURNING),
    ),
    invalid(
      duplicateItems("const created = await Promise.all(\n    envelope.items.map(async (item) => {\n      return prisma.documentData.create({ data: { data: item.data } });\n    }),\n  );\n  return created;"),
      "prisma.documentData.create(",
      "writeInLoop",
      {},
      duplicateData(PRISMA_CREATE_RETURNING),
    ),
    // Valid neighbours (documenso's duplicated envelope): rows created and never read back are told `createMany`.
    invalid(duplicateItems("for (const item of envelope.items) {\n    await prisma.documentData.create({ data: { data: item.data } });\n  }"), "prisma.documentData.create(", "writeInLoop", {}, duplicateData("one `createMany({ data: rows })`")),
    invalid(duplicateItems("await Promise.all(envelope.items.map((item) => prisma.documentData.create({ data: { data: item.data } })));"), "prisma.documentData.create(", "writeInLoop", {}, duplicateData("one `createMany({ data: rows })`")),
    invalid(
      duplicateItems("await Promise.all(\n    envelope.items.map(async (item) => {\n      return prisma.documentData.create({ data: { data: item.data } });\n    }),\n  );"),
      "prisma.documentData.create(",
      "writeInLoop",
      {},
      duplicateData("one `createMany({ data: rows })`"),
    ),
    invalid(duplicateItems("for (const item of envelope.items) void (await prisma.documentData.create({ data: { data: item.data } }));"), "prisma.documentData.create(", "writeInLoop", {}, duplicateData("one `createMany({ data: rows })`")),
    // Reads are still reported when writes are not.
    invalid(`${PG}async function f(ids) {\n  for (const id of ids) await pool.query("SELECT * FROM t WHERE id = $1", [id]);\n}`, "pool.query(", "queryInLoop", { options: [{ writes: false }] }),
    // A typeorm query builder.
    invalid('import type { DataSource } from "typeorm";\nasync function f(ds: DataSource, ids: string[]) {\n  for (const id of ids) await ds.createQueryBuilder().select("u").from(User, "u").where("u.id = :id", { id }).getOne();\n}', "ds.createQueryBuilder()", "queryInLoop"),
    // safe-client-gateway src/modules/notifications/domain/v2/notifications.repository.ts: a delete query builder per safe is a write, batched as one delete.
    invalid(
      typeormBuilderLoop('delete().from(Subscription).where("safe = :safe", { safe })'),
      "ds.createQueryBuilder()",
      "writeInLoop",
      {},
      { call: "ds.createQueryBuilder()….execute()", library: "TypeORM", collection: "safes", batched: "one `delete({ id: In(ids) })`, or one `remove(entities)` with the whole list" },
    ),
    invalid(
      typeormBuilderLoop('update(Subscription).set({ muted: true }).where("safe = :safe", { safe })'),
      "ds.createQueryBuilder()",
      "writeInLoop",
      {},
      { call: "ds.createQueryBuilder()….execute()", library: "TypeORM", collection: "safes", batched: "one `update({ id: In(ids) }, values)`" },
    ),
    // Valid neighbour (safe-client-gateway's delete builder): the same builder selecting, a read.
    invalid(typeormBuilderLoop('select("s").from(Subscription, "s").where("s.safe = :safe", { safe })'), "ds.createQueryBuilder()", "queryInLoop", {}, { call: "ds.createQueryBuilder()….execute()", library: "TypeORM", collection: "safes", batched: "one `findBy({ id: In(ids) })`" }),
    // Valid neighbour (vendure's custom-field relations): the same entity for every element, a value from each.
    invalid('import type { DataSource } from "typeorm";\nasync function f(ds: DataSource, fields: { name: string }[], input: Record<string, string>) {\n  for (const field of fields) await ds.getRepository(Asset).findOne({ where: { id: input[field.name] } });\n}', "ds.getRepository(Asset)", "queryInLoop"),
  ],
});

/**
 * A project on disk whose `package.json` declares `dependencies`: the rule reads it (see
 * `getProjectPackages`). Untyped only: the typed runs lint files of `tests/fixtures`, whose
 * ancestor is this plugin's own `package.json`.
 */
function projectFile(dependencies: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "postmortem-project-"));
  projects.push(root);
  mkdirSync(path.join(root, ".git"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "ledger", dependencies }));
  return path.join(root, "lib", "invoices.ts");
}
const projects: string[] = [];
afterAll(() => {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
});

const INVOICE_INSERT = invoiceServices(DRIZZLE_ORM, "tx.insert(services).values({ amount: service.amount })");
// trinhtranduc rentalshop-nextjs apps/api/app/api/payments/route.ts: `db.merchants.findById(id)` of the app's own Prisma package.
const PRISMA_PROJECT = { "@prisma/client": "^6.0.0", next: "^15.0.0" };
const MERCHANT_LOOKUPS = 'import { db } from "@rentalshop/database";\nexport async function names(ids: number[]) {\n  const out = [];\n  for (const id of ids) out.push(await db.merchants.findById(id));\n  return out;\n}';
const merchantLookup = (library: string, batched: string): Invalid =>
  invalid(MERCHANT_LOOKUPS, "db.merchants.findById(", "queryInLoop", {}, { call: "db.merchants.findById()", library, collection: "ids", batched });
const prismaServiceLoop = (member: string): string =>
  `import { PrismaService } from "./prisma/prisma.service";\nexport class Marks {\n  constructor(private readonly ${member}: PrismaService) {}\n  async mark(ids: string[]) {\n    for (const id of ids) await this.${member}.$executeRaw\`UPDATE t SET seen = true WHERE id = \${id}\`;\n  }\n}`;
new RuleTester().run("no-query-in-loop (project)", rule, {
  valid: [
    // Shakes63 unifiedledger: every route imports the `db` that lib/db/index.ts makes with better-sqlite3, the project's only database.
    { code: INVOICE_INSERT, filename: projectFile({ "better-sqlite3": "^12.5.0", "drizzle-orm": "^0.44.0" }) },
  ],
  invalid: [
    // Valid neighbour (unifiedledger's SQLite): a project that also depends on a network database's driver may send round trips.
    { ...invoiceServiceWrite("tx.insert(services).values({ amount: service.amount })", "tx.insert(", "tx.insert(services).values()"), filename: projectFile({ "better-sqlite3": "^12.5.0", "drizzle-orm": "^0.44.0", pg: "^8.16.0" }) },
    // inbox-zero apps/web/app/api/outlook/watch/route.ts: Prisma from the app's own module still names Prisma, in a project that declares it.
    invalid('import prisma from "@/utils/prisma";\nexport async function watch(accounts) {\n  for (const account of accounts) await prisma.emailAccount.findUnique({ where: { id: account.id } });\n}', "prisma.emailAccount.findUnique(", "queryInLoop", { filename: projectFile(PRISMA_PROJECT) }, {
      call: "prisma.emailAccount.findUnique()",
      library: "Prisma",
      collection: "accounts",
      batched: "one `findMany({ where: { id: { in: ids } } })`",
    }),
    invalid("class Watcher {\n  async watch(accounts) {\n    for (const account of accounts) await this.prisma.emailAccount.findUnique({ where: { id: account.id } });\n  }\n}", "this.prisma.emailAccount.findUnique(", "queryInLoop", { filename: projectFile(PRISMA_PROJECT).replace(/\.ts$/u, ".js") }, {
      call: "this.prisma.emailAccount.findUnique()",
      library: "Prisma",
      collection: "accounts",
      batched: "one `findMany({ where: { id: { in: ids } } })`",
    }),
    // A client imported from the app's own module, in a project that declares Prisma: `$executeRaw` is a name only Prisma has.
    invalid(lectureOrganizers("await prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${lecture.id}`;", 'import { prisma } from "../prisma";\n'), "prisma.$executeRaw`", "writeInLoop", { filename: projectFile(PRISMA_PROJECT) }, lectureData("prisma.$executeRaw", PRISMA_RAW_UPDATE)),
    // Valid neighbour (rentalshop's wrappers): the same name in a project that declares another database library names no library.
    invalid(lectureOrganizers("await prisma.$executeRaw`UPDATE lecture SET seen = true WHERE id = ${lecture.id}`;", 'import { prisma } from "../prisma";\n'), "prisma.$executeRaw`", "writeInLoop", { filename: projectFile({ mongoose: "^8.0.0" }) }, { ...lectureData("prisma.$executeRaw", "one multi-row statement"), library: "database" }),
    // rznewswav ts-auth-poc src/app.service.ts: a NestJS service's `PrismaService`, named for the library, is its client.
    invalid(prismaServiceLoop("prisma"), "this.prisma.$executeRaw", "writeInLoop", { filename: projectFile(PRISMA_PROJECT) }, { call: "this.prisma.$executeRaw", library: "Prisma", collection: "ids", batched: PRISMA_RAW_UPDATE }),
    invalid(prismaServiceLoop("prismaService"), "this.prismaService.$executeRaw", "writeInLoop", { filename: projectFile(PRISMA_PROJECT) }, { call: "this.prismaService.$executeRaw", library: "Prisma", collection: "ids", batched: PRISMA_RAW_UPDATE }),
    // Valid neighbour (the NestJS service): a collaborator whose name only contains the library's names no library.
    invalid(prismaServiceLoop("usePrisma"), "this.usePrisma.$executeRaw", "writeInLoop", { filename: projectFile(PRISMA_PROJECT) }, { call: "this.usePrisma.$executeRaw", library: "database", collection: "ids", batched: "one multi-row statement" }),
    // rentalshop's wrappers: a method name only Mongoose has, in a project that declares Prisma and no Mongoose, names no library.
    { ...merchantLookup("database", "one query for all the ids"), filename: projectFile(PRISMA_PROJECT) },
    { ...merchantLookup("Mongoose", "one `find({ _id: { $in: ids } })`"), filename: projectFile({ "@prisma/client": "^6.0.0", mongoose: "^8.0.0" }) },
    { ...merchantLookup("Mongoose", "one `find({ _id: { $in: ids } })`"), filename: "file.ts" },
    // Openpanel-dev openpanel apps/worker: its database is the workspace package `@openpanel/db`, whose manifest is not linked here.
    { ...merchantLookup("Mongoose", "one `find({ _id: { $in: ids } })`"), filename: projectFile({ "@openpanel/db": "workspace:*", bullmq: "^5.0.0" }) },
    // Valid neighbour (unifiedledger's SQLite): a project with no embedded database.
    { ...invoiceServiceWrite("tx.insert(services).values({ amount: service.amount })", "tx.insert(", "tx.insert(services).values()"), filename: projectFile({ "drizzle-orm": "^0.44.0" }) },
  ],
});
