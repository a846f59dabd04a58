package org.svmsim.kernel.storage;

class ExtentStoreContractTest extends BlockStoreContractTest {
  @Override
  BlockStore newStore(long capacity, long initialTag) {
    return new ExtentStore(capacity, initialTag);
  }
}
