import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'runner-kit',
    include: ['test/**/*.test.ts'],
  },
})
