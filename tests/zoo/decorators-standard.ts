// Standard (TC39) decorators: class, method, field, getter and `accessor` decorators, with
// context objects, a parenthesized decorator expression, and a member-expression decorator.
import Redis from "ioredis";

type Method<This, Args extends unknown[], Return> = (this: This, ...args: Args) => Return;

function logged<This, Args extends unknown[], Return>(method: Method<This, Args, Return>, context: ClassMethodDecoratorContext<This, Method<This, Args, Return>>) {
  return function (this: This, ...args: Args): Return {
    console.log(`call ${String(context.name)}`);
    return method.call(this, ...args);
  };
}

function bound<This, Value>(_value: undefined, context: ClassFieldDecoratorContext<This, Value>) {
  return (initial: Value) => {
    void context.name;
    return initial;
  };
}

function tracked<This, Value>(target: ClassAccessorDecoratorTarget<This, Value>, _context: ClassAccessorDecoratorContext<This, Value>): ClassAccessorDecoratorResult<This, Value> {
  return { get() { return target.get.call(this); }, set(value) { target.set.call(this, value); } };
}

const decorators = {
  sealed<T extends abstract new (...args: never[]) => unknown>(value: T, _context: ClassDecoratorContext<T>): T {
    return value;
  },
};

@decorators.sealed
export class SessionStore {
  @bound redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

  @tracked accessor hits = 0;

  @(logged)
  async touch(sessionId: string): Promise<void> {
    const seen = await this.redis.get(`session:${sessionId}`); // expect: postmortem/no-check-then-act
    if (seen) return;
    await this.redis.set(`session:${sessionId}`, "1");
    this.hits += 1;
  }

  @logged
  async close(): Promise<void> {
    await this.redis.quit();
  }
}
