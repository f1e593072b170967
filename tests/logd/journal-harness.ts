// Drives build/core/journal.wasm: appends, queries and stats with plain TypeScript values.

import { type Core, InputArea, loadCore, parseQueryResponse, read, type QueryPage }
  from "../log-v1/harness.ts";

export type Append = {
  sender?: number;
  level?: number;
  scope?: string;
  message?: string;
  fields?: string;
  timestampNs?: bigint;
};

export type Query = {
  cursor?: bigint;
  timestampMinNs?: bigint;
  sender?: number;
  recordsMax?: number;
  bytesMax?: number;
  levelMax?: number;
  scope?: string;
};

export type Stats = {
  appended: bigint;
  dropped: bigint;
  rejected: bigint;
  nextId: bigint;
  capacityRecords: number;
  capacityBytes: number;
  usedRecords: number;
  usedBytes: number;
};

export class Journal {
  readonly core: Core;
  private input: InputArea;

  private constructor(core: Core) {
    this.core = core;
    this.input = new InputArea(core);
  }

  static async load(): Promise<Journal> {
    return new Journal(await loadCore("journal"));
  }

  constant(name: string): number {
    return this.core.exports[name].value;
  }

  init(records: number, bytes: number): number {
    return this.core.exports.init(records, bytes);
  }

  append(record: Append = {}): bigint {
    this.input.reset();
    const scope = this.input.put(record.scope ?? "test");
    const message = this.input.put(record.message ?? "m");
    const fields = this.input.put(record.fields ?? "");
    return this.core.exports.append(record.sender ?? 1, record.level ?? 3, ...scope,
      ...message, ...fields, record.timestampNs ?? 0n);
  }

  query(query: Query = {}): QueryPage {
    this.input.reset();
    const scope = this.input.put(query.scope ?? "");
    const frameBytes = this.core.exports.query(query.cursor ?? 0n, query.timestampMinNs ?? 0n,
      query.sender ?? 0, query.recordsMax ?? 0xffff, query.bytesMax ?? 0xffff,
      query.levelMax ?? 0, ...scope);
    return parseQueryResponse(read(this.core, this.core.exports.outputPtr(), frameBytes));
  }

  // Every page from `cursor` on, following next cursors until a page says no more.
  queryAll(query: Query = {}): { ids: bigint[]; pages: QueryPage[] } {
    const pages: QueryPage[] = [];
    let cursor = query.cursor ?? 0n;
    for (;;) {
      const page = this.query({ ...query, cursor });
      pages.push(page);
      cursor = page.nextCursor;
      if ((page.flags & this.constant("logQueryFlagMore")) === 0) break;
      if (pages.length > 100_000) throw new Error("paging did not end");
    }
    return { ids: pages.flatMap((page) => page.records.map((record) => record.id)), pages };
  }

  stats(): Stats {
    const e = this.core.exports;
    e.stats();
    return {
      appended: e.statsAppended(), dropped: e.statsDropped(), rejected: e.statsRejected(),
      nextId: e.statsNextId(), capacityRecords: e.statsCapacityRecords(),
      capacityBytes: e.statsCapacityBytes(), usedRecords: e.statsUsedRecords(),
      usedBytes: e.statsUsedBytes(),
    };
  }
}

export function recordBytes(scope: string, message: string, fields: string): number {
  const encoder = new TextEncoder();
  const parts = [scope, message, fields].map((part) => encoder.encode(part).length);
  return 28 + parts[0] + parts[1] + parts[2];
}
