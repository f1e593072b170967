// Property-based fuzzing of logd's request path through its built core modules
// (build/core/log-v1.wasm and build/core/journal.wasm, dispatched as logd does by
// logd-model.ts). fast-check runs every property with one fixed seed, so a failure replays and
// shrinks to a small counterexample; the summary line printed at the end says how many cases
// ran. tests/log-v1/fuzz.test.ts already feeds mutated golden frames to the decoders; this file
// generates its own valid frames, holds the codec to an independent reading of the document
// (log-v1-reference.ts), and follows each frame into the journal.
//
// Strategy:
//   - Valid APPEND / QUERY / STATS requests are generated from their fields: scopes from the
//     scope alphabet, text with multibyte characters, tabs and `=`, fields with sorted unique
//     unreserved keys, parts up to their caps.
//   - Mutations of those frames: bit flips, truncations, inserted runs, removed runs, splices
//     of two frames (head of one, tail of another), edits of the u16 length fields (body bytes,
//     the three APPEND part lengths, the QUERY scope length) by small deltas, to boundary
//     values or to random values, and growth past the message cap. Plus wholly random bytes.
//   - Frames go through logd's dispatch into small journals (capacities lowered with
//     journalInit so records are refused as too large for the ring too).
//   - Random journals (capacities, record sizes, senders, levels, scopes, timestamps from a
//     handful of values so many collide and some go backwards) are paged with random filters
//     and page budgets, also with appends between pages.
//
// Invariants:
//   1. Decoding is total: any byte string decodes (as a request and as a response) without a
//      trap to a status of the closed set, and the request status is the one the document's
//      check order names. A frame the decoder accepts is canonical: encoding its decoded
//      fields gives back the same bytes.
//   2. Refusal is inert: a refused frame changes nothing in the journal but `rejected`, which
//      rises by exactly one; its kept records are byte-for-byte the same.
//   3. Round trip: every valid request and response encodes to the reference bytes and
//      decodes to the fields it was built from.
//   4. Paging is exact: following next cursors returns exactly the kept records that match the
//      filter, in id order, none skipped or repeated, each page within its caps; with appends
//      between pages, ids still only rise and no record kept throughout is missed.
//   5. Counters are exact: appended == kept + dropped, appended counts accepted appends,
//      rejected counts refusals, and neither module's memory grows.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type QueryPage, utf8 } from "../log-v1/harness.ts";
import { Journal, type Query, recordBytes, type Stats } from "../logd/journal-harness.ts";
import { Codec, LogdModel, u32, u64 } from "./logd-model.ts";
import * as ref from "./log-v1-reference.ts";

const seed = 0x10dd;
const runsDecode = 4000;
const runsRandomBytes = 3000;
const runsRefusal = 1500;
const runsRoundTrip = 2000;
const runsPaging = 400;
const runsPagingLive = 300;

// Limits as services/lib/limits.ts and log-v1.ts name them (the arbitraries need them before
// the modules load).
const journalBytesMax = 64 * 1024;
const journalRecordsMax = 1024;
const queryRecordsMax = 128;
const queryPageBytesMin = 860;
const queryResponseBytesMax = 4076;
const flagMore = 1;
const flagGap = 2;

let codec: Codec;
let journal: Journal;
let logd: LogdModel;
let memoryBytes: { codec: number; journal: number };
let casesRun = 0;

beforeAll(async () => {
  codec = await Codec.load();
  journal = await Journal.load();
  logd = new LogdModel(codec, journal);
  memoryBytes = {
    codec: codec.core.memory.buffer.byteLength,
    journal: journal.core.memory.buffer.byteLength,
  };
});

afterAll(() => {
  // Nothing allocates on these paths, so neither module's memory may have grown.
  expect(codec.core.memory.buffer.byteLength).toBe(memoryBytes.codec);
  expect(journal.core.memory.buffer.byteLength).toBe(memoryBytes.journal);
  console.info(`logd fuzz: ${casesRun} cases ran (seed ${seed})`);
});

function run<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns: number): void {
  fc.assert(fc.property(arbitrary, (value) => {
    casesRun += 1;
    check(value);
  }), { numRuns, seed });
}

// ---- valid content ---------------------------------------------------------------------------

