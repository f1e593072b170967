import wabtInit from "wabt";
const depth = Number(process.argv[2] ?? 0);
const wrappers = Array.from({ length: depth }, (_, i) => `(func $w${i} (param i32 i32) (local.get 0) (local.get 1) (call ${i + 1 < depth ? `$w${i + 1}` : "$call"}))`).join("\n");
const entry = depth > 0 ? "$w0" : "$call";
const pingWat = `(module (import "q" "call" (func $call (param i32 i32))) (memory (export "memory") 1) ${wrappers}
  (func (export "run") (param $n i32) (result i32) (local $i i32)
    (block $done (loop $next (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.const 0) (local.get $i)) (call ${entry} (i32.const 0) (i32.const 64))
      (if (i32.ne (i32.load (i32.const 0)) (local.get $i)) (then (return (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $next))) (i32.const 0)))`;
const pongWat = `(module (import "q" "recv" (func $recv (param i32) (result i32))) (import "q" "reply" (func $reply (param i32 i32)))
  (memory (export "memory") 1) (func (export "run") (result i32) (local $len i32)
    (loop $next (local.set $len (call $recv (i32.const 0))) (call $reply (i32.const 0) (local.get $len)) (br $next)) (i32.const 0)))`;
const wabt = await wabtInit();
const mod = (w: string) => new WebAssembly.Module(new Uint8Array(wabt.parseWat("x", w).toBinary({}).buffer));
const S = (f: any) => new WebAssembly.Suspending(f) as any;
async function run(n: number) {
  let pingMem = new Uint8Array(0), pongMem = new Uint8Array(0);
  let wakePong: any = null, wakePing: any = null;
  const ping = new WebAssembly.Instance(mod(pingWat), { q: { call: S((p: number, l: number) => { pongMem.set(pingMem.subarray(p, p + l), 0); const w = wakePong; wakePong = null; w(l); return new Promise((r) => (wakePing = r)); }) } });
  const pong = new WebAssembly.Instance(mod(pongWat), { q: { recv: S(() => new Promise((r) => (wakePong = r))), reply: (p: number, l: number) => { pingMem.set(pongMem.subarray(p, p + l), 0); const w = wakePing; wakePing = null; w(); } } });
  pingMem = new Uint8Array((ping.exports.memory as any).buffer); pongMem = new Uint8Array((pong.exports.memory as any).buffer);
  void (WebAssembly as any).promising(pong.exports.run)(); await Promise.resolve();
  const t = performance.now(); await (WebAssembly as any).promising(ping.exports.run)(n); return performance.now() - t;
}
let best = Infinity;
for (let i = 0; i < 5; i++) best = Math.min(best, ((await run(220000)) - (await run(20000))) / 200000 * 1000);
console.log(`floor depth ${depth}: ${best.toFixed(3)} us`);
