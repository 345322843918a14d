#!/usr/bin/python3
"""Runs a command RUNS times and prints the run of median CPU time (user + system, from the
kernel's own accounting of the process and its children, microseconds, whatever else loads the
machine) as "cpu user sys peak_rss_kB minor_faults exit_status wall", then the median wall
time of the runs (for --jobs speed-ups, which mean something only on an idle machine). Output goes
to /dev/null.

usage: measure.py RUNS COMMAND ARGS..."""
import os
import subprocess
import sys
import time


def once(cmd):
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, ru = os.wait4(proc.pid, 0)
    return (ru.ru_utime + ru.ru_stime, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, ru.ru_minflt,
            os.waitstatus_to_exitcode(status), time.monotonic() - start)


def main():
    runs = int(sys.argv[1])
    results = sorted((once(sys.argv[2:]) for _ in range(runs)), key=lambda r: r[0])
    cpu, user, system, rss, minflt, code, _ = results[len(results) // 2]
    wall = sorted(r[6] for r in results)[len(results) // 2]
    print(f"{cpu:.4f} {user:.4f} {system:.4f} {rss} {minflt} {code} {wall:.4f}")


if __name__ == "__main__":
    main()
