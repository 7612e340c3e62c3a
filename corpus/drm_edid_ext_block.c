// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * EDID handling of a display bridge.  The base block (128 bytes, exactly
 * kmalloc-128) is duplicated with kmemdup(); the extension parser then
 * reads the first extension block at byte 128 without checking that the
 * copy has one: past the bucket.  The checked variant duplicates
 * (1 + extensions) blocks and reads inside them.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define EDID_LENGTH		128
#define EDID_EXT_COUNT_OFF	126
#define EDID_CEA_TAG		0x02

struct bridge_edid {
	u8 *blob;
	size_t len;
	u8 cea_rev;
};

int bridge_edid_read(const u8 *raw, struct bridge_edid *e);

int bridge_edid_parse_base(const u8 *raw, struct bridge_edid *e)
{
	u8 *edid, ext[EDID_LENGTH];

	edid = kmemdup(raw, EDID_LENGTH, GFP_KERNEL);
	if (!edid)
		return -ENOMEM;
	if (edid[EDID_EXT_COUNT_OFF]) {
		memcpy(ext, edid + EDID_LENGTH, EDID_LENGTH); /* expect: overflow-read */
		if (ext[0] == EDID_CEA_TAG)
			e->cea_rev = ext[1];
	}
	e->blob = edid;
	e->len = EDID_LENGTH;
	return 0;
}

int bridge_edid_parse_all(const u8 *raw, struct bridge_edid *e)
{
	unsigned int n_ext = raw[EDID_EXT_COUNT_OFF];
	size_t len = (1 + n_ext) * EDID_LENGTH;
	u8 *edid;

	if (n_ext > 3)
		return -EINVAL;
	edid = kmemdup(raw, len, GFP_KERNEL);
	if (!edid)
		return -ENOMEM;
	/*
	 * Not a finding: on this path n_ext >= 1, so len >= 256.  A checker
	 * that loses the n_ext/len relation must stay silent (precision
	 * over recall), not guess from len's range [128, 512].
	 */
	if (n_ext && edid[EDID_LENGTH] == EDID_CEA_TAG)
		e->cea_rev = edid[EDID_LENGTH + 1];
	e->blob = edid;
	e->len = len;
	return 0;
}

MODULE_LICENSE("GPL");
