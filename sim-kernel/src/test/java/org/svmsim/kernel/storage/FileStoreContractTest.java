package org.svmsim.kernel.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Each store is a new file in a temporary directory, closed after the test. */
class FileStoreContractTest extends BlockStoreContractTest {
  @TempDir
  Path dir;
  private final List<FileStore> open = new ArrayList<>();

  @Override
  BlockStore newStore(long capacity, long initialTag) {
    FileStore store = FileStore.create(dir.resolve("disk-" + open.size() + ".img"), capacity, initialTag);
    open.add(store);
    return store;
  }

  @AfterEach
  void closeAll() {
    open.forEach(FileStore::close);
  }
}
