// hostile: a test program that treats logd and the kernel the way a buggy or malicious program
// would, and reports what it saw. Its first argument picks a mode:
//
//   conduct <phase>...   spawns each phase's programs (names joined by ',') at once, waits for
//                        all of them, then starts the next phase; ends with STATS and a query
//   flood <n>            n maximum-size APPENDs by call, then sends until the queue is full
//   malformed            one frame of every malformed kind; each must get its own status
//   bigpage              QUERYs asking for far more than one page may hold
//   impostor             APPENDs whose fields claim another identity; then reads its records
//   forge                handles and reply tokens it was never given
//   mutate <seed> <n>    n randomly mutated valid frames; every answer must be well formed
//   well-behaved         logs through nexus-log and reads its records back
//   hoard <n> <turns>    spawns up to n children and yields for `turns` turns without reaping
//
// Every mode but conduct ends with one line `hostile: <mode> done refused=<r> appended=<a> ..`:
// r counts the frames it sent that logd must have refused, a the records logd must have
// appended for it, so a test can hold logd's counters to the sums. A failed check prints
// `hostile: <mode> FAIL <what>` and makes the exit code 1. Frames are built by hand here: the
// codec's encoders refuse to produce bad ones.

import {
  logMessageBytesMax, logQueryRecordsMax, messageBytesMax,
} from "../../../services/lib/limits";
import {
  logDecodeRecord, logDecodeResponse, logHeaderBytes, logMagic, logOpAppend, logOpQuery,
  logOpStats, logOpSubscribe, logQueryFlagMore, logQueryResponseBytesMax, logRecord,
  logResponse, logStats, logStatusInvalidArgument, logStatusMalformed, logStatusOk,
  logStatusTooLarge, logStatusUnsupportedOp, logStatusUnsupportedVersion, logVersion,
} from "../../../services/lib/log-v1";
import {
  nextCursor, nextRecord, queryPage, queryStats, recordMessage,
} from "../../../services/lib/log-client";
import * as log from "../../../services/lib/nexus-log";
import { notifyReady } from "../../../services/lib/ready";
import * as sys from "../../../services/lib/sys";
export { cabi_realloc } from "../../../services/lib/sys";

// One frame under construction: room for a frame past the kernel's cap.
const frameBytesMax: i32 = messageBytesMax + 64;
const frame = memory.data(frameBytesMax, 8);
// What `exchange` returns when the call itself failed: this plus the kernel status.
const callFailed: i32 = 0x100;
// What `exchange` returns when logd's answer is not a well-formed response.
const badResponse: i32 = 0xff;

// Turns a call waits out a full queue before it counts as failed.
const queueFullRetriesMax: i32 = 1000;

let mode = "";
let queueFullRetries: i32 = 0;
let logHandle: u32 = 0;
let failures: i32 = 0;
let refused: i32 = 0;
let appended: i32 = 0;

export function run(argsPtr: usize, argsLen: i32): i32 {
  const args = sys.argsFrom(argsPtr, argsLen);
  mode = args.length > 0 ? args[0] : "";
  notifyReady();
  const handle = sys.open("log");
  if (handle < 0) {
    fail("no log endpoint: " + sys.statusName(sys.statusOf(handle)));
    return 1;
  }
  logHandle = <u32>handle;
  if (mode == "conduct") conduct(args.slice(1));
  else if (mode == "flood") flood(I32.parseInt(args[1]));
  else if (mode == "malformed") malformed();
  else if (mode == "bigpage") bigpage();
  else if (mode == "impostor") impostor();
  else if (mode == "forge") forge(<u32>handle);
  else if (mode == "mutate") mutate(<u32>I32.parseInt(args[1]), I32.parseInt(args[2]));
  else if (mode == "well-behaved") wellBehaved();
  else if (mode == "hoard") hoard(I32.parseInt(args[1]), I32.parseInt(args[2]));
  else fail("unknown mode");
  return failures == 0 ? 0 : 1;
}

function fail(what: string): void {
  failures++;
  log.marker("hostile: " + mode + " FAIL " + what);
}

