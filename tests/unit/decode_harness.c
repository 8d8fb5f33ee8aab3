/* Decoder and printer in one step for the decoder tests (see decode_harness.h). */
#include <string.h>

#include "decode_harness.h"

void decode_run_init(struct decode_run *r)
{
	memset(r, 0, sizeof(*r));
	r->opts = decode_opts_default;
}

void decode_run_fini(struct decode_run *r)
{
	event_release(&r->ev);
	strbuf_free(&r->entry);
	strbuf_free(&r->exit);
	strbuf_free(&r->line);
}

const char *decode_entry_nr(struct decode_run *r, const struct arch *arch, uint64_t nr,
			    const uint64_t args[6])
{
	struct mem_reader mem = fake_mem_reader(&r->mem);

	decode_syscall_entry_sp(&r->ev, arch, nr, args, r->stack_pointer, &mem, &r->opts);
	strbuf_reset(&r->entry);
	strace_format_entry(&r->entry, &r->ev);
	strbuf_reset(&r->exit);
	strbuf_reset(&r->line);
	strace_format_line(&r->line, &r->ev);
	return strbuf_str(&r->entry);
}

const char *decode_entry(struct decode_run *r, const struct arch *arch, enum syscall_id id,
			 const uint64_t args[6])
{
	long nr = arch_syscall_number(arch, id);

	ck_assert_int_ge(nr, 0);
	return decode_entry_nr(r, arch, (uint64_t)nr, args);
}

const char *decode_exit(struct decode_run *r, int64_t rval)
{
	struct mem_reader mem = fake_mem_reader(&r->mem);

	decode_syscall_exit(&r->ev, rval, &mem, &r->opts);
	strbuf_reset(&r->exit);
	strace_format_exit_args(&r->exit, &r->ev);
	strbuf_reset(&r->line);
	strace_format_line(&r->line, &r->ev);
	return strbuf_str(&r->exit);
}

const char *decode_line(struct decode_run *r, const struct arch *arch, enum syscall_id id,
			const uint64_t args[6], int64_t rval)
{
	decode_entry(r, arch, id, args);
	decode_exit(r, rval);
	return strbuf_str(&r->line);
}
