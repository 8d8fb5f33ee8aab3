/* Shared by the unit tests: the suite hook and a crafted tracee memory. */
#ifndef CTRACE_TEST_UNIT_H
#define CTRACE_TEST_UNIT_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "ctrace/decode.h"

Suite *test_suite(void);

/*
 * A fake address space: up to 8 regions of bytes at chosen addresses.  Reads
 * outside every region fail; a read running off a region's end is short,
 * like process_vm_readv at an unmapped page.
 */
struct fake_mem {
	struct {
		uint64_t addr;
		const void *bytes;
		size_t len;
	} region[8];
	int nregions;
	/* -y: what each fd refers to (NULL: not open), and the working
	 * directory (AT_FDCWD); tests may change them between entry and exit. */
	const char *fds[64];
	const char *cwd;
};

void fake_mem_add(struct fake_mem *m, uint64_t addr, const void *bytes, size_t len);
struct mem_reader fake_mem_reader(struct fake_mem *m);

#endif
