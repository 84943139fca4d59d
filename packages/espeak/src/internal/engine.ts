import { EspeakError } from '../espeak-error.js'
import { compiledModule, type WasmExports, type WasmModule, wasm } from './wasm-module.js'

/** What one run of the espeak-ng command line left behind. */
export interface EngineRun {
  /** main()'s return value or the status it passed to exit(). */
  status: number
  stdout: string[]
  /** What the engine wrote to stderr (Emscripten's own notes left out): error messages take it whole. */
  stderr: string
  /** A file the run wrote to its in-memory file system, or `undefined` if there is none. */
  readFile(path: string): Uint8Array | undefined
}

// Emscripten's own notes about exit(), not the engine's output.
const RUNTIME_NOISE = /^(program exited \(with status|warning: stdio streams had content)/

let queue: Promise<unknown> = Promise.resolve()

/**
 * Runs the espeak-ng command line (`args` without the program name) in a fresh instance of the
 * compiled module. main() keeps state between calls (getopt's `optind`, the voice), so an instance
 * is never reused. Runs are synchronous WebAssembly once started, so queueing them costs nothing
 * and keeps one instance's memory (32 MB) alive at a time however many calls are in flight.
 */
export function runEngine(args: readonly string[], signal?: AbortSignal): Promise<EngineRun> {
  const run = queue.then(async () => {
    signal?.throwIfAborted()
    return runOnce(await compiledModule(), args)
  })
  queue = run.catch(() => undefined)
  return run
}

async function runOnce(module: WasmModule, args: readonly string[]): Promise<EngineRun> {
  const { default: createEspeak } = await import('espeak-ng')
  const stdout: string[] = []
  const stderr: string[] = []
  let exports: WasmExports | undefined
  const quiet = new QuietStackTraces()
  let instance: Awaited<ReturnType<typeof createEspeak>>
  try {
    instance = await createEspeak({
      noInitialRun: true,
      print: (line) => stdout.push(line),
      printErr: (line) => {
        if (!RUNTIME_NOISE.test(line)) stderr.push(line)
      },
      // Start-up builds the voice-data file tree and throws (and catches) an error per existing
      // directory; capturing their stack traces is two thirds of the start-up time.
      preRun: [() => quiet.begin()],
      onRuntimeInitialized: () => quiet.end(),
      instantiateWasm: (imports, receive) => {
        const created = new wasm.Instance(module, imports)
        exports = created.exports
        receive(created, module)
        return created.exports
      },
    })
  } catch (error) {
    throw new EspeakError('ESPEAK_FAILED', `eSpeak NG did not start: ${messageOf(error)}`)
  } finally {
    quiet.end()
  }
  if (exports === undefined)
    throw new EspeakError('ESPEAK_FAILED', 'eSpeak NG did not start: its WebAssembly module was not instantiated.')
  const status = callMain(instance, exports, args)
  return {
    status,
    stdout,
    stderr: stderr.join('\n'),
    readFile: (path) => {
      try {
        return instance.FS.readFile(path)
      } catch {
        return undefined
      }
    },
  }
}

function callMain(
  instance: { _main(argc: number, argv: number): number },
  exports: WasmExports,
  args: readonly string[],
): number {
  const argv = writeArgv(exports, ['espeak-ng', ...args])
  const quiet = new QuietStackTraces()
  quiet.begin()
  try {
    return instance._main(args.length + 1, argv)
  } catch (error) {
    if (isExitStatus(error)) return error.status
    throw new EspeakError('ESPEAK_FAILED', `eSpeak NG crashed: ${messageOf(error)}`)
  } finally {
    quiet.end()
  }
}

/** Copies `args` into the instance's memory as a NULL-terminated `char *argv[]` of UTF-8 strings. */
function writeArgv(exports: WasmExports, args: readonly string[]): number {
  const encoder = new TextEncoder()
  const pointers = args.map((arg) => {
    const bytes = encoder.encode(`${arg}\0`)
    const pointer = exports.malloc(bytes.length)
    new Uint8Array(exports.memory.buffer, pointer, bytes.length).set(bytes)
    return pointer
  })
  const argv = exports.malloc(4 * (pointers.length + 1))
  new Uint32Array(exports.memory.buffer, argv, pointers.length + 1).set([...pointers, 0])
  return argv
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isExitStatus(error: unknown): error is { status: number } {
  return (
    error !== null &&
    typeof error === 'object' &&
    (error as { name?: unknown }).name === 'ExitStatus' &&
    typeof (error as { status?: unknown }).status === 'number'
  )
}

/** Turns off stack traces for a synchronous stretch of engine code, then restores the setting. */
class QuietStackTraces {
  #saved: number | undefined

  begin(): void {
    this.#saved = Error.stackTraceLimit
    Error.stackTraceLimit = 0
  }

  end(): void {
    if (this.#saved === undefined) return
    Error.stackTraceLimit = this.#saved
    this.#saved = undefined
  }
}
