// Every way a LOG v1 frame can be wrong gets its defined status, and none of them traps.
// Valid frames come from the golden fixture; broken ones are built byte by byte here, since
// the codec's encoders refuse to produce them.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { type Core, InputArea, fromHex, loadCore, utf8 } from "./harness.ts";

const fixtureUrl = new URL("../fixtures/log-v1-golden.json", import.meta.url);
const vectors: { name: string; hex: string }[] =
  JSON.parse(readFileSync(fixtureUrl, "utf8")).vectors;
const golden = (name: string) => fromHex(vectors.find((vector) => vector.name === name)!.hex);

let core: Core;
let input: InputArea;
let status: Record<string, number>;

beforeAll(async () => {
  core = await loadCore("log-v1");
  input = new InputArea(core);
  const e = core.exports;
  status = {
    ok: e.logStatusOk.value,
    malformed: e.logStatusMalformed.value,
    unsupportedVersion: e.logStatusUnsupportedVersion.value,
    unsupportedOp: e.logStatusUnsupportedOp.value,
    tooLarge: e.logStatusTooLarge.value,
    invalidArgument: e.logStatusInvalidArgument.value,
  };
});

function decodeRequest(frame: Uint8Array): number {
  input.reset();
  input.put(frame);
  return core.exports.decodeRequest(frame.length);
}

function decodeResponse(frame: Uint8Array): number {
  input.reset();
  input.put(frame);
  return core.exports.decodeResponse(frame.length);
}

function frame(op: number, body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(8 + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0x474c, true);
  bytes[2] = 1;
  bytes[3] = op;
  view.setUint16(6, body.length, true);
  bytes.set(body, 8);
  return bytes;
}

function appendFrame(level: number, scope: string | Uint8Array, message: string | Uint8Array,
  fields: string | Uint8Array): Uint8Array {
  const [s, m, f] = [scope, message, fields].map((part) =>
    typeof part === "string" ? utf8.encode(part) : part);
  const body = new Uint8Array(8 + s.length + m.length + f.length);
  const view = new DataView(body.buffer);
  body[0] = level;
  view.setUint16(2, s.length, true);
  view.setUint16(4, m.length, true);
  view.setUint16(6, f.length, true);
  body.set(s, 8);
  body.set(m, 8 + s.length);
  body.set(f, 8 + s.length + m.length);
  return frame(1, body);
}

function queryFrame(patch: (view: DataView) => void, scope = ""): Uint8Array {
  const s = utf8.encode(scope);
  const body = new Uint8Array(28 + s.length);
  const view = new DataView(body.buffer);
  view.setUint16(20, 16, true);
  view.setUint16(26, s.length, true);
  body.set(s, 28);
  patch(view);
  return frame(2, body);
}

function withByte(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset] = value;
  return copy;
}

