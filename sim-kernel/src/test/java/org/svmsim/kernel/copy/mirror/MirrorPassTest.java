package org.svmsim.kernel.copy.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.svmsim.kernel.copy.Interleavings;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.ByteStore;
import org.svmsim.kernel.storage.ExtentStore;

class MirrorPassTest {
  private static final long INITIAL = -1;
  private final ExtentStore source = new ExtentStore(100, INITIAL);
  private final ExtentStore destination = new ExtentStore(100, 0);
  private final MirrorPass pass = new MirrorPass(source, destination);
  private long nextId = 1;

  private MirrorPass.GuestWrite w(long lba, long sectors, long tag) {
    return new MirrorPass.GuestWrite(nextId++, lba, sectors, tag);
  }

  /** Applied at once: its Applied; held: null (its handle is then checked by the caller's own list). */
  private static MirrorPass.Applied write(MirrorPass p, MirrorPass.GuestWrite w) {
    MirrorPass.Applied[] now = new MirrorPass.Applied[1];
    boolean applied = p.write(w, a -> now[0] = now[0] == null ? a : fail("handle called twice for " + w));
    assertEquals(applied, now[0] != null, "the handle runs at once exactly when the write is applied now");
    return applied ? now[0] : null;
  }

  /** Copies chunks of {@code size} until the cursor is at {@code upTo}. */
  private void copyUpTo(long upTo, long size) {
    while (pass.regions().copiedUpTo() < upTo) {
      pass.beginChunk(size);
      pass.finishChunk();
    }
  }

  @Test
  void writesBeforeTheCursorAreMirrored() {
    copyUpTo(20, 10);
    pass.beginChunk(10);
    MirrorPass.Applied a = write(pass, w(4, 4, 7));
    assertEquals(Route.Kind.MIRRORED, a.route().kind());
    assertFalse(a.wasHeld());
    assertEquals(7, source.tagAt(4));
    assertEquals(7, destination.tagAt(4));
    assertEquals(7, destination.tagAt(7));
    assertEquals(INITIAL, destination.tagAt(8));
    assertEquals(1, pass.stats().mirrored());
  }

  @Test
  void writesAfterTheChunkGoToTheSourceOnlyAndTheCopyCarriesThem() {
    pass.beginChunk(10);
    MirrorPass.Applied a = write(pass, w(50, 5, 7));
    assertEquals(Route.Kind.SOURCE_ONLY, a.route().kind());
    assertEquals(7, source.tagAt(50));
    assertEquals(0, destination.tagAt(50));
    pass.finishChunk();
    copyUpTo(100, 10);
    assertEquals(7, destination.tagAt(54));
    assertEquals(-1, pass.firstDifference());
    assertEquals(1, pass.stats().sourceOnly());
    assertEquals(100, pass.stats().copiedSectors());
  }

  @Test
  void writesStraddlingTheCursorBetweenChunksAreSplit() {
    copyUpTo(30, 10);
    MirrorPass.Applied a = write(pass, w(25, 10, 7));
    assertEquals(new Route(Route.Kind.SPLIT, 25, 30), a.route());
    assertEquals(7, source.tagAt(34));
    assertEquals(7, destination.tagAt(29));
    assertEquals(0, destination.tagAt(30), "the part past the cursor is left to the copy");
    assertEquals(1, pass.stats().split());
  }

