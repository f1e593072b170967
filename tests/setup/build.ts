// Builds every stale program and library module once before any test runs.
import { build } from "../../scripts/build.ts";

export default async function setup(): Promise<void> {
  await build({ quiet: false });
}
