/*
 * prctl(option, arg2, arg3, arg4, arg5) as strace 6.1 prints it: each option
 * shows the arguments it takes, named where strace names them; an option
 * without a shape here (or an unknown one) shows all four in hex.  See
 * tests/unit/test_decode_prctl.c.
 */
#include "ctrace/decode_path.h"
#include "ctrace/syscalls.h"
#include "ctrace/xlat_calls.h"

enum prctl_shape {
	PRCTL_RAW,         /* four hex words: the default */
	PRCTL_NONE,        /* no argument beyond the option */
	PRCTL_ULONG,       /* arg2 in decimal */
	PRCTL_ULONG_REST,  /* arg2 in decimal, arg3..arg5 in hex */
	PRCTL_HEX_REST,    /* arg2..arg5 in hex */
	PRCTL_SIGNAL,      /* arg2 a signal */
	PRCTL_SIGNAL_OUT,  /* arg2 points to the signal the kernel writes */
	PRCTL_INT_OUT,     /* arg2 points to an int the kernel writes */
	PRCTL_WORD_OUT,    /* arg2 points to a word the kernel writes (hex) */
	PRCTL_STR_IN,      /* arg2 a name (15 bytes at most) */
	PRCTL_STR_OUT,     /* arg2 receives a name */
	PRCTL_ENUM,        /* arg2 named by the option's table */
	PRCTL_FLAGS,       /* arg2 flags of the option's table */
	PRCTL_SUBOP_REST,  /* arg2 named, arg3..arg5 in hex */
	PRCTL_CAP_AMBIENT,
	PRCTL_MCE_KILL,
	PRCTL_SET_VMA,
	PRCTL_SECCOMP,
	PRCTL_PTRACER,
};

/* The return value strace annotates. */
enum prctl_rval {
	RV_PLAIN,
	RV_DUMPABLE,       /* "= 1 (SUID_DUMP_USER)" */
	RV_SECUREBITS,     /* "= 0x10 (SECBIT_KEEP_CAPS)" */
};

struct prctl_desc {
	uint32_t option;
	uint8_t shape;
	uint8_t rval;
	const struct xlat *xlat;
};

static const struct prctl_desc prctl_descs[] = {
	{ 1, PRCTL_SIGNAL, RV_PLAIN, NULL },                    /* PR_SET_PDEATHSIG */
	{ 2, PRCTL_SIGNAL_OUT, RV_PLAIN, NULL },                /* PR_GET_PDEATHSIG */
	{ 3, PRCTL_NONE, RV_DUMPABLE, NULL },                   /* PR_GET_DUMPABLE */
	{ 4, PRCTL_ENUM, RV_PLAIN, &xlat_prctl_dumpable },      /* PR_SET_DUMPABLE */
	{ 7, PRCTL_NONE, RV_PLAIN, NULL },                      /* PR_GET_KEEPCAPS */
	{ 8, PRCTL_ULONG, RV_PLAIN, NULL },                     /* PR_SET_KEEPCAPS */
	{ 15, PRCTL_STR_IN, RV_PLAIN, NULL },                   /* PR_SET_NAME */
	{ 16, PRCTL_STR_OUT, RV_PLAIN, NULL },                  /* PR_GET_NAME */
	{ 21, PRCTL_NONE, RV_PLAIN, NULL },                     /* PR_GET_SECCOMP */
	{ 22, PRCTL_SECCOMP, RV_PLAIN, NULL },                  /* PR_SET_SECCOMP */
	{ 23, PRCTL_ENUM, RV_PLAIN, &xlat_capabilities },       /* PR_CAPBSET_READ */
	{ 24, PRCTL_ENUM, RV_PLAIN, &xlat_capabilities },       /* PR_CAPBSET_DROP */
	{ 26, PRCTL_ENUM, RV_PLAIN, &xlat_prctl_tsc },          /* PR_SET_TSC */
	{ 27, PRCTL_NONE, RV_SECUREBITS, NULL },                /* PR_GET_SECUREBITS */
	{ 28, PRCTL_FLAGS, RV_PLAIN, &xlat_securebits },        /* PR_SET_SECUREBITS */
	{ 29, PRCTL_ULONG, RV_PLAIN, NULL },                    /* PR_SET_TIMERSLACK */
	{ 30, PRCTL_NONE, RV_PLAIN, NULL },                     /* PR_GET_TIMERSLACK */
	{ 31, PRCTL_NONE, RV_PLAIN, NULL },                     /* PR_TASK_PERF_EVENTS_DISABLE */
	{ 32, PRCTL_NONE, RV_PLAIN, NULL },                     /* PR_TASK_PERF_EVENTS_ENABLE */
	{ 33, PRCTL_MCE_KILL, RV_PLAIN, NULL },                 /* PR_MCE_KILL */
	{ 34, PRCTL_NONE, RV_PLAIN, NULL },                     /* PR_MCE_KILL_GET */
	{ 35, PRCTL_SUBOP_REST, RV_PLAIN, &xlat_prctl_set_mm }, /* PR_SET_MM */
	{ 36, PRCTL_ULONG, RV_PLAIN, NULL },                    /* PR_SET_CHILD_SUBREAPER */
	{ 37, PRCTL_INT_OUT, RV_PLAIN, NULL },                  /* PR_GET_CHILD_SUBREAPER */
	{ 38, PRCTL_ULONG_REST, RV_PLAIN, NULL },               /* PR_SET_NO_NEW_PRIVS */
	{ 39, PRCTL_HEX_REST, RV_PLAIN, NULL },                 /* PR_GET_NO_NEW_PRIVS */
	{ 40, PRCTL_WORD_OUT, RV_PLAIN, NULL },                 /* PR_GET_TID_ADDRESS */
	{ 41, PRCTL_ULONG_REST, RV_PLAIN, NULL },               /* PR_SET_THP_DISABLE */
	{ 42, PRCTL_HEX_REST, RV_PLAIN, NULL },                 /* PR_GET_THP_DISABLE */
	{ 46, PRCTL_NONE, RV_PLAIN, NULL },                     /* PR_GET_FP_MODE */
	{ 47, PRCTL_CAP_AMBIENT, RV_PLAIN, NULL },              /* PR_CAP_AMBIENT */
	{ 0x53564d41, PRCTL_SET_VMA, RV_PLAIN, NULL },          /* PR_SET_VMA */
	{ 0x59616d61, PRCTL_PTRACER, RV_PLAIN, NULL },          /* PR_SET_PTRACER */
};

