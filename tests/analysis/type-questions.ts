import type * as ts from "typescript";

/** The checker's methods through which the analysis asks its questions. */
const QUESTIONS = ["getSymbolAtLocation", "getTypeAtLocation", "getTypeOfSymbol"] as const;

export interface Questions<T> {
  readonly answer: T;
  /** How many questions `ask` put to the checker. */
  readonly questions: number;
  /** What each question was about: its first argument (a node or a symbol). */
  readonly subjects: readonly unknown[];
}

/**
 * Runs `ask` with every question to `checker` counted (or only those of `methods`), and puts the
 * checker back as it was: a test of a guard asserts that the guard spares the checker, not only
 * that the answer is right.
 */
export function countQuestions<T>(checker: ts.TypeChecker | undefined, ask: () => T, methods: readonly (typeof QUESTIONS)[number][] = QUESTIONS): Questions<T> {
  if (!checker) return { answer: ask(), questions: 0, subjects: [] };
  const saved = Object.getOwnPropertyDescriptors(checker);
  const subjects: unknown[] = [];
  for (const name of methods) {
    const original = checker[name].bind(checker) as (...args: unknown[]) => unknown;
    Object.defineProperty(checker, name, { configurable: true, writable: true, value: (...args: unknown[]) => (subjects.push(args[0]), original(...args)) });
  }
  try {
    const answer = ask();
    return { answer, questions: subjects.length, subjects };
  } finally {
    for (const name of methods) Object.defineProperty(checker, name, saved[name]);
  }
}
