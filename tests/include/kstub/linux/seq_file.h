/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: seq_file output. Not kernel source. */
#ifndef _KSTUB_LINUX_SEQ_FILE_H
#define _KSTUB_LINUX_SEQ_FILE_H

#include <linux/types.h>

struct seq_file {
	char *buf;
	size_t size;
	size_t count;
	void *private;
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);

#endif /* _KSTUB_LINUX_SEQ_FILE_H */