function done(details: string): void {
  log.marker("hostile: " + mode + " done refused=" + refused.toString() + " appended=" +
    appended.toString() + " " + details +
    " queue-full-waits=" + queueFullRetries.toString());
}

// ---- frames -----------------------------------------------------------------------------------

function putHeader(op: u8, bodyBytes: i32): void {
  store<u16>(frame, logMagic);
  store<u8>(frame, logVersion, 2);
  store<u8>(frame, op, 3);
  store<u8>(frame, 0, 4);
  store<u8>(frame, 0, 5);
  store<u16>(frame, <u16>bodyBytes, 6);
}

function putText(at: i32, text: string): i32 {
  const bytes = String.UTF8.encode(text);
  memory.copy(frame + at, changetype<usize>(bytes), bytes.byteLength);
  return bytes.byteLength;
}

/** An APPEND frame from text parts, checked by nothing; returns its length. */
function appendFrame(level: u8, scope: string, message: string, fields: string): i32 {
  const body = logHeaderBytes;
  const scopeBytes = putText(body + 8, scope);
  const messageBytes = putText(body + 8 + scopeBytes, message);
  const fieldsBytes = putText(body + 8 + scopeBytes + messageBytes, fields);
  return finishAppend(level, scopeBytes, messageBytes, fieldsBytes);
}

/** An APPEND whose parts are runs of one byte: scope 's', message 'm', fields "k=vvv...". */
function appendFrameSized(scopeBytes: i32, messageBytes: i32, fieldsBytes: i32): i32 {
  const parts = frame + logHeaderBytes + 8;
  memory.fill(parts, 0x73, scopeBytes);
  memory.fill(parts + scopeBytes, 0x6d, messageBytes);
  memory.fill(parts + scopeBytes + messageBytes, 0x76, fieldsBytes);
  if (fieldsBytes >= 2) store<u16>(parts + scopeBytes + messageBytes, 0x3d6b);
  return finishAppend(3, scopeBytes, messageBytes, fieldsBytes);
}

/** Writes an APPEND's fixed body part and header around parts already in place. */
function finishAppend(level: u8, scopeBytes: i32, messageBytes: i32, fieldsBytes: i32): i32 {
  const body = frame + logHeaderBytes;
  store<u8>(body, level);
  store<u8>(body, 0, 1);
  store<u16>(body, <u16>scopeBytes, 2);
  store<u16>(body, <u16>messageBytes, 4);
  store<u16>(body, <u16>fieldsBytes, 6);
  const bodyBytes = 8 + scopeBytes + messageBytes + fieldsBytes;
  putHeader(logOpAppend, bodyBytes);
  return logHeaderBytes + bodyBytes;
}

function queryFrame(cursor: u64, sender: u32, recordsMax: u16, bytesMax: u16, levelMax: u8,
  scope: string): i32 {
  const body = frame + logHeaderBytes;
  store<u64>(body, cursor);
  store<u64>(body, 0, 8);
  store<u32>(body, sender, 16);
  store<u16>(body, recordsMax, 20);
  store<u16>(body, bytesMax, 22);
  store<u8>(body, levelMax, 24);
  store<u8>(body, 0, 25);
  const scopeBytes = putText(logHeaderBytes + 28, scope);
  store<u16>(body, <u16>scopeBytes, 26);
  putHeader(logOpQuery, 28 + scopeBytes);
  return logHeaderBytes + 28 + scopeBytes;
}

function statsFrame(): i32 {
  putHeader(logOpStats, 0);
  return logHeaderBytes;
}

/**
 * Calls logd with the frame's first `length` bytes. Returns logd's status (counting a refusal),
 * badResponse when the answer is not a well-formed LOG v1 response, or callFailed + the
 * kernel's status when the call failed.
 */
function exchange(length: i32): i32 {
  let result = sys.call(logHandle, frame, length);
  // A full queue refuses the call at once; yielding lets logd drain it.
  for (let turn = 0; turn < queueFullRetriesMax && result < 0 &&
    sys.statusOf(result) == sys.STATUS_QUEUE_FULL; turn++) {
    queueFullRetries++;
    sys.yieldNow();
    result = sys.call(logHandle, frame, length);
  }
  if (result < 0) return callFailed + sys.statusOf(result);
  if (logDecodeResponse(sys.replyPtr, sys.replyLen) != logStatusOk) return badResponse;
  if (logResponse.status != logStatusOk) refused++;
  else if (logResponse.op == logOpAppend) appended++;
  return logResponse.status;
}

