import type { ViteUserConfig as UserConfig } from 'vitest/config'

type TestOptions = NonNullable<UserConfig['test']>
type InlineDeps = NonNullable<NonNullable<NonNullable<TestOptions['server']>['deps']>['inline']>

/** Matches this package wherever it is installed, so Vite (not Node) runs the fixtures and their `import()`. */
const OURS = '@russo/vitest/'

/**
 * Has Vite run `@russo/vitest` in the root config and in every inline project. The fixtures `import()`
 * the user's synthesizer module, and only code Vite runs can import a `.ts` file. Vitest 5 runs inline
 * projects on one Vite server and no longer calls plugin `config` hooks per project, so config returned
 * here would reach the root alone: each inline project's own `test` is edited instead (works on 4.1 too).
 */
export function inlineOurPackage(user: UserConfig): void {
  user.test ??= {}
  addInline(user.test)
  for (const project of user.test.projects ?? []) {
    if (project !== null && typeof project === 'object' && !('then' in project)) {
      const inline = project as { test?: TestOptions }
      inline.test ??= {}
      addInline(inline.test)
    }
  }
}

function addInline(test: TestOptions): void {
  test.server ??= {}
  test.server.deps ??= {}
  const inline: InlineDeps | undefined = test.server.deps.inline
  if (inline === true) return
  if (inline === undefined) test.server.deps.inline = [OURS]
  else if (!inline.includes(OURS)) inline.push(OURS)
}
