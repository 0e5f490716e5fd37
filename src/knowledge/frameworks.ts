/**
 * How web frameworks declare request handlers: the functions that run once per request. Data
 * only; `src/analysis/request-handler.ts` reads it.
 */

/**
 * Route registration on an app or router object, `app.get("/users", handler)` (Express, Koa
 * Router, Fastify, Hono): the method names, with the path as a string first argument.
 */
export const ROUTE_METHODS: readonly string[] = ["get", "post", "put", "patch", "delete", "del", "head", "options", "all", "use"];

/** A path argument of a route registration starts with one of these. */
export const ROUTE_PATH_PREFIXES: readonly string[] = ["/", "*"];

/** `fastify.route({ url, handler })`: the method, the path keys and the handler keys. */
export const ROUTE_OBJECT = { method: "route", pathKeys: ["url", "path"], handlerKeys: ["handler"] } as const;

/** Next.js App Router: `app/**\/route.ts` exports one function per HTTP method. */
export const NEXT_ROUTE_FILE = /(?:^|[\\/])route\.[cm]?[jt]sx?$/u;
export const NEXT_ROUTE_EXPORTS: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Next.js Pages Router: the default export of a file under `pages/api/`. */
export const NEXT_API_FILE = /(?:^|[\\/])pages[\\/]api[\\/]/u;

/** Next.js server actions: a function or a whole file marked with this directive. */
export const SERVER_ACTION_DIRECTIVE = "use server";

/** NestJS: classes that handle requests, and the method decorators that route to a method. */
export const NEST_CONTROLLER_DECORATORS: readonly string[] = ["Controller", "Resolver"];

/**
 * NestJS lifecycle hooks that run once, when the application starts (a provider's
 * `onModuleInit()`, `onApplicationBootstrap()`; request-scoped providers get neither).
 */
export const NEST_STARTUP_HOOKS: readonly string[] = ["onModuleInit", "onApplicationBootstrap"];
export const NEST_HANDLER_DECORATORS: readonly string[] = [
  "Get",
  "Post",
  "Put",
  "Patch",
  "Delete",
  "All",
  "Head",
  "Options",
  "Query",
  "Mutation",
  "MessagePattern",
  "EventPattern",
];