function statusText(status: i32): string {
  if (status >= callFailed) return sys.statusName(status - callFailed);
  return status.toString();
}

// ---- conduct ----------------------------------------------------------------------------------

const phaseProgramsMax: i32 = 16;
const phasePids = new StaticArray<i32>(phaseProgramsMax);

// After each phase: `hostile: phase <i> appended=<n> rejected=<n>`, the counters' growth
// during that phase; at the end `hostile: stats ...` with the counters themselves.
function conduct(phases: string[]): void {
  if (!stats()) return;
  let appendedBefore = logStats.appended;
  let rejectedBefore = logStats.rejected;
  for (let i = 0; i < phases.length; i++) {
    runPhase(phases[i].split(","));
    if (!stats()) return;
    log.marker("hostile: phase " + (i + 1).toString() + " appended=" +
      (logStats.appended - appendedBefore).toString() + " rejected=" +
      (logStats.rejected - rejectedBefore).toString());
    appendedBefore = logStats.appended;
    rejectedBefore = logStats.rejected;
  }

  log.marker("hostile: stats appended=" + logStats.appended.toString() + " dropped=" +
    logStats.dropped.toString() + " rejected=" + logStats.rejected.toString() +
    " used-records=" + logStats.usedRecords.toString());
  if (logStats.appended != <u64>logStats.usedRecords + logStats.dropped) {
    fail("appended is not kept + dropped");
  }
  finalQuery();
}

/** STATS into logStats; false (and a FAIL line) when logd did not answer it. */
function stats(): bool {
  if (queryStats(logHandle) == logStatusOk) return true;
  fail("STATS refused");
  return false;
}

function runPhase(names: string[]): void {
  if (names.length > phaseProgramsMax) fail("more than " + phaseProgramsMax.toString());
  const count = min(names.length, phaseProgramsMax);
  for (let i = 0; i < count; i++) {
    phasePids[i] = sys.spawn(names[i], []);
    if (phasePids[i] < 0) fail("spawn " + names[i] + ": " + statusText(callFailed +
      sys.statusOf(phasePids[i])));
  }
  for (let i = 0; i < count; i++) {
    if (phasePids[i] < 0) continue;
    sys.wait(<u32>phasePids[i]);
    log.marker("hostile: child " + names[i] + " code=" + sys.waitCode.toString() +
      (sys.waitTrapped ? " trapped" : ""));
    if (sys.waitCode != 0) fail("child " + names[i] + " exited " + sys.waitCode.toString());
  }
}

function finalQuery(): void {
  if (log.info("conductor", "final") != log.LOG_LOGGED) {
    fail("final record not logged");
    return;
  }
  if (queryPage(logHandle, log.lastRecordId, sys.selfPid(), "conductor") != logStatusOk ||
    !nextRecord() || recordMessage() != "final") {
    fail("final record not found");
    return;
  }
  log.marker("hostile: final query ok");
}

// ---- flood ------------------------------------------------------------------------------------

/** More sends than the deepest queue a manifest may set (64) plus one handed to logd. */
const burstSendsMax: i32 = 80;

function flood(count: i32): void {
  const length = appendFrameSized(64, logMessageBytesMax, 512);
  let logged = 0;
  let lastId: u64 = 0;
  let lastDropped: u64 = 0;
  for (let i = 0; i < count; i++) {
    const status = exchange(length);
    if (status != logStatusOk) {
      fail("append " + i.toString() + " answered " + statusText(status));
      continue;
    }
    if (logResponse.recordId <= lastId) fail("record ids went backwards");
    if (logResponse.dropped < lastDropped) fail("dropped total went backwards");
    lastId = logResponse.recordId;
    lastDropped = logResponse.dropped;
    logged++;
  }

  // A send waits for nothing, so unless every syscall may preempt, logd does not run between
  // sends and the queue fills up.
  let sent = 0;
  let result = 0;
  while (sent < burstSendsMax && (result = sys.send(logHandle, frame, length)) == 0) sent++;
  appended += sent;
  const end = result < 0 ? sys.statusName(sys.statusOf(result)) : "none";
  done("logged=" + logged.toString() + " burst=" + sent.toString() + " burst-end=" + end);
}

