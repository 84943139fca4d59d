// The agent's booking flow, fed the audio a caller would send.
import type { Audio } from '@russo/vitest'
import { describe, expect, test } from '@russo/vitest'
import { VoiceAgent } from '../src/agent.js'
import { expectTheRecording, seconds } from './audio.js'
import { BOOK_FLIGHT, GREETING } from './prompts.js'
import { ScriptedStt } from './scripted-stt.js'

const stt = new ScriptedStt()
const agent = new VoiceAgent(stt)
const caller: Record<string, Audio> = {}

describe('booking a flight', () => {
  // File-scoped fixtures work in beforeAll: speak the whole call once for this file.
  test.beforeAll(async ({ synth }) => {
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

  test('hears the same greeting as every other file', async ({ synth }) => {
    await expectTheRecording(synth, GREETING, caller.greeting!)
  })
})
