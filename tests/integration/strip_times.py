#!/usr/bin/env python3
"""Checks and removes the time stamps of a -t/-tt/-ttt/-r/-T trace.

    strip_times.py [--prefix RE] [--prefix-len N] [--durations DIGITS] [--pid-column] TRACE

Every line must start (after the "1234  " pid column of -f -o when
--pid-column, or a "[pid  123] " prefix) with a match of --prefix RE, of
exactly N characters when --prefix-len is given.  With --durations, every
line that ends a syscall must end with " <S>" or " <S.F>" (F of DIGITS
digits, none when 0), except "= ?" lines (a task that died inside the
call), and no other line may have one.  Where the return value is padded,
"=" must be at column 40, counted from the start of the line as strace does
(pid column and time stamp included).

Writes the trace without the time stamps and durations to stdout, for
normalize.py.  Exit 1 (with each bad line on stderr) when a rule is broken.
"""

import argparse
import re
import sys

PID_COLUMN = re.compile(r'^(\d+) ')
PID_PREFIX = re.compile(r'^(\[pid +\d+\] )')
RETURN_COLUMN = 40


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--prefix')
    ap.add_argument('--prefix-len', type=int)
    ap.add_argument('--durations', type=int)
    ap.add_argument('--pid-column', action='store_true')
    ap.add_argument('trace')
    a = ap.parse_args()
    prefix = re.compile(a.prefix) if a.prefix else None
    if a.durations is None:
        duration = None
    elif a.durations:
        duration = re.compile(r' <\d+\.\d{%d}>$' % a.durations)
    else:
        duration = re.compile(r' <\d+>$')
    any_duration = re.compile(r' <\d+(\.\d+)?>$')
    bad = 0
    lines = 0

    def complain(why, line):
        nonlocal bad
        bad += 1
        if bad <= 20:
            print('%s: %s: %r' % (a.trace, why, line), file=sys.stderr)

    with open(a.trace, errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            lines += 1
            if a.pid_column:
                # "%-5d ": the pid, padded to 5 columns, and one space.
                m = PID_COLUMN.match(line)
                pid = m.group(1).ljust(5) + ' ' if m else ''
                if not line.startswith(pid):
                    pid = ''
            else:
                m = PID_PREFIX.match(line)
                pid = m.group(1) if m else ''
            rest = line[len(pid):]
            if prefix:
                m = prefix.match(rest)
                if not m or (a.prefix_len is not None and len(m.group(0)) != a.prefix_len):
                    complain('no time stamp of the expected form', line)
                    print(line)
                    continue
                rest = rest[len(m.group(0)):]
            stamp_len = len(line) - len(pid) - len(rest)

            # A line that ends a syscall: it has a return value.
            body = rest
            ends_call = not rest.startswith(('---', '+++')) and \
                not rest.endswith(('<unfinished ...>', '...>')) and ' = ' in rest
            if duration is not None:
                m = any_duration.search(rest)
                died = ends_call and re.search(r' = \?$', rest) is not None
                if ends_call and not died:
                    if not duration.search(rest):
                        complain('no duration of the expected form', line)
                    else:
                        body = rest[:m.start()]
                elif m:
                    complain('a duration where none belongs', line)
                    body = rest[:m.start()]
            # Padding: "=" at column 40 when what precedes it is shorter.
            if ends_call:
                head, _, _ = body.rpartition(' = ')
                stripped = head.rstrip(' ')
                if len(pid) + stamp_len + len(stripped) < RETURN_COLUMN - 1:
                    col = len(pid) + stamp_len + len(head) + 1
                    if col != RETURN_COLUMN:
                        complain('"=" at column %d, not %d' % (col, RETURN_COLUMN), line)
            print(pid + body)
    if not lines:
        print('%s: empty trace' % a.trace, file=sys.stderr)
        return 1
    if bad:
        print('%s: %d of %d lines broke the rules' % (a.trace, bad, lines), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