// ---- malformed --------------------------------------------------------------------------------

let wanted: i32 = 0;
let caseName = "";

function want(name: string, status: u8): void {
  caseName = name;
  wanted = status;
}

function withByte(length: i32, at: i32, value: u8): i32 {
  store<u8>(frame + at, value);
  return length;
}

/** Builds malformed case `i` and sets wanted / caseName; -1 past the last case. */
function malformedHeader(i: i32): i32 {
  switch (i) {
    case 0: want("empty", logStatusMalformed); return 0;
    case 1: want("three bytes", logStatusMalformed); statsFrame(); return 3;
    case 2: want("seven bytes", logStatusMalformed); statsFrame(); return 7;
    case 3: want("bad magic", logStatusMalformed); return withByte(statsFrame(), 0, 0x4d);
    case 4: want("version 0", logStatusUnsupportedVersion); return withByte(statsFrame(), 2, 0);
    case 5: want("version 2", logStatusUnsupportedVersion); return withByte(statsFrame(), 2, 2);
    case 6: want("unknown op", logStatusUnsupportedOp); return withByte(statsFrame(), 3, 9);
    case 7: want("subscribe", logStatusUnsupportedOp);
      return withByte(statsFrame(), 3, logOpSubscribe);
    case 8: want("response op", logStatusUnsupportedOp); return withByte(statsFrame(), 3, 0x81);
    case 9: want("status byte", logStatusMalformed); return withByte(statsFrame(), 4, 1);
    case 10: want("reserved byte", logStatusMalformed); return withByte(statsFrame(), 5, 1);
    case 11: want("truncated", logStatusMalformed); return appendFrame(3, "s", "m", "") - 1;
    case 12: want("trailing byte", logStatusMalformed); return appendFrame(3, "s", "m", "") + 1;
    case 13: want("stats with body", logStatusMalformed); putHeader(logOpStats, 1);
      return logHeaderBytes + 1;
  }
  return -1;
}

function malformedAppend(i: i32): i32 {
  switch (i) {
    case 0: want("append short body", logStatusMalformed); putHeader(logOpAppend, 4);
      return logHeaderBytes + 4;
    case 1: want("append reserved", logStatusMalformed);
      return withByte(appendFrame(3, "s", "m", ""), logHeaderBytes + 1, 1);
    case 2: want("parts past the body", logStatusMalformed);
      return withByte(appendFrame(3, "s", "m", ""), logHeaderBytes + 2, 2);
    case 3: want("parts short of the body", logStatusMalformed);
      return withByte(appendFrame(3, "ss", "m", ""), logHeaderBytes + 2, 1);
    case 4: want("scope over cap", logStatusTooLarge); return appendFrameSized(65, 0, 0);
    case 5: want("message over cap", logStatusTooLarge); return appendFrameSized(1, 257, 0);
    case 6: want("fields over cap", logStatusTooLarge); return appendFrameSized(1, 0, 513);
    case 7: want("frame at the message cap", logStatusTooLarge);
      return appendFrameSized(1, 0, messageBytesMax - logHeaderBytes - 8 - 1);
    case 8: want("level 0", logStatusInvalidArgument); return appendFrame(0, "s", "m", "");
    case 9: want("level 6", logStatusInvalidArgument); return appendFrame(6, "s", "m", "");
    case 10: want("empty scope", logStatusInvalidArgument); return appendFrame(3, "", "m", "");
    case 11: want("scope charset", logStatusInvalidArgument);
      return appendFrame(3, "Logd", "m", "");
    case 12: want("control byte", logStatusInvalidArgument);
      return appendFrame(3, "s", "a\x01", "");
    case 13: want("newline", logStatusInvalidArgument); return appendFrame(3, "s", "a\nb", "");
    case 14: want("overlong utf-8", logStatusInvalidArgument);
      return withByte(withByte(appendFrame(3, "s", "ab", ""), 17, 0xc0), 18, 0xaf);
    case 15: want("surrogate", logStatusInvalidArgument);
      return withByte(withByte(withByte(appendFrame(3, "s", "abc", ""), 17, 0xed), 18, 0xa0),
        19, 0x80);
  }
  return -1;
}

