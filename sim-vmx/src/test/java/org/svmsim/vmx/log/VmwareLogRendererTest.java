package org.svmsim.vmx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.config.MigrationOptions;
import org.svmsim.kernel.id.MigrationId;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.id.DiskHandle;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.id.WorldId;
import org.svmsim.kernel.log.EventScript;
import org.svmsim.kernel.sim.VirtualTime;

class VmwareLogRendererTest {
  private static final VmId VM = VmId.of("W1_2");
  private static final DatastoreId SOURCE = DatastoreId.of("56f3c5a4-2a0b9c1e-77d0-f8bc123449c2");
  private static final DatastoreId DEST = DatastoreId.of("5739734e-f309ac87-4491-f8bc123449c2");
  private static final String SOURCE_VMDK = SOURCE.path() + "/W1_2/W1_2.vmdk";
  private static final String DEST_VMDK = DEST.path() + "/W1_2/W1_2.vmdk";
  private static final String SOURCE_FLAT = SOURCE.path() + "/W1_2/W1_2-flat.vmdk";
  private static final String DEST_FLAT = DEST.path() + "/W1_2/W1_2-flat.vmdk";
  private static final DiskHandle HANDLE = DiskHandle.parse("10a80a6");
  private static final String DEST_LOG = "vmfs/volumes/5739734e-f309ac87-4491-f8bc123449c2/W1_2/vmware.log";
  private static final String SOURCE_LOG = "vmfs/volumes/56f3c5a4-2a0b9c1e-77d0-f8bc123449c2/W1_2/vmware.log";

  /** Power-on, then the seed's Storage vMotion of W1_2 to 5739734e-..., ending as {@code success} says. */
  private static EventScript svmotion(long seed, boolean success) {
    return EventScript.run(seed)
        .at("2016-05-19T12:40:00.000Z", new VmxEvent.StartVmx(VM, SOURCE, false))
        .at("2016-05-19T12:40:01.100Z", new VmxEvent.VmxStarted(VM, SOURCE, 808600, WorldId.of(808601),
            SOURCE.path() + "/W1_2/W1_2.vmx", "56 4d 8a 3a 3c 95 87 b1-5d 37 a3 70 4b 52 0d 6a", 2, 4L << 30,
            "windows8srv-64", false))
        .at("2016-05-19T12:40:01.300Z", new VmxEvent.DiskOpened(VM, "scsi0:0", SOURCE_VMDK, SOURCE_VMDK, false,
            33554432, 3, 1, 1, "31f679521f5e9755ae9f840e8c55ccfc", SOURCE_FLAT, HANDLE))
        .at("2016-05-19T12:40:02.000Z", new VmxEvent.GuestRunning(VM))
        .at("2016-05-19T12:45:00.000Z", new VmxEvent.GuestIoIssued(VM, 0, 1, true, 64, 8, 1))
        .at("2016-05-19T12:59:20.000Z", new VmxEvent.VmxStarted(VM, DEST, 808640, WorldId.of(808641),
            DEST.path() + "/W1_2/W1_2.vmx", "56 4d 8a 3a 3c 95 87 b1-5d 37 a3 70 4b 52 0d 6a", 2, 4L << 30,
            "windows8srv-64", true))
        .at("2016-05-19T12:59:29.700Z", new VmxEvent.StartSvmotion(VM, Method.MIRROR, DEST, MigrationId.parse("1463662769700447"),
            "e6012b2-01-b0", new MigrationOptions(2048, "auto", 100 * VirtualTime.SECOND)))
        .at("2016-05-19T12:59:29.721Z", new VmxEvent.DiskClosed(VM, "scsi0:0", SOURCE_VMDK, SOURCE_FLAT, false))
        .at("2016-05-19T12:59:29.721Z", new VmxEvent.DiskOpened(VM, "scsi0:0", DEST_VMDK,
            "/vmfs/devices/svm/10a80a6-819390-svmmirror", true, 33554432, 11, 1, 1,
            "31f679521f5e9755ae9f840e8c55ccfc", DEST_FLAT, HANDLE))
        .at("2016-05-19T12:59:29.723Z", new VmxEvent.SvmotionPhaseEntered(VM, 8, "mirrored copy"))
        .at("2016-05-19T12:59:30.012Z", new VmxEvent.DiskCopyStarted(VM, "scsi0:0", DEST_VMDK))
        .at("2016-05-19T12:59:35.681Z", new VmxEvent.FirstWrite(VM, "scsi0:0", DEST_VMDK))
        .at("2016-05-19T12:59:35.681Z", new VmxEvent.ContentIdChanged(VM, "scsi0:0",
            "40d56f2945fea90820e1995ff9f13b36", "31f679521f5e9755ae9f840e8c55ccfc"))
        .at("2016-05-19T13:27:20.600Z", new VmxEvent.DiskCopyFinished(VM, "scsi0:0", DEST_VMDK, 17179869184L,
            1_670_588_000_000L))
        .at("2016-05-19T13:27:20.610Z", new VmxEvent.VmStunned(VM))
        .at("2016-05-19T13:27:20.620Z", new VmxEvent.ConsistencyChecked(VM, "scsi0:0", success, success ? -1 : 4096))
        .at("2016-05-19T13:27:20.700Z", new VmxEvent.FastSuspendResumed(VM, DEST, 52428800))
        .at("2016-05-19T13:27:20.700Z", new VmxEvent.DiskClosed(VM, "scsi0:0", DEST_VMDK, DEST_FLAT, true))
        .at("2016-05-19T13:27:20.700Z", new VmxEvent.DiskOpened(VM, "scsi0:0", DEST_VMDK, DEST_VMDK, false,
            33554432, 3, 1, 1, "40d56f2945fea90820e1995ff9f13b36", DEST_FLAT, HANDLE))
        .at("2016-05-19T13:27:20.799Z", new VmxEvent.VmUnstunned(VM, 188405))
        .at("2016-05-19T13:27:21.000Z", new VmxEvent.SvmotionFinished(VM, success,
            success ? "" : "destination differs from source", DEST, List.of(SOURCE_VMDK)))
        .at("2016-05-19T13:27:21.100Z", new VmxEvent.DiskClosed(VM, "scsi0:0", DEST_VMDK, DEST_FLAT, false))
        .at("2016-05-19T13:27:21.200Z", new VmxEvent.VmxStopped(VM, "migrated"));
  }

