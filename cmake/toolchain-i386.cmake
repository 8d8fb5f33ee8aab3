# Cross toolchain: 32-bit x86 (i386) with the host gcc and -m32.
#
#   cmake -S . -B build-i386 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-i386.cmake \
#         -DCTRACE_TESTS=OFF -DCTRACE_WITH_LIBUNWIND=OFF -DCTRACE_STATIC=ON
#
# libseccomp-dev:i386 (multiarch, installs next to the host's) gives a static
# ctrace its seccomp filters (--deny=namespaces, filtered tracing).
# Needs gcc-12-multilib (not gcc-multilib: on Debian 12 it conflicts with the
# aarch64 cross compiler).  The one thing gcc-multilib would add is the symlink
# /usr/include/asm -> x86_64-linux-gnu/asm; the x86_64 asm headers serve -m32
# too (they select by __i386__), so a private include directory holds that link.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR i386)

set(CMAKE_C_COMPILER gcc)

if(NOT CTRACE_I386_INCLUDE_DIR)
  set(CTRACE_I386_INCLUDE_DIR ${CMAKE_BINARY_DIR}/i386-include)
endif()
if(NOT EXISTS ${CTRACE_I386_INCLUDE_DIR}/asm)
  file(MAKE_DIRECTORY ${CTRACE_I386_INCLUDE_DIR})
  file(CREATE_LINK /usr/include/x86_64-linux-gnu/asm ${CTRACE_I386_INCLUDE_DIR}/asm SYMBOLIC)
endif()
# try_compile() re-reads this file from another binary dir: reuse the same link.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CTRACE_I386_INCLUDE_DIR)

set(CMAKE_C_FLAGS_INIT "-m32 -idirafter ${CTRACE_I386_INCLUDE_DIR}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-m32")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-m32")

# Host libraries (check, libunwind, libseccomp) are 64-bit: never pick them up;
# the i386 ones come from the multiarch directory.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_LIBRARY_ARCHITECTURE i386-linux-gnu)
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/i386-linux-gnu/pkgconfig)
