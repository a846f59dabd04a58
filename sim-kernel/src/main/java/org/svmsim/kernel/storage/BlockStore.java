package org.svmsim.kernel.storage;

/**
 * The content of one virtual disk. Every sector has content: the content written by one guest write (or
 * laid down at creation) is named by a 64-bit tag, and {@link SectorContent} turns (tag, sector) into the
 * sector's 512 bytes, so a store may keep tags (sparse, for 2 TiB disks) or real bytes.
 */
public interface BlockStore {
  int SECTOR = 512;

  long capacitySectors();

  /** Writes {@code sectors} sectors at {@code lba} with the content of write {@code tag}. */
  void write(long lba, long sectors, long tag);

  /** The content tag of one sector. */
  long tagAt(long lba);

  /** A copy of the content of {@code [lba, lba + sectors)}, unaffected by later writes: the copier's buffer. */
  Slice read(long lba, long sectors);

  /** Writes a slice read from any store of the same capacity. */
  void write(Slice slice);

  /** The first sector whose content differs from {@code other}'s, or -1 when the disks are equal. */
  long firstDifference(BlockStore other);

  /** Content of a range of sectors, as runs of tags. */
  record Slice(long lba, long sectors, long[] runs) {}
}
