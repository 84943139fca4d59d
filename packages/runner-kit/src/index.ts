export { clearOnce } from './clear.js'
export { type FileUse, readFileUse } from './file-meta.js'
export { finishRun, type RunEnd } from './finish-run.js'
export {
  configError,
  type FlagLevel,
  KNOWN_ENV,
  KNOWN_FLAGS,
  REMOTE_MODES,
  type RemoteModeSetting,
  readArgv,
  readEnv,
  type Sourced,
  unknownEnv,
} from './flags.js'
export { type BlockInput, formatBlock } from './format.js'
export { makeSynthesizer, synthesizerFailure } from './make-synthesizer.js'
export { didYouMean, nearest } from './nearest.js'
export {
  type OptionsWhere,
  type RussoPluginOptions,
  type RussoReportOptions,
  type RussoSettings,
  resolveSettings,
  type SettingsInput,
  VITEST_OPTIONS,
} from './options.js'
export { cacheDirProblem, UNWRITABLE_WARNING, unusableCacheWarning } from './probe.js'
export { listUnused, pruneUnused, type UnusedEntry } from './prune.js'
export { loadS3, probeRemote, remoteDownWarning, remoteRequiredError, workerRemote } from './remote.js'
export type { RemoteOption, RemoteSettings } from './remote-settings.js'
export { type FileFigures, type RussoJsonReport, writeJsonReport } from './report-json.js'
export { type FileRecord, type RunSummary, summarizeUses } from './summarize.js'
