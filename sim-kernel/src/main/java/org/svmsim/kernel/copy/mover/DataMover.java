package org.svmsim.kernel.copy.mover;

import org.svmsim.kernel.perf.IoQueue;

/**
 * The kernel's data movers (DOMAIN.md section 5) and what one chunk costs each of them on the datastores'
 * queues. Modelled: offload hands the array one command per chunk and the array moves the data inside;
 * fs3dm pipelines large reads and writes in the kernel; fsdm goes through the whole stack, one small
 * synchronous read then write at a time, paying a software cost per I/O (why it measured ~15 MB/s
 * against ~114 MB/s for fs3dm).
 */
public enum DataMover {
  OFFLOAD("offload", 4L << 20, 0),
  FS3DM("fs3dm", 1L << 20, 20_000),
  FSDM("fsdm", 64L << 10, 300_000);

  private final String id;
  private final long ioBytes;
  private final long perIoNanos;

  DataMover(String id, long ioBytes, long perIoNanos) {
    this.id = id;
    this.ioBytes = ioBytes;
    this.perIoNanos = perIoNanos;
  }

  @com.fasterxml.jackson.annotation.JsonValue
  public String id() {
    return id;
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

  /** Copies {@code bytes} starting at {@code now}; returns when the last byte is on the destination. */
  public long copy(long now, IoQueue source, IoQueue destination, long bytes) {
    long done = now;
    long issue = now;
    for (long off = 0; off < bytes; off += ioBytes) {
      long len = Math.min(ioBytes, bytes - off);
      switch (this) {
        case OFFLOAD -> done = Math.max(done, destination.submit(issue, len));
        case FS3DM -> {
          long read = source.submit(issue, len);
          done = Math.max(done, destination.submit(read + perIoNanos, len));
          issue = read;
        }
        case FSDM -> {
          long read = source.submit(issue, len);
          done = destination.submit(read + perIoNanos, len) + perIoNanos;
          issue = done;
        }
      }
    }
    return done;
  }
}