function malformedFields(i: i32): i32 {
  const fields: string[] = ["k", "a=1\n", "a=1\n\nb=2", "b=1\na=2", "a=1\na=2", "=v", "K=v",
    "pid=1", "sender=1", "sender_pid=1", "a=1\npid=7", "a=\x7f"];
  if (i >= fields.length) return -1;
  want("fields " + i.toString(), logStatusInvalidArgument);
  return appendFrame(3, "s", "m", fields[i]);
}

function malformedQuery(i: i32): i32 {
  const body = logHeaderBytes;
  switch (i) {
    case 0: want("query short body", logStatusMalformed); putHeader(logOpQuery, 27);
      return logHeaderBytes + 27;
    case 1: want("query reserved", logStatusMalformed);
      return withByte(queryFrame(0, 0, 1, 0, 0, ""), body + 25, 1);
    case 2: want("query scope length", logStatusMalformed);
      return withByte(queryFrame(0, 0, 1, 0, 0, "ab"), body + 26, 1);
    case 3: want("query scope over cap", logStatusTooLarge);
      return queryFrame(0, 0, 1, 0, 0, "s".repeat(65));
    case 4: want("query level max 6", logStatusInvalidArgument);
      return queryFrame(0, 0, 1, 0, 6, "");
    case 5: want("query records max 0", logStatusInvalidArgument);
      return queryFrame(0, 0, 0, 0, 0, "");
    case 6: want("query scope charset", logStatusInvalidArgument);
      return queryFrame(0, 0, 1, 0, 0, "a b");
  }
  return -1;
}

function malformed(): void {
  let cases = 0;
  let mismatches = 0;
  for (let group = 0; group < 4; group++) {
    for (let i = 0; ; i++) {
      const length = group == 0 ? malformedHeader(i) : group == 1 ? malformedAppend(i)
        : group == 2 ? malformedFields(i) : malformedQuery(i);
      if (length < 0) break;
      cases++;
      if (!refusedAsWanted(length)) mismatches++;
    }
  }

  // Past the kernel's cap the kernel refuses the call; logd never sees it.
  const oversize = sys.call(logHandle, frame, messageBytesMax + 1);
  const oversizeName = oversize < 0 ? sys.statusName(sys.statusOf(oversize)) : "delivered";
  if (oversizeName != "message-too-large") fail("a frame past the cap was " + oversizeName);

  // A refusable frame sent without `call` gets no answer but is still refused and counted.
  if (sendRefusable()) refused++;
  done("cases=" + cases.toString() + " mismatches=" + mismatches.toString() +
    " oversize=" + oversizeName);
}

// Sends case `length` and checks its status and that the answer echoes the request's op.
function refusedAsWanted(length: i32): bool {
  const op: u8 = length >= 4 ? load<u8>(frame + 3) & 0x7f : 0;
  const status = exchange(length);
  if (status != wanted) {
    fail(caseName + " answered " + statusText(status) + ", wanted " + wanted.toString());
    return false;
  }
  if (sys.replyLen != logHeaderBytes || logResponse.op != op) {
    fail(caseName + " answer has a body or the wrong op");
    return false;
  }
  return true;
}

/** Sends one bad-magic frame, retrying while the queue is full; true once it was queued. */
function sendRefusable(): bool {
  const length = withByte(statsFrame(), 1, 0);
  for (let turn = 0; turn < queueFullRetriesMax; turn++) {
    const result = sys.send(logHandle, frame, length);
    if (result == 0) return true;
    if (sys.statusOf(result) != sys.STATUS_QUEUE_FULL) break;
    sys.yieldNow();
  }
  fail("could not send a refusable frame");
  return false;
}

// ---- bigpage ----------------------------------------------------------------------------------

const bigpageRecords: i32 = 200;

