/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: platform bus (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_PLATFORM_DEVICE_H
#define _KSTUB_LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/module.h>

struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
};

#define IORESOURCE_MEM	0x00000200

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
};

struct of_device_id {
	char compatible[128];
	const void *data;
};

struct platform_driver {
	int (*probe)(struct platform_device *);
	int (*remove)(struct platform_device *);
	struct device_driver driver;
};

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

int platform_get_irq(struct platform_device *pdev, unsigned int num);
struct resource *platform_get_resource(struct platform_device *pdev,
				       unsigned int type, unsigned int num);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev,
					     unsigned int index);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);
#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
		      platform_driver_unregister)

#endif /* _KSTUB_LINUX_PLATFORM_DEVICE_H */
