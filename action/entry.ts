// The bundle's entry (action/index.js): runs the Action. action/main.ts exports run() for tools
// that call it themselves, such as @github/local-action.
import { run } from './main.js';

await run();
