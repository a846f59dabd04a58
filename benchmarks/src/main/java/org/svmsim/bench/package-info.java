/**
 * svmsim's benchmarks, one package per thing measured. {@code mirror} times the mirror driver's write path
 * on the same clock-free code the simulator runs ({@code MirrorPass} over {@code ExtentStore}), next to a
 * baseline that writes one disk directly, so results read as ratios. {@code storage} measures disk content:
 * the extent map's heap per extent and speed against the {@code TreeMap} it replaced
 * ({@code ExtentMapBenchmark}), and a chunk copied between byte stores (heap, off-heap, file) against
 * {@code System.arraycopy} ({@code StoreCopyBenchmark}). The simulator's end-to-end speed
 * (start-up, a whole scenario) is measured by {@code benchmarks/speed.sh}, not here: it is dominated by JVM
 * start and is best timed from the outside.
 *
 * <p>Build and run: {@code mvn -q -DskipTests -pl benchmarks -am package}, then
 * {@code java -jar benchmarks/target/benchmarks.jar MirrorWritePath -f 1 -wi 2 -i 3 -rf json}.
 */
package org.svmsim.bench;
