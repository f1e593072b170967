// nexus-log: the one logging API for programs. Records go to logd over IPC as LOG v1 APPEND
// frames; the console is the explicit fallback. No program writes the console any other way.
//
// Owns: the per-process maximum level, the sink choice, the pre-ready buffer, and markers.
//
// Sinks, in order of preference:
//   1. logd: each record is a `call` on the "log" endpoint; the outcome is what logd replied.
//   2. pre-ready buffer: while logd is not serving yet (the call gets no-server), encoded
//      frames wait here, at most PENDING_BYTES_MAX bytes / PENDING_RECORDS_MAX records, and
//      are replayed in order once logd answers. A record that does not fit goes to the
//      console instead and is counted; the replay ends with a warn record saying how many.
//   3. console: when this program was never granted "log", after the buffer overflowed, or
//      while logd is away after having served (it died; a supervisor may restart it), a
//      record is printed as one line `scope: message key=value ...`. Records printed while
//      logd was away are counted, and the first record logd takes on its return is a warn
//      record saying how many (`dropped=<n>`).
// A full logd queue is waited out: the call is retried after a yield, QUEUE_FULL_RETRIES_MAX
// times at most, then reported undelivered.
// Every call returns an outcome; LOG_LOGGED means logd accepted the record and nothing less.
//
// Does not do: batching several records into one call, or asynchronous delivery.

import {
  logDecodeResponse, logEncodeAppendRequest, logLevelDebug, logLevelError, logLevelInfo,
  logLevelTrace, logLevelWarn, logResponse, logStatusOk, logAppendRequestBytesMax,
} from "./log-v1";
import { logFieldsBytesMax, logMessageBytesMax, logScopeBytesMax } from "./limits";
import {
  call, consoleWrite, open, replyLen, replyPtr, STATUS_ACCESS_DENIED, STATUS_NO_SERVER,
  STATUS_QUEUE_FULL, statusOf, yieldNow,
} from "./sys";

export const LEVEL_ERROR: u8 = logLevelError;
export const LEVEL_WARN: u8 = logLevelWarn;
export const LEVEL_INFO: u8 = logLevelInfo;
export const LEVEL_DEBUG: u8 = logLevelDebug;
export const LEVEL_TRACE: u8 = logLevelTrace;

// Outcomes. Non-negative: the record went somewhere; negative: it went nowhere.
/** logd accepted the record. */
export const LOG_LOGGED: i32 = 0;
/** Held in the pre-ready buffer; it will be replayed once logd answers. */
export const LOG_BUFFERED: i32 = 1;
/** Written to the console (no logd grant, or the pre-ready buffer was full). */
export const LOG_CONSOLE: i32 = 2;
/** Below this process's maximum level: deliberately not recorded. */
export const LOG_FILTERED: i32 = 3;
/** The record breaks a LOG v1 rule (scope, message or fields); nothing was sent. */
export const LOG_INVALID: i32 = -1;
/** logd answered with an error status (see lastLogdStatus). */
export const LOG_REFUSED: i32 = -2;
/** The kernel refused the call (see lastSysStatus). */
export const LOG_UNDELIVERED: i32 = -3;

/** Records and bytes the pre-ready buffer holds. */
export const PENDING_RECORDS_MAX: i32 = 16;
export const PENDING_BYTES_MAX: i32 = 8 * 1024;
/** Fields one builder holds. */
export const FIELDS_MAX: i32 = 16;
/** Times a call refused with queue-full is retried (after a yield each) before giving up. */
export const QUEUE_FULL_RETRIES_MAX: i32 = 16;

export let lastLogdStatus: u8 = 0;
export let lastSysStatus: i32 = 0;
/** The id logd gave the last accepted record, and the dropped count it reported. */
export let lastRecordId: u64 = 0;
export let lastDropped: u64 = 0;

let maxLevel: u8 = LEVEL_INFO;
// -1: not opened yet; -2: no grant, console only; otherwise the "log" handle.
let logHandle: i32 = -1;

const frame = memory.data(logAppendRequestBytesMax, 8);
// UTF-8 scratch for one record's parts; 3 bytes per UTF-16 unit is the worst case, but the
// byte length is checked against the cap before anything is written.
const scopeText = memory.data(logScopeBytesMax, 8);
const messageText = memory.data(logMessageBytesMax, 8);
const fieldsText = memory.data(logFieldsBytesMax, 8);
const noticeFieldsText = memory.data(logFieldsBytesMax, 8);
// The overflow notice is encoded here, so a replay never overwrites the record it precedes.
const noticeFrame = memory.data(logAppendRequestBytesMax, 8);
const pending = memory.data(PENDING_BYTES_MAX, 8);
const pendingLengths = new StaticArray<i32>(PENDING_RECORDS_MAX);
let pendingCount: i32 = 0;
let pendingBytes: i32 = 0;
let pendingOverflow: i32 = 0;
// True once logd has answered a call: a later no-server means it went away.
let logdSeen = false;
// Records printed on the console while logd was away, not yet reported to it.
let awayCount: i32 = 0;

