import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testSynthesizer } from '@russo/audio/contract'
import { CachedSynthesizer } from '@russo/cache'
import { afterAll } from 'vitest'
import { EspeakSynthesizer } from '../src/index.js'

testSynthesizer('EspeakSynthesizer', { create: () => new EspeakSynthesizer(), format: 'wav', deterministic: true })

const cacheDir = mkdtempSync(join(tmpdir(), 'russo-espeak-contract-'))
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

// A cache in front must not change what callers see.
testSynthesizer('CachedSynthesizer(EspeakSynthesizer)', {
  create: () => new CachedSynthesizer(new EspeakSynthesizer({ voice: 'en-gb' }), { cacheDir }),
  format: 'wav',
  deterministic: true,
})
