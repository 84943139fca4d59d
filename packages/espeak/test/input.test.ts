import { describe, expect, it } from 'vitest'
import { EspeakSynthesizer } from '../src/index.js'

const synth = new EspeakSynthesizer()

describe('EspeakSynthesizer.synthesize input', () => {
  it.each(['', ' ', '\n\t  \r\n', '\u00a0\u2003'])('refuses %j: there is nothing to synthesize', async (text) => {
    const error = await synth.synthesize(text).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(/nothing to synthesize/)
  })

  it('refuses a text that is not a string', async () => {
    await expect(synth.synthesize(42 as unknown as string)).rejects.toThrow(/text must be a string, got number/)
  })

  it('refuses a NUL character rather than dropping what follows it', async () => {
    await expect(synth.synthesize('before\0after')).rejects.toThrow(/NUL character/)
  })

  it('drops a call whose signal aborts while it waits for the engine', async () => {
    const controller = new AbortController()
    const first = synth.synthesize('A call that holds the engine for a moment.')
    const second = synth.synthesize('Never spoken.', { signal: controller.signal })
    controller.abort(new Error('test over'))
    await expect(second).rejects.toThrow('test over')
    expect((await first).data.byteLength).toBeGreaterThan(1000)
  })
})
