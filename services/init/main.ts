// init: the first program. The kernel starts it as pid 1 with the image's start order as its
// arguments; it starts each program in turn, waits until that program reports ready (or
// exits), and prints `init: start <svc>` and `init: up <svc>`. Afterwards it stays as the
// supervisor of last resort: it reports every exit of the programs it started.
//
// Does not do yet: restart policies.

import {
  argsFrom, msgLen, msgPtr, msgSender, open, recv, spawn, statusName, statusOf, wait,
} from "../lib/sys";
import { marker } from "../lib/nexus-log";
import { isReadyNotice } from "../lib/ready";
export { cabi_realloc } from "../lib/sys";

/** Programs init can supervise: at most one per start-order entry. */
const STARTED_MAX: i32 = 32;
const startedPids = new StaticArray<u32>(STARTED_MAX);
const startedNames = new StaticArray<string>(STARTED_MAX);
let startedCount: i32 = 0;

export function run(argsPtr: usize, argsLen: i32): i32 {
  const order = argsFrom(argsPtr, argsLen);
  const endpoint = open("init");
  if (endpoint < 0) {
    marker("init: FAIL no init endpoint: " + statusName(statusOf(endpoint)));
    return 1;
  }
  for (let i = 0; i < order.length && i < STARTED_MAX; i++) {
    startOne(order[i], endpoint as u32);
  }
  while (true) {
    if (recv(endpoint as u32) < 0) return 1;
    report(msgSender);
  }
}

function startOne(name: string, endpoint: u32): void {
  marker("init: start " + name);
  const pid = spawn(name, [], endpoint);
  if (pid < 0) {
    marker("init: FAIL start " + name + ": " + statusName(statusOf(pid)));
    return;
  }
  startedPids[startedCount] = pid as u32;
  startedNames[startedCount] = name;
  startedCount++;
  while (true) {
    if (recv(endpoint) < 0) return;
    if (msgSender == (pid as u32) && isReadyNotice(msgPtr, msgLen)) {
      marker("init: up " + name);
      return;
    }
    const ended = report(msgSender);
    if (ended == (pid as u32)) return;
  }
}

/** Handles a message that is not the awaited notice; returns the pid of an ended program. */
function report(sender: u32): u32 {
  if (sender != 0 || msgLen < 12) return 0;
  const pid = load<u32>(msgPtr);
  const code = load<i32>(msgPtr, 4);
  const trapped = load<u32>(msgPtr, 8) != 0;
  const name = nameOf(pid);
  wait(pid);
  marker("init: exited " + name + " pid=" + pid.toString() + " code=" + code.toString() +
    (trapped ? " trapped" : ""));
  return pid;
}

function nameOf(pid: u32): string {
  for (let i = 0; i < startedCount; i++) {
    if (startedPids[i] == pid) return startedNames[i];
  }
  return "?";
}
