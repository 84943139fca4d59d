import type { Audio, Synthesizer } from '@russo/vitest'
import type { SpeechToText } from '../src/agent.js'
import { sha256 } from './audio.js'

/**
 * Stands in for speech recognition: it knows the words of every clip the test spoke through it.
 * Unit tests of the agent's logic use this; an end-to-end suite would put the real STT here and
 * keep everything else, the cached audio included.
 */
export class ScriptedStt implements SpeechToText {
  readonly #words = new Map<string, string>()
  calls = 0

  async speak(synth: Synthesizer, text: string): Promise<Audio> {
    const audio = await synth.synthesize(text)
    this.#words.set(sha256(audio.data), text)
    return audio
  }

  async transcribe(audio: { data: Uint8Array }): Promise<string> {
    this.calls++
    return this.#words.get(sha256(audio.data)) ?? ''
  }
}
