// Syscall bindings: the `nexus:os/sys` interface of wit/nexus-os.wit, lowered by hand to the
// canonical ABI so that programs stay allocation-free on their hot paths.
//
// Owns: the import declarations, the fixed ABI window that `cabi_realloc` hands out, and the
// decoded view of the last message or reply. Bytes the kernel returns (a received message, a
// call's reply, a wait's trap reason) live in the window and stay valid only until the next
// syscall that returns bytes.
//
// Results: functions that can fail return an i32; a value >= 0 is the success value and a
// negative value is `-(status + 1)`, with the status numbered as in the WIT enum.
// Does not do: async or non-blocking receive; a program that needs both serving and waiting
// asks for exit notices on an endpoint (see `spawn`).

// Status codes, numbered as the cases of `enum status` in the WIT.
export const STATUS_BAD_HANDLE: i32 = 0;
export const STATUS_ACCESS_DENIED: i32 = 1;
export const STATUS_QUEUE_FULL: i32 = 2;
export const STATUS_MESSAGE_TOO_LARGE: i32 = 3;
export const STATUS_NO_SERVER: i32 = 4;
export const STATUS_NOT_A_CHILD: i32 = 5;
export const STATUS_NO_SUCH_IMAGE: i32 = 6;
export const STATUS_LIMIT_REACHED: i32 = 7;
export const STATUS_INVALID_ARGUMENT: i32 = 8;

/** The error value for a status: always negative. */
export function err(status: i32): i32 {
  return -(status + 1);
}

/** The status of a negative result. */
export function statusOf(result: i32): i32 {
  return -result - 1;
}

export function statusName(status: i32): string {
  switch (status) {
    case STATUS_BAD_HANDLE: return "bad-handle";
    case STATUS_ACCESS_DENIED: return "access-denied";
    case STATUS_QUEUE_FULL: return "queue-full";
    case STATUS_MESSAGE_TOO_LARGE: return "message-too-large";
    case STATUS_NO_SERVER: return "no-server";
    case STATUS_NOT_A_CHILD: return "not-a-child";
    case STATUS_NO_SUCH_IMAGE: return "no-such-image";
    case STATUS_LIMIT_REACHED: return "limit-reached";
    case STATUS_INVALID_ARGUMENT: return "invalid-argument";
  }
  return "unknown-status";
}

// The ABI window: every list or string the kernel lowers into this program lands here.
// It holds one maximum-size message plus a wait() result's reason and backtrace.
export const ABI_WINDOW_BYTES: usize = 12 * 1024;
const abiWindow = memory.data(ABI_WINDOW_BYTES as i32, 16);
let abiWindowUsed: usize = 0;

// The return area for results that do not fit one flat value (largest: wait, 28 bytes).
const RET_AREA_BYTES: i32 = 32;
const ret = memory.data(RET_AREA_BYTES, 8);

/**
 * The allocator the kernel calls to place results in this program's memory. It hands out
 * the fixed window and never touches the heap; a request past the window traps, because the
 * kernel caps every result below it and so the request is a kernel bug.
 */
export function cabi_realloc(oldPtr: usize, oldSize: usize, align: usize, newSize: usize): usize {
  assert(oldPtr == 0 && oldSize == 0, "cabi_realloc: resize is not supported");
  const start = (abiWindowUsed + align - 1) & ~(align - 1);
  assert(start + newSize <= ABI_WINDOW_BYTES, "cabi_realloc: ABI window exhausted");
  abiWindowUsed = start + newSize;
  return abiWindow + start;
}

function windowReset(): void {
  abiWindowUsed = 0;
}

// ---- imports ------------------------------------------------------------------------------

