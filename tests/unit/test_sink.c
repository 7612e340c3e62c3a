/* test_sink.c - the analysis's error sink (src/util/sink.h): a failed
 * allocation and a broken KC_ASSERT both end the scope as an error,
 * stickily; scopes do not nest; outside a scope nothing is recorded. */
#include "util/sink.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void test_assert(void)
{
	struct kc_sink s;
	struct kc_err err = { 0 };
	int x = 1;

	CHECK(kc_sink_bind(&s) == 0);
	CHECK(KC_ASSERT(x == 1));
	CHECK(!kc_sink_failed());
	CHECK(!KC_ASSERT(x == 2));
	CHECK(kc_sink_failed());
	kc_sink_oom(16); /* later errors count, the first is kept */
	CHECK(s.count == 2);
	CHECK(kc_sink_unbind(&s, 0, NULL, &err) == -KC_EINTERNAL);
	CHECK(strstr(err.msg, "assertion 'x == 2' failed at ") != NULL);
	CHECK(strstr(err.msg, "test_sink.c:") != NULL);
	CHECK(!kc_sink_bound());
	/* outside a scope: no sink, nothing recorded, no crash */
	CHECK(!KC_ASSERT(x == 3));
	CHECK(!kc_sink_failed());
}

static void test_oom(void)
{
	struct kc_sink s;
	struct kc_err err = { 0 };

	CHECK(kc_sink_bind(&s) == 0);
	CHECK(kc_sink_unbind(&s, 0, NULL, &err) == 0);
	CHECK(kc_sink_bind(&s) == 0);
	kc_sink_oom(64);
	CHECK(kc_sink_unbind(&s, 0, NULL, &err) == -KC_ENOMEM);
	CHECK(!strcmp(err.msg, "out of memory"));
#ifndef __SANITIZE_ADDRESS__
	{
		/* the link wraps malloc (alloc.c): a real failure reaches the
		 * sink though nobody looks at the result */
		volatile size_t huge = SIZE_MAX / 2;
		void *p;

		CHECK(kc_sink_bind(&s) == 0);
		p = malloc(huge);
		CHECK(p == NULL);
		free(p);
		CHECK(kc_sink_failed());
		CHECK(kc_sink_unbind(&s, 0, NULL, &err) == -KC_ENOMEM);
	}
#endif
}

static void test_nesting(void)
{
	struct kc_sink outer, inner;
	struct kc_err err = { 0 };

	CHECK(kc_sink_bind(&outer) == 0);
	CHECK(kc_sink_bind(&inner) == -KC_EINTERNAL);
	CHECK(kc_sink_unbind(&outer, 0, NULL, &err) == -KC_EINTERNAL);
	CHECK(strstr(err.msg, "assertion '!bound'") != NULL);
}

int main(void)
{
	test_assert();
	test_oom();
	test_nesting();
	if (failures)
		fprintf(stderr, "test_sink: %d failures\n", failures);
	return failures ? 1 : 0;
}
