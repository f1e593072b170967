// The kernel is typed from the WIT: kernel-emu/generated/nexus-os-sys.d.ts must be what jco
// generates today (the kernel `implements` it, see kernel-emu/sys-types.ts).

import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { generateWitTypes, witTypesPath } from "../../scripts/wit-types.ts";

test("wit types: the committed syscall types match the WIT (else: npm run wit-types)",
  async () => {
    expect(readFileSync(witTypesPath, "utf8")).toBe(await generateWitTypes());
  });
