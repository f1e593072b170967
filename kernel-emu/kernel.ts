// The kernel: processes, handles, endpoints, a console, a clock and a deterministic scheduler.
//
// Owns: the process table (pid, parent, image, state, exit status), each process's handle
// table, the endpoints with their bounded queues and pending calls, virtual time, and the
// choice of who runs next. The canonical ABI lives in abi-host.ts; this file speaks in typed
// values (strings, byte arrays, records) and never touches guest memory.
//
// Scheduling: exactly one process runs at a time, on the Node main thread. A syscall that
// blocks returns a promise; JSPI suspends the caller. The scheduler picks the next process in
// the same syscall and resolves that process's promise, which resumes it only from a
// microtask, after the caller's stack is parked. The next process is drawn from the runnable
// set by a seeded PRNG: same image and seed, same run.
//
// IPC copies once: a message for a receiver blocked in recv, and a reply for a blocked caller,
// are handed to that process's host (`Process.deliver`), which writes them into its memory at
// once; only a message that has to wait in a queue is copied into the kernel.
//
// Failures are kept apart: a syscall's expected failure is a `SysError` value; a guest that
// traps is contained (it ends with its trap reason and backtrace, kept for its parent); a
// kernel bug is a `KernelFault`, which halts the run.
//
// Does not do: priorities, timers or timeouts on blocking calls, shared memory, spawn rights
// (any program may spawn any program of the image; a per-parent quota bounds it).

import {
  argBytesMax, assertLimits, childrenPerProcessMax, consoleWriteBytesMax, contextSwitchCostNs,
  handlesPerProcessMax,
  messageBytesMax, nameBytesMax, processesMax, spawnArgsMax, syscallCostNs,
} from "./limits.ts";
import { CallTable } from "./call-table.ts";
import { type Fault, faultText, InjectedFault, injectedReason } from "./faults.ts";
import {
  type EndpointSpec, type ImageManifest, type ProgramSpec, startArgument,
} from "./manifest.ts";
import { Prng } from "./prng.ts";
import { fail, SysError } from "./status.ts";
import type { Message, Syscalls } from "./sys-types.ts";
import { trapStatus, type ExitStatus } from "./trap.ts";

export type { ExitStatus } from "./trap.ts";

export interface KernelOptions {
  seed: number;
  /** Make every syscall a point where the scheduler may switch processes. */
  preemptEverySyscall?: boolean;
  /** Round the clock down to this many nanoseconds (0 or 1: exact). */
  clockCoarseNs?: number;
  /** Receives every byte written to the console. */
  console: (bytes: Uint8Array) => void;
  /** Told each time a process is given the CPU (used by the boot watchdog). */
  onSwitch?: (pid: number) => void;
  onSpawn?: (pid: number, image: string) => void;
  /** Faults to inject (see faults.ts); none by default. */
  faults?: Fault[];
}

/** What the abi host needs to start a program: its instantiation per process. */
export interface ProgramLoader {
  /** Instantiates `image` for process `proc`; returns the entry point (a JSPI promise). */
  instantiate(proc: Process, image: ProgramSpec): (args: string[]) => Promise<number>;
}

export type HaltReason = "idle" | "all-exited" | "stopped" | "kernel-fault";

export interface Halt {
  reason: HaltReason;
  /** For a kernel fault: what went wrong. */
  detail?: string;
  /** Virtual time at the halt, in ns. */
  nowNs: number;
  /** Processes still alive, with their state (for idle: who was blocked on what). */
  alive: { pid: number; image: string; state: string; memoryBytes: number }[];
}

/** A kernel bug: assert-and-stop, never shown to a guest as a status. */
export class KernelFault extends Error {}

/** Thrown by exit() to unwind the guest's stack; caught where the process ends. */
export class ProcessExit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

export type { Message } from "./sys-types.ts";

type ProcessState = "runnable" | "running" | "blocked" | "zombie";

interface Handle {
  name: string;
  endpoint: Endpoint;
  canRecv: boolean;
  canSend: boolean;
}