  private static List<String> lines(EventScript script, String path) {
    String text = script.replay(new VmwareLogRenderer()).files().get(path);
    assertTrue(text != null, "no " + path);
    return EventScript.lines(text);
  }

  @Test
  void theLogLivesInTheFinalHomeAndHoldsBothVmxs() {
    assertEquals(Set.of(DEST_LOG), svmotion(42, true).replay(new VmwareLogRenderer()).files().keySet());
    assertEquals(Set.of(SOURCE_LOG), svmotion(42, false).replay(new VmwareLogRenderer()).files().keySet());
    List<String> lines = lines(svmotion(42, true), DEST_LOG);
    assertTrue(lines.contains("2016-05-19T12:59:20.000Z| vmx| I120: Migrate: Shadow VM started in fail-safe mode"
        + " for Storage vMotion, pid=808640."), String.join("\n", lines));
    assertEquals(1, lines.stream().filter(l -> l.contains("Log for VMware ESX")).count());
  }

  @Test
  void theLogStartsLikeARealOne() {
    List<String> expected = List.of(
        "2016-05-19T12:40:01.100Z| vmx| I120: Log for VMware ESX pid=808600 version=6.0.0 build=build-3620759 option=Release",
        "2016-05-19T12:40:01.100Z| vmx| I120: The process is 64-bit.",
        "2016-05-19T12:40:01.100Z| vmx| I120: Host codepage=UTF-8 encoding=UTF-8",
        "2016-05-19T12:40:01.100Z| vmx| I120: Host is VMkernel version 6.0.0",
        "2016-05-19T12:40:01.100Z| vmx| I120: Hostname=esx01.lab.local",
        "2016-05-19T12:40:01.100Z| vmx| I120: Log file: /" + SOURCE_LOG,
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT --- CONFIGURATION " + SOURCE.path() + "/W1_2/W1_2.vmx",
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT            config.version = \"8\"",
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT               displayName = \"W1_2\"",
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT                  numvcpus = \"2\"",
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT                   memSize = \"4096\"",
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT                   guestOS = \"windows8srv-64\"",
        "2016-05-19T12:40:01.100Z| vmx| I120: DICT                 uuid.bios = \"56 4d 8a 3a 3c 95 87 b1-5d 37 a3 70 4b 52 0d 6a\"");
    assertEquals(expected, lines(svmotion(42, true), DEST_LOG).subList(0, expected.size()));
  }

