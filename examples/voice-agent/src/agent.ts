import { type AudioInput, decodePcm16 } from './pcm.js'
import { detectSpeech } from './vad.js'

/** Where a real agent plugs in its speech recognition (Whisper, Deepgram, a cloud STT, …). */
export interface SpeechToText {
  transcribe(audio: AudioInput): Promise<string>
}

export type Intent = 'greeting' | 'book_flight' | 'cancel_booking' | 'unknown'

export interface AgentTurn {
  /** How long the caller spoke, as the agent's voice activity detector measured it. */
  speechMs: number
  heard: string
  intent: Intent
  reply: string
}

const INTENTS: [Intent, RegExp][] = [
  ['cancel_booking', /\bcancel\b/i],
  ['book_flight', /\b(book|flight|fly)\b/i],
  ['greeting', /\b(hello|hi|good (morning|evening))\b/i],
]

const REPLIES: Record<Intent, string> = {
  greeting: 'Hello! How can I help you today?',
  book_flight: 'Sure. Where would you like to fly to?',
  cancel_booking: 'I can cancel that. What is your booking reference?',
  unknown: 'Sorry, could you say that again?',
}

/** A toy voice agent: hears a caller's audio and answers one turn. */
export class VoiceAgent {
  readonly #stt: SpeechToText

  constructor(stt: SpeechToText) {
    this.#stt = stt
  }

  async respond(audio: AudioInput): Promise<AgentTurn> {
    const speech = detectSpeech(decodePcm16(audio), audio.sampleRate)
    // Silence never reaches the (billed, slow) recogniser.
    if (speech === undefined) return { speechMs: 0, heard: '', intent: 'unknown', reply: 'Are you still there?' }
    const heard = await this.#stt.transcribe(audio)
    const intent = INTENTS.find(([, pattern]) => pattern.test(heard))?.[0] ?? 'unknown'
    return { speechMs: speech.endMs - speech.startMs, heard, intent, reply: REPLIES[intent] }
  }
}