@external("nexus:os/sys@0.1.0", "console-write")
declare function sys_console_write(ptr: usize, len: usize): void;
@external("nexus:os/sys@0.1.0", "clock-now")
declare function sys_clock_now(): u64;
@external("nexus:os/sys@0.1.0", "yield")
declare function sys_yield(): void;
@external("nexus:os/sys@0.1.0", "self-pid")
declare function sys_self_pid(): u32;
@external("nexus:os/sys@0.1.0", "spawn")
declare function sys_spawn(
  imagePtr: usize, imageLen: usize, argsPtr: usize, argsLen: usize,
  notifyIsSome: i32, notify: u32, retPtr: usize,
): void;
@external("nexus:os/sys@0.1.0", "exit")
declare function sys_exit(code: i32): void;
@external("nexus:os/sys@0.1.0", "wait")
declare function sys_wait(pid: u32, retPtr: usize): void;
@external("nexus:os/sys@0.1.0", "open")
declare function sys_open(namePtr: usize, nameLen: usize, retPtr: usize): void;
@external("nexus:os/sys@0.1.0", "send")
declare function sys_send(handle: u32, ptr: usize, len: usize, retPtr: usize): void;
@external("nexus:os/sys@0.1.0", "recv")
declare function sys_recv(handle: u32, retPtr: usize): void;
@external("nexus:os/sys@0.1.0", "call")
declare function sys_call(handle: u32, ptr: usize, len: usize, retPtr: usize): void;
@external("nexus:os/sys@0.1.0", "reply")
declare function sys_reply(token: u32, ptr: usize, len: usize, retPtr: usize): void;
@external("nexus:os/sys@0.1.0", "reply-recv")
declare function sys_reply_recv(
  token: u32, ptr: usize, len: usize, handle: u32, retPtr: usize,
): void;
@external("nexus:os/sys@0.1.0", "close")
declare function sys_close(handle: u32, retPtr: usize): void;

// ---- result decoding ----------------------------------------------------------------------

//   result<T, status> in the return area:
//   +0      +4
//   +-------+------------------------+
//   | disc  | payload (T or status)  |   disc: 0 = ok, 1 = error (u8)
//   +-------+------------------------+
//   result<_, status> packs tighter: disc at +0, status (u8) at +1.

function resultU32(): i32 {
  if (load<u8>(ret) == 0) return load<u32>(ret, 4) as i32;
  return err(load<u8>(ret, 4));
}

function resultUnit(): i32 {
  if (load<u8>(ret) == 0) return 0;
  return err(load<u8>(ret, 1));
}

// ---- console, clock, scheduling -----------------------------------------------------------

/** Writes raw bytes to the console. Programs reach this only through nexus-log. */
export function consoleWrite(ptr: usize, len: usize): void {
  sys_console_write(ptr, len);
}

/** Monotonic virtual time in nanoseconds since boot. */
export function clockNow(): u64 {
  return sys_clock_now();
}

export function yieldNow(): void {
  sys_yield();
}

export function selfPid(): u32 {
  return sys_self_pid();
}

export function exit(code: i32): void {
  sys_exit(code);
  unreachable();
}

// ---- processes ----------------------------------------------------------------------------

// Scratch for spawn's list<string>: one (ptr, len) pair per argument.
export const SPAWN_ARGS_MAX: i32 = 16;
const spawnArgs = memory.data(SPAWN_ARGS_MAX * 8, 4);

/**
 * Starts `image` with `args` (at most SPAWN_ARGS_MAX). With `notify` >= 0 the kernel posts
 * an exit notice to that endpoint when the child ends. Returns the child's pid.
 */
export function spawn(image: string, args: string[], notify: i32 = -1): i32 {
  if (args.length > SPAWN_ARGS_MAX) return err(STATUS_INVALID_ARGUMENT);
  const imageBytes = String.UTF8.encode(image);
  const keep = new Array<ArrayBuffer>(args.length);
  for (let i = 0; i < args.length; i++) {
    const bytes = String.UTF8.encode(args[i]);
    keep[i] = bytes;
    store<u32>(spawnArgs + (i << 3), changetype<usize>(bytes));
    store<u32>(spawnArgs + (i << 3) + 4, bytes.byteLength);
  }
  const some = notify >= 0 ? 1 : 0;
  sys_spawn(
    changetype<usize>(imageBytes), imageBytes.byteLength, spawnArgs, args.length,
    some, notify >= 0 ? notify as u32 : 0, ret,
  );
  return resultU32();
}

