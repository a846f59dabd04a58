package org.svmsim.kernel.storage;

/**
 * The content of one virtual disk. Every sector has content: the content written by one guest write (or
 * laid down at creation) is named by a 64-bit tag, and {@link SectorContent} turns (tag, sector) into the
 * sector's 512 bytes, so a store may keep tags (sparse, for 2 TiB disks) or real bytes.
 */
public interface BlockStore {
  int SECTOR = 512;

  long capacitySectors();

  /** Whether {@link #write} may be called: false for a read-only view (a redo-log chain's). */
  default boolean writable() {
    return true;
  }

  /** Writes {@code sectors} sectors at {@code lba} with the content of write {@code tag}. */
  void write(long lba, long sectors, long tag);

  /** The content tag of one sector. */
  long tagAt(long lba);

  /** A copy of the content of {@code [lba, lba + sectors)}, unaffected by later writes: the copier's buffer. */
  Slice read(long lba, long sectors);

  /**
   * {@link #read} for a copier that may meet a guest write to the same sectors in flight (dirty-block
   * tracking, which copies such a block again because the write marks it once landed): a store of real
   * bytes hands its bytes over without verifying them, since a sector torn by that write is expected
   * here, not a fault. They are checked if anything asks for the slice's runs, and by every comparison.
   * Any copier whose bytes the final comparison checks may use it (the snapshot's, of read-only layers).
   */
  default Slice readForCopy(long lba, long sectors) {
    return read(lba, sectors);
  }

  /** Writes a slice read from any store of the same capacity. */
  void write(Slice slice);

  /**
   * Copies sectors {@code [lba, lba + sectors)} onto the same sectors of {@code destination}, a disk of the
   * same capacity: what a data mover does with a chunk. Between two stores of real bytes the bytes move by
   * bulk copy, neither decoded nor verified on the way (a read, {@link #tagAt} or a comparison checks
   * them); otherwise through a {@link Slice}. The caller keeps both ranges free of writes meanwhile (the
   * mirror holds every write to the chunk it copies).
   */
  default void copyTo(long lba, long sectors, BlockStore destination) {
    if (destination.capacitySectors() != capacitySectors()) {
      throw new IllegalArgumentException("a copy between disks of " + capacitySectors() + " and "
          + destination.capacitySectors() + " sectors");
    }
    destination.write(read(lba, sectors));
  }

  /** The first sector whose content differs from {@code other}'s, or -1 when the disks are equal. */
  long firstDifference(BlockStore other);

  /**
   * Content of a range of sectors: as runs of tags, or, read from a store of real bytes, as the bytes
   * themselves, so that a copy between two byte stores moves bytes instead of regenerating them. The runs
   * of a byte slice are decoded from its bytes (each sector checked against its tag) when first asked for.
   * Immutable: a copy, unaffected by later writes to its store.
   */
  final class Slice {
    /** Byte slices are at most this long; a longer read carries runs only. */
    public static final long MAX_BYTE_SECTORS = (256L << 20) / SECTOR;

    private final long lba;
    private final long sectors;
    private final byte[] bytes;
    private long[] runs;

    public Slice(long lba, long sectors, long[] runs) {
      this(lba, sectors, runs, null);
    }

    private Slice(long lba, long sectors, long[] runs, byte[] bytes) {
      this.lba = lba;
      this.sectors = sectors;
      this.runs = runs;
      this.bytes = bytes;
    }

    /**
     * A chunk's place without its content, for a copy that moves the content itself when the chunk lands
     * ({@link BlockStore#copyTo}: the mirror's, which holds every write to the chunk meanwhile). It has no
     * runs and no bytes.
     */
    public static Slice extent(long lba, long sectors) {
      return new Slice(lba, sectors, null, null);
    }

    /** A slice of real bytes, {@code sectors * SECTOR} of them, owned by the slice from here on. */
    public static Slice ofBytes(long lba, long sectors, byte[] bytes) {
      if (bytes.length != sectors * SECTOR) {
        throw new IllegalArgumentException(bytes.length + " bytes for " + sectors + " sectors");
      }
      return new Slice(lba, sectors, null, bytes);
    }

    public long lba() {
      return lba;
    }

    public long sectors() {
      return sectors;
    }

    /** The content as (start, end, tag) triples, equal neighbours merged. */
    public long[] runs() {
      if (runs == null && bytes == null) {
        throw new IllegalStateException("an extent carries no content: " + this);
      }
      if (runs == null) {
        runs = SectorContent.decode(lba, bytes);
      }
      return runs;
    }

    public boolean hasBytes() {
      return bytes != null;
    }

    /** Copies sectors {@code [from, from + count)} of this slice's bytes into {@code dst} at {@code off}. */
    public void copyBytes(long from, int count, byte[] dst, int off) {
      if (bytes == null) {
        throw new IllegalStateException("a slice of tags has no bytes");
      }
      System.arraycopy(bytes, (int) ((from - lba) * SECTOR), dst, off, count * SECTOR);
    }

    /** The bytes themselves, for the stores of this package: never modified, never handed out. */
    byte[] bytes() {
      return bytes;
    }

    @Override
    public String toString() {
      return "Slice[" + lba + ", " + (lba + sectors) + (bytes != null ? ", bytes]" : runs == null ? ", extent]" : "]");
    }
  }
}
