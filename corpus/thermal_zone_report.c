// SPDX-License-Identifier: GPL-2.0
/* ksizecheck-args: -- -DKC_STUB_6_12 */
/*
 * Text report of thermal zones, built with scnprintf() into a 300-byte
 * buffer (kmalloc-512).  Passing ksize() - len as the room lets the text
 * run into the slack.  The second builder passes the requested size, and
 * the summary asks for exactly a bucket size, so its ksize() adds nothing.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define TZ_REPORT_LEN	300

struct tz {
	const char *name;
	int temp_mc;
	int trip_mc;
};

char *tz_report(const struct tz *zones, int n)
{
	char *buf;
	size_t len = 0;
	int i;

	buf = kmalloc(TZ_REPORT_LEN, GFP_KERNEL);
	if (!buf)
		return NULL;
	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, ksize(buf) - len, /* expect: slack-write */
				 "%s: %d/%d\n", zones[i].name,
				 zones[i].temp_mc, zones[i].trip_mc);
	return buf;
}

char *tz_report_fixed(const struct tz *zones, int n)
{
	char *buf;
	size_t len = 0;
	int i;

	buf = kmalloc(TZ_REPORT_LEN, GFP_KERNEL);
	if (!buf)
		return NULL;
	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, TZ_REPORT_LEN - len, "%s: %d/%d\n",
				 zones[i].name, zones[i].temp_mc,
				 zones[i].trip_mc);
	return buf;
}

char *tz_summary(const struct tz *zone)
{
	/* 512 is a bucket size on every configuration: ksize() == 512 */
	char *buf = kzalloc(512, GFP_KERNEL);

	if (buf)
		snprintf(buf, ksize(buf), "%s %d", zone->name, zone->temp_mc);
	return buf;
}

MODULE_LICENSE("GPL");
