import { AudioCache, CachedSynthesizer, RussoError, type Synthesizer } from '@russo/cache'
import { inject, test as base } from 'vitest'
import { currentFile } from './internal/current-file.js'
import { writeFileUse } from './internal/file-meta.js'
import { PROVIDE_KEY, type RussoProvided } from './internal/provided.js'
import { workerLogger } from './internal/worker-logger.js'
import { loadSynthesizer } from './load-synthesizer.js'

/** The fixtures `test` adds. All are file-scoped: one of each per test file, usable in `beforeAll`. */
export interface RussoFixtures {
  /** The cached synthesizer: call `synth.synthesize(text)`. Its counts go to the run's russo report. */
  synth: CachedSynthesizer
  /** The synthesizer `synth` wraps: from `russo({ synthesizer })` unless a file overrides this fixture. */
  russoSynthesizer: Synthesizer
  /** The cache `synth` reads and writes. */
  audioCache: AudioCache
}

/** Vitest's `test` with the russo fixtures. */
export const test = base.extend<{ $file: RussoFixtures }>({
  russoSynthesizer: [
    async ({}, use) => {
      await use(await loadSynthesizer(settings().synthesizer))
    },
    { scope: 'file' },
  ],
  audioCache: [
    async ({}, use) => {
      await use(new AudioCache(settings().cacheDir, { logger: workerLogger }))
    },
    { scope: 'file' },
  ],
  synth: [
    async ({ russoSynthesizer, audioCache }, use) => {
      const { mode, cacheKeyExtra, missHint, refreshSince } = settings()
      const file = currentFile()
      const synth = new CachedSynthesizer(russoSynthesizer, { cache: audioCache, mode, cacheKeyExtra, missHint, refreshSince, logger: workerLogger })
      try {
        await use(synth)
      } finally {
        if (file !== undefined) writeFileUse(file.meta, synth)
      }
    },
    { scope: 'file' },
  ],
})

function settings(): RussoProvided {
  const provided = inject(PROVIDE_KEY) as RussoProvided | undefined
  if (provided?.version === 1) return provided
  const project = currentFile()?.projectName
  throw new RussoError(
    'RUSSO_CONFIG',
    `russo: the russo() plugin does not reach the Vitest project${project ? ` "${project}"` : ''} this file runs in, ` +
      'so the russo fixtures have no settings. Add russo() to that project\'s plugins, or set `extends: true` ' +
      'on the project in test.projects so it inherits the plugins of the root vitest.config.',
  )
}
