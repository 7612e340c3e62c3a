/* a checking macro in the shape of FORTIFY's (written for this test):
 * memmove() spelled in a file expands to a statement expression whose
 * own checks are the macro's */
#undef memmove
#define memmove(p, q, s) ({					\
	size_t __chk_size = (s);				\
	if (__chk_size > 65536)					\
		fill_chk_fail();				\
	__builtin_memmove(p, q, __chk_size);			\
})
void fill_chk_fail(void) __attribute__((noreturn));
