// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs "label" attribute of an LED-like device.  The label buffer is
 * 20 bytes (kmalloc-32); the store handler copies into a new one with
 * strscpy() bounded by ksize(), so a long label lands in the 12 slack
 * bytes.  The alias
 * attribute does it right: it bounds by the requested length.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>
#include <linux/sysfs.h>
#include <linux/mutex.h>

#define BLINK_LABEL_LEN		20
#define BLINK_ALIAS_LEN		300

struct blink_dev {
	struct mutex lock;
	char *label;
	char *alias;
	unsigned int rate;
};

static ssize_t label_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct blink_dev *bd = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", bd->label);
}

static ssize_t label_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct blink_dev *bd = dev_get_drvdata(dev);
	char *label, *old;

	label = kzalloc(BLINK_LABEL_LEN, GFP_KERNEL);
	if (!label)
		return -ENOMEM;
	strscpy(label, buf, ksize(label)); /* expect: slack-write */
	strim(label);

	mutex_lock(&bd->lock);
	old = bd->label;
	bd->label = label;
	mutex_unlock(&bd->lock);
	kfree(old);
	return count;
}
static DEVICE_ATTR_RW(label);

static ssize_t alias_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct blink_dev *bd = dev_get_drvdata(dev);
	size_t len = min_t(size_t, count, BLINK_ALIAS_LEN - 1);

	mutex_lock(&bd->lock);
	memcpy(bd->alias, buf, len);
	bd->alias[len] = '\0';
	mutex_unlock(&bd->lock);
	return count;
}

static ssize_t alias_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct blink_dev *bd = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", bd->alias);
}
static DEVICE_ATTR_RW(alias);

int blink_create_attrs(struct device *dev, struct blink_dev *bd)
{
	int ret;

	bd->label = kzalloc(BLINK_LABEL_LEN, GFP_KERNEL);
	bd->alias = kzalloc(BLINK_ALIAS_LEN, GFP_KERNEL);
	if (!bd->label || !bd->alias) {
		kfree(bd->label);
		kfree(bd->alias);
		return -ENOMEM;
	}
	mutex_init(&bd->lock);
	dev_set_drvdata(dev, bd);

	ret = device_create_file(dev, &dev_attr_label);
	if (ret)
		return ret;
	return device_create_file(dev, &dev_attr_alias);
}

MODULE_LICENSE("GPL");
