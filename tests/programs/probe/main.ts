// probe: a test program that exercises the kernel ABI. Its first argument picks a mode; each
// mode prints `probe: <what> <result>` lines through nexus-log that tests compare.
//
//   syscalls        every syscall's success and error paths (also the conformance program)
//   exit <n>        exits with code n (run returns it)
//   exit-syscall <n>  exits with code n through the exit syscall
//   trap <kind>     traps: unreachable | oob | stack
//   memhog          grows memory until the kernel's cap refuses, then reports the page count
//   spin            loops forever without a syscall
//   pong            serves the "pong" endpoint: replies to each call with the same bytes
//   ping <n> <len>  calls "pong" n times with len-byte messages, then reports
//   flood           sends to "pong" until the queue is full
//   parent <mode>   spawns a probe child with <mode>, waits, reports its exit status
//   spawner <n>     spawns and waits for n children that exit at once
//   exec            sends execd bad and good EXEC v1 requests, prints each answer

import * as exec from "../../../services/lib/exec-v1";
import * as sys from "../../../services/lib/sys";
import { marker } from "../../../services/lib/nexus-log";
import { notifyReady } from "../../../services/lib/ready";
export { cabi_realloc } from "../../../services/lib/sys";

const scratch = memory.data(8192, 8);

function result(what: string, value: i32): void {
  const text = value >= 0 ? "ok " + value.toString() : sys.statusName(sys.statusOf(value));
  marker("probe: " + what + " " + text);
}

export function run(argsPtr: usize, argsLen: i32): i32 {
  const args = sys.argsFrom(argsPtr, argsLen);
  const mode = args.length > 0 ? args[0] : "syscalls";
  // Started by init: say so at once (a program spawned by another probe has no init grant).
  notifyReady();
  if (mode == "syscalls") return syscalls();
  if (mode == "exit") return I32.parseInt(args[1]);
  if (mode == "exit-syscall") sys.exit(I32.parseInt(args[1]));
  if (mode == "trap") return trap(args[1]);
  if (mode == "memhog") return memhog();
  if (mode == "spin") return spin();
  if (mode == "pong") return pong();
  if (mode == "ping") return ping(I32.parseInt(args[1]), I32.parseInt(args[2]));
  if (mode == "flood") return flood();
  if (mode == "parent") return parent(args.slice(1));
  if (mode == "spawner") return spawner(I32.parseInt(args[1]));
  if (mode == "exec") return execRequests();
  marker("probe: unknown mode " + mode);
  return 2;
}

function syscalls(): i32 {
  marker("probe: pid " + sys.selfPid().toString());
  const t0 = sys.clockNow();
  sys.yieldNow();
  marker("probe: clock advanced " + (sys.clockNow() > t0 ? "yes" : "no"));
  result("open granted", sys.open("pong"));
  result("open denied", sys.open("secret"));
  result("send bad-handle", sys.send(99, scratch, 4));
  result("close bad-handle", sys.close(99));
  result("recv bad-handle", sys.recv(0));
  result("call bad-handle", sys.call(42, scratch, 4));
  result("reply bad-token", sys.reply(12345, scratch, 4));
  result("reply-recv bad-token", sys.replyRecv(12345, scratch, 4, 0));
  const pong = sys.open("pong") as u32;
  result("send too-large", sys.send(pong, scratch, 4097));
  result("recv not-server", sys.recv(pong));
  result("wait not-a-child", sys.wait(1));
  result("spawn no-such-image", sys.spawn("nonexistent", []));
  const tooMany = new Array<string>(17).fill("x");
  result("spawn too-many-args", sys.spawn("probe", tooMany));
  const child = sys.spawn("probe", ["exit", "7"]);
  result("spawn child", child > 0 ? 0 : child);
  result("wait child", sys.wait(child as u32));
  marker("probe: child code " + sys.waitCode.toString());
  result("wait again", sys.wait(child as u32));
  result("close granted", sys.close(pong));
  result("send after close", sys.send(pong, scratch, 4));
  return 0;
}

function trap(kind: string): i32 {
  marker("probe: about to trap " + kind);
  if (kind == "unreachable") unreachable();
  if (kind == "oob") return load<i32>(0xfffffff0);
  if (kind == "stack") return recurse(1);
  return 3;
}

