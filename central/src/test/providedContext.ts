/** What the global setup hands to test files through vitest's provide/inject. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded PGlite dump (pgliteTemplate.globalSetup.ts). */
    pgliteTemplate: string;
  }
}

export {};
