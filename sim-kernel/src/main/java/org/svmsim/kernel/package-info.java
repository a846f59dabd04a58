/**
 * The vmkernel of one simulated ESXi host, and the machinery every component runs on.
 *
 * <p>{@code sim} is the run's spine: one {@link org.svmsim.kernel.sim.EventLoop} ordered by (virtual
 * nanoseconds, sequence), the only clock; one seed, split per component by {@link
 * org.svmsim.kernel.sim.SimRandom}. {@code event} is the whole vocabulary of the bus, shared by the VMX
 * and the host agents, which never see each other's code.
 *
 * <p>The device layer follows the data: {@code device} holds what is open under /vmfs/devices and who
 * holds it (an exclusive open makes every other open Busy); {@code vmfs} is the volumes, their files and
 * hex handles, and the periodic rescan whose probes fail Busy on a held mirror node; {@code storage} is
 * disk content as runs of tags, so every sector has content and a 2 TiB disk costs runs, not blocks;
 * {@code perf} is the datastore service model that guest I/O and the copy share; {@code copy/mirror} is
 * where the mirror decides where a guest write goes ({@link org.svmsim.kernel.copy.mirror.MirrorRegions}),
 * free of clocks so that benchmarks run the same code on real threads; {@code copy/mover} is the data
 * movers and their cost; {@code svm} is the driver that makes, runs and destroys the
 * {@code <primary>-<secondary>-svmmirror} devices; {@code io} is the path a VMX's disk I/O takes;
 * {@code log} renders vmkernel.log from the kernel's facts through one message catalog.
 */
package org.svmsim.kernel;
