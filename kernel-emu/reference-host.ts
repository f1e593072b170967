// The reference host, for the conformance test and the benchmark, never for a normal boot:
// runs a program through the JavaScript glue that `jco transpile` generates for its
// component, with every syscall answered by the same Kernel methods that the kernel's own
// host (kernel-emu/abi-host.ts) calls. Two hosts, one kernel:
// when a program behaves differently under them, the two disagree on how a value is lowered
// into or lifted out of linear memory, and jco's glue is taken as the reference.
//
// Owns: transpiling a component into a temporary directory, the typed import object jco's glue
// expects, a ProgramLoader that picks the host per program, and a boot that records every
// syscall with its arguments and result, and every call a host makes to a guest's allocator.
//
// Does not do: preempt-every-syscall. The glue is transpiled with only the blocking syscalls
// suspending, so a non-blocking syscall cannot switch processes under it.

import { transpile } from "@bytecodealliance/jco";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { instantiateProgram } from "./abi-host.ts";
import { withMemoryMaximum } from "./component.ts";
import { loadImageOf } from "./image.ts";
import {
  type ExitStatus, type Halt, Kernel, type Message, type Process, type ProgramLoader,
} from "./kernel.ts";
import { parseManifest } from "./manifest.ts";
import { type StatusName, SysError } from "./status.ts";

const sysInterface = "nexus:os/sys@0.1.0";

/** The syscalls that may block: the glue must let JSPI suspend the guest in them. */
const blockingSyscalls = ["recv", "call", "wait", "yield", "reply-recv"];

/** A WIT result as jco's glue takes it from a host function. */
type WitResult<T> = { tag: "ok"; val: T } | { tag: "err"; val: StatusName };

/** The typed import object of `nexus:os/sys`, named as jco names the functions. */
interface SysImports {
  consoleWrite(bytes: Uint8Array): void;
  clockNow(): bigint;
  yield(): Promise<void>;
  selfPid(): number;
  spawn(image: string, args: string[], notify: number | undefined): WitResult<number>;
  exit(code: number): never;
  wait(child: number): Promise<WitResult<ExitStatus>>;
  open(name: string): WitResult<number>;
  send(endpoint: number, bytes: Uint8Array): WitResult<void>;
  recv(endpoint: number): Promise<WitResult<Message>>;
  replyRecv(token: number, bytes: Uint8Array, endpoint: number): Promise<WitResult<Message>>;
  call(endpoint: number, bytes: Uint8Array): Promise<WitResult<Uint8Array>>;
  reply(replyToken: number, bytes: Uint8Array): WitResult<void>;
  close(h: number): WitResult<void>;
}

/** What the generated module exports (see the `.d.ts` jco emits beside it). */
interface GlueModule {
  instantiate(
    getCoreModule: (path: string) => WebAssembly.Module,
    imports: Record<string, SysImports>,
    instantiateCore: (module: WebAssembly.Module, imports: WebAssembly.Imports) =>
      WebAssembly.Instance,
  ): Promise<{ run(args: string[]): Promise<number> }>;
}

function witResult<T>(value: T | SysError): WitResult<T> {
  if (value instanceof SysError) return { tag: "err", val: value.status };
  return { tag: "ok", val: value };
}

async function witResultLater<T>(value: T | SysError | Promise<T | SysError>) {
  return witResult(await value);
}

/** Every syscall bound to process `p`, answered by the kernel as abi-host.ts answers it. */
function sysImports(kernel: Kernel, p: Process): SysImports {
  return {
    consoleWrite: (bytes) => kernel.consoleWrite(p, bytes),
    clockNow: () => kernel.clockNow(p),
    yield: () => kernel.yield(p),
    selfPid: () => kernel.selfPid(p),
    spawn: (image, args, notify) => witResult(kernel.spawn(p, image, args, notify)),
    // The ProcessExit this throws passes through the glue untouched: a synchronous import
    // rethrows what it caught, and `run` rejects with it, so the kernel sees a clean exit.
    exit: (code) => kernel.exit(p, code),
    wait: (child) => witResultLater(kernel.wait(p, child)),
    open: (name) => witResult(kernel.open(p, name)),
    send: (endpoint, bytes) => witResult(kernel.send(p, endpoint, bytes)),
    recv: (endpoint) => witResultLater(kernel.recv(p, endpoint)),
    replyRecv: (token, bytes, endpoint) =>
      witResultLater(kernel.replyRecv(p, token, bytes, endpoint)),
    call: (endpoint, bytes) => witResultLater(kernel.call(p, endpoint, bytes)),
    reply: (token, bytes) => witResult(kernel.reply(p, token, bytes)),
    close: (h) => witResult(kernel.close(p, h)),
  };
}

/**
 * jco's glue rewrites the message of a core wasm trap into wasmtime's wording ("wasm trap:
 * wasm `unreachable` instruction executed") on the error object itself. The kernel reports
 * the engine's message as the trap reason, so the rewrite is undone here for the traps the
 * conformance programs raise; the reason then reaches `wait` as it would under the kernel's
 * host, and any other difference in the exit status stays visible.
 */
