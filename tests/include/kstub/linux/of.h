/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: device tree properties (small part). Not kernel source. */
#ifndef _KSTUB_LINUX_OF_H
#define _KSTUB_LINUX_OF_H

#include <linux/types.h>

struct device_node;

int of_property_read_u32(const struct device_node *np, const char *propname,
			 u32 *out_value);
int of_property_read_string(const struct device_node *np,
			    const char *propname, const char **out_string);
int of_property_count_u32_elems(const struct device_node *np,
				const char *propname);
int of_property_read_u32_array(const struct device_node *np,
			       const char *propname, u32 *out_values,
			       size_t sz);
const void *of_get_property(const struct device_node *node, const char *name,
			    int *lenp);
bool of_property_read_bool(const struct device_node *np, const char *propname);

#endif /* _KSTUB_LINUX_OF_H */
