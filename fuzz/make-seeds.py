#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ in the input layouts that
fuzz/fuzz_<target>.c document.  Deterministic: run it again after changing a
layout and commit the result.  Usage: fuzz/make-seeds.py [OUTDIR]"""
import os
import re
import shutil
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus")

# Index of each syscall in fuzz_decode.c's interesting[] (first occurrence).
src = open(os.path.join(HERE, "fuzz_decode.c")).read()
body = re.search(r"interesting\[\] = \{(.*?)\};", src, re.S).group(1)
INTERESTING = {}
for i, name in enumerate(re.findall(r"SYS_(\w+)", body)):
    INTERESTING.setdefault(name, i)

ARCH = {"x86_64": 0, "i386": 1, "aarch64": 2, "x32": 3}
WORD = {"x86_64": 8, "i386": 4, "aarch64": 8, "x32": 4}


def region_base(i):
    return 0x10000000 + i * 0x100000


class Mem:
    """Up to four regions; addr(i) is where region i starts."""

    def __init__(self):
        self.regions = []

    def add(self, data, page_end=False, offset=0, change=None):
        """change: None, ("byte", pos, value) or ("xor", value) for the
        second version that reads from the flip-th on see."""
        self.regions.append((bytes(data), page_end, offset, change))
        return len(self.regions) - 1

    def addr(self, i):
        data, page_end, offset, _ = self.regions[i]
        return region_base(i) + 0x10000 - len(data) if page_end else region_base(i) + offset

    def encode(self):
        out = bytes([len(self.regions)])
        for data, page_end, offset, change in self.regions:
            flags, pos, byte = int(page_end), 0, 0
            if change and change[0] == "byte":
                flags |= 2
                pos, byte = change[1], change[2]
            elif change:
                flags |= 4
                byte = change[1]
            out += struct.pack("<BHHHB", flags, offset, len(data), pos, byte) + data
        return out


def raw(v):
    return (0, v & 0xFFFFFFFFFFFFFFFF)


def ptr(i, off=0):
    return ((i << 2) | 1, off & 0xFFFF)


def decode_seed(arch, sysname, args, mem, rval=raw(0), layout=0, verbose=False,
                vanished=False, strsize=0, flip=0, nr=None):
    mode = ARCH[arch] | (layout << 2) | (0x20 if verbose else 0) | (0x40 if vanished else 0)
    if nr is None:
        head = struct.pack("<BBBH", mode, strsize, 0, INTERESTING[sysname])
    else:
        head = struct.pack("<BBBH", mode, strsize, 1, nr)
    args = list(args) + [raw(0)] * (6 - len(args))
    for kind, v in args:
        head += struct.pack("<BQ", kind, v)
    head += struct.pack("<BQ", rval[0], rval[1] & 0xFFFFFFFFFFFFFFFF)
    return head + bytes([flip]) + mem.encode()


def words(arch, values):
    fmt = "<Q" if WORD[arch] == 8 else "<I"
    return b"".join(struct.pack(fmt, v) for v in values)


def errno(e):
    return (1, e - 1)


seeds = {"decode": {}, "siginfo": {}, "filter": {}, "clone_layout": {}}
D = seeds["decode"]

CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND = 0x100, 0x200, 0x400, 0x800
CLONE_PIDFD, CLONE_THREAD, CLONE_SETTLS = 0x1000, 0x10000, 0x80000
CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID = 0x100000, 0x200000
CLONE_CHILD_SETTID, CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID = 0x1000000, 0x20000, 0x10000000, 0x20000000
CLONE_INTO_CGROUP = 0x200000000
SIGCHLD = 17
THREAD = (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SETTLS
          | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

# clone3: struct clone_args of every size the kernel knows, and one beyond.
for arch in ("x86_64", "aarch64", "i386"):
    for size in (64, 80, 88, 96):
        m = Mem()
        tid = m.add(struct.pack("<I", 4242))
        settid = m.add(struct.pack("<ii", 100, 200))
        fields = [THREAD | CLONE_PIDFD, m.addr(tid), m.addr(tid), m.addr(tid), 0,
                  0x7F0000000000, 0x7FFF80, 0x7F0000001000,
                  m.addr(settid), 2, 7, 0xDEAD][: size // 8]
        ca = m.add(struct.pack("<%dQ" % len(fields), *fields))
        D["clone3_%s_%d" % (arch, size)] = decode_seed(
            arch, "clone3", [ptr(ca), raw(size)], m, rval=raw(4242))
# clone3 straddling into an unmapped page, and failing.
m = Mem()
ca = m.add(struct.pack("<8Q", SIGCHLD | CLONE_NEWUSER, 0, 0, 0, SIGCHLD, 0, 0, 0), page_end=True)
D["clone3_page_end_88"] = decode_seed("x86_64", "clone3", [ptr(ca), raw(88)], m)
D["clone3_short_size"] = decode_seed("x86_64", "clone3", [ptr(ca), raw(40)], m, rval=errno(22))
m = Mem()
ca = m.add(struct.pack("<11Q", CLONE_INTO_CGROUP | CLONE_NEWPID, 0, 0, 0, SIGCHLD, 0, 0, 0,
                       0, 0, 5))
D["clone3_cgroup_flip"] = decode_seed("aarch64", "clone3", [ptr(ca), raw(88)], m, flip=2,
                                      rval=raw(77))

# clone in each argument order.
for arch in ("x86_64", "i386", "aarch64"):
    for layout in range(5):
        m = Mem()
        tid = m.add(struct.pack("<I", 31337))
        D["clone_%s_layout%d" % (arch, layout)] = decode_seed(
            arch, "clone",
            [raw(THREAD | CLONE_CHILD_SETTID), raw(0x7F00DEAD0000), ptr(tid), ptr(tid),
             raw(0x7F00BEEF0000), raw(0x1000)], m, layout=layout, rval=raw(31337))
m = Mem()
ud = m.add(struct.pack("<IIII", 12, 0xF7F00000, 0xFFFFF, 0x51), page_end=True)
D["clone_i386_user_desc"] = decode_seed(
    "i386", "clone", [raw(CLONE_SETTLS | SIGCHLD), raw(0), raw(0), ptr(ud), raw(0)], m,
    rval=raw(5))
D["fork_vanished"] = decode_seed("x86_64", "fork", [], Mem(), vanished=True)
D["vfork"] = decode_seed("x86_64", "vfork", [], Mem(), rval=raw(9))

# execve / execveat: argv and envp arrays, strings at page ends, memory that changes.
for arch in ("x86_64", "i386", "aarch64"):
    m = Mem()
    path = m.add(b"/usr/bin/true\0")
    strs = m.add(b"true\0--version\0HOME=/root\0", page_end=True)
    base = m.addr(strs)
    argv = m.add(words(arch, [base, base + 5, 0]))
    envp = m.add(words(arch, [base + 15, 0]))
    D["execve_%s" % arch] = decode_seed(arch, "execve", [ptr(path), ptr(argv), ptr(envp)], m)
    D["execve_%s_verbose_s4" % arch] = decode_seed(
        arch, "execve", [ptr(path), ptr(argv), ptr(envp)], m, verbose=True, strsize=3)
m = Mem()
path = m.add(b"/bin/sh", page_end=True)        # no NUL before the unmapped page
argv = m.add(words("x86_64", [m.addr(path), 0x12345678]), page_end=True)  # unterminated
D["execve_unterminated"] = decode_seed("x86_64", "execve", [ptr(path), ptr(argv), raw(0)], m,
                                       rval=errno(14))
m = Mem()
path = m.add(b"/bin/echo\0", change=("byte", 9, ord("x")))
strs = m.add(b"echo\0" + b"A" * 100 + b"\0", change=("xor", 0x20))
argv = m.add(words("x86_64", [m.addr(strs)] * 40 + [0]))
D["execve_flip_long_argv"] = decode_seed("x86_64", "execve", [ptr(path), ptr(argv), ptr(argv)],
                                         m, flip=2)
m = Mem()
path = m.add(b"script.sh\0")
strs = m.add(b"script.sh\0", page_end=True)
argv = m.add(words("aarch64", [m.addr(strs), 0]))
D["execveat"] = decode_seed("aarch64", "execveat",
                            [raw(0xFFFFFF9C), ptr(path), ptr(argv), raw(0), raw(0x1000)], m)
D["execveat_empty_path_fd"] = decode_seed("x86_64", "execveat",
                                          [raw(3), ptr(path, 9), ptr(argv), raw(0), raw(0x1000)], m,
                                          rval=errno(2))

# wait4: statuses and rusage.
for name, status in (("exited", 0x0100), ("signaled", 0x0009), ("core", 0x008B),
                     ("stopped", 0x137F), ("continued", 0xFFFF), ("event", 0x3057F)):
    m = Mem()
    st = m.add(struct.pack("<i", status))
    ru = m.add(struct.pack("<18Q", *range(1, 19)))
    D["wait4_" + name] = decode_seed("x86_64", "wait4", [raw(-1), ptr(st), raw(0x40000000), ptr(ru)],
                                     m, rval=raw(42))
m = Mem()
st = m.add(struct.pack("<i", 0x0100))
ru = m.add(struct.pack("<18I", *range(1, 19)), page_end=True)
D["wait4_i386_rusage"] = decode_seed("i386", "wait4", [raw(42), ptr(st), raw(1), ptr(ru, 8)], m,
                                     rval=raw(42))
D["wait4_echild"] = decode_seed("aarch64", "wait4", [raw(-1), ptr(0), raw(0), raw(0)], Mem(),
                                rval=errno(10))

# Namespaces.
D["unshare"] = decode_seed("x86_64", "unshare", [raw(CLONE_NEWNS | CLONE_NEWUSER | 0x4000000)], Mem())
D["unshare_bad"] = decode_seed("i386", "unshare", [raw(0xFFFFFFFF)], Mem(), rval=errno(22))
D["setns"] = decode_seed("aarch64", "setns", [raw(3), raw(CLONE_NEWPID)], Mem())
D["setns_any"] = decode_seed("x86_64", "setns", [raw(3), raw(0)], Mem())

# Files, stat, memory.
m = Mem()
p = m.add(b"/etc/ld.so.cache", page_end=True)       # ends just before the page boundary
q = m.add(b"/etc/passwd\0")
D["openat_page_end"] = decode_seed("x86_64", "openat", [raw(0xFFFFFF9C), ptr(p), raw(0x80000), raw(0)],
                                   m, rval=raw(3))
D["open_i386"] = decode_seed("i386", "open", [ptr(q), raw(0o101), raw(0o644)], m, rval=errno(13))
D["access"] = decode_seed("x86_64", "access", [ptr(q), raw(4)], m)
D["faccessat2"] = decode_seed("aarch64", "faccessat2", [raw(3), ptr(q), raw(7), raw(0x200)], m)
D["readlinkat"] = decode_seed("aarch64", "readlinkat", [raw(0xFFFFFF9C), ptr(q), ptr(p), raw(64)], m,
                              rval=raw(5))
D["readlink_long"] = decode_seed("x86_64", "readlink", [ptr(q), ptr(p), raw(4096)], m,
                                 rval=raw(4096))
stat64 = struct.pack("<QQQIIIIQQQQQQQQQQQQ", 2049, 1234, 1, 0o100644, 0, 0, 0, 0, 4096, 4096, 8,
                     1700000000, 1, 1700000000, 2, 1700000000, 3, 0, 0)[:144]
for arch, call in (("x86_64", "newfstatat"), ("aarch64", "newfstatat"), ("i386", "fstatat64")):
    m = Mem()
    path = m.add(b"/tmp\0")
    st = m.add(stat64 if arch != "i386" else stat64[:96])
    D["stat_%s" % arch] = decode_seed(arch, call, [raw(0xFFFFFF9C), ptr(path), ptr(st), raw(0x100)], m)
    D["stat_%s_verbose" % arch] = decode_seed(arch, call, [raw(0xFFFFFF9C), ptr(path), ptr(st), raw(0)],
                                              m, verbose=True)
m = Mem()
st = m.add(stat64[:100], page_end=True)              # straddles into unmapped memory
D["fstat_straddle"] = decode_seed("x86_64", "fstat", [raw(3), ptr(st)], m)
D["stat_i386"] = decode_seed("i386", "stat64", [ptr(st), ptr(st)], m)
m = Mem()
path = m.add(b"a\0")
stx = m.add(bytes(range(256)))
D["statx"] = decode_seed("x86_64", "statx", [raw(0xFFFFFF9C), ptr(path), raw(0x1000), raw(0xFFF), ptr(stx)], m)
D["statx_verbose"] = decode_seed("aarch64", "statx", [raw(3), ptr(path), raw(0), raw(0x7FF), ptr(stx)],
                                 m, verbose=True)
D["mmap"] = decode_seed("x86_64", "mmap", [raw(0), raw(8192), raw(3), raw(0x22), raw(-1), raw(0)], Mem(),
                        rval=raw(0x7F0000000000))
D["mmap2_i386"] = decode_seed("i386", "mmap2", [raw(0), raw(8192), raw(5), raw(0x812), raw(3), raw(1)],
                              Mem(), rval=raw(0xF7000000))
D["mmap_old_i386"] = decode_seed("i386", "mmap", [ptr(0)], Mem(), rval=errno(12))
D["mprotect"] = decode_seed("aarch64", "mprotect", [raw(0x400000), raw(4096), raw(1)], Mem())
D["munmap_brk"] = decode_seed("x86_64", "brk", [raw(0)], Mem(), rval=raw(0x555555559000))
m = Mem()
buf = m.add(b"hello\nworld\0\x01\x7f\xff" * 4, page_end=True)
D["read"] = decode_seed("x86_64", "read", [raw(0), ptr(buf), raw(832)], m, rval=raw(64))
D["write_s0"] = decode_seed("aarch64", "write", [raw(1), ptr(buf), raw(64)], m, rval=raw(64), strsize=1)
D["pread64_i386"] = decode_seed("i386", "pread64", [raw(3), ptr(buf), raw(100), raw(0), raw(1)], m,
                                rval=raw(100))
m = Mem()
ents = b""
for ino, name in ((1, b"."), (2, b".."), (3, b"file.txt")):
    reclen = (19 + len(name) + 1 + 7) & ~7
    ents += struct.pack("<QqHB", ino, ino * 100, reclen, 8) + name + b"\0" * (reclen - 19 - len(name))
d = m.add(ents, page_end=True)
D["getdents64"] = decode_seed("x86_64", "getdents64", [raw(3), ptr(d), raw(32768)], m, rval=raw(len(ents)))
D["getdents64_bad_reclen"] = decode_seed("x86_64", "getdents64", [raw(3), ptr(d), raw(32768)], m,
                                         rval=raw(len(ents) + 64), verbose=True)
m = Mem()
u = m.add((b"Linux\0".ljust(65, b"\0")) * 6)
D["uname"] = decode_seed("x86_64", "uname", [ptr(u)], m)
D["uname_short"] = decode_seed("aarch64", "uname", [ptr(u, 300)], m, verbose=True)
m = Mem()
sa = m.add(struct.pack("<QQQQ", 0x401000, 0x4000000, 0x401100, 1 << 16))
D["rt_sigaction"] = decode_seed("x86_64", "rt_sigaction", [raw(17), ptr(sa), ptr(sa), raw(8)], m)
D["rt_sigprocmask"] = decode_seed("i386", "rt_sigprocmask", [raw(0), ptr(sa), ptr(sa), raw(8)], m)
D["prlimit64"] = decode_seed("aarch64", "prlimit64", [raw(0), raw(7), ptr(sa), ptr(sa, 16)], m)
D["pipe2"] = decode_seed("x86_64", "pipe2", [ptr(sa), raw(0x80000)], m)
D["getrandom"] = decode_seed("x86_64", "getrandom", [ptr(sa), raw(16), raw(1)], m, rval=raw(16))
D["ioctl_tcgets"] = decode_seed("x86_64", "ioctl", [raw(1), raw(0x5401), ptr(sa)], m)
D["ioctl_winsz"] = decode_seed("aarch64", "ioctl", [raw(1), raw(0x5413), ptr(sa)], m)
D["fcntl"] = decode_seed("i386", "fcntl64", [raw(3), raw(2), raw(1)], m)
D["futex"] = decode_seed("x86_64", "futex", [ptr(sa), raw(0x81), raw(1), ptr(sa)], m)
D["rseq"] = decode_seed("x86_64", "rseq", [ptr(sa), raw(32), raw(0), raw(0x53053053)], m)
D["getxattr"] = decode_seed("x86_64", "getxattr", [ptr(sa), ptr(sa), ptr(sa), raw(32)], m, rval=raw(4))
m = Mem()
p = m.add(b"/proc\0")
big = m.add(bytes(range(256)) * 2, page_end=True)
D["statfs"] = decode_seed("x86_64", "statfs", [ptr(p), ptr(big)], m)
D["statfs_straddle"] = decode_seed("aarch64", "fstatfs", [raw(3), ptr(big, 400)], m, verbose=True)
D["sysinfo"] = decode_seed("x86_64", "sysinfo", [ptr(big)], m)
D["sysinfo_i386"] = decode_seed("i386", "sysinfo", [ptr(big, 460)], m)
D["ioctl_tcgets_termios"] = decode_seed("x86_64", "ioctl", [raw(0), raw(0x5401), ptr(big)], m, verbose=True)
D["ioctl_unknown"] = decode_seed("aarch64", "ioctl", [raw(0), raw(0xC0186201), ptr(big)], m)
D["getcwd"] = decode_seed("x86_64", "getcwd", [ptr(p), raw(4096)], m, rval=raw(6))
D["unlinkat"] = decode_seed("aarch64", "unlinkat", [raw(0xFFFFFF9C), ptr(p), raw(0x200)], m)
D["renameat"] = decode_seed("x86_64", "renameat", [raw(3), ptr(p), raw(4), ptr(big, 500)], m)
D["kill"] = decode_seed("aarch64", "kill", [raw(-1), raw(9)], Mem())
D["unknown_nr"] = decode_seed("x86_64", None, [raw(1)] * 6, Mem(), nr=4000)
D["x32_execve"] = decode_seed("x32", "execve", [ptr(0), ptr(0), ptr(0)], Mem(), rval=errno(2))

# siginfo: u8 mode (bit 0: 4-byte words), i32 wait status, siginfo bytes.
S = seeds["siginfo"]


def siginfo(word, signo, code, fields, errno_=0):
    head = struct.pack("<iii", signo, errno_, code)
    if word == 8:
        head += b"\0" * 4
    return (head + fields).ljust(128, b"\0")


for word in (8, 4):
    mode = 1 if word == 4 else 0
    L = "<Q" if word == 8 else "<I"
    chld = struct.pack("<iI", 4242, 1000) + struct.pack("<i", 0).ljust(word, b"\0") \
        + struct.pack(L, 5) + struct.pack(L, 6)
    for status in (0, 0x0100, 0x0009, 0x137F, 0xFFFF):
        S["sigchld_w%d_%x" % (word, status)] = struct.pack("<Bi", mode, status) + siginfo(word, 17, 1, chld)
    S["sigsegv_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(word, 11, 1, struct.pack(L, 0xDEAD))
    S["sigsys_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(
        word, 31, 1, struct.pack(L, 0x401000) + struct.pack("<iI", 56, 0xC000003E))
    S["sigusr1_user_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(word, 10, 0, struct.pack("<iI", 1, 0))
    S["sigusr1_queue_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(
        word, 10, -1, struct.pack("<iI", 1, 0) + struct.pack(L, 0x42))
    S["sigio_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(word, 29, 1, struct.pack(L, 7) + struct.pack("<i", 3))
    S["sigalrm_timer_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(word, 14, -2, struct.pack("<ii", 1, 0))
    S["short_w%d" % word] = struct.pack("<Bi", mode, 0) + siginfo(word, 17, 1, chld)[:20]
    S["tkill_w%d" % word] = struct.pack("<Bi", mode, 0x057F) + siginfo(word, 5, -6, struct.pack("<iI", 9, 0))
S["empty"] = b""
S["unknown_signal"] = struct.pack("<Bi", 0, -1) + siginfo(8, 99, 12345, b"\xff" * 32)

# filter: u8 errlen, NUL-separated expressions.
F = seeds["filter"]
for i, e in enumerate((b"clone", b"%process", b"!%file,clone", b"all", b"none", b"?clone3",
                       b"clone,execve\0%namespace", b"%stat,%lstat,%fstat,%%stat", b"bogus",
                       b"", b",", b"%", b"!", b"!!all", b"process,desc,network",
                       b"clone" * 60, b"trace=clone", b"%creds,%clock,%pure",
                       b"execve,execveat,wait4,unshare,setns")):
    F["expr%02d" % i] = bytes([64]) + e
F["errlen0_bad"] = bytes([0]) + b"nosuchcall"
F["errlen1_bad"] = bytes([1]) + b"%nosuchclass"
F["errlen5_bad"] = bytes([5]) + b"!,x"

# clone_layout: u8 arch, u64 nr, u32 audit_arch, u16 id, u8 layout, name.
C = seeds["clone_layout"]
for i, (a, nr, audit, sid, layout, name) in enumerate((
        (0, 56, 0xC000003E, 1, 0, b"x86_64"), (1, 120, 0x40000003, 2, 1, b"i386"),
        (2, 220, 0xC00000B7, 3, 1, b"aarch64"), (3, 0x40000038, 0xC000003E, 4, 3, b"x32"),
        (0, 0xFFFFFFFFFFFFFFFF, 0xC000003E, 0xFFFF, 4, b"amd64"), (1, 435, 0x40000028, 500, 255, b"arm64"),
        (2, 1 << 40, 0, 0, 2, b""), (3, 0x40000000, 0xC000003E, 9, 0, b"x86"))):
    C["case%d" % i] = struct.pack("<BQIHB", a, nr, audit, sid, layout) + name

for target, files in seeds.items():
    d = os.path.join(OUT, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    print("%s: %d seeds" % (target, len(files)))
