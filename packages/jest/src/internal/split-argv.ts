/** Russo flags that take their value as the next argument when not written `--flag=value`. */
const VALUE_FLAGS = ['--russo-cache-dir', '--russo-cache-mode', '--russo-remote', '--russo-remote-mode']

/**
 * Separates the `--russo-*` flags (with the values of those that take one) from the arguments meant
 * for Jest: `--russo-cache-dir DIR`'s DIR is the flag's, not a test path pattern.
 */
export function splitArgv(args: readonly string[]): { russo: string[]; jest: string[] } {
  const russo: string[] = []
  const jest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (!arg.startsWith('--russo-')) {
      jest.push(arg)
      continue
    }
    russo.push(arg)
    const next = args[i + 1]
    if (VALUE_FLAGS.includes(arg) && next !== undefined && !next.startsWith('--')) russo.push(args[++i] as string)
  }
  return { russo, jest }
}
