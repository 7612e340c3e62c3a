// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Clock provider registering named clocks.  Names are duplicated with
 * kstrdup_const(), which returns the argument itself when it lives in
 * .rodata, so ksize() on the result is only sometimes valid.  The parent
 * name is a kstrdup() copy or a string literal: ksize() is wrong on the
 * literal path.  kasprintf() names are plain kmalloc objects; the
 * fallback name is a literal and ksize() on it is always wrong.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>

struct clk_hw_stub {
	const char *name;
	const char *parent;
	char *alias;
	unsigned long rate;
};

static size_t clk_names_mem;

static int clk_stub_register(struct device *dev, struct clk_hw_stub *hw,
			     const char *name, const char *parent, int idx)
{
	hw->name = kstrdup_const(name, GFP_KERNEL);
	if (!hw->name)
		return -ENOMEM;
	clk_names_mem += ksize(hw->name); /* expect: ksize-maybe-non-kmalloc */

	if (parent) {
		hw->parent = kstrdup(parent, GFP_KERNEL);
		if (!hw->parent) {
			kfree_const(hw->name);
			return -ENOMEM;
		}
	} else {
		hw->parent = "osc24m";
	}
	clk_names_mem += ksize(hw->parent); /* expect: ksize-maybe-non-kmalloc "line" */

	hw->alias = kasprintf(GFP_KERNEL, "%s.%d", dev_name(dev), idx);
	if (!hw->alias) {
		kfree_const(hw->parent);
		kfree_const(hw->name);
		return -ENOMEM;
	}
	clk_names_mem += ksize(hw->alias);
	return 0;
}

static void clk_stub_unregister(struct clk_hw_stub *hw)
{
	kfree(hw->alias);
	kfree_const(hw->parent);
	kfree_const(hw->name);
}

struct clk_stub_init {
	const char *name;
	const char *parent;	/* NULL: the board oscillator */
};

int clk_stub_probe(struct device *dev, struct clk_hw_stub *hws,
		   const struct clk_stub_init *init, int n)
{
	const char *fallback = "clk-unnamed";
	int i, ret;

	pr_debug("fallback name %s costs %zu\n", fallback, ksize(fallback)); /* expect: ksize-non-kmalloc */

	for (i = 0; i < n; i++) {
		ret = clk_stub_register(dev, &hws[i], init[i].name,
					init[i].parent, i);
		if (ret)
			goto err;
	}
	dev_info(dev, "%d clocks, %zu bytes of names\n", n, clk_names_mem);
	return 0;
err:
	while (--i >= 0)
		clk_stub_unregister(&hws[i]);
	return ret;
}

MODULE_LICENSE("GPL");