function bigpage(): void {
  const append = appendFrame(3, "bp", "", "");
  for (let i = 0; i < bigpageRecords; i++) {
    if (exchange(append) != logStatusOk) fail("tiny append " + i.toString());
  }

  // Huge budgets are lowered: the count cap ends the first page.
  let status = exchange(queryFrame(0, sys.selfPid(), 0xffff, 0xffff, 0, "bp"));
  const firstPage = status == logStatusOk ? <i32>logResponse.count : -1;
  if (firstPage != logQueryRecordsMax || (logResponse.flags & logQueryFlagMore) == 0) {
    fail("first page held " + firstPage.toString() + " records");
  }
  const total = pageAll("bp");
  const replyMax = largestReply();

  status = exchange(queryFrame(0, 0, 0, 0xffff, 0, ""));
  if (status != logStatusInvalidArgument) fail("records max 0 answered " + statusText(status));
  status = exchange(queryFrame(0, 0, 1, 0, 0, "bp"));
  if (status != logStatusOk || logResponse.count != 1) fail("bytes max 0 gave no record");
  status = exchange(queryFrame(u64.MAX_VALUE, 0, 0xffff, 0xffff, 0, ""));
  if (status != logStatusOk || logResponse.count != 0 || logResponse.flags != 0) {
    fail("a cursor past the end gave records");
  }
  done("first-page=" + firstPage.toString() + " total=" + total.toString() + " reply-max=" +
    replyMax.toString());
}

/** Pages through every record of `scope` with huge budgets; checks order and sender. */
function pageAll(scope: string): i32 {
  let cursor: u64 = 0;
  let lastId: u64 = 0;
  let total = 0;
  for (let page = 0; page < 16; page++) {
    if (exchange(queryFrame(cursor, 0, 0xffff, 0xffff, 0, scope)) != logStatusOk) {
      fail("paging refused");
      return total;
    }
    let offset = 0;
    for (let i = 0; i < <i32>logResponse.count; i++) {
      offset += logDecodeRecord(logResponse.recordsPtr + offset, logResponse.recordsBytes -
        offset, logRecord);
      if (logRecord.id <= lastId) fail("paging repeated or reordered " + logRecord.id.toString());
      if (logRecord.sender != sys.selfPid()) {
        fail("a record carries pid " + logRecord.sender.toString());
      }
      lastId = logRecord.id;
      total++;
    }
    if ((logResponse.flags & logQueryFlagMore) == 0) return total;
    cursor = logResponse.nextCursor;
  }
  fail("paging did not end");
  return total;
}

/** The longest answer to a QUERY with no filter and huge budgets, paged to the end. */
function largestReply(): i32 {
  let cursor: u64 = 0;
  let replyMax = 0;
  for (let page = 0; page < 256; page++) {
    if (exchange(queryFrame(cursor, 0, 0xffff, 0xffff, 0, "")) != logStatusOk) break;
    replyMax = max(replyMax, sys.replyLen);
    if (sys.replyLen > messageBytesMax || logResponse.recordsBytes > logQueryResponseBytesMax ||
      <i32>logResponse.count > logQueryRecordsMax) {
      fail("a page of " + sys.replyLen.toString() + " bytes");
    }
    if ((logResponse.flags & logQueryFlagMore) == 0) break;
    cursor = logResponse.nextCursor;
  }
  return replyMax;
}

// ---- impostor ---------------------------------------------------------------------------------

function impostor(): void {
  const claims: string[] = ["pid=1", "sender=1", "sender.pid=1", "sender_name=init",
    "a=1\npid=1", "pid=1\nz=1"];
  for (let i = 0; i < claims.length; i++) {
    const status = exchange(appendFrame(1, "impostor", "I am init", claims[i]));
    if (status != logStatusInvalidArgument) fail("claim " + i.toString() + " answered " +
      statusText(status));
  }

  const loggedWanted = 3;
  let logged = 0;
  for (let i = 0; i < loggedWanted; i++) {
    if (exchange(appendFrame(1, "impostor", "I am init", "as=init\nclaimed_pid=1")) ==
      logStatusOk) logged++;
  }
  const ownPid = countRecords(0, "impostor", sys.selfPid());
  const asInit = countRecords(1, "impostor", 0);
  if (ownPid != loggedWanted || asInit != 0) fail("records as init " + asInit.toString());
  done("logged=" + logged.toString() + " own-pid=" + ownPid.toString() + " as-claimed=" +
    asInit.toString());
}

