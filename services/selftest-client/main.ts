// selftest-client: proves from inside the running system that logging and crash reporting
// work. Each check prints its ok marker only after observing the behaviour it names, or
// `SELFTEST: <check> FAIL <reason>` and never that check's ok marker.
//
//   log query     logs records through nexus-log, finds them again in logd by paging with
//                 the cursor one record per page (so paging itself is exercised)
//   crash report  asks execd to run crash42, then finds execd's crash record for that pid
//                 with code 42 and crash42's own records in it, and execd's STATUS for the
//                 pid says it exited with 42 and was reported once
//   trap report   the same for crash-trap, whose record must name the trap reason
//   malformed frame / oversized record
//                 send a bad-magic frame and a message past the 256-byte cap; both must be
//                 refused with their statuses and leave the journal's appended count as it was
//   counters      logd's STATS add up: appended = kept + dropped, and the two refusals above
//                 were counted as rejected

import {
  EXEC_STATE_EXITED, EXEC_STATUS_OK, execCode, execDecodeResponse, execEncodeSpawn,
  execEncodeStatus, execPid, execReports, execState, execStatus,
} from "../lib/exec-v1";
import {
  logHeaderBytes, logMagic, logStats, logStatusMalformed, logStatusOk, logStatusTooLarge,
  logOpAppend, logVersion,
} from "../lib/log-v1";
import { logMessageBytesMax } from "../lib/limits";
import { exchangeRaw, nextCursor, nextRecord, queryPage, queryStats, recordFields,
  recordMessage, recordScope } from "../lib/log-client";
import { Fields, info, LOG_LOGGED, marker } from "../lib/nexus-log";
import { notifyReady } from "../lib/ready";
import * as sys from "../lib/sys";
export { cabi_realloc } from "../lib/sys";

/** Scheduler turns the crash checks wait for execd's report before they give up. */
const REPORT_WAIT_YIELDS_MAX: i32 = 2000;
/** Pages one search may read. */
const SEARCH_PAGES_MAX: i32 = 64;
const LOGGED_COUNT: i32 = 3;

const frame = memory.data(1024, 8);
let logHandle: u32 = 0;
let failures: i32 = 0;

export function run(argsPtr: usize, argsLen: i32): i32 {
  sys.argsFrom(argsPtr, argsLen);
  notifyReady();
  const log = sys.open("log");
  if (log < 0) {
    fail("log query", "no log endpoint: " + sys.statusName(sys.statusOf(log)));
  } else {
    logHandle = log as u32;
    check("log query", checkLogQuery());
    check("crash report", checkCrash("crash42", "42", "crash42: about to exit with code 42"));
    check("trap report", checkCrash("crash-trap", "-1", "trap=unreachable"));
    check("malformed frame", checkMalformed());
    check("oversized record", checkOversized());
    check("counters", checkCounters());
  }
  marker("SELFTEST: end");
  return failures == 0 ? 0 : 1;
}

function check(name: string, reason: string): void {
  if (reason.length == 0) marker("SELFTEST: " + name + " ok");
  else fail(name, reason);
}

function fail(name: string, reason: string): void {
  failures++;
  marker("SELFTEST: " + name + " FAIL " + reason);
}

function checkLogQuery(): string {
  for (let i = 0; i < LOGGED_COUNT; i++) {
    const fields = new Fields();
    fields.add("seq", i.toString());
    const outcome = info("selftest", "probe record " + i.toString(), fields);
    if (outcome != LOG_LOGGED) {
      return "record " + i.toString() + " not logged: " + outcome.toString();
    }
  }
  let cursor: u64 = 0;
  let seen = 0;
  for (let page = 0; page < SEARCH_PAGES_MAX && seen < LOGGED_COUNT; page++) {
    const status = queryPage(logHandle, cursor, sys.selfPid(), "selftest", 1);
    if (status != logStatusOk) return "query status " + status.toString();
    if (!nextRecord()) break;
    if (recordMessage() != "probe record " + seen.toString()) {
      return "page " + page.toString() + " held \"" + recordMessage() + "\"";
    }
    seen++;
    if (nextCursor <= cursor) return "cursor did not advance";
    cursor = nextCursor;
  }
  return seen == LOGGED_COUNT ? "" : "found " + seen.toString() + " of " + LOGGED_COUNT.toString();
}

