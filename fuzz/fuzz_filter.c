/*
 * fuzz_filter: trace_filter_parse() on arbitrary strings, several -e trace=
 * expressions in turn (the input is split at NUL bytes), with error buffers
 * of any size from 0 up.
 *
 * Input: u8 errlen, then NUL-separated SET expressions.
 */
#include <stdlib.h>
#include <string.h>

#include "ctrace/filter.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	struct trace_filter f;

	trace_filter_init(&f);
	size_t errlen = fuzz_u8(&in);
	const uint8_t *rest;
	size_t len = fuzz_bytes(&in, &rest, in.left);

	while (1) {
		const uint8_t *nul = memchr(rest, 0, len);
		size_t n = nul ? (size_t)(nul - rest) : len;
		/* An exact-size copy, so that reading past the NUL is caught. */
		char *set = malloc(n + 1);
		char *err = malloc(errlen ? errlen : 1);

		memcpy(set, rest, n);
		set[n] = '\0';
		if (trace_filter_parse(&f, set, err, errlen) < 0 && errlen &&
		    !memchr(err, '\0', errlen))
			abort();        /* the message must be NUL-terminated within errlen */
		for (int id = 0; id < SYS_COUNT; id++)
			(void)trace_filter_selects(&f, (enum syscall_id)id);
		free(set);
		free(err);
		if (!nul)
			break;
		rest += n + 1;
		len -= n + 1;
	}
	return 0;
}
