/*
 * file.c - reading the roadmap, atomic saves and the writers' lock
 * (docs/reliability.md).
 *
 * The lock lives on a sibling "FILE.lock" that is never renamed or deleted:
 * locking the roadmap itself would lose writes, because a writer that waited
 * on the old inode would go on to replace a file that is no longer there.
 */
#include "internal.h"

#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#define MAX_FILE_SIZE (INT64_C(1) << 30) /* 1 GiB */
#define PIPE_FS 0x50495045 /* statfs f_type of pipes: PIPEFS_MAGIC */

static enum roadmap_status sys_fail(struct roadmap_error *err,
				    enum roadmap_status st, const char *path,
				    const char *what, int e)
{
	if (err) {
		rm_fail(err, st, "%s: %s", what, strerror(e));
		snprintf(err->file, sizeof(err->file), "%s", path);
	}
	return st;
}

/* Reads all of fd into a NUL-terminated malloc'ed buffer; size, when
 * known (a regular file's), sizes it in one go (+1 to see the end). */
static enum roadmap_status read_all(int fd, const char *path, off_t size,
				    char **out, size_t *len,
				    struct roadmap_error *err)
{
	size_t cap = 65536, n = 0;

	if (size > 0 && size < MAX_FILE_SIZE) {
		cap = (size_t)size + 2;
	}
	char *buf = malloc(cap);

	if (!buf) {
		return rm_nomem(err);
	}
	for (;;) {
		if (n + 1 >= cap) {
			if ((int64_t)cap >= MAX_FILE_SIZE) {
				free(buf);
				return sys_fail(err, ROADMAP_ERR_DATA, path,
						"the file is larger than 1 GiB",
						EFBIG);
			}
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return rm_nomem(err);
			}
			buf = p;
			cap *= 2;
		}
		ssize_t r = read(fd, buf + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			int e = errno;
			free(buf);
			return sys_fail(err,
					e == EISDIR ? ROADMAP_ERR_NOINPUT
						    : ROADMAP_ERR_IO,
					path, "cannot read", e);
		}
		if (r == 0) {
			break;
		}
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return ROADMAP_OK;
}

/*
 * A large regular file, when the caller allows threads, is read in two
 * halves on two threads: what a copy costs is mostly the kernel's faults
 * on the new buffer's pages, which two cores share (a 420 MB file: 0.2 s
 * of CPU; docs/performance.md). A half that ends short (the file shrank)
 * leaves got < len.
 */
#define SPLIT_MIN (64u << 20)

struct half {
	int fd;
	char *buf;
	size_t off, len, got;
	int err;
};

static void *read_half(void *arg)
{
	struct half *h = arg;

	while (h->got < h->len) {
		ssize_t r = pread(h->fd, h->buf + h->got, h->len - h->got,
				  (off_t)(h->off + h->got));
		if (r < 0 && errno == EINTR) {
			continue;
		}
		if (r <= 0) {
			h->err = r < 0 ? errno : 0;
			break;
		}
		h->got += (size_t)r;
	}
	return NULL;
}

static enum roadmap_status read_split(int fd, const char *path, off_t size,
				      char **out, size_t *len,
				      struct roadmap_error *err)
{
	size_t n = (size_t)size;
	char *buf = malloc(n + 1);
	pthread_t tid;

	if (!buf) {
		return rm_nomem(err);
	}
	struct half a = {fd, buf, 0, n / 2, 0, 0};
	struct half b = {fd, buf + n / 2, n / 2, n - n / 2, 0, 0};
	bool started = pthread_create(&tid, NULL, read_half, &b) == 0;
	read_half(&a);
	if (started) {
		pthread_join(tid, NULL);
	} else {
		read_half(&b);
	}
	if (a.err || b.err) {
		free(buf);
		return sys_fail(err, ROADMAP_ERR_IO, path, "cannot read",
				a.err ? a.err : b.err);
	}
	/* a short half (the file shrank) makes *len short of the size,
	 * which the caller reports */
	*len = a.got + b.got;
	buf[*len] = '\0';
	*out = buf;
	return ROADMAP_OK;
}

/*
 * A named FIFO opened (without blocking, to learn what it is) before its
 * writer: read at once, it would look empty. Wait, as a blocking open
 * would, until a writer comes. An anonymous pipe (a process substitution,
 * /dev/fd/63) already had its writer, which may have finished: it is read
 * as it is, so a writer that wrote nothing is an empty file, not a hang.
 */
