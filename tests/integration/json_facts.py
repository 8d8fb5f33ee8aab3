#!/usr/bin/env python3
"""The facts of a trace, text or --json, in one comparable form (test_json.sh).

    json_facts.py skeleton TRACE.json  > skel     # a `strace -f -o` trace of the same facts
    normalize.py FILE | json_facts.py facts       # "LABEL: name = RET", "LABEL: --- SIGX ---"

`skeleton` turns each JSON object into the line strace -f -o would print for
it, with the arguments left out: `1234  clone() = 1235`, `1234  +++ exited with
0 +++`.  Run through normalize.py, that gets the labels a text trace of the same
program gets, so the two can be compared.  `facts` reduces normalised lines
(text or skeleton) to what both carry: the syscall's name and its return (the
value, `ERR ENAME`, `?`; addresses as ADDR), the signal's name, exit lines whole.
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import normalize  # noqa: E402

# normalize.py's ADDR: 0x and at least 7 hex digits.  A return value that large
# is an address (pids stay below 2^22): JSON writes it in decimal.
ADDR_MIN = 0x1000000
LINE_RE = re.compile(r'^([^:]+): (.*)$')


def skeleton_line(o):
    t = o['type']
    if t == 'syscall':
        if o.get('unfinished'):
            ret = '?'
        elif 'error' in o:
            e = o['error']
            ret = '-1 %s' % (e['errno'] or e['code'])
        else:
            ret = '%d' % o['retval']
        return '%s() = %s' % (o['syscall'], ret)
    if t == 'signal':
        return '--- %s ---' % o['signal']
    if t == 'group_stop':
        return '--- stopped by %s ---' % o['signal']
    if t == 'exit':
        return '+++ exited with %d +++' % o['status']
    if t == 'killed':
        return '+++ killed by %s %s+++' % (o['signal'], '(core dumped) ' if o['core_dumped'] else '')
    if t == 'superseded':
        return '+++ superseded by execve in pid %d +++' % o['by']
    return None   # attach, detach, personality: not in a text -o trace


def skeleton(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            o = json.loads(line)
            text = skeleton_line(o)
            if text is not None:
                sys.stdout.write('%d  %s\n' % (o['pid'], text))


def reduce_return(ret):
    tokens = ret.split()
    if len(tokens) > 1 and tokens[0] in ('-1', '?') and tokens[1].startswith('E'):
        return 'ERR ' + tokens[1]
    if not tokens:
        return ''
    if re.match(r'^-?\d+$', tokens[0]) and int(tokens[0]) >= ADDR_MIN:
        return 'ADDR'
    # A value strace prints in hex (fcntl's F_GETFL flags) is a JSON number.
    if re.match(r'^0x[0-9a-f]+$', tokens[0]) and int(tokens[0], 16) < ADDR_MIN:
        return str(int(tokens[0], 16))
    return tokens[0]


def facts():
    for line in sys.stdin:
        m = LINE_RE.match(line.rstrip('\n'))
        if not m:
            continue
        label, text = m.groups()
        if text.startswith('--- ') and not text.startswith('--- stopped by'):
            text = '--- %s ---' % text.split()[1]
        elif not text.startswith('+++ ') and not text.startswith('--- '):
            name = normalize.syscall_name(text)
            _, ret = normalize.split_return(text)
            text = '%s = %s' % (name, reduce_return(ret) if ret is not None else '?')
        print('%s: %s' % (label, text))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'skeleton':
        skeleton(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == 'facts':
        facts()
    else:
        sys.exit('usage: json_facts.py skeleton TRACE.json | json_facts.py facts')


if __name__ == '__main__':
    main()
