// Golden LOG v1 frames, checked both ways: the codec encodes each vector's fields to exactly
// the committed bytes, and decodes the committed bytes back to exactly those fields. The
// fixture was written from docs/protocols/log-v1.md, not from the codec's output.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { type Core, InputArea, fromHex, loadCore, read, readText, toHex } from "./harness.ts";

type Vector = {
  name: string;
  kind: "request" | "response";
  op: number;
  status?: number;
  fields: Record<string, any>;
  hex: string;
};

const fixtureUrl = new URL("../fixtures/log-v1-golden.json", import.meta.url);
const vectors: Vector[] = JSON.parse(readFileSync(fixtureUrl, "utf8")).vectors;
const vectorNamed = (name: string) => vectors.find((vector) => vector.name === name)!;

let core: Core;
let input: InputArea;

beforeAll(async () => {
  core = await loadCore("log-v1");
  input = new InputArea(core);
});

function output(frameBytes: number): string {
  expect(frameBytes).toBeGreaterThan(0);
  return toHex(read(core, core.exports.outputPtr(), frameBytes));
}

// Puts a golden frame in the input area and returns its length.
function putFrame(vector: Vector): number {
  input.reset();
  const [, frameBytes] = input.put(fromHex(vector.hex));
  return frameBytes;
}

function encodeRecordsOf(fields: Record<string, any>): number {
  let recordsBytes = 0;
  for (const record of fields.records) {
    input.reset();
    const scope = input.put(record.scope);
    const message = input.put(record.message);
    const recordFields = input.put(record.fields);
    recordsBytes += core.exports.encodeQueryRecord(recordsBytes, BigInt(record.id),
      BigInt(record.timestampNs), record.sender, record.level, ...scope, ...message,
      ...recordFields);
  }
  return recordsBytes;
}

const encoders: Record<string, (fields: Record<string, any>) => number> = {
  "append-request": (f) => {
    input.reset();
    return core.exports.encodeAppendRequest(f.level, ...input.put(f.scope),
      ...input.put(f.message), ...input.put(f.fields));
  },
  "append-response": (f) => core.exports.encodeAppendResponse(BigInt(f.recordId),
    BigInt(f.dropped)),
  "query-request": (f) => {
    input.reset();
    return core.exports.encodeQueryRequest(BigInt(f.cursor), BigInt(f.timestampMinNs),
      f.sender, f.recordsMax, f.bytesMax, f.levelMax, ...input.put(f.scope));
  },
  "query-response": (f) => {
    const recordsBytes = encodeRecordsOf(f);
    return core.exports.encodeQueryResponseHead(BigInt(f.nextCursor), f.count, f.flags,
      recordsBytes);
  },
  "stats-request": () => core.exports.encodeStatsRequest(),
  "stats-response": (f) => core.exports.encodeStatsResponse(BigInt(f.appended),
    BigInt(f.dropped), BigInt(f.rejected), BigInt(f.nextId), f.capacityRecords,
    f.capacityBytes, f.usedRecords, f.usedBytes),
  "error-response-invalid-argument": () => core.exports.encodeErrorResponse(1, 5),
  "error-response-subscribe": () => core.exports.encodeErrorResponse(4, 3),
};

