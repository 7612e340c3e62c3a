/* the library's interface: callers see only declarations */
#include <linux/slab.h>
#include <linux/string.h>

struct foo_ring {
	unsigned char *buf;
	unsigned int n;
};

void *foo_buf_alloc(unsigned int n, gfp_t gfp);
void *foo_buf_round(unsigned int n, gfp_t gfp);
void *foo_odd_alloc(unsigned int n, gfp_t gfp);
void foo_buf_put(void *p);
size_t foo_room(const void *p);
void *foo_get_buf(unsigned int n, gfp_t gfp);