  @Test
  void writesTouchingTheChunkWaitThenApplyMirroredInArrivalOrder() {
    copyUpTo(10, 10);
    assertEquals(10, pass.beginChunk(10)); // [10, 20)
    assertNull(write(pass, w(12, 2, 7)));
    assertNull(write(pass, w(5, 10, 8))); // straddles the cursor into the chunk
    assertNull(write(pass, w(18, 4, 9))); // straddles the chunk's end
    assertEquals(3, pass.heldWrites());
    assertEquals(INITIAL, source.tagAt(12), "a held write is not applied yet");
    List<MirrorPass.Applied> released = pass.finishChunk();
    assertEquals(List.of(1L, 2L, 3L), released.stream().map(a -> a.write().id()).toList());
    assertTrue(released.stream().allMatch(MirrorPass.Applied::wasHeld));
    assertEquals(new Route(Route.Kind.MIRRORED, 12, 14), released.get(0).route());
    assertEquals(new Route(Route.Kind.MIRRORED, 5, 15), released.get(1).route());
    assertEquals(new Route(Route.Kind.SPLIT, 18, 20), released.get(2).route());
    assertEquals(0, pass.heldWrites());
    // The later write 8 covers 12..14 on both disks.
    assertEquals(8, source.tagAt(12));
    assertEquals(8, destination.tagAt(12));
    assertEquals(9, source.tagAt(21));
    assertEquals(9, destination.tagAt(19));
    assertEquals(0, destination.tagAt(20));
    assertEquals(3, pass.stats().held());
    assertEquals(2, pass.stats().mirrored());
    assertEquals(1, pass.stats().split());
  }

  @Test
  void theChunkCarriesTheSourceAsItWasWhenReadAndHeldWritesLandOnTop() {
    pass.beginChunk(10);
    assertNull(write(pass, w(3, 2, 7)));
    pass.finishChunk();
    assertEquals(INITIAL, destination.tagAt(2));
    assertEquals(7, destination.tagAt(3));
    assertEquals(-1, source.extents().firstDifference(destination.extents(), 0, 10));
  }

  @Test
  void aWriteOverlappingAHeldWriteIsHeldBehindIt() {
    copyUpTo(10, 10);
    pass.beginChunk(10); // [10, 20)
    assertNull(write(pass, w(18, 6, 7))); // touches the chunk
    assertNull(write(pass, w(22, 4, 8)), "overlaps the held write, though after the chunk");
    MirrorPass.Applied free = write(pass, w(40, 2, 9));
    assertNotNull(free, "a write overlapping nothing held is not held");
    assertEquals(Route.Kind.SOURCE_ONLY, free.route().kind());
    assertEquals(Route.Kind.MIRRORED, write(pass, w(0, 1, 10)).route().kind());
    assertEquals(2, pass.heldWrites());
    List<MirrorPass.Applied> released = pass.finishChunk();
    assertEquals(2, released.size());
    assertEquals(8, released.get(1).write().tag());
    assertEquals(Route.Kind.SOURCE_ONLY, released.get(1).route().kind());
    // Issue order on the overlap [22, 24): the later write wins.
    assertEquals(8, source.tagAt(22));
    assertEquals(7, source.tagAt(21));
  }

  @Test
  void aHeldWritesHandleRunsOnceWhenItsChunkLandsInArrivalOrder() {
    pass.beginChunk(10);
    List<Long> done = new ArrayList<>();
    assertFalse(pass.write(w(2, 2, 7), a -> done.add(a.write().id())));
    assertTrue(pass.write(w(30, 2, 8), a -> done.add(a.write().id())), "not held: its handle runs at once");
    assertFalse(pass.write(w(3, 4, 9), a -> done.add(a.write().id())));
    assertEquals(List.of(2L), done, "no held write completes before its chunk lands");
    pass.finishChunk();
    assertEquals(List.of(2L, 1L, 3L), done);
    pass.beginChunk(10);
    pass.finishChunk();
    assertEquals(List.of(2L, 1L, 3L), done, "a handle runs once");
  }

  @Test
  void abandonReleasesHeldWritesToTheSourceOnly() {
    copyUpTo(10, 10);
    pass.beginChunk(10);
    assertNull(write(pass, w(5, 10, 7)));
    assertNull(write(pass, w(14, 2, 8)));
    List<MirrorPass.Applied> released = pass.abandon();
    assertEquals(List.of(7L, 8L), released.stream().map(a -> a.write().tag()).toList());
    assertTrue(released.stream().allMatch(a -> a.route().kind() == Route.Kind.SOURCE_ONLY && a.wasHeld()));
    assertEquals(7, source.tagAt(5));
    assertEquals(8, source.tagAt(14));
    assertEquals(INITIAL, destination.tagAt(5), "the destination is given up: nothing more reaches it");
    assertEquals(0, destination.tagAt(14));
    assertEquals(0, pass.heldWrites());
    assertFalse(pass.regions().inFlight());
    assertEquals(10, pass.regions().copiedUpTo());
    assertEquals(2, pass.stats().sourceOnly());
  }

