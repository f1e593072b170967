// init: the first program. The kernel starts it as pid 1 with one argument per entry of the
// image's start order: a program name, optionally followed by ` restart=<max> window_ms=<ms>`.
// It starts each program in turn, waits until that program reports ready (or exits), and
// prints `init: start <svc>` and `init: up <svc>`. Afterwards it supervises them: every exit is
// reported (`init: exited ...`), and a program with a restart policy that fails (non-zero
// code or trap) is started again, at most <max> times within any <ms> of virtual time:
// `init: restart <svc> pid=<new> restarts=<n>`, plus an info record through nexus-log; past
// the bound, `init: restart limit <svc> ...` and it stays down.
//
// Bounds: STARTED_MAX supervised programs; each keeps the times of its last RESTARTS_KEPT
// restarts (the most any policy may allow, so the window check is exact).

import * as log from "../lib/nexus-log";
import { isReadyNotice } from "../lib/ready";
import {
  argsFrom, clockNow, msgLen, msgPtr, msgSender, open, recv, spawn, statusName, statusOf, wait,
} from "../lib/sys";
export { cabi_realloc } from "../lib/sys";

const STARTED_MAX: i32 = 32;
/** Mirrors the kernel manifest's restartMax: the most restarts a policy may allow. */
const RESTARTS_KEPT: i32 = 16;
const NS_PER_MS: u64 = 1_000_000;

class Supervised {
  name: string = "";
  pid: u32 = 0;
  restartMax: i32 = 0;
  windowNs: u64 = 0;
  restarts: i32 = 0;
  restartTimes: StaticArray<u64> = new StaticArray<u64>(RESTARTS_KEPT);
}

const supervised = new Array<Supervised>(0);
let endpoint: u32 = 0;

export function run(argsPtr: usize, argsLen: i32): i32 {
  const order = argsFrom(argsPtr, argsLen);
  const handle = open("init");
  if (handle < 0) {
    log.marker("init: FAIL no init endpoint: " + statusName(statusOf(handle)));
    return 1;
  }
  endpoint = handle as u32;
  for (let i = 0; i < order.length && i < STARTED_MAX; i++) startOne(parseEntry(order[i]));
  while (recv(endpoint) == 0) exited(msgSender);
  return 1;
}

function parseEntry(arg: string): Supervised {
  const entry = new Supervised();
  const parts = arg.split(" ");
  entry.name = parts[0];
  for (let i = 1; i < parts.length; i++) {
    if (parts[i].startsWith("restart=")) {
      entry.restartMax = min(I32.parseInt(parts[i].substring(8)), RESTARTS_KEPT);
    } else if (parts[i].startsWith("window_ms=")) {
      entry.windowNs = U64.parseInt(parts[i].substring(10)) * NS_PER_MS;
    }
  }
  return entry;
}

function startOne(entry: Supervised): void {
  log.marker("init: start " + entry.name);
  const pid = spawn(entry.name, [], endpoint);
  if (pid < 0) {
    log.marker("init: FAIL start " + entry.name + ": " + statusName(statusOf(pid)));
    return;
  }
  entry.pid = pid as u32;
  supervised.push(entry);
  while (recv(endpoint) == 0) {
    if (msgSender == entry.pid && isReadyNotice(msgPtr, msgLen)) {
      log.marker("init: up " + entry.name);
      return;
    }
    if (exited(msgSender) == entry.pid) return;
  }
}

/**
 * Handles a message that is not an awaited readiness notice: an exit notice is reported,
 * reaped, and may lead to a restart. Returns the pid that ended, or 0.
 */
function exited(sender: u32): u32 {
  if (sender != 0 || msgLen < 12) return 0;
  const pid = load<u32>(msgPtr);
  const code = load<i32>(msgPtr, 4);
  const trapped = load<u32>(msgPtr, 8) != 0;
  wait(pid);
  const entry = find(pid);
  const name = entry === null ? "?" : entry.name;
  log.marker("init: exited " + name + " pid=" + pid.toString() + " code=" + code.toString() +
    (trapped ? " trapped" : ""));
  if (entry !== null && (code != 0 || trapped) && entry.restartMax > 0) restart(entry, code);
  return pid;
}

function find(pid: u32): Supervised | null {
  for (let i = 0; i < supervised.length; i++) {
    if (supervised[i].pid == pid) return supervised[i];
  }
  return null;
}

function restart(entry: Supervised, code: i32): void {
  const now = clockNow();
  if (recentRestarts(entry, now) >= entry.restartMax) {
    log.marker("init: restart limit " + entry.name + " restarts=" + entry.restarts.toString() +
      " window_ms=" + (entry.windowNs / NS_PER_MS).toString());
    entry.pid = 0;
    return;
  }
  const pid = spawn(entry.name, [], endpoint);
  if (pid < 0) {
    log.marker("init: FAIL restart " + entry.name + ": " + statusName(statusOf(pid)));
    entry.pid = 0;
    return;
  }
  entry.restartTimes[entry.restarts % RESTARTS_KEPT] = now;
  entry.restarts++;
  entry.pid = pid as u32;
  log.marker("init: restart " + entry.name + " pid=" + pid.toString() + " restarts=" +
    entry.restarts.toString());
  const fields = new log.Fields();
  fields.add("name", entry.name);
  fields.add("restarts", entry.restarts.toString());
  fields.add("code", code.toString());
  log.info("init", "restart", fields);
}

/** Restarts of `entry` within its window before `now`. */
function recentRestarts(entry: Supervised, now: u64): i32 {
  let count = 0;
  const kept = min(entry.restarts, RESTARTS_KEPT);
  for (let i = 0; i < kept; i++) {
    if (now - entry.restartTimes[i] < entry.windowNs) count++;
  }
  return count;
}
