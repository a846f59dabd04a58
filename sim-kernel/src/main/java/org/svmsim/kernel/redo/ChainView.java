package org.svmsim.kernel.redo;

import java.util.function.Supplier;
import org.svmsim.kernel.copy.snapshot.DiskChain;
import org.svmsim.kernel.storage.BlockStore;

/**
 * A redo-log chain as one read-only disk: what the guest sees, for the switchover's check and the audit
 * of acknowledged writes. It follows the chain the VM runs on now (the live one, or after a failure the
 * source chain).
 */
final class ChainView implements BlockStore {
  @Override
  public boolean writable() {
    return false;
  }

  private final Supplier<DiskChain> chain;

  ChainView(Supplier<DiskChain> chain) {
    this.chain = chain;
  }

  @Override
  public long capacitySectors() {
    return chain.get().capacitySectors();
  }

  @Override
  public void write(long lba, long sectors, long tag) {
    throw new UnsupportedOperationException("a chain's view is read-only: the guest writes through the chain");
  }

  @Override
  public long tagAt(long lba) {
    return chain.get().tagAt(lba);
  }

  @Override
  public Slice read(long lba, long sectors) {
    return chain.get().read(lba, sectors);
  }

  @Override
  public void write(Slice slice) {
    throw new UnsupportedOperationException("a chain's view is read-only");
  }

  @Override
  public long firstDifference(BlockStore other) {
    DiskChain mine = chain.get();
    return new DiskChain(other, mine.grainSectors(), c -> null).firstDifference(mine);
  }
}