  @Test
  void ownerAndIssueTimeTravelThroughAHold() {
    pass.beginChunk(10);
    Object owner = new Object();
    assertNull(write(pass, new MirrorPass.GuestWrite(5, 1, 1, 7, owner, 1234)));
    MirrorPass.GuestWrite back = pass.finishChunk().get(0).write();
    assertTrue(back.owner() == owner);
    assertEquals(1234, back.issuedAt());
  }

  @Test
  void sizesMustMatch() {
    assertThrows(IllegalArgumentException.class,
        () -> new MirrorPass(new ExtentStore(10, 0), new ExtentStore(11, 0)));
  }

  @Test
  void finishingWithoutAChunkInFlightIsAnIllegalState() {
    assertThrows(IllegalStateException.class, pass::finishChunk);
  }

  // ---- property test: random interleavings across many seeds -----------------------------------

  /**
   * Random interleavings of chunks and guest writes. Invariants checked after every step: the source is
   * the applied writes in issue order; below the cursor the destination equals the source; an
   * immediately applied write took the route the rules give. At the end (pass complete, nothing held)
   * the disks are equal and hold, for every sector, the last write issued to it.
   */
  @Test
  void randomInterleavingsEndWithEqualDisksHoldingTheLastWrites() {
    Interleavings.checkSeeds(200, ExtentStore::new, MirrorPassTest::runOneSeed);
  }

  /**
   * The same on disks of real bytes: every sector read back is checked against its tag's content, and
   * at the end the destination equals the source byte for byte.
   */
  @Test
  void randomInterleavingsOnRealBytesEndWithByteIdenticalDisks() {
    Interleavings.checkSeeds(40, ByteStore::new, MirrorPassTest::runOneSeed);
  }

  private static void runOneSeed(long seed, Interleavings.StoreKind kind) {
    SplittableRandom r = new SplittableRandom(seed);
    int capacity = 16 + r.nextInt(240);
    BlockStore src = kind.create(capacity, INITIAL);
    BlockStore dst = kind.create(capacity, 0);
    MirrorPass p = new MirrorPass(src, dst);
    long[] issued = new long[capacity];
    long[] applied = new long[capacity];
    Arrays.fill(issued, INITIAL);
    Arrays.fill(applied, INITIAL);
    List<MirrorPass.GuestWrite> held = new ArrayList<>();
    long tag = 0;
    int steps = 0;
    while (!(p.regions().complete() && !p.regions().inFlight()) || r.nextInt(4) != 0) {
      String where = "seed " + seed + " step " + steps++;
      if (steps > 100_000) {
        throw new AssertionError(where + ": the pass does not finish");
      }
      int action = r.nextInt(10);
      MirrorRegions regions = p.regions();
      if (action == 0 && !regions.inFlight() && !regions.complete()) {
        assertTrue(p.beginChunk(1 + r.nextInt(48)) > 0, where);
      } else if (action == 1 && regions.inFlight()) {
        for (MirrorPass.Applied a : p.finishChunk()) {
          assertTrue(a.wasHeld(), where);
          assertEquals(held.remove(0), a.write(), () -> where + ": held writes leave in arrival order");
          Arrays.fill(applied, (int) a.write().lba(), (int) (a.write().lba() + a.write().sectors()),
              a.write().tag());
        }
        assertTrue(held.isEmpty(), () -> where + ": a write is still held after its chunk: " + held);
      } else {
        int[] iv = place(r, capacity, regions);
        MirrorPass.GuestWrite w = new MirrorPass.GuestWrite(++tag, iv[0], iv[1] - iv[0], tag);
        Route expected = expectedRoute(regions, iv[0], iv[1]);
        boolean mustHold = expected.kind() == Route.Kind.WAIT_FOR_CHUNK || overlaps(held, iv[0], iv[1]);
        Arrays.fill(issued, iv[0], iv[1], tag);
        MirrorPass.Applied a = write(p, w);
        if (mustHold) {
          assertNull(a, () -> where + ": write " + w + " should be held (" + expected + ")");
          held.add(w);
        } else {
          assertNotNull(a, () -> where + ": write " + w + " should not be held");
          assertEquals(expected, a.route(), () -> where + ": route of " + w);
          Arrays.fill(applied, iv[0], iv[1], tag);
        }
      }
      assertEquals(held.size(), p.heldWrites(), where);
      long[] onSource = tags(src);
      if (!Arrays.equals(applied, onSource)) {
        int s = Arrays.mismatch(applied, onSource);
        fail(where + ": source sector " + s + " holds " + onSource[s] + ", expected " + applied[s]);
      }
      long cursor = p.regions().copiedUpTo();
      if (cursor > 0) {
        assertArrayEquals(src.read(0, cursor).runs(), dst.read(0, cursor).runs(),
            () -> where + ": destination differs from source below the cursor " + cursor);
      }
    }
    String where = "seed " + seed + " at the end";
    assertEquals(0, p.heldWrites(), where);
    assertEquals(-1, p.firstDifference(), where + ": source and destination differ");
    long[] onSource = tags(src);
    if (!Arrays.equals(issued, onSource)) {
      int s = Arrays.mismatch(issued, onSource);
      fail(where + ": sector " + s + " holds " + onSource[s] + ", not its last write " + issued[s]);
    }
    assertEquals(capacity, p.stats().copiedSectors(), where);
  }

