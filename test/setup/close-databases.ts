import { afterAll } from 'vitest'
import { closeAllDatabases } from '../../src/db/open-database.js'

// Close SQLite handles while the worker is alive; finalising them during process teardown aborts Node 24.
afterAll(() => closeAllDatabases())
