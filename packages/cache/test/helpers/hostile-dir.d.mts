/**
 * A cache directory as real ones are found: russo-ts and Python russo entries, a key given to `put`,
 * Git LFS pointers that were never pulled, a truncated copy, a corrupt meta, crashed writers' leftovers,
 * prompts full of terminal control sequences, and beside them what is not russo's: lockfiles of several
 * ecosystems, foreign .audio/.meta/.lock files, a folder, a FIFO and links out. Used by the core's and
 * the CLI's tests; every file is written by hand (as each writer writes it); keys come from the `cacheKey` passed in
 * (the core's source or its build), so the builder imports neither.
 */
export interface HostileDir {
  dir: string
  /** Where the links point: must never change. */
  outside: string
  /** Valid russo-ts entries (the first has a prompt full of control sequences). */
  ts: string[]
  python: string
  /** A valid entry under a key given to `put` (not one russo makes). */
  custom: string
  lfsPython: string
  lfsTs: string
  truncated: string
  corruptMeta: string
  /** A 24-hex audio whose meta is gone, old enough for cleanup. */
  orphan: string
  /** A lock and a temp file of a writer that died. */
  staleLock: string
  deadTemp: string
  /** Regular files that are not russo's, with their sha256 when written. */
  foreign: Map<string, string>
  /** Names that are not regular files: a folder, a FIFO, links. */
  special: string[]
  hostilePrompt: string
}

export declare const HOSTILE_PROMPT: string
export declare function hostileDir(root: string, cacheKey: (prompt: string) => string): HostileDir
/** The names in the directory now. */
export declare function namesIn(dir: string): string[]
/** Foreign files whose content changed or that are gone, and special files gone: should be none. */
export declare function damagedForeign(scene: HostileDir): string[]