/* A task's comm is 16 bytes with its NUL: strace shows 15 bytes of a name at most. */
#define COMM_MAX 15
#define CAP_AMBIENT_CLEAR_ALL 4
#define MCE_KILL_SET 1
#define SECCOMP_MODE_FILTER 2

static const struct prctl_desc *prctl_desc_of(uint32_t option)
{
	for (size_t i = 0; i < sizeof(prctl_descs) / sizeof(prctl_descs[0]); i++)
		if (prctl_descs[i].option == option)
			return &prctl_descs[i];
	return NULL;
}

/* Arguments arg<from>..arg5 in hex (0 prints as 0). */
static void hex_args(struct decode_ctx *ctx, unsigned from)
{
	for (unsigned i = from; i <= 5; i++)
		arg_hex(ctx, NULL, arch_word(ctx->arch, ctx->ev->args[i - 1]));
}

/* PR_SET_SECCOMP: the mode, and a filter's {len=N, filter=0x...}. */
static void seccomp_args(struct decode_ctx *ctx)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	unsigned w = ctx->arch->word_size;
	uint16_t len;
	uint64_t filter;

	ctx_arg(ctx, val_enum(a, NULL, (uint32_t)args[1], &xlat_seccomp_modes));
	if ((uint32_t)args[1] != SECCOMP_MODE_FILTER)
		return;
	/* struct sock_fprog: unsigned short len, then the pointer, word-aligned. */
	if (!args[2]) {
		arg_ptr(ctx, NULL, 0);
	} else if (!mem_read_full(ctx, args[2], &len, sizeof(len)) ||
		   !mem_read_word(ctx, args[2] + w, &filter)) {
		arg_ptr(ctx, NULL, args[2]);
	} else {
		struct val *s = ctx_arg(ctx, val_struct(a, NULL));
		val_add(s, val_uint(a, "len", len));
		val_add(s, val_ptr(a, "filter", filter));
	}
}

