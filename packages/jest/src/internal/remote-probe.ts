import { probeRemote, type RussoSettings, remoteDownWarning, remoteRequiredError } from '@russo/runner-kit'

// Remotes the main process found unusable, for the workers (they inherit the environment): a dead or
// hung remote costs one probe for the run, not a timeout in every test file.
const DOWN = '_RUSSO_JEST_REMOTE_DOWN'
const probed = new Map<string, Promise<string | undefined>>()

/** In the main process, before any test: probes the remote once, warns (or, when required, stops). */
export async function checkRemote(settings: RussoSettings, root: string): Promise<void> {
  const remote = settings.remote
  if (remote === undefined || settings.mode.value === 'off') return
  const first = !probed.has(remote.url)
  if (first) probed.set(remote.url, probeRemote(root, remote))
  const problem = await probed.get(remote.url)
  if (problem === undefined) return
  if (remote.required) throw remoteRequiredError(problem)
  if (!first) return
  console.warn(remoteDownWarning(problem))
  process.env[DOWN] = JSON.stringify([...downUrls(), remote.url])
}

/** Whether the main process found the remote at `url` unusable. */
export function remoteDown(url: string): boolean {
  return downUrls().includes(url)
}

function downUrls(): string[] {
  try {
    const parsed = JSON.parse(process.env[DOWN] ?? '[]') as unknown
    return Array.isArray(parsed) ? parsed.filter((url): url is string => typeof url === 'string') : []
  } catch {
    return []
  }
}
