// The image manifest: which programs an OS image holds, the order init starts them in, their
// arguments and memory maximum, and which endpoints each may serve or use (capability
// routing). Modeled on app manifests that declare tasks and who may call whom.
//
// Owns: parsing and validation, with one-line errors that name the offending path.
// Validated by hand: the format is small and a schema library would add a dependency for
// errors no clearer than these.

import {
  argBytesMax, childrenPerProcessMax, endpointQueueDepthDefault, endpointQueueDepthMax,
  memoryPagesMax, nameBytesMax, spawnArgsMax,
} from "./limits.ts";

export interface EndpointSpec {
  name: string;
  /** The program whose instance receives on it. */
  server: string;
  queueDepth: number;
}

export interface ProgramSpec {
  name: string;
  /** The built component it runs (default: its name); several programs may share one. */
  component: string;
  /** Arguments the kernel puts before the spawner's own. */
  args: string[];
  memoryPagesMax: number;
  /** Endpoints this program may send to and call. */
  uses: string[];
}

/** A program init starts, and whether init restarts it when it fails. */
export interface StartSpec {
  program: string;
  /** Restarts allowed within `restartWindowMs` of virtual time (0: never restart). */
  restartMax: number;
  restartWindowMs: number;
}

export interface ImageManifest {
  name: string;
  /**
   * The first program; the kernel starts it as pid 1 with one argument per `start` entry:
   * the program's name, followed by ` restart=<max> window_ms=<ms>` when it has a policy.
   */
  init: string;
  start: StartSpec[];
  endpoints: EndpointSpec[];
  programs: ProgramSpec[];
}

export class ManifestError extends Error {}

const namePattern = /^[a-z0-9][a-z0-9_-]*$/;

export function parseManifest(text: string, source = "manifest"): ImageManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${source}: not JSON: ${(error as Error).message}`);
  }
  const root = object(raw, source);
  const manifest: ImageManifest = {
    name: name(root.name, `${source}.name`),
    init: name(root.init ?? "init", `${source}.init`),
    start: list(root.start ?? [], `${source}.start`).map((v, i) =>
      startEntry(v, `${source}.start[${i}]`)),
    endpoints: list(root.endpoints ?? [], `${source}.endpoints`).map((v, i) =>
      endpoint(v, `${source}.endpoints[${i}]`)),
    programs: list(root.programs, `${source}.programs`).map((v, i) =>
      program(v, `${source}.programs[${i}]`)),
  };
  checkReferences(manifest, source);
  return manifest;
}

/** The most restarts a policy may allow, and its longest window. */
export const restartMax = 16;
export const restartWindowMsMax = 3_600_000;

/** A start entry: a program name, or { program, restart: { max, windowMs } }. */
function startEntry(raw: unknown, path: string): StartSpec {
  if (typeof raw === "string") {
    return { program: name(raw, path), restartMax: 0, restartWindowMs: 0 };
  }
  const o = object(raw, path);
  const restart = object(o.restart ?? { max: 0, windowMs: 0 }, `${path}.restart`);
  return {
    program: name(o.program, `${path}.program`),
    restartMax: integer(restart.max, `${path}.restart.max`, 0, restartMax),
    restartWindowMs: integer(restart.windowMs, `${path}.restart.windowMs`, 0,
      restartWindowMsMax),
  };
}

/** init's argument for one start entry. */
export function startArgument(entry: StartSpec): string {
  if (entry.restartMax === 0) return entry.program;
  return `${entry.program} restart=${entry.restartMax} window_ms=${entry.restartWindowMs}`;
}

function endpoint(raw: unknown, path: string): EndpointSpec {
  const o = object(raw, path);
  return {
    name: name(o.name, `${path}.name`),
    server: name(o.server, `${path}.server`),
    queueDepth: integer(o.queueDepth ?? endpointQueueDepthDefault, `${path}.queueDepth`, 1,
      endpointQueueDepthMax),
  };
}

function program(raw: unknown, path: string): ProgramSpec {
  const o = object(raw, path);
  const args = list(o.args ?? [], `${path}.args`).map((v, i) => text(v, `${path}.args[${i}]`));
  if (args.length > spawnArgsMax) {
    throw new ManifestError(`${path}.args: at most ${spawnArgsMax} arguments`);
  }
  const programName = name(o.name, `${path}.name`);
  return {
    name: programName,
    component: o.component === undefined ? programName : name(o.component, `${path}.component`),
    args,
    memoryPagesMax: integer(o.memoryPagesMax, `${path}.memoryPagesMax`, 1, memoryPagesMax),
    uses: list(o.uses ?? [], `${path}.uses`).map((v, i) => name(v, `${path}.uses[${i}]`)),
  };
}

function checkReferences(m: ImageManifest, source: string): void {
  const programs = new Set(m.programs.map((p) => p.name));
  const endpoints = new Set(m.endpoints.map((e) => e.name));
  unique(m.programs.map((p) => p.name), `${source}.programs`);
  unique(m.endpoints.map((e) => e.name), `${source}.endpoints`);
  if (!programs.has(m.init)) throw new ManifestError(`${source}.init: no program "${m.init}"`);
  if (m.start.length > childrenPerProcessMax) {
    throw new ManifestError(`${source}.start: at most ${childrenPerProcessMax} programs ` +
      "(init's children)");
  }
  m.start.forEach((s, i) => {
    if (!programs.has(s.program)) {
      throw new ManifestError(`${source}.start[${i}]: no program "${s.program}"`);
    }
  });
  m.endpoints.forEach((e, i) => {
    if (!programs.has(e.server)) {
      throw new ManifestError(`${source}.endpoints[${i}].server: no program "${e.server}"`);
    }
  });
  m.programs.forEach((p, i) => p.uses.forEach((u, j) => {
    if (!endpoints.has(u)) {
      throw new ManifestError(`${source}.programs[${i}].uses[${j}]: no endpoint "${u}"`);
    }
  }));
}

function unique(names: string[], path: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new ManifestError(`${path}: "${n}" appears twice`);
    seen.add(n);
  }
}

function object(raw: unknown, path: string): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ManifestError(`${path}: expected an object`);
  }
  return raw as Record<string, unknown>;
}

function list(raw: unknown, path: string): unknown[] {
  if (!Array.isArray(raw)) throw new ManifestError(`${path}: expected an array`);
  return raw;
}

function text(raw: unknown, path: string): string {
  if (typeof raw !== "string") throw new ManifestError(`${path}: expected a string`);
  if (Buffer.byteLength(raw) > argBytesMax) {
    throw new ManifestError(`${path}: longer than ${argBytesMax} bytes`);
  }
  return raw;
}

function name(raw: unknown, path: string): string {
  if (typeof raw !== "string" || !namePattern.test(raw) || raw.length > nameBytesMax) {
    throw new ManifestError(`${path}: expected a name matching ${namePattern} ` +
      `of at most ${nameBytesMax} bytes, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function integer(raw: unknown, path: string, min: number, max: number): number {
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < min || raw > max) {
    throw new ManifestError(`${path}: expected an integer in ${min}..${max}, ` +
      `got ${JSON.stringify(raw)}`);
  }
  return raw;
}