/** Records above `level` (less severe) are filtered out. */
export function setMaxLevel(level: u8): void {
  maxLevel = level;
}

// Scratch for the field order while encoding (AssemblyScript has no closures for a sort
// comparator to capture the keys with, so fields are ordered by hand).
const fieldOrder = new StaticArray<i32>(FIELDS_MAX);
const byteNewline: u8 = 0x0a;
const byteEquals: u8 = 0x3d;

/** Key/value fields for one record, sorted by key when encoded. */
export class Fields {
  keys: string[] = [];
  values: string[] = [];
  /** False when the builder already holds FIELDS_MAX fields (the field is not added). */
  add(key: string, value: string): bool {
    if (this.keys.length >= FIELDS_MAX) return false;
    this.keys.push(key);
    this.values.push(value);
    return true;
  }

  /** Writes `key=value` lines sorted by key into `out`; the length, or -1 past `capacity`. */
  encodeInto(out: usize, capacity: i32): i32 {
    const count = this.keys.length;
    for (let i = 0; i < count; i++) fieldOrder[i] = i;
    for (let i = 1; i < count; i++) {
      for (let j = i; j > 0 && this.keys[fieldOrder[j - 1]] > this.keys[fieldOrder[j]]; j--) {
        const swap = fieldOrder[j];
        fieldOrder[j] = fieldOrder[j - 1];
        fieldOrder[j - 1] = swap;
      }
    }
    let at: i32 = 0;
    for (let i = 0; i < count; i++) {
      const key = this.keys[fieldOrder[i]];
      const value = this.values[fieldOrder[i]];
      const separator: i32 = i > 0 ? 1 : 0;
      const need = separator + String.UTF8.byteLength(key) + 1 + String.UTF8.byteLength(value);
      if (at + need > capacity) return -1;
      if (separator > 0) store<u8>(out + at, byteNewline);
      at += separator;
      at += <i32>String.UTF8.encodeUnsafe(changetype<usize>(key), key.length, out + at);
      store<u8>(out + at, byteEquals);
      at += 1;
      at += <i32>String.UTF8.encodeUnsafe(changetype<usize>(value), value.length, out + at);
    }
    return at;
  }
}

export function error(scope: string, message: string, fields: Fields | null = null): i32 {
  return log(LEVEL_ERROR, scope, message, fields);
}
export function warn(scope: string, message: string, fields: Fields | null = null): i32 {
  return log(LEVEL_WARN, scope, message, fields);
}
export function info(scope: string, message: string, fields: Fields | null = null): i32 {
  return log(LEVEL_INFO, scope, message, fields);
}
export function debug(scope: string, message: string, fields: Fields | null = null): i32 {
  return log(LEVEL_DEBUG, scope, message, fields);
}

/** Logs one record and reports where it went (see the outcome constants). */
export function log(level: u8, scope: string, message: string, fields: Fields | null): i32 {
  if (level > maxLevel) return LOG_FILTERED;
  const fieldsBytes = fields === null ? 0 : fields.encodeInto(fieldsText, logFieldsBytesMax);
  if (fieldsBytes < 0) return LOG_INVALID;
  const length = encode(frame, level, scope, message, fieldsText, fieldsBytes);
  if (length < 0) return LOG_INVALID;
  if (handle() < 0) return consoleRecord(scope, message, fieldsBytes);

  if (pendingCount > 0 && replay() != LOG_LOGGED) {
    return hold(length, scope, message, fieldsBytes);
  }
  if (awayCount > 0 && !reportAway()) return away(scope, message, fieldsBytes);
  const outcome = deliver(frame, length);
  if (outcome == LOG_UNDELIVERED && lastSysStatus == STATUS_NO_SERVER) {
    if (logdSeen) return away(scope, message, fieldsBytes);
    return hold(length, scope, message, fieldsBytes);
  }
  return outcome;
}

/**
 * Prints a record on the console as `scope: message key=value ...`, whatever the sinks: for
 * a record too important to wait in a buffer (a crash report when logd did not take it).
 */
export function print(scope: string, message: string, fields: Fields | null): void {
  const fieldsBytes = fields === null ? 0 : fields.encodeInto(fieldsText, logFieldsBytesMax);
  consoleRecord(scope, message, fieldsBytes < 0 ? 0 : fieldsBytes);
}

/** Writes `text` as one exact console line: a marker a boot test can look for. */
export function marker(text: string): void {
  consoleText(text + "\n");
}

/** Writes raw bytes as console lines (logd's mirror uses this; they must end in \n). */
export function consoleLines(ptr: usize, len: i32): void {
  consoleWrite(ptr, len);
}

/** Records waiting for logd in the pre-ready buffer. */
export function pendingRecords(): i32 {
  return pendingCount;
}

// ---- internals --------------------------------------------------------------------------

function handle(): i32 {
  if (logHandle == -1) {
    const h = open("log");
    logHandle = h >= 0 ? h : (statusOf(h) == STATUS_ACCESS_DENIED ? -2 : -1);
  }
  return logHandle;
}