export class Process {
  readonly pid: number;
  readonly image: string;
  parent: number;
  state: ProcessState = "runnable";
  blockedOn = "";
  exitStatus: ExitStatus | null = null;
  readonly handles: (Handle | null)[] = [];
  /** Where the parent asked for this process's exit notice. */
  notify: Endpoint | null = null;
  readonly children = new Set<number>();
  /** The pid this process waits for, when blocked in wait(). */
  waitingFor = 0;
  /** Syscalls made so far (injected faults count them). */
  syscalls = 0;
  /** While blocked in call(): the endpoint called, and the server holding the call. */
  callEndpoint: Endpoint | null = null;
  callHolder: Process | null = null;
  entry: ((args: string[]) => Promise<number>) | null = null;
  /** The process's linear memory, set by the loader (for memory reports). */
  memory: WebAssembly.Memory | null = null;
  args: string[];
  started = false;
  wake: ((value: unknown) => void) | null = null;
  /** Rejects the parked promise: the guest traps with this error when it resumes. */
  fault: ((error: unknown) => void) | null = null;
  resumeValue: unknown = undefined;
  resumeError: unknown = null;
  /**
   * Set by a host before a blocking syscall: writes the syscall's eventual result straight
   * into this process's memory at the moment the kernel produces it (a reply, a message for a
   * blocked receiver), so the bytes are copied once, sender to receiver, and never queued.
   */
  deliver: ((value: unknown) => void) | null = null;

  constructor(pid: number, image: string, parent: number, args: string[]) {
    this.pid = pid;
    this.image = image;
    this.parent = parent;
    this.args = args;
  }
}

class Endpoint {
  readonly spec: EndpointSpec;
  readonly queue: Message[] = [];
  /** Data messages in the queue (exit notices do not count against the depth). */
  dataQueued = 0;
  server: Process | null = null;
  receiver: Process | null = null;

  constructor(spec: EndpointSpec) {
    this.spec = spec;
  }
}


const noBytes = new Uint8Array(0);

/** Bytes of an exit notice: pid u32, code s32, trapped u32, little-endian. */
export const exitNoticeBytes = 12;

export class Kernel implements Syscalls {
  private readonly manifest: ImageManifest;
  private readonly loader: ProgramLoader;
  private readonly options: KernelOptions;
  private readonly prng: Prng;
  private readonly programs = new Map<string, ProgramSpec>();
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly processes = new Map<number, Process>();
  private readonly runnable: Process[] = [];
  /** Callers blocked in `call`, by reply token. */
  private readonly pendingCalls = new CallTable<Process>();
  /** The message handed to a receiver whose host lowers it at once; never kept. */
  private readonly handoff: Message = { sender: 0, replyToken: 0, bytes: noBytes };
  private nextPid = 1;
  private nowNs = 0;
  /** One-way messages sent so far (drop faults count them). */
  private oneWayMessages = 0;
  /** Faults that already fired: each fires once (a restarted program is not hit again). */
  private readonly faultsFired = new Set<Fault>();
  private current: Process | null = null;
  private dispatchQueued = false;
  private stopRequested = false;
  private halted: Halt | null = null;
  private resolveHalt: (halt: Halt) => void = () => {};
  readonly preemptEverySyscall: boolean;
  // Read on every syscall or switch, so kept out of the options object.
  private readonly hasFaults: boolean;
  private readonly onSwitch: ((pid: number) => void) | undefined;

  constructor(manifest: ImageManifest, loader: ProgramLoader, options: KernelOptions) {
    assertLimits();
    this.manifest = manifest;
    this.loader = loader;
    this.options = options;
    this.prng = new Prng(options.seed);
    this.preemptEverySyscall = options.preemptEverySyscall ?? false;
    this.hasFaults = (options.faults ?? []).length > 0;
    this.onSwitch = options.onSwitch;
    for (const p of manifest.programs) this.programs.set(p.name, p);
    for (const e of manifest.endpoints) this.endpoints.set(e.name, new Endpoint(e));
  }

  /** Starts init as pid 1 and resolves when the system halts. */
  run(): Promise<Halt> {
    const halted = new Promise<Halt>((resolve) => (this.resolveHalt = resolve));
    const init = this.createProcess(this.manifest.init, this.manifest.start.map(startArgument), 0);
    if (init instanceof SysError) throw new KernelFault(`cannot start init: ${init.status}`);
    this.queueDispatch();
    return halted;
  }

  /** Asks the scheduler to halt at the next switch (for example once a marker was seen). */
  stop(): void {
    this.stopRequested = true;
  }

  get runningPid(): number {
    return this.current?.pid ?? 0;
  }

  // ---- console, clock, scheduling ------------------------------------------------------------

  consoleWrite(p: Process, bytes: Uint8Array): void {
    this.tick(p);
    if (bytes.length <= consoleWriteBytesMax) {
      this.options.console(bytes);
      return;
    }
    this.options.console(bytes.subarray(0, consoleWriteBytesMax));
    this.options.console(new TextEncoder().encode(" [cut]\n"));
  }

