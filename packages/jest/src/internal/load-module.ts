import { createRequire } from 'node:module'
import { join } from 'node:path'
import { requireFromJest } from './from-jest.js'
import type { ProjectConfigLike } from './settings.js'

interface ScriptTransformer {
  requireAndTranspileModule(modulePath: string): Promise<unknown>
}
interface TransformModule {
  createScriptTransformer(config: unknown): Promise<ScriptTransformer>
}

/** Per worker process: Node caches the module anyway; this also spares making a transformer per file. */
const loaded = new Map<string, Promise<unknown>>()

/**
 * The default export of a synthesizer module, loaded through Jest's own transformer (as Jest loads a
 * `.ts` globalSetup), so ts-jest or babel-jest compiles it; plain `.js`/`.mjs` load natively.
 */
export function loadDefaultExport(specifier: string, config: ProjectConfigLike): Promise<unknown> {
  let promise = loaded.get(specifier)
  if (promise === undefined) {
    promise = load(specifier, config)
    loaded.set(specifier, promise)
    promise.catch(() => loaded.delete(specifier))
  }
  return promise
}

async function load(specifier: string, config: ProjectConfigLike): Promise<unknown> {
  const { createScriptTransformer } = requireFromJest<TransformModule>(config, '@jest/transform')
  const path = specifier.startsWith('/')
    ? specifier
    : createRequire(join(config.rootDir, 'package.json')).resolve(specifier)
  const transformer = await createScriptTransformer(config)
  const exported = await transformer.requireAndTranspileModule(path)
  // Jest unwraps `default` of ES modules and of transpiled ones (`__esModule`); CommonJS stays whole.
  return exported !== null && typeof exported === 'object' && 'default' in exported
    ? (exported as { default: unknown }).default
    : exported
}
