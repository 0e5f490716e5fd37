// A TypeScript file with nothing but comments.
/* import Redis from "ioredis"; const r = new Redis(); */
/// <reference types="node" />
/**
 * @deprecated nothing here
 */
