// Reading logd's journal from a program: QUERY one page, then visit its records. Used by
// execd (the crash report's recent records) and the selftests. Pages by record id, so a
// caller that follows nextCursor sees every matching record once.

import {
  logDecodeRecord, logDecodeResponse, logEncodeQueryRequest, logEncodeStatsRequest,
  logQuery, logQueryResponseBytesMax, logRecord, logResponse, logStatusOk,
} from "./log-v1";
import { logQueryRecordsMax, messageBytesMax } from "./limits";
import { call, replyLen, replyPtr } from "./sys";

const request = memory.data(256, 8);
/** A copy of the last page, so records stay readable across further syscalls. */
const page = memory.data(messageBytesMax, 8);
let pageBytes: i32 = 0;
let pageOffset: i32 = 0;

/** The cursor to ask for next, and whether logd said more records may follow. */
export let nextCursor: u64 = 0;

/**
 * Asks logd for records with id >= cursor from `sender` (0: anyone) in `scope` ("": any).
 * Returns the LOG status (logStatusOk), or 0xff when the call itself failed.
 */
export function queryPage(handle: u32, cursor: u64, sender: u32, scope: string,
  recordsMax: u16 = <u16>logQueryRecordsMax): u8 {
  const scopeBytes = String.UTF8.encode(scope);
  logQuery.cursor = cursor;
  logQuery.timestampMinNs = 0;
  logQuery.sender = sender;
  logQuery.recordsMax = recordsMax;
  logQuery.bytesMax = <u16>logQueryResponseBytesMax;
  logQuery.levelMax = 0;
  logQuery.scopePtr = changetype<usize>(scopeBytes);
  logQuery.scopeBytes = scopeBytes.byteLength;
  const length = logEncodeQueryRequest(request, 256, logQuery);
  if (length < 0) return <u8>(-length);
  return exchange(handle, length);
}

/** Asks logd for its counters; on logStatusOk they are in log-v1's logStats. */
export function queryStats(handle: u32): u8 {
  return exchange(handle, logEncodeStatsRequest(request, 256));
}

/** Sends raw request bytes (for negative tests) and decodes the response. */
export function exchangeRaw(handle: u32, ptr: usize, length: i32): u8 {
  if (call(handle, ptr, length) < 0) return 0xff;
  const status = logDecodeResponse(replyPtr, replyLen);
  return status != logStatusOk ? status : logResponse.status;
}

function exchange(handle: u32, length: i32): u8 {
  if (call(handle, request, length) < 0) return 0xff;
  const status = logDecodeResponse(replyPtr, replyLen);
  if (status != logStatusOk) return status;
  if (logResponse.status != logStatusOk) return logResponse.status;
  nextCursor = logResponse.nextCursor;
  pageBytes = logResponse.recordsBytes;
  pageOffset = 0;
  if (pageBytes > 0) memory.copy(page, logResponse.recordsPtr, pageBytes);
  return logStatusOk;
}

/** Moves to the next record of the page into log-v1's logRecord; false at the end. */
export function nextRecord(): bool {
  if (pageOffset >= pageBytes) return false;
  const used = logDecodeRecord(page + pageOffset, pageBytes - pageOffset, logRecord);
  if (used <= 0) return false;
  pageOffset += used;
  return true;
}

export function recordScope(): string {
  return String.UTF8.decodeUnsafe(logRecord.scopePtr, logRecord.scopeBytes);
}

export function recordMessage(): string {
  return String.UTF8.decodeUnsafe(logRecord.messagePtr, logRecord.messageBytes);
}

export function recordFields(): string {
  return String.UTF8.decodeUnsafe(logRecord.fieldsPtr, logRecord.fieldsBytes);
}
