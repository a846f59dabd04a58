package org.svmsim.kernel.storage;

/** Tiny segments, so that the small disks of the contract cross many segment boundaries. */
class OffHeapStoreContractTest extends BlockStoreContractTest {
  @Override
  BlockStore newStore(long capacity, long initialTag) {
    return new OffHeapStore(capacity, initialTag, 16, true);
  }
}
