// Strategy: push far more records than the ring holds, all of maximum size, interleaved with
// queries and mirror lines, through one module instance.
// Invariants: linear memory never grows (nothing allocates), the counters stay exact
// (appended == kept + dropped, nothing rejected), and the ring still pages cleanly after.

import { expect, test } from "vitest";
import { Journal, recordBytes } from "./journal-harness.ts";

const floodRecords = 100_000;

test("journal: a flood of maximum-size records leaves memory unchanged, counters exact",
  async () => {
    flood(await Journal.load());
  });

function flood(journal: Journal): void {
  const e = journal.core.exports;
  const memoryBytes = journal.core.memory.buffer.byteLength;
  const scope = "s".repeat(64);
  const message = "\u0001\"".repeat(128);
  const fields = "k=" + "v".repeat(510);
  const size = recordBytes(scope, message, fields);
  expect(size).toBe(journal.constant("logRecordBytesMax"));

  // Parts go into the input area once; every append then copies them from there.
  journal.append({ scope, message, fields, timestampNs: 1n });
  const [scopePtr, messagePtr, fieldsPtr] = partsPointers(journal, scope, message);
  for (let i = 1; i < floodRecords; i++) {
    e.append(7, 1 + (i % 5), scopePtr, 64, messagePtr, 256, fieldsPtr, 512, BigInt(i >> 4));
    if (i % 1000 === 0) {
      e.query(0n, 0n, 0, 0xffff, 0xffff, 0, 0, 0);
      e.mirror(BigInt(i));
    }
  }

  const stats = journal.stats();
  const kept = Math.floor(journal.constant("journalBytesDefault") / size);
  expect(stats).toMatchObject({ appended: BigInt(floodRecords), rejected: 0n,
    usedRecords: kept, usedBytes: kept * size, nextId: BigInt(floodRecords + 1) });
  expect(stats.appended).toBe(BigInt(stats.usedRecords) + stats.dropped);
  expect(journal.queryAll({ cursor: 1n }).ids.length).toBe(kept);
  expect(journal.core.memory.buffer.byteLength).toBe(memoryBytes);
}

// The harness's append puts scope, message, fields back to back at the input area's start.
function partsPointers(journal: Journal, scope: string, message: string): number[] {
  const base = journal.core.exports.inputPtr();
  const scopeBytes = new TextEncoder().encode(scope).length;
  const messageBytes = new TextEncoder().encode(message).length;
  return [base, base + scopeBytes, base + scopeBytes + messageBytes];
}
