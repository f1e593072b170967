// The console mirror: one journal record as one line of JSON.
//
// Owns: the mirror line format, its JSON escaping and its length bound.
// Does not: choose which records are mirrored (logd mirrors info and above), write to the
// console, or read a clock: the line carries only the record's own id and timestamp, so the
// same boot gives the same bytes.
//
// The line, keys always in this order, fields in their (sorted) record order:
//
//   {"id":7,"ts_ns":1500,"pid":3,"level":"info","scope":"logd","msg":"ready",
//    "fields":{"endpoint":"log"}}\n
//
// (one line; wrapped here for width). Strings escape '"', '\\' and every control byte;
// non-ASCII UTF-8 passes through whole. A line never exceeds mirrorLineBytesMax bytes: when
// the message or fields do not fit, the line stops at a character or field boundary, closes
// what is open and ends with ,"truncated":true} so it is still one valid JSON object.

import { mirrorLineBytesMax } from "../lib/limits";
import {
  LogRecord,
  logLevelDebug,
  logLevelError,
  logLevelInfo,
  logLevelTrace,
  logLevelWarn,
} from "../lib/log-v1";

const truncationMarker = ',"truncated":true}';
// Ends the message and opens the fields object.
const fieldsOpener = '","fields":{';
// Room kept for closing a string and the fields object, the marker, and the newline.
const closingBytesMax: i32 = 2 + truncationMarker.length + 1;
// The longest possible part before the message: 20-digit numbers and a 64-byte scope.
const headBytesMax: i32 = 180;

function mirrorLimitsCheck(): void {
  assert(headBytesMax + closingBytesMax < mirrorLineBytesMax, "a line always has its head");
}
mirrorLimitsCheck();

// Where the line being written stands: `linePtr` is the next byte, `limitPtr` the last
// byte content may use (closers go past it, within the line's bound).
let linePtr: usize = 0;
let limitPtr: usize = 0;

function levelName(level: u8): string {
  if (level == logLevelError) return "error";
  if (level == logLevelWarn) return "warn";
  if (level == logLevelInfo) return "info";
  if (level == logLevelDebug) return "debug";
  if (level == logLevelTrace) return "trace";
  return "invalid";
}

// Writes an ASCII string literal. String literals are static data: no allocation.
function putAscii(text: string): void {
  for (let i = 0; i < text.length; i++) {
    store<u8>(linePtr, <u8>text.charCodeAt(i));
    linePtr += 1;
  }
}

function putDecimal(value: u64): void {
  let digits = 1;
  for (let rest = value / 10; rest > 0; rest /= 10) digits += 1;
  for (let i = digits - 1; i >= 0; i--) {
    store<u8>(linePtr + i, <u8>(0x30 + value % 10));
    value /= 10;
  }
  linePtr += digits;
}

function hexDigit(nibble: u8): u8 {
  return nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10;
}

// The bytes one source character takes once escaped, for the byte `c` that starts it.
function escapedBytes(c: u8): i32 {
  if (c == 0x22 || c == 0x5c) return 2;
  if (c == 0x08 || c == 0x09 || c == 0x0a || c == 0x0c || c == 0x0d) return 2;
  if (c < 0x20 || c == 0x7f) return 6;
  return 1;
}

function shortEscape(c: u8): u8 {
  if (c == 0x08) return 0x62; // b
  if (c == 0x09) return 0x74; // t
  if (c == 0x0a) return 0x6e; // n
  if (c == 0x0c) return 0x66; // f
  if (c == 0x0d) return 0x72; // r
  return c; // '"' and '\\' escape as themselves
}

function putEscapedByte(c: u8): void {
  const bytes = escapedBytes(c);
  if (bytes == 1) {
    store<u8>(linePtr, c);
    linePtr += 1;
    return;
  }
  if (bytes == 2) {
    store<u8>(linePtr, 0x5c);
    store<u8>(linePtr + 1, shortEscape(c));
    linePtr += 2;
    return;
  }
  putAscii("\\u00");
  store<u8>(linePtr, hexDigit(c >> 4));
  store<u8>(linePtr + 1, hexDigit(c & 0xf));
  linePtr += 2;
}

