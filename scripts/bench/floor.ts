// The floor for IPC: two bare core wasm instances ping-ponging 64-byte messages through the
// smallest JSPI queue that still blocks (no kernel, no handles, no scheduler, no canonical
// ABI). Whatever the kernel adds on top of this is its cost.

import wabtInit from "wabt";

// ping: run(n) calls `call(ptr, len)` n times with a 64-byte message whose first word is the
// round number, and checks the reply (copied back into the same buffer) carries it.
const pingWat = `(module
  (import "q" "call" (func $call (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "run") (param $n i32) (result i32) (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.const 0) (local.get $i))
      (call $call (i32.const 0) (i32.const 64))
      (if (i32.ne (i32.load (i32.const 0)) (local.get $i)) (then (return (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.const 0)))`;

// pong: run() forever receives into its buffer and replies with the same bytes.
const pongWat = `(module
  (import "q" "recv" (func $recv (param i32) (result i32)))
  (import "q" "reply" (func $reply (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "run") (result i32) (local $len i32)
    (loop $next
      (local.set $len (call $recv (i32.const 0)))
      (call $reply (i32.const 0) (local.get $len))
      (br $next))
    (i32.const 0)))`;

function suspending(fn: (...args: never[]) => unknown): Function {
  return new WebAssembly.Suspending(fn) as unknown as Function;
}

async function compile(wat: string): Promise<WebAssembly.Module> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat("floor.wat", wat);
  const { buffer } = parsed.toBinary({});
  parsed.destroy();
  return new WebAssembly.Module(new Uint8Array(buffer));
}

/** Runs `rounds` round trips and returns the wall time in milliseconds. */
export async function floorRoundTrips(rounds: number): Promise<number> {
  const [pingModule, pongModule] = await Promise.all([compile(pingWat), compile(pongWat)]);
  let pingMemory: Uint8Array = new Uint8Array(0);
  let pongMemory: Uint8Array = new Uint8Array(0);
  let request: { ptr: number; len: number } | null = null;
  let wakePong: ((len: number) => void) | null = null;
  let wakePing: (() => void) | null = null;
  let pongPtr = 0;

  const deliver = (ptr: number, len: number) => {
    pongMemory.set(pingMemory.subarray(ptr, ptr + len), pongPtr);
    return len;
  };
  const ping = new WebAssembly.Instance(pingModule, { q: {
    call: suspending((ptr: number, len: number) => {
      const resumed = new Promise<void>((resolve) => (wakePing = resolve));
      if (wakePong !== null) {
        const wake = wakePong;
        wakePong = null;
        wake(deliver(ptr, len));
      } else request = { ptr, len };
      return resumed;
    }),
  } });
  const pong = new WebAssembly.Instance(pongModule, { q: {
    recv: suspending((ptr: number) => {
      pongPtr = ptr;
      if (request !== null) {
        const { ptr: from, len } = request;
        request = null;
        return deliver(from, len);
      }
      return new Promise<number>((resolve) => (wakePong = resolve));
    }),
    reply: (ptr: number, len: number) => {
      pingMemory.set(pongMemory.subarray(ptr, ptr + len), 0);
      const wake = wakePing;
      wakePing = null;
      wake?.();
    },
  } });
  pingMemory = new Uint8Array((ping.exports.memory as WebAssembly.Memory).buffer);
  pongMemory = new Uint8Array((pong.exports.memory as WebAssembly.Memory).buffer);
  void WebAssembly.promising(pong.exports.run as Function)();
  const started = performance.now();
  const failed = await WebAssembly.promising(ping.exports.run as Function)(rounds);
  const elapsed = performance.now() - started;
  if (failed !== 0) throw new Error("floor: a reply did not carry its round number");
  return elapsed;
}