/** Records of `scope` from `sender` (0: anyone); those not from `mustBe` (when set) fail. */
function countRecords(sender: u32, scope: string, mustBe: u32): i32 {
  if (exchange(queryFrame(0, sender, 0xffff, 0xffff, 0, scope)) != logStatusOk) return -1;
  let offset = 0;
  for (let i = 0; i < <i32>logResponse.count; i++) {
    offset += logDecodeRecord(logResponse.recordsPtr + offset, logResponse.recordsBytes - offset,
      logRecord);
    if (mustBe != 0 && logRecord.sender != mustBe) {
      fail("a record carries pid " + logRecord.sender.toString());
    }
  }
  return <i32>logResponse.count;
}

// ---- forge ------------------------------------------------------------------------------------

const forgedHandleLast: u32 = 20;
const forgedTokenLast: u32 = 200;
let attempts = 0;
let unexpected = 0;
let succeeded = 0;

function expectStatus(what: string, result: i32, status: i32): void {
  attempts++;
  if (result >= 0) succeeded++;
  if (result >= 0 || sys.statusOf(result) != status) {
    unexpected++;
    const got = result >= 0 ? "success" : sys.statusName(sys.statusOf(result));
    fail(what + " gave " + got);
  }
}

function forge(granted: u32): void {
  const length = statsFrame();
  for (let h: u32 = 0; h <= forgedHandleLast; h++) {
    if (h == granted) continue;
    const at = " h=" + h.toString();
    expectStatus("send" + at, sys.send(h, frame, length), sys.STATUS_BAD_HANDLE);
    expectStatus("call" + at, sys.call(h, frame, length), sys.STATUS_BAD_HANDLE);
    expectStatus("recv" + at, sys.recv(h), sys.STATUS_BAD_HANDLE);
    expectStatus("close" + at, sys.close(h), sys.STATUS_BAD_HANDLE);
    expectStatus("spawn notify" + at, sys.spawn("crash42", [], <i32>h), sys.STATUS_BAD_HANDLE);
  }
  expectStatus("send h=max", sys.send(u32.MAX_VALUE, frame, length), sys.STATUS_BAD_HANDLE);
  for (let token: u32 = 0; token <= forgedTokenLast; token++) {
    expectStatus("reply token=" + token.toString(), sys.reply(token, frame, length),
      sys.STATUS_BAD_HANDLE);
  }
  expectStatus("reply token=max", sys.reply(u32.MAX_VALUE, frame, length),
    sys.STATUS_BAD_HANDLE);
  forgeRights(granted, length);
  done("attempts=" + attempts.toString() + " succeeded=" + succeeded.toString() +
    " unexpected=" + unexpected.toString());
}

// What a granted handle does not give: serving it, grants never made, other processes' pids.
function forgeRights(granted: u32, length: i32): void {
  expectStatus("recv on a send-only grant", sys.recv(granted), sys.STATUS_ACCESS_DENIED);
  expectStatus("spawn notify on a send-only grant", sys.spawn("crash42", [], <i32>granted),
    sys.STATUS_ACCESS_DENIED);
  expectStatus("open exec", sys.open("exec"), sys.STATUS_ACCESS_DENIED);
  expectStatus("open init", sys.open("init"), sys.STATUS_ACCESS_DENIED);
  expectStatus("wait init", sys.wait(1), sys.STATUS_NOT_A_CHILD);
  expectStatus("wait self", sys.wait(sys.selfPid()), sys.STATUS_NOT_A_CHILD);
  if (sys.close(granted) != 0) fail("closing its own grant failed");
  expectStatus("send after close", sys.send(granted, frame, length), sys.STATUS_BAD_HANDLE);
  expectStatus("reopen after close", sys.open("log"), sys.STATUS_ACCESS_DENIED);
}

// ---- mutate -----------------------------------------------------------------------------------

let prngState: u32 = 1;

function nextRandom(): u32 {
  let x = prngState;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  prngState = x;
  return x;
}

function below(n: i32): i32 {
  return <i32>(nextRandom() % <u32>n);
}

