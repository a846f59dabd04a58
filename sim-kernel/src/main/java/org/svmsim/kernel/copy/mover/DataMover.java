package org.svmsim.kernel.copy.mover;

/**
 * The kernel's data movers (DOMAIN.md section 5) and how each one moves data, I/O by I/O (see
 * {@link RangeCopy}). Modelled: offload hands the array one XCOPY command per at most 4 MiB (the default
 * {@code DataMover.MaxHWTransferSize}) and the array moves the data inside, so only the destination's
 * service is used; fs3dm pipelines a few 1 MiB reads and writes in the kernel; fsdm goes through the whole
 * stack, one synchronous 64 KiB read then write at a time, paying a software cost per I/O (why it measured
 * ~15 MB/s against ~114 MB/s for fs3dm). The numbers of buffers in flight (4 for fs3dm and offload) and the
 * software costs are guesses: ESXi does not publish them; QEMU's mirror keeps 16 x 1 MiB in flight.
 */
public enum DataMover {
  OFFLOAD("offload", 4L << 20, 4, 0, false),
  FS3DM("fs3dm", 1L << 20, 4, 20_000, true),
  FSDM("fsdm", 64L << 10, 1, 300_000, true);

  private final String id;
  private final long ioBytes;
  private final int buffers;
  private final long perIoNanos;
  private final boolean readsSource;

  DataMover(String id, long ioBytes, int buffers, long perIoNanos, boolean readsSource) {
    this.id = id;
    this.ioBytes = ioBytes;
    this.buffers = buffers;
    this.perIoNanos = perIoNanos;
    this.readsSource = readsSource;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  public String id() {
    return id;
  }

  /** The size of one read and one write (offload: one command). */
  public long ioBytes() {
    return ioBytes;
  }

  /** How many I/Os the mover keeps in flight: each buffer is read, then written, then reused. */
  public int buffers() {
    return buffers;
  }

  /** The mover's software cost after each I/O it handles, before its next step with that buffer. */
  public long perIoNanos() {
    return perIoNanos;
  }

  /** False for offload: the array reads the source itself, the host only issues commands. */
  public boolean readsSource() {
    return readsSource;
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public static DataMover of(String id) {
    for (DataMover m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no data mover '" + id + "'");
  }
}
