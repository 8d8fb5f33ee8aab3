# Cross toolchain: aarch64 with clang and Debian's arm64 cross libc.
#
#   cmake -S . -B build-aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake \
#         -DCTRACE_TESTS=OFF -DCTRACE_WITH_LIBUNWIND=OFF -DCTRACE_STATIC=ON
#
# Needs clang, libc6-dev-arm64-cross, libgcc-12-dev-arm64-cross and
# binutils-aarch64-linux-gnu (clang finds /usr/aarch64-linux-gnu, the gcc-cross
# crt files and aarch64-linux-gnu-ld by itself); libseccomp-dev:arm64 gives
# the static ctrace its seccomp filters (--deny=namespaces).  Static linking works; the
# resulting binaries run on an arm64 kernel without any root filesystem.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CTRACE_AARCH64_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET ${CTRACE_AARCH64_TRIPLE})
set(CMAKE_AR /usr/bin/${CTRACE_AARCH64_TRIPLE}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB /usr/bin/${CTRACE_AARCH64_TRIPLE}-ranlib CACHE FILEPATH "")
set(CMAKE_STRIP /usr/bin/${CTRACE_AARCH64_TRIPLE}-strip CACHE FILEPATH "")

set(CMAKE_FIND_ROOT_PATH /usr/${CTRACE_AARCH64_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(CMAKE_LIBRARY_ARCHITECTURE ${CTRACE_AARCH64_TRIPLE})

# The host's .pc files describe x86_64 libraries: hide them.  Debian's arm64
# packages (libseccomp-dev:arm64, for a static ctrace with seccomp) install
# theirs in the multiarch directory.
set(ENV{PKG_CONFIG_LIBDIR}
  /usr/${CTRACE_AARCH64_TRIPLE}/lib/pkgconfig:/usr/lib/${CTRACE_AARCH64_TRIPLE}/pkgconfig)
