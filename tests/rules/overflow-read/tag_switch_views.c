// SPDX-License-Identifier: GPL-2.0
/*
 * A transaction carries a payload whose type its msg_type says; code
 * switches on msg_type and reads the payload through a cast to that
 * case's struct. When the switch's value is not known, which view is
 * valid is the case's: the reads of a larger payload in another case are
 * not judged against the small one allocated. When the value is known,
 * the other cases do not run, and the case that runs is judged: a rule
 * payload read as a set payload passes its request.
 */
#include <linux/kernel.h>
#include <linux/slab.h>

enum { MSG_NEWRULE = 1, MSG_NEWSET = 2 };

struct trans {
	int msg_type;
	u32 flags;
	char data[];
};

struct trans_rule {
	void *rule;
};

struct trans_set {
	void *set;
	u32 set_id;
	u8 update;
	u8 bound;
};

/* one commit per caller below, so each verdict has its own line */
#define DEFINE_COMMIT(name)						\
static int commit_##name(struct trans *trans)				\
{									\
	switch (trans->msg_type) {					\
	case MSG_NEWSET:						\
		return ((struct trans_set *)trans->data)->update;	\
	case MSG_NEWRULE:						\
		return ((struct trans_rule *)trans->data)->rule != NULL;\
	}								\
	return 0;							\
}

static struct trans *trans_alloc(int msg_type, u32 size)
{
	struct trans *trans = kzalloc(sizeof(*trans) + size, GFP_KERNEL);

	if (!trans)
		return NULL;
	trans->msg_type = msg_type;
	return trans;
}

DEFINE_COMMIT(add)

/* msg_type from the caller: the tag decides, no verdict */
int rule_add(int msg_type)
{
	struct trans *trans = trans_alloc(msg_type, sizeof(struct trans_rule));
	int r;

	if (!trans)
		return -ENOMEM;
	r = commit_add(trans);
	kfree(trans);
	return r;
}

DEFINE_COMMIT(new)

/* a rule payload committed as a rule: the set case does not run */
int rule_new(void)
{
	struct trans *trans = trans_alloc(MSG_NEWRULE,
					  sizeof(struct trans_rule));
	int r;

	if (!trans)
		return -ENOMEM;
	r = commit_new(trans);
	kfree(trans);
	return r;
}

DEFINE_COMMIT(as_set) /* expect: overflow-read "at offset 20" */

/* a rule payload tagged as a set: the set view reads past it */
int rule_as_set(void)
{
	struct trans *trans = trans_alloc(MSG_NEWSET,
					  sizeof(struct trans_rule));
	int r;

	if (!trans)
		return -ENOMEM;
	r = commit_as_set(trans);
	kfree(trans);
	return r;
}

/* the address of a field of the case's layout handed to a reader: the
 * tag decides, as for a read through the view */
#define DEFINE_PEEK(name)						\
static u8 first_byte_##name(const u8 *p)				\
{									\
	return p[0];							\
}									\
									\
static int peek_##name(struct trans *trans)				\
{									\
	switch (trans->msg_type) {					\
	case MSG_NEWSET:						\
		return first_byte_##name(				\
			&((struct trans_set *)trans->data)->bound);	\
	}								\
	return 0;							\
}

DEFINE_PEEK(add)

int rule_peek(int msg_type)
{
	struct trans *trans = trans_alloc(msg_type, sizeof(struct trans_rule));
	int r;

	if (!trans)
		return -ENOMEM;
	r = peek_add(trans);
	kfree(trans);
	return r;
}

DEFINE_PEEK(as_set) /* expect: overflow-read "at offset 21" */

int rule_peek_as_set(void)
{
	struct trans *trans = trans_alloc(MSG_NEWSET, sizeof(struct trans_rule));
	int r;

	if (!trans)
		return -ENOMEM;
	r = peek_as_set(trans);
	kfree(trans);
	return r;
}
