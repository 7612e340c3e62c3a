/* alloc.c - every allocation of the project goes through here.
 *
 * The link wraps malloc, calloc, realloc, strdup and strndup
 * (-Wl,--wrap=..., CMakeLists.txt): each reference to them in the
 * project's own objects is bound to __wrap_X below, which calls the C
 * library's X (__real_X) and reports a failure to the bound error sink
 * (sink.h). libclang's and json-c's allocations are in their own shared
 * libraries and are not wrapped.
 *
 * Fault injection (cmake -DKC_FAULT_INJECT=ON, docs/architecture.md),
 * after SQLite's faultsimStep() (src/test_malloc.c): the allocations made
 * while a sink is bound (the analysis of a TU) are counted from 1, and
 *   KC_FAULT_FAIL=N     the Nth fails (returns NULL)
 *   KC_FAULT_PERSIST=1  and every later one fails too
 *   KC_FAULT_REPORT=1   each analysis prints, when it ends, to stderr
 *                       "ksizecheck: fault-inject: N allocations, F failed"
 *                       (counts of its process so far; workers leave by
 *                       _exit(), so not at exit)
 * so tests/fault/fault-walk.sh can walk N over a file's allocations.
 */
#include "util/sink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

#ifdef KC_FAULT_INJECT
static int fault_ready;
static unsigned long fault_at, fault_count, fault_failed;
static int fault_persist, fault_report;

void kc_fault_scope_end(void)
{
	if (fault_report)
		fprintf(stderr, "ksizecheck: fault-inject: %lu allocations, "
			"%lu failed\n", fault_count, fault_failed);
}

/* 1 when this allocation is to fail (faultsimStep). */
static int fault_step(void)
{
	const char *v;

	if (!fault_ready) {
		fault_ready = 1;
		v = getenv("KC_FAULT_FAIL");
		fault_at = v ? strtoul(v, NULL, 10) : 0;
		v = getenv("KC_FAULT_PERSIST");
		fault_persist = v && *v == '1';
		v = getenv("KC_FAULT_REPORT");
		fault_report = v && *v == '1';
	}
	if (!kc_sink_bound())
		return 0;
	fault_count++;
	if (!fault_at || fault_count < fault_at ||
	    (fault_count > fault_at && !fault_persist))
		return 0;
	fault_failed++;
	return 1;
}
#else
static int fault_step(void)
{
	return 0;
}
#endif

void *__wrap_malloc(size_t n)
{
	void *p = fault_step() ? NULL : __real_malloc(n);

	if (!p)
		kc_sink_oom(n);
	return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
	void *p = fault_step() ? NULL : __real_calloc(n, size);

	if (!p)
		kc_sink_oom(n * size);
	return p;
}

void *__wrap_realloc(void *p, size_t n)
{
	void *q;

	if (!n)  /* a free (glibc), not an allocation */
		return __real_realloc(p, n);
	q = fault_step() ? NULL : __real_realloc(p, n);
	if (!q)
		kc_sink_oom(n);
	return q;
}

char *__wrap_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = __wrap_malloc(len + 1);

	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *__wrap_strdup(const char *s)
{
	return __wrap_strndup(s, strlen(s));
}
