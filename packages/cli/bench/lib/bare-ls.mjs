// The floor for `russo ls --json`: list the directory, read and parse every meta, print them as JSON.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2]
const entries = []
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.meta')) continue
  entries.push({ key: name.slice(0, -5), ...JSON.parse(readFileSync(join(dir, name), 'utf8')) })
}
process.stdout.write(`${JSON.stringify({ entries }, null, 2)}\n`)
