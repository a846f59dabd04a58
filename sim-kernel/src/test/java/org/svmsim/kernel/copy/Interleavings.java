package org.svmsim.kernel.copy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.svmsim.kernel.storage.BlockStore;

/**
 * The harness of the write paths' random-interleaving property tests (mirror, DBT, snapshot): one run per
 * seed on disks of a given kind, the failing seed named in the error, and the outcomes counted so that a
 * test can insist each one it cares about was reached (a property test that never fails a copy proves
 * nothing about failed copies).
 */
public final class Interleavings {
  private Interleavings() {}

  /** Builds the disks of one run: the properties hold whatever keeps the content. */
  @FunctionalInterface
  public interface StoreKind {
    BlockStore create(long capacity, long initialTag);
  }

  /** One seed's run; returns how it ended (null when the test has a single outcome). */
  @FunctionalInterface
  public interface SeedRun<E> {
    E run(long seed, StoreKind kind);
  }

  /**
   * Runs seeds 1 to {@code seeds}; an assertion or exception of any seed is rethrown naming the seed (a
   * corrupt sector found by a byte store included). Fails unless every outcome of {@code mustReach} came
   * up at least once.
   */
  @SafeVarargs
  public static <E> Map<E, Integer> runSeeds(int seeds, StoreKind kind, SeedRun<E> run,
      E... mustReach) {
    Map<E, Integer> outcomes = new HashMap<>();
    for (long seed = 1; seed <= seeds; seed++) {
      E outcome;
      try {
        outcome = run.run(seed, kind);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e, e);
      }
      if (outcome != null) {
        outcomes.merge(outcome, 1, Integer::sum);
      }
    }
    for (E e : mustReach) {
      assertTrue(outcomes.containsKey(e), e + " is exercised: " + outcomes);
    }
    return outcomes;
  }

  /** One seed's run of a test with a single outcome. */
  @FunctionalInterface
  public interface SeedCheck {
    void run(long seed, StoreKind kind);
  }

  /** {@link #runSeeds} for a test whose every seed ends the same way. */
  public static void checkSeeds(int seeds, StoreKind kind, SeedCheck check) {
    runSeeds(seeds, kind, (seed, k) -> {
      check.run(seed, k);
      return null;
    });
  }
}
