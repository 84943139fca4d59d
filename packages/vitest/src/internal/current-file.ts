import { type RunnerTestFile, TestRunner } from 'vitest'

/**
 * The test file a file-scoped fixture is being set up for. File fixtures get no `task`; the running test
 * knows its file, and when the fixture is first used in `beforeAll` the runner's current suite does
 * (a worker runs one file at a time).
 */
export function currentFile(): RunnerTestFile | undefined {
  const test = TestRunner.getCurrentTest()
  if (test !== undefined) return test.file
  try {
    const file = (TestRunner.getCurrentSuite() as { file?: RunnerTestFile }).file
    return file?.type === 'suite' && typeof file.filepath === 'string' ? file : undefined
  } catch {
    return undefined
  }
}
