import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['{shared,main,renderer,office,tests/unit}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'dist', 'tests/e2e'],
    environment: 'node',
    // The machine's zone must never matter: run under UTC so a test that forgets
    // to use Vietnam time fails here rather than passing by accident.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    pool: 'forks',
    // Vitest's default leaves one core free, which is one worker on a 2-core CI runner; most
    // suites here wait on sockets, databases and child processes, so two share a core well.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
