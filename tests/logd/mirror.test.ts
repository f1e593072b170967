// The console mirror line: exact format, JSON escaping, and the length bound.

import { beforeEach, describe, expect, test } from "vitest";
import { InputArea, fromUtf8, read } from "../log-v1/harness.ts";
import { Journal } from "./journal-harness.ts";

type Parts = {
  id?: bigint;
  timestampNs?: bigint;
  sender?: number;
  level?: number;
  scope?: string;
  message?: string | Uint8Array;
  fields?: string;
};

let journal: Journal;
let input: InputArea;
let lineBytesMax: number;
const marker = ',"truncated":true}\n';

beforeEach(async () => {
  journal = await Journal.load();
  input = new InputArea(journal.core);
  lineBytesMax = journal.constant("mirrorLineBytesMax");
});

// Formats parts directly (no journal, no content rules) and returns the line as text.
function mirrorLine(parts: Parts): string {
  input.reset();
  const scope = input.put(parts.scope ?? "logd");
  const message = input.put(parts.message ?? "ready");
  const fields = input.put(parts.fields ?? "");
  const lineBytes = journal.core.exports.mirrorParts(parts.id ?? 1n, parts.timestampNs ?? 0n,
    parts.sender ?? 1, parts.level ?? 3, ...scope, ...message, ...fields);
  expect(lineBytes).toBeGreaterThan(0);
  expect(lineBytes).toBeLessThanOrEqual(lineBytesMax);
  return fromUtf8.decode(read(journal.core, journal.core.exports.outputPtr(), lineBytes));
}

describe("mirror format", () => {
  test("mirror: a record becomes one JSON line with fields as an object", () => {
    const line = mirrorLine({ id: 7n, timestampNs: 1500n, sender: 3, level: 3, scope: "logd",
      message: "ready", fields: "endpoint=log\nqueue=8" });
    expect(line).toBe('{"id":7,"ts_ns":1500,"pid":3,"level":"info","scope":"logd",' +
      '"msg":"ready","fields":{"endpoint":"log","queue":"8"}}\n');
  });

  test("mirror: every level has its name", () => {
    const names = [1, 2, 3, 4, 5].map((level) => JSON.parse(mirrorLine({ level })).level);
    expect(names).toEqual(["error", "warn", "info", "debug", "trace"]);
  });

  test("mirror: the largest numbers print in full", () => {
    const parsed = mirrorLine({ id: 2n ** 64n - 1n, timestampNs: 2n ** 64n - 1n,
      sender: 2 ** 32 - 1 });
    expect(parsed).toContain('"id":18446744073709551615,"ts_ns":18446744073709551615,');
    expect(parsed).toContain('"pid":4294967295,');
  });

  test("mirror: quotes, backslashes and control bytes are escaped", () => {
    const message = "q\" b\\ t\t n\n r\r nul\u0000 esc\u001b del\u007f bs\b ff\f";
    const line = mirrorLine({ message, fields: "a=\"x\"\nb=\\" });
    expect(line).toContain('"msg":"q\\" b\\\\ t\\t n\\n r\\r nul\\u0000 esc\\u001b del\\u007f ' +
      'bs\\b ff\\f"');
    expect(line.indexOf("\n")).toBe(line.length - 1);
    const parsed = JSON.parse(line);
    expect(parsed.msg).toBe(message);
    expect(parsed.fields).toEqual({ a: "\"x\"", b: "\\" });
  });

  test("mirror: non-ASCII UTF-8 passes through unescaped", () => {
    const line = mirrorLine({ message: "naïve ✓ 𝄞", fields: "k=é" });
    expect(line).toContain('"msg":"naïve ✓ 𝄞"');
    expect(JSON.parse(line).fields).toEqual({ k: "é" });
  });

  test("mirror: empty message and fields give an empty string and object", () => {
    expect(JSON.parse(mirrorLine({ message: "", fields: "" }))).toMatchObject({ msg: "",
      fields: {} });
  });

  test("mirror: a kept record mirrors from the journal by id", () => {
    journal.append({ sender: 9, level: 2, scope: "execd", message: "child exited",
      fields: "code=1", timestampNs: 42n });
    const lineBytes = journal.core.exports.mirror(1n);
    const line = fromUtf8.decode(read(journal.core, journal.core.exports.outputPtr(),
      lineBytes));
    expect(line).toBe('{"id":1,"ts_ns":42,"pid":9,"level":"warn","scope":"execd",' +
      '"msg":"child exited","fields":{"code":"1"}}\n');
    expect(journal.core.exports.mirror(2n)).toBe(-1);
  });
});

describe("mirror bound", () => {
  test("mirror: a message of escapes is cut at the bound with the marker", () => {
    const message = "\u0001".repeat(256);
    const line = mirrorLine({ message, fields: "k=v" });
    expect(line.endsWith(marker)).toBe(true);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(lineBytesMax);
    const parsed = JSON.parse(line);
    expect(parsed.truncated).toBe(true);
    expect(message.startsWith(parsed.msg)).toBe(true);
    expect(parsed.fields).toBeUndefined();
  });

  test("mirror: fields of escapes are cut at the bound with the marker", () => {
    const fields = "a=1\nb=" + "\u0002".repeat(200) + "\nc=" + "\u0003".repeat(200);
    const line = mirrorLine({ message: "m".repeat(100), fields });
    expect(line.endsWith(marker)).toBe(true);
    const parsed = JSON.parse(line);
    expect(parsed.fields.a).toBe("1");
    expect("\u0002".repeat(200).startsWith(parsed.fields.b)).toBe(true);
    expect(parsed.fields.c === undefined || "\u0003".repeat(200).startsWith(parsed.fields.c))
      .toBe(true);
  });

  test("mirror: every cut point yields one valid JSON line within the bound", () => {
    // Strategy: slide the cut across the message, a key, a value and a multibyte character
    // by growing the message one escape at a time. Invariants: the line parses, stays within
    // mirrorLineBytesMax, has exactly one newline (at the end), never splits a character
    // (the decoder is fatal), and says truncated exactly when something was left out.
    const fields = "alpha=" + "é\u0004".repeat(60) + "\nbeta=" + "\u0005✓".repeat(40) +
      "\ngamma_key_long=" + "x".repeat(20);
    for (let escapes = 0; escapes <= 256; escapes++) {
      const message = "\u0001".repeat(escapes);
      const line = mirrorLine({ scope: "s".repeat(64), message, fields });
      expect(line.indexOf("\n"), `escapes ${escapes}`).toBe(line.length - 1);
      const parsed = JSON.parse(line);
      const complete = parsed.msg === message && parsed.fields?.gamma_key_long === "x".repeat(20);
      expect(parsed.truncated === true, `escapes ${escapes}`).toBe(!complete);
    }
  });

  test("mirror: the same record always gives the same bytes", () => {
    const parts = { message: "\u0001".repeat(256), fields: "k=v" };
    expect(mirrorLine(parts)).toBe(mirrorLine(parts));
  });
});
