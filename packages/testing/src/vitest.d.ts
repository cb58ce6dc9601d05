// Lets tests read the Prism origin with `inject('prismUrl')`.
declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export {};
