// execd: spawns programs on request (EXEC v1 frames on the "exec" endpoint, described in
// docs/protocols/exec-v1.md), answers STATUS about them, and supervises them. When a child
// exits with a code other than 0, or traps, execd asks logd for that process's most recent
// records, prints exactly one marker
// `execd: crash report <service> pid=<pid> code=<code>` and appends a structured crash record
// (event=crash.v1) to the journal. A clean exit produces no report.
//
// How execd learns of exits while it serves: it passes its own endpoint as the `notify`
// argument of spawn, so the kernel posts each child's exit notice (sender 0) into the same
// queue as client requests. One blocking recv serves both; nothing polls, and a notice can
// never be missed because notices do not count against the queue depth. (Polling `wait` would
// either block execd while it should serve, or spin.)
//
// Bounds: CHILDREN_MAX supervised children at once (a SPAWN past it is answered BUSY), the
// last EXITED_KEPT ended ones remembered for STATUS; each
// report reads at most CRASH_QUERY_PAGES_MAX pages and keeps CRASH_RECENT_MAX summaries of
// CRASH_SUMMARY_BYTES_MAX bytes, so a crash storm costs bounded work per crash and no memory.

import {
  EXEC_FRAME_BYTES_MAX, EXEC_OP_SPAWN, EXEC_OP_STATUS, EXEC_STATE_EXITED, EXEC_STATE_RUNNING,
  EXEC_STATE_UNKNOWN, EXEC_STATUS_BUSY, EXEC_STATUS_OK, EXEC_STATUS_SPAWN_FAILED, execArgs,
  execDecodeRequest, execEncodeError, execEncodeSpawned, execEncodeState, execName,
  execRequestOp, execStatusPid,
} from "../lib/exec-v1";
import { logStatusOk } from "../lib/log-v1";
import { nextCursor, nextRecord, queryPage, recordMessage, recordScope } from "../lib/log-client";
import { error, Fields, LOG_CONSOLE, LOG_LOGGED, marker, print } from "../lib/nexus-log";
import { notifyReady } from "../lib/ready";
import * as sys from "../lib/sys";
export { cabi_realloc } from "../lib/sys";

export const CHILDREN_MAX: i32 = 16;
export const EXITED_KEPT: i32 = 32;
export const CRASH_RECENT_MAX: i32 = 4;
export const CRASH_SUMMARY_BYTES_MAX: i32 = 60;
export const CRASH_QUERY_PAGES_MAX: i32 = 8;
export const BACKTRACE_SUMMARY_FRAMES_MAX: i32 = 3;

const childPids = new StaticArray<u32>(CHILDREN_MAX);
const childNames = new StaticArray<string>(CHILDREN_MAX);
// The last EXITED_KEPT children to end, for STATUS, in a ring.
const exitedPids = new StaticArray<u32>(EXITED_KEPT);
const exitedCodes = new StaticArray<i32>(EXITED_KEPT);
const exitedTrapped = new StaticArray<bool>(EXITED_KEPT);
const exitedReports = new StaticArray<u32>(EXITED_KEPT);
let exitedNext: i32 = 0;
const response = memory.data(EXEC_FRAME_BYTES_MAX, 8);
let logHandle: i32 = -1;

export function run(argsPtr: usize, argsLen: i32): i32 {
  sys.argsFrom(argsPtr, argsLen);
  const endpoint = sys.open("exec");
  if (endpoint < 0) {
    marker("execd: FAIL no exec endpoint: " + sys.statusName(sys.statusOf(endpoint)));
    return 3;
  }
  logHandle = sys.open("log");
  notifyReady();
  let status = sys.recv(endpoint as u32);
  while (status == 0) {
    let token: u32 = 0;
    let length: i32 = 0;
    if (sys.msgSender == 0) childEnded(load<u32>(sys.msgPtr));
    else {
      token = sys.msgReplyToken;
      length = serve(endpoint as u32);
    }
    status = sys.replyRecv(token, response, length, endpoint as u32);
    // A refused answer (the caller is gone) must not stop the service: receive plainly.
    if (status < 0 && token != 0) status = sys.recv(endpoint as u32);
  }
  return 1;
}

function serve(endpoint: u32): i32 {
  const status = execDecodeRequest(sys.msgPtr, sys.msgLen);
  if (status != EXEC_STATUS_OK) return execEncodeError(response, execRequestOp, status, 0);
  if (execRequestOp == EXEC_OP_STATUS) return state(execStatusPid);
  const slot = freeSlot();
  if (slot < 0) return execEncodeError(response, EXEC_OP_SPAWN, EXEC_STATUS_BUSY, 0);
  const pid = sys.spawn(execName, execArgs, endpoint);
  if (pid < 0) {
    const detail = <u8>sys.statusOf(pid);
    return execEncodeError(response, EXEC_OP_SPAWN, EXEC_STATUS_SPAWN_FAILED, detail);
  }
  childPids[slot] = pid as u32;
  childNames[slot] = execName;
  return execEncodeSpawned(response, pid as u32);
}

