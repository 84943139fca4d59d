// The agent's booking flow under Jest: the same agent and prompts as the Vitest example.
import { type Audio, synth } from '@russo/jest'
import { VoiceAgent } from '../../voice-agent/src/agent.js'
import { BOOK_FLIGHT, GREETING } from '../../voice-agent/test/prompts.js'
import { ScriptedStt } from './scripted-stt.js'
import { recordingOf, seconds, sha256 } from './wav.js'

const stt = new ScriptedStt()
const agent = new VoiceAgent(stt)
const caller: Record<string, Audio> = {}

describe('booking a flight', () => {
  // One `synth` per test file, so it works in beforeAll: speak the whole call once for this file.
  beforeAll(async () => {
    caller.greeting = await stt.speak(synth, GREETING)
    caller.booking = await stt.speak(synth, BOOK_FLIGHT)
  })

  test('greets a caller who says hello', async () => {
    const turn = await agent.respond(caller.greeting!)
    expect(turn).toMatchObject({ heard: GREETING, intent: 'greeting', reply: 'Hello! How can I help you today?' })
  })

  test('asks for the destination when the caller wants to book', async () => {
    const turn = await agent.respond(caller.booking!)
    expect(turn.intent).toBe('book_flight')
    expect(turn.reply).toMatch(/where would you like to fly/i)
  })

  test('measures how long the caller spoke, within the clip', async () => {
    const turn = await agent.respond(caller.booking!)
    const clipMs = seconds(caller.booking!) * 1000
    expect(turn.speechMs).toBeGreaterThan(clipMs * 0.7)
    expect(turn.speechMs).toBeLessThanOrEqual(clipMs + 20)
  })

  test('hears the same greeting as every other file', () => {
    expect(sha256(caller.greeting!.data)).toBe(recordingOf(GREETING))
  })
})
