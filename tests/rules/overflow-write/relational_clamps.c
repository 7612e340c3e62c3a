// SPDX-License-Identifier: GPL-2.0
/*
 * Lengths bounded through a relation between two variables, from the
 * branch conditions: the last chunk of a firmware image is end - j
 * bytes, with j < end from the loop and end - j <= packet_size from the
 * test (lmedm04); a reply clamped with `if (off + len > total) len =
 * total - off` keeps len below its old bound (thunderbolt xdomain). Both
 * stay silent. The same code clamped against the wrong variable, or
 * to a wrong constant, is still judged.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct fw_image {
	size_t size;
	const u8 *data;
};

int fw_talk(void *dev, u8 *buf, int len);

int fw_download(void *dev, const struct fw_image *fw)
{
	u16 j, start, end;
	u8 packet_size = 0x31, dlen, i;
	u8 *data = kzalloc(128, GFP_KERNEL);

	if (!data)
		return -ENOMEM;
	for (i = 1; i < 3; i++) {
		start = (i == 1) ? 0 : 512;
		end = (i == 1) ? 512 : fw->size;
		for (j = start; j < end; j += packet_size + 1) {
			if ((end - j) > packet_size)
				dlen = packet_size;
			else
				dlen = (u8)(end - j) - 1;
			data[0] = i;
			data[1] = dlen;
			memcpy(&data[2], fw->data + j, dlen + 1);
			fw_talk(dev, data, dlen + 4);
		}
	}
	kfree(data);
	return 0;
}

int fw_download_whole(void *dev, const struct fw_image *fw)
{
	u16 j, start, end;
	u8 packet_size = 0x31, dlen;
	u8 *data = kzalloc(128, GFP_KERNEL);

	if (!data)
		return -ENOMEM;
	start = 0;
	end = 512;
	for (j = start; j < end; j += packet_size + 1) {
		if ((end - j) > packet_size)
			dlen = packet_size;
		else
			dlen = (u8)(end - start) - 1;
		memcpy(&data[2], fw->data + j, dlen + 1); /* expect: overflow-write "past the end of bucket 128" */
		fw_talk(dev, data, dlen + 4);
	}
	kfree(data);
	return 0;
}

struct prop_reply {
	u32 hdr[18];
	u32 data[45];
};

struct prop_req {
	u32 hdr[4];
	u16 offset;
	u16 reserved;
};

int prop_request(void *dev, struct prop_req *req, struct prop_reply *r);

static int props_read(void *dev, u32 **block)
{
	struct prop_reply *res = kzalloc(sizeof(*res), GFP_KERNEL);
	struct prop_req req;
	u16 total = 0, len;
	u32 *data = NULL;

	if (!res)
		return -ENOMEM;
	memset(&req, 0, sizeof(req));
	do {
		if (prop_request(dev, &req, res))
			goto err;
		len = res->hdr[0] & 0xffff;
		if (len > ARRAY_SIZE(res->data))
			goto err;
		if (!data) {
			total = res->hdr[1];
			if (total > 500)
				goto err;
			data = kcalloc(total, sizeof(u32), GFP_KERNEL);
			if (!data)
				goto err;
		}
		if (req.offset + len > total)
			len = total - req.offset;
		memcpy(data + req.offset, res->data, len * 4);
		req.offset += len;
	} while (!total || req.offset < total);
	*block = data;
	kfree(res);
	return 0;
err:
	kfree(data);
	kfree(res);
	return -EIO;
}

int props_read_all(void *dev, u32 **block)
{
	return props_read(dev, block);
}

int props_read_wrong(void *dev, u32 **block)
{
	struct prop_reply *res = kzalloc(sizeof(*res), GFP_KERNEL);
	u16 total, len, off = 0;
	u32 *data;

	if (!res)
		return -ENOMEM;
	if (prop_request(dev, NULL, res))
		goto err;
	len = res->hdr[0] & 0xffff;
	total = res->hdr[1];
	if (len > ARRAY_SIZE(res->data) || total > 500)
		goto err;
	data = kcalloc(total, sizeof(u32), GFP_KERNEL);
	if (!data)
		goto err;
	if (off + len > total)
		len = 60;
	memcpy(data, res->data, len * 4); /* expect: overflow-read "past the end of bucket 256" */
	*block = data;
	kfree(res);
	return 0;
err:
	kfree(res);
	return -EIO;
}

/* size_t a - b wraps when a < b: `a - b < 10` false says nothing of the
 * difference, and 64 - (a - b) is 64 + (b - a) then */
int copy_tail(const u8 *src, size_t a, size_t b)
{
	u8 *buf = kmalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (a > 32 || b > 32 || a - b < 10)
		goto out;
	memcpy(buf, src, 64 - (a - b)); /* expect: overflow-write "ends at 96" */
out:
	kfree(buf);
	return 0;
}
