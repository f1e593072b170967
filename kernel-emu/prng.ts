// The scheduler's seeded pseudo-random source: SplitMix32-style mixing over a 32-bit state.
// Written here rather than taken from a package because it is ten lines, must never change
// its sequence (transcripts depend on it), and runs on every context switch.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next value in [0, 2^32). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A uniform index in [0, count). */
  below(count: number): number {
    return this.next() % count;
  }
}
