// The hooks' bundles in one place (read by build.mjs; test/bundles.test.ts checks them).
//
// LEAN: what the git hook shims and the agent hook configs run through dist/hook.cjs, one
// CommonJS file each, without the ESM module graph of dist/cli.js.
// LAZY: modules a lean bundle loads only when needed (the policy read in full when its cache is
// stale), each bundled apart: an import of one from a lean bundle becomes a require() of its file.
// HEAVY: packages a lean bundle must never contain; the build fails when one slips in (a lazy
// module renamed or a new import of the parser from the hot path).
export const LEAN = {
  'hook-main': 'src/entries/hook-main.ts',
  'agent-hook-main': 'src/entries/agent-hook-main.ts',
};
export const LAZY = { 'policy-refresh': 'src/policy/refresh.ts' };
export const HEAVY = ['yaml', 'zod', 'picomatch'];