  clockNow(p: Process): bigint {
    this.tick(p);
    const coarse = this.options.clockCoarseNs ?? 0;
    const now = coarse > 1 ? this.nowNs - (this.nowNs % coarse) : this.nowNs;
    return BigInt(now);
  }

  yield(p: Process): Promise<void> {
    this.tick(p);
    return this.preempt(p) as Promise<void>;
  }

  /** Parks a running process as runnable and lets the scheduler choose; resolves on resume. */
  preempt<T>(p: Process, value?: T): Promise<T> {
    this.makeRunnable(p, value);
    return this.park(p, "preempted") as Promise<T>;
  }

  // ---- processes ------------------------------------------------------------------------------

  spawn(p: Process, image: string, args: string[], notify: number | undefined):
    number | SysError {
    this.tick(p);
    if (Buffer.byteLength(image) > nameBytesMax) return fail("invalid-argument");
    if (args.length > spawnArgsMax) return fail("invalid-argument");
    if (args.some((a) => Buffer.byteLength(a) > argBytesMax)) return fail("invalid-argument");
    let endpoint: Endpoint | null = null;
    if (notify !== undefined) {
      const h = this.handle(p, notify);
      if (h instanceof SysError) return h;
      if (!h.canRecv) return fail("access-denied");
      endpoint = h.endpoint;
    }
    if (p.children.size >= childrenPerProcessMax) return fail("limit-reached");
    const child = this.createProcess(image, args, p.pid);
    if (child instanceof SysError) return child;
    child.notify = endpoint;
    return child.pid;
  }

  exit(p: Process, code: number): never {
    this.tick(p);
    throw new ProcessExit(code);
  }

  wait(p: Process, pid: number): ExitStatus | SysError | Promise<ExitStatus | SysError> {
    this.tick(p);
    const child = this.processes.get(pid);
    if (child === undefined || child.parent !== p.pid) return fail("not-a-child");
    if (child.state === "zombie") return this.reap(child);
    p.waitingFor = pid;
    return this.park(p, `wait ${pid}`) as Promise<ExitStatus>;
  }

  selfPid(p: Process): number {
    this.tick(p);
    return p.pid;
  }

  // ---- handles and endpoints --------------------------------------------------------------------

  open(p: Process, name: string): number | SysError {
    this.tick(p);
    const index = p.handles.findIndex((h) => h !== null && h.name === name);
    if (index >= 0) return index + 1;
    return fail("access-denied");
  }

  close(p: Process, handle: number): void | SysError {
    this.tick(p);
    const h = this.handle(p, handle);
    if (h instanceof SysError) return h;
    if (h.canRecv && h.endpoint.server === p) this.unbindServer(h.endpoint);
    p.handles[handle - 1] = null;
  }

  send(p: Process, handle: number, bytes: Uint8Array): void | SysError {
    this.tick(p);
    const endpoint = this.sendTarget(p, handle, bytes);
    if (endpoint instanceof SysError) return endpoint;
    if (this.dropsOneWay()) return;
    this.enqueue(endpoint, p, 0, bytes);
  }

  call(p: Process, handle: number, bytes: Uint8Array): Promise<Uint8Array | SysError> | SysError {
    this.tick(p);
    const endpoint = this.sendTarget(p, handle, bytes);
    if (endpoint instanceof SysError) return endpoint;
    const replyToken = this.pendingCalls.add(p);
    p.callEndpoint = endpoint;
    p.callHolder = null;
    this.enqueue(endpoint, p, replyToken, bytes);
    return this.park(p, `call ${endpoint.spec.name}`) as Promise<Uint8Array | SysError>;
  }

  recv(p: Process, handle: number): Message | SysError | Promise<Message | SysError> {
    this.tick(p);
    const h = this.handle(p, handle);
    if (h instanceof SysError) return h;
    if (!h.canRecv || h.endpoint.server !== p) return fail("access-denied");
    const message = this.dequeue(h.endpoint, p);
    if (message !== null) return message;
    h.endpoint.receiver = p;
    return this.park(p, `recv ${h.endpoint.spec.name}`) as Promise<Message>;
  }

  /** reply, then recv, as one syscall: the usual step of a server loop. */
  replyRecv(p: Process, replyToken: number, bytes: Uint8Array, handle: number):
    Message | SysError | Promise<Message | SysError> {
    if (replyToken !== 0) {
      const replied = this.reply(p, replyToken, bytes);
      if (replied instanceof SysError) return replied;
    }
    return this.recv(p, handle);
  }

