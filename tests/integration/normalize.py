#!/usr/bin/env python3
"""Canonical form of a `strace -f -o FILE` trace, for comparing two tracers' output.

Two traces of the same program differ in ways that say nothing about the tracer:
pid numbers, ASLR addresses, how the tracer happened to split a syscall into
`<unfinished ...>` / `<... X resumed>` halves, and how the tasks' lines interleave.
This script removes exactly those differences and nothing else:

1. Split lines are joined per pid into the one line strace prints for an
   uninterrupted call.  The head is the unfinished line minus " <unfinished ...>"
   (one space: strace prints `wait4(-1,  <unfinished ...>` with two, so the head
   keeps the argument separator `wait4(-1, `), the tail is what follows
   `<... NAME resumed>`.  An execve begun by a non-leader thread (`execve(...
   <pid changed to N ...>`) is joined with its resumption in pid N and placed
   there: it is the first line of the new image.
2. The padding before " = RETURN" is recomputed as strace does without -f: the
   return value starts at column 40 of the line without the pid column (at least
   one space).  With -f strace counts the pid column, whose width depends on the
   pid number, so raw padding cannot be compared between two runs.  It is
   computed last, on the line with labels and ADDR in place, so that a pid
   written in the arguments (wait4(995, ...) in one run, wait4(1222, ...) in
   the other) does not move the return value.
3. Every task gets a label independent of pid numbers and scheduling: the first
   traced pid is P0; the task created by the n-th successful clone, clone3, fork
   or vfork of task L is L.n.  Every known pid number anywhere in a line (return
   values, parent_tid=[N], si_pid=N, wait4(N, ..., "superseded by execve in pid
   N") becomes its label.
4. Addresses (0x and 7 or more hex digits, not followed by a /* comment */)
   become ADDR; the CPU times in SIGCHLD
   siginfo (si_utime, si_stime) become N; the inode numbers of -y's pipes and
   sockets (`3<pipe:[1234]>`) become INODE.  With --mask-vars, `/* N vars */`
   becomes `/* N vars */` literally.  A thread's tid written back by clone3
   (`=> {parent_tid=[N]}` on a CLONE_THREAD line) becomes TID: glibc points
   parent_tid and child_tid at the same word, which CLONE_CHILD_CLEARTID zeroes
   when the thread exits, so a tracer reading it at clone3's exit sees N or 0
   depending on who ran first (strace and ctrace alike).
5. Lines are grouped per task in the task's own order; tasks are printed sorted
   by label.  The interleaving of tasks is scheduling and is not compared.
6. A call that failed with ERESTARTNOINTR is dropped: the kernel restarts it
   (a fork or clone that met a signal) without userspace ever seeing it, so
   whether it shows up depends only on when the signal came.

With --decoded-only NAMES (comma separated), syscall lines whose name is not in
NAMES are reduced to the bare name: a tracer that does not decode them yet must
still name them, in the same order.  Signal (---) and exit (+++) lines are
always kept whole.

With --loose as well, those other syscalls are dropped and each task's lines
are sorted: for programs nobody here wrote, whose own behaviour races (where a
SIGCHLD lands in sh, how often a Python thread meets a futex).  What is left
still checks every decoded line, but not their order.

Output: one "LABEL: line" per line.
"""

import argparse
import re
import sys

RETURN_COLUMN = 40

