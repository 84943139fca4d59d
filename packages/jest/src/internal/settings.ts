import { isAbsolute, resolve } from 'node:path'
import {
  configError,
  didYouMean,
  type OptionsWhere,
  type RussoPluginOptions,
  type RussoSettings,
  resolveSettings,
} from '@russo/runner-kit'

/** The parts of Jest's project config russo reads (Jest 29 and 30 agree on them). */
export interface ProjectConfigLike {
  id?: string
  rootDir: string
  runner?: string
  testEnvironment?: string
  testEnvironmentOptions?: Record<string, unknown>
  displayName?: { name: string } | string
}

// `russo-jest` passes the `--russo-*` flags Jest would reject in this variable, verbatim, so messages
// and precedence are those of the flags (command line over environment).
export const ARGV_VARIABLE = '_RUSSO_JEST_ARGV'

/** The flags `russo-jest` received; empty when Jest was started directly. */
export function russoArgv(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const raw = env[ARGV_VARIABLE]
  if (raw === undefined || raw === '') return []
  const parsed = JSON.parse(raw) as unknown
  return Array.isArray(parsed) ? parsed.filter((arg): arg is string => typeof arg === 'string') : []
}

/** russo's keys in `testEnvironmentOptions`; other `russo…` keys there are typos of these. */
const ENVIRONMENT_KEYS = ['russo', 'russoSynthesizer']

/** `testEnvironmentOptions.russo`: what `russo({...})` takes in Vitest. */
export function russoOptions(config: ProjectConfigLike): RussoPluginOptions {
  for (const key of Object.keys(config.testEnvironmentOptions ?? {})) {
    if (/^russo/i.test(key) && !ENVIRONMENT_KEYS.includes(key)) {
      throw configError(
        `testEnvironmentOptions.${key} is not a russo option.${didYouMean(key, ENVIRONMENT_KEYS)} russo reads ` +
          'testEnvironmentOptions.russo (the options) and testEnvironmentOptions.russoSynthesizer (a docblock override).',
      )
    }
  }
  const options = config.testEnvironmentOptions?.russo
  if (options === undefined) return {}
  return options as RussoPluginOptions
}

/** A project's settings: flags (through `russo-jest`), then `RUSSO_*` variables, then its options. */
export function projectSettings(config: ProjectConfigLike): RussoSettings {
  const options = russoOptions(config)
  return resolveSettings({ options, root: config.rootDir, argv: russoArgv(), env: process.env, where: JEST_OPTIONS })
}

/** Messages name the options as a Jest user writes them. */
export const JEST_OPTIONS: OptionsWhere = {
  option: (name, value) => `testEnvironmentOptions.russo.${name}${value === undefined ? '' : ` = ${value}`}`,
  all: 'testEnvironmentOptions.russo',
  owner: 'testEnvironmentOptions.russo',
  root: 'the project rootDir',
}

/** The per-file override a `@jest-environment-options` docblock can set, resolved against the test file. */
export function fileSynthesizer(config: ProjectConfigLike, testDir: string): string | undefined {
  const value = config.testEnvironmentOptions?.russoSynthesizer
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') {
    throw configError(`russoSynthesizer must be a module path (a string), resolved against the test file's folder.`)
  }
  return value.startsWith('.') || isAbsolute(value) ? resolve(testDir, value) : value
}

export function projectName(config: ProjectConfigLike): string {
  return typeof config.displayName === 'string' ? config.displayName : (config.displayName?.name ?? '')
}
