(globalThis as any).NOREALLOC = process.argv[2] === "norealloc";
// Experiment: the probe ping/pong AS modules under a minimal host (no kernel), to split the
// kernel's cost from the guest's and the ABI's.
import { readFileSync } from "node:fs";
import { mainCoreModule } from "./kernel-emu/component.ts";
const core = process.env.CORE ? new Uint8Array(readFileSync(process.env.CORE)) : mainCoreModule(new Uint8Array(readFileSync("build/components/probe.wasm")), "probe");
const module = new WebAssembly.Module(core as Uint8Array<ArrayBuffer>);
type Ex = { memory: WebAssembly.Memory; cabi_realloc: Function; run: Function; _initialize: Function };
let pingEx: Ex, pongEx: Ex;
let wakePong: ((v: unknown) => void) | null = null, wakePing: ((v: unknown) => void) | null = null;
let pongRet = 0, pingRet = 0;
const S = (f: Function) => new WebAssembly.Suspending(f as any) as unknown as Function;
const views = new Map<Ex, [Uint8Array, DataView]>();
function vw(ex: Ex): [Uint8Array, DataView] { let v = views.get(ex); if (!v) { v = [new Uint8Array(ex.memory.buffer), new DataView(ex.memory.buffer)]; views.set(ex, v); } return v; }
function lowerMsg(ex: Ex, ret: number, src: Uint8Array, token: number) {
  const ptr = (globalThis as any).NOREALLOC ? 60000 : ex.cabi_realloc(0, 0, 1, src.length) >>> 0;
  const [b, v] = vw(ex);
  b.set(src, ptr);
  v.setUint8(ret, 0); v.setUint32(ret + 4, 7, true); v.setUint32(ret + 8, token, true);
  v.setUint32(ret + 12, ptr, true); v.setUint32(ret + 16, src.length, true);
}
function lowerReply(ex: Ex, ret: number, src: Uint8Array) {
  const ptr = (globalThis as any).NOREALLOC ? 60000 : ex.cabi_realloc(0, 0, 1, src.length) >>> 0;
  const [b, v] = vw(ex);
  b.set(src, ptr);
  v.setUint8(ret, 0); v.setUint32(ret + 4, ptr, true); v.setUint32(ret + 8, src.length, true);
}
function imports(self: () => Ex, isPing: boolean) {
  const openRet = (ret: number) => { const v = new DataView(self().memory.buffer); v.setUint8(ret, 0); v.setUint32(ret + 4, 1, true); };
  return { "nexus:os/sys@0.1.0": {
    "console-write": (p: number, l: number) => { if (isPing) process.stdout.write(new Uint8Array(self().memory.buffer, p, l)); },
    "open": (_p: number, _l: number, ret: number) => openRet(ret),
    "send": (_h: number, _p: number, _l: number, ret: number) => { new DataView(self().memory.buffer).setUint8(ret, 0); },
    "call": S((_h: number, p: number, l: number, ret: number) => {
      pingRet = ret;
      const src = vw(pingEx)[0].subarray(p, p + l);
      lowerMsg(pongEx, pongRet, src, 1);
      const w = wakePong; wakePong = null; w!(undefined);
      return new Promise((r) => (wakePing = r));
    }),
    "recv": S((_h: number, ret: number) => { pongRet = ret; return new Promise((r) => (wakePong = r)); }),
    "reply-recv": S((_t: number, p: number, l: number, _h: number, ret: number) => {
      const src = vw(pongEx)[0].subarray(p, p + l);
      lowerReply(pingEx, pingRet, src);
      pongRet = ret;
      const w = wakePing; wakePing = null; w!(undefined);
      return new Promise((r) => (wakePong = r));
    }),
    "clock-now": () => 0n, "yield": S(() => undefined), "self-pid": () => 1, "spawn": () => {}, "exit": () => {},
    "wait": S(() => {}), "reply": () => {}, "close": () => {},
  } };
}
import wabtInit from "wabt";
const wabt = await wabtInit();
const watPong = `(module
 (import "nexus:os/sys@0.1.0" "recv" (func $recv (param i32 i32)))
 (import "nexus:os/sys@0.1.0" "reply-recv" (func $rr (param i32 i32 i32 i32 i32)))
 (memory (export "memory") 2)
 (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 4096))
 (func (export "_initialize"))
 (func (export "run") (param i32 i32) (result i32)
   (call $recv (i32.const 1) (i32.const 64))
   (loop $l
     (call $rr (i32.load (i32.const 72)) (i32.load (i32.const 76)) (i32.load (i32.const 80)) (i32.const 1) (i32.const 64))
     (br $l))
   (i32.const 0)))`;
const watPing = `(module
 (import "nexus:os/sys@0.1.0" "call" (func $call (param i32 i32 i32 i32)))
 (import "nexus:os/sys@0.1.0" "console-write" (func $cw (param i32 i32)))
 (memory (export "memory") 2)
 (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 4096))
 (func (export "_initialize"))
 (func (export "run") (param i32 i32) (result i32) (local $i i32)
   (block $done (loop $next (br_if $done (i32.ge_u (local.get $i) (i32.const 200000)))
      (i32.store (i32.const 0) (local.get $i)) (call $call (i32.const 1) (i32.const 0) (i32.const 64) (i32.const 64))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $next)))
   (i32.const 0)))`;
const watPingModule = new WebAssembly.Module(new Uint8Array(wabt.parseWat("q", watPing).toBinary({}).buffer));
const watPongModule = new WebAssembly.Module(new Uint8Array(wabt.parseWat("p", watPong).toBinary({}).buffer));
function inst(isPing: boolean): Ex {
  let ex: Ex; const m = (!isPing && process.env.WATPONG) ? watPongModule : (isPing && process.env.WATPING) ? watPingModule : module;
  const i = new WebAssembly.Instance(m, imports(() => ex, isPing) as any);
  ex = i.exports as unknown as Ex; return ex;
}
async function runOnce(n: number) {
  pingEx = inst(true); pongEx = inst(false);
  const args = (ex: Ex, list: string[]) => {
    const enc = new TextEncoder(); const ents = ex.cabi_realloc(0, 0, 4, list.length * 8) >>> 0;
    const v = new DataView(ex.memory.buffer);
    list.forEach((s, i) => { const b = enc.encode(s); const p = ex.cabi_realloc(0, 0, 1, b.length) >>> 0; new Uint8Array(ex.memory.buffer).set(b, p); v.setUint32(ents + i * 8, p, true); v.setUint32(ents + i * 8 + 4, b.length, true); });
    return [ents, list.length];
  };
  pongEx._initialize(); pingEx._initialize();
  void WebAssembly.promising(pongEx.run as any)(...args(pongEx, ["pong"]));
  await Promise.resolve();
  const t = performance.now();
  await WebAssembly.promising(pingEx.run as any)(...args(pingEx, ["ping", String(n), "64"]));
  return performance.now() - t;
}
let best = Infinity;
if (process.env.WATPING) { for (let i = 0; i < 3; i++) console.log("wat ping 200000:", ((await runOnce(0)) / 200000 * 1000).toFixed(3), "us"); process.exit(0); }
for (let i = 0; i < 5; i++) best = Math.min(best, ((await runOnce(220000)) - (await runOnce(20000))) / 200000 * 1000);
console.log(`minimal host with AS probe: ${best.toFixed(3)} us`);
