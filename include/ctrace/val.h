/*
 * Decoded values: the structured form that decoders produce and printers
 * consume.  A syscall's arguments are a list of `struct val`; a struct or an
 * array is a val with children.  Nothing here is text yet: the strace printer
 * turns `VAL_FLAGS {0x11, clone_flags}` into "CLONE_VM|SIGCHLD", the JSON
 * printer into an array of names, the explainer into sentences.
 *
 * Values live in the event's arena and die with it; building one never fails
 * (the arena grows), so decoders need no error paths for allocation.
 */
#ifndef CTRACE_VAL_H
#define CTRACE_VAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctrace/xlat.h"

enum val_kind {
	VAL_INT,       /* signed decimal: -1, 42 */
	VAL_UINT,      /* unsigned decimal */
	VAL_HEX,       /* 0x1f; zero prints as 0 */
	VAL_OCT,       /* 0755, 022; zero prints as 000 (strace's %#03o) */
	VAL_PTR,       /* NULL or 0x7ffd... */
	VAL_FLAGS,     /* bit set named by `xlat`, see struct val_flags */
	VAL_ENUM,      /* one value named by `xlat`; unknown: 0x2a slash-star XXX_??? star-slash */
	VAL_SIGNAL,    /* SIGCHLD, or the number if unnamed */
	VAL_ERRNO,     /* EPERM, or the number */
	VAL_STR,       /* a quoted, escaped string; truncated strings end in ... */
	VAL_STRUCT,    /* {name=value, ...} */
	VAL_ARRAY,     /* [value, ...] */
	VAL_WRITTEN,   /* [value]: what the kernel stored at an address (one child) */
	VAL_FD,        /* a file descriptor: decimal, or 3</path> with -y (see struct val_fd) */
	VAL_SYM,       /* a number the decoder named itself: AT_FDCWD, TIOCGWINSZ, 8192*1024 */
	VAL_SIGSET,    /* a signal set: [USR1 RTMIN], ~[KILL] */
	VAL_JOIN,      /* children joined by "|", each styled by -X: termios's NL0|CR0|...|OPOST */
	VAL_TEXT,      /* preformatted text printed verbatim in every -X style (wait status) */
	VAL_ELLIPSIS,  /* "..." closing an abbreviated array or struct */
};

/* How a value is joined to the one before it in its list. */
enum val_sep {
	SEP_COMMA,     /* ", " */
	SEP_ARROW,     /* " => ": the exit-time update of the previous argument */
	SEP_NONE,
	SEP_SPACE,     /* " ": select's fd sets, [3 4] */
};

struct val_flags {
	uint64_t bits;
	const struct xlat *xlat;
	/* Bits holding a signal number instead of flags (clone's CSIGNAL): printed
	 * last as "|SIGCHLD".  0 for ordinary flag sets. */
	uint64_t signal_mask;
	/* A multi-bit field named as a whole and printed first, even when 0:
	 * open's access mode (O_ACCMODE: O_RDONLY), st_mode's file type (S_IFMT). */
	uint64_t field_mask;
	const struct xlat *field_xlat;
	/* Printed for 0 instead of "0" (access's F_OK, PROT_NONE); may be NULL. */
	const char *zero;
	/* The unnamed rest, and the raw number of -X raw, in octal (st_mode's
	 * permission bits: S_IFREG|0644, 0100644) instead of hex. */
	bool octal;
	/* -X raw/verbose style the named field apart from the other bits, as
	 * clone's signal: socket's type "0x1 slash-star SOCK_STREAM star-slash|0x80000 ...". */
	bool field_apart;
	/* An unnamed field prints first, "0xf slash-star MAP_??? star-slash|..." (mmap),
	 * instead of joining the unnamed rest ("SOCK_CLOEXEC|0x7", socket). */
	bool field_unknown_first;
	/* A number stored in shifted bits, printed last as "2<<MAP_HUGE_SHIFT". */
	uint64_t shifted_mask;
	const char *shifted_name;
};

/*
 * VAL_SYM: a number and the symbolic form the decoder computed for it, for
 * names no single table gives (AT_FDCWD, ioctl and futex op names, rlimit
 * multiples).  -X abbrev prints `text`, -X raw the number as `raw` says,
 * -X verbose both: "-100 slash-star AT_FDCWD star-slash".  text NULL: the
 * number alone.
 */
