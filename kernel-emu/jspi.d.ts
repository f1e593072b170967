// Type declarations for JavaScript Promise Integration (shipped in Node 25+, not yet in the
// TypeScript DOM/ES libs this project uses).

declare namespace WebAssembly {
  class Suspending {
    constructor(fn: (...args: never[]) => unknown);
  }
  function promising(fn: Function): (...args: unknown[]) => Promise<unknown>;
}
