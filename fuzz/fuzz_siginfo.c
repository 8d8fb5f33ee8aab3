/*
 * fuzz_siginfo: decode_siginfo() on arbitrary bytes of any length, for the
 * 4- and 8-byte word layouts, and decode_wait_status() on arbitrary statuses;
 * every result is printed as strace prints it.
 *
 * Input: u8 mode (bit 0: word size 4, else 8), i32 wait status (little
 * endian), then the siginfo bytes (all the rest, copied to a buffer of
 * exactly that size so that an over-read is caught).
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/print.h"
#include "ctrace/siginfo.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	struct arena a;
	struct strbuf sb = STRBUF_INIT;

	memset(&a, 0, sizeof(a));
	uint8_t mode = fuzz_u8(&in);
	unsigned word_size = mode & 1 ? 4 : 8;
	uint32_t status = fuzz_u16(&in);
	status |= (uint32_t)fuzz_u16(&in) << 16;

	const uint8_t *rest;
	size_t len = fuzz_bytes(&in, &rest, in.left);
	uint8_t *bytes = malloc(len ? len : 1);
	if (len)
		memcpy(bytes, rest, len);

	struct val *v = decode_siginfo(&a, bytes, len, word_size);
	if (v)
		strace_format_val(&sb, v);
	v = decode_wait_status(&a, (int)status);
	if (v)
		strace_format_val(&sb, v);

	free(bytes);
	strbuf_free(&sb);
	arena_free(&a);
	return 0;
}