function checkCrash(program: string, code: string, evidence: string): string {
  const exec = sys.open("exec");
  if (exec < 0) return "no exec endpoint: " + sys.statusName(sys.statusOf(exec));
  const length = execEncodeSpawn(frame, program, []);
  const status = sys.call(exec as u32, frame, length);
  if (status < 0) return "spawn call: " + sys.statusName(sys.statusOf(status));
  if (execDecodeResponse(sys.replyPtr, sys.replyLen) != EXEC_STATUS_OK) return "bad reply";
  if (execStatus != EXEC_STATUS_OK) return "execd refused: " + execStatus.toString();
  const pid = execPid;
  const want = "child_pid=" + pid.toString();
  for (let turn = 0; turn < REPORT_WAIT_YIELDS_MAX; turn++) {
    const fields = findCrashRecord(want);
    if (fields.length > 0) {
      if (!fields.includes("\ncode=" + code + "\n") && !fields.startsWith("code=" + code + "\n")) {
        return "crash record has the wrong code: " + fields.replaceAll("\n", " ");
      }
      if (!fields.includes(evidence)) {
        return "crash record lacks \"" + evidence + "\": " + fields.replaceAll("\n", " ");
      }
      return checkExecStatus(exec as u32, pid, I32.parseInt(code));
    }
    sys.yieldNow();
  }
  return "no crash record for pid " + pid.toString();
}

/** The fields of execd's crash record naming `childPid`, or "". */
function findCrashRecord(childPid: string): string {
  let cursor: u64 = 0;
  for (let page = 0; page < SEARCH_PAGES_MAX; page++) {
    if (queryPage(logHandle, cursor, 0, "execd") != logStatusOk) return "";
    let any = false;
    while (nextRecord()) {
      any = true;
      const fields = recordFields();
      if (recordScope() == "execd" && fields.includes("event=crash.v1") &&
        (fields.includes("\n" + childPid + "\n") || fields.startsWith(childPid + "\n"))) {
        return fields;
      }
    }
    if (!any || nextCursor <= cursor) return "";
    cursor = nextCursor;
  }
  return "";
}

function appendedCount(): u64 {
  return queryStats(logHandle) == logStatusOk ? logStats.appended : u64.MAX_VALUE;
}

function checkMalformed(): string {
  const before = appendedCount();
  store<u32>(frame, 0xdeadbeef);
  store<u32>(frame, 0, 4);
  const status = exchangeRaw(logHandle, frame, logHeaderBytes);
  if (status != logStatusMalformed) return "status " + status.toString() + ", wanted malformed";
  if (appendedCount() != before) return "the journal changed";
  return "";
}

function checkOversized(): string {
  const before = appendedCount();
  // An APPEND whose message is one byte past the cap, built by hand: the codec's encoder
  // refuses to produce it.
  const scopeBytes = 8;
  const messageBytes = logMessageBytesMax + 1;
  const bodyBytes = 8 + scopeBytes + messageBytes;
  store<u16>(frame, logMagic);
  store<u8>(frame, logVersion, 2);
  store<u8>(frame, logOpAppend, 3);
  store<u16>(frame, 0, 4);
  store<u16>(frame, <u16>bodyBytes, 6);
  store<u8>(frame + logHeaderBytes, 3);
  store<u8>(frame + logHeaderBytes, 0, 1);
  store<u16>(frame + logHeaderBytes, <u16>scopeBytes, 2);
  store<u16>(frame + logHeaderBytes, <u16>messageBytes, 4);
  store<u16>(frame + logHeaderBytes, 0, 6);
  memory.fill(frame + logHeaderBytes + 8, 0x61, scopeBytes + messageBytes);
  const status = exchangeRaw(logHandle, frame, logHeaderBytes + bodyBytes);
  if (status != logStatusTooLarge) return "status " + status.toString() + ", wanted too-large";
  if (appendedCount() != before) return "the journal changed";
  return "";
}

function checkCounters(): string {
  if (queryStats(logHandle) != logStatusOk) return "no STATS answer";
  const appended = logStats.appended;
  const kept = <u64>logStats.usedRecords;
  const dropped = logStats.dropped;
  if (appended != kept + dropped) {
    return "appended " + appended.toString() + " != kept " + kept.toString() + " + dropped " +
      dropped.toString();
  }
  if (logStats.rejected < 2) return "rejected " + logStats.rejected.toString() + " < 2";
  return "";
}

/** execd's STATUS for `pid` must say it exited with `code` and was reported once. */
function checkExecStatus(exec: u32, pid: u32, code: i32): string {
  const status = sys.call(exec, frame, execEncodeStatus(frame, pid));
  if (status < 0) return "status call: " + sys.statusName(sys.statusOf(status));
  if (execDecodeResponse(sys.replyPtr, sys.replyLen) != EXEC_STATUS_OK) return "bad STATUS reply";
  if (execStatus != EXEC_STATUS_OK) return "STATUS refused: " + execStatus.toString();
  if (execState != EXEC_STATE_EXITED || execCode != code || execReports != 1) {
    return "STATUS says state=" + execState.toString() + " code=" + execCode.toString() +
      " reports=" + execReports.toString();
  }
  return "";
}