  @Test
  void theSeedsMirrorLinesComeInTheSeedsOrder() {
    List<String> seed = List.of(
        "2016-05-19T12:59:29.721Z| vcpu-0| I120: DISKLIB-LIB_MISC   : Opening mirror node /vmfs/devices/svm/10a80a6-819390-svmmirror",
        "2016-05-19T12:59:29.721Z| vcpu-0| I120: Creating virtual dev for scsi0:0",
        "2016-05-19T12:59:29.721Z| vcpu-0| I120: DumpDiskInfo: scsi0:0 createType=11, capacity = 33554432, numLinks = 1, allocationType = 1",
        "2016-05-19T12:59:29.721Z| vcpu-0| I120: SCSIDiskESXPopulateVDevDesc: Using FS backend",
        "2016-05-19T12:59:29.721Z| vcpu-0| I120: DISKUTIL: scsi0:0 : geometry=2088/255/63",
        "2016-05-19T12:59:29.723Z| vcpu-0| I120: VMXNET3 user: Ethernet1 Driver Info: version = 16778496 gosBits = 2 gosType = 1, gosVer = 0, gosMisc = 0",
        "2016-05-19T12:59:29.723Z| Worker#0| I120: SVMotion: Enter Phase 8",
        "2016-05-19T12:59:30.012Z| Worker#0| I120: Disk/File copy started for /vmfs/volumes/5739734e-f309ac87-4491-f8bc123449c2/W1_2/W1_2.vmdk.",
        "2016-05-19T12:59:35.681Z| vcpu-0| I120: HBACommon: First write on scsi0:0.fileName='/vmfs/volumes/5739734e-f309ac87-4491-f8bc123449c2/W1_2/W1_2.vmdk'",
        "2016-05-19T12:59:35.681Z| vcpu-0| I120: DDB: \"longContentID\" = \"40d56f2945fea90820e1995ff9f13b36\" (was \"31f679521f5e9755ae9f840e8c55ccfc\")");
    List<String> lines = lines(svmotion(42, true), DEST_LOG);
    assertTrue(Collections.indexOfSubList(lines, seed) >= 0, String.join("\n", lines));
  }

  @Test
  void thePowerOnOpenGoesThroughDiskLibOnTheVmxThread() {
    List<String> lines = lines(svmotion(42, true), DEST_LOG);
    int open = lines.indexOf(lines.stream().filter(l -> l.contains("DISKLIB-VMFS")).findFirst().orElseThrow());
    assertTrue(lines.get(open).matches("2016-05-19T12:40:01\\.300Z\\| vmx\\| I120: DISKLIB-VMFS  : \""
        + SOURCE.path() + "/W1_2/W1_2-flat\\.vmdk\" : open successful \\(10\\) size = 17179869184, hd = \\d+\\. Type 3"),
        lines.get(open));
    List<String> rest = List.of(
        "2016-05-19T12:40:01.300Z| vmx| I120: DISKLIB-LINK  : Opened '" + SOURCE_VMDK + "' (0xa): vmfs, 33554432 sectors / 16 GB.",
        "2016-05-19T12:40:01.300Z| vmx| I120: DISKLIB-LIB   : Opened \"" + SOURCE_VMDK + "\" (flags 0xa, type vmfs).",
        "2016-05-19T12:40:01.300Z| vmx| I120: DISK: OPEN scsi0:0 '" + SOURCE_VMDK + "' persistent R[]",
        "2016-05-19T12:40:01.300Z| vmx| I120: Creating virtual dev for scsi0:0",
        "2016-05-19T12:40:01.300Z| vmx| I120: DumpDiskInfo: scsi0:0 createType=3, capacity = 33554432, numLinks = 1, allocationType = 1",
        "2016-05-19T12:40:01.300Z| vmx| I120: SCSIDiskESXPopulateVDevDesc: Using FS backend",
        "2016-05-19T12:40:01.300Z| vmx| I120: DISKUTIL: scsi0:0 : geometry=2088/255/63");
    assertEquals(rest, lines.subList(open + 1, open + 1 + rest.size()));
  }

