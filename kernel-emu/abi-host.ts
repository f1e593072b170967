// The kernel's own canonical-ABI host for the `nexus:os/sys` interface (wit/nexus-os.wit).
//
// Owns: lifting syscall arguments out of a guest's linear memory, lowering results back in
// (lists and strings through the guest's `cabi_realloc`, multi-value results through the
// return area the guest passes last), and the entry point that starts `run`.
// Host functions carry the WIT function's name. The flat signatures follow the canonical ABI
// for this world; tests/kernel/conformance.test.ts holds this host to the glue that
// `jco transpile` generates for the same component.
//
// Blocking syscalls are wrapped in `WebAssembly.Suspending`: when the kernel answers with a
// promise, JSPI parks the guest's stack until the scheduler resumes it; the result is written
// into the guest's memory by `Process.deliver` when the kernel produces it, not on resume. With the
// preempt-every-syscall option every syscall is wrapped, so any of them may switch processes.

import type { ExitStatus, Kernel, Message, Process } from "./kernel.ts";
import { SysError } from "./status.ts";
import { GuestFault } from "./trap.ts";

const sysModule = "nexus:os/sys@0.1.0";

interface ProgramExports {
  memory: WebAssembly.Memory;
  cabi_realloc: (oldPtr: number, oldSize: number, align: number, newSize: number) => number;
  run: (argsPtr: number, argsLen: number) => number;
  _initialize?: () => void;
}

/**
 * A process's linear memory, re-viewed whenever the guest grew it. Made before the instance
 * (its imports need it) and attached to the instance's exports right after.
 */
class GuestMemory {
  private exports: ProgramExports | null = null;
  private view = new DataView(new ArrayBuffer(0));
  private bytes = new Uint8Array(0);
  private lastRead = new Uint8Array(0);
  private static readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private static readonly encoder = new TextEncoder();

  attach(exports: ProgramExports): void {
    this.exports = exports;
    this.view = new DataView(exports.memory.buffer);
    this.bytes = new Uint8Array(exports.memory.buffer);
  }

  private get guest(): ProgramExports {
    if (this.exports === null) throw new GuestFault("syscall before the instance exists");
    return this.exports;
  }

  private refresh(): void {
    // Growing a memory detaches its old buffer, which empties every view of it.
    if (this.bytes.length === 0 && this.exports !== null) {
      this.view = new DataView(this.exports.memory.buffer);
      this.bytes = new Uint8Array(this.exports.memory.buffer);
      this.lastRead = new Uint8Array(0);
    }
  }

  private check(ptr: number, len: number, what: string): void {
    this.refresh();
    if (ptr < 0 || len < 0 || ptr + len > this.bytes.length) {
      throw new GuestFault(`${what}: pointer ${ptr}+${len} outside linear memory`);
    }
  }

  /** A view of guest bytes; the kernel copies what it keeps. */
  read(ptr: number, len: number, what: string): Uint8Array {
    this.check(ptr >>> 0, len >>> 0, what);
    // Programs send from fixed buffers (a request frame, a response area), so the last view
    // is usually the one asked for again: reusing it keeps a round trip allocation-free.
    const last = this.lastRead;
    if (last.byteOffset === ptr >>> 0 && last.length === len >>> 0) return last;
    this.lastRead = this.bytes.subarray(ptr >>> 0, (ptr >>> 0) + (len >>> 0));
    return this.lastRead;
  }

  string(ptr: number, len: number, what: string): string {
    try {
      return GuestMemory.decoder.decode(this.read(ptr, len, what));
    } catch (error) {
      if (error instanceof GuestFault) throw error;
      throw new GuestFault(`${what}: string is not valid UTF-8`);
    }
  }

  stringList(ptr: number, len: number, what: string): string[] {
    this.check(ptr >>> 0, (len >>> 0) * 8, what);
    const list: string[] = [];
    for (let i = 0; i < len; i++) {
      const entry = (ptr >>> 0) + i * 8;
      list.push(this.string(this.u32(entry), this.u32(entry + 4), what));
    }
    return list;
  }

  u32(ptr: number): number {
    return this.view.getUint32(ptr, true);
  }

  setU8(ptr: number, value: number): void {
    this.view.setUint8(ptr, value);
  }

  setU32(ptr: number, value: number): void {
    this.view.setUint32(ptr, value, true);
  }

  setI32(ptr: number, value: number): void {
    this.view.setInt32(ptr, value, true);
  }

  /** Checks a return area of `size` bytes aligned to `align` before anything is written. */
  retArea(ptr: number, size: number, align: number, what: string): void {
    if ((ptr >>> 0) % align !== 0) throw new GuestFault(`${what}: misaligned return area`);
    this.check(ptr >>> 0, size, what);
  }