function clipToBytes(text: string, bytesMax: number): string {
  let clipped = "";
  let bytes = 0;
  for (const char of text) {
    bytes += utf8.encode(char).length;
    if (bytes > bytesMax) break;
    clipped += char;
  }
  return clipped;
}

const printable = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i));
const textUnit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...printable) },
  { weight: 1, arbitrary: fc.constantFrom("\t", "é", "✓", "😀", "\u0080", "\u07ff", "\u0800",
    "\uffff", "\u{10000}", "\u{10ffff}") },
);

function text(bytesMax: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: textUnit, maxLength: bytesMax }) },
    { weight: 1, arbitrary: fc.constant("m".repeat(bytesMax)) },
  ).map((value) => clipToBytes(value, bytesMax));
}

const scope = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...ref.scopeAlphabet), minLength: 1,
    maxLength: ref.scopeBytesMax }) },
  { weight: 1, arbitrary: fc.constant("s".repeat(ref.scopeBytesMax)) },
);

const fieldKey = fc.string({ unit: fc.constantFrom(...ref.keyAlphabet), minLength: 1,
  maxLength: 12 }).filter((key) => !ref.isReservedKey(key));

const fields = fc.oneof(
  { weight: 6, arbitrary: fc.uniqueArray(fc.tuple(fieldKey, text(48)),
    { maxLength: 16, selector: ([key]) => key }).map(joinFields) },
  { weight: 1, arbitrary: fc.constant("k=" + "v".repeat(ref.fieldsBytesMax - 2)) },
);

