import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** A compiled WebAssembly module (opaque here: lib DOM, which types WebAssembly, is not loaded). */
export interface WasmModule {
  readonly __brand?: 'WebAssembly.Module'
}

export interface WasmExports {
  memory: { buffer: ArrayBuffer }
  malloc(size: number): number
}

interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>
  Instance: new (module: WasmModule, imports: object) => { exports: WasmExports }
}

export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly

const require = createRequire(import.meta.url)

/** Version of the npm `espeak-ng` build: it pins the engine binary and its voice data, hence the audio. */
export const ENGINE_VERSION: string = (require('espeak-ng/package.json') as { version: string }).version

const MODULE_KEY = Symbol.for('@russo/espeak/wasm-module')
type Holder = { [MODULE_KEY]?: Promise<WasmModule> }

/**
 * The engine's 18 MB WebAssembly module, compiled once per process. It is kept on `globalThis`
 * because Vitest re-evaluates modules for every test file; V8's optimised code lives with the module,
 * so later files start warm too.
 */
export function compiledModule(): Promise<WasmModule> {
  const holder = globalThis as Holder
  let compiled = holder[MODULE_KEY]
  if (compiled === undefined) {
    const wasmPath = join(dirname(require.resolve('espeak-ng')), 'espeak-ng.wasm')
    compiled = readFile(wasmPath).then((bytes) => wasm.compile(bytes))
    holder[MODULE_KEY] = compiled
    // A failed compile (a broken install) is reported, not remembered: the next call tries again.
    compiled.catch(() => {
      if (holder[MODULE_KEY] === compiled) delete holder[MODULE_KEY]
    })
  }
  return compiled
}
