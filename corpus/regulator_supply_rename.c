// SPDX-License-Identifier: GPL-2.0
/*
 * Regulator supply aliases.  A supply name is kstrdup()'d (strlen + 1
 * bytes requested); renaming it later copies the new name with
 * ksize() as the bound, which lets a longer name run into the slack
 * whenever strlen + 1 is not itself a bucket size.  The fixed variant
 * duplicates the new name instead.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct supply_alias {
	char *name;
	int uV;
};

int supply_alias_init(struct supply_alias *sa, const char *name)
{
	sa->name = kstrdup(name, GFP_KERNEL);
	return sa->name ? 0 : -ENOMEM;
}

int supply_alias_rename_inplace(const char *old, const char *new)
{
	char *name;

	name = kstrdup(old, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	strscpy(name, new, ksize(name)); /* expect: slack-write */
	pr_info("supply %s\n", name);
	kfree(name);
	return 0;
}

int supply_alias_rename(struct supply_alias *sa, const char *new)
{
	char *name = kstrdup(new, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	kfree(sa->name);
	sa->name = name;
	return 0;
}

MODULE_LICENSE("GPL");
