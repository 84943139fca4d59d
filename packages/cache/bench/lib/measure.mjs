// Hand-rolled timing: tinybench and mitata run each task's iterations back to back, and neither can
// time a contender living in another process (Python). Here every round runs a batch of each
// contender in a rotated order (ABC, BCA, CAB, …), so drift hits all alike, and each op is timed alone.

/** Times `fn(input)` per input; `fn` returns the byte count it produced, checked against `expected`. */
export function syncBatch(fn, inputs, expected) {
  const samples = new Array(inputs.length)
  for (let i = 0; i < inputs.length; i++) {
    const t0 = process.hrtime.bigint()
    const got = fn(inputs[i])
    samples[i] = Number(process.hrtime.bigint() - t0)
    if (got !== expected) throw new Error(`bench op returned ${got}, expected ${expected} (input ${inputs[i]})`)
  }
  return samples
}

/** Like `syncBatch` for a function returning a promise; each op is awaited before the next starts. */
export async function asyncBatch(fn, inputs, expected) {
  const samples = new Array(inputs.length)
  for (let i = 0; i < inputs.length; i++) {
    const t0 = process.hrtime.bigint()
    const got = await fn(inputs[i])
    samples[i] = Number(process.hrtime.bigint() - t0)
    if (got !== expected) throw new Error(`bench op returned ${got}, expected ${expected} (input ${inputs[i]})`)
  }
  return samples
}

/**
 * Runs `warmup` untimed rounds, then `rounds` timed ones. A contender is `{ name, batch(round) }`,
 * `batch` resolving to per-op times in ns. Returns per contender all samples and each round's median.
 */
export async function interleave(contenders, { rounds, warmup }) {
  const results = contenders.map((c) => ({ name: c.name, samples: [], roundMedians: [] }))
  const n = contenders.length
  for (let round = -warmup; round < rounds; round++) {
    const shift = ((round % n) + n) % n
    for (let k = 0; k < n; k++) {
      const i = (k + shift) % n
      const samples = await contenders[i].batch(round)
      if (round < 0) continue
      results[i].samples.push(...samples)
      results[i].roundMedians.push(median(samples))
    }
  }
  return results
}

export function median(values) {
  return quantile(values, 0.5)
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

/** Median over rounds of a/b per round: a paired ratio, immune to drift between rounds. */
export function pairedRatio(a, b) {
  return median(a.roundMedians.map((m, i) => m / b.roundMedians[i]))
}

export function summarize(result) {
  return {
    name: result.name,
    ops: result.samples.length,
    medianUs: median(result.samples) / 1000,
    p95Us: quantile(result.samples, 0.95) / 1000,
  }
}
