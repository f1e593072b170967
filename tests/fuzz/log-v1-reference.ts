// A second reading of docs/protocols/log-v1.md, written from the document alone: it builds
// request frames and names the status a v1 server must answer a request frame with. The
// logd fuzzer holds the AssemblyScript codec to it; where they differ, one of the two misread
// the document.
//
// Owns: the request layouts and the check order of the "Statuses" section.
// Does not: decode responses or keep records (the journal harness reads those).

export const statusOk = 0;
export const statusMalformed = 1;
export const statusUnsupportedVersion = 2;
export const statusUnsupportedOp = 3;
export const statusTooLarge = 4;
export const statusInvalidArgument = 5;
export const statusRejected = 6;
export const statusLast = statusRejected;

export const opAppend = 1;
export const opQuery = 2;
export const opStats = 3;
export const opSubscribe = 4;

export const magic = 0x474c;
export const headerBytes = 8;
export const messageBytesMax = 4096;
export const scopeBytesMax = 64;
export const messageTextBytesMax = 256;
export const fieldsBytesMax = 512;
export const appendFixedBytes = 8;
export const queryFixedBytes = 28;
export const levelLast = 5;

export const scopeAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789_.-:/";
export const keyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789_.-";

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export type AppendRequest = { level: number; scope: string; message: string; fields: string };

export type QueryRequest = {
  cursor: bigint;
  timestampMinNs: bigint;
  sender: number;
  recordsMax: number;
  bytesMax: number;
  levelMax: number;
  scope: string;
};

export function requestFrame(op: number, body: Uint8Array): Uint8Array {
  const frame = new Uint8Array(headerBytes + body.length);
  const view = new DataView(frame.buffer);
  view.setUint16(0, magic, true);
  frame[2] = 1;
  frame[3] = op;
  view.setUint16(6, body.length, true);
  frame.set(body, headerBytes);
  return frame;
}

export function appendFrame(request: AppendRequest): Uint8Array {
  const parts = [request.scope, request.message, request.fields].map((p) => utf8.encode(p));
  const body = new Uint8Array(appendFixedBytes + parts[0].length + parts[1].length +
    parts[2].length);
  const view = new DataView(body.buffer);
  body[0] = request.level;
  parts.forEach((part, i) => view.setUint16(2 + 2 * i, part.length, true));
  body.set(parts[0], appendFixedBytes);
  body.set(parts[1], appendFixedBytes + parts[0].length);
  body.set(parts[2], appendFixedBytes + parts[0].length + parts[1].length);
  return requestFrame(opAppend, body);
}

export function queryFrame(request: QueryRequest): Uint8Array {
  const scope = utf8.encode(request.scope);
  const body = new Uint8Array(queryFixedBytes + scope.length);
  const view = new DataView(body.buffer);
  view.setBigUint64(0, request.cursor, true);
  view.setBigUint64(8, request.timestampMinNs, true);
  view.setUint32(16, request.sender, true);
  view.setUint16(20, request.recordsMax, true);
  view.setUint16(22, request.bytesMax, true);
  body[24] = request.levelMax;
  view.setUint16(26, scope.length, true);
  body.set(scope, queryFixedBytes);
  return requestFrame(opQuery, body);
}

export function statsFrame(): Uint8Array {
  return requestFrame(opStats, new Uint8Array(0));
}

// The status a v1 server answers `frame` with, checks in the order the document gives.
export function requestStatus(frame: Uint8Array): number {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.length < headerBytes) return statusMalformed;
  if (view.getUint16(0, true) !== magic) return statusMalformed;
  if (frame[2] !== 1) return statusUnsupportedVersion;
  if (frame.length > messageBytesMax) return statusTooLarge;
  if (frame[5] !== 0) return statusMalformed;
  if (view.getUint16(6, true) !== frame.length - headerBytes) return statusMalformed;

  const op = frame[3];
  if (op !== opAppend && op !== opQuery && op !== opStats) return statusUnsupportedOp;
  if (frame[4] !== 0) return statusMalformed;
  const body = frame.subarray(headerBytes);
  if (op === opAppend) return appendStatus(body);
  if (op === opQuery) return queryStatus(body);
  return body.length === 0 ? statusOk : statusMalformed;
}

function appendStatus(body: Uint8Array): number {
  if (body.length < appendFixedBytes || body[1] !== 0) return statusMalformed;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const [scopeBytes, messageBytes, fieldsBytes] = [2, 4, 6].map((at) => view.getUint16(at, true));
  if (appendFixedBytes + scopeBytes + messageBytes + fieldsBytes !== body.length) {
    return statusMalformed;
  }
  if (scopeBytes > scopeBytesMax || messageBytes > messageTextBytesMax) return statusTooLarge;
  if (fieldsBytes > fieldsBytesMax) return statusTooLarge;

  const scope = body.subarray(appendFixedBytes, appendFixedBytes + scopeBytes);
  const message = body.subarray(appendFixedBytes + scopeBytes,
    appendFixedBytes + scopeBytes + messageBytes);
  const fields = body.subarray(appendFixedBytes + scopeBytes + messageBytes);
  const valid = body[0] >= 1 && body[0] <= levelLast && isScope(scope) && isText(message) &&
    isFields(fields);
  return valid ? statusOk : statusInvalidArgument;
}

function queryStatus(body: Uint8Array): number {
  if (body.length < queryFixedBytes || body[25] !== 0) return statusMalformed;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const scopeBytes = view.getUint16(26, true);
  if (queryFixedBytes + scopeBytes !== body.length) return statusMalformed;
  if (scopeBytes > scopeBytesMax) return statusTooLarge;

  if (body[24] > levelLast || view.getUint16(20, true) === 0) return statusInvalidArgument;
  const scope = body.subarray(queryFixedBytes);
  return scope.length === 0 || isScope(scope) ? statusOk : statusInvalidArgument;
}

function isScope(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  return [...bytes].every((byte) => scopeAlphabet.includes(String.fromCharCode(byte)));
}

// Well-formed UTF-8 (the WHATWG decoder in fatal mode refuses overlong forms, surrogates and
// code points past U+10FFFF) with no control byte but tab.
function isText(bytes: Uint8Array): boolean {
  const control = (byte: number) => (byte < 0x20 && byte !== 0x09) || byte === 0x7f;
  if (bytes.some(control)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isFields(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  if (bytes[bytes.length - 1] === 0x0a) return false;
  let previousKey: string | null = null;
  let lineStart = 0;
  while (lineStart <= bytes.length) {
    let lineEnd = bytes.indexOf(0x0a, lineStart);
    if (lineEnd < 0) lineEnd = bytes.length;
    const line = bytes.subarray(lineStart, lineEnd);
    const equals = line.indexOf(0x3d);
    if (equals <= 0 || !isText(line.subarray(equals + 1))) return false;

    const key = String.fromCharCode(...line.subarray(0, equals));
    if (![...key].every((c) => keyAlphabet.includes(c)) || isReservedKey(key)) return false;
    if (previousKey !== null && !(previousKey < key)) return false;
    previousKey = key;
    lineStart = lineEnd + 1;
  }
  return true;
}

// Keys are ASCII here, so JavaScript's string order is the document's bytewise order.
export function isReservedKey(key: string): boolean {
  return key === "pid" || key.startsWith("sender");
}
