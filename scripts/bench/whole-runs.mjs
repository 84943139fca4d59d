// Paired timing of whole test-runner processes: the plugin overhead benches of @russo/vitest and
// @russo/jest run a baseline suite and the same suite through russo, alternating the order each round
// so drift hits both alike, and report the median of the per-round ratios.

/**
 * `rounds` rounds of `run(baseline)` and `run(subject)`, alternating which goes first. `checkSubject(result)`
 * may refuse a subject run (say, one that was not all hits). Returns the times per name and the ratios.
 */
export function alternateRuns({ rounds, baseline, subject, run, checkSubject }) {
  const times = { [baseline.name]: [], [subject.name]: [] }
  const ratios = []
  for (let round = 0; round < rounds; round++) {
    const ms = {}
    for (const project of round % 2 === 0 ? [baseline, subject] : [subject, baseline]) {
      const result = run(project)
      if (project === subject) checkSubject(result)
      ms[project.name] = result.ms
      times[project.name].push(result.ms)
    }
    ratios.push(ms[subject.name] / ms[baseline.name])
  }
  return { times, ratios, ratio: median(ratios) }
}

/** Prints the Markdown table and the ratio line; `labels` names each suite for the table. */
export function printRuns({ times, ratios, ratio }, { labels, ratioName, target }) {
  const rows = [
    '| suite | median wall | min | max |',
    '| --- | ---: | ---: | ---: |',
    ...Object.keys(times).map(
      (name) =>
        `| ${labels[name]} | ${seconds(median(times[name]))} | ${seconds(Math.min(...times[name]))} | ${seconds(Math.max(...times[name]))} |`,
    ),
  ]
  console.log(`\n${rows.join('\n')}\n`)
  console.log(
    `${ratioName} wall time (median of per-round ratios): ${ratio.toFixed(3)}  target <= ${target}: ${ratio <= target ? 'PASS' : 'FAIL'}`,
  )
  console.log(`per-round ratios: ${ratios.map((r) => r.toFixed(3)).join(', ')}`)
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`
}
