package org.svmsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.copy.mover.DataMover;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.CopyJobId;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DeviceName;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;

class VmkernelLogRendererTest {
  private static final DeviceName DEV = DeviceName.of("10a80a6-819390-svmmirror");
  private static final WorldId SVM_WORLD = WorldId.of(808643);
  private static final WorldId RESCAN = WorldId.of(34821);
  private static final Pattern CPU = Pattern.compile(" cpu(\\d+):");

  /** The seed's SVM lifecycle with two probe bursts between, and silent events mixed in. */
  private static EventScript seedRun(long seed) {
    EventScript s = EventScript.run(seed)
        .at("2016-05-19T12:59:29.700Z", new KernelEvent.FileCreated(DatastoreId.of(
            "5739734e-f309ac87-4491-f8bc123449c2"), "W1_2/W1_2.vmdk", DiskHandle.parse("819390"), 1L << 34, 0))
        .at("2016-05-19T12:59:29.720Z", new KernelEvent.SvmDeviceCreated(SVM_WORLD, DEV,
            DiskHandle.parse("10a80a6"), DiskHandle.parse("819390")))
        .at("2016-05-19T12:59:30.012Z", new KernelEvent.CopyPassStarted(SVM_WORLD, new CopyJobId(1), 1,
            33554432, 8192, DataMover.FS3DM))
        .at("2016-05-19T12:59:31.000Z", new KernelEvent.ChunkCopied(new CopyJobId(1), 1, 0, 8192))
        .at("2016-05-19T12:59:35.681Z", new KernelEvent.GuestIoCompleted(VmId.of("W1_2"), 0, 1, true, 64, 8, 7,
            org.svmsim.kernel.io.IoRoute.MIRRORED, false, 2_000_000));
    probeBurst(s, "2016-05-19T13:00:25.159Z", RESCAN);
    probeBurst(s, "2016-05-19T13:07:32.032Z", RESCAN);
    return s
        .at("2016-05-19T13:27:20.668Z", new KernelEvent.SvmMirrorStats(SVM_WORLD, DEV, 1200, 4915200, 800,
            3276800, 300, 450, 30, 20, 17179869184L, 1843200))
        .at("2016-05-19T13:27:20.668Z", new KernelEvent.SvmDeviceDestroyed(SVM_WORLD, DEV));
  }

  private static void probeBurst(EventScript s, String at, WorldId world) {
    s.at(at, new KernelEvent.ProbeOpenFailed(world, DEV, "Busy"))
        .at(at, new KernelEvent.VolumeOpenFailed(world, DEV, "Busy"))
        .at(at, new KernelEvent.VolumeOpenFailed(world, DEV, "Busy"))
        .at(at, new KernelEvent.NoFsDriverClaimed(world, DEV));
  }

  private static List<String> render(EventScript script) {
    String text = script.replay(new VmkernelLogRenderer()).files().get(VmkernelLogRenderer.PATH);
    return EventScript.lines(text);
  }

  private static String withoutCpu(String line) {
    return CPU.matcher(line).replaceFirst(" cpuN:");
  }

  private static int cpu(String line) {
    Matcher m = CPU.matcher(line);
    assertTrue(m.find(), line);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void rendersTheSeedLinesExactlyAndNothingForSilentEvents() {
    List<String> lines = render(seedRun(42));
    List<String> expected = List.of(
        "2016-05-19T12:59:29.720Z cpuN:808643)SVM: 5139: SVM_MakeDev.5139: Creating device 10a80a6-819390-svmmirror: Success",
        "2016-05-19T12:59:29.720Z cpuN:808643)SVM: 5188: Created device 10a80a6-819390-svmmirror, primary 10a80a6, secondary 819390",
        "2016-05-19T13:00:25.159Z cpuN:34821)Vol3: 2675: Could not open device '10a80a6-819390-svmmirror' for probing: Busy",
        "2016-05-19T13:00:25.159Z cpuN:34821)Vol3: 1072: Could not open device '10a80a6-819390-svmmirror' for volume open: Busy",
        "2016-05-19T13:00:25.159Z cpuN:34821)Vol3: 1072: Could not open device '10a80a6-819390-svmmirror' for volume open: Busy",
        "2016-05-19T13:00:25.159Z cpuN:34821)FSS: 5327: No FS driver claimed device '10a80a6-819390-svmmirror': No filesystem on the device",
        "2016-05-19T13:07:32.032Z cpuN:34821)Vol3: 2675: Could not open device '10a80a6-819390-svmmirror' for probing: Busy",
        "2016-05-19T13:07:32.032Z cpuN:34821)Vol3: 1072: Could not open device '10a80a6-819390-svmmirror' for volume open: Busy",
        "2016-05-19T13:07:32.032Z cpuN:34821)Vol3: 1072: Could not open device '10a80a6-819390-svmmirror' for volume open: Busy",
        "2016-05-19T13:07:32.032Z cpuN:34821)FSS: 5327: No FS driver claimed device '10a80a6-819390-svmmirror': No filesystem on the device",
        "2016-05-19T13:27:20.668Z cpuN:808643)SVM: 2428: SVM Mirrored mode IO stats for device: 10a80a6-819390-svmmirror",
        "2016-05-19T13:27:20.668Z cpuN:808643)Reads: 1200 (4915200 bytes), Writes: 800 (3276800 bytes)",
        "2016-05-19T13:27:20.668Z cpuN:808643)Mirrored writes: 450, split: 30, source only: 300, waited for copy: 20, copied: 17179869184 bytes",
        "2016-05-19T13:27:20.668Z cpuN:808643)SVM: 2450: Destroyed device 10a80a6-819390-svmmirror");
    assertEquals(expected, lines.stream().map(VmkernelLogRendererTest::withoutCpu).toList());
  }

  @Test
  void everyLineIsInTheCheckersGrammarAndOnlyTheFiguresAreContinuations() {
    List<String> lines = render(seedRun(42));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean headed = EventScript.VMK.matcher(line).matches();
      assertTrue(headed || EventScript.VMK_CONT.matcher(line).matches(), line);
      assertEquals(i != 11 && i != 12, headed, line);
    }
  }