struct val_sym {
	uint64_t u;
	const char *text;
	enum val_kind raw;    /* VAL_INT, VAL_UINT, VAL_HEX or VAL_OCT */
	/* Optional quirks of strace's socket fields: the -X raw form as text
	 * (sin_port="\x00\x35"), another comment for -X verbose (or, with
	 * verbose_whole, the whole verbose form: "htons(0x3 slash-star ETH_P_ALL star-slash)"),
	 * and a field name that only raw and verbose print (sin6_addr=). */
	const char *raw_text;
	const char *verbose_text;
	bool verbose_whole;
	bool abbrev_unnamed;
};

/* VAL_SIGSET: the bytes of a kernel sigset_t, bit n-1 for signal n. */
struct val_sigset {
	const uint8_t *bytes;
	uint32_t len;
};

/*
 * VAL_FD: the number, and what it refers to when the tracer resolved it
 * (-y: "/etc/passwd", "pipe:[1234]", "anon_inode:[pidfd]"); NULL otherwise.
 * Decoders build fds with ctx_fd_val() (include/ctrace/decode.h), which asks
 * the tracer's resolver; printers decide whether to show the path.
 */
struct val_fd {
	int64_t fd;
	const char *path;
	/* A name the fd prints as, styled by -X like a constant: "AT_FDCWD". */
	const char *name;
};

struct val_str {
	const char *bytes;    /* not NUL-terminated */
	uint32_t len;
	bool truncated;       /* more followed: printed as "..."... */
};

struct val {
	enum val_kind kind;
	enum val_sep sep;
	const char *name;        /* "flags" prints as flags=...; NULL: positional */
	const char *comment;     /* printed after the value as a C comment, e.g. "37 vars" */
	union {
		int64_t i;            /* VAL_INT */
		uint64_t u;           /* VAL_UINT, VAL_HEX, VAL_OCT, VAL_PTR, VAL_SIGNAL, VAL_ERRNO */
		struct {
			uint64_t u;
			const struct xlat *xlat;
		} e;                  /* VAL_ENUM */
		struct val_flags flags;
		struct val_str str;
		struct val_sym sym;
		struct val_sigset sigset;
		struct val_fd fd;
		const char *text;     /* VAL_TEXT */
	};
	struct val *children;     /* VAL_STRUCT, VAL_ARRAY, VAL_WRITTEN, VAL_JOIN */
	struct val *next;
};

/*
 * Arena: bump allocation in chunks that are kept for reuse, so that steady
 * tracing allocates nothing per event.
 */
struct arena_chunk;
struct arena {
	struct arena_chunk *chunks;   /* current chunk first */
	struct arena_chunk *spare;    /* reset chunks kept for reuse */
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

/* A list of values with O(1) append. */
struct val_list {
	struct val *head;
	struct val *tail;
};

void val_list_append(struct val_list *list, struct val *v);

/* Constructors: allocate in `a`, set `name` (may be NULL). */
struct val *val_new(struct arena *a, enum val_kind kind, const char *name);
struct val *val_int(struct arena *a, const char *name, int64_t i);
struct val *val_uint(struct arena *a, const char *name, uint64_t u);
struct val *val_hex(struct arena *a, const char *name, uint64_t u);
struct val *val_oct(struct arena *a, const char *name, uint64_t u);
struct val *val_ptr(struct arena *a, const char *name, uint64_t addr);
struct val *val_fd(struct arena *a, const char *name, int64_t fd);
struct val *val_flags(struct arena *a, const char *name, uint64_t bits,
		      const struct xlat *xlat, uint64_t signal_mask);
struct val *val_enum(struct arena *a, const char *name, uint64_t u, const struct xlat *xlat);
struct val *val_signal(struct arena *a, const char *name, uint64_t sig);
struct val *val_str(struct arena *a, const char *name, const char *bytes,
		    size_t len, bool truncated);
struct val *val_text(struct arena *a, const char *name, const char *text);
/* `raw` is how -X raw prints u: VAL_INT (as a C int64), VAL_UINT, VAL_HEX or VAL_OCT. */
struct val *val_sym(struct arena *a, const char *name, uint64_t u, enum val_kind raw,
		    const char *text);
/* Copies `len` bytes of a sigset into the arena. */
struct val *val_sigset(struct arena *a, const char *name, const uint8_t *bytes, size_t len);
struct val *val_struct(struct arena *a, const char *name);
struct val *val_array(struct arena *a, const char *name);
struct val *val_join(struct arena *a, const char *name);
struct val *val_written(struct arena *a, const char *name, struct val *inner);
struct val *val_ellipsis(struct arena *a);

/* Append `child` to a struct, array or written value; returns child. */
struct val *val_add(struct val *parent, struct val *child);

/* A deep copy of `v` (without its siblings) in `a`, so that it outlives the
 * event it came from (the process tree keeps execve's path and argv). */
struct val *val_copy(struct arena *a, const struct val *v);

#endif