static void prctl_entry(struct decode_ctx *ctx, const struct prctl_desc *d)
{
	const uint64_t *args = ctx->ev->args;
	struct arena *a = ctx_arena(ctx);
	uint64_t arg2 = arch_word(ctx->arch, args[1]);

	switch (d ? d->shape : PRCTL_RAW) {
	case PRCTL_RAW:
		hex_args(ctx, 2);
		break;
	case PRCTL_NONE:
		break;
	case PRCTL_ULONG:
		arg_ulong(ctx, args[1]);
		break;
	case PRCTL_ULONG_REST:
		arg_ulong(ctx, args[1]);
		hex_args(ctx, 3);
		break;
	case PRCTL_HEX_REST:
		hex_args(ctx, 2);
		break;
	case PRCTL_SIGNAL:
		ctx_arg(ctx, val_signal(a, NULL, arg2));
		break;
	case PRCTL_SIGNAL_OUT:
	case PRCTL_INT_OUT:
	case PRCTL_WORD_OUT:
	case PRCTL_STR_OUT:
		ctx->ev->entry_sep_pending = true;
		break;
	case PRCTL_STR_IN:
		ctx_arg(ctx, string_val_max(ctx, NULL, args[1],
					    ctx->opts->strsize < COMM_MAX ?
					    ctx->opts->strsize : COMM_MAX));
		break;
	case PRCTL_ENUM:
		ctx_arg(ctx, val_enum(a, NULL, arg2, d->xlat));
		break;
	case PRCTL_FLAGS:
		ctx_arg(ctx, val_flags(a, NULL, arg2, d->xlat, 0));
		break;
	case PRCTL_SUBOP_REST:
		ctx_arg(ctx, val_enum(a, NULL, arg2, d->xlat));
		hex_args(ctx, 3);
		break;
	case PRCTL_CAP_AMBIENT:
		ctx_arg(ctx, val_enum(a, NULL, arg2, &xlat_cap_ambient_ops));
		if (arg2 == CAP_AMBIENT_CLEAR_ALL) {
			hex_args(ctx, 3);
		} else {
			ctx_arg(ctx, val_enum(a, NULL, arch_word(ctx->arch, args[2]),
					      &xlat_capabilities));
			hex_args(ctx, 4);
		}
		break;
	case PRCTL_MCE_KILL:
		ctx_arg(ctx, val_enum(a, NULL, arg2, &xlat_mce_kill_ops));
		if (arg2 == MCE_KILL_SET) {
			ctx_arg(ctx, val_enum(a, NULL, arch_word(ctx->arch, args[2]),
					      &xlat_mce_kill_policies));
			hex_args(ctx, 4);
		} else {
			hex_args(ctx, 3);
		}
		break;
	case PRCTL_SET_VMA:
		ctx_arg(ctx, val_enum(a, NULL, arg2, &xlat_prctl_set_vma));
		arg_hex(ctx, NULL, arch_word(ctx->arch, args[2]));
		arg_ulong(ctx, args[3]);
		arg_string(ctx, NULL, args[4]);
		break;
	case PRCTL_SECCOMP:
		seccomp_args(ctx);
		break;
	case PRCTL_PTRACER:
		if ((int32_t)arg2 == -1)   /* an int to the kernel */
			ctx_arg(ctx, val_sym(a, NULL, (uint64_t)-1, VAL_INT, "PR_SET_PTRACER_ANY"));
		else
			arg_int(ctx, NULL, args[1]);
		break;
	}
}

/* "SECBIT_NOROOT|SECBIT_KEEP_CAPS|0x100" for a return comment; NULL for 0. */
static const char *flag_names(struct arena *a, uint64_t bits, const struct xlat *x)
{
	const char *text = NULL;

	for (const struct xlat_entry *e = x->entries; e->name && bits; e++) {
		if (!e->value || (bits & e->value) != e->value)
			continue;
		text = text ? arena_printf(a, "%s|%s", text, e->name) : e->name;
		bits &= ~e->value;
	}
	if (bits)
		text = text ? arena_printf(a, "%s|%#llx", text, (unsigned long long)bits)
			    : arena_printf(a, "%#llx", (unsigned long long)bits);
	return text;
}

/* The value the kernel stored at arg2, or arg2's address. */
static void prctl_exit(struct decode_ctx *ctx, const struct prctl_desc *d)
{
	struct syscall_event *ev = ctx->ev;
	struct arena *a = ctx_arena(ctx);
	uint64_t addr = ev->args[1];
	int32_t i;
	uint64_t w;

	if (!ctx_failed(ctx)) {
		if (d->rval == RV_DUMPABLE) {
			ev->rval_comment = xlat_name(&xlat_prctl_dumpable, (uint64_t)ev->rval);
		} else if (d->rval == RV_SECUREBITS) {
			ev->rval_format = RVAL_HEX;
			ev->rval_comment = flag_names(a, (uint64_t)ev->rval, &xlat_securebits);
		}
	}
	switch (d->shape) {
	case PRCTL_SIGNAL_OUT:
	case PRCTL_INT_OUT:
		if (ctx_failed(ctx) || !addr || !mem_read_full(ctx, addr, &i, sizeof(i)))
			break;
		ctx_arg(ctx, val_written(a, NULL, d->shape == PRCTL_SIGNAL_OUT ?
						  val_signal(a, NULL, (uint32_t)i) :
						  val_int(a, NULL, i)));
		return;
	case PRCTL_WORD_OUT:
		if (ctx_failed(ctx) || !addr || !mem_read_word(ctx, addr, &w))
			break;
		ctx_arg(ctx, val_written(a, NULL, val_hex(a, NULL, w)));
		return;
	case PRCTL_STR_OUT:
		if (ctx_failed(ctx))
			break;
		ctx_arg(ctx, string_val_max(ctx, NULL, addr,
					    ctx->opts->strsize < COMM_MAX ?
					    ctx->opts->strsize : COMM_MAX));
		return;
	default:
		return;
	}
	arg_ptr(ctx, NULL, addr);
}

void dec_prctl(struct decode_ctx *ctx)
{
	uint32_t option = (uint32_t)ctx->ev->args[0];
	const struct prctl_desc *d = prctl_desc_of(option);

	if (!ctx->exiting) {
		ctx_arg(ctx, val_enum(ctx_arena(ctx), NULL, option, &xlat_prctl_options));
		prctl_entry(ctx, d);
		return;
	}
	if (d)
		prctl_exit(ctx, d);
}
