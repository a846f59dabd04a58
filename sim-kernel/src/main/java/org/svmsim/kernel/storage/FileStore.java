package org.svmsim.kernel.storage;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A disk of real bytes in a flat file, by positional {@code FileChannel} I/O. The file is created new
 * (an existing file is never touched) and sparse: a segment never written is a hole and reads as the
 * initial content. Optionally {@code O_DIRECT} (through {@code ExtendedOpenOption.DIRECT}: I/O then goes
 * through an aligned buffer in whole file-system blocks, read-modify-write at the edges) and an fsync
 * policy.
 */
public final class FileStore extends SegmentedStore {
  /** When the file's data is forced to the device. */
  public enum Sync {
    /** Never: the page cache decides (fast, what a benchmark of the copy path wants). */
    NEVER,
    /** At {@link #flush()} and {@link #close()}. */
    ON_FLUSH,
    /** After every write: each write is durable when it returns. */
    EVERY_WRITE
  }

  private final Path path;
  private final FileChannel channel;
  private final Sync sync;
  private final int alignment; // 0 without O_DIRECT
  private ByteBuffer bounce;

  private FileStore(Path path, long capacitySectors, long initialTag, boolean direct, Sync sync,
      boolean verifyReads) throws IOException {
    super(capacitySectors, initialTag, DEFAULT_SEGMENT_SECTORS, verifyReads);
    try (FileChannel create = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.SPARSE)) {
      create.write(ByteBuffer.allocate(1), capacitySectors * SECTOR - 1); // the disk's size, as a hole
    }
    List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
    if (direct) {
      options.add(ExtendedOpenOption.DIRECT);
    }
    this.channel = FileChannel.open(path, options.toArray(OpenOption[]::new));
    this.path = path;
    this.sync = sync;
    this.alignment = direct ? (int) Math.max(SECTOR, Files.getFileStore(path).getBlockSize()) : 0;
  }

  /** Creates the disk's file at {@code path}, which must not exist; plain buffered I/O, no fsync. */
  public static FileStore create(Path path, long capacitySectors, long initialTag) {
    return create(path, capacitySectors, initialTag, false, Sync.NEVER, true);
  }

  public static FileStore create(Path path, long capacitySectors, long initialTag, boolean direct, Sync sync,
      boolean verifyReads) {
    try {
      return new FileStore(path, capacitySectors, initialTag, direct, sync, verifyReads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the disk file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected void load(int segment, int offset, byte[] dst, int off, int len) {
    long at = position(segment, offset);
    try {
      if (alignment == 0) {
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        while (buf.hasRemaining()) {
          if (channel.read(buf, at + buf.position() - off) < 0) {
            throw new IOException("end of file at " + (at + buf.position() - off));
          }
        }
      } else {
        ByteBuffer aligned = alignedRead(at, len);
        aligned.get((int) (at - alignDown(at)), dst, off, len);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("read of " + path + " at byte " + at + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected void store(int segment, int offset, byte[] src, int off, int len) {
    long at = position(segment, offset);
    try {
      if (alignment == 0) {
        ByteBuffer buf = ByteBuffer.wrap(src, off, len);
        while (buf.hasRemaining()) {
          channel.write(buf, at + buf.position() - off);
        }
      } else {
        ByteBuffer aligned = alignedRead(at, len); // read-modify-write of the edge blocks
        aligned.put((int) (at - alignDown(at)), src, off, len);
        aligned.position(0);
        long start = alignDown(at);
        while (aligned.hasRemaining()) {
          channel.write(aligned, start + aligned.position());
        }
      }
      if (sync == Sync.EVERY_WRITE) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("write of " + path + " at byte " + at + ": " + e.getMessage(), e);
    }
  }

  /**
   * File to file, both through the page cache: {@code FileChannel.transferTo}, the kernel copying between
   * the two files without the bytes entering the JVM. Not with {@code O_DIRECT} (aligned buffers instead).
   */
  @Override
  protected boolean transfer(int segment, int offset, SegmentedStore dst, int dstSegment, int dstOffset, int len) {
    if (!(dst instanceof FileStore f) || alignment != 0 || f.alignment != 0) {
      return false;
    }
    long from = position(segment, offset);
    long to = f.position(dstSegment, dstOffset);
    try {
      synchronized (f.channel) { // transferTo writes at the target's position: one copier at a time
        for (long done = 0; done < len; ) {
          f.channel.position(to + done);
          long n = channel.transferTo(from + done, len - done, f.channel);
          if (n <= 0) {
            throw new IOException("end of file at " + (from + done));
          }
          done += n;
        }
      }
      if (f.sync == Sync.EVERY_WRITE) {
        f.channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("copy of " + path + " at byte " + from + " to " + f.path + ": "
          + e.getMessage(), e);
    }
    return true;
  }

  /** The aligned blocks around {@code [at, at + len)}, read into the bounce buffer (limit set to them). */
  private ByteBuffer alignedRead(long at, int len) throws IOException {
    long start = alignDown(at);
    int size = (int) (alignDown(at + len + alignment - 1) - start);
    if (bounce == null || bounce.capacity() < size + alignment) {
      bounce = ByteBuffer.allocateDirect(size + 2 * alignment).alignedSlice(alignment);
    }
    ByteBuffer buf = bounce.duplicate();
    buf.clear().limit(size);
    while (buf.hasRemaining()) {
      int n = channel.read(buf, start + buf.position());
      if (n < 0) { // past the end of a file whose size is not a multiple of the block: zeroes
        while (buf.hasRemaining()) {
          buf.put((byte) 0);
        }
      }
    }
    buf.flip();
    return buf;
  }

  private long alignDown(long at) {
    return at / alignment * alignment;
  }

  private long position(int segment, int offset) {
    return (long) segment * segmentSectors() * SECTOR + offset;
  }

  @Override
  protected boolean freshSegmentsAreZero() {
    return true; // a hole of a new file reads as zeroes
  }

  /** Forces written data to the device unless the policy is {@link Sync#NEVER}. */
  public void flush() {
    if (sync == Sync.NEVER) {
      return;
    }
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("fsync of " + path + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** Flushes as the policy says and closes the file, which stays where it is: the caller owns it. */
  @Override
  public void close() {
    try {
      flush();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("close of " + path + ": " + e.getMessage(), e);
    }
  }
}
