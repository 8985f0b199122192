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
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Not in the temporary directory: a test run leaves nothing there.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  testTimeout: 120000,
};
