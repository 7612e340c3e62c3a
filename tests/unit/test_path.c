/* test_path.c - the one encoder and reader of state keys (src/ir/path.h):
 * paths built step by step read back with the same kind and steps,
 * slots are told from paths, and the kill rule's queries (a path under
 * a prefix, a slot naming a path) hold only where they should. */
#include "ir/path.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static void test_build(void)
{
	struct path_buf b;
	char big[600];
	size_t len;
	int i;

	path_root_var(&b, 0x1a2bu, "dev");
	path_add(&b, PATH_STEP_ARROW, "rings");
	path_add(&b, PATH_STEP_ELEM, NULL);
	path_add(&b, PATH_STEP_DOT, "data");
	path_add(&b, PATH_STEP_DEREF, NULL);
	CHECK(path_text(&b) && !strcmp(path_text(&b),
				       "v1a2b:dev->rings[].data->*"));
	CHECK(path_kind(path_text(&b)) == PATH_VAR);
	CHECK(path_has_step(path_text(&b), PATH_STEP_ELEM));
	CHECK(path_has_step(path_text(&b), PATH_STEP_DEREF));
	CHECK(!strcmp(path_root_name(path_text(&b)),
		      "dev->rings[].data->*"));
	path_root_global(&b, "table");
	CHECK(path_kind(path_text(&b)) == PATH_GLOBAL);
	CHECK(!path_has_step(path_text(&b), PATH_STEP_ELEM));
	CHECK(!path_has_step(path_text(&b), PATH_STEP_DEREF));
	/* a path that does not fit is not tracked */
	path_root_var(&b, 1, "p");
	for (i = 0; i < 200; i++)
		path_add(&b, PATH_STEP_ARROW, "next");
	CHECK(path_text(&b) == NULL);
	CHECK(path_step_at("->*x", &len) == PATH_STEP_DEREF && len == 3);
	CHECK(path_step_at("->x", &len) == PATH_STEP_ARROW && len == 2);
	CHECK(path_step_at(".x", &len) == PATH_STEP_DOT && len == 1);
	CHECK(path_step_at("[]", &len) == PATH_STEP_ELEM && len == 2);
	CHECK(path_step_at("x", &len) == PATH_STEP_NONE);
	CHECK(path_append(big, sizeof(big), "g:x", PATH_STEP_DOT, "f") == 0 &&
	      !strcmp(big, "g:x.f"));
	CHECK(path_sibling(big, sizeof(big), "v1:b->data", "data", "cap") ==
	      0 && !strcmp(big, "v1:b->cap"));
	CHECK(path_sibling(big, sizeof(big), "v1:b->data", "len", "cap") ==
	      -1);
	CHECK(path_sibling(big, sizeof(big), "v1:x", "longer_name", "c") ==
	      -1);
	CHECK(!strcmp(path_last_name("v1:b->hdr.len"), "len"));
	CHECK(!strcmp(path_last_name("g:n"), "g:n"));
}

static void test_slots(void)
{
	const char *paths[2] = { "v1:end", "v1:j" };
	long long coefs[2] = { 1, -1 }, c;
	char key[256], t[64];
	size_t pos = 0;
	struct ival form = iv_sym(3);

	CHECK(path_rel_key(key, sizeof(key), 2, paths, coefs) == 0);
	CHECK(path_is_slot(key) && path_kind(key) == PATH_REL);
	CHECK(path_rel_next(key, &pos, t, sizeof(t), &c) == 1 &&
	      !strcmp(t, "v1:end") && c == 1);
	CHECK(path_rel_next(key, &pos, t, sizeof(t), &c) == 1 &&
	      !strcmp(t, "v1:j") && c == -1);
	CHECK(path_rel_next(key, &pos, t, sizeof(t), &c) == 0);
	/* the relation names v1:j and paths under it, not v1:jj */
	CHECK(path_slot_names(key, "v1:j", 4));
	CHECK(!path_slot_names(key, "v1:jj", 5));
	CHECK(!path_slot_names(key, "v1:en", 5));
	CHECK(path_def_key(key, sizeof(key), -1, "v1:p") == 0 &&
	      path_kind(key) == PATH_DEF && path_slot_names(key, "v1:p", 4));
	CHECK(path_def_key(key, sizeof(key), 2, "v1:i") == 0 &&
	      path_kind(key) == PATH_DEF_SRC);
	path_bound_key(key, sizeof(key), &form);
	CHECK(path_kind(key) == PATH_BOUND && !path_slot_names(key, "v1", 2));
	pos = 0;
	CHECK(path_rel_next(key, &pos, t, sizeof(t), &c) == -1);
	CHECK(path_strlen_key(key, sizeof(key), 4, 8) == 0 &&
	      path_kind(key) == PATH_STRLEN);
	CHECK(path_call_key(key, sizeof(key), 0xabcULL, "f") == 0 &&
	      path_kind(key) == PATH_CALL && !path_is_slot(key));
	CHECK(path_site_key(key, sizeof(key), 0xabcULL, "ptrdiff") == 0 &&
	      path_kind(key) == PATH_CALL);
	/* paths under a prefix: a step must follow it */
	CHECK(path_is_under("v1:p->buf", "v1:p", 4));
	CHECK(path_is_under("v1:p[]", "v1:p", 4));
	CHECK(path_is_under("v1:p.f", "v1:p", 4));
	CHECK(!path_is_under("v1:pp", "v1:p", 4));
	CHECK(!path_is_under("v1:p", "v1:p", 4));
}

int main(void)
{
	test_build();
	test_slots();
	if (!failures)
		printf("test_path: ok\n");
	return failures != 0;
}