static bool wait_for_writer(int fd)
{
	struct statfs fs;
	struct pollfd p = {.fd = fd, .events = POLLIN};

	if (fstatfs(fd, &fs) == 0 && fs.f_type == PIPE_FS) {
		return true;
	}
	/* Linux reports no hang-up on a FIFO no writer has opened since
	 * this reader did: poll sleeps until one writes or closes */
	while (poll(&p, 1, -1) < 0) {
		if (errno != EINTR) {
			return false;
		}
	}
	return true;
}

/* Whether a regular file still is the version whose status was before:
 * an editor or cp writing in place changes its size or its modification
 * time (ctime is not compared: the tool's writers unlink the version they
 * replace, which changes its ctime, and that version stays whole). */
static bool same_version(const struct stat *before, const struct stat *after)
{
	return before->st_size == after->st_size &&
	       before->st_mtim.tv_sec == after->st_mtim.tv_sec &&
	       before->st_mtim.tv_nsec == after->st_mtim.tv_nsec;
}

enum roadmap_status rm_read_file(const char *path, char **out, size_t *len,
				 struct roadmap_error *err)
{
	return rm_read_input(path, false, out, len, NULL, err);
}

static enum roadmap_status read_input(const char *path, bool pipes,
				      bool threads, char **out, size_t *len,
				      time_t *mtime, struct roadmap_error *err);

enum roadmap_status rm_read_input(const char *path, bool pipes, char **out,
				  size_t *len, time_t *mtime,
				  struct roadmap_error *err)
{
	return read_input(path, pipes, false, out, len, mtime, err);
}

/*
 * A regular file is copied into memory, never mapped: a mapped file that
 * shrinks while it is read (an editor saving in place, cp onto it) kills
 * the reader with SIGBUS, and the library installs no signal handler. Its
 * size and modification time are compared before and after the copy, so a
 * file changed while it was read is an error (ROADMAP_ERR_DATA, "changed
 * while reading"), never a mix of two versions (docs/roadmap.1.scd, FILES).
 */