  @Test
  void changeTrackingAttachesAndDetachesItsDeviceWithTheSourcesHandle() {
    DeviceName cbt = DeviceName.of("10a80a6-cbt");
    List<String> lines = render(EventScript.run(1)
        .at("2016-05-19T12:59:29.720Z", new KernelEvent.ChangeTrackingStarted(SVM_WORLD, cbt,
            DiskHandle.parse("10a80a6"), 65536, 32768))
        .at("2016-05-19T13:27:20.668Z", new KernelEvent.ChangeTrackingStopped(SVM_WORLD, cbt)));
    assertEquals(List.of(
        "2016-05-19T12:59:29.720Z cpuN:808643)CBT: 1133: Created device 10a80a6-cbt for cbt driver with filehandle 17465510",
        "2016-05-19T13:27:20.668Z cpuN:808643)CBT: 723: Disconnecting the cbt device 10a80a6-cbt with filehandle 17465510"),
        lines.stream().map(VmkernelLogRendererTest::withoutCpu).toList());
    for (String l : lines) {
      assertTrue(VmkernelCatalog.recognise(l).isPresent(), l);
    }
  }

  @Test
  void theCatalogRecognisesEveryRenderedLine() {
    List<VmkernelCatalog> entries = render(seedRun(42)).stream()
        .map(l -> VmkernelCatalog.recognise(l).orElseThrow(() -> new AssertionError("unrecognised: " + l)).entry())
        .toList();
    assertEquals(List.of(VmkernelCatalog.SVM_MAKE_DEV, VmkernelCatalog.SVM_CREATED,
        VmkernelCatalog.VOL3_PROBE_OPEN_FAILED, VmkernelCatalog.VOL3_VOLUME_OPEN_FAILED,
        VmkernelCatalog.VOL3_VOLUME_OPEN_FAILED, VmkernelCatalog.FSS_NO_FS_DRIVER,
        VmkernelCatalog.VOL3_PROBE_OPEN_FAILED, VmkernelCatalog.VOL3_VOLUME_OPEN_FAILED,
        VmkernelCatalog.VOL3_VOLUME_OPEN_FAILED, VmkernelCatalog.FSS_NO_FS_DRIVER,
        VmkernelCatalog.SVM_IO_STATS, VmkernelCatalog.SVM_IO_STATS_TOTALS, VmkernelCatalog.SVM_IO_STATS_WRITES,
        VmkernelCatalog.SVM_DESTROYED), entries);
  }

  @Test
  void aWorldKeepsItsCpuWithinABurstAndCpusStayInRange() {
    List<String> lines = render(seedRun(42));
    assertEquals(cpu(lines.get(0)), cpu(lines.get(1)), "create/created pair");
    for (int burst : new int[] {2, 6}) {
      for (int i = burst; i < burst + 4; i++) {
        assertEquals(cpu(lines.get(burst)), cpu(lines.get(i)), "probe burst at line " + burst);
      }
    }
    for (int i = 10; i < 14; i++) {
      assertEquals(cpu(lines.get(10)), cpu(lines.get(i)), "stats and destroy");
    }
    lines.forEach(l -> assertTrue(cpu(l) >= 0 && cpu(l) < 24, l));
  }

  @Test
  void aWorldQuietForASecondOrMoreDrawsItsCpuAgain() {
    EventScript s = EventScript.run(7);
    for (int minute = 0; minute < 40; minute++) {
      s.at(String.format("2016-05-19T13:%02d:00.000Z", minute), new KernelEvent.ProbeOpenFailed(RESCAN, DEV, "Busy"));
    }
    Set<Integer> cpus = new TreeSet<>();
    render(s).forEach(l -> cpus.add(cpu(l)));
    assertTrue(cpus.size() > 5, "40 separate probes landed on cpus " + cpus);
  }

  @Test
  void sameEventsRenderByteIdenticalAndAnotherSeedMovesOnlyCpus() {
    String a = seedRun(42).replay(new VmkernelLogRenderer()).files().get(VmkernelLogRenderer.PATH);
    String b = seedRun(42).replay(new VmkernelLogRenderer()).files().get(VmkernelLogRenderer.PATH);
    String c = seedRun(42).withSeed(43).replay(new VmkernelLogRenderer()).files().get(VmkernelLogRenderer.PATH);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(render(seedRun(42)).stream().map(VmkernelLogRendererTest::withoutCpu).toList(),
        render(seedRun(42).withSeed(43)).stream().map(VmkernelLogRendererTest::withoutCpu).toList());
  }

  @Test
  void theFileExistsEvenWhenNothingWasLogged() {
    assertEquals("", EventScript.run(1).replay(new VmkernelLogRenderer()).files().get("var/log/vmkernel.log"));
  }

  @Test
  void aLineBeforeRunStartedIsAnError() {
    VmkernelLogRenderer renderer = new VmkernelLogRenderer();
    assertThrows(IllegalStateException.class,
        () -> renderer.onEvent(0, new KernelEvent.SvmDeviceDestroyed(SVM_WORLD, DEV)));
  }
}
