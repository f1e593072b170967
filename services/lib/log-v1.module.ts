// The LOG v1 codec as a standalone module: what the contract tests drive and what the WAT
// snapshot shows a reviewer.
//
// Owns: two static byte areas (input, output) the host fills and reads, and flat wrappers
// that take and return plain numbers, so a test needs no knowledge of the view layouts.
// Does not: add any behaviour; every wrapper forwards to log-v1.ts.

import { setQuery, setRecord } from "./log-v1-views";
import { logFieldsBytesMax, logMessageBytesMax, logQueryRecordsMax, logScopeBytesMax,
  messageBytesMax } from "./limits";
import {
  LogQuery,
  LogRecord,
  LogStats,
  logAppend,
  logCheckFields,
  logCheckMessage,
  logCheckScope,
  logDecodeRecord,
  logDecodeRequest,
  logDecodeResponse,
  logEncodeAppendRequest,
  logEncodeAppendResponse,
  logEncodeErrorResponse,
  logEncodeQueryRequest,
  logEncodeQueryResponseHead,
  logEncodeRecord,
  logEncodeStatsRequest,
  logEncodeStatsResponse,
  logQuery,
  logQueryResponseRecordsOffset,
  logRecord,
  logRequestOp,
  logResponse,
  logStats,
} from "./log-v1";

export {
  logMagic, logVersion, logOpAppend, logOpQuery, logOpStats, logOpSubscribe, logOpResponseBit,
  logStatusOk, logStatusMalformed, logStatusUnsupportedVersion, logStatusUnsupportedOp,
  logStatusTooLarge, logStatusInvalidArgument, logStatusRejected,
  logLevelError, logLevelWarn, logLevelInfo, logLevelDebug, logLevelTrace,
  logQueryFlagMore, logQueryFlagGap, logHeaderBytes, logRecordBytesMin, logRecordBytesMax,
  logQueryResponseBytesMax, logQueryPageBytesMin, logAppendRequestBytesMax,
  logQueryResponseRecordsOffset,
} from "./log-v1";
export { logFieldsBytesMax, logMessageBytesMax, logQueryRecordsMax, logScopeBytesMax,
  messageBytesMax };

// Twice the message cap, so a test can hand over a frame one byte past it.
export const areaBytes: i32 = 2 * messageBytesMax;
const inputArea = memory.data(areaBytes, 8);
const outputArea = memory.data(areaBytes, 8);
const queryScratch = changetype<LogQuery>(memory.data(offsetof<LogQuery>(), 8));
const recordScratch = changetype<LogRecord>(memory.data(offsetof<LogRecord>(), 8));
const statsScratch = changetype<LogStats>(memory.data(offsetof<LogStats>(), 8));

export function inputPtr(): usize { return inputArea; }
export function outputPtr(): usize { return outputArea; }

// Requests, decoded from the input area.
export function decodeRequest(frameBytes: i32): u8 {
  return logDecodeRequest(inputArea, frameBytes);
}
export function requestOp(): u8 { return logRequestOp; }
export function appendLevel(): u8 { return logAppend.level; }
export function appendScopePtr(): usize { return logAppend.scopePtr; }
export function appendScopeBytes(): i32 { return logAppend.scopeBytes; }
export function appendMessagePtr(): usize { return logAppend.messagePtr; }
export function appendMessageBytes(): i32 { return logAppend.messageBytes; }
export function appendFieldsPtr(): usize { return logAppend.fieldsPtr; }
export function appendFieldsBytes(): i32 { return logAppend.fieldsBytes; }
export function queryCursor(): u64 { return logQuery.cursor; }
export function queryTimestampMinNs(): u64 { return logQuery.timestampMinNs; }
export function querySender(): u32 { return logQuery.sender; }
export function queryRecordsMax(): u16 { return logQuery.recordsMax; }
export function queryBytesMax(): u16 { return logQuery.bytesMax; }
export function queryLevelMax(): u8 { return logQuery.levelMax; }
export function queryScopePtr(): usize { return logQuery.scopePtr; }
export function queryScopeBytes(): i32 { return logQuery.scopeBytes; }

// Content rules, on bytes in the input area.
export function checkScope(ptr: usize, bytes: i32): u8 { return logCheckScope(ptr, bytes); }
export function checkMessage(ptr: usize, bytes: i32): u8 { return logCheckMessage(ptr, bytes); }
export function checkFields(ptr: usize, bytes: i32): u8 { return logCheckFields(ptr, bytes); }

// Requests, encoded into the output area from parts in the input area.
export function encodeAppendRequest(
  level: u8, scopePtr: usize, scopeBytes: i32, messagePtr: usize, messageBytes: i32,
  fieldsPtr: usize, fieldsBytes: i32,
): i32 {
  return logEncodeAppendRequest(outputArea, messageBytesMax, level, scopePtr, scopeBytes,
    messagePtr, messageBytes, fieldsPtr, fieldsBytes);
}

