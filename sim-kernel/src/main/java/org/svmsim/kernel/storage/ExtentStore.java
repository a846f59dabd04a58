package org.svmsim.kernel.storage;

/**
 * A disk kept as runs of content tags: what the simulator uses, at any disk size. For one thread (the
 * simulation's event loop): unlike the stores of real bytes, no two I/Os may run at once.
 */
public final class ExtentStore implements BlockStore {
  private final ExtentMap map;

  /** A disk whose every sector holds {@code initialTag} ({@link SectorContent#ZERO} for a new disk). */
  public ExtentStore(long capacitySectors, long initialTag) {
    this.map = new ExtentMap(capacitySectors, initialTag);
  }

  @Override
  public long capacitySectors() {
    return map.capacity();
  }

  @Override
  public void write(long lba, long sectors, long tag) {
    map.put(lba, lba + sectors, tag);
  }

  @Override
  public long tagAt(long lba) {
    return map.tagAt(lba);
  }

  @Override
  public Slice read(long lba, long sectors) {
    return new Slice(lba, sectors, map.slice(lba, lba + sectors));
  }

  @Override
  public void write(Slice slice) {
    map.apply(slice.runs());
  }

  @Override
  public long firstDifference(BlockStore other) {
    if (other.capacitySectors() != capacitySectors()) {
      return Math.min(other.capacitySectors(), capacitySectors());
    }
    if (other instanceof ExtentStore e) {
      return map.firstDifference(e.map, 0, capacitySectors());
    }
    // Another kind of store compares run by run from its side; the first difference is symmetric.
    return other.firstDifference(this);
  }

  public ExtentMap extents() {
    return map;
  }
}