describe("log-v1 golden", () => {
  test("golden: the fixture covers every frame kind", () => {
    expect(Object.keys(encoders).sort()).toEqual(vectors.map((v) => v.name).sort());
  });

  for (const vector of vectors) {
    test(`golden: ${vector.name} encodes to the committed bytes`, () => {
      expect(output(encoders[vector.name](vector.fields))).toBe(vector.hex);
    });
  }

  test("golden: append-request decodes to its fields", () => {
    const vector = vectorNamed("append-request");
    const e = core.exports;
    expect(e.decodeRequest(putFrame(vector))).toBe(e.logStatusOk.value);
    expect(e.requestOp()).toBe(vector.op);
    expect(e.appendLevel()).toBe(vector.fields.level);
    expect(readText(core, e.appendScopePtr(), e.appendScopeBytes())).toBe(vector.fields.scope);
    expect(readText(core, e.appendMessagePtr(), e.appendMessageBytes()))
      .toBe(vector.fields.message);
    expect(readText(core, e.appendFieldsPtr(), e.appendFieldsBytes()))
      .toBe(vector.fields.fields);
  });

  test("golden: query-request decodes to its fields", () => {
    const vector = vectorNamed("query-request");
    const e = core.exports;
    expect(e.decodeRequest(putFrame(vector))).toBe(e.logStatusOk.value);
    expect(e.requestOp()).toBe(vector.op);
    expect(e.queryCursor()).toBe(BigInt(vector.fields.cursor));
    expect(e.queryTimestampMinNs()).toBe(BigInt(vector.fields.timestampMinNs));
    expect(e.querySender()).toBe(vector.fields.sender);
    expect(e.queryRecordsMax()).toBe(vector.fields.recordsMax);
    expect(e.queryBytesMax()).toBe(vector.fields.bytesMax);
    expect(e.queryLevelMax()).toBe(vector.fields.levelMax);
    expect(readText(core, e.queryScopePtr(), e.queryScopeBytes())).toBe(vector.fields.scope);
  });

  test("golden: stats-request decodes with an empty body", () => {
    const e = core.exports;
    expect(e.decodeRequest(putFrame(vectorNamed("stats-request")))).toBe(e.logStatusOk.value);
    expect(e.requestOp()).toBe(e.logOpStats.value);
  });

  test("golden: append-response decodes to its fields", () => {
    const vector = vectorNamed("append-response");
    const e = core.exports;
    expect(e.decodeResponse(putFrame(vector))).toBe(e.logStatusOk.value);
    expect([e.responseOp(), e.responseStatus()]).toEqual([vector.op, vector.status]);
    expect(e.responseRecordId()).toBe(BigInt(vector.fields.recordId));
    expect(e.responseDropped()).toBe(BigInt(vector.fields.dropped));
  });

  test("golden: stats-response decodes to its fields", () => {
    const vector = vectorNamed("stats-response");
    const e = core.exports;
    expect(e.decodeResponse(putFrame(vector))).toBe(e.logStatusOk.value);
    expect([e.responseOp(), e.responseStatus()]).toEqual([vector.op, vector.status]);
    const f = vector.fields;
    expect([e.statsAppended(), e.statsDropped(), e.statsRejected(), e.statsNextId()])
      .toEqual([f.appended, f.dropped, f.rejected, f.nextId].map(BigInt));
    expect([e.statsCapacityRecords(), e.statsCapacityBytes(), e.statsUsedRecords(),
      e.statsUsedBytes()]).toEqual([f.capacityRecords, f.capacityBytes, f.usedRecords,
      f.usedBytes]);
  });

  test("golden: query-response decodes to its fields and records", () => {
    const vector = vectorNamed("query-response");
    const e = core.exports;
    expect(e.decodeResponse(putFrame(vector))).toBe(e.logStatusOk.value);
    expect(e.responseNextCursor()).toBe(BigInt(vector.fields.nextCursor));
    expect([e.responseCount(), e.responseFlags()])
      .toEqual([vector.fields.count, vector.fields.flags]);

    let ptr = e.responseRecordsPtr();
    let bytesLeft = e.responseRecordsBytes();
    for (const expected of vector.fields.records) {
      const recordBytes = e.decodeRecord(ptr, bytesLeft);
      expect(recordBytes).toBeGreaterThan(0);
      expect({
        id: String(e.recordId()), timestampNs: String(e.recordTimestampNs()),
        sender: e.recordSender(), level: e.recordLevel(),
        scope: readText(core, e.recordScopePtr(), e.recordScopeBytes()),
        message: readText(core, e.recordMessagePtr(), e.recordMessageBytes()),
        fields: readText(core, e.recordFieldsPtr(), e.recordFieldsBytes()),
      }).toEqual(expected);
      ptr += recordBytes;
      bytesLeft -= recordBytes;
    }
    expect(bytesLeft).toBe(0);
  });

  for (const name of ["error-response-invalid-argument", "error-response-subscribe"]) {
    test(`golden: ${name} decodes to its op and status`, () => {
      const vector = vectorNamed(name);
      const e = core.exports;
      expect(e.decodeResponse(putFrame(vector))).toBe(e.logStatusOk.value);
      expect([e.responseOp(), e.responseStatus()]).toEqual([vector.op, vector.status]);
    });
  }
});
