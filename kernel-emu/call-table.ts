// Callers blocked in `call`, by reply token. A caller has at most one call in flight (it is
// blocked in it), so the table has one slot per possible process and never grows.
//
// A token is a slot index in its low bits and a generation above them, so a token from an
// answered call (or a made-up one) does not name a later call in the same slot. Written
// instead of a Map because the lookup is on every call and reply, and a Map's hashing was a
// measurable share of an IPC round trip (docs/performance.md).

import { processesMax } from "./limits.ts";

const slotBits = 7;
const slotMask = (1 << slotBits) - 1;
const generationMax = 2 ** (32 - slotBits);

export class CallTable<Caller> {
  private readonly callers: (Caller | null)[];
  private readonly tokens: Uint32Array;
  private readonly free: number[] = [];
  private generation = 0;

  constructor() {
    if (processesMax > slotMask + 1) throw new Error("call table: more processes than slots");
    this.callers = new Array<Caller | null>(processesMax).fill(null);
    this.tokens = new Uint32Array(processesMax);
    for (let slot = processesMax - 1; slot >= 0; slot--) this.free.push(slot);
  }

  /** Records a caller; returns its reply token (never 0). */
  add(caller: Caller): number {
    const slot = this.free.pop();
    if (slot === undefined) throw new Error("call table: full (more callers than processes)");
    this.generation = this.generation + 1 === generationMax ? 1 : this.generation + 1;
    const token = (this.generation * (slotMask + 1) + slot) >>> 0;
    this.callers[slot] = caller;
    this.tokens[slot] = token;
    return token;
  }

  get(token: number): Caller | undefined {
    const slot = token & slotMask;
    if (slot >= this.callers.length || this.tokens[slot] !== token) return undefined;
    return this.callers[slot] ?? undefined;
  }

  delete(token: number): void {
    const slot = token & slotMask;
    if (slot >= this.callers.length || this.tokens[slot] !== token) return;
    this.callers[slot] = null;
    this.tokens[slot] = 0;
    this.free.push(slot);
  }

  /** Every pending call as [token, caller]; safe to delete from while iterating. */
  entries(): [number, Caller][] {
    const pending: [number, Caller][] = [];
    this.callers.forEach((caller, slot) => {
      if (caller !== null) pending.push([this.tokens[slot], caller]);
    });
    return pending;
  }
}
