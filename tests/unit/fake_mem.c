/* A crafted tracee address space for decoder tests (see unit.h). */
#include <stdio.h>
#include <string.h>

#include "unit.h"

void fake_mem_add(struct fake_mem *m, uint64_t addr, const void *bytes, size_t len)
{
	ck_assert_int_lt(m->nregions, 8);
	m->region[m->nregions].addr = addr;
	m->region[m->nregions].bytes = bytes;
	m->region[m->nregions].len = len;
	m->nregions++;
}

static ssize_t fake_mem_read(void *opaque, uint64_t addr, void *buf, size_t len)
{
	struct fake_mem *m = opaque;

	for (int i = 0; i < m->nregions; i++) {
		uint64_t start = m->region[i].addr;
		uint64_t end = start + m->region[i].len;
		if (addr < start || addr >= end)
			continue;
		size_t n = end - addr < len ? (size_t)(end - addr) : len;
		memcpy(buf, (const char *)m->region[i].bytes + (addr - start), n);
		return (ssize_t)n;
	}
	return -1;
}

static bool fake_fd_path(void *opaque, int fd, char *buf, size_t size)
{
	struct fake_mem *m = opaque;
	const char *path = fd == -100 ? m->cwd : fd >= 0 && fd < 64 ? m->fds[fd] : NULL;

	if (!path)
		return false;
	snprintf(buf, size, "%s", path);
	return true;
}

struct mem_reader fake_mem_reader(struct fake_mem *m)
{
	return (struct mem_reader){ .read = fake_mem_read, .opaque = m, .fd_path = fake_fd_path };
}