  @Test
  void theSwitchoverAndTheEnd() {
    List<String> lines = lines(svmotion(42, true), DEST_LOG);
    List<String> end = List.of(
        "2016-05-19T13:27:20.600Z| Worker#0| I120: Disk/File copy completed for " + DEST_VMDK + ": 17179869184 bytes in 1670.588 s.",
        "2016-05-19T13:27:20.610Z| vcpu-0| I120: Migrate: VM successfully stunned",
        "2016-05-19T13:27:20.620Z| Worker#0| I120: SVMotion: Destination scsi0:0 matches source block for block.",
        "2016-05-19T13:27:20.700Z| vmx| I120: Migrate: Fast suspend/resume to " + DEST.path() + "/W1_2 completed (52428800 bytes of checkpoint state).",
        // The mirror node goes: VMFS had not opened the flat file for it.
        "2016-05-19T13:27:20.700Z| vmx| I120: Closing disk scsi0:0");
    int fsr = lines.indexOf(end.get(3));
    assertEquals(end, lines.subList(fsr - 3, fsr + 2));
    assertTrue(lines.get(fsr + 2).startsWith("2016-05-19T13:27:20.700Z| vmx| I120: DISKLIB-VMFS  : \"" + DEST.path()
        + "/W1_2/W1_2-flat.vmdk\" : open successful"), lines.get(fsr + 2));
    end = List.of(
        "2016-05-19T13:27:20.700Z| vmx| I120: DISKUTIL: scsi0:0 : geometry=2088/255/63",
        "2016-05-19T13:27:20.799Z| vcpu-0| I120: CPT current = 2, requesting 6",
        "2016-05-19T13:27:20.799Z| vcpu-0| I120: Checkpoint_Unstun: vm stopped for 188405 us",
        "2016-05-19T13:27:20.799Z| vcpu-1| I120: Done Sync monModules(6).",
        "2016-05-19T13:27:20.799Z| vcpu-0| I120: Done Sync monModules(6).",
        "2016-05-19T13:27:20.799Z| vcpu-0| I120: CPT: monitor ACKing mode 6",
        "2016-05-19T13:27:21.000Z| vmx| I120: MigrateSetStateFinished: type=1 new state=5",
        "2016-05-19T13:27:21.000Z| vmx| I120: MigrateSetState: Transitioning from state 1 to 5.",
        "2016-05-19T13:27:21.000Z| vmx| I120: SVMotion: Migration succeeded.",
        "2016-05-19T13:27:21.000Z| vmx| I120: Migrate: cleaning up migration state.",
        "2016-05-19T13:27:21.000Z| vmx| I120: MigrateSetState: Transitioning from state 5 to 0.",
        "2016-05-19T13:27:21.100Z| vmx| I120: Closing disk scsi0:0",
        "2016-05-19T13:27:21.100Z| vmx| I120: DISKLIB-VMFS  : \"" + DEST.path() + "/W1_2/W1_2-flat.vmdk\" : closed.",
        "2016-05-19T13:27:21.200Z| vmx| I120: Stopping VCPU threads...",
        "2016-05-19T13:27:21.200Z| vmx| I120: VMX has left the building: 0.");
    assertEquals(end, lines.subList(lines.size() - end.size(), lines.size()));
    List<String> failed = lines(svmotion(42, false), SOURCE_LOG);
    assertTrue(failed.contains("2016-05-19T13:27:20.620Z| Worker#0| I120: SVMotion: Destination scsi0:0 differs from"
        + " source at sector 4096."));
    int cached = failed.indexOf("2016-05-19T13:27:21.000Z| vmx| I120: Migrate: Caching migration error message list:");
    assertTrue(cached > 0, String.join("\n", failed));
    assertEquals(List.of(
        "2016-05-19T13:27:21.000Z| vmx| I120: [msg.svmotion.fail.copy] destination differs from source",
        "2016-05-19T13:27:21.000Z| vmx| I120: Migrate: Attempting to continue running on the source."),
        failed.subList(cached + 1, cached + 3));
  }

  @Test
  void everyLineIsInTheCheckersGrammarAndRecognisedByTheCatalog() {
    List<String> lines = lines(svmotion(42, true), DEST_LOG);
    for (String line : lines) {
      assertTrue(EventScript.VMX_OLD.matcher(line).matches(), line);
      VmwareCatalog.Recognised r = VmwareCatalog.recognise(line).orElseThrow(() -> new AssertionError(line));
      assertEquals(line.split("\\| ")[1], r.thread());
    }
    // Guest I/O and the VMX commands render nothing. Counted per event: header 13, power-on open 8,
    // running 2, shadow 2, migration info and state 2, source close 2, mirror open 5, NIC and phase 2, copy start,
    // first write and DDB 4, copy end, stun, check and FSR 4, mirror close 1, destination open 8, unstun 5,
    // the outcome 5, close 2, exit 2.
    assertEquals(13 + 8 + 2 + 2 + 2 + 2 + 5 + 2 + 4 + 4 + 1 + 8 + 5 + 5 + 2 + 2, lines.size());
  }

  @Test
  void sameEventsRenderByteIdenticalWhateverTheSeed() {
    String a = svmotion(42, true).replay(new VmwareLogRenderer()).files().get(DEST_LOG);
    String b = svmotion(42, true).replay(new VmwareLogRenderer()).files().get(DEST_LOG);
    String c = svmotion(42, true).withSeed(43).replay(new VmwareLogRenderer()).files().get(DEST_LOG);
    assertEquals(a, b);
    assertEquals(a.lines().count(), c.lines().count(), "the seed only draws cosmetic figures, not lines");
    assertTrue(a.contains("hd = " + HANDLE.value() + ". Type 3"), a);
  }

