import { EspeakError } from './espeak-error.js'
import { runEngine } from './internal/engine.js'

/** One line of `espeak-ng --voices`. */
export interface EspeakVoice {
  /** What to pass as `voice`, e.g. `en-us`. */
  language: string
  /** Human-readable name, e.g. `English (America)`. */
  name: string
  /** `M` or `F`; `-` where the voice file does not say. */
  gender: string
  /** The voice file inside the engine's data, e.g. `gmw/en-US`. */
  file: string
  /** Other languages this voice is chosen for, most suitable first, e.g. `['en']`. */
  otherLanguages: string[]
}

/**
 * The voices built into the engine, as `espeak-ng --voices[=language]` lists them. Pass a language
 * (`'en'`) to list the voices for it, or `'variant'` for the variants a voice takes after `+`
 * (`en-us+f3`).
 */
export async function listVoices(language?: string): Promise<EspeakVoice[]> {
  if (language !== undefined && !/^[A-Za-z0-9-]+$/.test(language)) {
    throw new TypeError(
      `listVoices: language must be a language code such as "en" or "variant", got ${JSON.stringify(language)}.`,
    )
  }
  const run = await runEngine([language === undefined ? '--voices' : `--voices=${language}`])
  if (run.status !== 0) {
    throw new EspeakError(
      'ESPEAK_FAILED',
      `eSpeak NG could not list its voices (exit status ${run.status}).`,
      run.stderr,
    )
  }
  return run.stdout.flatMap(parseVoiceLine)
}

// " 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)": names use "_" for spaces.
const VOICE_LINE = /^\s*\d+\s+(\S+)\s+\S*\/(\S)\s+(\S+)\s+(\S+)\s*(.*)$/

function parseVoiceLine(line: string): EspeakVoice[] {
  const match = VOICE_LINE.exec(line)
  if (match === null) return []
  const [, language = '', gender = '', name = '', file = '', others = ''] = match
  const otherLanguages = [...others.matchAll(/\((\S+) \d+\)/g)].map((m) => m[1] ?? '')
  return [{ language, name: name.replaceAll('_', ' '), gender, file, otherLanguages }]
}
