// Times commands in child processes, alternating which runs first each round, and compares medians.
import { spawnSync } from 'node:child_process'

function timeOnce(command, args, options) {
  const t0 = process.hrtime.bigint()
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...options })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return ms
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Runs `a` and `b` `rounds` times each (one warm-up each), ABAB… then BABA…; returns their median ms. */
export function paired(a, b, rounds) {
  timeOnce(...a)
  timeOnce(...b)
  const times = { a: [], b: [] }
  for (let i = 0; i < rounds; i++) {
    const order =
      i % 2
        ? [
            ['b', b],
            ['a', a],
          ]
        : [
            ['a', a],
            ['b', b],
          ]
    for (const [name, cmd] of order) times[name].push(timeOnce(...cmd))
  }
  return { a: median(times.a), b: median(times.b), samples: times }
}