  @Test
  void aVmxLineBeforeTheVmxStartedIsAnError() {
    VmwareLogRenderer renderer = EventScript.run(1).replay(new VmwareLogRenderer());
    assertThrows(IllegalStateException.class, () -> renderer.onEvent(1, new VmxEvent.GuestRunning(VM)));
    assertTrue(renderer.files().isEmpty());
  }

  @Test
  void closingAMirrorNodeClosesNoFlatFileAndSmallDisksPrintMegabytes() {
    EventScript s = EventScript.run(1)
        .at("2016-05-19T12:40:01.100Z", new VmxEvent.VmxStarted(VM, SOURCE, 1, WorldId.of(2), "x.vmx", "u", 1,
            1L << 30, "other", false))
        .at("2016-05-19T12:40:01.300Z", new VmxEvent.DiskOpened(VM, "scsi0:1", SOURCE_VMDK, SOURCE_VMDK, false,
            524288, 3, 1, 1, "c", SOURCE_FLAT, HANDLE))
        .at("2016-05-19T12:59:29.721Z", new VmxEvent.DiskOpened(VM, "scsi0:1", DEST_VMDK, "/vmfs/devices/svm/a-b-svmmirror",
            true, 524288, 3, 1, 1, "c", DEST_FLAT, HANDLE))
        .at("2016-05-19T13:00:00.000Z", new VmxEvent.DiskClosed(VM, "scsi0:1", DEST_VMDK, DEST_FLAT, true));
    List<String> lines = lines(s, SOURCE_LOG);
    assertTrue(lines.contains("2016-05-19T12:40:01.300Z| vmx| I120: DISKLIB-LINK  : Opened '" + SOURCE_VMDK
        + "' (0xa): vmfs, 524288 sectors / 256 MB."), String.join("\n", lines));
    assertEquals("2016-05-19T13:00:00.000Z| vmx| I120: Closing disk scsi0:1", lines.get(lines.size() - 1));
  }

  @Test
  void aSnapshotChainOpensAndClosesItsDeltaAroundTheBaseFlatFile() {
    String child = SOURCE.path() + "/W1_2/W1_2-000001.vmdk";
    String delta = SOURCE.path() + "/W1_2/W1_2-000001-delta.vmdk";
    EventScript s = EventScript.run(1)
        .at("2016-05-19T12:40:01.100Z", new VmxEvent.VmxStarted(VM, SOURCE, 1, WorldId.of(2), "x.vmx", "u", 1,
            1L << 30, "other", false))
        .at("2016-05-19T12:40:01.300Z", new VmxEvent.DiskOpened(VM, "scsi0:0", child, child, false,
            524288, 3, 1, 2, "c", SOURCE_FLAT, HANDLE, delta, 2101248))
        .at("2016-05-19T13:00:00.000Z", new VmxEvent.DiskClosed(VM, "scsi0:0", child, SOURCE_FLAT, false, delta));
    List<String> lines = lines(s, SOURCE_LOG);
    int deltaOpen = lines.indexOf("2016-05-19T12:40:01.300Z| vmx| I120: DISKLIB-VMFS  : \"" + delta
        + "\" : open successful (1041) size = 2101248, hd = 0. Type 8");
    int flatOpen = lines.indexOf("2016-05-19T12:40:01.300Z| vmx| I120: DISKLIB-VMFS  : \"" + SOURCE_FLAT
        + "\" : open successful (10) size = 268435456, hd = " + HANDLE.value() + ". Type 3");
    assertTrue(deltaOpen >= 0 && flatOpen == deltaOpen + 1, String.join("\n", lines));
    assertEquals(List.of("2016-05-19T13:00:00.000Z| vmx| I120: DISKLIB-VMFS  : \"" + delta + "\" : closed.",
        "2016-05-19T13:00:00.000Z| vmx| I120: DISKLIB-VMFS  : \"" + SOURCE_FLAT + "\" : closed."),
        lines.subList(lines.size() - 2, lines.size()));
  }

  @Test
  void secondsKeepThreeDigits() {
    assertEquals("0.005", VmwareLogRenderer.seconds(5_999_999));
    assertEquals("1670.588", VmwareLogRenderer.seconds(1_670_588_000_000L));
    assertEquals("12.040", VmwareLogRenderer.seconds(12_040_000_000L));
  }
}
