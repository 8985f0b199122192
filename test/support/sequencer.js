/**
 * jest's order, with a fallback for a run without jest's timing cache (a fresh clone, as CI has):
 * jest would order those files by size and two workers would end the run with one idle while the
 * last long file runs. Files jest has not timed take their seconds from test-weights.json
 * (a warm run's per-file times: only their order matters), so the long files start first.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import Sequencer from '@jest/test-sequencer';

const weights = JSON.parse(readFileSync(new URL('test-weights.json', import.meta.url), 'utf8'));

export default class WeightedSequencer extends Sequencer {
  time(test) {
    const seconds = weights[relative(test.context.config.rootDir, test.path)];
    return super.time(test) ?? (seconds === undefined ? undefined : seconds * 1000);
  }
}
