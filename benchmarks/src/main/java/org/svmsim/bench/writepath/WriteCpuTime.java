package org.svmsim.bench.writepath;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.svmsim.bench.Store;
import org.svmsim.kernel.copy.dbt.DbtCopy;
import org.svmsim.kernel.copy.dbt.DbtPolicy;
import org.svmsim.kernel.copy.mirror.MirrorPass;
import org.svmsim.kernel.storage.BlockStore;

/**
 * The single-threaded write paths of {@link WritePathBenchmark} (plain, DBT, mirror half-way, mirror
 * copied) timed by the writing thread's CPU time instead of wall time, over many alternating rounds, each
 * path's best round kept. On a shared machine JMH's wall-clock scores include the time the thread was not
 * running (at a load of 18 on 2 cores, most of it), which hides a difference of tens of nanoseconds; CPU
 * time leaves that out, and the best of many rounds leaves out most of what other processes do to the
 * caches. Every path writes the same source disk at the same addresses, so each meets the same memory
 * and page mapping (in one JVM, two disks filled one after the other may not be mapped alike, which
 * showed as a 100-ns difference between two identical writes); the copies here are timing only, their
 * data is checked by {@link WritePathBenchmark}. A 4 KiB {@code System.arraycopy} to the same addresses of
 * a plain heap disk is the floor.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.svmsim.bench.writepath.WriteCpuTime [diskMiB] [rounds]</pre>
 */
public final class WriteCpuTime {
  private static final int WRITES = 200_000;
  private static final int SECTORS = WritePathBenchmark.WRITE_SECTORS;

  private WriteCpuTime() {}

  public static void main(String[] args) {
    long diskMiB = args.length > 0 ? Long.parseLong(args[0]) : 64;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    long sectors = (diskMiB << 20) / BlockStore.SECTOR;
    long fill = WritePathBenchmark.FILL;
    BlockStore plain = Store.MEMORY.filled(sectors, fill);
    DbtCopy dbt = new DbtCopy(plain, Store.MEMORY.create(sectors, 0), DbtPolicy.defaults());
    MirrorPass half = mirror(plain, fill, sectors / 2);
    MirrorPass copied = mirror(plain, fill, sectors);
    byte[][] heap = new byte[(int) (diskMiB)][1 << 20];
    byte[] block = new byte[SECTORS * BlockStore.SECTOR];
    new SplittableRandom(1).nextBytes(block);
    long[] lbas = new long[1 << 16];
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < lbas.length; i++) {
      lbas[i] = random.nextLong(sectors / SECTORS) * SECTORS;
    }
    Consumer<MirrorPass.Applied> ack = a -> { };
    String[] names = {"arraycopy 4 KiB", "plain", "dbt", "mirrorIdle", "mirrorCopied"};
    double[] best = new double[names.length];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    long[] tag = {1};
    Runnable[] paths = {
      () -> {
        for (int i = 0; i < WRITES; i++) {
          long lba = lbas[i & (lbas.length - 1)];
          System.arraycopy(block, 0, heap[(int) (lba >>> 11)], (int) (lba & 2047) * BlockStore.SECTOR, block.length);
        }
      },
      () -> {
        for (int i = 0; i < WRITES; i++) {
          plain.write(lbas[i & (lbas.length - 1)], SECTORS, ++tag[0]);
        }
      },
      () -> {
        for (int i = 0; i < WRITES; i++) {
          dbt.write(lbas[i & (lbas.length - 1)], SECTORS, ++tag[0]);
        }
      },
      () -> mirrorWrites(half, lbas, tag, ack),
      () -> mirrorWrites(copied, lbas, tag, ack),
    };
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      for (int p = 0; p < paths.length; p++) {
        long start = cpu.getCurrentThreadCpuTime();
        paths[p].run();
        best[p] = Math.min(best[p], (cpu.getCurrentThreadCpuTime() - start) / (double) WRITES);
      }
    }
    System.out.printf(Locale.ROOT, "disk %d MiB, %d rounds of %,d writes, best round, CPU ns per write:%n",
        diskMiB, rounds, WRITES);
    for (int p = 0; p < names.length; p++) {
      System.out.printf(Locale.ROOT, "  %-16s %7.0f ns%s%n", names[p], best[p], p < 2 ? ""
          : String.format(Locale.ROOT, "  (%.2fx plain, %+.0f ns)", best[p] / best[1], best[p] - best[1]));
    }
  }

  private static MirrorPass mirror(BlockStore source, long fill, long upTo) {
    MirrorPass pass = new MirrorPass(source, Store.MEMORY.filled(source.capacitySectors(), fill + 1));
    while (pass.regions().copiedUpTo() < upTo
        && pass.beginChunk(Math.min(2048, upTo - pass.regions().copiedUpTo())) > 0) {
      pass.finishChunk();
    }
    return pass;
  }

  private static void mirrorWrites(MirrorPass pass, long[] lbas, long[] tag, Consumer<MirrorPass.Applied> ack) {
    for (int i = 0; i < WRITES; i++) {
      long t = ++tag[0];
      pass.write(new MirrorPass.GuestWrite(t, lbas[i & (lbas.length - 1)], SECTORS, t), ack);
    }
  }
}
