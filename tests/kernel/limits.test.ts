// The kernel's limits and the services' mirrored copies must agree.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { guestAbiWindowBytes, messageBytesMax } from "../../kernel-emu/limits.ts";
import { rootDir } from "../../scripts/build.ts";

function serviceConstant(file: string, name: string): string {
  const text = readFileSync(join(rootDir, "services", "lib", file), "utf8");
  const match = new RegExp(`export const ${name}: \\w+ = ([^;]+);`).exec(text);
  if (match === null) throw new Error(`${file}: no constant ${name}`);
  return match[1].replace(/ as i32/, "");
}

test("limits: the services' messageBytesMax mirrors the kernel's", () => {
  expect(eval(serviceConstant("limits.ts", "messageBytesMax"))).toBe(messageBytesMax);
});

test("limits: the guest ABI window mirrors the kernel's assumption", () => {
  expect(eval(serviceConstant("sys.ts", "ABI_WINDOW_BYTES"))).toBe(guestAbiWindowBytes);
});