static enum roadmap_status read_input(const char *path, bool pipes,
				      bool threads, char **out, size_t *len,
				      time_t *mtime, struct roadmap_error *err)
{
	struct stat sb, after;
	int fd;
	enum roadmap_status st;

	if (strcmp(path, "-") == 0) {
		return read_all(STDIN_FILENO, "-",
				fstat(STDIN_FILENO, &sb) == 0 &&
					S_ISREG(sb.st_mode)
				    ? sb.st_size
				    : 0,
				out, len, err);
	}
	/* O_NONBLOCK: a FIFO must not hang us before the type check. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		return sys_fail(err, ROADMAP_ERR_NOINPUT, path, "cannot open",
				errno);
	}
	if (fstat(fd, &sb) != 0) {
		int e = errno;
		close(fd);
		return sys_fail(err, ROADMAP_ERR_NOINPUT, path, "cannot open",
				e);
	}
	if (!S_ISREG(sb.st_mode) && !(pipes && S_ISFIFO(sb.st_mode))) {
		close(fd);
		if (err) {
			rm_fail(err, ROADMAP_ERR_NOINPUT, "%s",
				S_ISDIR(sb.st_mode)
				    ? "is a directory, not a file"
				    : "is not a regular file");
			snprintf(err->file, sizeof(err->file), "%s", path);
		}
		return ROADMAP_ERR_NOINPUT;
	}
	if (sb.st_size > MAX_FILE_SIZE) {
		close(fd);
		if (err) {
			rm_fail(err, ROADMAP_ERR_DATA,
				"the file is larger than 1 GiB, the most a "
				"roadmap may be");
			snprintf(err->file, sizeof(err->file), "%s", path);
		}
		return ROADMAP_ERR_DATA;
	}
	if (mtime) {
		*mtime = S_ISREG(sb.st_mode) ? sb.st_mtime : 0;
	}
	if (S_ISFIFO(sb.st_mode) && !wait_for_writer(fd)) {
		int e = errno;
		close(fd);
		return sys_fail(err, ROADMAP_ERR_IO, path, "cannot read", e);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (threads && S_ISREG(sb.st_mode) && sb.st_size >= SPLIT_MIN) {
		st = read_split(fd, path, sb.st_size, out, len, err);
	} else {
		st = read_all(fd, path, S_ISREG(sb.st_mode) ? sb.st_size : 0,
			      out, len, err);
	}
	if (!st && S_ISREG(sb.st_mode) &&
	    (fstat(fd, &after) != 0 || !same_version(&sb, &after) ||
	     (off_t)*len != sb.st_size)) {
		free(*out);
		*out = NULL;
		st = rm_fail(err, ROADMAP_ERR_DATA, "changed while reading");
		if (err) {
			snprintf(err->file, sizeof(err->file), "%s", path);
		}
	}
	close(fd);
	return st;
}

enum roadmap_status roadmap_read_file(const char *path, char **out, size_t *len,
				      struct roadmap_error *err)
{
	roadmap_error_clear(err);
	return rm_read_input(path, true, out, len, NULL, err);
}

enum roadmap_status roadmap_load_file(const char *path, struct roadmap **out,
				      struct roadmap_error *err)
{
	return roadmap_load_file_opt(path, NULL, out, err);
}

enum roadmap_status
roadmap_load_file_opt(const char *path, const struct roadmap_load_options *opt,
		      struct roadmap **out, struct roadmap_error *err)
{
	char *data;
	size_t len;
	enum roadmap_status st;

	*out = NULL;
	roadmap_error_clear(err);
	time_t saved = 0;
	if ((st = read_input(path, false, opt && opt->threads, &data, &len,
			     &saved, err))) {
		return st;
	}
	st = roadmap_load_buffer_opt(path, data, len, opt, out, err);
	free(data);
	if (st == ROADMAP_OK) {
		(*out)->saved = saved;
	}
	return st;
}

/*
 * Where the bytes really go: a symlinked file is written through the link
 * (even a link to a file not yet made), so the temporary file must sit
 * beside the target, not the link. NULL with errno set on failure.
 */
char *rm_resolve_target(const char *path)
{
	char *cur = rm_strdup(path);

	/* follow links by hand while they lead nowhere yet: realpath()
	 * gives up on a dangling one */
	for (int hops = 0; cur && hops < 40; hops++) {
		char *real = realpath(cur, NULL), link[PATH_MAX];
		if (real || errno != ENOENT) {
			free(cur);
			return real;
		}
		ssize_t n = readlink(cur, link, sizeof(link) - 1);
		if (n < 0) {
			break; /* not a link: a new file */
		}
		link[n] = '\0';
		char *next, *dcopy = rm_strdup(cur);
		if (!dcopy) {
			free(cur);
			return NULL;
		}
		if (link[0] == '/' ||
		    asprintf(&next, "%s/%s", dirname(dcopy), link) < 0) {
			next = link[0] == '/' ? rm_strdup(link) : NULL;
		}
		free(dcopy);
		free(cur);
		cur = next;
	}
	if (!cur) {
		return NULL;
	}
	/* A new file: resolve its directory instead. */
	char *dcopy = rm_strdup(cur), *bcopy = rm_strdup(cur);
	char *dir = NULL, *res = NULL;
	if (dcopy && bcopy && (dir = realpath(dirname(dcopy), NULL))) {
		const char *base = basename(bcopy);
		size_t n = strlen(dir) + strlen(base) + 2;
		if ((res = malloc(n))) {
			snprintf(res, n, "%s/%s", strcmp(dir, "/") ? dir : "",
				 base);
		}
	}
	free(dir);
	free(dcopy);
	free(bcopy);
	free(cur);
	return res;
}

/*
 * Temporaries are ".BASE.tmp.PID.XXXXXX" beside their target. One whose
 * writer is no longer running was left by a crash: the next holder of the
 * target's lock removes it (roadmap_lock_acquire), and only a lock holder
 * does, so two processes never race over the same leftovers. A live
 * writer's is never touched.
 */
static void sweep_temporaries(const char *dir, const char *base)
{
	char prefix[300];
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = (size_t)snprintf(prefix, sizeof(prefix), ".%s.tmp.", base);

	if (!d || n >= sizeof(prefix)) {
		if (d) {
			closedir(d);
		}
		return;
	}
	while ((de = readdir(d))) {
		char *end;
		if (strncmp(de->d_name, prefix, n) != 0) {
			continue;
		}
		long pid = strtol(de->d_name + n, &end, 10);
		if (pid > 0 && *end == '.' && strlen(end) == 7 &&
		    kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
			unlinkat(dirfd(d), de->d_name, 0);
		}
	}
	closedir(d);
}

/* The sweep of the temporaries beside a resolved target path. */
static void sweep_target(const char *target)
{
	char *dcopy = rm_strdup(target), *bcopy = rm_strdup(target);

	if (dcopy && bcopy) {
		sweep_temporaries(dirname(dcopy), basename(bcopy));
	}
	free(dcopy);
	free(bcopy);
}

/*
 * Creates ".BASE.tmp.PID.XXXXXX" in dir with O_CREAT|O_EXCL and mode 0666,
 * so the umask applies as to any new file (no umask is read or changed).
 * Returns the descriptor (*tmp malloc'ed) or -1 with errno set.
 */
int rm_temp_create(const char *dir, const char *base, char **tmp)
{
	static const char abc[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec ts;
	size_t n = strlen(dir) + strlen(base) + 40;
	char *path = malloc(n);

	*tmp = NULL;
	if (!path) {
		errno = ENOMEM;
		return -1;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
		     ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)path;
	for (int tries = 0; tries < 100; tries++) {
		char suffix[7];
		for (int k = 0; k < 6; k++) {
			x = x * 6364136223846793005u + 1442695040888963407u;
			suffix[k] = abc[(x >> 33) % (sizeof(abc) - 1)];
		}
		suffix[6] = '\0';
		snprintf(path, n, "%s/.%s.tmp.%ld.%s", dir, base,
			 (long)getpid(), suffix);
		int fd =
		    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0) {
			*tmp = path;
			return fd;
		}
		if (errno != EEXIST) {
			break;
		}
	}
	free(path);
	return -1;
}

bool rm_write_full(int fd, const char *data, size_t len, int *e)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0) {
			if (errno == EINTR) {
				continue;
			}
			*e = errno;
			return false;
		}
		data += w;
		len -= (size_t)w;
	}
	return true;
}

