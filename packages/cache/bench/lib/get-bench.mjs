import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import cacache from 'cacache'
import { AudioCache, CachedSynthesizer } from '../../dist/index.js'
import { cycle, ENTRY_BYTES, freshDir, prompts, writeEntries } from './fixtures.mjs'
import { asyncBatch, interleave, syncBatch } from './measure.mjs'

const ENTRIES = 32

/**
 * `get` (hit) of 100 KB entries: russo-ts against the floor (two readFileSync + JSON.parse of the
 * same files), Python russo on the same directory, and cacache holding the same data.
 */
export async function benchGet({ root, python, rounds, batch }) {
  const dir = freshDir(join(root, 'get-russo'))
  const cacacheDir = freshDir(join(root, 'get-cacache'))
  const texts = prompts('get', ENTRIES)
  const keys = writeEntries(dir, texts)
  const digests = new Map()
  for (const key of keys) {
    const data = readFileSync(join(dir, `${key}.audio`))
    digests.set(key, await cacache.put(cacacheDir, key, data))
  }
  const byKey = new Map(keys.map((key, i) => [key, texts[i]]))

  const russo = new AudioCache(dir)
  const hashing = new AudioCache(dir, { verifyOnRead: true })
  const synth = new CachedSynthesizer(
    {
      synthesize() {
        throw new Error('bench: every prompt should be a hit')
      },
    },
    { cache: russo },
  )
  const floor = (key) => {
    const meta = JSON.parse(readFileSync(`${dir}/${key}.meta`, 'utf8'))
    const data = readFileSync(`${dir}/${key}.audio`)
    return meta.sample_rate > 0 ? data.byteLength : -1
  }
  const inputs = (round) => cycle(keys, batch, round)
  const contenders = [
    {
      name: 'russo-ts AudioCache.get',
      batch: (r) => syncBatch((k) => russo.get(k)?.data.byteLength, inputs(r), ENTRY_BYTES),
    },
    { name: 'floor: 2× fs.readFileSync + JSON.parse', batch: (r) => syncBatch(floor, inputs(r), ENTRY_BYTES) },
    {
      name: 'cacache.get(cache, key)',
      batch: (r) => asyncBatch(async (k) => (await cacache.get(cacacheDir, k)).data.byteLength, inputs(r), ENTRY_BYTES),
    },
    {
      name: 'cacache.get.byDigest(cache, integrity)',
      batch: (r) =>
        asyncBatch(
          async (k) => (await cacache.get.byDigest(cacacheDir, digests.get(k))).byteLength,
          inputs(r),
          ENTRY_BYTES,
        ),
    },
    {
      name: 'russo-ts get, verifyOnRead (sha256)',
      batch: (r) => syncBatch((k) => hashing.get(k)?.data.byteLength, inputs(r), ENTRY_BYTES),
    },
    {
      name: 'russo-ts CachedSynthesizer.synthesize (hit)',
      batch: (r) =>
        asyncBatch(async (k) => (await synth.synthesize(byKey.get(k))).data.byteLength, inputs(r), ENTRY_BYTES),
    },
  ]
  if (python) {
    contenders.push({
      name: `Python russo AudioCache.get (${python.version})`,
      batch: (r) => python.run({ op: 'get', dir, keys: inputs(r), size: ENTRY_BYTES }),
    })
  }
  const results = await interleave(contenders, { rounds, warmup: 3 })
  if (synth.stats.misses !== 0) throw new Error(`CachedSynthesizer missed ${synth.stats.misses} times`)
  return results
}