  /** Copies bytes into memory the guest's cabi_realloc hands out; returns the pointer. */
  lowerBytes(bytes: Uint8Array, align: number, what: string): number {
    const ptr = this.guest.cabi_realloc(0, 0, align, bytes.length);
    this.check(ptr >>> 0, bytes.length, what);
    this.bytes.set(bytes, ptr >>> 0);
    return ptr >>> 0;
  }

  /** Lowers a list<string> as the canonical ABI orders it: the entry array, then each string. */
  lowerStringList(list: string[], what: string): [number, number] {
    const entriesPtr = this.guest.cabi_realloc(0, 0, 4, list.length * 8) >>> 0;
    this.check(entriesPtr, list.length * 8, what);
    list.forEach((text, i) => {
      const bytes = GuestMemory.encoder.encode(text);
      const ptr = this.lowerBytes(bytes, 1, what);
      this.setU32(entriesPtr + i * 8, ptr);
      this.setU32(entriesPtr + i * 8 + 4, bytes.length);
    });
    return [entriesPtr, list.length];
  }
}

type Lower<T> = (value: T) => void;

// Return-area writers for the result shapes of this world (disc u8 at +0: 0 ok, 1 error).

function lowerResultUnit(mem: GuestMemory, ret: number, result: void | SysError): void {
  mem.retArea(ret, 2, 1, "result");
  mem.setU8(ret, result instanceof SysError ? 1 : 0);
  if (result instanceof SysError) mem.setU8(ret + 1, result.code);
}

function lowerResultU32(mem: GuestMemory, ret: number, result: number | SysError): void {
  mem.retArea(ret, 8, 4, "result");
  if (lowerError(mem, ret, result)) return;
  mem.setU8(ret, 0);
  mem.setU32(ret + 4, result as number);
}

/** Writes an error into a result whose payload sits at +4; true when it did. */
function lowerError(mem: GuestMemory, ret: number, result: unknown): boolean {
  if (!(result instanceof SysError)) return false;
  mem.setU8(ret, 1);
  mem.setU8(ret + 4, result.code);
  return true;
}

function lowerMessage(mem: GuestMemory, ret: number, result: Message | SysError): void {
  mem.retArea(ret, 20, 4, "recv");
  if (lowerError(mem, ret, result)) return;
  const message = result as Message;
  mem.setU8(ret, 0);
  mem.setU32(ret + 4, message.sender);
  mem.setU32(ret + 8, message.replyToken);
  mem.setU32(ret + 12, mem.lowerBytes(message.bytes, 1, "recv"));
  mem.setU32(ret + 16, message.bytes.length);
}

function lowerReply(mem: GuestMemory, ret: number, result: Uint8Array | SysError): void {
  mem.retArea(ret, 12, 4, "call");
  if (lowerError(mem, ret, result)) return;
  const bytes = result as Uint8Array;
  mem.setU8(ret, 0);
  mem.setU32(ret + 4, mem.lowerBytes(bytes, 1, "call"));
  mem.setU32(ret + 8, bytes.length);
}

function lowerExitStatus(mem: GuestMemory, ret: number, result: ExitStatus | SysError): void {
  mem.retArea(ret, 28, 4, "wait");
  if (lowerError(mem, ret, result)) return;
  const status = result as ExitStatus;
  // Fields are lowered in record order: the reason's bytes before the backtrace's.
  const reason = new TextEncoder().encode(status.trapReason);
  const reasonPtr = mem.lowerBytes(reason, 1, "wait");
  const [framesPtr, framesLen] = mem.lowerStringList(status.backtrace, "wait");
  mem.setU8(ret, 0);
  mem.setI32(ret + 4, status.code);
  mem.setU8(ret + 8, status.trapped ? 1 : 0);
  mem.setU32(ret + 12, reasonPtr);
  mem.setU32(ret + 16, reason.length);
  mem.setU32(ret + 20, framesPtr);
  mem.setU32(ret + 24, framesLen);
}

