// The reply-token table: tokens name one pending call, stale and made-up tokens name none, and
// the table holds exactly one call per possible process.

import { describe, expect, test } from "vitest";
import { CallTable } from "../../kernel-emu/call-table.ts";
import { processesMax } from "../../kernel-emu/limits.ts";

describe("call table", () => {
  test("call table: a token finds its caller until it is answered", () => {
    const table = new CallTable<string>();
    const token = table.add("ping");
    expect(token).not.toBe(0);
    expect(table.get(token)).toBe("ping");
    table.delete(token);
    expect(table.get(token)).toBeUndefined();
  });

  test("call table: a stale token does not name the next call in its slot", () => {
    const table = new CallTable<string>();
    const first = table.add("a");
    table.delete(first);
    const second = table.add("b");
    expect(second & 127).toBe(first & 127);
    expect(table.get(first)).toBeUndefined();
    expect(table.get(second)).toBe("b");
  });

  test("call table: made-up tokens name nothing", () => {
    const table = new CallTable<string>();
    const real = table.add("a");
    for (const token of [0, 1, 127, real + 1, real - 1, real + 128, 0xffffffff, 12345]) {
      expect(table.get(token)).toBeUndefined();
    }
  });

  test("call table: holds processesMax calls, and one more is a kernel bug", () => {
    const table = new CallTable<number>();
    const tokens = Array.from({ length: processesMax }, (_, i) => table.add(i));
    expect(new Set(tokens).size).toBe(processesMax);
    expect(() => table.add(processesMax)).toThrow(/full/);
    expect(table.entries()).toHaveLength(processesMax);
  });
});
