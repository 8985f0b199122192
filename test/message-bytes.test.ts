// A hook never changes a byte the user wrote: a message in any encoding, or none, gets our trailer
// appended and is otherwise committed as git alone would commit it. One case a line.
import { describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAUDE, useInstalledRepo } from './support/hooks.js';
import type { TempRepo } from './support/repo.js';

const TRAILER = 'Assisted-by: claude-code\n';

/** [name, i18n.commitEncoding or '', message bytes, what the agent's commit adds after git's]. */
const CASES: [string, string, Buffer, string][] = [
  [
    'ISO-8859-1',
    'ISO-8859-1',
    Buffer.from('Résumé café\n\nCorps en français : ça marche, à côté.\n', 'latin1'),
    `\n${TRAILER}`,
  ],
  [
    'windows-1252 (euro sign, curly quotes, dashes)',
    'windows-1252',
    Buffer.from([
      ...Buffer.from('Price '),
      0x80,
      ...Buffer.from(' 5 '),
      0x93,
      ...Buffer.from('quoted'),
      0x94,
      0x20,
      0x96,
      ...Buffer.from(' done\n'),
    ]),
    `\n${TRAILER}`,
  ],
  [
    'Shift-JIS (trail bytes 0x5C and 0x7E)',
    'Shift_JIS',
    // 表示 ソフト ミス: 表 = 95 5C, ソ = 83 5C, ミ = 83 7E.
    Buffer.from([
      0x95, 0x5c, 0x8e, 0xa6, 0x20, 0x83, 0x5c, 0x83, 0x74, 0x83, 0x67, 0x0a, 0x0a, 0x83, 0x7e,
      0x83, 0x58, 0x0a,
    ]),
    `\n${TRAILER}`,
  ],
  [
    'invalid UTF-8 (stray, truncated and overlong sequences)',
    '',
    Buffer.from([...Buffer.from('broken '), 0xff, 0xfe, 0x20, 0xe2, 0x82, 0x20, 0xc0, 0xaf, 0x0a]),
    `\n${TRAILER}`,
  ],
  [
    'a UTF-8 byte order mark',
    '',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('subject with BOM\n')]),
    `\n${TRAILER}`,
  ],
  ['CRLF line ends', '', Buffer.from('subject\r\n\r\nbody line\r\n'), `\n${TRAILER}`],
  [
    'an existing trailer whose last byte is 0xA0 (à in UTF-8)',
    '',
    Buffer.from('subject\n\nSigned-off-by: Zoé Voilà <zoe@example.com>\n'),
    TRAILER,
  ],
  [
    'ISO-8859-1 with an existing trailer block',
    'ISO-8859-1',
    Buffer.from('sujet\n\nReviewed-by: Zoé Noël <zoe@example.com>\n', 'latin1'),
    TRAILER,
  ],
];

/** The message part of HEAD's commit object, as stored. */
function storedMessage(repo: TempRepo): Buffer {
  const raw = execFileSync('git', ['cat-file', 'commit', 'HEAD'], { cwd: repo.dir, env: repo.env });
  return raw.subarray(raw.indexOf('\n\n') + 2);
}

describe('messages keep their bytes when a trailer is added', () => {
  let repo: TempRepo;
  useInstalledRepo(['README.md'], (made) => (repo = made));

  test.each(CASES)('%s', (_name, encoding, message, added) => {
    // Set, or unset (exit 5 when it was not set).
    spawnSync(
      'git',
      ['config', ...(encoding ? [] : ['--unset-all']), 'i18n.commitEncoding', encoding],
      {
        cwd: repo.dir,
        env: repo.env,
      },
    );
    const file = join(repo.home, 'message');
    writeFileSync(file, message);
    const commit = (env: Record<string, string>) =>
      execFileSync('git', ['commit', '-q', '--allow-empty', '-F', file], {
        cwd: repo.dir,
        env: { ...repo.env, ...env },
        // git warns on stderr that the invalid-UTF-8 case is not UTF-8: expected, not test output.
        stdio: 'pipe',
      });
    commit({});
    const alone = storedMessage(repo);
    commit(CLAUDE);
    const withAgent = storedMessage(repo);
    expect(withAgent.toString('hex')).toBe(
      Buffer.concat([alone, Buffer.from(added)]).toString('hex'),
    );
  });
});
