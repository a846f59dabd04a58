#!/usr/bin/env bash
# The memory study's run, timed from outside as a user meets it: benchmarks/scenarios/disk-62t-30h.yaml (the
# largest disk VMFS allows, 62 TiB, under ~100 IOPS for 30 h of virtual time: ~5.4 M guest writes, each a
# distinct extent in the source, the destination and the lost-write oracle) with -Xmx2g, events not recorded
# (22 M lines, ~4 GB: the study is about the disk content's memory, not the events file). Prints the
# summary line, wall and CPU time and max RSS; fails (exit 1) when the run fails or does not succeed.
# Takes /work/coord/bench.lock when it exists. Writes nothing into the repository.
#
# Usage: benchmarks/memory.sh      (a few minutes on an idle 2-core machine: ~80 s of CPU)
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
LOCK=/work/coord/bench.lock
work=$(mktemp -d "${TMPDIR:-/tmp}/svmsim-memory.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

"$ROOT/svmsim" run seed --out "$work/warm" >/dev/null 2>&1   # builds the jar if needed, untimed
run=("$ROOT/svmsim" run "$ROOT/benchmarks/scenarios/disk-62t-30h.yaml" --events none --out "$work/run")
echo "load before: $(uptime | sed 's/.*load/load/')"
status=0
if [[ -e $LOCK ]]; then
  SVMSIM_PROGRESS=0 SVMSIM_JAVA_OPTS="-Xmx2g${SVMSIM_JAVA_OPTS:+ $SVMSIM_JAVA_OPTS}" \
    flock "$LOCK" /usr/bin/time -v -o "$work/time" "${run[@]}" >"$work/log" 2>&1 || status=$?
else
  SVMSIM_PROGRESS=0 SVMSIM_JAVA_OPTS="-Xmx2g${SVMSIM_JAVA_OPTS:+ $SVMSIM_JAVA_OPTS}" \
    /usr/bin/time -v -o "$work/time" "${run[@]}" >"$work/log" 2>&1 || status=$?
fi
echo "load after: $(uptime | sed 's/.*load/load/')"
cat "$work/log"
grep -E 'Elapsed|User time|System time|Maximum resident' "$work/time" | sed 's/^[[:space:]]*/   /'
if (( status != 0 )) || ! grep -q '"outcome" : "success"' "$work/run/summary.json"; then
  echo "memory: FAILED (exit $status)" >&2
  exit 1
fi
echo "memory: OK"
