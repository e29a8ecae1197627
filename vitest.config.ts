import { defineConfig } from 'vitest/config';

// Test layout
// - Every test lives under test/ and is named *.test.ts (test/eval/*.test.ts included).
// - test/eval/run.ts is the `npm run eval` runner script, not a test file: the include
//   glob below never matches it, so test/eval/ as a whole is NOT excluded.
// - Files a test writes (screenshots, rendered charts, temporary SQLite databases, logs)
//   go under test-artifacts/ at the repo root; it is gitignored. Create subfolders with
//   fs.mkdirSync(dir, { recursive: true }) and never write elsewhere in the tree.
// - Browser/DOM tests opt in per file with `// @vitest-environment jsdom`, or drive
//   Debian's /usr/bin/chromium (installed by .ci/run) headless with --no-sandbox.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test-artifacts/**'],
    environment: 'node',
    // better-sqlite3 is a native addon: child processes (forks) isolate it more
    // reliably than worker threads.
    pool: 'forks',
    setupFiles: ['test/setup/close-databases.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // No coverage: not collected in CI or locally.
  },
});