export function encodeQueryRequest(
  cursor: u64, timestampMinNs: u64, sender: u32, recordsMax: u16, bytesMax: u16,
  levelMax: u8, scopePtr: usize, scopeBytes: i32,
): i32 {
  const view = setQuery(queryScratch, cursor, timestampMinNs, sender, recordsMax, bytesMax,
    levelMax, scopePtr, scopeBytes);
  return logEncodeQueryRequest(outputArea, messageBytesMax, view);
}

export function encodeStatsRequest(): i32 {
  return logEncodeStatsRequest(outputArea, messageBytesMax);
}

// Responses, encoded into the output area.
export function encodeErrorResponse(requestOp: u8, status: u8): i32 {
  return logEncodeErrorResponse(outputArea, messageBytesMax, requestOp, status);
}

export function encodeAppendResponse(recordId: u64, dropped: u64): i32 {
  return logEncodeAppendResponse(outputArea, messageBytesMax, recordId, dropped);
}

export function encodeStatsResponse(
  appended: u64, dropped: u64, rejected: u64, nextId: u64,
  capacityRecords: u32, capacityBytes: u32, usedRecords: u32, usedBytes: u32,
): i32 {
  statsScratch.appended = appended;
  statsScratch.dropped = dropped;
  statsScratch.rejected = rejected;
  statsScratch.nextId = nextId;
  statsScratch.capacityRecords = capacityRecords;
  statsScratch.capacityBytes = capacityBytes;
  statsScratch.usedRecords = usedRecords;
  statsScratch.usedBytes = usedBytes;
  return logEncodeStatsResponse(outputArea, messageBytesMax, statsScratch);
}

// Writes one record of a QUERY response at `recordsOffset` bytes into its records part.
export function encodeQueryRecord(
  recordsOffset: i32, id: u64, timestampNs: u64, sender: u32, level: u8,
  scopePtr: usize, scopeBytes: i32, messagePtr: usize, messageBytes: i32,
  fieldsPtr: usize, fieldsBytes: i32,
): i32 {
  const view = setRecord(recordScratch, id, timestampNs, sender, level, scopePtr, scopeBytes,
    messagePtr, messageBytes, fieldsPtr, fieldsBytes);
  const recordPtr = outputArea + logQueryResponseRecordsOffset + recordsOffset;
  const capacity = messageBytesMax - logQueryResponseRecordsOffset - recordsOffset;
  return logEncodeRecord(recordPtr, capacity, view);
}

export function encodeQueryResponseHead(
  nextCursor: u64, count: i32, flags: u16, recordsBytes: i32,
): i32 {
  return logEncodeQueryResponseHead(outputArea, nextCursor, count, flags, recordsBytes);
}

// Responses, decoded from the input area.
export function decodeResponse(frameBytes: i32): u8 {
  return logDecodeResponse(inputArea, frameBytes);
}
export function responseOp(): u8 { return logResponse.op; }
export function responseStatus(): u8 { return logResponse.status; }
export function responseRecordId(): u64 { return logResponse.recordId; }
export function responseDropped(): u64 { return logResponse.dropped; }
export function responseNextCursor(): u64 { return logResponse.nextCursor; }
export function responseCount(): u16 { return logResponse.count; }
export function responseFlags(): u16 { return logResponse.flags; }
export function responseRecordsPtr(): usize { return logResponse.recordsPtr; }
export function responseRecordsBytes(): i32 { return logResponse.recordsBytes; }
export function statsAppended(): u64 { return logStats.appended; }
export function statsDropped(): u64 { return logStats.dropped; }
export function statsRejected(): u64 { return logStats.rejected; }
export function statsNextId(): u64 { return logStats.nextId; }
export function statsCapacityRecords(): u32 { return logStats.capacityRecords; }
export function statsCapacityBytes(): u32 { return logStats.capacityBytes; }
export function statsUsedRecords(): u32 { return logStats.usedRecords; }
export function statsUsedBytes(): u32 { return logStats.usedBytes; }

// One record of a decoded QUERY response; returns its length or a negative status.
export function decodeRecord(ptr: usize, bytesLeft: i32): i32 {
  return logDecodeRecord(ptr, bytesLeft, logRecord);
}
export function recordId(): u64 { return logRecord.id; }
export function recordTimestampNs(): u64 { return logRecord.timestampNs; }
export function recordSender(): u32 { return logRecord.sender; }
export function recordLevel(): u8 { return logRecord.level; }
export function recordScopePtr(): usize { return logRecord.scopePtr; }
export function recordScopeBytes(): i32 { return logRecord.scopeBytes; }
export function recordMessagePtr(): usize { return logRecord.messagePtr; }
export function recordMessageBytes(): i32 { return logRecord.messageBytes; }
export function recordFieldsPtr(): usize { return logRecord.fieldsPtr; }
export function recordFieldsBytes(): i32 { return logRecord.fieldsBytes; }
