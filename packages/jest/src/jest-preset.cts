// `preset: '@russo/jest'`. Absolute paths, so Jest finds the parts wherever the package is installed.
import { join } from 'node:path'

export = {
  testEnvironment: join(__dirname, 'environment.js'),
  reporters: ['default', join(__dirname, 'reporter.js')],
  globalSetup: join(__dirname, 'global-setup.js'),
}
