// The whole russo wiring is the preset and the synthesizer module; the TypeScript setup is the project's own.
module.exports = {
  preset: '@russo/jest',
  testEnvironmentOptions: { russo: { synthesizer: './test/synthesizer.ts' } },
  transform: {
    // Transpile only (isolatedModules): type-checking is `pnpm typecheck`'s job, and it is much faster.
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', target: 'es2022', isolatedModules: true } }],
  },
  // The agent's sources are ESM TypeScript that import './pcm.js': point those at the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
}
