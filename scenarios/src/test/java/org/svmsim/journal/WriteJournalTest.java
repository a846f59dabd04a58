package org.svmsim.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.io.IoRoute;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ExtentStore;

class WriteJournalTest {
  private static final VmId VM = new VmId("vm1");
  private static final String DISK = "vm1/scsi0:0";

  private static KernelEvent.GuestIoCompleted write(long lba, long sectors, long tag) {
    return new KernelEvent.GuestIoCompleted(VM, 0, tag, true, lba, sectors, tag, IoRoute.DIRECT, false, 1);
  }

  private static List<String> lines(StringWriter w) {
    return w.toString().lines().toList();
  }

  @Test
  void oneLinePerBlockOfEachAcknowledgedWriteInAcknowledgementOrder() {
    StringWriter out = new StringWriter();
    WriteJournal j = new WriteJournal(out);
    j.onEvent(10, write(8, 2, 5));
    j.onEvent(20, new KernelEvent.GuestIoCompleted(VM, 0, 9, false, 0, 8, 0, IoRoute.DIRECT, false, 1));
    j.onEvent(30, write(9, 1, 6));
    BlockDigest d = new BlockDigest();
    assertEquals(List.of(
        "{\"seq\":1,\"timeNs\":10,\"disk\":\"vm1/scsi0:0\",\"block\":8,\"digest\":\"" + d.of(5, 8) + "\"}",
        "{\"seq\":1,\"timeNs\":10,\"disk\":\"vm1/scsi0:0\",\"block\":9,\"digest\":\"" + d.of(5, 9) + "\"}",
        "{\"seq\":2,\"timeNs\":30,\"disk\":\"vm1/scsi0:0\",\"block\":9,\"digest\":\"" + d.of(6, 9) + "\"}"),
        lines(out), "reads are not journalled");
  }

  @Test
  void aLateAcknowledgementOfAnOlderOverlappingWriteJournalsTheNewerContentTheBlockKeeps() {
    StringWriter out = new StringWriter();
    WriteJournal j = new WriteJournal(out);
    j.onEvent(10, write(0, 2, 7));
    j.onEvent(20, write(1, 2, 6));
    BlockDigest d = new BlockDigest();
    List<String> l = lines(out);
    assertEquals(4, l.size());
    assertEquals(true, l.get(2).contains("\"block\":1,\"digest\":\"" + d.of(7, 1) + "\""), l.get(2));
    assertEquals(true, l.get(3).contains("\"block\":2,\"digest\":\"" + d.of(6, 2) + "\""), l.get(3));
  }

  @Test
  void theFinalDumpReadsEveryWrittenBlockFromTheDiskTheVmRunsOn() {
    WriteJournal j = new WriteJournal(new StringWriter());
    j.onEvent(10, write(4, 2, 5));
    j.onEvent(11, write(100, 1, 6));
    BlockStore store = new ExtentStore(1024, -3);
    store.write(4, 2, 5);
    store.write(100, 1, 99); // not what the guest was told: the dump must show what the disk holds
    StringWriter out = new StringWriter();
    j.writeFinalDisks(out, Map.of(DISK, store));
    BlockDigest d = new BlockDigest();
    assertEquals(List.of("{\"blockSize\":512,\"disks\":[\"vm1/scsi0:0\"]}",
        "{\"disk\":\"vm1/scsi0:0\",\"block\":4,\"digest\":\"" + d.of(5, 4) + "\"}",
        "{\"disk\":\"vm1/scsi0:0\",\"block\":5,\"digest\":\"" + d.of(5, 5) + "\"}",
        "{\"disk\":\"vm1/scsi0:0\",\"block\":100,\"digest\":\"" + d.of(99, 100) + "\"}"), lines(out));
  }

  @Test
  void theDigestIsTheStartOfTheSha256OfTheSectorsBytes() throws Exception {
    byte[] sector = new byte[512];
    org.svmsim.kernel.storage.SectorContent.fill(42, 7, sector, 0);
    byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(sector);
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      hex.append(String.format("%02x", sha[i]));
    }
    assertEquals(hex.toString(), new BlockDigest().of(42, 7));
  }
}
