package org.svmsim.kernel.copy.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MirrorRegionsTest {
  private static void assertRoute(Route.Kind kind, long mirrorStart, long mirrorEnd, Route actual) {
    assertEquals(new Route(kind, mirrorStart, mirrorEnd), actual);
  }

  private static void assertSourceOnly(Route r) {
    assertEquals(Route.Kind.SOURCE_ONLY, r.kind());
    assertEquals(0, r.mirroredSectors());
  }

  private static void assertWaits(Route r) {
    assertEquals(Route.Kind.WAIT_FOR_CHUNK, r.kind());
    assertEquals(0, r.mirroredSectors());
  }

  @Test
  void beforeAnyCopyEveryWriteGoesToTheSourceOnly() {
    MirrorRegions m = new MirrorRegions(100);
    assertSourceOnly(m.route(0, 100));
    assertSourceOnly(m.route(50, 1));
    assertFalse(m.inFlight());
    assertEquals(-1, m.chunkStart());
    assertEquals(-1, m.chunkEnd());
  }

  @Test
  void whileAChunkIsInFlight() {
    MirrorRegions m = new MirrorRegions(100);
    assertEquals(10, m.beginChunk(10));
    m.chunkCopied();
    assertEquals(10, m.beginChunk(10)); // [10, 20) in flight, cursor at 10
    assertTrue(m.inFlight());
    assertEquals(10, m.chunkStart());
    assertEquals(20, m.chunkEnd());
    // Entirely before the cursor: mirrored.
    assertRoute(Route.Kind.MIRRORED, 2, 8, m.route(2, 6));
    assertRoute(Route.Kind.MIRRORED, 9, 10, m.route(9, 1));
    // Entirely after the chunk: the copy will carry it.
    assertSourceOnly(m.route(20, 5));
    assertSourceOnly(m.route(99, 1));
    // Touching the chunk in any way: wait for it.
    assertWaits(m.route(10, 1));
    assertWaits(m.route(19, 1));
    assertWaits(m.route(12, 4));
    assertWaits(m.route(9, 2)); // straddles the cursor into the chunk
    assertWaits(m.route(19, 2)); // straddles the chunk's end
    assertWaits(m.route(0, 100)); // covers it
  }

  @Test
  void betweenChunks() {
    MirrorRegions m = new MirrorRegions(100);
    m.beginChunk(10);
    m.chunkCopied();
    assertEquals(10, m.copiedUpTo());
    assertRoute(Route.Kind.MIRRORED, 0, 10, m.route(0, 10));
    assertRoute(Route.Kind.MIRRORED, 3, 7, m.route(3, 4));
    assertSourceOnly(m.route(10, 4));
    // Straddling the cursor: the copied part [lba, cursor) is mirrored, the rest goes to the source.
    Route split = m.route(8, 6);
    assertRoute(Route.Kind.SPLIT, 8, 10, split);
    assertEquals(2, split.mirroredSectors());
    assertRoute(Route.Kind.SPLIT, 0, 10, m.route(0, 100));
  }

  @Test
  void chunksAdvanceTheCursorAndTheLastOneIsShort() {
    MirrorRegions m = new MirrorRegions(25);
    assertEquals(10, m.beginChunk(10));
    m.chunkCopied();
    assertEquals(10, m.beginChunk(10));
    m.chunkCopied();
    assertEquals(5, m.beginChunk(10));
    assertEquals(25, m.chunkEnd());
    assertFalse(m.complete());
    m.chunkCopied();
    assertTrue(m.complete());
    assertEquals(0, m.beginChunk(10));
    assertFalse(m.inFlight());
    assertRoute(Route.Kind.MIRRORED, 0, 25, m.route(0, 25));
    assertRoute(Route.Kind.MIRRORED, 24, 25, m.route(24, 1));
  }

  @Test
  void abandoningAChunkLeavesTheCursorWhereItWas() {
    MirrorRegions m = new MirrorRegions(100);
    m.beginChunk(10);
    m.chunkCopied();
    m.beginChunk(10);
    m.abandonChunk();
    assertFalse(m.inFlight());
    assertEquals(10, m.copiedUpTo());
    assertSourceOnly(m.route(12, 2));
    assertRoute(Route.Kind.SPLIT, 5, 10, m.route(5, 10));
  }

  @Test
  void misuseIsRefused() {
    MirrorRegions m = new MirrorRegions(100);
    assertThrows(IllegalStateException.class, m::chunkCopied);
    m.beginChunk(10);
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> m.beginChunk(10));
    assertTrue(twice.getMessage().contains("[0, 10)"), twice.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> m.route(-1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> m.route(99, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> m.route(5, 0));
    assertThrows(IllegalArgumentException.class, () -> new MirrorRegions(0));
  }
}
