package org.svmsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VmkernelCatalogTest {

  @ParameterizedTest
  @EnumSource(VmkernelCatalog.class)
  void everyEntryRendersAGrammaticalLineThatItAloneRecognises(VmkernelCatalog entry) {
    List<String> args = IntStream.range(0, entry.template().arity()).mapToObj(i -> "arg" + i).toList();
    String line = "2016-05-19T13:27:20.668Z cpu3:808643)" + entry.body(args.toArray());
    boolean continuation = entry.continues().isPresent();
    assertTrue((continuation ? EventScript.VMK_CONT : EventScript.VMK).matcher(line).matches(), line);
    VmkernelCatalog.Recognised r = VmkernelCatalog.recognise(line).orElseThrow();
    assertEquals(entry, r.entry());
    assertEquals(args, r.args());
    assertEquals(continuation ? 0 : entry.sourceLine(), r.sourceLine());
  }

  @Test
  void recognisesTheSeedsOwnLines() {
    VmkernelCatalog.Recognised r = VmkernelCatalog.recognise("2016-05-19T12:59:29.720Z cpu17:808643)SVM: 5188:"
        + " Created device 10a80a6-819390-svmmirror, primary 10a80a6, secondary 819390").orElseThrow();
    assertEquals(Instant.parse("2016-05-19T12:59:29.720Z"), r.timestamp());
    assertEquals(17, r.cpu());
    assertEquals(808643, r.world());
    assertNull(r.opId());
    assertEquals(VmkernelCatalog.SVM_CREATED, r.entry());
    assertEquals(List.of("10a80a6-819390-svmmirror", "10a80a6", "819390"), r.args());

    r = VmkernelCatalog.recognise("2016-05-19T13:25:12.842Z cpu9:34803)FSS: 5327: No FS driver claimed device"
        + " '10a80a6-819390-svmmirror': No filesystem on the device").orElseThrow();
    assertEquals(VmkernelCatalog.FSS_NO_FS_DRIVER, r.entry());
    assertEquals(List.of("10a80a6-819390-svmmirror"), r.args());
  }

  @Test
  void recognisesAnotherBuildsLineNumberAndAnOpId() {
    VmkernelCatalog.Recognised r = VmkernelCatalog.recognise("2019-01-02T03:04:05.006Z cpu9:112174 opID=dc2104c4)"
        + "Vol3: 2710: Could not open device 'naa.6000' for probing: Busy").orElseThrow();
    assertEquals(VmkernelCatalog.VOL3_PROBE_OPEN_FAILED, r.entry());
    assertEquals(2710, r.sourceLine());
    assertEquals("dc2104c4", r.opId());
  }

  @Test
  void recognisesTheSwitchoverTimeoutWarningsOfKb1010045() {
    VmkernelCatalog.Recognised r = VmkernelCatalog.recognise("2016-05-19T13:27:20.668Z cpu2:808643)WARNING: "
        + "Migrate: 296: 1463662769720123 D: Failed: Maximum switchover time for migration exceeded(0xbad0109)"
        + " @0x41800f61cee2").orElseThrow();
    assertEquals(VmkernelCatalog.MIGRATE_SWITCHOVER_FAILED, r.entry());
    assertEquals(List.of("1463662769720123", "0xbad0109", "41800f61cee2"), r.args());
    assertTrue(VmkernelCatalog.FSR_SOURCE_SWITCHOVER_TIMEOUT.body("1463662769720123", 100)
        .startsWith("WARNING: FSR: 690: 1463662769720123 S: Maximum switchover time (100 seconds) reached."));
  }

  @Test
  void theLevelPrefixAndRunsOfSpacesDoNotChangeTheFamily() {
    String line = "2016-05-19T13:27:20.668Z cpu2:1)ALERT: Migrate: 296: 1 D: Failed:  Maximum switchover time for"
        + " migration exceeded(0xbad0109) @0x1";
    assertEquals(VmkernelCatalog.MIGRATE_SWITCHOVER_FAILED, VmkernelCatalog.recognise(line).orElseThrow().entry());
  }

  @Test
  void theEsxi8PrefixAndTheDlxLockDumpAreRead() {
    assertEquals(VmkernelCatalog.SVM_DESTROYED, VmkernelCatalog.recognise("2024-01-15T09:00:12.957Z In(182) vmkernel:"
        + " cpu13:100200)SVM: 2450: Destroyed device f9f4c58-2af742b-svmmirror").orElseThrow().entry());
    assertEquals(VmkernelCatalog.DLX_LOCK_TYPE, VmkernelCatalog.recognise("2016-03-01T13:42:19.588Z cpu1:316085)"
        + "[type 10c00001 offset 80314368 v 232, hb offset 3493888").orElseThrow().entry());
    assertEquals(VmkernelCatalog.MEMSCHED_SWAP_EXTENDED, VmkernelCatalog.recognise("2016-03-01T13:42:19.520Z"
        + " cpu1:316085)MemSched: vm 316085: 8313: extended swap to 8192 pgs").orElseThrow().entry());
  }

  @Test
  void unknownLinesAreNotRecognised() {
    assertTrue(VmkernelCatalog.recognise("2016-05-19T13:27:20.668Z cpu2:1)ScsiDeviceIO: 2651: Cmd(0x43) failed")
        .isEmpty());
    assertTrue(VmkernelCatalog.recognise("not a vmkernel line").isEmpty());
  }
}
