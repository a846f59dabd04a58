package org.svmsim.vmx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.svmsim.kernel.log.EventScript;
import org.svmsim.kernel.log.MessageTemplate;

class VmwareCatalogTest {

  @ParameterizedTest
  @EnumSource(VmwareCatalog.class)
  void everyEntryRendersAGrammaticalLineThatItAloneRecognises(VmwareCatalog entry) {
    Object[] args = IntStream.range(0, entry.template().arity()).mapToObj(i -> "arg" + i).toArray();
    String line = entry.line("2016-05-19T12:59:29.721Z", entry.thread(), args);
    assertTrue(EventScript.VMX_OLD.matcher(line).matches(), line);
    String message = entry.template().render(args);
    // A generic family (a [msg.*] entry) may match too, but the specific one is found first.
    assertEquals(entry, VmwareCatalog.find(MessageTemplate.normalise(message)), "entry of " + message);
    VmwareCatalog.Recognised r = VmwareCatalog.recognise(line).orElseThrow();
    assertEquals(entry, r.entry());
    assertEquals(Arrays.asList(args), r.args());
    assertEquals(entry.thread(), r.thread());
  }

  @Test
  void recognisesTheSeedsLine() {
    VmwareCatalog.Recognised r = VmwareCatalog.recognise("2016-05-19T12:59:29.721Z| vcpu-0| I120: DumpDiskInfo:"
        + " scsi0:0 createType=11, capacity = 33554432, numLinks = 1, allocationType = 1").orElseThrow();
    assertEquals(Instant.parse("2016-05-19T12:59:29.721Z"), r.timestamp());
    assertEquals("vcpu-0", r.thread());
    assertEquals("I120", r.level());
    assertEquals(VmwareCatalog.DISK_INFO, r.entry());
    assertEquals(List.of("scsi0:0", "11", "33554432", "1", "1"), r.args());
  }

  @Test
  void recognisesTheNewerFormatToo() {
    VmwareCatalog.Recognised r = VmwareCatalog.recognise(
        "2023-01-02T03:04:05.678Z In(05) vcpu-0 - Checkpoint_Unstun: vm stopped for 188405 us").orElseThrow();
    assertEquals("In(05)", r.level());
    assertEquals("vcpu-0", r.thread());
    assertEquals(VmwareCatalog.UNSTUNNED, r.entry());
    assertEquals(List.of("188405"), r.args());
  }

  @Test
  void unknownLinesAreNotRecognised() {
    assertTrue(VmwareCatalog.recognise("2016-05-19T12:59:29.723Z| vcpu-0| I120: VMXNET3 user: Ethernet1 is fine")
        .isEmpty());
    assertTrue(VmwareCatalog.recognise("garbage").isEmpty());
  }
}
