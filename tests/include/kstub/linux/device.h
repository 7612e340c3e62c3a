/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: struct device, dev_* printing and the managed devm_*
 * allocators.  A devm_kmalloc() pointer sits after a devres header inside
 * a kmalloc object, so it is never the start of a kmalloc object.  6.1
 * declares devm_kmalloc without a size attribute; 6.12 adds
 * __alloc_size(2) / __realloc_size(3).  Not kernel source.
 */
#ifndef _KSTUB_LINUX_DEVICE_H
#define _KSTUB_LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/sysfs.h>

struct device_driver {
	const char *name;
};

struct device_node;

struct device {
	struct device *parent;
	const char *init_name;
	struct device_driver *driver;
	void *driver_data;
	void *platform_data;
	struct device_node *of_node;
	u64 *dma_mask;
	u64 coherent_dma_mask;
};

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr,
			char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

const char *dev_name(const struct device *dev);

__printf(2, 3) __cold void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_info(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void __dev_dbg(const struct device *dev, const char *fmt, ...);

#define dev_err(dev, fmt, ...)	_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	_dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	_dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	__dev_dbg(dev, fmt, ##__VA_ARGS__)
#define dev_err_probe(dev, err, fmt, ...) \
	({ _dev_err(dev, fmt, ##__VA_ARGS__); (err); })

/* managed kmalloc-backed allocations, freed on driver detach */
#ifndef KC_STUB_6_12
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void *devm_krealloc(struct device *dev, void *ptr, size_t size,
		    gfp_t gfp) __must_check;
void *devm_kmemdup(struct device *dev, const void *src, size_t len,
		   gfp_t gfp);
#else
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
	__alloc_size(2);
void * __must_check devm_krealloc(struct device *dev, void *ptr, size_t size,
				  gfp_t gfp) __realloc_size(3);
void *devm_kmemdup(struct device *dev, const void *src, size_t len,
		   gfp_t gfp) __realloc_size(3);
#endif

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev, size_t n,
				       size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size,
				 gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
const char *devm_kstrdup_const(struct device *dev, const char *s, gfp_t gfp);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp,
				    const char *fmt, ...) __malloc;

unsigned long devm_get_free_pages(struct device *dev, gfp_t gfp_mask,
				  unsigned int order);
void devm_free_pages(struct device *dev, unsigned long addr);

int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);

#endif /* _KSTUB_LINUX_DEVICE_H */
