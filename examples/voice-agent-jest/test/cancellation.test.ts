// Cancelling, silence and bad input, under Jest.
import { synth } from '@russo/jest'
import { VoiceAgent } from '../../voice-agent/src/agent.js'
import { CANCEL, GREETING } from '../../voice-agent/test/prompts.js'
import { ScriptedStt } from './scripted-stt.js'
import { silenced } from './wav.js'

describe('cancelling and edge cases', () => {
  test('asks for the booking reference when the caller cancels', async () => {
    const stt = new ScriptedStt()
    const turn = await new VoiceAgent(stt).respond(await stt.speak(synth, CANCEL))
    expect(turn).toMatchObject({ heard: CANCEL, intent: 'cancel_booking' })
    expect(turn.reply).toMatch(/booking reference/)
  })

  test('does not send silence to the speech recogniser', async () => {
    const stt = new ScriptedStt()
    const turn = await new VoiceAgent(stt).respond(silenced(await synth.synthesize(GREETING)))
    expect(turn).toMatchObject({ speechMs: 0, intent: 'unknown', reply: 'Are you still there?' })
    expect(stt.calls).toBe(0)
  })

  test('refuses audio in a format it cannot decode', async () => {
    const stereo = { ...(await synth.synthesize(GREETING)), channels: 2 }
    await expect(new VoiceAgent(new ScriptedStt()).respond(stereo)).rejects.toThrow(
      /mono 16-bit WAV or PCM, got wav with 2 channel/,
    )
  })
})