const engineTrapMessages = new Map([
  ["wasm trap: wasm `unreachable` instruction executed", "unreachable"],
  ["wasm trap: out of bounds memory access", "memory access out of bounds"],
]);

function withEngineTrapMessage(error: unknown): unknown {
  if (!(error instanceof WebAssembly.RuntimeError)) return error;
  const message = engineTrapMessages.get(error.message);
  if (message !== undefined) error.message = message;
  return error;
}

/** One component transpiled by jco: its glue, and its core modules compiled on demand. */
export class ReferenceGlue {
  private readonly glue: GlueModule;
  private readonly files: Record<string, Uint8Array>;
  private readonly modules = new Map<string, WebAssembly.Module>();

  private constructor(glue: GlueModule, files: Record<string, Uint8Array>) {
    this.glue = glue;
    this.files = files;
  }

  /** Transpiles `component`; the glue is written to a temporary directory to be imported. */
  static async transpile(component: Uint8Array, name: string): Promise<ReferenceGlue> {
    const { files } = await transpile(component, {
      name,
      instantiation: "async",
      asyncMode: "jspi",
      asyncImports: blockingSyscalls.map((f) => `${sysInterface}#${f}`),
      asyncExports: ["run"],
      noTypescript: true,
      quiet: true,
    });
    const dir = mkdtempSync(join(tmpdir(), "nexus-conformance-"));
    try {
      const path = join(dir, `${name}.js`);
      writeFileSync(path, files[`${name}.js`]);
      return new ReferenceGlue(await import(pathToFileURL(path).href), files);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * The entry point of `p` under the glue. Instantiation is async while a loader must answer
   * at once, so it happens inside the entry, when the scheduler first runs the process. Core
   * modules are instantiated through `WebAssembly.Instance`, as the kernel's host does, so
   * that `observeReallocs` sees both.
   */
  entry(kernel: Kernel, p: Process, pagesMax: number): (args: string[]) => Promise<number> {
    const imports = sysImports(kernel, p);
    return async (args) => {
      // The d.ts jco emits names the versioned interface; the glue of jco 1.35 reads the
      // unversioned key. Both point at the same functions so either reading works.
      const root = await this.glue.instantiate((file) => this.coreModule(file, pagesMax),
        { [sysInterface]: imports, "nexus:os/sys": imports },
        (module, coreImports) => new WebAssembly.Instance(module, coreImports));
      try {
        return await root.run(args);
      } catch (error) {
        throw withEngineTrapMessage(error);
      }
    };
  }

  /** A core module of the component, compiled once per memory cap. */
  private coreModule(file: string, pagesMax: number): WebAssembly.Module {
    const key = `${file}@${pagesMax}`;
    let module = this.modules.get(key);
    if (module === undefined) {
      const bytes = this.files[file];
      if (bytes === undefined) throw new Error(`reference host: jco emitted no ${file}`);
      module = compileCore(bytes, pagesMax);
      this.modules.set(key, module);
    }
    return module;
  }
}

/**
 * Compiles a core module of a component. The main one (exporting `run`) gets the manifest's
 * memory cap written in, exactly as the kernel's image loader does, so both hosts run the
 * same bytes and a trap's backtrace offsets match.
 */
function compileCore(bytes: Uint8Array, pagesMax: number): WebAssembly.Module {
  const plain = new WebAssembly.Module(new Uint8Array(bytes));
  if (!WebAssembly.Module.exports(plain).some((e) => e.name === "run")) return plain;
  return new WebAssembly.Module(new Uint8Array(withMemoryMaximum(bytes, pagesMax)));
}

// ---- recording syscalls -----------------------------------------------------------------------

const syscallNames = [
  "consoleWrite", "clockNow", "yield", "selfPid", "spawn", "exit", "wait",
  "open", "send", "recv", "call", "reply", "replyRecv", "close",
] as const;

/** Bytes longer than this are shown by length and digest, so a diff stays readable. */
const shownBytesMax = 24;

/** A stable text form of a syscall argument or result. */
function show(value: unknown): string {
  if (value instanceof SysError) return `err ${value.status}`;
  if (value instanceof Uint8Array) return showBytes(value);
  if (value === undefined) return "()";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`);
    return `{${fields.join(", ")}}`;
  }
  return String(value);
}

function showBytes(bytes: Uint8Array): string {
  if (bytes.length <= shownBytesMax) return `bytes(${Buffer.from(bytes).toString("hex")})`;
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return `bytes(${bytes.length}, sha256 ${digest})`;
}

/**
 * Wraps the kernel's syscall methods on this instance so that every call is logged as
 * `pid=N name(args) -> result`, the result once a blocking call resumes. Both hosts call the
 * kernel through these properties, so the log shows what each host lifted and what it got.
 */
function recordSyscalls(kernel: Kernel): string[] {
  const log: string[] = [];
  const methods = kernel as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of syscallNames) {
    const method = methods[name].bind(kernel);
    methods[name] = (p: unknown, ...args: unknown[]) => {
      const proc = p as Process;
      const line = `pid=${proc.pid} ${name}(${args.map(show).join(", ")})`;
      // The kernel's host takes a parked call's result through `deliver` when the kernel
      // produces it; it is logged when the caller resumes, as the glue's result is.
      const deliver = proc.deliver;
      let delivered = "";
      if (deliver !== null) {
        proc.deliver = (value) => {
          // Shown now: delivered bytes may be a view of the sender's memory.
          delivered = show(value);
          deliver(value);
        };
      }
      const result = method(p, ...args);
      if (!(result instanceof Promise)) {
        if (deliver !== null) proc.deliver = deliver;
        log.push(`${line} -> ${show(result)}`);
        return result;
      }
      return result.then((value) => {
        log.push(`${line} -> ${deliver !== null ? delivered : show(value)}`);
        return value;
      });
    };
  }
  return log;
}

// ---- observing cabi_realloc --------------------------------------------------------------------

type Realloc = (oldPtr: number, oldSize: number, align: number, newSize: number) => number;

/**
 * Reports every `cabi_realloc` call a host makes into a guest until the returned function is
 * called. The canonical ABI fixes the order of these calls (a list's buffer before its
 * elements, a record's fields in order), and a guest can see it, but the result only shows
 * in where things land. The kernel's host creates its instances itself, so the one place to
 * see both hosts' calls is the `WebAssembly.Instance` constructor, replaced here for the
 * duration of a boot; the glue is made to instantiate through it too (see `entry`).
 */
function observeReallocs(
  report: (instance: number, align: number, size: number) => void,
): () => void {
  const original = WebAssembly.Instance;
  let instances = 0;
  function ObservedInstance(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
    const exports = new original(module, imports).exports;
    const realloc = exports.cabi_realloc as Realloc | undefined;
    if (realloc === undefined) return { exports };
    const instance = instances++;
    const observed: Realloc = (oldPtr, oldSize, align, newSize) => {
      report(instance, align, newSize);
      return realloc(oldPtr, oldSize, align, newSize);
    };
    return { exports: { ...exports, cabi_realloc: observed } };
  }
  (WebAssembly as { Instance: unknown }).Instance = ObservedInstance;
  return () => {
    (WebAssembly as { Instance: unknown }).Instance = original;
  };
}

// ---- booting with both hosts ------------------------------------------------------------------

export interface HostedRun {
  halt: Halt;
  transcript: string;
  /** Every syscall in the order it completed. */
  syscalls: string[];
  /** How many processes ran under jco's glue. */
  referenceStarts: number;
  /**
   * Every guest's `cabi_realloc` calls, in order, one list per instance, the lists sorted.
   * Grouped by instance because the ABI fixes the order within one guest, while the kernel's
   * host may lower a result into a guest during another process's syscall (direct delivery).
   */
  reallocs: string[][];
  /** Wall time from kernel start to halt. */
  wallMs: number;
}

/**
 * Boots `manifest` in this thread. Programs named in `referencePrograms` run under the jco
 * glue of their component (found in `glues` by component name); all others run under the
 * kernel's own host, as in a normal boot.
 */
export async function bootHosted(
  manifest: object, buildDir: string, glues: Map<string, ReferenceGlue>,
  referencePrograms: string[], options: { record: boolean } = { record: true },
): Promise<HostedRun> {
  const parsed = parseManifest(JSON.stringify(manifest), "conformance-manifest");
  const image = loadImageOf(parsed, buildDir, "conformance-manifest");
  const decoder = new TextDecoder();
  let transcript = "";
  let kernel: Kernel | null = null;
  let referenceStarts = 0;
  const loader: ProgramLoader = {
    instantiate(p, spec) {
      const glue = referencePrograms.includes(spec.name) ? glues.get(spec.component) : null;
      if (glue === undefined) throw new Error(`reference host: no glue for ${spec.component}`);
      if (glue !== null) {
        referenceStarts++;
        return glue.entry(kernel as Kernel, p, spec.memoryPagesMax);
      }
      const module = image.modules.get(spec.name) as WebAssembly.Module;
      return instantiateProgram(kernel as Kernel, p, module);
    },
  };
  const console = (bytes: Uint8Array) => {
    transcript += decoder.decode(bytes, { stream: true });
  };
  kernel = new Kernel(parsed, loader, { seed: 1, console });
  const syscalls = options.record ? recordSyscalls(kernel) : [];
  const perInstance = new Map<number, string[]>();
  const stopObserving = !options.record ? () => {} : observeReallocs((instance, align, size) => {
    const calls = perInstance.get(instance) ?? [];
    calls.push(`cabi_realloc(align=${align}, size=${size})`);
    perInstance.set(instance, calls);
  });
  try {
    const started = performance.now();
    const halt = await kernel.run();
    const wallMs = performance.now() - started;
    const reallocs = [...perInstance.values()]
      .sort((a, b) => a.join(";").localeCompare(b.join(";")));
    return { halt, transcript, syscalls, referenceStarts, reallocs, wallMs };
  } finally {
    stopObserving();
  }
}
