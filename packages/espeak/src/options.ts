export interface EspeakOptions {
  /**
   * An eSpeak NG voice: a language (`en-us`, `de`, `fr-fr`), optionally with a variant after `+`
   * (`en-us+f3`). Default `en-us`. `listVoices()` lists them.
   */
  voice?: string
  /** Speaking rate in words per minute, an integer from 80 to 450. Default 175 (the engine's default). */
  speed?: number
  /** Base pitch, an integer from 0 to 99. Default 50 (the engine's default). */
  pitch?: number
}

export type ResolvedEspeakOptions = Required<EspeakOptions>

const DEFAULT_OPTIONS: Readonly<ResolvedEspeakOptions> = Object.freeze({ voice: 'en-us', speed: 175, pitch: 50 })

// The engine clamps speed to 80–450 and pitch to 0–99 without a word, which would give two cache
// keys the same audio; values outside are refused instead.
const SPEED = { min: 80, max: 450 }
const PITCH = { min: 0, max: 99 }
// Language codes, variants and voice files: "en-us", "en-us+f3", "gmw/en-US".
const VOICE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_()+,./-]{0,99}$/

/** Checks the options up front, naming the option, the value and what is allowed. */
export function resolveOptions(options: EspeakOptions = {}): ResolvedEspeakOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`EspeakSynthesizer: options must be an object ({ voice, speed, pitch }), got ${show(options)}.`)
  }
  const voice = options.voice ?? DEFAULT_OPTIONS.voice
  if (typeof voice !== 'string' || !VOICE_PATTERN.test(voice)) {
    throw new TypeError(
      `EspeakSynthesizer: voice must be an eSpeak NG voice such as "en-us" or "en-us+f3" (letters, digits, "-", "+", "_", "/"), got ${show(voice)}. listVoices() lists them.`,
    )
  }
  return {
    voice,
    speed: integerIn('speed', options.speed ?? DEFAULT_OPTIONS.speed, SPEED, 'words per minute'),
    pitch: integerIn('pitch', options.pitch ?? DEFAULT_OPTIONS.pitch, PITCH, ''),
  }
}

function integerIn(name: string, value: unknown, range: { min: number; max: number }, unit: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    const what = `an integer from ${range.min} to ${range.max}${unit ? ` (${unit})` : ''}`
    const error = typeof value === 'number' ? RangeError : TypeError
    throw new error(`EspeakSynthesizer: ${name} must be ${what}, got ${show(value)}.`)
  }
  return value
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null) return 'null'
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object'
  return `${typeof value} ${String(value)}`
}
