/* arena.c - bump allocator (see arena.h). */
#include "util/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KC_ARENA_CHUNK (64 * 1024)

struct kc_arena_chunk {
	struct kc_arena_chunk *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
};

void kc_arena_init(struct kc_arena *a)
{
	a->head = NULL;
	a->used_total = 0;
}

void kc_arena_release(struct kc_arena *a)
{
	struct kc_arena_chunk *c = a->head, *next;

	while (c) {
		next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used_total = 0;
}

void *kc_arena_alloc(struct kc_arena *a, size_t size)
{
	struct kc_arena_chunk *c = a->head;
	size_t need = (size + 15) & ~(size_t)15;
	void *p;

	if (!c || c->size - c->used < need) {
		size_t csize = need > KC_ARENA_CHUNK ? need : KC_ARENA_CHUNK;

		c = malloc(sizeof(*c) + csize);
		if (!c)
			return NULL;
		c->size = csize;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = c->data + c->used;
	c->used += need;
	a->used_total += need;
	memset(p, 0, size);
	return p;
}

char *kc_arena_strndup(struct kc_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = kc_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *kc_arena_strdup(struct kc_arena *a, const char *s)
{
	return s ? kc_arena_strndup(a, s, strlen(s)) : NULL;
}

char *kc_arena_printf(struct kc_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = kc_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
