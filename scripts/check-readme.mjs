// The docs test: the READMEs' guides, run as a new user would. Packs the packages (`pack:all`), then for the
// root README's five-minute guide (Vitest) and @russo/jest's set-up (Jest): a fresh `npm init -y` project
// beside a `russo-ts` link to this checkout, the guide's `npm install` lines run there verbatim, the guide's
// files written from its code blocks, and the runner run twice: the first run must miss and synthesize, the
// second hit every prompt, and neither may print a warning. Then every `npm install` line in the other
// package READMEs must resolve (`npm install --dry-run`: a tarball missing from the line is a 404).
//
// What the guide is, to this script: the lines of ```sh blocks that start with `npm install`, and each code
// block whose first line is a comment naming a file (`// test/synthesizer.ts`, `# .npmrc — …`).
// Vitest 5 needs Node >= 22.12: on older Node the guide says to write `vitest@4.1` for `vitest`, and so do we.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const [nodeMajor, nodeMinor] = process.versions.node.split('.').map(Number)
const vitest5 = nodeMajor > 22 || (nodeMajor === 22 && nodeMinor >= 12)

const GUIDES = [
  { readme: 'README.md', from: '## Five-minute guide', runner: 'vitest', run: ['npx', 'vitest', 'run'] },
  { readme: 'packages/jest/README.md', to: '## Flags and environment variables', runner: 'jest', run: ['npx', 'jest'] },
]
/** A line a run must not print: Vite's config warnings, Node's, npm's, russo's own. */
const WARNING = /\bwarn(ing)?\b|\(!\)|deprecat|experimental/i
const FILE_COMMENT = /^(?:\/\/|#)\s*([\w@][\w@./-]*\.\w+)(?::\s|\s+[—(-]|\s*$)/

let failures = 0
const fail = (message) => {
  failures++
  console.error(`  FAIL ${message}`)
}

/** The fenced code blocks of a Markdown text: { lang, lines }. */
function codeBlocks(markdown) {
  const blocks = []
  let open
  for (const line of markdown.split('\n')) {
    const fence = /^```(\S*)\s*$/.exec(line)
    if (fence && open === undefined) open = { lang: fence[1], lines: [] }
    else if (fence) {
      blocks.push(open)
      open = undefined
    } else if (open !== undefined) open.lines.push(line)
  }
  return blocks
}

/** The part of a README from the heading `from` (or the top) to the next heading of its level (or `to`). */
function section(markdown, { from, to }) {
  let text = markdown
  if (from !== undefined) {
    const at = text.indexOf(`\n${from}\n`)
    if (at < 0) throw new Error(`no heading "${from}"`)
    text = text.slice(at + 1)
    const level = /^#+/.exec(from)[0]
    const next = new RegExp(`\\n${level} `).exec(text.slice(from.length))
    if (next) text = text.slice(0, from.length + next.index)
  }
  if (to !== undefined) {
    const end = text.indexOf(`\n${to}\n`)
    if (end < 0) throw new Error(`no heading "${to}"`)
    text = text.slice(0, end)
  }
  return text
}

/** The guide's `npm install` lines (trailing comments dropped) and files ({ path, text }). */
function guideOf(markdown) {
  const installs = []
  const files = []
  for (const block of codeBlocks(markdown)) {
    const named = FILE_COMMENT.exec(block.lines[0] ?? '')
    if (named) files.push({ path: named[1], text: `${block.lines.join('\n')}\n` })
    else if (block.lang === 'sh') {
      for (const line of block.lines) {
        if (/^npm install\b/.test(line)) installs.push(line.replace(/\s+#.*$/, ''))
      }
    }
  }
  return { installs, files }
}

/** A user's environment: no CI (the report would ask for --russo-offline), no russo settings, no colour. */
function userEnv() {
  const env = { ...process.env, NO_COLOR: '1' }
  for (const name of Object.keys(env)) {
    if (/^(CI|RUSSO_|VITEST|JEST_|FORCE_COLOR$|NODE_ENV$|npm_)/.test(name)) delete env[name]
  }
  return env
}

function sh(command, cwd) {
  console.log(`  $ ${command}`)
  const result = spawnSync('bash', ['-c', command], { cwd, env: userEnv(), encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`\`${command}\` failed (exit ${result.status}):\n${result.stdout}${result.stderr}`)
  return result.stdout + result.stderr
}

function newProject(scratch, name) {
  const dir = join(scratch, name)
  mkdirSync(dir)
  sh('npm init -y >/dev/null', dir)
  return dir
}

/** The russo line's figures, or undefined. */
function figures(output) {
  const line = output.split('\n').find((l) => l.startsWith('russo  '))
  if (line === undefined) return undefined
  const n = (name) => Number(new RegExp(`\\b${name} (\\d+)`).exec(line)?.[1])
  return { line, hits: n('hits'), misses: n('misses'), syntheses: n('syntheses'), errors: n('errors') }
}

function checkGuide(scratch, guide) {
  console.log(`\n${guide.readme}: ${guide.from ?? 'set-up'} (${guide.runner}, Node ${process.versions.node})`)
  const { installs, files } = guideOf(section(readFileSync(join(root, guide.readme), 'utf8'), guide))
  if (installs.length === 0) return fail(`${guide.readme}: the guide has no \`npm install\` line`)
  if (files.length === 0) return fail(`${guide.readme}: the guide has no file blocks (first line \`// path\`)`)
  const project = newProject(scratch, `${guide.runner}-project`)
  for (const line of installs) {
    const command = vitest5 ? line : line.replace(/^(npm install(?: --save-dev| -D)?) vitest /, '$1 vitest@4.1 ')
    sh(command, project)
  }
  for (const { path, text } of files) {
    mkdirSync(dirname(join(project, path)), { recursive: true })
    writeFileSync(join(project, path), text)
    console.log(`  wrote ${path}`)
  }
  const runs = [1, 2].map(() => {
    console.log(`  $ ${guide.run.join(' ')}`)
    const result = spawnSync(guide.run[0], guide.run.slice(1), { cwd: project, env: userEnv(), encoding: 'utf8' })
    const output = result.stdout + result.stderr
    console.log(output.trimEnd().replace(/^/gm, '    | '))
    if (result.status !== 0) fail(`${guide.readme}: \`${guide.run.join(' ')}\` exited ${result.status}`)
    for (const line of output.split('\n').filter((l) => WARNING.test(l))) {
      fail(`${guide.readme}: \`${guide.run.join(' ')}\` warned: ${line.trim()}`)
    }
    return figures(output)
  })
  const [first, second] = runs
  if (first === undefined || second === undefined) return fail(`${guide.readme}: a run printed no russo line`)
  if (!(first.hits === 0 && first.misses > 0 && first.syntheses === first.misses && first.errors === 0)) {
    fail(`${guide.readme}: the first run should miss and synthesize every prompt: ${first.line}`)
  }
  if (!(second.misses === 0 && second.syntheses === 0 && second.hits === first.misses && second.errors === 0)) {
    fail(`${guide.readme}: the second run should hit all ${first.misses} prompts: ${second.line}`)
  }
  if (failures === 0) console.log(`  ok first run: misses ${first.misses}; second run: hits ${second.hits}`)
}

/** Every `npm install` line of the package READMEs resolves against the packed tarballs and the registry. */
function checkPackageReadmes(scratch) {
  console.log('\npackages/*/README.md: every `npm install` line resolves (npm install --dry-run)')
  for (const dir of readdirSync(join(root, 'packages'))) {
    let markdown
    try {
      markdown = readFileSync(join(root, 'packages', dir, 'README.md'), 'utf8')
    } catch {
      continue
    }
    const { installs } = guideOf(markdown)
    if (installs.length === 0) {
      if (!/You do not need it directly/.test(markdown)) fail(`packages/${dir}/README.md has no \`npm install\` line`)
      continue
    }
    const project = newProject(scratch, `readme-${dir}`)
    for (const line of installs) {
      try {
        sh(line.replace(/^npm install\b/, 'npm install --dry-run --no-audit --no-fund'), project)
      } catch (error) {
        fail(`packages/${dir}/README.md: ${error.message}`)
      }
    }
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'russo-readme-'))
try {
  console.log('pack:all')
  const packed = execFileSync('npx', ['-y', 'pnpm@10', 'run', 'pack:all'], { cwd: root, encoding: 'utf8' })
  for (const runner of ['vitest', 'jest']) {
    if (!new RegExp(`npm install --save-dev ${runner} .*russo-${runner}-[\\d.]+\\.tgz`).test(packed)) {
      fail(`pack:all printed no install line for ${runner}:\n${packed}`)
    }
  }
  // The guides' paths name the checkout `../russo-ts`, beside the user's project.
  symlinkSync(root, join(scratch, 'russo-ts'), 'dir')
  // `node scripts/check-readme.mjs jest` checks that guide alone.
  const only = process.argv.slice(2)
  for (const guide of GUIDES.filter((g) => only.length === 0 || only.includes(g.runner))) {
    try {
      checkGuide(scratch, guide)
    } catch (error) {
      fail(`${guide.readme}: ${error.message}`)
    }
  }
  if (only.length === 0) checkPackageReadmes(scratch)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
if (failures > 0) {
  console.error(`\n${failures} failure(s)`)
  process.exit(1)
}
console.log('\nok the guides install and run as written')
