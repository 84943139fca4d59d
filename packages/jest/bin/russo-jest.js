#!/usr/bin/env node
// A committed stub: pnpm links a workspace package's bin only if its file exists at install time, and
// dist/ is built after the install.
import '../dist/bin.js'
