// Placeholder while the Action is being written (issue 5).
import * as core from '@actions/core';

core.setFailed('trailguard action: not implemented yet');