/*
 * A device or a FIFO (/dev/full, /dev/stdout, a process substitution)
 * cannot be replaced by a rename (and as root, a rename would replace the
 * device node): write to it. A FIFO with no reader fails at once rather
 * than blocking.
 */
static enum roadmap_status write_direct(const char *path, const char *data,
					size_t len, struct roadmap_error *err)
{
	int e = 0, fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		return sys_fail(err, ROADMAP_ERR_CANTCREAT, path,
				"cannot create", errno);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (!rm_write_full(fd, data, len, &e)) {
		close(fd);
		return sys_fail(err, ROADMAP_ERR_IO, path, "cannot write", e);
	}
	if (close(fd) != 0) {
		return sys_fail(err, ROADMAP_ERR_IO, path, "cannot write",
				errno);
	}
	return ROADMAP_OK;
}

/*
 * The one atomic-write path of every output (roadmap(1), export;
 * docs/reliability.md): a temporary file beside the target, fsync, rename,
 * fsync of the directory; an existing file's permissions and owner are kept, a
 * symlink is written through. A roadmap (regular_only) must be a regular file;
 * an export may go to a device or a FIFO, written directly.
 */
static enum roadmap_status write_atomic(const char *path, const char *data,
					size_t len, bool regular_only,
					struct roadmap_error *err)
{
	enum roadmap_status st = ROADMAP_OK;
	char *target = rm_resolve_target(path), *dcopy = NULL, *bcopy = NULL;
	char *tmp = NULL;
	int fd = -1, dfd = -1, e = 0;
	struct stat sb;
	bool exists;

