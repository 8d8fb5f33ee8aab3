#!/usr/bin/env python3
"""identical_lines.py STRACE_NORM CTRACE_NORM: share of strace's lines ctrace printed identically.

Both files are normalize.py output (full mode: every line whole, "LABEL: line").
Lines are matched as multisets, so that the order of racing tasks' lines does
not count; prints "IDENTICAL TOTAL PERCENT" (percent with one decimal) and,
with -v, strace's lines that ctrace did not print identically.
"""

import collections
import sys


def main():
    verbose = '-v' in sys.argv[1:]
    files = [a for a in sys.argv[1:] if a != '-v']
    if len(files) != 2:
        print(__doc__.split('\n')[0], file=sys.stderr)
        return 2
    with open(files[0]) as f:
        theirs = collections.Counter(f.read().splitlines())
    with open(files[1]) as f:
        ours = collections.Counter(f.read().splitlines())
    total = sum(theirs.values())
    same = sum((theirs & ours).values())
    pct = 100.0 * same / total if total else 100.0
    print('%d %d %.1f' % (same, total, pct))
    if verbose:
        for line, n in sorted((theirs - ours).items()):
            print('-%s%s' % (line, ' (x%d)' % n if n > 1 else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