/**
 * Encodes an APPEND of `scope`, `message` and the encoded fields at `fieldsPtr` into
 * `out`. The strings are written as UTF-8 straight into scratch buffers: logging allocates
 * nothing per record beyond what the caller built.
 */
function encode(
  out: usize, level: u8, scope: string, message: string, fieldsPtr: usize, fieldsBytes: i32,
): i32 {
  const scopeBytes = String.UTF8.byteLength(scope);
  const messageBytes = String.UTF8.byteLength(message);
  if (scopeBytes > logScopeBytesMax || messageBytes > logMessageBytesMax) return -1;
  String.UTF8.encodeUnsafe(changetype<usize>(scope), scope.length, scopeText);
  String.UTF8.encodeUnsafe(changetype<usize>(message), message.length, messageText);
  return logEncodeAppendRequest(out, logAppendRequestBytesMax, level, scopeText, scopeBytes,
    messageText, messageBytes, fieldsPtr, fieldsBytes);
}

function deliver(ptr: usize, length: i32): i32 {
  let status = call(logHandle as u32, ptr, length);
  for (let retry = 0; retry < QUEUE_FULL_RETRIES_MAX && status < 0 &&
    statusOf(status) == STATUS_QUEUE_FULL; retry++) {
    yieldNow();
    status = call(logHandle as u32, ptr, length);
  }
  if (status < 0) {
    lastSysStatus = statusOf(status);
    return LOG_UNDELIVERED;
  }
  logdSeen = true;
  if (logDecodeResponse(replyPtr, replyLen) != logStatusOk) {
    lastLogdStatus = 0xff;
    return LOG_REFUSED;
  }
  lastLogdStatus = logResponse.status;
  if (logResponse.status != logStatusOk) return LOG_REFUSED;
  lastRecordId = logResponse.recordId;
  lastDropped = logResponse.dropped;
  return LOG_LOGGED;
}

/** logd went away after serving: the record goes to the console and is counted. */
function away(scope: string, message: string, fieldsBytes: i32): i32 {
  awayCount++;
  return consoleRecord(scope, message, fieldsBytes);
}

/** Tells a returned logd how many records went to the console; false if it is still away. */
function reportAway(): bool {
  if (!notice("logd was away, records went to the console", awayCount)) return false;
  awayCount = 0;
  return true;
}

/** Keeps the encoded frame for replay, or prints it when the buffer is full. */
function hold(length: i32, scope: string, message: string, fieldsBytes: i32): i32 {
  if (pendingCount >= PENDING_RECORDS_MAX || pendingBytes + length > PENDING_BYTES_MAX) {
    pendingOverflow++;
    return consoleRecord(scope, message, fieldsBytes);
  }
  memory.copy(pending + pendingBytes, frame, length);
  pendingLengths[pendingCount] = length;
  pendingCount++;
  pendingBytes += length;
  return LOG_BUFFERED;
}

/** Sends the buffered frames in order; stops at the first that logd does not take. */
function replay(): i32 {
  let offset: i32 = 0;
  let sent: i32 = 0;
  let outcome = LOG_LOGGED;
  while (sent < pendingCount) {
    outcome = deliver(pending + offset, pendingLengths[sent]);
    if (outcome == LOG_UNDELIVERED && lastSysStatus == STATUS_NO_SERVER) break;
    offset += pendingLengths[sent];
    sent++;
  }
  memory.copy(pending, pending + offset, pendingBytes - offset);
  for (let i = sent; i < pendingCount; i++) pendingLengths[i - sent] = pendingLengths[i];
  pendingCount -= sent;
  pendingBytes -= offset;
  if (pendingCount > 0) return LOG_UNDELIVERED;
  if (pendingOverflow > 0) reportOverflow();
  return LOG_LOGGED;
}

function reportOverflow(): void {
  notice("pre-ready buffer full, records went to the console", pendingOverflow);
  pendingOverflow = 0;
}

/**
 * Sends a warn record saying `dropped` records missed logd, from its own buffers so it never
 * disturbs the record being sent. False when logd did not get it.
 */
function notice(message: string, dropped: i32): bool {
  const fields = new Fields();
  fields.add("dropped", dropped.toString());
  const fieldsBytes = fields.encodeInto(noticeFieldsText, logFieldsBytesMax);
  const length = encode(noticeFrame, LEVEL_WARN, "nexus-log", message, noticeFieldsText,
    fieldsBytes);
  return length >= 0 && deliver(noticeFrame, length) != LOG_UNDELIVERED;
}

/** Prints a record as `scope: message key=value ...` (fields from fieldsText). */
function consoleRecord(scope: string, message: string, fieldsBytes: i32): i32 {
  let line = scope + ": " + message;
  if (fieldsBytes > 0) {
    line += " " + String.UTF8.decodeUnsafe(fieldsText, fieldsBytes).replaceAll("\n", " ");
  }
  consoleText(line + "\n");
  return LOG_CONSOLE;
}

function consoleText(text: string): void {
  const bytes = String.UTF8.encode(text);
  consoleWrite(changetype<usize>(bytes), bytes.byteLength);
}
