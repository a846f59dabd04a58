#!/usr/bin/env bash
# The simulator's end-to-end speed, timed from outside as a user meets it (JVM start included):
#   (a) `./svmsim run seed` five times after one untimed build-and-warm-up run: min and median wall time;
#   (b) the bundled `big-disk` scenario (a 2 TiB disk) with -Xmx2g under mirror, DBT and snapshot: wall time
#       and max RSS each; (c) `./svmsim compare seed`.
# Fails (exit 1) when the seed's best run takes over 2 s, a big-disk run over 30 s or compare seed over 5 s. Prints results only;
# nothing is written into the repository.
#
# Usage: benchmarks/speed.sh            (from any directory)
#        SVMSIM_JAVA_OPTS=-XX:TieredStopAtLevel=4 benchmarks/speed.sh   (compare JVM flags; added to the run)
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
SVMSIM=$ROOT/svmsim
SEED_RUNS=5
SEED_LIMIT_MS=2000
BIG_LIMIT_MS=30000

work=$(mktemp -d "${TMPDIR:-/tmp}/svmsim-speed.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $(( t / 1000 )); }
fail=0

echo "== build and warm-up (untimed)"
if ! "$SVMSIM" run seed --out "$work/warm" >"$work/warm.log" 2>&1; then
  echo "speed: the warm-up run failed:" >&2
  tail -n 30 "$work/warm.log" >&2
  exit 1
fi

echo "== seed: $SEED_RUNS timed runs of ./svmsim run seed"
times=()
for i in $(seq 1 "$SEED_RUNS"); do
  rm -rf -- "$work/seed"
  start=$(now_ms)
  if ! "$SVMSIM" run seed --out "$work/seed" >"$work/seed.log" 2>&1; then
    echo "speed: seed run $i failed:" >&2
    tail -n 30 "$work/seed.log" >&2
    exit 1
  fi
  ms=$(( $(now_ms) - start ))
  times+=("$ms")
  printf '   run %d: %d ms\n' "$i" "$ms"
done
read -r seed_min seed_median < <(printf '%s\n' "${times[@]}" | sort -n \
  | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }')
printf '   seed: min %d ms, median %s ms (limit: min <= %d ms)\n' "$seed_min" "$seed_median" "$SEED_LIMIT_MS"
if (( seed_min > SEED_LIMIT_MS )); then
  echo "   FAIL: seed is slower than ${SEED_LIMIT_MS} ms" >&2
  fail=1
fi

echo "== big-disk: ./svmsim run big-disk with -Xmx2g"
if [[ -z $(find "$ROOT/scenarios/src/main" -name 'big-disk.*' -print -quit 2>/dev/null) ]]; then
  echo "   skipped: no bundled big-disk scenario yet (scenarios/src/main/**/big-disk.*)"
else
  export SVMSIM_JAVA_OPTS="-Xmx2g${SVMSIM_JAVA_OPTS:+ $SVMSIM_JAVA_OPTS}"
  # timed LABEL LIMIT_MS ARGS...: runs ./svmsim ARGS once; prints wall time and max RSS against the limit.
  timed() {
    local label=$1 limit=$2 status=0 rss='' start out
    shift 2
    out=$work/${label//[^a-z0-9]/-}
    start=$(now_ms)
    if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
      /usr/bin/time -v -o "$out.time" "$SVMSIM" "$@" --out "$out" >"$out.log" 2>&1 || status=$?
      rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$out.time")
    else
      "$SVMSIM" "$@" --out "$out" >"$out.log" 2>&1 || status=$?
    fi
    local ms=$(( $(now_ms) - start ))
    if (( status != 0 )); then
      echo "speed: $label failed (exit $status):" >&2
      tail -n 30 "$out.log" >&2
      exit 1
    fi
    printf '   %s: %d ms wall%s (limit: %d ms)\n' "$label" "$ms" "${rss:+, max RSS $(( rss / 1024 )) MiB}" "$limit"
    if (( ms > limit )); then
      echo "   FAIL: $label is slower than $limit ms" >&2
      fail=1
    fi
  }
  timed big-disk "$BIG_LIMIT_MS" run big-disk
  echo "== the same 2 TiB disk under DBT and under snapshot, with -Xmx2g (issue 5: each under 30 s)"
  timed big-disk-dbt "$BIG_LIMIT_MS" run big-disk --method dbt
  timed big-disk-snapshot "$BIG_LIMIT_MS" run big-disk --method snapshot
  echo "== compare seed: the three methods on the seed's workload (issue 5: under 5 s)"
  timed compare-seed 5000 compare seed
fi

if (( fail )); then
  echo "== speed: FAILED"
  exit 1
fi
echo "== speed: OK"
