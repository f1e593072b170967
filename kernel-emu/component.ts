// Reading a component binary: the kernel runs each component's main core module itself, so it
// needs that module's bytes. A component is a preamble followed by sections (id byte, LEB128
// size, payload); core module sections (id 1) hold complete core modules. wit-component may
// add small shim modules for lowered imports; the main module is the one exporting `run`.

const componentPreamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
const coreModuleSectionId = 1;

export function mainCoreModule(component: Uint8Array, what: string): Uint8Array {
  for (let i = 0; i < componentPreamble.length; i++) {
    if (component[i] !== componentPreamble[i]) throw new Error(`${what}: not a component`);
  }
  let offset = componentPreamble.length;
  while (offset < component.length) {
    const id = component[offset];
    const [size, sizeBytes] = leb128(component, offset + 1);
    const start = offset + 1 + sizeBytes;
    if (id === coreModuleSectionId) {
      const core = component.subarray(start, start + size);
      const module = new WebAssembly.Module(core as Uint8Array<ArrayBuffer>);
      const exports = WebAssembly.Module.exports(module);
      if (exports.some((e) => e.name === "run")) return core;
    }
    offset = start + size;
  }
  throw new Error(`${what}: no core module exporting run`);
}

function leb128(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[offset + i];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  throw new Error("component: malformed section size");
}

const coreModulePreambleBytes = 8;
const memorySectionId = 5;

export interface MemoryLimits {
  initialPages: number;
  maximumPages: number | null;
}

/** The limits of a core module's own (single) memory. */
export function memoryLimits(core: Uint8Array): MemoryLimits {
  const section = findSection(core, memorySectionId);
  if (section === null) throw new Error("module defines no memory");
  const [count, countBytes] = leb128(core, section.start);
  if (count !== 1) throw new Error(`module defines ${count} memories, expected 1`);
  const flags = core[section.start + countBytes];
  if (flags !== 0 && flags !== 1) {
    throw new Error(`unsupported memory flags 0x${flags.toString(16)}`);
  }
  const [initialPages, initialBytes] = leb128(core, section.start + countBytes + 1);
  if (flags === 0) return { initialPages, maximumPages: null };
  const [maximumPages] = leb128(core, section.start + countBytes + 1 + initialBytes);
  return { initialPages, maximumPages };
}

/**
 * A copy of a core module whose memory maximum is `pagesMax`: this is how the kernel makes the
 * manifest's memory cap binding. Wasm itself then refuses growth past it (memory.grow
 * returns -1 to the guest), so the kernel never has to watch.
 */
export function withMemoryMaximum(core: Uint8Array, pagesMax: number): Uint8Array {
  const { initialPages } = memoryLimits(core);
  if (initialPages > pagesMax) {
    throw new Error(`module needs ${initialPages} pages at start, more than the cap ${pagesMax}`);
  }
  const section = findSection(core, memorySectionId) as Section;
  const body = [1, 1, ...leb128Encode(initialPages), ...leb128Encode(pagesMax)];
  return new Uint8Array([
    ...core.subarray(0, section.headerStart),
    memorySectionId, ...leb128Encode(body.length), ...body,
    ...core.subarray(section.start + section.size),
  ]);
}

interface Section {
  headerStart: number;
  start: number;
  size: number;
}

function findSection(core: Uint8Array, wantedId: number): Section | null {
  let offset = coreModulePreambleBytes;
  while (offset < core.length) {
    const id = core[offset];
    const [size, sizeBytes] = leb128(core, offset + 1);
    const start = offset + 1 + sizeBytes;
    if (id === wantedId) return { headerStart: offset, start, size };
    offset = start + size;
  }
  return null;
}

function leb128Encode(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}
