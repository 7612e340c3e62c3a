/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: 6.10+ allocation tagging.  Every public allocator is
 * a macro X(...) -> alloc_hooks(X_noprof(...)); alloc_hooks() is a GNU
 * statement expression even when memory profiling is off.  Written here
 * from the documented shape; not kernel source.
 */
#ifndef _KSTUB_LINUX_ALLOC_TAG_H
#define _KSTUB_LINUX_ALLOC_TAG_H

#include <linux/compiler.h>

struct alloc_tag {
	const char *function;
	unsigned int lineno;
};

static inline struct alloc_tag *alloc_tag_save(struct alloc_tag *tag)
{
	return tag;
}

static inline void alloc_tag_restore(struct alloc_tag *tag,
				     struct alloc_tag *old)
{
	(void)tag;
	(void)old;
}

#define DEFINE_ALLOC_TAG(_name)						\
	static struct alloc_tag _name __maybe_unused = {		\
		.function = __func__, .lineno = __LINE__ }

#define alloc_hooks_tag(_tag, _do_alloc)				\
({									\
	struct alloc_tag * __maybe_unused _old = alloc_tag_save(_tag);	\
	typeof(_do_alloc) _res = _do_alloc;				\
	alloc_tag_restore(_tag, _old);					\
	_res;								\
})

#define alloc_hooks(_do_alloc)						\
({									\
	DEFINE_ALLOC_TAG(_alloc_tag);					\
	alloc_hooks_tag(&_alloc_tag, _do_alloc);			\
})

#endif /* _KSTUB_LINUX_ALLOC_TAG_H */