  private static long[] tags(BlockStore store) {
    long[] out = new long[(int) store.capacitySectors()];
    long[] runs = store.read(0, out.length).runs();
    for (int i = 0; i < runs.length; i += 3) {
      Arrays.fill(out, (int) runs[i], (int) runs[i + 1], runs[i + 2]);
    }
    return out;
  }

  /** A write placed before the cursor, in or around the chunk, after it, or anywhere. */
  private static int[] place(SplittableRandom r, int capacity, MirrorRegions regions) {
    int cursor = (int) regions.copiedUpTo();
    int chunkEnd = regions.inFlight() ? (int) regions.chunkEnd() : cursor;
    int len = 1 + r.nextInt(12);
    int lba = switch (r.nextInt(5)) {
      case 0 -> cursor == 0 ? 0 : r.nextInt(cursor); // before the cursor (may straddle)
      case 1 -> Math.max(0, cursor - r.nextInt(len + 1)); // at or around the cursor
      case 2 -> cursor + r.nextInt(Math.max(1, chunkEnd - cursor)); // inside the chunk
      case 3 -> chunkEnd + r.nextInt(Math.max(1, capacity - chunkEnd)); // after the chunk
      default -> r.nextInt(capacity);
    };
    lba = Math.min(lba, capacity - 1);
    return new int[] {lba, Math.min(capacity, lba + len)};
  }

  /** The rules of DOMAIN.md section 3, written out independently of MirrorRegions. */
  private static Route expectedRoute(MirrorRegions regions, long start, long end) {
    long cursor = regions.copiedUpTo();
    if (regions.inFlight() && start < regions.chunkEnd() && end > regions.chunkStart()) {
      return new Route(Route.Kind.WAIT_FOR_CHUNK, 0, 0);
    }
    if (end <= cursor) {
      return new Route(Route.Kind.MIRRORED, start, end);
    }
    if (start < cursor) {
      return new Route(Route.Kind.SPLIT, start, cursor);
    }
    return new Route(Route.Kind.SOURCE_ONLY, 0, 0);
  }

  private static boolean overlaps(List<MirrorPass.GuestWrite> held, long start, long end) {
    return held.stream().anyMatch(h -> start < h.lba() + h.sectors() && h.lba() < end);
  }
}
