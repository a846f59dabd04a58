package org.svmsim.bench;

import java.util.SplittableRandom;

/**
 * Where guest writes land, which decides the mirror's routes: a uniform spread meets the copy cursor
 * everywhere, a hot set is copied once and then mirrored on every write, a sequential stream races the
 * copier. Each builds a fixed list of block-aligned write addresses from a seed, so runs are repeatable.
 */
public enum Locality {
  /** Every block of the disk equally likely. */
  UNIFORM {
    @Override
    public long nextBlock(SplittableRandom random, long blocks, long previous) {
      return random.nextLong(blocks);
    }
  },
  /** 90% of writes in a hot 1/16 of the disk (a database's busy tables), the rest anywhere. */
  HOTSET {
    @Override
    public long nextBlock(SplittableRandom random, long blocks, long previous) {
      long hot = Math.max(1, blocks / 16);
      long hotStart = blocks * 3 / 8;
      return random.nextInt(10) < 9 ? hotStart + random.nextLong(hot) : random.nextLong(blocks);
    }
  },
  /** One stream appending block after block (a log), wrapping at the end of the disk. */
  SEQUENTIAL {
    @Override
    public long nextBlock(SplittableRandom random, long blocks, long previous) {
      return previous < 0 ? random.nextLong(blocks) : (previous + 1) % blocks;
    }
  };

  public abstract long nextBlock(SplittableRandom random, long blocks, long previous);

  /** {@code count} write addresses (in sectors) of {@code writeSectors}-sector blocks on a disk. */
  public long[] lbas(long diskSectors, int writeSectors, int count, long seed) {
    long blocks = diskSectors / writeSectors;
    SplittableRandom random = new SplittableRandom(seed);
    long[] out = new long[count];
    long block = -1;
    for (int i = 0; i < count; i++) {
      block = nextBlock(random, blocks, block);
      out[i] = block * writeSectors;
    }
    return out;
  }
}
