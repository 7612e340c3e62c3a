// SPDX-License-Identifier: GPL-2.0
/*
 * A sensor hub driver whose report header grew a second version.  The
 * queue allocates kmalloc(sizeof(struct shub_hdr_v1)) = 300 bytes
 * (kmalloc-512 on x86_64 SLUB) and one path reads it through a cast to
 * the 420-byte v2 header: the crc at byte 400 is past the request but
 * inside the bucket (slack-read), the stamp written at 408..415 likewise
 * (slack-write).  Fields the two versions share are fine through the
 * cast.  The event object embeds a 16-byte shub_sample; a handler steps
 * back with container_of() to the 600-byte shub_event (the sample sits
 * at byte 8) although only the sample was allocated (kmalloc-16): its
 * trailer, 528 bytes past the sample's start, is past the bucket
 * (overflow-write).  The twin allocates the whole event, and a header whose size is chosen by the
 * version (300 or 420, one object of two sizes) is not judged.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct shub_hdr_v1 {
	u32 magic;
	u16 version;
	u16 len;
	u8 payload[292];
};

struct shub_hdr_v2 {
	u32 magic;
	u16 version;
	u16 len;
	u8 payload[392];
	u32 crc;
	u32 flags;
	u64 stamp;
	u8 pad[4];
};

struct shub_sample {
	u32 chan;
	u32 raw;
	u64 ts;
};

struct shub_event {
	u64 seq;
	struct shub_sample sample;
	u8 body[512];
	u32 trailer[16];
};

static u32 shub_hdr_magic(void *p)
{
	return ((struct shub_hdr_v2 *)p)->magic;
}

int shub_queue_v1(u64 now, u32 *crc)
{
	struct shub_hdr_v1 *h;

	h = kmalloc(sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->magic = 0x53485542;
	h->version = 1;
	h->len = sizeof(*h);
	if (shub_hdr_magic(h) != 0x53485542)
		goto out;
	((struct shub_hdr_v2 *)h)->len = sizeof(*h);
	*crc = ((struct shub_hdr_v2 *)h)->crc; /* expect: slack-read */
	((struct shub_hdr_v2 *)h)->stamp = now; /* expect: slack-write */
out:
	kfree(h);
	return 0;
}

int shub_queue_versioned(u16 version, u64 now)
{
	struct shub_hdr_v1 *h;
	size_t size = version > 1 ? sizeof(struct shub_hdr_v2) :
				    sizeof(struct shub_hdr_v1);

	h = kmalloc(size, GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->version = version;
	if (h->version > 1)
		((struct shub_hdr_v2 *)h)->stamp = now;
	kfree(h);
	return 0;
}

static void shub_event_finish(struct shub_sample *s)
{
	struct shub_event *ev = container_of(s, struct shub_event, sample);

	ev->trailer[0] = s->chan; /* expect: overflow-write */
}

int shub_sample_only(u32 chan)
{
	struct shub_sample *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	s->chan = chan;
	shub_event_finish(s);
	kfree(s);
	return 0;
}

static void shub_event_done(struct shub_sample *s)
{
	struct shub_event *ev = container_of(s, struct shub_event, sample);

	ev->trailer[15] = s->chan;
	ev->seq++;
}

int shub_whole_event(u32 chan)
{
	struct shub_event *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return -ENOMEM;
	ev->sample.chan = chan;
	shub_event_done(&ev->sample);
	kfree(ev);
	return 0;
}

MODULE_LICENSE("GPL");
