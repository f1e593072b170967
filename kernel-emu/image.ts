// Loading an OS image: the manifest plus the built component of every program it names.
// Each component's main core module is compiled once, with the manifest's memory cap written
// into it, so a boot only instantiates.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mainCoreModule, withMemoryMaximum } from "./component.ts";
import { type ImageManifest, ManifestError, parseManifest } from "./manifest.ts";

export interface LoadedImage {
  manifest: ImageManifest;
  modules: Map<string, WebAssembly.Module>;
}

/** Where the build puts components: `<buildDir>/components/<program>.wasm`. */
export function componentPath(buildDir: string, program: string): string {
  return join(buildDir, "components", `${program}.wasm`);
}

export function loadImage(manifestPath: string, buildDir: string): LoadedImage {
  if (!existsSync(manifestPath)) throw new ManifestError(`${manifestPath}: no such manifest`);
  const manifest = parseManifest(readFileSync(manifestPath, "utf8"), manifestPath);
  return loadImageOf(manifest, buildDir, manifestPath);
}

/** Loads the components a parsed manifest names; `source` names it in errors. */
export function loadImageOf(
  manifest: ImageManifest, buildDir: string, source: string,
): LoadedImage {
  const modules = new Map<string, WebAssembly.Module>();
  manifest.programs.forEach((program, i) => {
    const path = componentPath(buildDir, program.component);
    const where = `${source}.programs[${i}]`;
    if (!existsSync(path)) {
      throw new ManifestError(`${where}: no built component "${program.component}" at ${path}`);
    }
    try {
      const core = mainCoreModule(readFileSync(path), path);
      const capped = withMemoryMaximum(core, program.memoryPagesMax);
      modules.set(program.name, new WebAssembly.Module(capped as Uint8Array<ArrayBuffer>));
    } catch (error) {
      throw new ManifestError(`${where}.memoryPagesMax: ${(error as Error).message}`);
    }
  });
  return { manifest, modules };
}