function recurse(n: i32): i32 {
  return n == 0 ? 0 : recurse(n + 1) + 1;
}

function memhog(): i32 {
  let grown = 0;
  while (memory.grow(1) >= 0) grown++;
  marker("probe: memory pages " + memory.size().toString() + " after growing " +
    grown.toString());
  return 0;
}

function spin(): i32 {
  marker("probe: spinning");
  let x: u32 = 1;
  while (x != 0) x = x * 1664525 + 1013904223 | 1;
  return 0;
}

function pong(): i32 {
  const endpoint = sys.open("pong");
  if (endpoint < 0) return 1;
  let status = sys.recv(endpoint as u32);
  while (status == 0) {
    status = sys.replyRecv(sys.msgReplyToken, sys.msgPtr, sys.msgLen, endpoint as u32);
  }
  return 1;
}

function ping(count: i32, len: i32): i32 {
  const endpoint = sys.open("pong");
  if (endpoint < 0) return 1;
  for (let i = 0; i < count; i++) {
    store<u32>(scratch, i);
    const status = sys.call(endpoint as u32, scratch, len);
    if (status < 0 || sys.replyLen != len || load<u32>(sys.replyPtr) != (i as u32)) {
      result("ping failed at " + i.toString(), status);
      return 1;
    }
  }
  marker("probe: ping done " + count.toString());
  return 0;
}

function flood(): i32 {
  const endpoint = sys.open("pong");
  let sent = 0;
  let status = 0;
  while ((status = sys.send(endpoint as u32, scratch, 16)) == 0) sent++;
  result("flood sent " + sent.toString() + " then", status);
  return 0;
}

function parent(childArgs: string[]): i32 {
  const child = sys.spawn("probe", childArgs);
  if (child < 0) {
    result("spawn", child);
    return 1;
  }
  sys.wait(child as u32);
  marker("probe: child " + child.toString() + " code=" + sys.waitCode.toString() +
    " trapped=" + (sys.waitTrapped ? "yes" : "no") + " reason=" + sys.waitTrapReason());
  for (let i = 0; i < sys.waitBacktraceLen; i++) {
    marker("probe: frame " + sys.waitBacktraceFrame(i));
  }
  return 0;
}

function spawner(count: i32): i32 {
  let clean = 0;
  for (let i = 0; i < count; i++) {
    const child = sys.spawn("probe", ["exit", "0"]);
    if (child > 0 && sys.wait(child as u32) == 0 && sys.waitCode == 0) clean++;
  }
  marker("probe: spawned " + clean.toString() + " of " + count.toString());
  return 0;
}

/** Calls execd with `len` bytes of `scratch` and prints the decoded answer. */
function execCall(what: string, len: i32): void {
  const handle = sys.open("exec");
  const status = sys.call(handle as u32, scratch, len);
  if (status < 0) {
    result("exec " + what, status);
    return;
  }
  const decoded = exec.execDecodeResponse(sys.replyPtr, sys.replyLen);
  marker("probe: exec " + what + " decoded=" + decoded.toString() + " status=" +
    exec.execStatus.toString() + " detail=" + exec.execDetail.toString() + " state=" +
    exec.execState.toString() + " code=" + exec.execCode.toString());
}

function execRequests(): i32 {
  const good = exec.execEncodeStatus(scratch, 9999);
  execCall("unknown pid", good);
  store<u16>(scratch, 0x1234);
  execCall("bad magic", good);
  exec.execEncodeStatus(scratch, 1);
  store<u8>(scratch, 9, 3);
  execCall("unknown op", good);
  exec.execEncodeStatus(scratch, 1);
  execCall("truncated", good - 1);
  execCall("no such image", exec.execEncodeSpawn(scratch, "nonexistent", []));
  const spawned = exec.execEncodeSpawn(scratch, "probe", ["exit", "5"]);
  execCall("spawn", spawned);
  const pid = exec.execPid;
  for (let i = 0; i < 50; i++) sys.yieldNow();
  execCall("exited child", exec.execEncodeStatus(scratch, pid));
  return 0;
}
