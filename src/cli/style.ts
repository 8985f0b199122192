/**
 * Colour for a terminal, by the conventions users set once for every tool: FORCE_COLOR (any value
 * but 0 or false) turns it on, NO_COLOR (any non-empty value) off, and otherwise only a TTY that
 * is not TERM=dumb gets it. Pipes, files and CI logs read as plain text.
 */
export interface Style {
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  bold: (text: string) => string;
  dim: (text: string) => string;
}

import type { CliIO } from './io.js';

export function colourWanted(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY === true && env.TERM !== 'dumb';
}

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`;

const plain = (text: string) => text;

export function style(enabled: boolean): Style {
  if (!enabled) return { red: plain, green: plain, yellow: plain, bold: plain, dim: plain };
  return {
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    bold: sgr(1, 22),
    dim: sgr(2, 22),
  };
}

/** The style for what a verb writes to stdout. */
export function stdoutStyle(io: CliIO): Style {
  return style(colourWanted(io.env, io.stdoutIsTTY));
}
