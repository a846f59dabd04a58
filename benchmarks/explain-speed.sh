#!/usr/bin/env bash
# How fast `svmsim explain` reads a vmkernel.log, and in how much memory, timed from outside (JVM start
# included): it generates a vmkernel.log of SIZE_MB (default 1024: 1 GiB) from real ESXi line shapes
# (the seed's probe bursts and SVM lines, KB 1010045's FSR failure, ESXi 6 opID and DLX continuation lines,
# unknown modules) with advancing timestamps, then explains it with -Xmx256m, output to /dev/null.
# Prints MB/s (wall and CPU time: on a shared machine the wall figure depends on the load) and the peak
# RSS; fails (exit 1) below 100 MB/s wall or if the JVM runs out of heap.
#
# Usage: benchmarks/explain-speed.sh [SIZE_MB]        (from any directory; the log goes to $TMPDIR)
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
SIZE_MB=${1:-1024}
LIMIT_MBPS=100
work=$(mktemp -d "${TMPDIR:-/tmp}/svmsim-explain.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
log=$work/vmkernel.log

echo "== generating a ${SIZE_MB} MB vmkernel.log"
python3 - "$log" "$SIZE_MB" <<'PY'
import sys, datetime
path, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
dev = "10a80a6-819390-svmmirror"
block = [
  "cpu17:808643)SVM: 5139: SVM_MakeDev.5139: Creating device %s: Success" % dev,
  "cpu17:808643)SVM: 5188: Created device %s, primary 10a80a6, secondary 819390" % dev,
  "cpu21:34821)Vol3: 2675: Could not open device '%s' for probing: Busy" % dev,
  "cpu21:34821)Vol3: 1072: Could not open device '%s' for volume open: Busy" % dev,
  "cpu21:34821)Vol3: 1072: Could not open device '%s' for volume open: Busy" % dev,
  "cpu21:34821)FSS: 5327: No FS driver claimed device '%s': No filesystem on the device" % dev,
  "cpu9:112174 opID=dc2104c4)World: 14299: VC opID CE15C2BE-00000340-6-1e-4 maps to vmkernel opID dc2104c4",
  "cpu1:316085)MemSched: vm 316085: 8313: extended swap to 8192 pgs",
  "cpu1:316085)DLX: 3733: vol 'sanjuan', lock at 80314368: [Req mode 1] Checking liveness:",
  "cpu1:316085)[type 10c00001 offset 80314368 v 232, hb offset 3493888",
  None,  # a continuation line without a prefix
  "cpu3:2097741)ScsiDeviceIO: 3435: Cmd(0x45a2c0e3b8c0) 0x1a, CmdSN 0x1b from world 0 to dev \"naa.600508b1001c\" failed H:0x0 D:0x2 P:0x0",
  "cpu0:4100)WARNING: FSR: 690: 1313159068180024 S: Maximum switchover time (100 seconds) reached. Failing migration; VM should resume on source.",
  "cpu2:10561)WARNING: Migrate: 296: 1313159068180024 D: Failed: Maximum switchover time for migration exceeded(0xbad0109) @0x41800f61cee2",
  "cpu16:808643)SVM: 2428: SVM Mirrored mode IO stats for device: %s" % dev,
  "cpu16:808643)SVM: 2450: Destroyed device %s" % dev,
]
t = datetime.datetime(2016, 5, 19, 12, 0, 0, tzinfo=datetime.timezone.utc)
step = datetime.timedelta(milliseconds=7)
written = 0
with open(path, "w") as f:
    while written < size:
        out = []
        for _ in range(2000):
            for b in block:
                t += step
                line = ("gen 19, mode 1, owner 56d41dc7-9c9d6442-8e87-00269e3d0022 mtime 48955" if b is None
                        else t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ " % (t.microsecond // 1000) + b)
                out.append(line)
        chunk = "\n".join(out) + "\n"
        f.write(chunk)
        written += len(chunk)
PY
bytes=$(stat -c %s "$log")
lines=$(wc -l < "$log")
echo "   $bytes bytes, $lines lines"

echo "== warm-up (builds the jar if needed; untimed)"
"$ROOT/svmsim" explain "$ROOT/../shared/real-lines/vmkernel_cosysn-hexo-blog.log" >/dev/null 2>&1 \
  || "$ROOT/svmsim" --version >/dev/null

echo "== svmsim explain with -Xmx256m"
export SVMSIM_JAVA_OPTS="-Xmx256m -XX:TieredStopAtLevel=4 ${SVMSIM_JAVA_OPTS:-}"
start=${EPOCHREALTIME/[.,]/}
/usr/bin/time -f '%M %U %S' -o "$work/rss" "$ROOT/svmsim" explain "$log" >/dev/null 2>"$work/err" || {
  echo "explain failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
end=${EPOCHREALTIME/[.,]/}
us=$(( end - start ))
read -r rss_kb user_s sys_s < <(tail -1 "$work/rss")
mbps=$(awk -v b="$bytes" -v us="$us" 'BEGIN { printf "%.1f", b / 1048576 / (us / 1e6) }')
cpu_mbps=$(awk -v b="$bytes" -v u="$user_s" -v s="$sys_s" 'BEGIN { printf "%.1f", b / 1048576 / (u + s) }')
printf '   %d MiB in %.2f s wall: %s MB/s (limit: >= %d); %s MB/s of CPU time (%.1f s user+sys, GC and JIT\n' \
  $(( bytes / 1048576 )) "$(awk -v us="$us" 'BEGIN { print us / 1e6 }')" "$mbps" "$LIMIT_MBPS" "$cpu_mbps" \
  "$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { print u + s }')"
printf '   threads included); peak RSS %d MiB with -Xmx256m; load average %s\n' $(( rss_kb / 1024 )) \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

awk -v m="$mbps" -v l="$LIMIT_MBPS" 'BEGIN { exit (m + 0 >= l) ? 0 : 1 }' || { echo "   FAIL: slower than $LIMIT_MBPS MB/s" >&2; exit 1; }
