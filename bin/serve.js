#!/usr/bin/env node
// `npm start`: the server from compiled JavaScript (see bin/build.js).
import { pathToFileURL } from 'node:url'
import { ensureBuilt } from './build.js'

await import(pathToFileURL(await ensureBuilt('src/index.js')).href)
