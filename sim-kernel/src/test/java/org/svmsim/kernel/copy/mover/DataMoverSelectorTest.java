package org.svmsim.kernel.copy.mover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.svmsim.kernel.config.DatastoreConfig;
import org.svmsim.kernel.id.DatastoreId;
import org.svmsim.kernel.perf.DatastorePerformance;

class DataMoverSelectorTest {
  private static final DatastorePerformance PERF = new DatastorePerformance(100_000_000L, 1_000_000L, 32);
  private static final long MIB = 1L << 20;

  private static DatastoreConfig ds(String uuid, long blockSize, String array, boolean vaai) {
    return new DatastoreConfig("ds-" + uuid.substring(0, 4), DatastoreId.of(uuid), blockSize, 1L << 40,
        1L << 40, array, vaai, PERF);
  }

  private static final String A = "57396b2a-3d2e4f10-8a3c-f8bc123449c2";
  private static final String B = "5739734e-f309ac87-4491-f8bc123449c2";

  private static DataMover auto(DatastoreConfig src, DatastoreConfig dst) {
    return DataMoverSelector.select("auto", src, dst).mover();
  }

  @Test
  void offloadOnlyWhenBothAreVaaiOnTheSameArray() {
    DataMoverSelector.Selection s = DataMoverSelector.select("auto", ds(A, MIB, "array1", true),
        ds(B, MIB, "array1", true));
    assertEquals(DataMover.OFFLOAD, s.mover());
    assertTrue(s.reason().contains("array1"), s.reason());
    assertEquals(DataMover.FS3DM, auto(ds(A, MIB, "array1", true), ds(B, MIB, "array2", true)));
    assertEquals(DataMover.FS3DM, auto(ds(A, MIB, "array1", true), ds(B, MIB, "array1", false)));
    // Differing block sizes rule out offload too.
    assertEquals(DataMover.FSDM, auto(ds(A, MIB, "array1", true), ds(B, 8 * MIB, "array1", true)));
    assertEquals(DataMover.FS3DM, auto(ds(A, MIB, "array1", false), ds(B, MIB, "array1", true)));
    assertEquals(DataMover.FS3DM, auto(ds(A, MIB, "array1", false), ds(B, MIB, "array1", false)));
  }

  @Test
  void fsdmWhenBlockSizesDiffer() {
    DataMoverSelector.Selection s = DataMoverSelector.select("auto", ds(A, MIB, "array1", false),
        ds(B, 8 * MIB, "array2", false));
    assertEquals(DataMover.FSDM, s.mover());
    assertTrue(s.reason().contains(Long.toString(MIB)) && s.reason().contains(Long.toString(8 * MIB)),
        s.reason());
    assertEquals(DataMover.FSDM, auto(ds(A, 8 * MIB, "array1", true), ds(B, MIB, "array2", true)));
  }

  @Test
  void fs3dmOtherwise() {
    DataMoverSelector.Selection s = DataMoverSelector.select("auto", ds(A, MIB, "x", false),
        ds(B, MIB, "y", false));
    assertEquals(DataMover.FS3DM, s.mover());
  }

  @Test
  void aForcedMoverIsUsedWhateverTheDatastores() {
    DatastoreConfig src = ds(A, MIB, "array1", true);
    DatastoreConfig dst = ds(B, MIB, "array1", true);
    DataMoverSelector.Selection s = DataMoverSelector.select("fsdm", src, dst);
    assertEquals(DataMover.FSDM, s.mover());
    assertTrue(s.reason().contains("forced"), s.reason());
    assertEquals(DataMover.FS3DM, DataMoverSelector.select("fs3dm", src, ds(B, 8 * MIB, "z", false)).mover());
    assertEquals(DataMover.OFFLOAD, DataMoverSelector.select("offload", src, dst).mover());
    assertThrows(IllegalArgumentException.class, () -> DataMoverSelector.select("bogus", src, dst));
  }
}
