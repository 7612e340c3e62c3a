// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * A firmware loader that builds "<dir>/<chip>.bin" names with strcpy()
 * and strcat().  fwp_name() sizes its buffer as strlen(dir) + 1 +
 * strlen(chip) + 4 and forgets the NUL: the last strcat() ends one byte
 * past the request (slack-write).  fwp_name_fixed() copies into a
 * 300-byte buffer after a guard `dlen + clen > 295`, which forgets
 * the NUL: dir + "/" + chip + ".bin" + NUL ends at byte 301
 * (slack-write).  The
 * twins count the NUL, and a kstrdup() copy that is only read is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define FWP_MAX	300

char *fwp_name(const char *dir, const char *chip)
{
	char *name = kmalloc(strlen(dir) + 1 + strlen(chip) + 4, GFP_KERNEL);

	if (!name)
		return NULL;
	strcpy(name, dir);
	strcat(name, "/");
	strcat(name, chip);
	strcat(name, ".bin"); /* expect: slack-write */
	return name;
}

char *fwp_name_ok(const char *dir, const char *chip)
{
	char *name = kmalloc(strlen(dir) + 1 + strlen(chip) + 5, GFP_KERNEL);

	if (!name)
		return NULL;
	strcpy(name, dir);
	strcat(name, "/");
	strcat(name, chip);
	strcat(name, ".bin");
	return name;
}

char *fwp_name_fixed(const char *dir, const char *chip)
{
	size_t dlen = strlen(dir), clen = strlen(chip);
	char *name;

	if (dlen + clen > FWP_MAX - 5)
		return NULL;
	name = kmalloc(FWP_MAX, GFP_KERNEL);
	if (!name)
		return NULL;
	strcpy(name, dir);
	strcat(name, "/");
	strcat(name, chip);
	strcat(name, ".bin"); /* expect: slack-write */
	return name;
}

char *fwp_name_fixed_ok(const char *dir, const char *chip)
{
	size_t dlen = strlen(dir), clen = strlen(chip);
	char *name;

	if (dlen + clen >= FWP_MAX - 5)
		return NULL;
	name = kmalloc(FWP_MAX, GFP_KERNEL);
	if (!name)
		return NULL;
	strcpy(name, dir);
	strcat(name, "/");
	strcat(name, chip);
	strcat(name, ".bin");
	return name;
}

size_t fwp_chip_len(const char *chip)
{
	char *copy = kstrdup(chip, GFP_KERNEL);
	size_t n;

	if (!copy)
		return 0;
	n = strlen(copy);
	kfree(copy);
	return n;
}

MODULE_LICENSE("GPL");
