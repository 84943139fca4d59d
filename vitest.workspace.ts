// The projects of `pnpm test`. Vitest 4 has no workspace file: vitest.config.ts imports this list.
export const projects = [
  'packages/cache',
  'packages/runner-kit',
  'packages/vitest',
  'packages/jest',
  'packages/audio',
  'packages/espeak',
  'packages/cli',
  'packages/ai-sdk',
  'packages/gemini',
  'packages/s3',
  'examples/voice-agent',
]
