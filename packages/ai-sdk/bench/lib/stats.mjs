export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = (sorted.length - 1) / 2
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2
}

async function timeHit(synth, prompt) {
  const started = process.hrtime.bigint()
  await synth.synthesize(prompt)
  return Number(process.hrtime.bigint() - started)
}

/**
 * Hit time of `a` over `b`: every hit timed alone, a and b alternating hit by hit (ab, ba, ab, …) so
 * the load of a busy machine falls on both alike; per round the ratio of the two medians, and the
 * median of the rounds' ratios as the result.
 */
export async function pairedHitRatio(a, b, prompts, rounds, reps = 10) {
  for (const p of prompts) await Promise.all([a.synthesize(p), b.synthesize(p)])
  const perRound = []
  for (let round = 0; round < rounds; round++) {
    const sa = []
    const sb = []
    for (let r = 0; r < reps; r++) {
      for (const [i, p] of prompts.entries()) {
        if ((i + r) % 2 === 0) {
          sa.push(await timeHit(a, p))
          sb.push(await timeHit(b, p))
        } else {
          sb.push(await timeHit(b, p))
          sa.push(await timeHit(a, p))
        }
      }
    }
    perRound.push(median(sa) / median(sb))
  }
  return { ratio: median(perRound), perRound }
}
