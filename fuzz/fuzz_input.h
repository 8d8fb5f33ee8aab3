/*
 * Reading a fuzzer's input as a sequence of small decisions.  Every getter
 * returns 0 once the input is used up, so any byte string is a valid input.
 */
#ifndef CTRACE_FUZZ_INPUT_H
#define CTRACE_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct fuzz_input {
	const uint8_t *p;
	size_t left;
};

static inline uint8_t fuzz_u8(struct fuzz_input *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

static inline uint16_t fuzz_u16(struct fuzz_input *in)
{
	uint16_t v = fuzz_u8(in);

	return (uint16_t)(v | fuzz_u8(in) << 8);
}

static inline uint64_t fuzz_u64(struct fuzz_input *in)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v |= (uint64_t)fuzz_u8(in) << (8 * i);
	return v;
}

/* Up to `n` bytes, fewer when the input ends; returns how many. */
static inline size_t fuzz_bytes(struct fuzz_input *in, const uint8_t **out, size_t n)
{
	if (n > in->left)
		n = in->left;
	*out = in->p;
	in->p += n;
	in->left -= n;
	return n;
}

#endif