describe("log-v1 header", () => {
  for (const name of ["append-request", "query-request", "stats-request"]) {
    test(`header: ${name} truncated at every byte offset is malformed`, () => {
      const whole = golden(name);
      expect(decodeRequest(whole)).toBe(status.ok);
      for (let length = 0; length < whole.length; length++) {
        expect(decodeRequest(whole.slice(0, length)), `length ${length}`).toBe(status.malformed);
      }
    });
  }

  for (const name of ["append-response", "query-response", "stats-response"]) {
    test(`header: ${name} truncated at every byte offset is malformed`, () => {
      const whole = golden(name);
      expect(decodeResponse(whole)).toBe(status.ok);
      for (let length = 0; length < whole.length; length++) {
        expect(decodeResponse(whole.slice(0, length)), `length ${length}`)
          .toBe(status.malformed);
      }
    });
  }

  test("header: a trailing byte is malformed", () => {
    const whole = golden("append-request");
    const longer = new Uint8Array(whole.length + 1);
    longer.set(whole);
    expect(decodeRequest(longer)).toBe(status.malformed);
  });

  test("header: a body length that disagrees with the frame is malformed", () => {
    const whole = golden("stats-request");
    expect(decodeRequest(withByte(whole, 6, 1))).toBe(status.malformed);
  });

  test("header: bad magic is malformed", () => {
    expect(decodeRequest(withByte(golden("stats-request"), 0, 0x4d))).toBe(status.malformed);
    expect(decodeRequest(withByte(golden("stats-request"), 1, 0x00))).toBe(status.malformed);
  });

  test("header: an unknown version is unsupported-version", () => {
    for (const version of [0, 2, 255]) {
      expect(decodeRequest(withByte(golden("append-request"), 2, version)))
        .toBe(status.unsupportedVersion);
    }
  });

  test("header: unknown ops and response ops are unsupported-op", () => {
    for (const op of [0, 5, 0x7f, 0x81, 0x82, 0x83, 0xff]) {
      expect(decodeRequest(withByte(golden("stats-request"), 3, op)), `op ${op}`)
        .toBe(status.unsupportedOp);
      expect(core.exports.requestOp()).toBe(op);
    }
  });

  test("header: the reserved SUBSCRIBE op is unsupported-op", () => {
    const subscribe = core.exports.logOpSubscribe.value;
    expect(decodeRequest(frame(subscribe, new Uint8Array(0)))).toBe(status.unsupportedOp);
    expect(core.exports.requestOp()).toBe(subscribe);
  });

  test("header: a status or reserved byte in a request is malformed", () => {
    expect(decodeRequest(withByte(golden("stats-request"), 4, 1))).toBe(status.malformed);
    expect(decodeRequest(withByte(golden("stats-request"), 5, 1))).toBe(status.malformed);
  });

  test("header: a frame over messageBytesMax is too-large", () => {
    const messageBytesMax = core.exports.messageBytesMax.value;
    const body = new Uint8Array(messageBytesMax + 1 - 8);
    expect(decodeRequest(frame(3, body))).toBe(status.tooLarge);
  });

  test("header: a STATS request with a body is malformed", () => {
    expect(decodeRequest(frame(3, new Uint8Array(1)))).toBe(status.malformed);
  });
});

