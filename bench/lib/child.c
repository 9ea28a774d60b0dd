/* child.c - running a command as a child process, timed and measured, for the benchmarks. */
#define _DEFAULT_SOURCE /* wait4 */
#include "child.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int bench_run_child(char *const argv[], const char *stdin_path, double *seconds, double *peak_mb)
{
    double t0 = monotonic_seconds();
    pid_t pid = fork();
    if (pid == 0) {
        if (stdin_path) {
            int fd = open(stdin_path, O_RDONLY);
            if (fd < 0 || dup2(fd, 0) < 0)
                _exit(127);
            close(fd);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    *seconds = monotonic_seconds() - t0;
    *peak_mb = (double)ru.ru_maxrss / 1024.0;
    return 0;
}