/** Answers STATUS: a running child, one of the last EXITED_KEPT to end, or unknown. */
function state(pid: u32): i32 {
  for (let i = 0; i < CHILDREN_MAX; i++) {
    if (pid != 0 && childPids[i] == pid) {
      return execEncodeState(response, EXEC_STATE_RUNNING, false, 0, 0);
    }
  }
  for (let i = 0; i < EXITED_KEPT; i++) {
    if (pid != 0 && exitedPids[i] == pid) {
      return execEncodeState(response, EXEC_STATE_EXITED, exitedTrapped[i], exitedCodes[i],
        exitedReports[i]);
    }
  }
  return execEncodeState(response, EXEC_STATE_UNKNOWN, false, 0, 0);
}

function freeSlot(): i32 {
  for (let i = 0; i < CHILDREN_MAX; i++) if (childPids[i] == 0) return i;
  return -1;
}

function childEnded(pid: u32): void {
  let slot = -1;
  for (let i = 0; i < CHILDREN_MAX; i++) if (childPids[i] == pid) slot = i;
  if (slot < 0 || sys.wait(pid) < 0) return;
  const name = childNames[slot];
  childPids[slot] = 0;
  const crashed = sys.waitCode != 0 || sys.waitTrapped;
  remember(pid, sys.waitCode, sys.waitTrapped, crashed ? 1 : 0);
  if (crashed) report(name, pid);
}

/** Keeps an ended child for STATUS, overwriting the oldest of the last EXITED_KEPT. */
function remember(pid: u32, code: i32, trapped: bool, reports: u32): void {
  const slot = exitedNext % EXITED_KEPT;
  exitedPids[slot] = pid;
  exitedCodes[slot] = code;
  exitedTrapped[slot] = trapped;
  exitedReports[slot] = reports;
  exitedNext++;
}

function report(name: string, pid: u32): void {
  const code = sys.waitCode;
  const trapped = sys.waitTrapped;
  const fields = new Fields();
  fields.add("event", "crash.v1");
  fields.add("name", name);
  fields.add("child_pid", pid.toString());
  fields.add("code", code.toString());
  if (trapped) {
    fields.add("trap", sys.waitTrapReason());
    fields.add("backtrace", backtraceSummary());
  }
  recentRecords(pid, fields);
  marker("execd: crash report " + name + " pid=" + pid.toString() + " code=" + code.toString());
  // The record must be seen: if logd did not take it and nexus-log did not print it either
  // (it waits in the pre-ready buffer, or logd refused it), print it here.
  const outcome = error("execd", "crash report", fields);
  if (outcome != LOG_LOGGED && outcome != LOG_CONSOLE) print("execd", "crash report", fields);
}

function backtraceSummary(): string {
  let text = "";
  for (let i = 0; i < sys.waitBacktraceLen && i < BACKTRACE_SUMMARY_FRAMES_MAX; i++) {
    const frame = sys.waitBacktraceFrame(i);
    const slash = frame.lastIndexOf("/");
    text += (i > 0 ? " < " : "") + frame.substring(slash + 1);
  }
  return text;
}

/** Adds the child's last CRASH_RECENT_MAX records (as `recent.N` summaries) to `fields`. */
function recentRecords(pid: u32, fields: Fields): void {
  if (logHandle < 0) {
    fields.add("recent", "unavailable");
    return;
  }
  const recent = new Array<string>(0);
  let found = 0;
  let cursor: u64 = 0;
  for (let page = 0; page < CRASH_QUERY_PAGES_MAX; page++) {
    if (queryPage(logHandle as u32, cursor, pid, "") != logStatusOk) break;
    let any = false;
    while (nextRecord()) {
      any = true;
      found++;
      if (recent.length == CRASH_RECENT_MAX) recent.shift();
      recent.push(summary(recordScope() + ": " + recordMessage()));
    }
    if (!any || nextCursor <= cursor) break;
    cursor = nextCursor;
  }
  fields.add("recent", found.toString());
  for (let i = 0; i < recent.length; i++) fields.add("recent." + i.toString(), recent[i]);
}

function summary(text: string): string {
  if (text.length <= CRASH_SUMMARY_BYTES_MAX) return text;
  return text.substring(0, CRASH_SUMMARY_BYTES_MAX - 3) + "...";
}
