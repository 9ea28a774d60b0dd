/* child.h - running a command as a child process, timed and measured, for the benchmarks. */
#ifndef CHORUS_BENCH_CHILD_H
#define CHORUS_BENCH_CHILD_H

/*
 * Runs argv[0] (a path) with arguments argv (NULL-terminated), its standard
 * input read from `stdin_path` unless that is NULL, and waits for it. Sets
 * the wall seconds it took and its peak resident memory in megabytes.
 * Returns 0 when it ran and exited with status 0, -1 otherwise.
 */
int bench_run_child(char *const argv[], const char *stdin_path, double *seconds, double *peak_mb);

#endif