describe("log-v1 append", () => {
  const limits = () => ({
    scope: core.exports.logScopeBytesMax.value as number,
    message: core.exports.logMessageBytesMax.value as number,
    fields: core.exports.logFieldsBytesMax.value as number,
  });

  test("append: scope at logScopeBytesMax is ok, one past is too-large", () => {
    const { scope } = limits();
    expect(decodeRequest(appendFrame(3, "s".repeat(scope), "m", ""))).toBe(status.ok);
    expect(decodeRequest(appendFrame(3, "s".repeat(scope + 1), "m", "")))
      .toBe(status.tooLarge);
  });

  test("append: message at logMessageBytesMax is ok, one past is too-large", () => {
    const { message } = limits();
    expect(decodeRequest(appendFrame(3, "s", "m".repeat(message), ""))).toBe(status.ok);
    expect(decodeRequest(appendFrame(3, "s", "m".repeat(message + 1), "")))
      .toBe(status.tooLarge);
  });

  test("append: fields at logFieldsBytesMax is ok, one past is too-large", () => {
    const { fields } = limits();
    const atLimit = "k=" + "v".repeat(fields - 2);
    expect(decodeRequest(appendFrame(3, "s", "m", atLimit))).toBe(status.ok);
    expect(decodeRequest(appendFrame(3, "s", "m", atLimit + "v"))).toBe(status.tooLarge);
  });

  test("append: a frame with every part at its cap fits one message", () => {
    const { scope, message, fields } = limits();
    const whole = appendFrame(5, "s".repeat(scope), "m".repeat(message),
      "k=" + "v".repeat(fields - 2));
    expect(whole.length).toBe(core.exports.logAppendRequestBytesMax.value);
    expect(decodeRequest(whole)).toBe(status.ok);
  });

  test("append: part lengths that disagree with the body are malformed", () => {
    const whole = appendFrame(3, "logd", "ready", "a=1");
    expect(decodeRequest(withByte(whole, 8 + 2, 5))).toBe(status.malformed);
    expect(decodeRequest(withByte(whole, 8 + 4, 4))).toBe(status.malformed);
    expect(decodeRequest(withByte(whole, 8 + 6, 0xff))).toBe(status.malformed);
    expect(decodeRequest(withByte(whole, 8 + 7, 0xff))).toBe(status.malformed);
    expect(decodeRequest(withByte(whole, 8 + 1, 1))).toBe(status.malformed);
  });

  test("append: a body shorter than its fixed part is malformed", () => {
    expect(decodeRequest(frame(1, new Uint8Array(7)))).toBe(status.malformed);
  });

  test("append: levels 1 to 5 are ok, others invalid-argument", () => {
    for (let level = 0; level < 256; level++) {
      const expected = level >= 1 && level <= 5 ? status.ok : status.invalidArgument;
      expect(decodeRequest(appendFrame(level, "s", "m", "")), `level ${level}`).toBe(expected);
    }
  });

  test("append: scope must be non-empty and of the scope charset", () => {
    expect(decodeRequest(appendFrame(3, "", "m", ""))).toBe(status.invalidArgument);
    for (const scope of ["execd:spawn", "net/tcp", "a.b-c_d", "0"]) {
      expect(decodeRequest(appendFrame(3, scope, "m", "")), scope).toBe(status.ok);
    }
    for (const scope of ["Logd", "log d", "log\n", "log=", "é", "log\"d"]) {
      expect(decodeRequest(appendFrame(3, scope, "m", "")), scope).toBe(status.invalidArgument);
    }
  });

  test("append: message takes UTF-8 and tab, refuses control bytes and bad UTF-8", () => {
    for (const message of ["", "ready", "tab\there", "naïve ✓ 𝄞", "a=b \"q\" \\"]) {
      expect(decodeRequest(appendFrame(3, "s", message, "")), message).toBe(status.ok);
    }
    for (const message of ["line\nbreak", "cr\r", "nul\u0000", "del\u007f", "esc\u001b"]) {
      expect(decodeRequest(appendFrame(3, "s", message, "")), JSON.stringify(message))
        .toBe(status.invalidArgument);
    }
    const badUtf8 = [[0x80], [0xc0, 0x80], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x80, 0x80, 0x80], [0xe2, 0x82]];
    for (const bytes of badUtf8) {
      expect(decodeRequest(appendFrame(3, "s", Uint8Array.from(bytes), "")), `${bytes}`)
        .toBe(status.invalidArgument);
    }
  });

  test("append: well-formed fields are ok", () => {
    for (const fields of ["", "a=", "a=1", "a=1\nb=2", "a=x=y", "a.b=1\na_b=2", "a=1\naa=2",
      "k-1=é ✓", "pi=3\npida=1\nsend=1"]) {
      expect(decodeRequest(appendFrame(3, "s", "m", fields)), JSON.stringify(fields))
        .toBe(status.ok);
    }
  });

  test("append: fields with bad keys are invalid-argument", () => {
    for (const fields of ["=1", "A=1", "a b=1", "a", "a=1\n", "\na=1", "a=1\n\nb=2", "é=1",
      "a:b=1", "a/b=1"]) {
      expect(decodeRequest(appendFrame(3, "s", "m", fields)), JSON.stringify(fields))
        .toBe(status.invalidArgument);
    }
  });

  test("append: unsorted or duplicate keys are invalid-argument", () => {
    for (const fields of ["b=1\na=2", "a=1\na=2", "aa=1\na=2", "a=1\nc=2\nb=3"]) {
      expect(decodeRequest(appendFrame(3, "s", "m", fields)), JSON.stringify(fields))
        .toBe(status.invalidArgument);
    }
  });

  test("append: reserved identity keys are invalid-argument", () => {
    for (const fields of ["pid=1", "sender=1", "sender_pid=1", "senders=2", "a=1\npid=2",
      "a=1\nsender.name=x"]) {
      expect(decodeRequest(appendFrame(3, "s", "m", fields)), JSON.stringify(fields))
        .toBe(status.invalidArgument);
    }
  });

  test("append: field values refuse control bytes and bad UTF-8", () => {
    expect(decodeRequest(appendFrame(3, "s", "m", "a=\u0001"))).toBe(status.invalidArgument);
    const bad = Uint8Array.from([0x61, 0x3d, 0xff]);
    expect(decodeRequest(appendFrame(3, "s", "m", bad))).toBe(status.invalidArgument);
  });

  test("append: the encoder refuses what the decoder refuses", () => {
    const e = core.exports;
    const encode = (level: number, scope: string, message: string, fields: string) => {
      input.reset();
      return e.encodeAppendRequest(level, ...input.put(scope), ...input.put(message),
        ...input.put(fields));
    };
    expect(encode(0, "s", "m", "")).toBe(-status.invalidArgument);
    expect(encode(3, "S", "m", "")).toBe(-status.invalidArgument);
    expect(encode(3, "s", "m\n", "")).toBe(-status.invalidArgument);
    expect(encode(3, "s", "m", "pid=1")).toBe(-status.invalidArgument);
    expect(encode(3, "s".repeat(65), "m", "")).toBe(-status.tooLarge);
  });
});

