/*
 * JSON Lines for decoded events (--json): one object per event, built from
 * the same `struct val` trees the strace printer formats, never re-decoded.
 * man/ctrace.1 ("JSON OUTPUT") documents every type and member; schema
 * version JSON_SCHEMA_VERSION is each object's "v".
 *
 * Like print.h, these functions only format into a string buffer, without a
 * trailing newline; src/output.c decides where and when objects are written.
 */
#ifndef CTRACE_PRINT_JSON_H
#define CTRACE_PRINT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "ctrace/event.h"
#include "ctrace/strbuf.h"

#define JSON_SCHEMA_VERSION 1

/* A JSON string of `len` bytes: valid UTF-8 kept, other bytes as \u00XX. */
void json_format_string(struct strbuf *out, const char *bytes, size_t len);

/* One value: a number, null, a string, an array or an object. */
void json_format_val(struct strbuf *out, const struct val *v);

/* A whole syscall, entry and exit merged ("unfinished" if !ev->exited). */
void json_format_syscall(struct strbuf *out, pid_t pid, const struct syscall_event *ev);

/* A signal delivery; `siginfo` may be NULL (PTRACE_GETSIGINFO failed). */
void json_format_signal(struct strbuf *out, pid_t pid, int sig, const struct val *siginfo);
void json_format_group_stop(struct strbuf *out, pid_t pid, int sig);
/* "exit" or "killed", from a wait status. */
void json_format_exit(struct strbuf *out, pid_t pid, int status);
void json_format_superseded(struct strbuf *out, pid_t pid, pid_t by);
void json_format_personality(struct strbuf *out, pid_t pid, const struct arch *arch);
/* `followed`: a new task of a traced one (-f), not one named by -p. */
void json_format_attach(struct strbuf *out, pid_t pid, bool followed);
void json_format_detach(struct strbuf *out, pid_t pid);

#endif
