import { CliError } from '../exit-codes.js'

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** "30d", "12h", "90m", "45s", "2w" in milliseconds; anything else is a usage error naming the option. */
export function parseAge(option: string, value: string): number {
  const match = /^(\d+)([smhdw])$/.exec(value.trim())
  if (!match) {
    throw new CliError(
      'RUSSO_CLI_USAGE',
      `${option} ${JSON.stringify(value)} is not an age; write a whole number and a unit: 45s, 90m, 12h, 30d or 2w.`,
    )
  }
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number)
}