function validFrame(): i32 {
  const kind = below(3);
  if (kind == 0) return appendFrame(<u8>(1 + below(5)), "mutate", "m".repeat(below(40)),
    below(2) == 0 ? "" : "k=v");
  if (kind == 1) return queryFrame(<u64>below(1000), 0, <u16>(1 + below(200)),
    <u16>below(5000), <u8>below(6), below(2) == 0 ? "" : "mutate");
  return statsFrame();
}

// The u16 length fields: body bytes; APPEND part lengths; QUERY scope length.
const lengthOffsets: StaticArray<i32> = [6, 10, 12, 14, 34];

function mutateOnce(length: i32): i32 {
  const kind = below(5);
  if (kind == 0 && length > 0) {
    const at = below(length);
    const bit = <u32>1 << <u32>below(8);
    store<u8>(frame + at, <u8>(<u32>load<u8>(frame + at) ^ bit));
  } else if (kind == 1 && length > 0) {
    length = below(length);
  } else if (kind == 2 && length < messageBytesMax) {
    const at = below(length + 1);
    memory.copy(frame + at + 1, frame + at, length - at);
    store<u8>(frame + at, <u8>below(256));
    length++;
  } else if (kind == 3) {
    const offset = lengthOffsets[below(lengthOffsets.length)];
    if (offset + 2 <= length) store<u16>(frame + offset, <u16>(load<u16>(frame + offset) +
      <u16>below(5) - 2));
  } else if (length > 0) {
    store<u8>(frame + below(length), <u8>below(256));
  }
  return length;
}

function mutate(seed: u32, count: i32): void {
  prngState = seed == 0 ? 1 : seed;
  let accepted = 0;
  for (let i = 0; i < count; i++) {
    let length = validFrame();
    const changes = 1 + below(3);
    for (let c = 0; c < changes; c++) length = mutateOnce(length);
    const op: u8 = length >= 4 ? load<u8>(frame + 3) & 0x7f : 0;

    const status = exchange(length);
    if (status >= badResponse) {
      fail("frame " + i.toString() + " answered " + statusText(status));
    } else if (status == logStatusOk) {
      accepted++;
    } else if (sys.replyLen != logHeaderBytes || logResponse.op != op) {
      fail("frame " + i.toString() + " refusal has a body or the wrong op");
    }
  }
  done("sent=" + count.toString() + " accepted=" + accepted.toString());
}

// ---- well-behaved -----------------------------------------------------------------------------

function wellBehaved(): void {
  const recordsWanted = 5;
  let logged = 0;
  for (let i = 0; i < recordsWanted; i++) {
    const fields = new log.Fields();
    fields.add("seq", i.toString());
    if (log.info("wellbehaved", "record " + i.toString(), fields) == log.LOG_LOGGED) logged++;
  }
  appended += logged;

  let found = 0;
  let cursor: u64 = 0;
  for (let page = 0; page < 16 && found < recordsWanted; page++) {
    if (queryPage(logHandle, cursor, sys.selfPid(), "wellbehaved", 2) != logStatusOk) break;
    while (nextRecord()) {
      if (recordMessage() != "record " + found.toString()) fail("out of order: " + recordMessage());
      found++;
    }
    cursor = nextCursor;
  }
  if (found != recordsWanted) fail("found " + found.toString() + " records");
  if (stats() && logStats.appended != <u64>logStats.usedRecords + logStats.dropped) {
    fail("appended is not kept + dropped");
  }
  done("logged=" + logged.toString() + " found=" + found.toString());
}

// ---- hoard ------------------------------------------------------------------------------------

// Children that have exited stay in the kernel's process table until their parent reaps them;
// this mode keeps them there for a while, then exits, which orphans and frees them.
function hoard(count: i32, holdTurns: i32): void {
  let spawned = 0;
  let result = 0;
  while (spawned < count && (result = sys.spawn("crash42", [])) > 0) spawned++;
  const end = result < 0 ? sys.statusName(sys.statusOf(result)) : "none";
  for (let turn = 0; turn < holdTurns; turn++) sys.yieldNow();
  done("spawned=" + spawned.toString() + " end=" + end);
}
