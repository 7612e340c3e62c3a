// SPDX-License-Identifier: GPL-2.0
/*
 * A pointer defined as a sum (disk = mirrors + i) and used after a test
 * narrows i (i < raid_disks): the access sees the narrowed index, as
 * long as nothing the definition reads was stored since (raid1: mirrors
 * holds 2 * raid_disks entries; the replacement of slot i lives at
 * disk[raid_disks] only for i < raid_disks). With i <= raid_disks the
 * last round reads one entry past the array; so does the access after i
 * is stored again (the definition is dropped, not re-evaluated).
 */
#include <linux/kernel.h>
#include <linux/slab.h>

struct mirror_info {
	void *rdev;
	long head_position;
	long seq_start;
	long pad;
};

struct mirror_conf {
	struct mirror_info *mirrors;
	int raid_disks;
};

int mirrors_setup(struct mirror_conf *conf, int raid_disks)
{
	struct mirror_info *disk;
	int i;

	if (raid_disks != 2)
		return -EINVAL;
	conf->mirrors = kzalloc(array3_size(sizeof(struct mirror_info),
					    raid_disks, 2), GFP_KERNEL);
	if (!conf->mirrors)
		return -ENOMEM;
	conf->raid_disks = raid_disks;
	for (i = 0; i < conf->raid_disks * 2; i++) {
		disk = conf->mirrors + i;
		if (i < conf->raid_disks && disk[conf->raid_disks].rdev) {
			if (!disk->rdev) {
				disk->rdev = disk[conf->raid_disks].rdev;
				disk[conf->raid_disks].rdev = NULL;
			}
		}
	}
	return 0;
}

int mirrors_setup_off_by_one(struct mirror_conf *conf, int raid_disks)
{
	struct mirror_info *disk;
	int i;

	if (raid_disks != 2)
		return -EINVAL;
	conf->mirrors = kzalloc(array3_size(sizeof(struct mirror_info),
					    raid_disks, 2), GFP_KERNEL);
	if (!conf->mirrors)
		return -ENOMEM;
	conf->raid_disks = raid_disks;
	for (i = 0; i < conf->raid_disks * 2; i++) {
		disk = conf->mirrors + i;
		if (i <= conf->raid_disks && disk[conf->raid_disks].rdev) /* expect: overflow-read "ends at 160" */
			disk->rdev = NULL;
	}
	return 0;
}

int mirrors_index_reset(struct mirror_conf *conf, int raid_disks)
{
	struct mirror_info *disk;
	int i, k;

	if (raid_disks != 2)
		return -EINVAL;
	conf->mirrors = kzalloc(array3_size(sizeof(struct mirror_info),
					    raid_disks, 2), GFP_KERNEL);
	if (!conf->mirrors)
		return -ENOMEM;
	conf->raid_disks = raid_disks;
	for (i = 0; i < conf->raid_disks * 2; i++) {
		disk = conf->mirrors + i;
		/* i is stored: the definition no longer describes disk */
		k = i;
		i = 0;
		if (i < conf->raid_disks && disk[conf->raid_disks].rdev) /* expect: overflow-read "ends at 192" */
			disk->rdev = NULL;
		i = k;
	}
	return 0;
}
