/** The russo part of `russo-jest --help`, printed after Jest's own help. */
export const RUSSO_HELP = `
russo (russo-jest takes these out before Jest sees them; each has an environment variable):
  --russo-offline          never synthesize: a missing entry fails its test       RUSSO_CACHE_MODE=offline
  --russo-refresh          synthesize each prompt the run uses again, overwrite   RUSSO_CACHE_MODE=refresh
  --russo-no-cache         synthesize every call, store nothing                   RUSSO_NO_CACHE=1
  --russo-cache-mode=M     M is auto, off, refresh or offline                     RUSSO_CACHE_MODE=M
  --russo-cache-dir=DIR    use DIR (relative to rootDir), default .russo_cache    RUSSO_CACHE_DIR=DIR
  --russo-clear-cache      empty the cache once, before any test                  RUSSO_CLEAR_CACHE=1
  --russo-prune            after a passing run of every test, remove the entries  RUSSO_PRUNE=1
                           no test used
  --russo-prune-dry-run    list what --russo-prune would remove                   RUSSO_PRUNE_DRY_RUN=1
  --russo-remote=URL       share the cache through a bucket (s3://bucket/prefix)  RUSSO_REMOTE=URL
  --russo-remote-mode=M    M is readwrite, read or off                            RUSSO_REMOTE_MODE=M

Precedence: flags, then environment, then testEnvironmentOptions.russo in jest.config.
`

/** Whether Jest is asked for its help (it prints it and exits). */
export function asksForHelp(jestArgs: readonly string[]): boolean {
  return jestArgs.includes('--help') || jestArgs.includes('-h')
}