// How many bytes the UTF-8 sequence starting with `lead` spans (1 for ASCII, and for a
// stray byte, which the codec never lets through).
function sequenceBytes(lead: u8): i32 {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

// Writes bytes as JSON string content, whole characters only. False when the limit cut it.
function putEscaped(ptr: usize, bytes: i32): bool {
  let i = 0;
  while (i < bytes) {
    const c = load<u8>(ptr + i);
    if (c < 0x80) {
      if (linePtr + escapedBytes(c) > limitPtr) return false;
      putEscapedByte(c);
      i += 1;
      continue;
    }
    let characterBytes = sequenceBytes(c);
    if (characterBytes > bytes - i) characterBytes = bytes - i;
    if (linePtr + characterBytes > limitPtr) return false;
    memory.copy(linePtr, ptr + i, characterBytes);
    linePtr += characterBytes;
    i += characterBytes;
  }
  return true;
}

function indexOfByte(ptr: usize, from: i32, end: i32, byte: u8): i32 {
  for (let i = from; i < end; i++) {
    if (load<u8>(ptr + i) == byte) return i;
  }
  return -1;
}

// Open JSON a truncated line must close.
const openNothing: i32 = 0;
const openString: i32 = 1;
const openFieldsString: i32 = 2;
const openFields: i32 = 3;

// Writes the fields as object members; returns what is left open when the limit cut them.
function putFields(ptr: usize, bytes: i32): i32 {
  let lineStart = 0;
  while (lineStart < bytes) {
    let lineEnd = indexOfByte(ptr, lineStart, bytes, 0x0a);
    if (lineEnd < 0) lineEnd = bytes;
    let equals = indexOfByte(ptr, lineStart, lineEnd, 0x3d);
    if (equals < 0) equals = lineEnd;

    // Keys are [a-z0-9_.-]: they need no escaping, so their size is known up front.
    const memberHeadBytes = (lineStart > 0 ? 1 : 0) + 1 + (equals - lineStart) + 3;
    if (linePtr + memberHeadBytes > limitPtr) return openFields;
    if (lineStart > 0) putAscii(",");
    putAscii("\"");
    memory.copy(linePtr, ptr + lineStart, equals - lineStart);
    linePtr += equals - lineStart;
    putAscii("\":\"");

    const valueStart = equals < lineEnd ? equals + 1 : lineEnd;
    if (!putEscaped(ptr + valueStart, lineEnd - valueStart)) return openFieldsString;
    putAscii("\"");
    lineStart = lineEnd + 1;
  }
  return openNothing;
}

function finishTruncated(open: i32): void {
  if (open == openString || open == openFieldsString) putAscii("\"");
  if (open == openFieldsString || open == openFields) putAscii("}");
  putAscii(truncationMarker);
  putAscii("\n");
}

// Formats `record` as one JSON line ending in '\n' at outPtr and returns its length, at most
// mirrorLineBytesMax. outCapacity must be at least mirrorLineBytesMax.
export function mirrorFormat(record: LogRecord, outPtr: usize, outCapacity: i32): i32 {
  assert(outCapacity >= mirrorLineBytesMax, "the caller's buffer holds a whole line");
  linePtr = outPtr;
  limitPtr = outPtr + mirrorLineBytesMax - closingBytesMax;

  putAscii("{\"id\":");
  putDecimal(record.id);
  putAscii(",\"ts_ns\":");
  putDecimal(record.timestampNs);
  putAscii(",\"pid\":");
  putDecimal(record.sender);
  putAscii(",\"level\":\"");
  putAscii(levelName(record.level));
  putAscii("\",\"scope\":\"");
  putEscaped(record.scopePtr, record.scopeBytes);
  assert(<i32>(linePtr - outPtr) <= headBytesMax, "the head always fits");

  putAscii("\",\"msg\":\"");
  if (!putEscaped(record.messagePtr, record.messageBytes)) return lineEnd(outPtr, openString);
  if (linePtr + fieldsOpener.length > limitPtr) return lineEnd(outPtr, openString);
  putAscii(fieldsOpener);
  const open = putFields(record.fieldsPtr, record.fieldsBytes);
  if (open != openNothing) return lineEnd(outPtr, open);
  putAscii("}}\n");
  return <i32>(linePtr - outPtr);
}

function lineEnd(outPtr: usize, open: i32): i32 {
  finishTruncated(open);
  const lineBytes = <i32>(linePtr - outPtr);
  assert(lineBytes <= mirrorLineBytesMax, "closers fit in the reserved room");
  return lineBytes;
}
