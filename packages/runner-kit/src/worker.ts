// What a test worker needs, apart from the main-process code (flags, settings, the report, prune): a
// runner loads it in every test file's process, where importing the whole package cost ~25 ms per file.
export type { FileUse } from './file-meta.js'
export { makeSynthesizer, synthesizerFailure } from './make-synthesizer.js'
export { UNWRITABLE_WARNING } from './probe.js'
export { workerRemote } from './remote.js'
