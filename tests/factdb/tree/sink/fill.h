/* the sink wrappers' interface: callers see only declarations */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "fill_chk.h"

struct fill_hdr {
	size_t len;
};

void fill_bytes(unsigned char *buf, unsigned char c, size_t n);
void fill_words(unsigned int *dst, const unsigned int *src, size_t n);
void fill_move(unsigned char *dst, const unsigned char *src, size_t n);
void fill_name(char *buf, size_t size, int id);
void fill_maybe(unsigned char *buf, size_t n);
void fill_checked(unsigned char *buf, size_t n);
void fill_hdr(unsigned char *buf, const struct fill_hdr *h);
void *fill_new(size_t n);
