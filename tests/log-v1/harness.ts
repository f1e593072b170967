// Shared by the log-v1 and logd tests: loads a core module from build/core and moves bytes
// in and out of its static areas. Holds no protocol knowledge beyond the record layout that
// readRecords parses (kept independent of the codec on purpose, as a second reading of it).

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const coreDirectory = fileURLToPath(new URL("../../build/core/", import.meta.url));

export type Exports = Record<string, any>;

export type Core = {
  exports: Exports;
  memory: WebAssembly.Memory;
  bytes: () => Uint8Array;
};

export async function loadCore(name: string): Promise<Core> {
  const wasm = await readFile(`${coreDirectory}${name}.wasm`);
  const { instance } = await WebAssembly.instantiate(wasm);
  const exports = instance.exports as Exports;
  exports._initialize();
  const memory = exports.memory as WebAssembly.Memory;
  return { exports, memory, bytes: () => new Uint8Array(memory.buffer) };
}

export const utf8 = new TextEncoder();
export const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

// A bump writer over a module's input area; each part gets its own pointer.
export class InputArea {
  private core: Core;
  private base: number;
  private next: number;

  constructor(core: Core) {
    this.core = core;
    this.base = core.exports.inputPtr();
    this.next = this.base;
  }

  reset(): void {
    this.next = this.base;
  }

  // Copies bytes (or a string as UTF-8) in and returns [pointer, length].
  put(part: Uint8Array | string): [number, number] {
    const bytes = typeof part === "string" ? utf8.encode(part) : part;
    const ptr = this.next;
    this.core.bytes().set(bytes, ptr);
    this.next += bytes.length;
    return [ptr, bytes.length];
  }
}

export function read(core: Core, ptr: number, length: number): Uint8Array {
  return core.bytes().slice(ptr, ptr + length);
}

export function readText(core: Core, ptr: number, length: number): string {
  return fromUtf8.decode(read(core, ptr, length));
}

export type WireRecord = {
  id: bigint;
  timestampNs: bigint;
  sender: number;
  level: number;
  scope: string;
  message: string;
  fields: string;
};

export type QueryPage = {
  status: number;
  nextCursor: bigint;
  count: number;
  flags: number;
  records: WireRecord[];
  frameBytes: number;
};

// Parses a QUERY response frame the way docs/protocols/log-v1.md describes it.
export function parseQueryResponse(frame: Uint8Array): QueryPage {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerBytes = 8;
  const count = view.getUint16(headerBytes + 8, true);
  const records: WireRecord[] = [];
  let offset = headerBytes + 12;
  for (let i = 0; i < count; i++) {
    const scopeBytes = view.getUint16(offset + 22, true);
    const messageBytes = view.getUint16(offset + 24, true);
    const fieldsBytes = view.getUint16(offset + 26, true);
    const partsStart = offset + 28;
    const text = (from: number, bytes: number) => fromUtf8.decode(frame.slice(from, from + bytes));
    records.push({
      id: view.getBigUint64(offset, true),
      timestampNs: view.getBigUint64(offset + 8, true),
      sender: view.getUint32(offset + 16, true),
      level: view.getUint8(offset + 20),
      scope: text(partsStart, scopeBytes),
      message: text(partsStart + scopeBytes, messageBytes),
      fields: text(partsStart + scopeBytes + messageBytes, fieldsBytes),
    });
    offset = partsStart + scopeBytes + messageBytes + fieldsBytes;
  }
  if (offset !== frame.length) {
    throw new Error(`records end at ${offset}, the frame at ${frame.length}`);
  }
  return {
    status: view.getUint8(4),
    nextCursor: view.getBigUint64(headerBytes, true),
    count,
    flags: view.getUint16(headerBytes + 10, true),
    records,
    frameBytes: frame.length,
  };
}
