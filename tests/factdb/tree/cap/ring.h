/* a ring whose capacity is kept from ksize() of its buffer: the struct
 * is shared by the library that sizes it and the file that uses it */
#include <linux/kernel.h>
#include <linux/slab.h>

struct cap_ring {
	u32 *slots;
	size_t cap;	/* slots that fit: ksize(slots) / 4 */
	size_t used;
};

int cap_ring_init(struct cap_ring *r, size_t n);
void cap_ring_fit(struct cap_ring *r);
