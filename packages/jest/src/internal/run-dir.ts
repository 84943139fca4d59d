import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FileRecord, readFileUse } from '@russo/runner-kit'

// Jest has no channel for free-form data from a worker to a reporter: each test file's environment
// writes its figures as one JSON file into a directory the reporter makes at the run's start. Workers
// inherit these variables, since Jest starts them after `onRunStart`. Not `RUSSO_*`: users never set them.
const RUN_DIR = '_RUSSO_JEST_RUN_DIR'
const STARTED_AT = '_RUSSO_JEST_STARTED_AT'

export interface RunInfo {
  dir: string
  startedAt: number
}

/** Makes this run's directory and announces it to the workers Jest starts next. */
export function startRun(): RunInfo {
  const run = { dir: mkdtempSync(join(tmpdir(), 'russo-jest-')), startedAt: Date.now() }
  process.env[RUN_DIR] = run.dir
  process.env[STARTED_AT] = String(run.startedAt)
  return run
}

/** The run this process belongs to, or `undefined` when russo's reporter is not in the run. */
export function currentRun(): RunInfo | undefined {
  const dir = process.env[RUN_DIR]
  if (dir === undefined || dir === '') return undefined
  return { dir, startedAt: Number(process.env[STARTED_AT]) || Date.now() }
}

/** One test file's figures; written whole under a temporary name, so the reporter never reads half. */
export function writeRecord(dir: string, record: FileRecord): void {
  const name = `${process.pid}-${randomBytes(6).toString('hex')}`
  writeFileSync(join(dir, `${name}.tmp`), JSON.stringify(record))
  renameSync(join(dir, `${name}.tmp`), join(dir, `${name}.json`))
}

/** Every record of the run; malformed ones are skipped. */
export function readRecords(dir: string): FileRecord[] {
  const records: FileRecord[] = []
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue
    let raw: (Partial<FileRecord> & { use?: object }) | null
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as typeof raw
    } catch {
      continue
    }
    const use = raw?.use === undefined ? undefined : readFileUse({ russo: raw.use })
    if (use !== undefined && typeof raw?.file === 'string') {
      records.push({ project: String(raw.project ?? ''), file: raw.file, use })
    }
  }
  return records
}

/** Removes the run's directory and forgets it (watch mode starts a new one per run). */
export function endRun(run: RunInfo): void {
  rmSync(run.dir, { recursive: true, force: true })
  if (process.env[RUN_DIR] === run.dir) {
    delete process.env[RUN_DIR]
    delete process.env[STARTED_AT]
  }
}
