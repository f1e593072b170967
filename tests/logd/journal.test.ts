// The journal ring through build/core/journal.wasm: order, bounds, counters and paging.

import { beforeEach, describe, expect, test } from "vitest";
import { Journal, recordBytes } from "./journal-harness.ts";

let journal: Journal;
let flagMore: number;
let flagGap: number;

beforeEach(async () => {
  journal = await Journal.load();
  flagMore = journal.constant("logQueryFlagMore");
  flagGap = journal.constant("logQueryFlagGap");
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => BigInt(from + i));

describe("journal order", () => {
  test("journal: ids rise from 1 and a query returns records in append order", () => {
    for (let i = 0; i < 5; i++) {
      expect(journal.append({ message: `m${i}`, timestampNs: BigInt(10 * i) }))
        .toBe(BigInt(i + 1));
    }
    const page = journal.query();
    expect(page.records.map((r) => r.message)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(page.records.map((r) => r.id)).toEqual(range(1, 5));
    expect(page.nextCursor).toBe(6n);
    expect(page.flags).toBe(0);
  });

  test("journal: a record keeps every part and the sender it was given", () => {
    journal.append({ sender: 42, level: 2, scope: "execd:spawn", message: "naïve ✓",
      fields: "a=1\nb=x y", timestampNs: 77n });
    expect(journal.query().records).toEqual([{ id: 1n, timestampNs: 77n, sender: 42,
      level: 2, scope: "execd:spawn", message: "naïve ✓", fields: "a=1\nb=x y" }]);
  });

  test("journal: a timestamp lower than the previous one is raised to it", () => {
    journal.append({ timestampNs: 100n });
    journal.append({ timestampNs: 50n });
    journal.append({ timestampNs: 100n });
    journal.append({ timestampNs: 120n });
    journal.append({ timestampNs: 0n });
    expect(journal.query().records.map((r) => r.timestampNs))
      .toEqual([100n, 100n, 100n, 120n, 120n]);
  });
});

describe("journal bounds", () => {
  test("journal: the record bound drops the oldest, exactly at the limit and one past", () => {
    const recordsMax = journal.constant("journalRecordsMax");
    expect(journal.init(recordsMax, journal.constant("journalBytesMax"))).toBe(0);
    for (let i = 0; i < recordsMax; i++) journal.append({ scope: "s", message: "" });
    expect(journal.stats()).toMatchObject({ usedRecords: recordsMax, dropped: 0n });

    journal.append({ scope: "s", message: "" });
    expect(journal.stats()).toMatchObject({ usedRecords: recordsMax, dropped: 1n,
      appended: BigInt(recordsMax + 1) });
    expect(journal.queryAll().ids).toEqual(range(2, recordsMax + 1));
  });

  test("journal: the byte bound drops the oldest, exactly at the limit and one past", () => {
    const bytesMax = journal.constant("journalBytesMax");
    const fields = "k=" + "v".repeat(222);
    const message = "m".repeat(256);
    const size = recordBytes("test", message, fields);
    expect(bytesMax % size).toBe(0);
    const fitting = bytesMax / size;
    expect(journal.init(journal.constant("journalRecordsMax"), bytesMax)).toBe(0);

    for (let i = 0; i < fitting; i++) journal.append({ message, fields });
    expect(journal.stats()).toMatchObject({ usedBytes: bytesMax, usedRecords: fitting,
      dropped: 0n });
    journal.append({ message, fields });
    expect(journal.stats()).toMatchObject({ usedBytes: bytesMax, usedRecords: fitting,
      dropped: 1n });
    expect(journal.queryAll().ids).toEqual(range(2, fitting + 1));
  });

  test("journal: a lowered record capacity drops the oldest", () => {
    expect(journal.init(4, 4096)).toBe(0);
    for (let i = 1; i <= 6; i++) journal.append({ message: `m${i}` });
    expect(journal.query().records.map((r) => r.message)).toEqual(["m3", "m4", "m5", "m6"]);
    expect(journal.stats()).toMatchObject({ appended: 6n, dropped: 2n, usedRecords: 4 });
  });

  test("journal: a record larger than the byte capacity is rejected and drops nothing", () => {
    const capacity = 100;
    expect(journal.init(16, capacity)).toBe(0);
    journal.append({ message: "kept" });

    const tooBig = "m".repeat(capacity - recordBytes("test", "", "") + 1);
    expect(journal.append({ message: tooBig })).toBe(0n);
    expect(journal.stats()).toMatchObject({ appended: 1n, dropped: 0n, rejected: 1n,
      usedRecords: 1 });
    expect(journal.query().records.map((r) => r.message)).toEqual(["kept"]);

    const exact = tooBig.slice(1);
    expect(journal.append({ message: exact })).toBe(2n);
    expect(journal.stats()).toMatchObject({ appended: 2n, dropped: 1n, rejected: 1n,
      usedRecords: 1, usedBytes: capacity });
  });

  test("journal: rejected also counts appends refused before the journal", () => {
    journal.core.exports.countRejected();
    expect(journal.stats()).toMatchObject({ rejected: 1n, appended: 0n });
  });

  test("journal: mixed sizes keep every bound and the newest records intact", () => {
    // Strategy: a seeded stream of records with sizes from minimum to maximum goes into a
    // small ring, so it wraps often and at every alignment. Invariants after every append:
    // used <= capacity (records and bytes), appended == used + dropped, and the records kept
    // are exactly the newest ones, with their content unchanged.
    const capacityRecords = 37;
    const capacityBytes = 5000;
    expect(journal.init(capacityRecords, capacityBytes)).toBe(0);
    let seed = 12345;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const appended: string[] = [];

    for (let i = 0; i < 2000; i++) {
      const message = String(i).padEnd(next(257), ".");
      const fields = next(3) === 0 ? "" : "k=" + "v".repeat(next(511));
      journal.append({ message, fields, scope: "s".repeat(1 + next(64)) });
      appended.push(message);

      const stats = journal.stats();
      expect(stats.usedRecords).toBeLessThanOrEqual(capacityRecords);
      expect(stats.usedBytes).toBeLessThanOrEqual(capacityBytes);
      expect(stats.appended).toBe(BigInt(stats.usedRecords) + stats.dropped);
      if (i % 97 !== 0) continue;
      const kept = journal.queryAll().pages.flatMap((page) => page.records);
      expect(kept.map((r) => r.message)).toEqual(appended.slice(-stats.usedRecords));
      const keptBytes = kept.reduce((sum, r) => sum + recordBytes(r.scope, r.message,
        r.fields), 0);
      expect(keptBytes).toBe(stats.usedBytes);
    }
  });
});

describe("journal capacity", () => {
  test("journal: init lowers capacity within its bounds", () => {
    expect(journal.stats()).toMatchObject({
      capacityRecords: journal.constant("journalRecordsDefault"),
      capacityBytes: journal.constant("journalBytesDefault"),
    });
    const recordsMin = journal.constant("journalRecordsMin");
    const bytesMin = journal.constant("logRecordBytesMin");
    expect(journal.init(recordsMin, bytesMin)).toBe(0);
    expect(journal.stats()).toMatchObject({ capacityRecords: recordsMin,
      capacityBytes: bytesMin });
    expect(journal.append({ scope: "s", message: "" })).toBe(1n);
    expect(journal.append({ scope: "s", message: "" })).toBe(2n);
    expect(journal.stats()).toMatchObject({ usedRecords: 1, dropped: 1n });
  });

  test("journal: init refuses values outside its bounds and changes nothing", () => {
    journal.append();
    const before = journal.stats();
    const invalid = journal.constant("logStatusInvalidArgument");
    const recordsMax = journal.constant("journalRecordsMax");
    const bytesMax = journal.constant("journalBytesMax");
    const bytesMin = journal.constant("logRecordBytesMin");
    expect(journal.init(0, bytesMax)).toBe(invalid);
    expect(journal.init(-1, bytesMax)).toBe(invalid);
    expect(journal.init(recordsMax + 1, bytesMax)).toBe(invalid);
    expect(journal.init(recordsMax, bytesMax + 1)).toBe(invalid);
    expect(journal.init(recordsMax, bytesMin - 1)).toBe(invalid);
    expect(journal.stats()).toEqual(before);
    expect(journal.init(recordsMax, bytesMax)).toBe(0);
  });

  test("journal: stats report capacity, use and counters", () => {
    expect(journal.init(8, 1000)).toBe(0);
    journal.append({ message: "a" });
    journal.append({ message: "bb", fields: "k=v" });
    expect(journal.stats()).toEqual({
      appended: 2n, dropped: 0n, rejected: 0n, nextId: 3n, capacityRecords: 8,
      capacityBytes: 1000, usedRecords: 2,
      usedBytes: recordBytes("test", "a", "") + recordBytes("test", "bb", "k=v"),
    });
  });
});

describe("journal query", () => {
  test("journal: paging through records sharing one timestamp never skips or repeats", () => {
    for (let i = 0; i < 250; i++) journal.append({ timestampNs: 5n });
    const { ids, pages } = journal.queryAll({ recordsMax: 7 });
    expect(ids).toEqual(range(1, 250));
    expect(pages.length).toBe(Math.ceil(250 / 7));
    expect(pages.at(-1)!.nextCursor).toBe(251n);
  });

  test("journal: a cursor older than the oldest record starts there and flags a gap", () => {
    expect(journal.init(4, 4096)).toBe(0);
    for (let i = 0; i < 10; i++) journal.append();
    const page = journal.query({ cursor: 3n });
    expect(page.records.map((r) => r.id)).toEqual(range(7, 10));
    expect(page.flags & flagGap).toBe(flagGap);
    expect(journal.query({ cursor: 7n }).flags & flagGap).toBe(0);
    expect(journal.query({ cursor: 0n }).flags & flagGap).toBe(flagGap);
  });

  test("journal: cursor 0 and 1 read from the first record without a gap", () => {
    journal.append();
    expect(journal.query({ cursor: 0n })).toMatchObject({ count: 1, flags: 0 });
    expect(journal.query({ cursor: 1n })).toMatchObject({ count: 1, flags: 0 });
  });

  test("journal: a cursor at or past the end gives an empty page at the next id", () => {
    journal.append();
    journal.append();
    expect(journal.query({ cursor: 3n })).toMatchObject({ count: 0, nextCursor: 3n, flags: 0 });
    expect(journal.query({ cursor: 99n })).toMatchObject({ count: 0, nextCursor: 3n });
    const empty = journal.query({ cursor: 0n });
    expect(empty.frameBytes).toBe(20 + empty.records.reduce(
      (sum, r) => sum + recordBytes(r.scope, r.message, r.fields), 0));
  });

  test("journal: a timestamp lower bound skips earlier records", () => {
    for (let i = 1; i <= 6; i++) journal.append({ timestampNs: BigInt(i * 100) });
    const page = journal.query({ timestampMinNs: 350n });
    expect(page.records.map((r) => r.timestampNs)).toEqual([400n, 500n, 600n]);
    expect(page.nextCursor).toBe(7n);
  });

  test("journal: level, sender and scope filters combine", () => {
    const rows: [number, number, string][] = [[1, 1, "a"], [3, 2, "a"], [5, 1, "b"],
      [2, 1, "a"], [4, 2, "b"], [1, 2, "ab"]];
    for (const [level, sender, scope] of rows) journal.append({ level, sender, scope });
    const ids = (query: object) => journal.query(query).records.map((r) => Number(r.id));
    expect(ids({ levelMax: 2 })).toEqual([1, 4, 6]);
    expect(ids({ levelMax: 0 })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids({ sender: 2 })).toEqual([2, 5, 6]);
    expect(ids({ scope: "a" })).toEqual([1, 2, 4]);
    expect(ids({ scope: "b", sender: 2 })).toEqual([5]);
    expect(ids({ levelMax: 3, sender: 1, scope: "a" })).toEqual([1, 4]);
  });

  test("journal: a filtered page stops at the next match and says more", () => {
    for (let i = 0; i < 10; i++) journal.append({ sender: i % 2 === 0 ? 1 : 2 });
    const first = journal.query({ sender: 2, recordsMax: 2 });
    expect(first.records.map((r) => r.id)).toEqual([2n, 4n]);
    expect(first).toMatchObject({ nextCursor: 6n, flags: flagMore });
    const last = journal.query({ sender: 2, recordsMax: 3, cursor: 6n });
    expect(last.records.map((r) => r.id)).toEqual([6n, 8n, 10n]);
    expect(last).toMatchObject({ nextCursor: 11n, flags: 0 });
  });

  test("journal: the count cap ends a page at logQueryRecordsMax", () => {
    const recordsMax = journal.constant("logQueryRecordsMax");
    for (let i = 0; i < recordsMax + 10; i++) journal.append({ scope: "s", message: "" });
    const page = journal.query({ recordsMax: 0xffff });
    expect(page).toMatchObject({ count: recordsMax, flags: flagMore,
      nextCursor: BigInt(recordsMax + 1) });
  });

  test("journal: the byte cap ends a page and one maximum record always fits", () => {
    const scope = "s".repeat(64);
    const message = "m".repeat(256);
    const fields = "k=" + "v".repeat(510);
    const size = recordBytes(scope, message, fields);
    expect(size).toBe(journal.constant("logRecordBytesMax"));
    for (let i = 0; i < 12; i++) journal.append({ scope, message, fields });

    const responseMax = journal.constant("logQueryResponseBytesMax");
    const full = journal.query({ bytesMax: 0xffff });
    expect(full.count).toBe(Math.floor(responseMax / size));
    expect(full.frameBytes).toBeLessThanOrEqual(journal.constant("messageBytesMax"));

    for (const bytesMax of [0, 1, size - 1, size, 2 * size - 1]) {
      const page = journal.query({ bytesMax });
      expect(page.count, `bytesMax ${bytesMax}`).toBe(1);
      expect(page).toMatchObject({ nextCursor: 2n, flags: flagMore });
    }
    expect(journal.queryAll({ bytesMax: 1 }).ids).toEqual(range(1, 12));
  });
});
