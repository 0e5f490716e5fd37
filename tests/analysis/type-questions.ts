import type * as ts from "typescript";

/** The checker's methods through which the analysis asks its questions. */
const QUESTIONS = ["getSymbolAtLocation", "getTypeAtLocation", "getTypeOfSymbol"] as const;

/**
 * Runs `ask` with every question to `checker` counted, and puts the checker back as it was: a
 * test of a guard asserts that the guard spares the checker, not only that the answer is right.
 */
export function countQuestions<T>(checker: ts.TypeChecker | undefined, ask: () => T): { readonly answer: T; readonly questions: number } {
  if (!checker) return { answer: ask(), questions: 0 };
  const saved = Object.getOwnPropertyDescriptors(checker);
  let questions = 0;
  for (const name of QUESTIONS) {
    const original = checker[name].bind(checker) as (...args: unknown[]) => unknown;
    Object.defineProperty(checker, name, { configurable: true, writable: true, value: (...args: unknown[]) => (questions++, original(...args)) });
  }
  try {
    return { answer: ask(), questions };
  } finally {
    for (const name of QUESTIONS) Object.defineProperty(checker, name, saved[name]);
  }
}