// Sorted lines, then whole lines dropped from the end until the text fits its cap.
function joinFields(pairs: [string, string][]): string {
  const lines = [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`);
  while (utf8.encode(lines.join("\n")).length > ref.fieldsBytesMax) lines.pop();
  return lines.join("\n");
}

const anyU64 = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  fc.constantFrom(0n, 1n, 2n ** 64n - 1n));

const appendRequest: fc.Arbitrary<ref.AppendRequest> = fc.record({
  level: fc.integer({ min: 1, max: 5 }), scope, message: text(ref.messageTextBytesMax), fields,
});

const queryRequest: fc.Arbitrary<ref.QueryRequest> = fc.record({
  cursor: anyU64, timestampMinNs: anyU64, sender: fc.integer({ min: 0, max: 0xffffffff }),
  recordsMax: fc.integer({ min: 1, max: 0xffff }), bytesMax: fc.integer({ min: 0, max: 0xffff }),
  levelMax: fc.integer({ min: 0, max: 5 }), scope: fc.oneof(fc.constant(""), scope),
});

const validRequest: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: appendRequest.map(ref.appendFrame) },
  { weight: 3, arbitrary: queryRequest.map(ref.queryFrame) },
  { weight: 1, arbitrary: fc.constant(ref.statsFrame()) },
);

// ---- mutations -------------------------------------------------------------------------------

type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "remove"; at: number; length: number }
  | { kind: "splice"; at: number; donor: Uint8Array; from: number }
  | { kind: "length"; pick: number; delta: number; value: number | null }
  | { kind: "grow"; to: number };

// The u16 length fields: body bytes; APPEND scope, message, fields; QUERY scope.
const lengthOffsets = [6, 10, 12, 14, 34];
const lengthBoundaries = [0, 1, 63, 64, 65, 255, 256, 257, 511, 512, 513, 4088, 4089, 0xffff];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat(), length: fc.integer({ min: 1,
    max: 16 }) }),
  fc.record({ kind: fc.constant("splice" as const), at: fc.nat(), donor: validRequest,
    from: fc.nat() }),
  fc.record({ kind: fc.constant("length" as const), pick: fc.nat(), delta: fc.integer({ min: -2,
    max: 2 }), value: fc.option(fc.oneof(fc.constantFrom(...lengthBoundaries),
    fc.integer({ min: 0, max: 0xffff }))) }),
  fc.record({ kind: fc.constant("grow" as const), to: fc.integer({ min: 4090, max: 4200 }) }),
);

function mutate(frame: Uint8Array, change: Mutation): Uint8Array {
  const at = frame.length === 0 ? 0 : (change as { at?: number }).at ?? 0;
  const where = frame.length === 0 ? 0 : at % frame.length;
  switch (change.kind) {
    case "flip": {
      const copy = frame.slice();
      if (copy.length > 0) copy[where] ^= 1 << change.bit;
      return copy;
    }
    case "truncate": return frame.slice(0, where);
    case "insert": return concat(frame.subarray(0, where), change.bytes, frame.subarray(where));
    case "remove": return concat(frame.subarray(0, where), frame.subarray(where + change.length));
    case "splice":
      return concat(frame.subarray(0, where), change.donor.subarray(change.from %
        (change.donor.length + 1)));
    case "length": return editLength(frame, change);
    case "grow": return concat(frame, new Uint8Array(Math.max(0, change.to - frame.length))
      .fill(0x61));
  }
}

function editLength(frame: Uint8Array, change: Extract<Mutation, { kind: "length" }>):
  Uint8Array {
  const offsets = lengthOffsets.filter((offset) => offset + 2 <= frame.length);
  if (offsets.length === 0) return frame;
  const copy = frame.slice();
  const view = new DataView(copy.buffer);
  const offset = offsets[change.pick % offsets.length];
  const edited = change.value ?? view.getUint16(offset, true) + change.delta;
  view.setUint16(offset, edited & 0xffff, true);
  return copy;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

const mutatedRequest = fc.tuple(validRequest, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([frame, changes]) => changes.reduce(mutate, frame));

const anyRequest = fc.oneof(
  { weight: 1, arbitrary: validRequest },
  { weight: 4, arbitrary: mutatedRequest },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 96 }) },
);

// ---- invariant 1: decoding is total, agrees with the document, accepts only canonical frames

// Re-encodes what decodeRequest accepted last; the frame must come back byte for byte.
function reencodeAccepted(): Uint8Array | number {
  const op = codec.requestOp();
  if (op === ref.opAppend) return codec.encodeAppend(codec.decodedAppend());
  if (op === ref.opQuery) return codec.encodeQuery(codec.decodedQuery());
  return codec.encodeStats();
}

// Statuses and flags the properties produced, so a generator that stops reaching a branch
// fails the run instead of passing vacuously.
const seen = { decode: new Set<number>(), served: new Set<number>(), flags: new Set<number>() };

function checkDecode(frame: Uint8Array): void {
  const status = codec.decodeRequest(frame);
  seen.decode.add(status);
  expect(status).toBe(ref.requestStatus(frame));
  expect(codec.requestOp()).toBe(frame.length >= 4 ? frame[3] : 0);
  if (status === ref.statusOk) expect(reencodeAccepted()).toEqual(frame);

  const responseStatus = codec.decodeResponse(frame);
  expect(responseStatus).toBeGreaterThanOrEqual(ref.statusOk);
  expect(responseStatus).toBeLessThanOrEqual(ref.statusLast);
}

describe("logd fuzz: decoding", () => {
  test("decode: mutated valid frames get the document's status and never trap", () => {
    run(anyRequest, checkDecode, runsDecode);
    expect([...seen.decode].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("decode: random byte strings get the document's status and never trap", () => {
    run(fc.uint8Array({ maxLength: 4200 }), checkDecode, runsRandomBytes);
  });
});

// ---- invariant 2: refusal is inert ----------------------------------------------------------

type Snapshot = { stats: Stats; records: string };

function snapshot(): Snapshot {
  const pages = journal.queryAll({ recordsMax: 0xffff, bytesMax: 0xffff }).pages;
  return { stats: journal.stats(), records: JSON.stringify(pages.flatMap((p) => p.records),
    (_, value) => (typeof value === "bigint" ? value.toString() : value)) };
}

const servedJournal = fc.record({
  capacityRecords: fc.integer({ min: 1, max: 12 }),
  capacityBytes: fc.oneof(fc.integer({ min: 29, max: 900 }), fc.integer({ min: 900, max: 6000 })),
  prefill: fc.array(appendRequest, { maxLength: 8 }),
  frames: fc.array(fc.tuple(anyRequest, fc.integer({ min: 1, max: 9 })), { minLength: 1,
    maxLength: 8 }),
});

function serveAndCheck(frame: Uint8Array, sender: number, timestampNs: bigint): void {
  const before = snapshot();
  const served = logd.serve(frame, sender, timestampNs);
  const after = snapshot();
  seen.served.add(served.status);
  expect(served.status).toBeLessThanOrEqual(ref.statusLast);
  expect(after.stats.appended).toBe(BigInt(after.stats.usedRecords) + after.stats.dropped);

  if (served.status !== ref.statusOk) {
    expect(after.records).toBe(before.records);
    expect(after.stats).toEqual({ ...before.stats, rejected: before.stats.rejected + 1n });
    return;
  }
  expect(after.stats.rejected).toBe(before.stats.rejected);
  if (served.op !== ref.opAppend) {
    expect(after).toEqual(before);
    return;
  }
  expect(served.recordId).toBe(before.stats.nextId);
  expect(after.stats.appended).toBe(before.stats.appended + 1n);
  expect(after.stats.nextId).toBe(before.stats.nextId + 1n);
}

describe("logd fuzz: refusal", () => {
  test("refusal: a refused frame changes nothing but rejected, which rises by one", () => {
    run(servedJournal, (spec) => {
      expect(journal.init(spec.capacityRecords, spec.capacityBytes)).toBe(0);
      spec.prefill.forEach((request, i) => logd.serve(ref.appendFrame(request), 1, BigInt(i)));
      spec.frames.forEach(([frame, sender], i) => serveAndCheck(frame, sender, BigInt(100 + i)));
    }, runsRefusal);
    expect([...seen.served].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

// ---- invariant 3: round trip ----------------------------------------------------------------

function checkAppendRoundTrip(request: ref.AppendRequest): void {
  const frame = ref.appendFrame(request);
  expect(codec.encodeAppend(request)).toEqual(frame);
  expect(codec.decodeRequest(frame)).toBe(ref.statusOk);
  expect(codec.decodedAppend()).toEqual(request);
}

function checkQueryRoundTrip(request: ref.QueryRequest): void {
  const frame = ref.queryFrame(request);
  expect(codec.encodeQuery(request)).toEqual(frame);
  expect(codec.decodeRequest(frame)).toBe(ref.statusOk);
  expect(codec.decodedQuery()).toEqual(request);
}

type StatsBody = [bigint, bigint, bigint, bigint, number, number, number, number];

const statsBody: fc.Arbitrary<StatsBody> = fc.tuple(anyU64, anyU64, anyU64, anyU64,
  ...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 0xffffffff }))) as
  fc.Arbitrary<StatsBody>;

function checkResponsesRoundTrip([recordId, dropped, stats]: [bigint, bigint, StatsBody]): void {
  const e = codec.core.exports;
  const append = codec.output(e.encodeAppendResponse(recordId, dropped)) as Uint8Array;
  expect(codec.decodeResponse(append)).toBe(ref.statusOk);
  expect([e.responseOp(), e.responseStatus(), u64(e.responseRecordId()),
    u64(e.responseDropped())]).toEqual([ref.opAppend, ref.statusOk, recordId, dropped]);

  const statsFrame = codec.output(e.encodeStatsResponse(...stats)) as Uint8Array;
  expect(codec.decodeResponse(statsFrame)).toBe(ref.statusOk);
  expect([...[e.statsAppended(), e.statsDropped(), e.statsRejected(), e.statsNextId()].map(u64),
    ...[e.statsCapacityRecords(), e.statsCapacityBytes(), e.statsUsedRecords(),
      e.statsUsedBytes()].map(u32)]).toEqual(stats);
}

describe("logd fuzz: round trip", () => {
  test("round trip: valid APPEND requests encode to the reference bytes and decode back", () => {
    run(appendRequest, checkAppendRoundTrip, runsRoundTrip);
  });

  test("round trip: valid QUERY requests encode to the reference bytes and decode back", () => {
    run(queryRequest, checkQueryRoundTrip, runsRoundTrip);
  });

  test("round trip: APPEND and STATS responses decode to the values encoded", () => {
    run(fc.tuple(anyU64, anyU64, statsBody), checkResponsesRoundTrip, runsRoundTrip);
  });

  test("round trip: a QUERY page of stored records decodes to those records", () => {
    // The journal stores records in the wire layout, so a page it writes is a response the
    // codec must decode record for record.
    run(fc.array(appendRequest, { minLength: 1, maxLength: 12 }), (requests) => {
      expect(journal.init(journalRecordsMax, journalBytesMax)).toBe(0);
      requests.forEach((request, i) => logd.serve(ref.appendFrame(request), 3, BigInt(i)));
      const page = journal.query({ recordsMax: 0xffff, bytesMax: 0xffff });
      const frame = journal.core.bytes().slice(journal.core.exports.outputPtr(),
        journal.core.exports.outputPtr() + page.frameBytes);
      expect(codec.decodeResponse(frame)).toBe(ref.statusOk);
      expect(codec.core.exports.responseCount()).toBe(page.count);
      const kept = requests.slice(0, page.count);
      expect(page.records.map(({ level, scope, message, fields }) =>
        ({ level, scope, message, fields }))).toEqual(kept);
    }, runsRoundTrip / 4);
  });
});

// ---- invariants 4 and 5: paging and counters over random journals ----------------------------

type ModelRecord = {
  id: bigint; timestampNs: bigint; sender: number; level: number; scope: string;
  message: string; fields: string;
};

type Filter = Required<Query>;

const scopes = ["a", "b", "ab", "net/tcp"];

const recordSpec = fc.record({
  sender: fc.integer({ min: 1, max: 4 }),
  level: fc.integer({ min: 1, max: 5 }),
  scope: fc.constantFrom(...scopes),
  message: fc.oneof(fc.nat(16), fc.nat(256)).map((n) => "m".repeat(n)),
  fields: fc.oneof(fc.constant(""), fc.integer({ min: 2, max: 512 })
    .map((n) => "k=" + "v".repeat(n - 2))),
  // A handful of values, in any order: many records share a timestamp, some go backwards.
  timestampNs: fc.integer({ min: 0, max: 6 }).map((t) => BigInt(10 * t)),
});

const filter: fc.Arbitrary<Filter> = fc.record({
  cursor: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 400n }), fc.constant(2n ** 64n - 1n)),
  timestampMinNs: fc.constantFrom(0n, 10n, 30n, 31n, 60n),
  sender: fc.integer({ min: 0, max: 4 }),
  recordsMax: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 0xffff })),
  bytesMax: fc.oneof(fc.nat(2000), fc.nat(0xffff)),
  levelMax: fc.integer({ min: 0, max: 5 }),
  scope: fc.constantFrom("", ...scopes, "zz"),
});

const randomJournal = fc.record({
  capacityRecords: fc.oneof(fc.integer({ min: 1, max: 24 }),
    fc.integer({ min: 1, max: journalRecordsMax })),
  capacityBytes: fc.oneof(fc.integer({ min: 29, max: 4000 }),
    fc.integer({ min: 29, max: journalBytesMax })),
  records: fc.array(recordSpec, { maxLength: 300 }),
  filters: fc.array(filter, { minLength: 1, maxLength: 4 }),
});

/** What the journal must hold: every accepted record with its id and forced timestamp. */
class JournalModel {
  records: ModelRecord[] = [];
  rejected = 0n;
  private lastTimestampNs = 0n;
  private capacityBytes: number;

  constructor(capacityBytes: number) {
    this.capacityBytes = capacityBytes;
  }

  append(spec: Omit<ModelRecord, "id">): void {
    const id = journal.append(spec);
    if (recordBytes(spec.scope, spec.message, spec.fields) > this.capacityBytes) {
      expect(id).toBe(0n);
      this.rejected += 1n;
      return;
    }
    if (spec.timestampNs > this.lastTimestampNs) this.lastTimestampNs = spec.timestampNs;
    const record = { ...spec, id: BigInt(this.records.length + 1),
      timestampNs: this.lastTimestampNs };
    expect(id).toBe(record.id);
    this.records.push(record);
  }

  /** Checks the counters and returns the kept records: the newest `usedRecords`. */
  kept(capacityRecords: number): ModelRecord[] {
    const stats = journal.stats();
    const appended = BigInt(this.records.length);
    expect(stats).toMatchObject({ appended, rejected: this.rejected, nextId: appended + 1n });
    expect(stats.appended).toBe(BigInt(stats.usedRecords) + stats.dropped);
    expect(stats.usedRecords).toBeLessThanOrEqual(capacityRecords);
    expect(stats.usedBytes).toBeLessThanOrEqual(this.capacityBytes);
    if (appended > 0n) expect(stats.usedRecords).toBeGreaterThan(0);

    const kept = this.records.slice(this.records.length - stats.usedRecords);
    const keptBytes = kept.reduce((sum, r) => sum + recordBytes(r.scope, r.message, r.fields), 0);
    expect(keptBytes).toBe(stats.usedBytes);
    return kept;
  }
}

function matches(record: ModelRecord, query: Filter): boolean {
  if (record.timestampNs < query.timestampMinNs) return false;
  if (query.levelMax !== 0 && record.level > query.levelMax) return false;
  if (query.sender !== 0 && record.sender !== query.sender) return false;
  return query.scope === "" || record.scope === query.scope;
}

function pageBytesMax(bytesMax: number): number {
  return Math.min(Math.max(bytesMax, queryPageBytesMin), queryResponseBytesMax);
}

function checkPageCaps(page: QueryPage, query: Filter, cursor: bigint): void {
  const bytes = page.records.reduce((sum, r) => sum + recordBytes(r.scope, r.message,
    r.fields), 0);
  expect(page.count).toBeLessThanOrEqual(Math.min(query.recordsMax, queryRecordsMax));
  expect(bytes).toBeLessThanOrEqual(pageBytesMax(query.bytesMax));
  expect(page.frameBytes).toBeLessThanOrEqual(ref.messageBytesMax);
  if ((page.flags & flagMore) !== 0) {
    expect(page.count).toBeGreaterThan(0);
    expect(page.nextCursor).toBeGreaterThan(cursor);
  }
}

// Pages from query.cursor until a page says no more; between pages `between` may append.
function pageThrough(query: Filter, between: () => void = () => {}): QueryPage[] {
  const pages: QueryPage[] = [];
  let cursor = query.cursor;
  for (;;) {
    const page = journal.query({ ...query, cursor });
    checkPageCaps(page, query, cursor);
    seen.flags.add(page.flags);
    pages.push(page);
    if ((page.flags & flagMore) === 0) return pages;
    cursor = page.nextCursor;
    between();
  }
}

function checkPaging(model: JournalModel, kept: ModelRecord[], query: Filter): void {
  const start = query.cursor > 1n ? query.cursor : 1n;
  const nextId = BigInt(model.records.length + 1);
  const oldestId = nextId - BigInt(kept.length);
  const pages = pageThrough(query);
  const returned = pages.flatMap((page) => page.records);

  const wanted = kept.filter((record) => record.id >= start && matches(record, query));
  expect(returned).toEqual(wanted);
  expect(pages[0].flags & flagGap).toBe(start < oldestId ? flagGap : 0);
  expect(pages.slice(1).every((page) => (page.flags & flagGap) === 0)).toBe(true);
  expect(pages.at(-1)!.nextCursor).toBe(nextId);
}

describe("logd fuzz: paging", () => {
  test("paging: random journals page to exactly the kept matching records, in id order", () => {
    run(randomJournal, (spec) => {
      expect(journal.init(spec.capacityRecords, spec.capacityBytes)).toBe(0);
      const model = new JournalModel(spec.capacityBytes);
      for (const record of spec.records) model.append(record);
      const kept = model.kept(spec.capacityRecords);
      for (const query of spec.filters) checkPaging(model, kept, query);
    }, runsPaging);
    expect([...seen.flags].sort()).toEqual([0, flagMore, flagGap, flagMore | flagGap]);
  });

  test("paging: with appends between pages ids only rise and no record kept is missed", () => {
    const live = fc.record({
      journal: randomJournal,
      arrivals: fc.array(fc.array(recordSpec, { maxLength: 6 }), { maxLength: 40 }),
    });
    run(live, ({ journal: spec, arrivals }) => {
      expect(journal.init(spec.capacityRecords, spec.capacityBytes)).toBe(0);
      const model = new JournalModel(spec.capacityBytes);
      for (const record of spec.records) model.append(record);
      const query = spec.filters[0];
      let turn = 0;
      const pages = pageThrough(query, () => arrivals[turn++]?.forEach((r) => model.append(r)));

      const returned = pages.flatMap((page) => page.records);
      const ids = returned.map((record) => record.id);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
      for (const record of returned) expect(record).toEqual(model.records[Number(record.id) - 1]);

      // A record kept at the end was kept all along (the ring drops oldest first), so every
      // one that matches and lies below the last next cursor must have been returned.
      const start = query.cursor > 1n ? query.cursor : 1n;
      const end = pages.at(-1)!.nextCursor;
      const missed = model.kept(spec.capacityRecords).filter((r) => r.id >= start &&
        r.id < end && matches(r, query) && !ids.includes(r.id));
      expect(missed).toEqual([]);
    }, runsPagingLive);
  });
});

