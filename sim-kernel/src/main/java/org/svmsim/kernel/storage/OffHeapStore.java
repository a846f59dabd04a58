package org.svmsim.kernel.storage;

import java.nio.ByteBuffer;

/**
 * A disk of real bytes in off-heap memory ({@code ByteBuffer.allocateDirect}), one buffer per segment made
 * on first write, so a disk may be larger than 2 GiB and costs only what was written. The JVM caps direct
 * memory at {@code -XX:MaxDirectMemorySize} (by default the heap's maximum).
 */
public final class OffHeapStore extends SegmentedStore {
  private final ByteBuffer[] segments;

  /** A disk whose every sector holds {@code initialTag}, with sectors verified as they are read. */
  public OffHeapStore(long capacitySectors, long initialTag) {
    this(capacitySectors, initialTag, DEFAULT_SEGMENT_SECTORS, true);
  }

  public OffHeapStore(long capacitySectors, long initialTag, int segmentSectors, boolean verifyReads) {
    super(capacitySectors, initialTag, segmentSectors, verifyReads);
    this.segments = new ByteBuffer[(int) ((capacitySectors + segmentSectors - 1) / segmentSectors)];
  }

  @Override
  protected void load(int segment, int offset, byte[] dst, int off, int len) {
    segments[segment].get(offset, dst, off, len);
  }

  @Override
  protected void store(int segment, int offset, byte[] src, int off, int len) {
    segments[segment].put(offset, src, off, len);
  }

  /** Off-heap to off-heap: one {@code ByteBuffer.put} between the two segments. */
  @Override
  protected boolean transfer(int segment, int offset, SegmentedStore dst, int dstSegment, int dstOffset, int len) {
    if (!(dst instanceof OffHeapStore o)) {
      return false;
    }
    o.segments[dstSegment].put(dstOffset, segments[segment], offset, len);
    return true;
  }

  /** Called once per segment, under the store's first-write lock, before its bit is published. */
  @Override
  protected void allocate(int segment) {
    segments[segment] = ByteBuffer.allocateDirect(segmentSectors() * SECTOR);
  }

  @Override
  protected boolean freshSegmentsAreZero() {
    return true; // allocateDirect zeroes the memory
  }

  /** Lets the buffers go; the garbage collector frees their memory. */
  @Override
  public void close() {
    java.util.Arrays.fill(segments, null);
  }
}
