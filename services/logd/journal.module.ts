// The logd journal and its console mirror as a standalone module, for the journal tests.
//
// Owns: an input area the host writes record parts into, an output area QUERY pages and
// mirror lines are written to, and flat wrappers that take plain numbers.
// Does not: add behaviour; every wrapper forwards to journal.ts or mirror.ts.

import {
  journalBytesDefault, journalBytesMax, journalRecordsDefault, journalRecordsMax,
  journalRecordsMin, logQueryRecordsMax, messageBytesMax, mirrorLineBytesMax,
} from "../lib/limits";
import { LogAppend, LogQuery, LogRecord, LogStats } from "../lib/log-v1";
import {
  journalAppend, journalCountRejected, journalDropped, journalInit, journalQuery, journalRead,
  journalStats,
} from "./journal";
import { setQuery, setRecord } from "../lib/log-v1-views";
import { mirrorFormat } from "./mirror";

export {
  journalBytesDefault, journalBytesMax, journalRecordsDefault, journalRecordsMax,
  journalRecordsMin, logQueryRecordsMax, messageBytesMax, mirrorLineBytesMax,
};
export {
  logRecordBytesMin, logRecordBytesMax, logQueryPageBytesMin, logQueryResponseBytesMax,
  logQueryFlagMore, logQueryFlagGap, logStatusOk, logStatusInvalidArgument,
} from "../lib/log-v1";

export const areaBytes: i32 = messageBytesMax;
const inputArea = memory.data(areaBytes, 8);
const outputArea = memory.data(areaBytes, 8);
const appendScratch = changetype<LogAppend>(memory.data(offsetof<LogAppend>(), 8));
const queryScratch = changetype<LogQuery>(memory.data(offsetof<LogQuery>(), 8));
const recordScratch = changetype<LogRecord>(memory.data(offsetof<LogRecord>(), 8));
const statsScratch = changetype<LogStats>(memory.data(offsetof<LogStats>(), 8));

export function inputPtr(): usize { return inputArea; }
export function outputPtr(): usize { return outputArea; }

export function init(records: i32, bytes: i32): u8 {
  return journalInit(records, bytes);
}

// Appends parts already in the input area; returns the id, or 0 when rejected.
export function append(
  sender: u32, level: u8, scopePtr: usize, scopeBytes: i32, messagePtr: usize,
  messageBytes: i32, fieldsPtr: usize, fieldsBytes: i32, timestampNs: u64,
): u64 {
  appendScratch.level = level;
  appendScratch.scopePtr = scopePtr;
  appendScratch.scopeBytes = scopeBytes;
  appendScratch.messagePtr = messagePtr;
  appendScratch.messageBytes = messageBytes;
  appendScratch.fieldsPtr = fieldsPtr;
  appendScratch.fieldsBytes = fieldsBytes;
  return journalAppend(appendScratch, sender, timestampNs);
}

export function countRejected(): void { journalCountRejected(); }
export function dropped(): u64 { return journalDropped(); }

// Writes a QUERY response frame into the output area; returns its length.
export function query(
  cursor: u64, timestampMinNs: u64, sender: u32, recordsMax: u16, bytesMax: u16,
  levelMax: u8, scopePtr: usize, scopeBytes: i32,
): i32 {
  const view = setQuery(queryScratch, cursor, timestampMinNs, sender, recordsMax, bytesMax,
    levelMax, scopePtr, scopeBytes);
  return journalQuery(view, outputArea, areaBytes);
}

export function stats(): void { journalStats(statsScratch); }
export function statsAppended(): u64 { return statsScratch.appended; }
export function statsDropped(): u64 { return statsScratch.dropped; }
export function statsRejected(): u64 { return statsScratch.rejected; }
export function statsNextId(): u64 { return statsScratch.nextId; }
export function statsCapacityRecords(): u32 { return statsScratch.capacityRecords; }
export function statsCapacityBytes(): u32 { return statsScratch.capacityBytes; }
export function statsUsedRecords(): u32 { return statsScratch.usedRecords; }
export function statsUsedBytes(): u32 { return statsScratch.usedBytes; }

// Formats the kept record `id` as a mirror line in the output area; -1 when not kept.
export function mirror(id: u64): i32 {
  if (!journalRead(id, recordScratch)) return -1;
  return mirrorFormat(recordScratch, outputArea, areaBytes);
}

// Formats a record built from parts in the input area, kept or not.
export function mirrorParts(
  id: u64, timestampNs: u64, sender: u32, level: u8, scopePtr: usize, scopeBytes: i32,
  messagePtr: usize, messageBytes: i32, fieldsPtr: usize, fieldsBytes: i32,
): i32 {
  const view = setRecord(recordScratch, id, timestampNs, sender, level, scopePtr, scopeBytes,
    messagePtr, messageBytes, fieldsPtr, fieldsBytes);
  return mirrorFormat(view, outputArea, areaBytes);
}
