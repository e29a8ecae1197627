#!/usr/bin/env node
// Runs the CLI from compiled JavaScript (.build/, made by bin/build.js on install and rebuilt
// whenever a source file is newer), so `npx churn-insight --help` answers without compiling TypeScript.
import { pathToFileURL } from 'node:url'
import { ensureBuilt } from './build.js'

await import(pathToFileURL(await ensureBuilt('src/cli/main.js')).href)
