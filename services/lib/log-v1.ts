// The LOG v1 wire codec: the one place that knows how LOG frames are laid out.
//
// Owns: the frame header, the APPEND / QUERY / STATS request and response bodies, the
// encoding of one record inside a QUERY response (which the journal also uses as its stored
// layout), and the content rules for scope, message and fields. docs/protocols/log-v1.md is
// the normative text; this file implements it.
// Does not: keep records (logd/journal.ts does), talk to the kernel, or allocate: every
// function works on caller-given (pointer, length) pairs, and decoders fill views that live
// in static memory and stay valid until the next decode of the same kind.
// Not yet: SUBSCRIBE is a reserved op and decodes as unsupported-op.
//
// Results: decoders return a status (logStatusOk or a failure). Encoders return the frame
// length in bytes, or a negative status: -logStatusTooLarge when the output buffer is too
// small, -logStatusInvalidArgument when the content breaks a rule a decoder would enforce.

import {
  logFieldsBytesMax,
  logMessageBytesMax,
  logQueryRecordsMax,
  logScopeBytesMax,
  limitsCheck,
  messageBytesMax,
} from "./limits";

// "LG" in the first two bytes of every frame.
export const logMagic: u16 = 0x474c;
export const logVersion: u8 = 1;

export const logOpAppend: u8 = 1;
export const logOpQuery: u8 = 2;
export const logOpStats: u8 = 3;
// Reserved for a later streaming op; v1 answers it with unsupported-op.
export const logOpSubscribe: u8 = 4;
// A response carries its request's op with this bit set.
export const logOpResponseBit: u8 = 0x80;

// The closed set of statuses a response can carry.
export const logStatusOk: u8 = 0;
export const logStatusMalformed: u8 = 1;
export const logStatusUnsupportedVersion: u8 = 2;
export const logStatusUnsupportedOp: u8 = 3;
export const logStatusTooLarge: u8 = 4;
export const logStatusInvalidArgument: u8 = 5;
export const logStatusRejected: u8 = 6;
export const logStatusLast: u8 = 6;

// Levels, most severe first. A QUERY's levelMax keeps records with level <= levelMax.
export const logLevelError: u8 = 1;
export const logLevelWarn: u8 = 2;
export const logLevelInfo: u8 = 3;
export const logLevelDebug: u8 = 4;
export const logLevelTrace: u8 = 5;

// QUERY response flags.
export const logQueryFlagMore: u16 = 1;
export const logQueryFlagGap: u16 = 2;

// Sizes fixed by the layouts below.
export const logHeaderBytes: i32 = 8;
export const logAppendFixedBytes: i32 = 8;
export const logAppendResponseBytes: i32 = 16;
export const logQueryFixedBytes: i32 = 28;
export const logQueryResponseFixedBytes: i32 = 12;
export const logStatsResponseBytes: i32 = 48;
export const logRecordFixedBytes: i32 = 28;

// The records of one QUERY page, together, never exceed this many bytes.
export const logQueryResponseBytesMax: i32 =
  messageBytesMax - logHeaderBytes - logQueryResponseFixedBytes;
export const logRecordBytesMin: i32 = logRecordFixedBytes + 1;
export const logRecordBytesMax: i32 =
  logRecordFixedBytes + logScopeBytesMax + logMessageBytesMax + logFieldsBytesMax;
// A client's byte budget is raised to this, so one record always fits and paging advances.
export const logQueryPageBytesMin: i32 = logRecordBytesMax;
export const logAppendRequestBytesMax: i32 =
  logHeaderBytes + logAppendFixedBytes + logScopeBytesMax + logMessageBytesMax +
  logFieldsBytesMax;

function logLimitsCheck(): void {
  limitsCheck();
  assert(logAppendRequestBytesMax <= messageBytesMax, "every APPEND fits one message");
  assert(logQueryPageBytesMin <= logQueryResponseBytesMax, "one record fits every page");
  assert(logQueryResponseBytesMax <= 0xffff, "QUERY bytesMax is a u16");
}
logLimitsCheck();

// ---------------------------------------------------------------------------------------
// Views. Decoders fill these; encoders read them. All live in static memory.

// One APPEND request, as decoded. Pointers point into the decoded frame.
@unmanaged export class LogAppend {
  level: u8;
  scopePtr: usize;
  scopeBytes: i32;
  messagePtr: usize;
  messageBytes: i32;
  fieldsPtr: usize;
  fieldsBytes: i32;
}

// One QUERY request. recordsMax and bytesMax are what the client asked for, not yet clamped.
@unmanaged export class LogQuery {
  cursor: u64;
  timestampMinNs: u64;
  sender: u32;
  recordsMax: u16;
  bytesMax: u16;
  levelMax: u8;
  scopePtr: usize;
  scopeBytes: i32;
}

// One record: as stored by the journal, as carried in a QUERY response, as mirrored.
@unmanaged export class LogRecord {
  id: u64;
  timestampNs: u64;
  sender: u32;
  level: u8;
  scopePtr: usize;
  scopeBytes: i32;
  messagePtr: usize;
  messageBytes: i32;
  fieldsPtr: usize;
  fieldsBytes: i32;
}

