// SPDX-License-Identifier: GPL-2.0
/*
 * A tag stored into an allocation through one pointer is seen by a read
 * through another pointer to the same bytes, in an inlined callee: a
 * flow of one IB spec (40 bytes, kmalloc-64) is parsed by a switch on
 * the spec's type, whose ETH case reads a mask at bytes 56 to 62. With
 * the IB type stored, only the IB case runs: nothing to report. With the
 * ETH type stored, the ETH case runs and reads past the request. The
 * tag is not known when the object went to a function not seen between
 * the store and the parse, nor when it was stored on one branch only:
 * then which layout the spec has is the case's, and no case is judged.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct flow_attr {
	u32 type;
	u16 size;
	u16 port;
	u32 num_of_specs;
	u32 pad;
};

struct flow_spec_ib {
	u32 type;
	u16 size;
	u16 rsvd;
	u32 qpn;
	u32 mask[3];
};

struct flow_spec_eth {
	u32 type;
	u16 size;
	u16 rsvd;
	u8 dst[6];
	u8 pad[26];
	u8 mask_dst[6];
	u8 more[6];
};

union flow_spec {
	struct {
		u32 type;
		u16 size;
	};
	struct flow_spec_ib ib;
	struct flow_spec_eth eth;
};

#define SPEC_ETH 1
#define SPEC_IB 2

void flow_register(struct flow_attr *attr);

/* one parser per caller below, so each finding has its own line (the
 * functions a macro defines are the file's own) */
#define DEFINE_FLOW_PARSER(name)					\
static int parse_##name(union flow_spec *spec, u8 *out)		\
{									\
	switch (spec->type) {						\
	case SPEC_ETH:							\
		memcpy(out, spec->eth.mask_dst, 6);			\
		return 6;						\
	case SPEC_IB:							\
		out[0] = spec->ib.qpn;					\
		return 1;						\
	}								\
	return -EINVAL;							\
}									\
									\
static int create_##name(struct flow_attr *attr, u8 *out)		\
{									\
	void *spec = attr + 1;						\
	int i, ret = 0;							\
									\
	for (i = 0; i < attr->num_of_specs; i++) {			\
		ret = parse_##name(spec, out);				\
		if (ret < 0)						\
			return ret;					\
		spec += ((union flow_spec *)spec)->size;		\
	}								\
	return ret;							\
}

/* a flow of one spec of type tag, IB-sized */
#define FLOW_ALLOC(attr, tag)						\
	({								\
		struct flow_spec_ib *ib;				\
									\
		attr = kzalloc(sizeof(*attr) + sizeof(*ib), GFP_KERNEL);\
		if (attr) {						\
			attr->num_of_specs = 1;				\
			ib = (struct flow_spec_ib *)(attr + 1);		\
			ib->type = tag;				\
			ib->size = sizeof(*ib);				\
			memset(&ib->mask, 0, sizeof(ib->mask));		\
		}							\
		attr;							\
	})

DEFINE_FLOW_PARSER(ib)

/* the IB tag: the ETH case does not run */
int steer_ib(u8 *out)
{
	struct flow_attr *attr;
	int err;

	if (!FLOW_ALLOC(attr, SPEC_IB))
		return -ENOMEM;
	err = create_ib(attr, out);
	kfree(attr);
	return err;
}

DEFINE_FLOW_PARSER(eth) /* expect: slack-read "ends at 62" */

/* the ETH tag on an IB-sized spec */
int steer_eth(u8 *out)
{
	struct flow_attr *attr;
	int err;

	if (!FLOW_ALLOC(attr, SPEC_ETH))
		return -ENOMEM;
	err = create_eth(attr, out);
	kfree(attr);
	return err;
}

DEFINE_FLOW_PARSER(registered)

/* the flow went to a function not seen: it may have changed the tag */
int steer_registered(u8 *out)
{
	struct flow_attr *attr;
	int err;

	if (!FLOW_ALLOC(attr, SPEC_IB))
		return -ENOMEM;
	flow_register(attr);
	err = create_registered(attr, out);
	kfree(attr);
	return err;
}

DEFINE_FLOW_PARSER(either)

/* the IB tag on one branch, ETH on the other */
int steer_either(u8 *out, bool eth)
{
	struct flow_attr *attr;
	struct flow_spec_ib *ib;
	int err;

	if (!FLOW_ALLOC(attr, SPEC_IB))
		return -ENOMEM;
	ib = (struct flow_spec_ib *)(attr + 1);
	if (eth)
		ib->type = SPEC_ETH;
	err = create_either(attr, out);
	kfree(attr);
	return err;
}
