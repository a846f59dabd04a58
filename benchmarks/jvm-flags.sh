#!/usr/bin/env bash
# The launcher's JVM flags against the alternatives, on a short run and a long one, as a user meets them
# (JVM start included): `./svmsim run seed` (about a second) and benchmarks/scenarios/disk-16t.yaml (a 16 TiB
# disk, big-disk's workload; tens of seconds). Each flag set is appended to the launcher's own flags through
# SVMSIM_JAVA_OPTS (later flags win), every run under /work/coord/bench.lock when it exists, so that two
# measurements never overlap. Prints, per flag set: seed's min and median wall time and median CPU time
# (user + sys) over SEED_RUNS runs, then the long run's wall and CPU time (LONG_RUNS runs, median), and each
# figure's ratio to the best flag set's. Writes nothing into the repository.
#
# Usage: benchmarks/jvm-flags.sh [SEED_RUNS [LONG_RUNS]]     (defaults: 7 and 1)
#        FLAG_SETS='name=flags;name=flags' benchmarks/jvm-flags.sh   (other sets; "launcher" = no extra flag)
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
SVMSIM=$ROOT/svmsim
LONG=$ROOT/benchmarks/scenarios/disk-16t.yaml
SEED_RUNS=${1:-7}
LONG_RUNS=${2:-1}
LOCK=/work/coord/bench.lock
FLAG_SETS=${FLAG_SETS:-"launcher=;c1=-XX:TieredStopAtLevel=1;tiered=-XX:TieredStopAtLevel=4;c2-only=-XX:-TieredCompilation;tiered-1-thread=-XX:TieredStopAtLevel=4 -XX:CICompilerCount=2 -XX:-BackgroundCompilation"}

work=$(mktemp -d "${TMPDIR:-/tmp}/svmsim-flags.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

locked() {
  if [[ -e $LOCK ]]; then flock "$LOCK" "$@"; else "$@"; fi
}

# once FLAGS SCENARIO OUT: one timed run; prints "wall_ms cpu_ms".
once() {
  local flags=$1 scenario=$2 out=$3
  rm -rf -- "$out"
  SVMSIM_PROGRESS=0 SVMSIM_JAVA_OPTS="-Xmx2g${flags:+ $flags}" locked /usr/bin/time -f '%e %U %S' -o "$work/t" \
    "$SVMSIM" run "$scenario" --out "$out" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/t"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(java -version 2>&1 | head -1)"
echo "launcher flags: $(sed -n 's/^FLAGS=(\(.*\))$/\1/p' "$SVMSIM")"
echo "== build and warm-up (untimed)"
"$SVMSIM" run seed --out "$work/warm" >/dev/null 2>&1
rm -rf -- "$work/warm"
"$SVMSIM" run seed --out "$work/warm" >/dev/null 2>&1   # the second run maps the class-data archive

IFS=';' read -ra sets <<<"$FLAG_SETS"
declare -A seed_min seed_med seed_cpu long_wall long_cpu
for set in "${sets[@]}"; do
  name=${set%%=*}
  flags=${set#*=}
  echo "== $name: ${flags:-(no extra flag)}  [$(uptime | sed 's/.*load/load/')]"
  walls=() cpus=()
  for i in $(seq 1 "$SEED_RUNS"); do
    read -r w c < <(once "$flags" seed "$work/seed")
    walls+=("$w") cpus+=("$c")
  done
  seed_min[$name]=$(printf '%s\n' "${walls[@]}" | sort -n | head -1)
  seed_med[$name]=$(printf '%s\n' "${walls[@]}" | median)
  seed_cpu[$name]=$(printf '%s\n' "${cpus[@]}" | median)
  printf '   seed: wall min %d ms, median %d ms; CPU median %d ms (%s)\n' "${seed_min[$name]}" "${seed_med[$name]}" \
    "${seed_cpu[$name]}" "${walls[*]}"
  walls=() cpus=()
  for i in $(seq 1 "$LONG_RUNS"); do
    read -r w c < <(once "$flags" "$LONG" "$work/long")
    walls+=("$w") cpus+=("$c")
  done
  long_wall[$name]=$(printf '%s\n' "${walls[@]}" | median)
  long_cpu[$name]=$(printf '%s\n' "${cpus[@]}" | median)
  printf '   disk-16t: wall %d ms, CPU %d ms\n' "${long_wall[$name]}" "${long_cpu[$name]}"
done

best() { local -n m=$1; printf '%s\n' "${m[@]}" | sort -n | head -1; }
b_seed=$(best seed_med) b_seed_cpu=$(best seed_cpu) b_long=$(best long_wall) b_long_cpu=$(best long_cpu)
echo "== ratios to the best flag set (1.00 = best; the target: both runs within 1.15 of their best)"
printf '%-18s %12s %12s %12s %12s\n' "flags" "seed wall" "seed CPU" "16T wall" "16T CPU"
for set in "${sets[@]}"; do
  name=${set%%=*}
  awk -v n="$name" -v a="${seed_med[$name]}" -v b="$b_seed" -v c="${seed_cpu[$name]}" -v d="$b_seed_cpu" \
    -v e="${long_wall[$name]}" -v f="$b_long" -v g="${long_cpu[$name]}" -v h="$b_long_cpu" \
    'BEGIN { printf "%-18s %12.2f %12.2f %12.2f %12.2f\n", n, a / b, c / d, e / f, g / h }'
done