// The decoded exit status of the last successful wait().
export let waitCode: i32 = 0;
export let waitTrapped: bool = false;
let waitReasonPtr: usize = 0;
let waitReasonLen: usize = 0;
let waitBacktracePtr: usize = 0;
export let waitBacktraceLen: i32 = 0;

/** Blocks until child `pid` ends and reaps it. Returns 0; the status is in wait* above. */
export function wait(pid: u32): i32 {
  windowReset();
  sys_wait(pid, ret);
  if (load<u8>(ret) != 0) return err(load<u8>(ret, 4));
  waitCode = load<i32>(ret, 4);
  waitTrapped = load<u8>(ret, 8) != 0;
  waitReasonPtr = load<u32>(ret, 12);
  waitReasonLen = load<u32>(ret, 16);
  waitBacktracePtr = load<u32>(ret, 20);
  waitBacktraceLen = load<u32>(ret, 24);
  return 0;
}

export function waitTrapReason(): string {
  return String.UTF8.decodeUnsafe(waitReasonPtr, waitReasonLen);
}

export function waitBacktraceFrame(i: i32): string {
  const entry = waitBacktracePtr + (<usize>i << 3);
  return String.UTF8.decodeUnsafe(load<u32>(entry), load<u32>(entry, 4));
}

// ---- handles and endpoints ----------------------------------------------------------------

/** Resolves a name the manifest granted this program into a handle. */
export function open(name: string): i32 {
  const bytes = String.UTF8.encode(name);
  sys_open(changetype<usize>(bytes), bytes.byteLength, ret);
  return resultU32();
}

export function close(handle: u32): i32 {
  sys_close(handle, ret);
  return resultUnit();
}

export function send(handle: u32, ptr: usize, len: usize): i32 {
  sys_send(handle, ptr, len, ret);
  return resultUnit();
}

// The last received message (valid until the next syscall that returns bytes).
export let msgSender: u32 = 0;
export let msgReplyToken: u32 = 0;
export let msgPtr: usize = 0;
export let msgLen: i32 = 0;

/** Blocks for the next message on `handle`; returns 0 and fills msg* above. */
export function recv(handle: u32): i32 {
  windowReset();
  sys_recv(handle, ret);
  return messageResult();
}

/**
 * Answers `token` (0: nothing) with ptr/len, then blocks for the next message on `handle`,
 * in one syscall. Returns 0 and fills msg*, or the reply's or the receive's error.
 */
export function replyRecv(token: u32, ptr: usize, len: usize, handle: u32): i32 {
  windowReset();
  sys_reply_recv(token, ptr, len, handle, ret);
  return messageResult();
}

function messageResult(): i32 {
  if (load<u8>(ret) != 0) return err(load<u8>(ret, 4));
  msgSender = load<u32>(ret, 4);
  msgReplyToken = load<u32>(ret, 8);
  msgPtr = load<u32>(ret, 12);
  msgLen = load<u32>(ret, 16);
  return 0;
}

// The last call's reply (valid until the next syscall that returns bytes).
export let replyPtr: usize = 0;
export let replyLen: i32 = 0;

/** Sends a request and blocks for the reply; returns 0 and fills reply* above. */
export function call(handle: u32, ptr: usize, len: usize): i32 {
  windowReset();
  sys_call(handle, ptr, len, ret);
  if (load<u8>(ret) != 0) return err(load<u8>(ret, 4));
  replyPtr = load<u32>(ret, 4);
  replyLen = load<u32>(ret, 8);
  return 0;
}

export function reply(token: u32, ptr: usize, len: usize): i32 {
  sys_reply(token, ptr, len, ret);
  return resultUnit();
}

// ---- the entry point ----------------------------------------------------------------------

/** Copies run()'s list<string> argument out of the ABI window into heap strings. */
export function argsFrom(argsPtr: usize, argsLen: i32): string[] {
  const args = new Array<string>(argsLen);
  for (let i = 0; i < argsLen; i++) {
    const entry = argsPtr + (<usize>i << 3);
    args[i] = String.UTF8.decodeUnsafe(load<u32>(entry), load<u32>(entry, 4));
  }
  windowReset();
  return args;
}
