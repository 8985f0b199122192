import { packageFacts } from './scripts/package-facts.mjs';

// Sources imported by tests read what the bundles get as build-time constants (scripts/build.mjs).
Object.assign(process.env, packageFacts);

/** @type {import('jest').Config} */
export default {
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.js' },
  // Test files spend much of their time waiting on git and node child processes: a third worker
  // on two cores fills that wait (a quiet 2-core run: 83 s with two workers, 78 s with three).
  maxWorkers: '150%',
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Not in the temporary directory: a test run leaves nothing there.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  testTimeout: 120000,
};
