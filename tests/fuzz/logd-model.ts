// logd's request path, rebuilt from its two core modules so a fuzzer can drive it one frame at
// a time: build/core/log-v1.wasm decodes the frame, build/core/journal.wasm keeps the records,
// and `serve` dispatches between them the way services/logd/main.ts does (a refused frame
// counts as rejected; APPEND appends with the kernel-stamped sender; QUERY pages; STATS reads).
//
// Owns: the copy of an APPEND's parts from the codec's memory into the journal's.
// Does not: talk to the kernel or read a clock (the caller passes the sender and timestamp);
// the real logd program is driven through the kernel by tests/reliability/hostile.test.ts.

import { type Core, InputArea, loadCore, read, readText } from "../log-v1/harness.ts";
import { Journal } from "../logd/journal-harness.ts";
import type { QueryPage } from "../log-v1/harness.ts";
import {
  type AppendRequest, type QueryRequest, opAppend, opQuery, statusOk, statusRejected,
} from "./log-v1-reference.ts";

/** The LOG v1 codec module, with plain values in and out. */
export class Codec {
  readonly core: Core;
  private input: InputArea;

  private constructor(core: Core) {
    this.core = core;
    this.input = new InputArea(core);
  }

  static async load(): Promise<Codec> {
    return new Codec(await loadCore("log-v1"));
  }

  decodeRequest(frame: Uint8Array): number {
    this.input.reset();
    this.input.put(frame);
    return this.core.exports.decodeRequest(frame.length);
  }

  decodeResponse(frame: Uint8Array): number {
    this.input.reset();
    this.input.put(frame);
    return this.core.exports.decodeResponse(frame.length);
  }

  requestOp(): number {
    return this.core.exports.requestOp();
  }

  /** The parts of the APPEND decodeRequest last accepted, as raw bytes. */
  decodedAppendParts(): { level: number; scope: Uint8Array; message: Uint8Array;
    fields: Uint8Array } {
    const e = this.core.exports;
    return {
      level: e.appendLevel(),
      scope: read(this.core, e.appendScopePtr(), e.appendScopeBytes()),
      message: read(this.core, e.appendMessagePtr(), e.appendMessageBytes()),
      fields: read(this.core, e.appendFieldsPtr(), e.appendFieldsBytes()),
    };
  }

  decodedAppend(): AppendRequest {
    const e = this.core.exports;
    return {
      level: e.appendLevel(),
      scope: readText(this.core, e.appendScopePtr(), e.appendScopeBytes()),
      message: readText(this.core, e.appendMessagePtr(), e.appendMessageBytes()),
      fields: readText(this.core, e.appendFieldsPtr(), e.appendFieldsBytes()),
    };
  }

  decodedQuery(): QueryRequest {
    const e = this.core.exports;
    return {
      cursor: u64(e.queryCursor()), timestampMinNs: u64(e.queryTimestampMinNs()),
      sender: u32(e.querySender()), recordsMax: e.queryRecordsMax(), bytesMax: e.queryBytesMax(),
      levelMax: e.queryLevelMax(),
      scope: readText(this.core, e.queryScopePtr(), e.queryScopeBytes()),
    };
  }

  /** The encoder's frame, or its negative status. */
  encodeAppend(request: AppendRequest): Uint8Array | number {
    this.input.reset();
    const length = this.core.exports.encodeAppendRequest(request.level,
      ...this.input.put(request.scope), ...this.input.put(request.message),
      ...this.input.put(request.fields));
    return this.output(length);
  }

  encodeQuery(request: QueryRequest): Uint8Array | number {
    this.input.reset();
    const length = this.core.exports.encodeQueryRequest(request.cursor, request.timestampMinNs,
      request.sender, request.recordsMax, request.bytesMax, request.levelMax,
      ...this.input.put(request.scope));
    return this.output(length);
  }

  encodeStats(): Uint8Array | number {
    return this.output(this.core.exports.encodeStatsRequest());
  }

  output(length: number): Uint8Array | number {
    return length < 0 ? length : read(this.core, this.core.exports.outputPtr(), length);
  }
}

// WebAssembly hands u64 results to JavaScript as signed BigInts and u32 results as signed
// numbers; these read them back as the unsigned values the wire carries.
export function u64(value: bigint): bigint {
  return BigInt.asUintN(64, value);
}

export function u32(value: number): number {
  return value >>> 0;
}

export type Served = {
  status: number;
  op: number;
  recordId?: bigint;
  page?: QueryPage;
};

/** logd's serve(), over the two modules. */
export class LogdModel {
  readonly codec: Codec;
  readonly journal: Journal;
  private journalInput: InputArea;

  constructor(codec: Codec, journal: Journal) {
    this.codec = codec;
    this.journal = journal;
    this.journalInput = new InputArea(journal.core);
  }

  serve(frame: Uint8Array, sender: number, timestampNs: bigint): Served {
    const status = this.codec.decodeRequest(frame);
    const op = this.codec.requestOp();
    if (status !== statusOk) {
      this.journal.core.exports.countRejected();
      return { status, op };
    }
    if (op === opAppend) return this.append(sender, timestampNs);
    if (op === opQuery) return { status, op, page: this.journal.query(this.codec.decodedQuery()) };
    this.journal.stats();
    return { status, op };
  }

  private append(sender: number, timestampNs: bigint): Served {
    const parts = this.codec.decodedAppendParts();
    this.journalInput.reset();
    const recordId: bigint = this.journal.core.exports.append(sender, parts.level,
      ...this.journalInput.put(parts.scope), ...this.journalInput.put(parts.message),
      ...this.journalInput.put(parts.fields), timestampNs);
    if (recordId === 0n) return { status: statusRejected, op: opAppend };
    return { status: statusOk, op: opAppend, recordId };
  }
}
