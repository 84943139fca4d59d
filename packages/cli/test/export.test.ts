import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { audioDuration, parseWav, toWav } from '@russo/audio'
import { describe, expect, test } from 'vitest'
import { pcmAudio, putPython, putTs, sinePcm, tempCache } from './helpers/caches.js'
import { BIN, russo } from './helpers/run-russo.js'

/** `frames` MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, stereo: 417 bytes each, 1152 samples. */
function mp3(frames: number): Uint8Array {
  const frame = new Uint8Array(417)
  frame.set([0xff, 0xfb, 0x90, 0x00])
  const out = new Uint8Array(417 * frames)
  for (let i = 0; i < frames; i++) out.set(frame, i * 417)
  return out
}

interface Exported {
  outDir: string
  files: { key: string; prompt: string; file: string; durationSeconds: number }[]
}

describe('russo export', () => {
  test('raw PCM becomes a WAV whose data chunk is the cached bytes, with the source duration', async () => {
    const dir = tempCache()
    const source = pcmAudio(1.25, 24_000)
    const key = putTs(dir, 'Book a flight from Berlin to Rome!', source)
    const out = join(dir, '..', 'out')
    const run = await russo(['export', 'berlin', '--out', out, '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    const { files } = run.json<Exported>()
    expect(files).toEqual([
      {
        key,
        prompt: 'Book a flight from Berlin to Rome!',
        file: `book-a-flight-from-berlin-to-rome-${key.slice(0, 8)}.wav`,
        durationSeconds: 1.25,
      },
    ])
    const bytes = new Uint8Array(readFileSync(join(out, files[0]?.file as string)))
    const wav = parseWav(bytes)
    expect([wav.sampleRate, wav.channels, wav.sampleWidth, wav.durationSeconds]).toEqual([24_000, 1, 2, 1.25])
    expect(
      Buffer.from(bytes.subarray(wav.dataOffset, wav.dataOffset + wav.dataBytes)).equals(Buffer.from(source.data)),
    ).toBe(true)
    expect(Buffer.from(bytes).equals(Buffer.from(toWav(source).data))).toBe(true)
  })

  test("Python russo's header-less 'wav' (Gemini's L16) is wrapped; a real WAV and an MP3 are copied as they are", async () => {
    const dir = tempCache()
    const l16 = sinePcm(0.5, 24_000)
    const [gemini] = putPython(dir, [{ prompt: 'Gemini said this', data: l16, format: 'wav', sampleRate: 24_000 }])
    const realWav = toWav(pcmAudio(0.75, 16_000)).data
    const [wavKey] = putPython(dir, [{ prompt: 'A real wav', data: realWav, format: 'wav', sampleRate: 16_000 }])
    const mp3Key = putTs(dir, 'An mp3 from OpenAI', {
      data: mp3(50),
      format: 'mp3',
      sampleRate: 44_100,
      channels: 2,
      sampleWidth: 2,
    })
    const out = join(dir, '..', 'out')
    const run = await russo(['export', '--all', '--out', out, '--dir', dir, '--json'])
    expect(run.code).toBe(0)
    const byKey = Object.fromEntries(run.json<Exported>().files.map((f) => [f.key, f]))
    expect(readdirSync(out).sort()).toEqual(
      [
        `a-real-wav-${wavKey?.slice(0, 8)}.wav`,
        `an-mp3-from-openai-${mp3Key.slice(0, 8)}.mp3`,
        `gemini-said-this-${gemini?.slice(0, 8)}.wav`,
      ].sort(),
    )
    const geminiFile = new Uint8Array(readFileSync(join(out, byKey[gemini as string]?.file as string)))
    const parsed = parseWav(geminiFile)
    expect(parsed.durationSeconds).toBe(0.5)
    expect(Buffer.from(geminiFile.subarray(parsed.dataOffset)).equals(Buffer.from(l16))).toBe(true)
    expect(
      Buffer.from(readFileSync(join(out, byKey[wavKey as string]?.file as string))).equals(Buffer.from(realWav)),
    ).toBe(true)
    const mp3File = new Uint8Array(readFileSync(join(out, byKey[mp3Key]?.file as string)))
    const seconds = audioDuration({ data: mp3File, format: 'mp3', sampleRate: 44_100, channels: 2, sampleWidth: 2 })
    expect(seconds).toBeCloseTo((50 * 1152) / 44_100, 6)
    expect(byKey[mp3Key]?.durationSeconds).toBeCloseTo(seconds, 6)
    expect(byKey[wavKey as string]?.durationSeconds).toBe(0.75)
  })

  test('needs KEY|TEXT or --all, and --out; a query that matches nothing exits 3', async () => {
    const dir = tempCache()
    putTs(dir, 'something')
    const out = join(dir, '..', 'out')
    expect((await russo(['export', '--out', out, '--dir', dir])).code).toBe(2)
    expect((await russo(['export', '--all', '--dir', dir])).stderr).toContain("required option '--out <dir>'")
    const none = await russo(['export', 'nothing', '--out', out, '--dir', dir])
    expect([none.code, none.stderr]).toEqual([3, expect.stringContaining('"nothing"')])
  })
})

describe('russo export on a full disk', () => {
  test('ENOSPC: exit 5 naming the file, and no truncated file is left under its name', async () => {
    const dir = tempCache()
    putTs(dir, 'A long prompt that fills the disk', pcmAudio(4, 24_000))
    const out = join(dir, '..', 'full')
    mkdirSync(out)
    // A 64 kB tmpfs in a private mount namespace: the 192 kB WAV cannot fit.
    const script = `mount -t tmpfs -o size=64k tmpfs "$1" || exit 90; "$2" "$3" export --all --out "$1" --dir "$4"; echo "exit=$?" >&2; ls -A "$1"`
    const root = process.getuid?.() === 0
    const child = spawnSync(
      'unshare',
      ['--mount', ...(root ? [] : ['--map-root-user']), 'sh', '-c', script, 'sh', out, process.execPath, BIN, dir],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    )
    expect(child.status, `unshare/mount failed: ${child.stderr}`).toBe(0)
    expect(child.stderr).toMatch(
      new RegExp(
        `russo: cannot write ${out}/a-long-prompt-that-fills-the-disk-\\w{8}\\.wav: ENOSPC \\(the disk is full\\)`,
      ),
    )
    expect(child.stderr).toContain('exit=5')
    expect(child.stdout.trim()).toBe('')
  })
})
