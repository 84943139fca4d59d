import { expect, it } from 'vitest'
import { EspeakSynthesizer } from '../src/index.js'

it('gives each of 20 parallel calls its own audio, byte for byte what a lone call gives', async () => {
  const synth = new EspeakSynthesizer()
  const texts = Array.from({ length: 20 }, (_, i) => `Passenger ${i + 1}, please go to gate ${20 - i}.`)
  const parallel = await Promise.all(texts.map((text) => synth.synthesize(text)))
  const alone = []
  for (const text of texts.slice(0, 5)) alone.push(await synth.synthesize(text))
  const digest = (data: Uint8Array) => Buffer.from(data).toString('base64')
  expect(new Set(parallel.map((a) => digest(a.data))).size).toBe(20)
  expect(parallel.slice(0, 5).map((a) => digest(a.data))).toEqual(alone.map((a) => digest(a.data)))
})
