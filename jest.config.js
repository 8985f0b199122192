import { availableParallelism } from 'node:os';
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
  // Test files spend much of their time waiting on git and node child processes: 1.5 workers a
  // core fill that wait (a quiet 2-core run: 83 s with two workers, 78 s with three). Computed
  // here because jest reads a percentage only up to 100% ('150%' would start 150 workers).
  maxWorkers: Math.max(1, Math.floor(availableParallelism() * 1.5)),
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Not in the temporary directory: a test run leaves nothing there.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  testTimeout: 120000,
};
