#!/usr/bin/env python3
"""syscall_numbers.py ARCH LISTING NAMES...: ctrace's table for ARCH against the kernel headers.

LISTING is `ctrace --list-syscalls --arch=ARCH` output ("NUMBER NAME NARGS" lines).
For every NAME: when the kernel's headers on this machine define __NR_NAME for
ARCH, ctrace must list NAME at that number; when they do not (open on aarch64),
ctrace must not list NAME at all.  Prints one line per name checked and exits 1
when any is wrong.

The headers are an independent source: i386's numbers from
<asm/unistd_32.h> (x86_64-linux-gnu), aarch64's from <asm-generic/unistd.h>
preprocessed as arch/arm64/include/uapi/asm/unistd.h includes it (64-bit longs,
and the __ARCH_WANT_* switches that file sets).
"""

import re
import subprocess
import sys

HEADERS = {
    'i386': ('#include <asm/unistd_32.h>\n', []),
    'aarch64': ('#include <asm-generic/unistd.h>\n',
                ['-D__ARCH_WANT_RENAMEAT', '-D__ARCH_WANT_NEW_STAT',
                 '-D__ARCH_WANT_SET_GET_RLIMIT', '-D__ARCH_WANT_TIME32_SYSCALLS',
                 '-D__ARCH_WANT_SYS_CLONE3', '-D__ARCH_WANT_MEMFD_SECRET']),
}


def kernel_numbers(arch):
    """{name: number} from the preprocessor's macro dump of the header."""
    source, defines = HEADERS[arch]
    out = subprocess.run(['cc', '-E', '-dM', '-x', 'c', '-'] + defines, input=source,
                         capture_output=True, text=True, check=True).stdout
    macros = {}
    for line in out.splitlines():
        m = re.match(r'#define (__NR\w+) (.+)$', line)
        if m:
            macros[m.group(1)] = m.group(2).strip()

    def value(name, depth=0):
        v = macros.get(name)
        if v is None or depth > 8:
            return None
        v = v.strip('()').strip()
        if re.fullmatch(r'\d+', v):
            return int(v)
        if re.fullmatch(r'__NR\w+', v):
            return value(v, depth + 1)
        m = re.fullmatch(r'(__NR\w+)\s*\+\s*(\d+)', v)
        if m and value(m.group(1), depth + 1) is not None:
            return value(m.group(1), depth + 1) + int(m.group(2))
        return None

    numbers = {}
    for name in macros:
        if name.startswith('__NR_') and not name.startswith('__NR3264'):
            n = value(name)
            if n is not None and name[5:] != 'syscalls':
                numbers[name[5:]] = n
    return numbers


def main():
    if len(sys.argv) < 3:
        print(__doc__.split('\n')[0], file=sys.stderr)
        return 2
    arch, listing = sys.argv[1], sys.argv[2]
    names = sorted(set(sys.argv[3:]))
    kernel = kernel_numbers(arch)
    ours_by_nr, ours_by_name = {}, {}
    with open(listing) as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2 and fields[0].isdigit():
                ours_by_nr[int(fields[0])] = fields[1]
                ours_by_name.setdefault(fields[1], []).append(int(fields[0]))
    bad = 0
    for name in names:
        nr = kernel.get(name)
        if nr is None:
            if name in ours_by_name:
                print('WRONG %s %s: not in the kernel headers, ctrace lists it at %s'
                      % (arch, name, ours_by_name[name]))
                bad += 1
            else:
                print('ok %s %s: absent, as in the kernel headers' % (arch, name))
        elif ours_by_nr.get(nr) != name:
            print('WRONG %s %s: kernel number %d, ctrace names it %s'
                  % (arch, name, nr, ours_by_nr.get(nr)))
            bad += 1
        else:
            print('ok %s %s: %d' % (arch, name, nr))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
