/* test_atomic_file.c - kc_write_atomic (src/util/atomic_file.h): the
 * pieces land in order, an existing file's mode is kept when asked, a new
 * file gets 0666 less the umask, no temporary file is left behind on
 * success or failure, and a failure leaves the old content. */
#include "util/atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char dir[] = "/tmp/kc-test-atomic.XXXXXX";

static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static int has(const char *path, const char *text)
{
	char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	return !strcmp(buf, text);
}

int main(void)
{
	char path[256], missing[256], longp[5000];
	struct kc_iobuf v[3] = { { "ab", 2 }, { "", 0 }, { "cd\n", 3 } };
	struct stat st;
	mode_t um = umask(027);

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/f.txt", dir);
	CHECK(kc_write_atomic(path, v, 3, 0) == 0);
	CHECK(has(path, "abcd\n"));
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
	CHECK(entries() == 1);

	/* an existing file keeps its mode with KC_ATOMIC_KEEP_MODE ... */
	CHECK(chmod(path, 0600) == 0);
	CHECK(kc_write_atomic(path, v + 2, 1,
			      KC_ATOMIC_KEEP_MODE | KC_ATOMIC_FSYNC) == 0);
	CHECK(has(path, "cd\n"));
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600);
	/* ... and gets the default without it */
	CHECK(kc_write_atomic(path, v, 1, 0) == 0);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
	CHECK(entries() == 1);

	/* failures: no directory, a name too long; nothing is left, the old
	 * content stays */
	snprintf(missing, sizeof(missing), "%s/no/such/f.txt", dir);
	errno = 0;
	CHECK(kc_write_atomic(missing, v, 1, 0) == -1 && errno == ENOENT);
	memset(longp, 'x', sizeof(longp) - 1);
	longp[sizeof(longp) - 1] = 0;
	memcpy(longp, dir, strlen(dir));
	longp[strlen(dir)] = '/';
	errno = 0;
	CHECK(kc_write_atomic(longp, v, 1, 0) == -1 && errno == ENAMETOOLONG);
	/* a directory in the way: the rename fails, the temporary goes */
	snprintf(missing, sizeof(missing), "%s/sub", dir);
	CHECK(mkdir(missing, 0755) == 0);
	snprintf(longp, sizeof(longp), "%s/sub/x", dir);
	CHECK(mkdir(longp, 0755) == 0);
	CHECK(kc_write_atomic(missing, v, 1, 0) == -1);
	CHECK(entries() == 2);
	CHECK(has(path, "ab"));

	rmdir(longp);
	rmdir(missing);
	unlink(path);
	rmdir(dir);
	umask(um);
	return failures != 0;
}
