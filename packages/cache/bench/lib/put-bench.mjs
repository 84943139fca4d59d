import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import cacache from 'cacache'
import { AudioCache, cacheKey } from '../../dist/index.js'
import { ENTRY_BYTES, pcm } from './fixtures.mjs'
import { asyncBatch, interleave, syncBatch } from './measure.mjs'

/**
 * `put` of fresh 100 KB entries (a put follows a miss: new key, new audio). Each contender writes
 * into its own directory, emptied after every batch outside the timing, so sizes stay equal.
 */
export async function benchPut({ root, python, rounds, batch }) {
  const audios = Array.from({ length: batch }, () => pcm())
  const jobs = (round) =>
    audios.map((audio, i) => {
      const prompt = `put round ${round} prompt ${i}`
      return { key: cacheKey(prompt), prompt, audio }
    })
  const dirOf = (name) => join(root, `put-${name}`)
  const emptied = (name, samples) => {
    rmSync(dirOf(name), { recursive: true, force: true })
    return samples
  }

  const russo = new AudioCache(dirOf('russo'))
  const floor = ({ key, prompt, audio }) => {
    writeFileSync(`${dirOf('floor')}/${key}.audio`, audio.data)
    writeFileSync(
      `${dirOf('floor')}/${key}.meta`,
      JSON.stringify({ format: 'pcm', sample_rate: 16000, prompt }, null, 2),
    )
    return audio.data.byteLength
  }
  const contenders = [
    {
      name: 'russo-ts AudioCache.put',
      batch: (r) =>
        emptied(
          'russo',
          syncBatch(
            (j) => {
              russo.put(j.key, j.audio, { prompt: j.prompt })
              return j.audio.data.byteLength
            },
            jobs(r),
            ENTRY_BYTES,
          ),
        ),
    },
    {
      name: 'floor: 2× fs.writeFileSync (in place)',
      batch: (r) => {
        mkdirSync(dirOf('floor'), { recursive: true })
        return emptied('floor', syncBatch(floor, jobs(r), ENTRY_BYTES))
      },
    },
    {
      name: 'cacache.put(cache, key, data)',
      batch: async (r) =>
        emptied(
          'cacache',
          await asyncBatch(
            async (j) => {
              await cacache.put(dirOf('cacache'), j.key, j.audio.data)
              return j.audio.data.byteLength
            },
            jobs(r),
            ENTRY_BYTES,
          ),
        ),
    },
    {
      name: 'sha256 of 100 KB alone (part of russo put)',
      batch: (r) =>
        syncBatch(
          (j) => {
            createHash('sha256').update(j.audio.data).digest('hex')
            return j.audio.data.byteLength
          },
          jobs(r),
          ENTRY_BYTES,
        ),
    },
  ]
  if (python) {
    contenders.push({
      name: `Python russo AudioCache.put (${python.version})`,
      batch: async (r) => {
        const js = jobs(r)
        const request = {
          op: 'put',
          dir: dirOf('python'),
          keys: js.map((j) => j.key),
          prompts: js.map((j) => j.prompt),
          size: ENTRY_BYTES,
        }
        return emptied('python', await python.run(request))
      },
    })
  }
  return interleave(contenders, { rounds, warmup: 2 })
}