# "1234  rest": strace -f -o prints the pid left-aligned in 5 columns plus a space.
PID_RE = re.compile(r'^(\d+) +(.*)$')
UNFINISHED = ' <unfinished ...>'
# An execve from a non-leader thread is resumed under the leader's pid.
PID_CHANGED_RE = re.compile(r'^(.*) <pid changed to (\d+) \.\.\.>$')
RESUMED_RE = re.compile(r'^<\.\.\. ([A-Za-z0-9_]+) resumed>(.*)$')
NAME_RE = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)\(')
CREATORS = {'clone', 'clone3', 'fork', 'vfork'}
# An unknown flag value is printed in hex too, but strace follows it with a
# comment (`0x10000000000 /* CLONE_??? */`): that one is data, not an address.
THREAD_TID_RE = re.compile(r'(?<==> \{)parent_tid=\[\d+\]')
ADDR_RE = re.compile(r'0x[0-9a-f]{7,}(?![0-9a-f]| /\* \w+\?\?\? \*/)')
# strace adds the time in seconds when it is not zero: `si_utime=1 /* 0.01 s */`.
CPU_TIME_RE = re.compile(r'\b(si_[us]time)=\d+(?: /\* [\d.]+ s \*/)?')
VARS_RE = re.compile(r'/\* \d+ vars \*/')
# -y: pipes and sockets are named by inode numbers, new each run
# (`3<pipe:[1260466]>`); namespace inodes (`net:[4026531840]`) stay.
INODE_RE = re.compile(r'<(pipe|socket):\[\d+\]>')
# A decimal number standing alone: not part of 0x..., of a word, or of a label.
NUMBER_RE = re.compile(r'(?<![\w.])\d+(?![\w.])')
SEP_RE = re.compile(r'^\s+= (.*)$')
RESTARTED = '? ERESTARTNOINTR'


def args_end(line):
    """Index just past the ')' closing the syscall's argument list, or -1.

    Strings are skipped: strace escapes '"' inside them as '\\"', and a ')' in a
    path or buffer must not end the argument list.
    """
    start = line.find('(')
    if start < 0:
        return -1
    depth = 0
    i = start
    in_string = False
    while i < len(line):
        c = line[i]
        if in_string:
            if c == '\\':
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def split_return(line):
    """(call, return) for a syscall line, or (line, None) if it has no return."""
    end = args_end(line)
    if end < 0:
        return line, None
    m = SEP_RE.match(line[end:])
    if not m:
        return line, None
    return line[:end], m.group(1)


def repad(line):
    call, ret = split_return(line)
    if ret is None:
        return line
    return call + ' ' * max(1, RETURN_COLUMN - len(call)) + '= ' + ret


def syscall_name(line):
    m = NAME_RE.match(line)
    return m.group(1) if m else None


def read_tasks(lines):
    """Joined lines per pid, in trace order, and the pids in order of first line.

    Returns (order, events) where events is a list of (pid, text): the joined
    line takes the place of its unfinished half, which keeps each task's order.
    """
    events = []
    pending = {}   # pid -> index in events of its unfinished line
    moved = {}     # pid -> head of an execve begun by another thread of it
    first_pid = None
    for raw in lines:
        raw = raw.rstrip('\n')
        if not raw:
            continue
        m = PID_RE.match(raw)
        if m:
            pid, text = int(m.group(1)), m.group(2)
        else:
            # A trace without a pid column (no -f): one task.
            pid, text = first_pid if first_pid is not None else 0, raw
        if first_pid is None:
            first_pid = pid
        if text.endswith(UNFINISHED):
            pending[pid] = len(events)
            events.append([pid, text[:-len(UNFINISHED)], True])
            continue
        c = PID_CHANGED_RE.match(text)
        if c:
            # The call finishes in the new pid: it is joined there, at the
            # place of its resumption (it is the new image's first line).
            moved[int(c.group(2))] = c.group(1)
            continue
        r = RESUMED_RE.match(text)
        if r and pid in moved and syscall_name(moved[pid]) == r.group(1):
            events.append([pid, moved.pop(pid) + r.group(2), False])
            continue
        if r and pid in pending:
            idx = pending.pop(pid)
            head = events[idx][1]
            if syscall_name(head) == r.group(1):
                events[idx][1] = head + r.group(2)
                events[idx][2] = False
                continue
            # A resumption of another call: keep both halves visible.
            events[idx][1] = head + UNFINISHED
            events[idx][2] = False
        events.append([pid, text, False])
    for pid, head in moved.items():
        events.append([pid, head + ' <pid changed to %d ...>' % pid, False])
    for ev in events:
        if ev[2]:
            # Never resumed (the task died in the call): keep the marker.
            ev[1] += UNFINISHED
    return first_pid, [(pid, text) for pid, text, _ in events]


def assign_labels(first_pid, events):
    labels = {}
    if first_pid is None:
        return labels
    labels[first_pid] = 'P0'
    children = {}
    # A child's lines may come before its parent's clone return, and a clone's
    # return may name a pid before its parent has a label (the parent's own
    # clone came later in the file): iterate until nothing changes.
    changed = True
    seen = set()
    while changed:
        changed = False
        for i, (pid, text) in enumerate(events):
            if i in seen or pid not in labels:
                continue
            name = syscall_name(text)
            if name not in CREATORS:
                continue
            seen.add(i)
            _, ret = split_return(text)
            if ret is None or not re.match(r'^\d+$', ret.split(' ')[0]):
                continue
            child = int(ret.split(' ')[0])
            if child == 0:
                continue
            n = children.get(pid, 0) + 1
            children[pid] = n
            if child not in labels:
                labels[child] = '%s.%d' % (labels[pid], n)
                changed = True
    # Tasks nobody was seen creating (a tracer bug, or a lost line): label them
    # in order of first appearance so that the diff shows them.
    unknown = 0
    for pid, _ in events:
        if pid not in labels:
            labels[pid] = '?%d' % unknown
            unknown += 1
    return labels


def label_key(label):
    head, _, rest = label.partition('.')
    parts = [int(x) for x in rest.split('.')] if rest else []
    return (head.startswith('?'), head, parts)


def normalize(lines, decoded_only=None, mask_vars=False, loose=False):
    first_pid, events = read_tasks(lines)
    labels = assign_labels(first_pid, events)

    def relabel(m):
        n = int(m.group(0))
        return labels.get(n, m.group(0))

    per_task = {}
    for pid, text in events:
        name = syscall_name(text)
        if decoded_only is not None and name is not None and name not in decoded_only:
            if loose:
                continue
            text = name
        else:
            _, ret = split_return(text)
            if ret is not None and ret.startswith(RESTARTED):
                continue
            text = INODE_RE.sub(r'<\1:[INODE]>', text)
            text = ADDR_RE.sub('ADDR', text)
            text = CPU_TIME_RE.sub(r'\1=N', text)
            if 'CLONE_THREAD' in text:
                text = THREAD_TID_RE.sub('parent_tid=[TID]', text)
            if mask_vars:
                text = VARS_RE.sub('/* N vars */', text)
            text = repad(NUMBER_RE.sub(relabel, text))
        per_task.setdefault(labels[pid], []).append(text)
    out = []
    for label in sorted(per_task, key=label_key):
        texts = sorted(per_task[label]) if loose else per_task[label]
        out.extend('%s: %s' % (label, t) for t in texts)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('trace', nargs='?', default='-', help='trace file (default: stdin)')
    ap.add_argument('--decoded-only', metavar='NAMES',
                    help='comma-separated syscalls kept whole; others reduced to their name')
    ap.add_argument('--mask-vars', action='store_true',
                    help='replace the count in /* N vars */ (environment size)')
    ap.add_argument('--loose', action='store_true',
                    help='with --decoded-only: drop the other syscalls and sort each '
                    'task\'s lines (for programs whose own behaviour races)')
    a = ap.parse_args()
    decoded = set(a.decoded_only.split(',')) if a.decoded_only is not None else None
    sys.stdout.reconfigure(errors='surrogateescape')
    if a.trace == '-':
        sys.stdin.reconfigure(errors='surrogateescape')
        lines = sys.stdin.readlines()
    else:
        with open(a.trace, encoding='utf-8', errors='surrogateescape') as f:
            lines = f.readlines()
    for line in normalize(lines, decoded, a.mask_vars, a.loose):
        sys.stdout.write(line + '\n')


if __name__ == '__main__':
    main()