// The journal's counters, as a STATS response carries them.
@unmanaged export class LogStats {
  appended: u64;
  dropped: u64;
  rejected: u64;
  nextId: u64;
  capacityRecords: u32;
  capacityBytes: u32;
  usedRecords: u32;
  usedBytes: u32;
}

// One response, as decoded. Which fields mean something depends on op and status.
@unmanaged export class LogResponse {
  op: u8;
  status: u8;
  recordId: u64;
  dropped: u64;
  nextCursor: u64;
  count: u16;
  flags: u16;
  recordsPtr: usize;
  recordsBytes: i32;
}

export const logAppend = changetype<LogAppend>(memory.data(offsetof<LogAppend>(), 8));
export const logQuery = changetype<LogQuery>(memory.data(offsetof<LogQuery>(), 8));
export const logRecord = changetype<LogRecord>(memory.data(offsetof<LogRecord>(), 8));
export const logStats = changetype<LogStats>(memory.data(offsetof<LogStats>(), 8));
export const logResponse = changetype<LogResponse>(memory.data(offsetof<LogResponse>(), 8));

// The encoder's own view, so encoding never disturbs a decoded request.
const appendScratch = changetype<LogAppend>(memory.data(offsetof<LogAppend>(), 8));

// The op of the last request given to logDecodeRequest, 0 when it was too short to name one.
export let logRequestOp: u8 = 0;

// ---------------------------------------------------------------------------------------
// Header, in front of every request and response.
//
//   0        2        3        4        5        6                 8
//   +--------+--------+--------+--------+--------+-----------------+
//   | magic  |version |   op   | status |reserved|   body bytes    |
//   |  u16   |   u8   |   u8   |   u8   |   u8   |      u16        |
//   +--------+--------+--------+--------+--------+-----------------+
//
// magic is 0x474c ("LG"), version 1. status is 0 in requests. reserved is 0. body bytes is
// exactly the frame length minus 8: no truncation, no trailing bytes.

const headerMagicOffset: i32 = 0;
const headerVersionOffset: i32 = 2;
const headerOpOffset: i32 = 3;
const headerStatusOffset: i32 = 4;
const headerReservedOffset: i32 = 5;
const headerBodyBytesOffset: i32 = 6;

function writeHeader(outPtr: usize, op: u8, status: u8, bodyBytes: i32): void {
  assert(bodyBytes >= 0 && logHeaderBytes + bodyBytes <= messageBytesMax, "frame fits");
  store<u16>(outPtr + headerMagicOffset, logMagic);
  store<u8>(outPtr + headerVersionOffset, logVersion);
  store<u8>(outPtr + headerOpOffset, op);
  store<u8>(outPtr + headerStatusOffset, status);
  store<u8>(outPtr + headerReservedOffset, 0);
  store<u16>(outPtr + headerBodyBytesOffset, <u16>bodyBytes);
}

// Checks what every frame shares. Reads nothing past frameBytes.
function checkHeader(framePtr: usize, frameBytes: i32): u8 {
  if (frameBytes < logHeaderBytes) return logStatusMalformed;
  if (load<u16>(framePtr + headerMagicOffset) != logMagic) return logStatusMalformed;
  if (load<u8>(framePtr + headerVersionOffset) != logVersion) {
    return logStatusUnsupportedVersion;
  }
  if (frameBytes > messageBytesMax) return logStatusTooLarge;

  if (load<u8>(framePtr + headerReservedOffset) != 0) return logStatusMalformed;
  const bodyBytes = <i32>load<u16>(framePtr + headerBodyBytesOffset);
  if (bodyBytes != frameBytes - logHeaderBytes) return logStatusMalformed;
  return logStatusOk;
}

function isRequestOp(op: u8): bool {
  return op == logOpAppend || op == logOpQuery || op == logOpStats;
}

// ---------------------------------------------------------------------------------------
// Content rules.

const byteNewline: u8 = 0x0a;
const byteTab: u8 = 0x09;
const byteEquals: u8 = 0x3d;
const byteSpace: u8 = 0x20;
const byteDelete: u8 = 0x7f;

// "sender", the prefix no field key may start with.
const senderPrefix = memory.data<u8>([0x73, 0x65, 0x6e, 0x64, 0x65, 0x72]);
const senderPrefixBytes: i32 = 6;
// "pid", the key no field may use.
const pidKey = memory.data<u8>([0x70, 0x69, 0x64]);
const pidKeyBytes: i32 = 3;

