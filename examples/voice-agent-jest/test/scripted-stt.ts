import type { Audio, RussoSynth } from '@russo/jest'
import type { SpeechToText } from '../../voice-agent/src/agent.js'
import { sha256 } from './wav.js'

/** Stands in for speech recognition: it knows the words of every clip the test spoke through it. */
export class ScriptedStt implements SpeechToText {
  readonly #words = new Map<string, string>()
  calls = 0

  async speak(synth: RussoSynth, text: string): Promise<Audio> {
    const audio = await synth.synthesize(text)
    this.#words.set(sha256(audio.data), text)
    return audio
  }

  async transcribe(audio: { data: Uint8Array }): Promise<string> {
    this.calls++
    return this.#words.get(sha256(audio.data)) ?? ''
  }
}
