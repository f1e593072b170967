// Filling LOG v1 views from flat values: for the test-facing module wrappers
// (log-v1.module.ts, ../logd/journal.module.ts), whose exports take plain numbers.

import { LogQuery, LogRecord } from "./log-v1";

export function setQuery(
  view: LogQuery, cursor: u64, timestampMinNs: u64, sender: u32, recordsMax: u16,
  bytesMax: u16, levelMax: u8, scopePtr: usize, scopeBytes: i32,
): LogQuery {
  view.cursor = cursor;
  view.timestampMinNs = timestampMinNs;
  view.sender = sender;
  view.recordsMax = recordsMax;
  view.bytesMax = bytesMax;
  view.levelMax = levelMax;
  view.scopePtr = scopePtr;
  view.scopeBytes = scopeBytes;
  return view;
}

export function setRecord(
  view: LogRecord, id: u64, timestampNs: u64, sender: u32, level: u8,
  scopePtr: usize, scopeBytes: i32, messagePtr: usize, messageBytes: i32,
  fieldsPtr: usize, fieldsBytes: i32,
): LogRecord {
  view.id = id;
  view.timestampNs = timestampNs;
  view.sender = sender;
  view.level = level;
  view.scopePtr = scopePtr;
  view.scopeBytes = scopeBytes;
  view.messagePtr = messagePtr;
  view.messageBytes = messageBytes;
  view.fieldsPtr = fieldsPtr;
  view.fieldsBytes = fieldsBytes;
  return view;
}
