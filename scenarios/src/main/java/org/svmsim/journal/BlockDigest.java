package org.svmsim.journal;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import org.svmsim.kernel.storage.BlockStore;
import org.svmsim.kernel.storage.SectorContent;

/**
 * The digest of one journal block (a 512-byte sector): the first 128 bits of the SHA-256 of its bytes, in
 * hex, so an auditor holding the disk image can recompute it with {@code hashlib.sha256(b).hexdigest()[:32]}.
 */
final class BlockDigest {
  static final int BLOCK_BYTES = BlockStore.SECTOR;

  private static final HashFunction SHA256 = Hashing.sha256();
  private final byte[] buf = new byte[BLOCK_BYTES];

  /** The digest of sector {@code lba} holding the content of {@code tag}. */
  String of(long tag, long lba) {
    SectorContent.fill(tag, lba, buf, 0);
    return SHA256.hashBytes(buf).toString().substring(0, 32);
  }
}
