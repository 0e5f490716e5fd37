// Legacy decorators (TypeScript `experimentalDecorators`): class, property, method, accessor and
// parameter decorators, with decorator factories, on a TypeORM entity and an injectable service.
import { randomUUID } from "node:crypto";
import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import { Pool } from "pg";
import type { PoolClient } from "pg";

const INJECT = Symbol("inject");

function Injectable(): ClassDecorator {
  return (target) => target;
}

function Inject(token: symbol): ParameterDecorator {
  return (target, key, index) => void Reflect.set(Object(target), `${String(key)}:${index}`, token);
}

function Log(prefix = new Date().toISOString()): MethodDecorator {
  return (_target, _key, descriptor) => {
    void prefix;
    return descriptor;
  };
}

@Entity({ name: "audit_events" })
export class AuditEvent {
  @PrimaryColumn({ type: "uuid", default: randomUUID() }) // expect: postmortem/no-call-evaluated-default
  id!: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;

  @CreateDateColumn()
  createdAt!: Date;

  @Column("text", { nullable: true, default: undefined })
  note?: string;
}

@Injectable()
export class AuditService {
  static readonly pool = new Pool();

  constructor(@Inject(INJECT) private readonly pool: Pool) {}

  @Log()
  async record(events: AuditEvent[]): Promise<void> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("INSERT INTO audit_events SELECT * FROM unnest($1::jsonb[])", [events]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  }

  @Log("get")
  get size(): number {
    return this.pool.totalCount;
  }
}
