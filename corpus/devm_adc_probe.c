// SPDX-License-Identifier: GPL-2.0
/*
 * Platform ADC driver probe().  The private data and the per-channel
 * array come from devm_kzalloc()/devm_kcalloc(): managed memory sits
 * after a devres header inside a bigger kmalloc object, so ksize() on it
 * is wrong (it reports the header's bucket).  The scratch buffer is a
 * plain kmalloc object, and ksize() on it for a debug line is fine.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/io.h>
#include <linux/platform_device.h>

#define ADC_MAX_CHANNELS	16
#define ADC_SCRATCH_LEN		400

struct adc_channel {
	u32 id;
	u32 gain;
	s32 offset;
};

struct acme_adc {
	struct device *dev;
	void __iomem *base;
	struct adc_channel *chans;
	unsigned int num_chans;
	u8 *scratch;
};

static int acme_adc_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct acme_adc *adc;
	unsigned int i;

	adc = devm_kzalloc(dev, sizeof(*adc), GFP_KERNEL);
	if (!adc)
		return -ENOMEM;
	adc->dev = dev;

	adc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(adc->base))
		return PTR_ERR(adc->base);

	adc->num_chans = readl(adc->base) & 0xf;
	adc->chans = devm_kcalloc(dev, ADC_MAX_CHANNELS, sizeof(*adc->chans),
				  GFP_KERNEL);
	if (!adc->chans)
		return -ENOMEM;
	dev_dbg(dev, "channel table: %zu bytes\n", ksize(adc->chans)); /* expect: ksize-non-kmalloc */

	for (i = 0; i < adc->num_chans && i < ADC_MAX_CHANNELS; i++) {
		adc->chans[i].id = i;
		adc->chans[i].gain = 1;
	}

	adc->scratch = kmalloc(ADC_SCRATCH_LEN, GFP_KERNEL);
	if (!adc->scratch)
		return -ENOMEM;
	dev_dbg(dev, "scratch: %zu bytes\n", ksize(adc->scratch));

	if (ksize(adc) < sizeof(*adc) + 64) /* expect: ksize-non-kmalloc */
		dev_info(dev, "small private area\n");

	platform_set_drvdata(pdev, adc);
	return 0;
}

static int acme_adc_remove(struct platform_device *pdev)
{
	struct acme_adc *adc = platform_get_drvdata(pdev);

	kfree(adc->scratch);
	return 0;
}

static struct platform_driver acme_adc_driver = {
	.probe = acme_adc_probe,
	.remove = acme_adc_remove,
	.driver = { .name = "acme-adc" },
};
module_platform_driver(acme_adc_driver);
MODULE_LICENSE("GPL");