/** The import object for one process: every syscall bound to that process. */
function sysImports(kernel: Kernel, p: Process, mem: GuestMemory) {
  const S = <F extends (...args: never[]) => unknown>(f: F) =>
    new WebAssembly.Suspending(f) as unknown as F;
  const maybeS = <F extends (...args: never[]) => unknown>(f: F) =>
    kernel.preemptEverySyscall ? S(f) : f;

  // The return area of the syscall in flight (a process has at most one), and the writers
  // for each result shape, made once per process so a syscall allocates no closure.
  let ret = 0;
  const lowerU32: Lower<number | SysError> = (r) => lowerResultU32(mem, ret, r);
  const lowerUnit: Lower<void | SysError> = (r) => lowerResultUnit(mem, ret, r);
  const lowerRecv: Lower<Message | SysError> = (r) => lowerMessage(mem, ret, r);
  const lowerCall: Lower<Uint8Array | SysError> = (r) => lowerReply(mem, ret, r);
  const lowerWait: Lower<ExitStatus | SysError> = (r) => lowerExitStatus(mem, ret, r);

  /** Before a syscall: its results go to `retPtr`, written by `lower` whenever they exist. */
  const expect = <T>(retPtr: number, lower: Lower<T>) => {
    ret = retPtr;
    p.deliver = lower as Lower<unknown>;
  };
  /**
   * After it: a parked caller gets its results delivered by the kernel; a ready result is
   * lowered now, or, under preempt-every-syscall, once the scheduler has had its turn.
   */
  const settle = <T>(result: T | Promise<T>, lower: Lower<T>) => {
    if (result instanceof Promise) return result;
    if (kernel.preemptEverySyscall) return kernel.preempt(p, result);
    p.deliver = null;
    lower(result);
  };
  const plain = <T>(value: T) => (kernel.preemptEverySyscall ? kernel.preempt(p, value) : value);

  return {
    "console-write": maybeS((ptr: number, len: number) =>
      plain(kernel.consoleWrite(p, mem.read(ptr, len, "console-write").slice()))),
    "clock-now": maybeS(() => plain(kernel.clockNow(p))),
    "yield": S(() => kernel.yield(p)),
    "self-pid": maybeS(() => plain(kernel.selfPid(p))),
    "spawn": maybeS((imagePtr: number, imageLen: number, argsPtr: number, argsLen: number,
      notifyIsSome: number, notify: number, retPtr: number) => {
      const image = mem.string(imagePtr, imageLen, "spawn");
      const args = mem.stringList(argsPtr, argsLen, "spawn");
      expect(retPtr, lowerU32);
      const notifyHandle = notifyIsSome !== 0 ? notify >>> 0 : undefined;
      return settle(kernel.spawn(p, image, args, notifyHandle), lowerU32);
    }),
    "exit": (code: number) => kernel.exit(p, code),
    "wait": S((pid: number, retPtr: number) => {
      expect(retPtr, lowerWait);
      return settle(kernel.wait(p, pid >>> 0), lowerWait);
    }),
    "open": maybeS((ptr: number, len: number, retPtr: number) => {
      const name = mem.string(ptr, len, "open");
      expect(retPtr, lowerU32);
      return settle(kernel.open(p, name), lowerU32);
    }),
    "send": maybeS((handle: number, ptr: number, len: number, retPtr: number) => {
      const bytes = mem.read(ptr, len, "send");
      expect(retPtr, lowerUnit);
      return settle(kernel.send(p, handle >>> 0, bytes), lowerUnit);
    }),
    "recv": S((handle: number, retPtr: number) => {
      expect(retPtr, lowerRecv);
      return settle(kernel.recv(p, handle >>> 0), lowerRecv);
    }),
    "call": S((handle: number, ptr: number, len: number, retPtr: number) => {
      const bytes = mem.read(ptr, len, "call");
      expect(retPtr, lowerCall);
      return settle(kernel.call(p, handle >>> 0, bytes), lowerCall);
    }),
    "reply": maybeS((token: number, ptr: number, len: number, retPtr: number) => {
      const bytes = mem.read(ptr, len, "reply");
      expect(retPtr, lowerUnit);
      return settle(kernel.reply(p, token >>> 0, bytes), lowerUnit);
    }),
    "reply-recv": S((token: number, ptr: number, len: number, handle: number,
      retPtr: number) => {
      const bytes = mem.read(ptr, len, "reply-recv");
      expect(retPtr, lowerRecv);
      return settle(kernel.replyRecv(p, token >>> 0, bytes, handle >>> 0), lowerRecv);
    }),
    "close": maybeS((handle: number, retPtr: number) => {
      expect(retPtr, lowerUnit);
      return settle(kernel.close(p, handle >>> 0), lowerUnit);
    }),
  };
}

/**
 * Instantiates a program's core module for process `p` and returns its entry point: it runs
 * the module's initializer, lowers the arguments and calls `run`, all under JSPI.
 */
export function instantiateProgram(
  kernel: Kernel, p: Process, module: WebAssembly.Module,
): (args: string[]) => Promise<number> {
  const mem = new GuestMemory();
  const imports = { [sysModule]: sysImports(kernel, p, mem) };
  const instance = new WebAssembly.Instance(module, imports as WebAssembly.Imports);
  const exports = instance.exports as unknown as ProgramExports;
  mem.attach(exports);
  p.memory = exports.memory;
  const run = WebAssembly.promising(exports.run);
  const initialize = exports._initialize ? WebAssembly.promising(exports._initialize) : null;
  return async (args: string[]) => {
    if (initialize !== null) await initialize();
    const [argsPtr, argsLen] = mem.lowerStringList(args, "run");
    return (await run(argsPtr, argsLen)) as number;
  };
}
