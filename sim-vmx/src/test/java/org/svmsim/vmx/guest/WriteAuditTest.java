package org.svmsim.vmx.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.storage.ExtentStore;

class WriteAuditTest {
  private static final long INITIAL = Long.MIN_VALUE | 3;
  private final WriteAudit audit = new WriteAudit(100, INITIAL);
  private final ExtentStore disk = new ExtentStore(100, INITIAL);

  @Test
  void anUntouchedDiskLosesNothing() {
    assertEquals(0, audit.lostWrites(disk));
  }

  @Test
  void anAcknowledgedWriteOnTheDiskIsNotLost() {
    disk.write(10, 8, 5);
    audit.acknowledged(10, 8, 5);
    assertEquals(0, audit.lostWrites(disk));
  }

  @Test
  void anAcknowledgedWriteMissingFromTheDiskIsLost() {
    audit.acknowledged(10, 8, 5);
    assertEquals(1, audit.lostWrites(disk));
    disk.write(10, 7, 5); // one sector short
    assertEquals(1, audit.lostWrites(disk));
    disk.write(17, 1, 5);
    assertEquals(0, audit.lostWrites(disk));
  }

  @Test
  void eachMissingWriteCountsOnce() {
    audit.acknowledged(0, 30, 5);
    audit.acknowledged(10, 5, 6); // splits write 5 into two runs
    audit.acknowledged(50, 5, 7);
    assertEquals(3, audit.lostWrites(disk));
    disk.write(0, 30, 5);
    assertEquals(2, audit.lostWrites(disk), "5 found in both of its runs, 6 and 7 missing");
  }

  @Test
  void anOlderWriteAcknowledgedLateDoesNotOverwriteANewerOne() {
    disk.write(0, 8, 3);
    disk.write(0, 8, 9);
    audit.acknowledged(0, 8, 9);
    audit.acknowledged(0, 8, 3); // issued first, acknowledged last
    assertEquals(0, audit.lostWrites(disk));
    ExtentStore stale = new ExtentStore(100, INITIAL);
    stale.write(0, 8, 3);
    assertEquals(1, audit.lostWrites(stale), "the disk holds the older write: 9 is lost");
  }

  @Test
  void aLateOlderWriteStillCountsWhereNothingNewerCoversIt() {
    audit.acknowledged(0, 8, 9);
    audit.acknowledged(4, 8, 3); // [8, 12) is only ever written by 3
    disk.write(4, 8, 3);
    disk.write(0, 8, 9);
    assertEquals(0, audit.lostWrites(disk));
    ExtentStore missing = new ExtentStore(100, INITIAL);
    missing.write(0, 8, 9);
    assertEquals(1, audit.lostWrites(missing));
  }

  @Test
  void aNewerWriteStillInFlightSupersedesAnAcknowledgedOneButNothingElseDoes() {
    disk.write(0, 8, 5);
    audit.issued(5);
    audit.acknowledged(0, 8, 5);
    disk.write(0, 8, 6);
    audit.issued(6); // the run stops before 6 is acknowledged
    assertEquals(0, audit.lostWrites(disk));
    disk.write(0, 8, 4);
    audit.issued(4);
    assertEquals(1, audit.lostWrites(disk), "an older write in flight does not excuse losing 5");
    disk.write(0, 8, 7);
    assertEquals(1, audit.lostWrites(disk), "7 was never issued");
  }

  @Test
  void missingInitialContentCountsAsLost() {
    disk.write(99, 1, 0);
    assertEquals(1, audit.lostWrites(disk));
  }
}