  reply(p: Process, replyToken: number, bytes: Uint8Array): void | SysError {
    this.tick(p);
    const caller = this.pendingCalls.get(replyToken);
    if (caller === undefined || caller.callHolder !== p) return fail("bad-handle");
    if (bytes.length > messageBytesMax) return fail("message-too-large");
    this.pendingCalls.delete(replyToken);
    caller.callEndpoint = null;
    caller.callHolder = null;
    // No copy: makeRunnable hands the bytes to the caller's host, which lowers them now.
    this.makeRunnable(caller, caller.deliver === null ? bytes.slice() : bytes);
  }

  // ---- internals: process life ------------------------------------------------------------------

  private createProcess(image: string, args: string[], parent: number): Process | SysError {
    const spec = this.programs.get(image);
    if (spec === undefined) return fail("no-such-image");
    if (this.processes.size >= processesMax) return fail("limit-reached");
    const p = new Process(this.nextPid++, image, parent, [...spec.args, ...args]);
    try {
      p.entry = this.loader.instantiate(p, spec);
    } catch (error) {
      // The host could not make the instance (V8 out of memory for a new linear memory):
      // a resource limit for the spawner, not its fault and not the kernel's.
      this.options.console(new TextEncoder().encode(
        `kernel: cannot instantiate ${image}: ${(error as Error).message}\n`));
      return fail("limit-reached");
    }
    this.grantHandles(p, spec);
    this.processes.set(p.pid, p);
    this.processes.get(parent)?.children.add(p.pid);
    this.runnable.push(p);
    this.options.onSpawn?.(p.pid, image);
    return p;
  }

  /** Capability routing: the manifest's grants become this process's handle table. */
  private grantHandles(p: Process, spec: ProgramSpec): void {
    for (const endpoint of this.endpoints.values()) {
      const serves = endpoint.spec.server === spec.name && endpoint.server === null;
      const uses = spec.uses.includes(endpoint.spec.name);
      if (!serves && !uses) continue;
      if (p.handles.length >= handlesPerProcessMax) {
        throw new KernelFault(`${spec.name}: more grants than ${handlesPerProcessMax} handles`);
      }
      p.handles.push({ name: endpoint.spec.name, endpoint, canRecv: serves, canSend: uses });
      if (serves) endpoint.server = p;
    }
  }

  private start(p: Process): void {
    p.started = true;
    const entry = p.entry;
    if (entry === null) throw new KernelFault(`pid ${p.pid} has no entry point`);
    entry(p.args).then(
      (code) => this.end(p, { code, trapped: false, trapReason: "", backtrace: [] }),
      (error: unknown) => this.endByThrow(p, error),
    );
  }

  private endByThrow(p: Process, error: unknown): void {
    if (error instanceof Unwound) return;
    if (error instanceof KernelFault) return this.halt("kernel-fault", error.message);
    if (error instanceof ProcessExit) {
      return this.end(p, { code: error.code, trapped: false, trapReason: "", backtrace: [] });
    }
    const status = trapStatus(error);
    this.options.console(new TextEncoder().encode(
      `kernel: ${p.image} pid=${p.pid} trapped: ${status.trapReason}\n`));
    this.end(p, status);
  }

  private end(p: Process, status: ExitStatus): void {
    if (this.current === p) this.current = null;
    p.state = "zombie";
    p.exitStatus = status;
    p.entry = null;
    p.memory = null;
    this.releaseHandles(p);
    this.orphanChildren(p);
    this.postExitNotice(p, status);
    const parent = this.processes.get(p.parent);
    if (parent === undefined) this.processes.delete(p.pid);
    else if (parent.state === "blocked" && parent.waitingFor === p.pid) {
      parent.waitingFor = 0;
      this.makeRunnable(parent, this.reap(p));
    }
    this.queueDispatch();
  }

  private reap(child: Process): ExitStatus {
    this.processes.delete(child.pid);
    this.processes.get(child.parent)?.children.delete(child.pid);
    return child.exitStatus as ExitStatus;
  }

  private orphanChildren(p: Process): void {
    for (const pid of p.children) {
      const child = this.processes.get(pid);
      if (child === undefined) continue;
      child.parent = 0;
      if (child.state === "zombie") this.processes.delete(pid);
    }
    p.children.clear();
  }

