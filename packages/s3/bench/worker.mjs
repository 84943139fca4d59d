// One benchmark worker process (bench/run.mjs starts 8): asks for its share of the prompts and exits.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { AudioCache, CachedSynthesizer } from '@russo/cache'
import { S3Store } from '../dist/index.js'

const { BENCH_MODE: mode, BENCH_DIR: dir, BENCH_URL: url, BENCH_BUCKET: bucket, BENCH_PREFIX: prefix } = process.env
const prompts = JSON.parse(process.env.BENCH_PROMPTS)
let syntheses = 0
const inner = {
  cacheKeyExtra: { voice: 'bench' },
  async synthesize(text) {
    syntheses++
    return { data: new TextEncoder().encode(text), format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 }
  },
}

if (mode === 'bare') {
  // The floor: the same objects fetched with the SDK alone, no checks, no local write.
  const client = new S3Client({
    endpoint: process.env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  })
  for (const key of JSON.parse(process.env.BENCH_KEYS)) {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}/${key}` }))
    await out.Body.transformToByteArray()
  }
  client.destroy()
} else {
  const remote = mode === 'none' ? undefined : { store: new S3Store(url) }
  const synth = new CachedSynthesizer(inner, {
    cache: new AudioCache(dir, { logger: { warn() {} } }),
    ...(remote ? { remote } : {}),
  })
  for (const prompt of prompts) await synth.synthesize(prompt)
  await remote?.store.close()
  process.stdout.write(JSON.stringify({ ...synth.stats, syntheses }))
}