	if (!target) {
		st = sys_fail(err, ROADMAP_ERR_CANTCREAT, path, "cannot create",
			      errno ? errno : ENOENT);
		goto out;
	}
	exists = stat(target, &sb) == 0;
	if (exists && !S_ISREG(sb.st_mode)) {
		if (S_ISDIR(sb.st_mode)) {
			st = sys_fail(err, ROADMAP_ERR_CANTCREAT, path,
				      "cannot create", EISDIR);
		} else if (regular_only) {
			st = rm_fail(err, ROADMAP_ERR_CANTCREAT,
				     "%s: is not a regular file", path);
		} else {
			st = write_direct(target, data, len, err);
		}
		goto out;
	}
	dcopy = rm_strdup(target);
	bcopy = rm_strdup(target);
	if (!dcopy || !bcopy) {
		st = rm_nomem(err);
		goto out;
	}
	const char *dir = dirname(dcopy), *base = basename(bcopy);
	if ((fd = rm_temp_create(dir, base, &tmp)) < 0) {
		st = errno == ENOMEM ? rm_nomem(err)
				     : sys_fail(err, ROADMAP_ERR_CANTCREAT,
						path, "cannot create", errno);
		goto out;
	}
	/* the file being replaced keeps its permissions and, where the
	 * system lets us (root), its owner */
	if (exists) {
		if (fchown(fd, sb.st_uid, sb.st_gid) != 0) {
			/* not root: the file stays the writer's */
		}
		fchmod(fd, sb.st_mode & 07777);
	}
	if (!rm_write_full(fd, data, len, &e) || fsync(fd) != 0) {
		st = sys_fail(err, ROADMAP_ERR_IO, path, "cannot write",
			      e ? e : errno);
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		st = sys_fail(err, ROADMAP_ERR_IO, path, "cannot write", errno);
		goto out;
	}
	fd = -1;
	if (rename(tmp, target) != 0) {
		st = sys_fail(err, ROADMAP_ERR_IO, path, "cannot replace",
			      errno);
		goto out;
	}
	free(tmp);
	tmp = NULL;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
out:
	if (fd >= 0) {
		close(fd);
	}
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(dcopy);
	free(bcopy);
	free(target);
	return st;
}

enum roadmap_status roadmap_write_atomic(const char *path, const char *data,
					 size_t len, struct roadmap_error *err)
{
	return write_atomic(path, data, len, false, err);
}

enum roadmap_status roadmap_save_file(const struct roadmap *rm,
				      const char *path,
				      struct roadmap_error *err)
{
	char *data;
	size_t len;
	enum roadmap_status st = roadmap_save_buffer(rm, &data, &len, err);

	if (st) {
		return st;
	}
	st = write_atomic(path, data, len, true, err);
	free(data);
	return st;
}

struct roadmap_lock {
	int fd;
};

enum roadmap_status roadmap_lock_acquire(const char *path, long timeout_ms,
					 struct roadmap_lock **out,
					 struct roadmap_error *err)
{
	char *target = rm_resolve_target(path);
	struct roadmap_lock *lock;
	struct timespec t0, now;
	long waited = 0, pause_us = 1000;

	*out = NULL;
	if (!target) {
		return sys_fail(err, ROADMAP_ERR_CANTCREAT, path,
				"cannot create the lock file",
				errno ? errno : ENOENT);
	}
	size_t n = strlen(target) + 6;
	char *lpath = malloc(n);
	if (!lpath || !(lock = malloc(sizeof(*lock)))) {
		free(lpath);
		free(target);
		return rm_nomem(err);
	}
	snprintf(lpath, n, "%s.lock", target);
	lock->fd = open(lpath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (lock->fd < 0) {
		enum roadmap_status st =
		    sys_fail(err, ROADMAP_ERR_CANTCREAT, lpath,
			     "cannot create the lock file", errno);
		free(lpath);
		free(lock);
		free(target);
		return st;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Poll with a growing pause: flock has no timed wait, and a
	 * blocking wait with alarm() would steal the caller's signals. */
	while (flock(lock->fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			enum roadmap_status st = sys_fail(
			    err, ROADMAP_ERR_IO, lpath, "cannot lock", errno);
			close(lock->fd);
			free(lock);
			free(lpath);
			free(target);
			return st;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		waited = (now.tv_sec - t0.tv_sec) * 1000 +
			 (now.tv_nsec - t0.tv_nsec) / 1000000;
		if (waited >= timeout_ms) {
			if (err) {
				rm_fail(err, ROADMAP_ERR_LOCKED,
					"another writer holds the lock (waited "
					"%ld s; try again, or set "
					"ROADMAP_LOCK_TIMEOUT)",
					waited / 1000);
				snprintf(err->file, sizeof(err->file), "%s",
					 path);
			}
			close(lock->fd);
			free(lock);
			free(lpath);
			free(target);
			return ROADMAP_ERR_LOCKED;
		}
		usleep((useconds_t)pause_us);
		if (pause_us < 20000) {
			pause_us += pause_us / 2;
		}
	}
	free(lpath);
	sweep_target(target);
	free(target);
	*out = lock;
	return ROADMAP_OK;
}

void roadmap_lock_release(struct roadmap_lock *lock)
{
	if (!lock) {
		return;
	}
	flock(lock->fd, LOCK_UN);
	close(lock->fd);
	free(lock);
}
