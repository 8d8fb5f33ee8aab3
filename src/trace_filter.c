/* -e trace=SET parsing (include/ctrace/filter.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrace/filter.h"

/* strace's class names, and our %namespace. */
static const struct {
	const char *name;
	uint32_t classes;
} class_names[] = {
	{ "file", TC_FILE },
	{ "ipc", TC_IPC },
	{ "network", TC_NETWORK },
	{ "net", TC_NETWORK },
	{ "process", TC_PROCESS },
	{ "signal", TC_SIGNAL },
	{ "desc", TC_DESC },
	{ "memory", TC_MEMORY },
	{ "stat", TC_STAT },
	{ "lstat", TC_LSTAT },
	{ "fstat", TC_FSTAT },
	{ "%stat", TC_STAT | TC_LSTAT | TC_FSTAT },
	{ "statfs", TC_STATFS },
	{ "fstatfs", TC_FSTATFS },
	{ "%statfs", TC_STATFS | TC_FSTATFS },
	{ "creds", TC_CREDS },
	{ "clock", TC_CLOCK },
	{ "pure", TC_PURE },
	{ "namespace", TC_NAMESPACE },
};

uint32_t syscall_class_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (!strcmp(class_names[i].name, name))
			return class_names[i].classes;
	return 0;
}

const char *syscall_class_name(size_t i)
{
	return i < sizeof(class_names) / sizeof(class_names[0]) ? class_names[i].name : NULL;
}

void trace_filter_init(struct trace_filter *f)
{
	f->given = false;
	memset(f->selected, 1, sizeof(f->selected));
	f->selected[SYS_none] = 0;
	f->unknown_selected = true;
}

/* Class names strace still accepts without the %: -e trace=process. */
static bool is_legacy_class(const char *name)
{
	static const char *const legacy[] = {
		"desc", "file", "ipc", "memory", "network", "process", "signal",
	};
	for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++)
		if (!strcmp(legacy[i], name))
			return true;
	return false;
}

/* Selects (or, when `value` is 0, deselects) the syscalls one item names. */
static int apply_item(struct trace_filter *f, const char *item, uint8_t value)
{
	bool matched = false;

	if (!strcmp(item, "all") || !strcmp(item, "none")) {
		uint8_t v = !strcmp(item, "all") ? value : !value;
		memset(f->selected, v, sizeof(f->selected));
		f->selected[SYS_none] = 0;
		f->unknown_selected = v;
		return 0;
	}
	if (item[0] == '%') {
		uint32_t classes = syscall_class_by_name(item + 1);
		if (!classes)
			return -1;
		for (int id = 1; id < SYS_COUNT; id++)
			if (syscall_descs[id].classes & classes)
				f->selected[id] = value;
		return 0;
	}
	for (int id = 1; id < SYS_COUNT; id++) {
		if (!strcmp(syscall_descs[id].name, item)) {
			f->selected[id] = value;
			matched = true;
		}
	}
	if (!matched && is_legacy_class(item)) {
		char with_percent[32];
		snprintf(with_percent, sizeof(with_percent), "%%%s", item);
		return apply_item(f, with_percent, value);
	}
	return matched ? 0 : -1;
}

int trace_filter_parse(struct trace_filter *f, const char *set, char *err, size_t errlen)
{
	bool negate = false;

	if (*set == '!') {
		negate = true;
		set++;
	}
	/* The selection starts empty (or full, negated) and each item adds to it. */
	memset(f->selected, negate, sizeof(f->selected));
	f->selected[SYS_none] = 0;
	f->unknown_selected = negate;
	f->given = true;

	char *copy = strdup(set);
	if (!copy)
		abort();
	int rc = 0;
	char *save = NULL;
	for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		/* "?name": like strace, no error when the name is unknown. */
		bool optional = item[0] == '?';
		if (optional)
			item++;
		if (apply_item(f, item, !negate) < 0 && !optional) {
			snprintf(err, errlen, "invalid system call '%s'", item);
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}