  private postExitNotice(p: Process, status: ExitStatus): void {
    const endpoint = p.notify;
    if (endpoint === null || endpoint.server === null) return;
    const bytes = new Uint8Array(exitNoticeBytes);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, p.pid, true);
    view.setInt32(4, status.code, true);
    view.setUint32(8, status.trapped ? 1 : 0, true);
    if (this.dropsOneWay()) return;
    this.enqueue(endpoint, null, 0, bytes);
  }

  private releaseHandles(p: Process): void {
    for (const h of p.handles) {
      if (h !== null && h.canRecv && h.endpoint.server === p) this.unbindServer(h.endpoint);
    }
    p.handles.length = 0;
    for (const [token, caller] of this.pendingCalls.entries()) {
      if (caller.callHolder === p) this.failCall(token, caller);
    }
  }

  /** The server is gone: queued calls fail with no-server, queued sends are dropped. */
  private unbindServer(endpoint: Endpoint): void {
    endpoint.server = null;
    endpoint.receiver = null;
    endpoint.queue.length = 0;
    endpoint.dataQueued = 0;
    for (const [token, caller] of this.pendingCalls.entries()) {
      if (caller.callEndpoint === endpoint) this.failCall(token, caller);
    }
  }

  private failCall(token: number, caller: Process): void {
    this.pendingCalls.delete(token);
    caller.callEndpoint = null;
    caller.callHolder = null;
    if (caller.state === "blocked") this.makeRunnable(caller, fail("no-server"));
  }

  // ---- internals: endpoints ---------------------------------------------------------------------

  private handle(p: Process, handle: number): Handle | SysError {
    const h = Number.isInteger(handle) && handle >= 1 ? p.handles[handle - 1] : undefined;
    return h ?? fail("bad-handle");
  }

  private sendTarget(p: Process, handle: number, bytes: Uint8Array): Endpoint | SysError {
    const h = this.handle(p, handle);
    if (h instanceof SysError) return h;
    if (!h.canSend) return fail("access-denied");
    if (bytes.length > messageBytesMax) return fail("message-too-large");
    if (h.endpoint.server === null) return fail("no-server");
    if (h.endpoint.dataQueued >= h.endpoint.spec.queueDepth) return fail("queue-full");
    return h.endpoint;
  }

  /**
   * Hands a message to a blocked receiver, or queues it. Exit notices (from the kernel, no
   * sending process) bypass the depth bound. `bytes` may be a view of the sender's memory: it
   * is copied unless the receiver's host lowers it at once, and then nothing is allocated.
   */
  private enqueue(endpoint: Endpoint, from: Process | null, replyToken: number,
    bytes: Uint8Array): void {
    const sender = from === null ? 0 : from.pid;
    const receiver = endpoint.receiver;
    if (receiver !== null) {
      endpoint.receiver = null;
      // A call goes straight to its server: the caller is at hand, no token lookup needed.
      if (replyToken !== 0 && from !== null) from.callHolder = receiver;
      if (receiver.deliver === null) {
        this.makeRunnable(receiver, { sender, replyToken, bytes: bytes.slice() });
        return;
      }
      const handoff = this.handoff;
      handoff.sender = sender;
      handoff.replyToken = replyToken;
      handoff.bytes = bytes;
      this.makeRunnable(receiver, handoff);
      handoff.bytes = noBytes;
      return;
    }
    endpoint.queue.push({ sender, replyToken, bytes: bytes.slice() });
    if (sender !== 0) endpoint.dataQueued++;
  }

  private dequeue(endpoint: Endpoint, receiver: Process): Message | null {
    const message = endpoint.queue.shift();
    if (message === undefined) return null;
    if (message.sender !== 0) endpoint.dataQueued--;
    this.holdCall(message.replyToken, receiver);
    return message;
  }

  private holdCall(replyToken: number, receiver: Process): void {
    if (replyToken === 0) return;
    const caller = this.pendingCalls.get(replyToken);
    if (caller === undefined) throw new KernelFault(`lost call ${replyToken}`);
    caller.callHolder = receiver;
  }

  // ---- internals: the scheduler -----------------------------------------------------------------

  private tick(p: Process): void {
    if (this.current !== p) {
      throw new KernelFault(`pid ${p.pid} made a syscall while pid ${this.runningPid} runs`);
    }
    this.nowNs += syscallCostNs;
    p.syscalls++;
    if (this.hasFaults) this.injectAtSyscall(p);
  }

  /** Ends `p` here when a kill or trap fault names its program and this syscall. */
  private injectAtSyscall(p: Process): void {
    for (const fault of this.options.faults ?? []) {
      if (fault.kind === "drop" || fault.program !== p.image) continue;
      if (fault.atSyscall !== p.syscalls || this.faultsFired.has(fault)) continue;
      this.faultsFired.add(fault);
      this.faultNote(fault, `pid=${p.pid}`);
      throw new InjectedFault(injectedReason(fault));
    }
  }

  /** True when the one-way message being sent now is to be lost. */
  private dropsOneWay(): boolean {
    this.oneWayMessages++;
    const drop = this.options.faults?.find((f) => f.kind === "drop" &&
      f.atMessage === this.oneWayMessages);
    if (drop === undefined) return false;
    this.faultNote(drop, `message=${this.oneWayMessages}`);
    return true;
  }

  private faultNote(fault: Fault, where: string): void {
    this.options.console(new TextEncoder().encode(
      `kernel: fault injected ${faultText(fault)} ${where}\n`));
  }

  private makeRunnable(p: Process, value: unknown): void {
    p.state = "runnable";
    p.blockedOn = "";
    p.resumeValue = value;
    const deliver = p.deliver;
    if (deliver !== null) {
      p.deliver = null;
      p.resumeValue = undefined;
      try {
        deliver(value);
      } catch (error) {
        // The receiving guest broke the ABI (for example its cabi_realloc trapped): it, not
        // the process whose syscall produced the value, is faulted when it resumes.
        p.resumeError = error;
      }
    }
    this.runnable.push(p);
  }

  /** Suspends the running process until the scheduler resumes it with a value. */
  private park(p: Process, reason: string): Promise<unknown> {
    if (p.state === "running") {
      p.state = "blocked";
      p.blockedOn = reason;
    }
    this.current = null;
    const { promise: resumed, resolve, reject } = Promise.withResolvers<unknown>();
    p.wake = resolve;
    p.fault = reject;
    // Safe to choose now: resolving a parked process's promise resumes it only from a
    // microtask, after this caller's stack has been suspended; a new process is started from a
    // microtask for the same reason (see dispatch).
    this.dispatch();
    return resumed;
  }

  private queueDispatch(): void {
    if (this.dispatchQueued || this.halted !== null) return;
    this.dispatchQueued = true;
    queueMicrotask(() => this.dispatch());
  }

  private dispatch(): void {
    this.dispatchQueued = false;
    if (this.halted !== null || this.current !== null) return;
    if (this.stopRequested) return this.halt("stopped");
    if (this.runnable.length === 0) {
      return this.halt(this.processes.size === 0 ? "all-exited" : "idle");
    }
    const p = this.runnable.length === 1
      ? this.runnable.pop() as Process
      : this.runnable.splice(this.prng.below(this.runnable.length), 1)[0];
    this.nowNs += contextSwitchCostNs;
    this.current = p;
    p.state = "running";
    if (this.onSwitch !== undefined) this.onSwitch(p.pid);
    if (!p.started) {
      queueMicrotask(() => this.start(p));
      return;
    }
    const { wake, fault, resumeError } = p;
    p.wake = null;
    p.fault = null;
    if (wake === null || fault === null) {
      throw new KernelFault(`pid ${p.pid} is runnable but not parked`);
    }
    if (resumeError !== null) {
      p.resumeError = null;
      fault(resumeError);
    } else wake(p.resumeValue);
  }

  private halt(reason: HaltReason, detail?: string): void {
    if (this.halted !== null) return;
    const alive = [...this.processes.values()].map((p) => ({
      pid: p.pid, image: p.image, state: p.blockedOn === "" ? p.state : p.blockedOn,
      memoryBytes: p.memory?.buffer.byteLength ?? 0,
    }));
    this.halted = { reason, detail, nowNs: this.nowNs, alive };
    this.resolveHalt(this.halted);
    this.unwindParked();
  }

  /**
   * After a halt, ends every parked process by making its pending syscall throw. Nothing
   * would ever resume them, and V8 keeps a suspended JSPI stack (and its instance) alive for
   * as long as its promise is pending: without this, a sweep of thousands of boots in one
   * process runs out of memory for new instances.
   */
  private unwindParked(): void {
    for (const p of this.processes.values()) {
      const fault = p.fault;
      p.wake = null;
      p.fault = null;
      fault?.(new Unwound());
    }
  }
}

/** Thrown into a parked process when the kernel halts: it ends silently, being already gone. */
class Unwound extends Error {}
