import { join } from 'node:path'
import { AudioCache } from '../../dist/index.js'
import { countDirScans } from './dir-scan-probe.mjs'
import { cycle, ENTRY_BYTES, freshDir, prompts, writeEntries } from './fixtures.mjs'
import { interleave, syncBatch } from './measure.mjs'

const HIT_KEYS = 10
const LARGE = 10_000
/** The other entries only make the directory big; 1 KB each keeps the fixture at ~80 MB of blocks. */
const FILLER_BYTES = 1024

/** Hit latency in a directory of 10 entries against one of 10,000, on the same 10 hit keys. */
export async function benchScale({ root, rounds, batch }) {
  const small = freshDir(join(root, 'scale-10'))
  const large = freshDir(join(root, 'scale-10000'))
  const hitTexts = prompts('scale', HIT_KEYS)
  const keys = writeEntries(small, hitTexts)
  const started = performance.now()
  writeEntries(large, hitTexts)
  writeEntries(large, prompts('filler', LARGE - HIT_KEYS), FILLER_BYTES)
  const fillMs = performance.now() - started

  const caches = { small: new AudioCache(small), large: new AudioCache(large) }
  if (caches.large.size() !== LARGE) throw new Error(`expected ${LARGE} entries in ${large}`)
  const get = (cache) => (key) => cache.get(key)?.data.byteLength
  const results = await interleave(
    [
      {
        name: 'get, 10 entries in dir',
        batch: (r) => syncBatch(get(caches.small), cycle(keys, batch, r), ENTRY_BYTES),
      },
      {
        name: 'get, 10,000 entries in dir',
        batch: (r) => syncBatch(get(caches.large), cycle(keys, batch, r), ENTRY_BYTES),
      },
    ],
    { rounds, warmup: 3 },
  )

  // The probe must see a listing where there is one, or its zero below proves nothing.
  const probeSeesSize = await countDirScans(() => caches.large.size())
  const hitPathScans = await countDirScans(() => {
    for (const key of keys) caches.large.get(key)
    for (const key of keys) caches.large.has(key)
  })
  return { results, fillMs, probeSeesSize, hitPathScans }
}