describe("log-v1 query", () => {
  test("query: a body shorter than its fixed part is malformed", () => {
    expect(decodeRequest(frame(2, new Uint8Array(27)))).toBe(status.malformed);
  });

  test("query: a scope length that disagrees with the body is malformed", () => {
    const whole = queryFrame(() => {}, "logd");
    expect(decodeRequest(whole)).toBe(status.ok);
    expect(decodeRequest(withByte(whole, 8 + 26, 3))).toBe(status.malformed);
    expect(decodeRequest(withByte(whole, 8 + 26, 5))).toBe(status.malformed);
  });

  test("query: a reserved byte is malformed", () => {
    expect(decodeRequest(queryFrame((v) => v.setUint8(25, 1)))).toBe(status.malformed);
  });

  test("query: level max above trace is invalid-argument", () => {
    expect(decodeRequest(queryFrame((v) => v.setUint8(24, 5)))).toBe(status.ok);
    expect(decodeRequest(queryFrame((v) => v.setUint8(24, 6)))).toBe(status.invalidArgument);
  });

  test("query: records max of zero is invalid-argument", () => {
    expect(decodeRequest(queryFrame((v) => v.setUint16(20, 0, true))))
      .toBe(status.invalidArgument);
  });

  test("query: a scope filter over the cap is too-large, a bad one invalid-argument", () => {
    expect(decodeRequest(queryFrame(() => {}, "s".repeat(64)))).toBe(status.ok);
    expect(decodeRequest(queryFrame(() => {}, "s".repeat(65)))).toBe(status.tooLarge);
    expect(decodeRequest(queryFrame(() => {}, "Bad"))).toBe(status.invalidArgument);
  });

  test("query: any cursor, timestamp, sender and byte budget decode", () => {
    const whole = queryFrame((v) => {
      v.setBigUint64(0, 0xffffffffffffffffn, true);
      v.setBigUint64(8, 0xffffffffffffffffn, true);
      v.setUint32(16, 0xffffffff, true);
      v.setUint16(22, 0, true);
    });
    expect(decodeRequest(whole)).toBe(status.ok);
  });
});

describe("log-v1 response", () => {
  test("response: a request op without the response bit is unsupported-op", () => {
    expect(decodeResponse(golden("stats-request"))).toBe(status.unsupportedOp);
  });

  test("response: an error response echoes any op the refused request carried", () => {
    for (const requestOp of [0, 4, 9, 0x7f]) {
      const error = frame(requestOp | 0x80, new Uint8Array(0));
      error[4] = status.unsupportedOp;
      expect(decodeResponse(error), `op ${requestOp}`).toBe(status.ok);
      expect(core.exports.responseOp()).toBe(requestOp);
      expect(core.exports.responseStatus()).toBe(status.unsupportedOp);
    }
  });

  test("response: an ok response for SUBSCRIBE or an unknown op is unsupported-op", () => {
    expect(decodeResponse(frame(0x89, new Uint8Array(0)))).toBe(status.unsupportedOp);
    expect(decodeResponse(frame(0x84, new Uint8Array(0)))).toBe(status.unsupportedOp);
  });

  test("response: an error status with a body is malformed", () => {
    const body = new Uint8Array(16);
    const error = frame(0x81, body);
    error[4] = status.invalidArgument;
    expect(decodeResponse(error)).toBe(status.malformed);
  });

  test("response: a status outside the closed set is malformed", () => {
    expect(decodeResponse(withByte(golden("error-response-subscribe"), 4, 7)))
      .toBe(status.malformed);
  });

  test("response: a QUERY page whose count disagrees with its records is malformed", () => {
    const page = golden("query-response");
    expect(decodeResponse(withByte(page, 8 + 8, 1))).toBe(status.malformed);
    expect(decodeResponse(withByte(page, 8 + 8, 3))).toBe(status.malformed);
  });

  test("response: a record length running past the page is malformed", () => {
    const page = golden("query-response");
    const firstRecord = 8 + 12;
    expect(decodeResponse(withByte(page, firstRecord + 24, 0xff))).toBe(status.malformed);
  });

  test("response: bodies of the wrong size are malformed", () => {
    expect(decodeResponse(frame(0x81, new Uint8Array(15)))).toBe(status.malformed);
    expect(decodeResponse(frame(0x83, new Uint8Array(49)))).toBe(status.malformed);
  });
});
