/* Tables of the clock and sleep decoders (src/decode_time.c), from <linux/time.h>. */
#include "ctrace/xlat_calls.h"

static const struct xlat_entry clock_entries[] = {
	{ 0, "CLOCK_REALTIME" },
	{ 1, "CLOCK_MONOTONIC" },
	{ 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" },
	{ 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" },
	{ 8, "CLOCK_REALTIME_ALARM" },
	{ 9, "CLOCK_BOOTTIME_ALARM" },
	{ 10, "CLOCK_SGI_CYCLE" },
	{ 11, "CLOCK_TAI" },
	{ 0, NULL }
};
const struct xlat xlat_clocks = { clock_entries, "CLOCK_???" };

static const struct xlat_entry timer_flag_entries[] = {
	{ 1, "TIMER_ABSTIME" },
	{ 0, NULL }
};
const struct xlat xlat_timer_flags = { timer_flag_entries, "TIMER_???" };

/* TFD_CLOEXEC and TFD_NONBLOCK are O_CLOEXEC and O_NONBLOCK; strace's order. */
static const struct xlat_entry timerfd_create_entries[] = {
	{ 02000000, "TFD_CLOEXEC" },
	{ 00004000, "TFD_NONBLOCK" },
	{ 0, NULL }
};
const struct xlat xlat_timerfd_create_flags = { timerfd_create_entries, "TFD_???" };

static const struct xlat_entry timerfd_settime_entries[] = {
	{ 1, "TFD_TIMER_ABSTIME" },
	{ 2, "TFD_TIMER_CANCEL_ON_SET" },
	{ 0, NULL }
};
const struct xlat xlat_timerfd_settime_flags = { timerfd_settime_entries, "TFD_TIMER_???" };
