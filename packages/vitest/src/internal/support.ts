/** The Vitest majors this plugin is tested on, as the peer range says. */
export const SUPPORTED_VITEST = '>=4.1.0 <6'

/**
 * What to say once at start about this Vitest and Node, or nothing. Vitest 5 on Node < 22.12 starts,
 * then its reporter crashes on the first failing test (`Map.groupBy is not a function`), hiding every
 * failure and the russo block: worth saying before it happens.
 */
export function supportWarnings(vitestVersion: string, nodeVersion: string): string[] {
  const [major = 0, minor = 0] = vitestVersion.split('.').map(Number)
  const [nodeMajor = 0, nodeMinor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number)
  const warnings: string[] = []
  if (!((major === 4 && minor >= 1) || major === 5)) {
    warnings.push(
      `russo: @russo/vitest supports Vitest ${SUPPORTED_VITEST} (4.1 and 5); this is Vitest ${vitestVersion}, so expect trouble.`,
    )
  }
  if (major >= 5 && (nodeMajor < 22 || (nodeMajor === 22 && nodeMinor < 12))) {
    warnings.push(
      `russo: Vitest ${vitestVersion} needs Node >= 22.12, and this is Node ${nodeVersion.replace(/^v/, '')}. ` +
        "On older Node, Vitest's reporter crashes at the first failing test (Map.groupBy is not a function) and " +
        'hides every failure. Run Node 22.12 or later, or use Vitest 4.1 on this Node.',
    )
  }
  return warnings
}
