import { parseWav, WavFormatError } from '@russo/audio'
import type { Audio, SynthesizeOptions, Synthesizer } from '@russo/cache'
import { EspeakError } from './espeak-error.js'
import { type EngineRun, runEngine } from './internal/engine.js'
import { ENGINE_VERSION } from './internal/wasm-module.js'
import { type EspeakOptions, resolveOptions } from './options.js'
import { listVoices } from './voices.js'

const OUTPUT_PATH = '/russo-output.wav'

/**
 * Offline text-to-speech with eSpeak NG compiled to WebAssembly: no key, no network, the same
 * bytes for the same text and settings. Returns 16-bit mono WAV as the engine wrote it.
 */
export class EspeakSynthesizer implements Synthesizer {
  readonly voice: string
  readonly speed: number
  readonly pitch: number
  /** Engine, engine version and every setting that changes the audio: part of each cache key. */
  readonly cacheKeyExtra: Readonly<Record<string, unknown>>

  constructor(options: EspeakOptions = {}) {
    const resolved = resolveOptions(options)
    this.voice = resolved.voice
    this.speed = resolved.speed
    this.pitch = resolved.pitch
    this.cacheKeyExtra = Object.freeze({
      engine: 'espeak-ng',
      engineVersion: ENGINE_VERSION,
      voice: this.voice,
      speed: this.speed,
      pitch: this.pitch,
    })
  }

  async synthesize(text: string, options: SynthesizeOptions = {}): Promise<Audio> {
    if (typeof text !== 'string') {
      throw new TypeError(`EspeakSynthesizer.synthesize: text must be a string, got ${typeof text}.`)
    }
    if (text.trim() === '') {
      throw new TypeError(
        'EspeakSynthesizer.synthesize: there is nothing to synthesize: the text is empty or only whitespace.',
      )
    }
    if (text.includes('\0')) {
      // The engine takes C strings: everything after the NUL would be dropped without a word.
      throw new TypeError(
        'EspeakSynthesizer.synthesize: the text contains a NUL character (\\0), which eSpeak NG cannot read.',
      )
    }
    options.signal?.throwIfAborted()
    const settings = ['-v', this.voice, '-s', String(this.speed), '-p', String(this.pitch)]
    // -b 1: the text is UTF-8. "--" ends the options, so text such as "-v" or "--help" is spoken.
    const args = [...settings, '-b', '1', '-w', OUTPUT_PATH, '--', text]
    const run = await runEngine(args, options.signal)
    if (run.status !== 0) throw await this.#failure(run)
    return toAudio(run, text)
  }

  async #failure({ status, stderr }: EngineRun): Promise<EspeakError> {
    if (!/voice does not exist/i.test(stderr)) {
      return new EspeakError(
        'ESPEAK_FAILED',
        `eSpeak NG failed (exit status ${status}): ${stderr || 'no message'}`,
        stderr,
      )
    }
    const near = await neighbours(this.voice)
    const hint = near.length > 0 ? ` Close matches: ${near.join(', ')}.` : ''
    return new EspeakError(
      'ESPEAK_UNKNOWN_VOICE',
      `eSpeak NG has no voice "${this.voice}" (EspeakSynthesizer option voice).${hint} List every voice with listVoices() from '@russo/espeak'.`,
      stderr,
    )
  }
}

/** Voices whose language shares the voice's first part ("en" of "en_US") or whose name contains it ("French"). */
async function neighbours(voice: string): Promise<string[]> {
  const wanted = voice.toLowerCase()
  const language = wanted.split(/[-+/_]/)[0] ?? wanted
  const voices = await listVoices().catch(() => [])
  const near = voices.filter((v) => v.language.split('-')[0] === language || v.name.toLowerCase().includes(wanted))
  return [...new Set(near.map((v) => v.language))].slice(0, 12)
}

function toAudio(run: EngineRun, text: string): Audio {
  const data = run.readFile(OUTPUT_PATH)
  const what = `for ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`
  if (data === undefined) {
    throw new EspeakError('ESPEAK_FAILED', `eSpeak NG wrote no WAV file ${what}.`, run.stderr)
  }
  try {
    const wav = parseWav(data)
    if (wav.frames === 0) throw new WavFormatError('it holds no samples')
    return { data, format: 'wav', sampleRate: wav.sampleRate, channels: wav.channels, sampleWidth: wav.sampleWidth }
  } catch (error) {
    if (!(error instanceof WavFormatError)) throw error
    throw new EspeakError('ESPEAK_FAILED', `eSpeak NG wrote an unusable WAV file ${what}: ${error.message}`, run.stderr)
  }
}
