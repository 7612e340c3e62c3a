/* fuzz_util.h - helpers shared by the libFuzzer harnesses: a NUL-terminated
 * copy of the input, and an in-memory file (memfd) for loaders that only
 * take a path. Header-only: each harness is one executable.
 */
#ifndef KC_FUZZ_UTIL_H
#define KC_FUZZ_UTIL_H


#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Returns a heap copy of data[0..size) with a NUL appended (caller
 * frees), or NULL on OOM. Embedded NULs stay: readers see a prefix. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		return NULL;
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* One memory-backed file per slot, reused across inputs. Writes
 * data[0..size) to slot and returns its path ("/proc/self/fd/N", static
 * storage per slot), or NULL if memfd is unavailable. */
static inline const char *fuzz_memfile(int slot, const void *data,
				       size_t size)
{
	static int fds[4] = { -1, -1, -1, -1 };
	static char paths[4][32];
	const char *p = data;
	size_t done = 0;

	if (slot < 0 || slot >= 4)
		return NULL;
	if (fds[slot] < 0) {
		fds[slot] = memfd_create("kc-fuzz", 0);
		if (fds[slot] < 0)
			return NULL;
		snprintf(paths[slot], sizeof(paths[slot]), "/proc/self/fd/%d",
			 fds[slot]);
	}
	if (ftruncate(fds[slot], 0))
		return NULL;
	while (done < size) {
		ssize_t n = pwrite(fds[slot], p + done, size - done,
				   (off_t)done);

		if (n <= 0)
			return NULL;
		done += (size_t)n;
	}
	return paths[slot];
}

/* Splits data at the first "\n%%\n": *a gets the part before, *b the
 * part after (NULL-terminated heap copies, caller frees). Returns 1 when
 * the separator was found, 0 when not (then *a is all of data, *b NULL). */
static inline int fuzz_split(const uint8_t *data, size_t size, char **a,
			     char **b)
{
	static const char sep[] = "\n%%\n";

	for (size_t i = 0; i + 4 <= size; i++) {
		if (!memcmp(data + i, sep, 4)) {
			*a = fuzz_cstr(data, i + 1);
			*b = fuzz_cstr(data + i + 4, size - i - 4);
			return 1;
		}
	}
	*a = fuzz_cstr(data, size);
	*b = NULL;
	return 0;
}

#endif
