// Strategy: take each golden frame, then flip, overwrite, insert, delete and truncate bytes at
// random (fast-check, fixed seed so a failure replays), and also feed wholly random frames.
// Invariants: decoding never traps, always returns a status from the closed set, never
// returns ok for a frame whose body bytes disagree with its length, and memory never grows.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { beforeAll, expect, test } from "vitest";
import { type Core, InputArea, fromHex, loadCore } from "./harness.ts";

const fixtureUrl = new URL("../fixtures/log-v1-golden.json", import.meta.url);
const goldenFrames: Uint8Array[] = JSON.parse(readFileSync(fixtureUrl, "utf8")).vectors
  .map((vector: { hex: string }) => fromHex(vector.hex));
const statusLast = 6;
const runs = 3000;
const seed = 0x10671;

let core: Core;
let input: InputArea;

beforeAll(async () => {
  core = await loadCore("log-v1");
  input = new InputArea(core);
});

type Edit =
  | { kind: "set"; at: number; value: number }
  | { kind: "insert"; at: number; value: number }
  | { kind: "delete"; at: number }
  | { kind: "truncate"; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function applyEdit(frame: number[], change: Edit): number[] {
  if (frame.length === 0) return change.kind === "insert" ? [change.value] : frame;
  const at = change.at % frame.length;
  if (change.kind === "set") frame[at] = change.value;
  if (change.kind === "insert") frame.splice(at, 0, change.value);
  if (change.kind === "delete") frame.splice(at, 1);
  if (change.kind === "truncate") frame.length = at;
  return frame;
}

const mutatedFrame = fc.tuple(fc.nat(goldenFrames.length - 1), fc.array(edit, { maxLength: 6 }))
  .map(([index, edits]) => Uint8Array.from(edits.reduce(applyEdit, [...goldenFrames[index]])));
const randomFrame = fc.uint8Array({ maxLength: 64 });

function checkDecoders(frame: Uint8Array): void {
  input.reset();
  input.put(frame);
  const bodyAgrees = frame.length >= 8 && frame[6] + 256 * frame[7] === frame.length - 8;
  for (const decode of [core.exports.decodeRequest, core.exports.decodeResponse]) {
    const status = decode(frame.length);
    expect(status).toBeGreaterThanOrEqual(0);
    expect(status).toBeLessThanOrEqual(statusLast);
    if (!bodyAgrees) expect(status).not.toBe(0);
  }
}

test("log-v1 fuzz: mutated golden frames decode to a status, never a trap", () => {
  const memoryBytes = core.memory.buffer.byteLength;
  fc.assert(fc.property(mutatedFrame, checkDecoders), { numRuns: runs, seed });
  expect(core.memory.buffer.byteLength).toBe(memoryBytes);
});

test("log-v1 fuzz: random frames decode to a status, never a trap", () => {
  const memoryBytes = core.memory.buffer.byteLength;
  fc.assert(fc.property(randomFrame, checkDecoders), { numRuns: runs, seed });
  expect(core.memory.buffer.byteLength).toBe(memoryBytes);
});
