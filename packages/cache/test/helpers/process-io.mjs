// Child-side plumbing shared by the process-*.mjs scripts: the parent drives a child through lines
// on its stdin (barriers, "release") and reads its answers as lines on stdout.
import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'

/** The child's config: a JSON object in argv[2], always with `entry` (the built @russo/cache). */
export function readConfig() {
  return JSON.parse(process.argv[2])
}

/** Next line from the parent, in order; `undefined` once stdin closes. */
export function stdinLines() {
  const queue = []
  const waiting = []
  let closed = false
  const rl = createInterface({ input: process.stdin })
  rl.on('line', (line) => {
    const waiter = waiting.shift()
    if (waiter) waiter(line)
    else queue.push(line)
  })
  rl.on('close', () => {
    closed = true
    for (const waiter of waiting.splice(0)) waiter(undefined)
  })
  return {
    next: () => {
      if (queue.length > 0) return Promise.resolve(queue.shift())
      if (closed) return Promise.resolve(undefined)
      return new Promise((resolve) => waiting.push(resolve))
    },
    /** Lets the process end: an open stdin would keep it alive. */
    close: () => {
      rl.close()
      process.stdin.destroy()
    },
  }
}

/** stdout is a pipe, written synchronously on Linux: a line is out before the next statement runs. */
export function send(line) {
  process.stdout.write(`${line}\n`)
}

export function sha256(data) {
  return createHash('sha256').update(data).digest('hex')
}

/** Audio around a test body; the format fields are fixed, the bytes say everything. */
export function audioOf(data) {
  return { data, format: 'pcm', sampleRate: 16000, channels: 1, sampleWidth: 2 }
}

/**
 * A self-describing body: a header naming key, writer and sequence number and the total length,
 * then a filler spelled from the same fields. Any truncation, mix of two writes or foreign bytes
 * makes `parseBody` fail, and the fields say which write it was.
 */
export function makeBody(key, writer, seq, length) {
  const header = Buffer.from(`RUSSO-TEST-BODY ${key} ${writer} ${seq} ${length}\n`)
  if (length <= header.length) throw new RangeError(`body length ${length} is shorter than its header`)
  const body = Buffer.alloc(length, `${key}/${writer}/${seq};`)
  header.copy(body, 0)
  return body
}

/** `{ key, writer, seq, length }` of a body `makeBody` made, or `{ error }`. */
export function parseBody(data) {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const end = bytes.indexOf(10)
  if (end < 0 || end > 200) return { error: 'no header' }
  const [magic, key, writer, seq, length, ...rest] = bytes.subarray(0, end).toString('latin1').split(' ')
  if (magic !== 'RUSSO-TEST-BODY' || rest.length > 0 || length === undefined) return { error: 'bad header' }
  if (Number(length) !== bytes.length) return { error: `header says ${length} bytes, got ${bytes.length}` }
  if (!makeBody(key, writer, seq, Number(length)).equals(bytes)) return { error: 'body differs from its header' }
  return { key, writer: Number(writer), seq: Number(seq), length: bytes.length }
}
