/**
 * svmsim's benchmarks, one package per thing measured, each against a baseline in the same run so that
 * results read as ratios:
 *
 * <ul>
 *   <li>{@code writepath}: one guest write through each method's write path (the mirror with its copy idle,
 *       done or running in another thread, DBT's bitmap, the snapshot's redo log) against a plain write;
 *   <li>{@code copy}: copying a whole disk, from {@code System.arraycopy} (the physical limit) to svmsim's
 *       stores and the mirror's pass;
 *   <li>{@code migration}: each method moving a whole disk while guest threads write, the data checked at
 *       the end, against the plain copy of the same disk;
 *   <li>{@code engine}: the event loop against a bare priority-queue loop, and whole bundled scenarios;
 *   <li>{@code storage}: disk content: the extent map's heap per extent and speed against the
 *       {@code TreeMap} it replaced ({@code ExtentMapBenchmark}), and a chunk copied between byte stores
 *       (heap, off-heap, file) against {@code System.arraycopy} ({@code StoreCopyBenchmark}).
 * </ul>
 *
 * <p>Everything runs the simulator's own clock-free write paths ({@code sim-kernel/.../copy}) on real
 * threads over stores of real bytes. {@code ./svmsim bench} runs the suite and renders {@code results.md}
 * and a chart ({@code report.Report}); {@code benchmarks/README.md} says how to read them. One package:
 * {@code java -jar benchmarks/target/benchmarks.jar writepath -f 1 -wi 2 -i 3 -rf json}.
 */
package org.svmsim.bench;
