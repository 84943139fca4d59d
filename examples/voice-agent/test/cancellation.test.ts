// Cancelling, silence and bad input: what the agent does before and instead of calling the STT.
import { describe, expect, test } from '@russo/vitest'
import { VoiceAgent } from '../src/agent.js'
import { expectTheRecording, silenced } from './audio.js'
import { CANCEL, GREETING } from './prompts.js'
import { ScriptedStt } from './scripted-stt.js'

describe('cancelling and edge cases', () => {
  test('asks for the booking reference when the caller cancels', async ({ synth }) => {
    const stt = new ScriptedStt()
    const turn = await new VoiceAgent(stt).respond(await stt.speak(synth, CANCEL))
    expect(turn).toMatchObject({ heard: CANCEL, intent: 'cancel_booking' })
    expect(turn.reply).toMatch(/booking reference/)
  })

  test('does not send silence to the speech recogniser', async ({ synth }) => {
    const stt = new ScriptedStt()
    const turn = await new VoiceAgent(stt).respond(silenced(await synth.synthesize(GREETING)))
    expect(turn).toMatchObject({ speechMs: 0, intent: 'unknown', reply: 'Are you still there?' })
    expect(stt.calls).toBe(0)
  })

  test('refuses audio in a format it cannot decode', async ({ synth }) => {
    const stereo = { ...(await synth.synthesize(GREETING)), channels: 2 }
    await expect(new VoiceAgent(new ScriptedStt()).respond(stereo)).rejects.toThrow(
      `mono 16-bit WAV or PCM, got ${stereo.format} with 2 channel`,
    )
  })

  test('hears the same greeting as every other file', async ({ synth }) => {
    await expectTheRecording(synth, GREETING, await synth.synthesize(GREETING))
  })
})
