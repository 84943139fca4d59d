import { pairedRatio, summarize } from './measure.mjs'

export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

const us = (n) => n.toFixed(1)
export const times = (n) => `${n.toFixed(2)}×`

/** Median and p95 per contender, and each one's time over the reference's (paired by round). */
export function timingRows(results, reference) {
  return results.map((result) => ({
    ...summarize(result),
    ratioToReference: pairedRatio(result, reference),
  }))
}

export function timingTable(rows, referenceName) {
  return markdownTable(
    ['op', 'ops', 'median µs', 'p95 µs', `÷ ${referenceName}`],
    rows.map((r) => [r.name, String(r.ops), us(r.medianUs), us(r.p95Us), times(r.ratioToReference)]),
  )
}

export function coldTable(runs) {
  return markdownTable(
    ['run', 'mode', 'inner calls', 'max calls / prompt', 'hits', 'misses', 'wall ms', 'slowest process ms'],
    runs.map((r) => [
      r.name,
      r.mode,
      String(r.innerCalls),
      String(r.maxCallsPerPrompt),
      String(r.hits),
      String(r.misses),
      r.wallMs.toFixed(0),
      r.slowestProcessMs.toFixed(0),
    ]),
  )
}

export function integrityTable(rows) {
  return markdownTable(
    ['damage', 'get', 'verify() flags it', 'as designed'],
    rows.map((r) => [r.damage, r.hit ? 'hit' : 'miss', r.flaggedByVerify ? 'yes' : 'no', r.ok ? 'yes' : 'NO']),
  )
}

export function targetTable(targets) {
  return markdownTable(
    ['target', 'measured', 'required', 'result'],
    targets.map((t) => [t.target, t.measured, t.required, t.pass ? 'pass' : 'FAIL']),
  )
}
