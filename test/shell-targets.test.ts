import { describe, expect, test } from '@jest/globals';
import { shellWriteTargets } from '../src/agents/shell-targets.js';

const paths = (command: string) => shellWriteTargets(command).map((target) => target.path);

// One case a line: the command, and the files it visibly writes (relative to where it starts).
const CASES: [string, string[]][] = [
  ['echo hi > evals/a.json', ['evals/a.json']],
  ['echo hi >> evals/a.json', ['evals/a.json']],
  ['echo hi >| evals/a.json', ['evals/a.json']],
  ['make &> evals/log', ['evals/log']],
  ['make &>> evals/log', ['evals/log']],
  ['make 2> evals/err 1>evals/out', ['evals/err', 'evals/out']],
  ['make >evals/out 2>&1', ['evals/out']],
  ['exec 3<> evals/rw', ['evals/rw']],
  ['cat < evals/in', []],
  ['cat evals/in | grep x', []],
  [
    "cat > 'evals/with space.json' <<'EOF'\n{\"a\": 1} > not/a/target\nEOF\necho done",
    ['evals/with space.json'],
  ],
  ['cat <<-EOF >evals/t\n\tbody > nope\n\tEOF', ['evals/t']],
  ['echo "quoted" > "evals/q.json"', ['evals/q.json']],
  ['echo x > evals/esc\\ aped', ['evals/esc aped']],
  ["echo x > $'evals/ansi'", ['evals/ansi']],
  ['echo x | tee evals/a evals/b', ['evals/a', 'evals/b']],
  ['echo x | tee -a evals/a', ['evals/a']],
  ['cp data.json evals/', ['evals/']],
  ['cp -r a b evals', ['evals']],
  ['cp -t evals a b', ['evals/']],
  ['cp --target-directory=evals a', ['evals/']],
  ['mv old.json evals/new.json', ['evals/new.json']],
  ['install -m 644 x evals/x', ['evals/x']],
  ['ln -s ../x evals/link', ['evals/link']],
  ['rsync -av src/ evals/', ['evals/']],
  ['rsync -av host:src/ evals/', ['evals/']],
  ['rsync -av evals/ host:backup/', []],
  ["sed -i 's/a/b/' evals/x.json", ['evals/x.json']],
  ["sed -i.bak -e 's/a/b/' evals/x evals/y", ['evals/x', 'evals/y']],
  ["sed --in-place=.orig 's/a/b/' evals/x", ['evals/x']],
  ["sed 's/a/b/' evals/x", []],
  ["perl -pi -e 's/a/b/' evals/x", ['evals/x']],
  ["perl -i.bak -pe 's/a/b/' evals/x", ['evals/x']],
  ["perl -pe 's/a/b/' evals/x", []],
  ['touch evals/new', ['evals/new']],
  ['touch -r ref evals/new', ['evals/new']],
  ['rm -rf evals/old', ['evals/old']],
  ['truncate -s 0 evals/x', ['evals/x']],
  ['dd if=/dev/zero of=evals/blob bs=1 count=1', ['evals/blob']],
  ['curl -sSL -o evals/d.json https://example.invalid/d', ['evals/d.json']],
  ['curl --output=evals/d.json https://example.invalid/d', ['evals/d.json']],
  ['wget -O evals/d.json https://example.invalid/d', ['evals/d.json']],
  ['sort -o evals/sorted evals/in', ['evals/sorted']],
  ['cd evals && echo x > a.json', ['evals/a.json']],
  ['cd evals; cd sub; touch a', ['evals/sub/a']],
  ['(cd evals && touch a) && touch b', ['evals/a', 'b']],
  ['cd /abs/dir && touch a', ['/abs/dir/a']],
  ['cd "$DIR" && touch a', []],
  ['cd "$DIR" && touch /abs/a', ['/abs/a']],
  ['cd evals/../docs && touch a', ['docs/a']],
  ["bash -c 'echo x > evals/a'", ['evals/a']],
  ['sh -lc "cd evals && touch a"', ['evals/a']],
  ["eval 'touch evals/a'", ['evals/a']],
  ['sudo -u root tee evals/a < x', ['evals/a']],
  ['env FOO=1 cp a evals/b', ['evals/b']],
  ['FOO=1 touch evals/a', ['evals/a']],
  ['timeout 5 touch evals/a', ['evals/a']],
  ['if true; then touch evals/a; fi', ['evals/a']],
  ['for f in a b; do touch evals/$f; done', []],
  ['echo $(touch evals/a) > /dev/null', ['evals/a']],
  ['echo `rm evals/a`', ['evals/a']],
  ['echo x > "$OUT"', []],
  ['echo x > ~/notes', []],
  ['echo x > /dev/null 2>/dev/stderr', []],
  ['echo hi # > evals/comment', []],
  ['git commit -m "x > evals/a"', []],
  ['python gen.py --out evals/x', []],
  ['echo a\\\n  > evals/continued', ['evals/continued']],
];

describe('shellWriteTargets', () => {
  test.each(CASES)('%s', (command, expected) => {
    expect(paths(command)).toEqual(expected);
  });

  test('a destination that may be a directory carries the names that would land in it', () => {
    expect(shellWriteTargets('cp a.json dir/b.json evals')).toEqual([
      { path: 'evals', names: ['a.json', 'b.json'] },
    ]);
  });

  test('unterminated quotes and substitutions end the command instead of throwing', () => {
    expect(paths("echo 'open > evals/a")).toEqual([]);
    expect(paths('echo $(touch evals/a')).toEqual(['evals/a']);
    expect(paths('echo "unterminated > evals/a')).toEqual([]);
  });
});