function isLowerOrDigit(c: u8): bool {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

// Keys: [a-z0-9_.-]
function isKeyByte(c: u8): bool {
  return isLowerOrDigit(c) || c == 0x5f || c == 0x2e || c == 0x2d;
}

// Scopes: keys' bytes plus ':' and '/', so "execd:spawn" and "net/tcp" are scopes.
function isScopeByte(c: u8): bool {
  return isKeyByte(c) || c == 0x3a || c == 0x2f;
}

export function logCheckLevel(level: u8): u8 {
  if (level < logLevelError || level > logLevelTrace) return logStatusInvalidArgument;
  return logStatusOk;
}

// A scope is 1..logScopeBytesMax scope bytes.
export function logCheckScope(ptr: usize, bytes: i32): u8 {
  if (bytes > logScopeBytesMax) return logStatusTooLarge;
  if (bytes <= 0) return logStatusInvalidArgument;
  for (let i = 0; i < bytes; i++) {
    if (!isScopeByte(load<u8>(ptr + i))) return logStatusInvalidArgument;
  }
  return logStatusOk;
}

// The length of the well-formed UTF-8 sequence at ptr (1 to 4), or 0 when it is not one.
// Overlong forms, surrogates and code points above U+10FFFF are not well formed.
function utf8SequenceBytes(ptr: usize, bytesLeft: i32): i32 {
  const lead = load<u8>(ptr);
  if (lead < 0x80) return 1;

  let bytes = 0;
  let secondMin: u8 = 0x80;
  let secondMax: u8 = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) bytes = 2;
  else if (lead == 0xe0) { bytes = 3; secondMin = 0xa0; }
  else if (lead == 0xed) { bytes = 3; secondMax = 0x9f; }
  else if (lead >= 0xe1 && lead <= 0xef) bytes = 3;
  else if (lead == 0xf0) { bytes = 4; secondMin = 0x90; }
  else if (lead == 0xf4) { bytes = 4; secondMax = 0x8f; }
  else if (lead >= 0xf1 && lead <= 0xf3) bytes = 4;
  else return 0;
  if (bytes > bytesLeft) return 0;

  const second = load<u8>(ptr + 1);
  if (second < secondMin || second > secondMax) return 0;
  for (let i = 2; i < bytes; i++) {
    const next = load<u8>(ptr + i);
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return bytes;
}

// Text (a message, a field value): well-formed UTF-8 without control bytes, tab excepted.
function checkText(ptr: usize, bytes: i32): u8 {
  let i = 0;
  while (i < bytes) {
    const c = load<u8>(ptr + i);
    if (c < 0x80) {
      if ((c < byteSpace && c != byteTab) || c == byteDelete) return logStatusInvalidArgument;
      i += 1;
      continue;
    }
    const sequenceBytes = utf8SequenceBytes(ptr + i, bytes - i);
    if (sequenceBytes == 0) return logStatusInvalidArgument;
    i += sequenceBytes;
  }
  return logStatusOk;
}

// A message is 0..logMessageBytesMax bytes of text.
export function logCheckMessage(ptr: usize, bytes: i32): u8 {
  if (bytes > logMessageBytesMax) return logStatusTooLarge;
  if (bytes < 0) return logStatusInvalidArgument;
  return checkText(ptr, bytes);
}

function isReservedKey(ptr: usize, bytes: i32): bool {
  if (bytes == pidKeyBytes && memory.compare(ptr, pidKey, pidKeyBytes) == 0) return true;
  if (bytes < senderPrefixBytes) return false;
  return memory.compare(ptr, senderPrefix, senderPrefixBytes) == 0;
}

// Bytewise order; a key sorts after every key it extends.
function compareKeys(aPtr: usize, aBytes: i32, bPtr: usize, bBytes: i32): i32 {
  const common = aBytes < bBytes ? aBytes : bBytes;
  const order = memory.compare(aPtr, bPtr, common);
  if (order != 0) return order;
  return aBytes - bBytes;
}

function indexOfByte(ptr: usize, from: i32, end: i32, byte: u8): i32 {
  for (let i = from; i < end; i++) {
    if (load<u8>(ptr + i) == byte) return i;
  }
  return -1;
}

function checkKey(ptr: usize, bytes: i32): u8 {
  if (bytes <= 0) return logStatusInvalidArgument;
  for (let i = 0; i < bytes; i++) {
    if (!isKeyByte(load<u8>(ptr + i))) return logStatusInvalidArgument;
  }
  if (isReservedKey(ptr, bytes)) return logStatusInvalidArgument;
  return logStatusOk;
}

// Fields are 0..logFieldsBytesMax bytes: "key=value" lines joined by '\n', no trailing
// newline, keys [a-z0-9_.-]+ in strictly rising byte order, values text. "pid" and keys
// starting "sender" are refused: identity comes from the kernel, never from the frame.
export function logCheckFields(ptr: usize, bytes: i32): u8 {
  if (bytes > logFieldsBytesMax) return logStatusTooLarge;
  if (bytes < 0) return logStatusInvalidArgument;
  if (bytes > 0 && load<u8>(ptr + bytes - 1) == byteNewline) return logStatusInvalidArgument;

  let lineStart = 0;
  let previousKeyPtr: usize = 0;
  let previousKeyBytes = 0;
  while (lineStart < bytes) {
    let lineEnd = indexOfByte(ptr, lineStart, bytes, byteNewline);
    if (lineEnd < 0) lineEnd = bytes;
    const equals = indexOfByte(ptr, lineStart, lineEnd, byteEquals);
    if (equals < 0) return logStatusInvalidArgument;

    const keyPtr = ptr + lineStart;
    const keyBytes = equals - lineStart;
    if (checkKey(keyPtr, keyBytes) != logStatusOk) return logStatusInvalidArgument;
    if (previousKeyBytes > 0) {
      const order = compareKeys(previousKeyPtr, previousKeyBytes, keyPtr, keyBytes);
      if (order >= 0) return logStatusInvalidArgument;
    }

    if (checkText(ptr + equals + 1, lineEnd - equals - 1) != logStatusOk) {
      return logStatusInvalidArgument;
    }
    previousKeyPtr = keyPtr;
    previousKeyBytes = keyBytes;
    lineStart = lineEnd + 1;
  }
  return logStatusOk;
}

// Every rule of one APPEND's content. Size failures win over content failures.
export function logCheckAppend(view: LogAppend): u8 {
  if (view.scopeBytes > logScopeBytesMax) return logStatusTooLarge;
  if (view.messageBytes > logMessageBytesMax) return logStatusTooLarge;
  if (view.fieldsBytes > logFieldsBytesMax) return logStatusTooLarge;

  let status = logCheckLevel(view.level);
  if (status == logStatusOk) status = logCheckScope(view.scopePtr, view.scopeBytes);
  if (status == logStatusOk) status = logCheckMessage(view.messagePtr, view.messageBytes);
  if (status == logStatusOk) status = logCheckFields(view.fieldsPtr, view.fieldsBytes);
  return status;
}

// A QUERY's filters: levelMax 0..5, scope empty (any) or a scope.
export function logCheckQuery(view: LogQuery): u8 {
  if (view.scopeBytes > logScopeBytesMax) return logStatusTooLarge;
  if (view.levelMax > logLevelTrace) return logStatusInvalidArgument;
  if (view.recordsMax == 0) return logStatusInvalidArgument;
  if (view.scopeBytes == 0) return logStatusOk;
  return logCheckScope(view.scopePtr, view.scopeBytes);
}

// ---------------------------------------------------------------------------------------
// APPEND request body.
//
//   0       1        2              4              6              8
//   +-------+--------+--------------+--------------+--------------+-------+---------+--------+
//   | level |reserved| scope bytes  |message bytes | fields bytes | scope | message | fields |
//   |  u8   |   u8   |     u16      |     u16      |     u16      |       |         |        |
//   +-------+--------+--------------+--------------+--------------+-------+---------+--------+
//
// The three parts follow back to back; body bytes is exactly 8 plus their lengths.

const appendLevelOffset: i32 = 0;
const appendReservedOffset: i32 = 1;
const appendScopeBytesOffset: i32 = 2;
const appendMessageBytesOffset: i32 = 4;
const appendFieldsBytesOffset: i32 = 6;

function decodeAppend(bodyPtr: usize, bodyBytes: i32): u8 {
  if (bodyBytes < logAppendFixedBytes) return logStatusMalformed;
  if (load<u8>(bodyPtr + appendReservedOffset) != 0) return logStatusMalformed;
  const scopeBytes = <i32>load<u16>(bodyPtr + appendScopeBytesOffset);
  const messageBytes = <i32>load<u16>(bodyPtr + appendMessageBytesOffset);
  const fieldsBytes = <i32>load<u16>(bodyPtr + appendFieldsBytesOffset);
  const partsBytes = scopeBytes + messageBytes + fieldsBytes;
  if (logAppendFixedBytes + partsBytes != bodyBytes) return logStatusMalformed;

  logAppend.level = load<u8>(bodyPtr + appendLevelOffset);
  logAppend.scopePtr = bodyPtr + logAppendFixedBytes;
  logAppend.scopeBytes = scopeBytes;
  logAppend.messagePtr = logAppend.scopePtr + scopeBytes;
  logAppend.messageBytes = messageBytes;
  logAppend.fieldsPtr = logAppend.messagePtr + messageBytes;
  logAppend.fieldsBytes = fieldsBytes;
  return logCheckAppend(logAppend);
}

export function logEncodeAppendRequest(
  outPtr: usize, outCapacity: i32, level: u8,
  scopePtr: usize, scopeBytes: i32,
  messagePtr: usize, messageBytes: i32,
  fieldsPtr: usize, fieldsBytes: i32,
): i32 {
  const view = appendScratch;
  view.level = level;
  view.scopePtr = scopePtr;
  view.scopeBytes = scopeBytes;
  view.messagePtr = messagePtr;
  view.messageBytes = messageBytes;
  view.fieldsPtr = fieldsPtr;
  view.fieldsBytes = fieldsBytes;
  const status = logCheckAppend(view);
  if (status != logStatusOk) return -<i32>status;

  const bodyBytes = logAppendFixedBytes + scopeBytes + messageBytes + fieldsBytes;
  if (logHeaderBytes + bodyBytes > outCapacity) return -<i32>logStatusTooLarge;
  const bodyPtr = outPtr + logHeaderBytes;
  writeHeader(outPtr, logOpAppend, logStatusOk, bodyBytes);
  store<u8>(bodyPtr + appendLevelOffset, level);
  store<u8>(bodyPtr + appendReservedOffset, 0);
  store<u16>(bodyPtr + appendScopeBytesOffset, <u16>scopeBytes);
  store<u16>(bodyPtr + appendMessageBytesOffset, <u16>messageBytes);
  store<u16>(bodyPtr + appendFieldsBytesOffset, <u16>fieldsBytes);

  const scopeOut = bodyPtr + logAppendFixedBytes;
  memory.copy(scopeOut, scopePtr, scopeBytes);
  memory.copy(scopeOut + scopeBytes, messagePtr, messageBytes);
  memory.copy(scopeOut + scopeBytes + messageBytes, fieldsPtr, fieldsBytes);
  return logHeaderBytes + bodyBytes;
}

// ---------------------------------------------------------------------------------------
// QUERY request body.
//
//   0                 8                 16        20         22        24      25       26
//   +-----------------+-----------------+---------+----------+---------+-------+--------+
//   |     cursor      | timestamp min ns| sender  |records max|bytes max|level  |reserved|
//   |      u64        |       u64       |   u32   |   u16    |   u16   | max u8|   u8   |
//   +-----------------+-----------------+---------+----------+---------+-------+--------+
//   26             28
//   +--------------+-------+
//   | scope bytes  | scope |
//   |     u16      |       |
//   +--------------+-------+
//
// cursor: the first record id wanted. timestamp min: 0 = no bound. sender: 0 = any.
// records max: 1.., clamped to logQueryRecordsMax. bytes max: clamped into
// [logQueryPageBytesMin, logQueryResponseBytesMax]. level max: 0 = any, else records with
// level <= level max. scope: empty = any, else an exact match.

const queryCursorOffset: i32 = 0;
const queryTimestampMinOffset: i32 = 8;
const querySenderOffset: i32 = 16;
const queryRecordsMaxOffset: i32 = 20;
const queryBytesMaxOffset: i32 = 22;
const queryLevelMaxOffset: i32 = 24;
const queryReservedOffset: i32 = 25;
const queryScopeBytesOffset: i32 = 26;

function decodeQuery(bodyPtr: usize, bodyBytes: i32): u8 {
  if (bodyBytes < logQueryFixedBytes) return logStatusMalformed;
  if (load<u8>(bodyPtr + queryReservedOffset) != 0) return logStatusMalformed;
  const scopeBytes = <i32>load<u16>(bodyPtr + queryScopeBytesOffset);
  if (logQueryFixedBytes + scopeBytes != bodyBytes) return logStatusMalformed;

  logQuery.cursor = load<u64>(bodyPtr + queryCursorOffset);
  logQuery.timestampMinNs = load<u64>(bodyPtr + queryTimestampMinOffset);
  logQuery.sender = load<u32>(bodyPtr + querySenderOffset);
  logQuery.recordsMax = load<u16>(bodyPtr + queryRecordsMaxOffset);
  logQuery.bytesMax = load<u16>(bodyPtr + queryBytesMaxOffset);
  logQuery.levelMax = load<u8>(bodyPtr + queryLevelMaxOffset);
  logQuery.scopePtr = bodyPtr + logQueryFixedBytes;
  logQuery.scopeBytes = scopeBytes;
  return logCheckQuery(logQuery);
}

export function logEncodeQueryRequest(outPtr: usize, outCapacity: i32, view: LogQuery): i32 {
  const status = logCheckQuery(view);
  if (status != logStatusOk) return -<i32>status;
  const bodyBytes = logQueryFixedBytes + view.scopeBytes;
  if (logHeaderBytes + bodyBytes > outCapacity) return -<i32>logStatusTooLarge;

  const bodyPtr = outPtr + logHeaderBytes;
  writeHeader(outPtr, logOpQuery, logStatusOk, bodyBytes);
  store<u64>(bodyPtr + queryCursorOffset, view.cursor);
  store<u64>(bodyPtr + queryTimestampMinOffset, view.timestampMinNs);
  store<u32>(bodyPtr + querySenderOffset, view.sender);
  store<u16>(bodyPtr + queryRecordsMaxOffset, view.recordsMax);
  store<u16>(bodyPtr + queryBytesMaxOffset, view.bytesMax);
  store<u8>(bodyPtr + queryLevelMaxOffset, view.levelMax);
  store<u8>(bodyPtr + queryReservedOffset, 0);
  store<u16>(bodyPtr + queryScopeBytesOffset, <u16>view.scopeBytes);
  memory.copy(bodyPtr + logQueryFixedBytes, view.scopePtr, view.scopeBytes);
  return logHeaderBytes + bodyBytes;
}

// How many records one page may hold for a client's records max.
export function logQueryPageRecords(recordsMax: u16): i32 {
  return <i32>recordsMax < logQueryRecordsMax ? <i32>recordsMax : logQueryRecordsMax;
}

// How many record bytes one page may hold for a client's bytes max.
export function logQueryPageBytes(bytesMax: u16): i32 {
  const asked = <i32>bytesMax;
  if (asked < logQueryPageBytesMin) return logQueryPageBytesMin;
  if (asked > logQueryResponseBytesMax) return logQueryResponseBytesMax;
  return asked;
}

// ---------------------------------------------------------------------------------------
// STATS request: a header with an empty body.

export function logEncodeStatsRequest(outPtr: usize, outCapacity: i32): i32 {
  if (logHeaderBytes > outCapacity) return -<i32>logStatusTooLarge;
  writeHeader(outPtr, logOpStats, logStatusOk, 0);
  return logHeaderBytes;
}

// ---------------------------------------------------------------------------------------
// Requests, as the server sees them.

// Decodes one request frame. On logStatusOk, logRequestOp names the op and logAppend or
// logQuery holds the body; on failure, answer with logEncodeErrorResponse(logRequestOp, ..).
export function logDecodeRequest(framePtr: usize, frameBytes: i32): u8 {
  logRequestOp = frameBytes > headerOpOffset ? load<u8>(framePtr + headerOpOffset) : 0;
  const headerStatus = checkHeader(framePtr, frameBytes);
  if (headerStatus != logStatusOk) return headerStatus;
  if (!isRequestOp(logRequestOp)) return logStatusUnsupportedOp;
  if (load<u8>(framePtr + headerStatusOffset) != 0) return logStatusMalformed;

  const bodyPtr = framePtr + logHeaderBytes;
  const bodyBytes = frameBytes - logHeaderBytes;
  if (logRequestOp == logOpAppend) return decodeAppend(bodyPtr, bodyBytes);
  if (logRequestOp == logOpQuery) return decodeQuery(bodyPtr, bodyBytes);
  if (bodyBytes != 0) return logStatusMalformed;
  return logStatusOk;
}

// ---------------------------------------------------------------------------------------
// Responses. Every one starts with the header, op = request op | 0x80 and a status.
// A response whose status is not ok has an empty body.

export function logEncodeErrorResponse(
  outPtr: usize, outCapacity: i32, requestOp: u8, status: u8,
): i32 {
  assert(status != logStatusOk && status <= logStatusLast, "an error status");
  if (logHeaderBytes > outCapacity) return -<i32>logStatusTooLarge;
  writeHeader(outPtr, requestOp | logOpResponseBit, status, 0);
  return logHeaderBytes;
}

// APPEND response body.
//
//   0                           8                           16
//   +---------------------------+---------------------------+
//   |         record id         |       dropped total       |
//   |            u64            |            u64            |
//   +---------------------------+---------------------------+

export function logEncodeAppendResponse(
  outPtr: usize, outCapacity: i32, recordId: u64, dropped: u64,
): i32 {
  const frameBytes = logHeaderBytes + logAppendResponseBytes;
  if (frameBytes > outCapacity) return -<i32>logStatusTooLarge;
  writeHeader(outPtr, logOpAppend | logOpResponseBit, logStatusOk, logAppendResponseBytes);
  store<u64>(outPtr + logHeaderBytes, recordId);
  store<u64>(outPtr + logHeaderBytes + 8, dropped);
  return frameBytes;
}

// STATS response body.
//
//   0             8             16            24            32
//   +-------------+-------------+-------------+-------------+
//   |  appended   |   dropped   |  rejected   |   next id   |
//   |    u64      |    u64      |    u64      |    u64      |
//   +-------------+-------------+-------------+-------------+
//   32            36            40            44            48
//   +-------------+-------------+-------------+-------------+
//   | capacity    | capacity    | used        | used        |
//   | records u32 | bytes u32   | records u32 | bytes u32   |
//   +-------------+-------------+-------------+-------------+

const statsAppendedOffset: i32 = 0;
const statsDroppedOffset: i32 = 8;
const statsRejectedOffset: i32 = 16;
const statsNextIdOffset: i32 = 24;
const statsCapacityRecordsOffset: i32 = 32;
const statsCapacityBytesOffset: i32 = 36;
const statsUsedRecordsOffset: i32 = 40;
const statsUsedBytesOffset: i32 = 44;

export function logEncodeStatsResponse(outPtr: usize, outCapacity: i32, view: LogStats): i32 {
  const frameBytes = logHeaderBytes + logStatsResponseBytes;
  if (frameBytes > outCapacity) return -<i32>logStatusTooLarge;
  writeHeader(outPtr, logOpStats | logOpResponseBit, logStatusOk, logStatsResponseBytes);

  const bodyPtr = outPtr + logHeaderBytes;
  store<u64>(bodyPtr + statsAppendedOffset, view.appended);
  store<u64>(bodyPtr + statsDroppedOffset, view.dropped);
  store<u64>(bodyPtr + statsRejectedOffset, view.rejected);
  store<u64>(bodyPtr + statsNextIdOffset, view.nextId);
  store<u32>(bodyPtr + statsCapacityRecordsOffset, view.capacityRecords);
  store<u32>(bodyPtr + statsCapacityBytesOffset, view.capacityBytes);
  store<u32>(bodyPtr + statsUsedRecordsOffset, view.usedRecords);
  store<u32>(bodyPtr + statsUsedBytesOffset, view.usedBytes);
  return frameBytes;
}

function decodeStatsBody(bodyPtr: usize): void {
  logStats.appended = load<u64>(bodyPtr + statsAppendedOffset);
  logStats.dropped = load<u64>(bodyPtr + statsDroppedOffset);
  logStats.rejected = load<u64>(bodyPtr + statsRejectedOffset);
  logStats.nextId = load<u64>(bodyPtr + statsNextIdOffset);
  logStats.capacityRecords = load<u32>(bodyPtr + statsCapacityRecordsOffset);
  logStats.capacityBytes = load<u32>(bodyPtr + statsCapacityBytesOffset);
  logStats.usedRecords = load<u32>(bodyPtr + statsUsedRecordsOffset);
  logStats.usedBytes = load<u32>(bodyPtr + statsUsedBytesOffset);
}

// QUERY response body: a fixed part, then count records back to back.
//
//   0                           8              10             12
//   +---------------------------+--------------+--------------+---------+-----+---------+
//   |        next cursor        |    count     |    flags     | record  | ... | record  |
//   |            u64            |     u16      |     u16      |         |     |         |
//   +---------------------------+--------------+--------------+---------+-----+---------+
//
// next cursor: the cursor for the next page. flags: bit 0 (more) = records after next cursor
// may match; bit 1 (gap) = the cursor was older than the oldest kept record.
//
// One record, also the journal's stored layout:
//
//   0              8              16        20      21       22          24          26
//   +--------------+--------------+---------+-------+--------+-----------+-----------+
//   |      id      | timestamp ns | sender  | level |reserved|scope bytes|msg bytes  |
//   |     u64      |     u64      |   u32   |  u8   |   u8   |    u16    |    u16    |
//   +--------------+--------------+---------+-------+--------+-----------+-----------+
//   26            28
//   +-------------+-------+---------+--------+
//   |fields bytes | scope | message | fields |
//   |    u16      |       |         |        |
//   +-------------+-------+---------+--------+

const queryResponseNextCursorOffset: i32 = 0;
const queryResponseCountOffset: i32 = 8;
const queryResponseFlagsOffset: i32 = 10;
// Where a QUERY response's first record starts, counted from the frame's first byte.
export const logQueryResponseRecordsOffset: i32 = logHeaderBytes + logQueryResponseFixedBytes;

const recordIdOffset: i32 = 0;
const recordTimestampOffset: i32 = 8;
const recordSenderOffset: i32 = 16;
const recordLevelOffset: i32 = 20;
const recordReservedOffset: i32 = 21;
const recordScopeBytesOffset: i32 = 22;
const recordMessageBytesOffset: i32 = 24;
const recordFieldsBytesOffset: i32 = 26;

export function logRecordBytes(scopeBytes: i32, messageBytes: i32, fieldsBytes: i32): i32 {
  return logRecordFixedBytes + scopeBytes + messageBytes + fieldsBytes;
}

// Writes one record; its parts must already satisfy the APPEND rules.
export function logEncodeRecord(outPtr: usize, outCapacity: i32, view: LogRecord): i32 {
  const recordBytes = logRecordBytes(view.scopeBytes, view.messageBytes, view.fieldsBytes);
  assert(recordBytes <= logRecordBytesMax, "record parts within their caps");
  if (recordBytes > outCapacity) return -<i32>logStatusTooLarge;

  store<u64>(outPtr + recordIdOffset, view.id);
  store<u64>(outPtr + recordTimestampOffset, view.timestampNs);
  store<u32>(outPtr + recordSenderOffset, view.sender);
  store<u8>(outPtr + recordLevelOffset, view.level);
  store<u8>(outPtr + recordReservedOffset, 0);
  store<u16>(outPtr + recordScopeBytesOffset, <u16>view.scopeBytes);
  store<u16>(outPtr + recordMessageBytesOffset, <u16>view.messageBytes);
  store<u16>(outPtr + recordFieldsBytesOffset, <u16>view.fieldsBytes);

  const scopeOut = outPtr + logRecordFixedBytes;
  memory.copy(scopeOut, view.scopePtr, view.scopeBytes);
  memory.copy(scopeOut + view.scopeBytes, view.messagePtr, view.messageBytes);
  memory.copy(scopeOut + view.scopeBytes + view.messageBytes, view.fieldsPtr, view.fieldsBytes);
  return recordBytes;
}

// Decodes the record at ptr into view, reading at most bytesLeft bytes. Returns the record's
// length, or -logStatusMalformed when it does not fit or breaks the size or level rules.
export function logDecodeRecord(ptr: usize, bytesLeft: i32, view: LogRecord): i32 {
  if (bytesLeft < logRecordFixedBytes) return -<i32>logStatusMalformed;
  const scopeBytes = <i32>load<u16>(ptr + recordScopeBytesOffset);
  const messageBytes = <i32>load<u16>(ptr + recordMessageBytesOffset);
  const fieldsBytes = <i32>load<u16>(ptr + recordFieldsBytesOffset);
  const recordBytes = logRecordBytes(scopeBytes, messageBytes, fieldsBytes);
  if (recordBytes > bytesLeft) return -<i32>logStatusMalformed;

  if (scopeBytes == 0 || scopeBytes > logScopeBytesMax) return -<i32>logStatusMalformed;
  if (messageBytes > logMessageBytesMax) return -<i32>logStatusMalformed;
  if (fieldsBytes > logFieldsBytesMax) return -<i32>logStatusMalformed;
  const level = load<u8>(ptr + recordLevelOffset);
  if (logCheckLevel(level) != logStatusOk) return -<i32>logStatusMalformed;

  view.id = load<u64>(ptr + recordIdOffset);
  view.timestampNs = load<u64>(ptr + recordTimestampOffset);
  view.sender = load<u32>(ptr + recordSenderOffset);
  view.level = level;
  view.scopePtr = ptr + logRecordFixedBytes;
  view.scopeBytes = scopeBytes;
  view.messagePtr = view.scopePtr + scopeBytes;
  view.messageBytes = messageBytes;
  view.fieldsPtr = view.messagePtr + messageBytes;
  view.fieldsBytes = fieldsBytes;
  return recordBytes;
}

// Completes a QUERY response whose recordsBytes of records the caller already wrote at
// outPtr + logQueryResponseRecordsOffset. Returns the frame length.
export function logEncodeQueryResponseHead(
  outPtr: usize, nextCursor: u64, count: i32, flags: u16, recordsBytes: i32,
): i32 {
  assert(count >= 0 && count <= logQueryRecordsMax, "page count within its cap");
  assert(recordsBytes >= 0 && recordsBytes <= logQueryResponseBytesMax, "page bytes capped");
  const bodyBytes = logQueryResponseFixedBytes + recordsBytes;
  writeHeader(outPtr, logOpQuery | logOpResponseBit, logStatusOk, bodyBytes);

  const bodyPtr = outPtr + logHeaderBytes;
  store<u64>(bodyPtr + queryResponseNextCursorOffset, nextCursor);
  store<u16>(bodyPtr + queryResponseCountOffset, <u16>count);
  store<u16>(bodyPtr + queryResponseFlagsOffset, flags);
  return logHeaderBytes + bodyBytes;
}

// Walks a QUERY response's records: exactly count of them must fill the records part.
function decodeQueryBody(bodyPtr: usize, bodyBytes: i32): u8 {
  if (bodyBytes < logQueryResponseFixedBytes) return logStatusMalformed;
  const count = load<u16>(bodyPtr + queryResponseCountOffset);
  if (<i32>count > logQueryRecordsMax) return logStatusMalformed;
  logResponse.nextCursor = load<u64>(bodyPtr + queryResponseNextCursorOffset);
  logResponse.count = count;
  logResponse.flags = load<u16>(bodyPtr + queryResponseFlagsOffset);
  logResponse.recordsPtr = bodyPtr + logQueryResponseFixedBytes;
  logResponse.recordsBytes = bodyBytes - logQueryResponseFixedBytes;

  let offset = 0;
  for (let i = 0; i < <i32>count; i++) {
    const bytesLeft = logResponse.recordsBytes - offset;
    const recordBytes = logDecodeRecord(logResponse.recordsPtr + offset, bytesLeft, logRecord);
    if (recordBytes < 0) return logStatusMalformed;
    offset += recordBytes;
  }
  if (offset != logResponse.recordsBytes) return logStatusMalformed;
  return logStatusOk;
}

function decodeOkBody(op: u8, bodyPtr: usize, bodyBytes: i32): u8 {
  if (op == logOpQuery) return decodeQueryBody(bodyPtr, bodyBytes);
  if (op == logOpAppend) {
    if (bodyBytes != logAppendResponseBytes) return logStatusMalformed;
    logResponse.recordId = load<u64>(bodyPtr);
    logResponse.dropped = load<u64>(bodyPtr + 8);
    return logStatusOk;
  }
  if (bodyBytes != logStatsResponseBytes) return logStatusMalformed;
  decodeStatsBody(bodyPtr);
  return logStatusOk;
}

// Decodes one response frame into logResponse (and logStats for STATS). The return value
// says whether the frame itself is well formed; logResponse.status is what the server said.
// Records of a QUERY page are read one by one with logDecodeRecord from recordsPtr.
export function logDecodeResponse(framePtr: usize, frameBytes: i32): u8 {
  const headerStatus = checkHeader(framePtr, frameBytes);
  if (headerStatus != logStatusOk) return headerStatus;
  const op = load<u8>(framePtr + headerOpOffset);
  if ((op & logOpResponseBit) == 0) return logStatusUnsupportedOp;
  const requestOp = op & ~logOpResponseBit;
  const status = load<u8>(framePtr + headerStatusOffset);
  if (status > logStatusLast) return logStatusMalformed;
  logResponse.op = requestOp;
  logResponse.status = status;
  const bodyBytes = frameBytes - logHeaderBytes;
  // An error response echoes whatever op the refused request carried, known or not.
  if (status != logStatusOk) return bodyBytes == 0 ? logStatusOk : logStatusMalformed;
  // No v1 op but APPEND, QUERY and STATS has an ok response; SUBSCRIBE's is not defined yet.
  if (!isRequestOp(requestOp)) return logStatusUnsupportedOp;
  return decodeOkBody(requestOp, framePtr + logHeaderBytes, bodyBytes);
}
