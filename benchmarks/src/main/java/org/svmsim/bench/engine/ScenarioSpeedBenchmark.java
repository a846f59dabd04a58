package org.svmsim.bench.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.svmsim.run.Simulation;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioAssembly;
import org.svmsim.scenario.ScenarioLoader;

/**
 * A whole bundled scenario, in the JVM (start excluded), events recorded as JSON lines into a writer that
 * discards them (the encoding is paid, the disk is not): wall time per run, with the virtual time it
 * covered ({@code simulatedSeconds}) and its events, so that simulated seconds per wall second and events
 * per second follow (results.md computes them), and its thread's CPU time ({@code cpuMillis}): the 2-core
 * machine is shared, so wall time alone says as much about the load as about the run.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScenarioSpeed -p scenario=seed -rf json</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ScenarioSpeedBenchmark {
  @Param({"seed", "quick"})
  public String scenario;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private Scenario loaded;

  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Covered {
    public double simulatedSeconds;
    public long events;
    /** The run's CPU time on its thread: on a loaded machine, what the run itself cost, beside its wall time. */
    public double cpuMillis;

    @Setup(Level.Iteration)
    public void reset() {
      simulatedSeconds = 0;
      events = 0;
      cpuMillis = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    loaded = ScenarioLoader.load(scenario, Overrides.none());
  }

  @Benchmark
  public Simulation.Result run(Covered covered) throws IOException {
    long[] last = new long[2];
    long cpuBefore = CPU.getCurrentThreadCpuTime();
    Simulation.Result r;
    try (OutputStream events = new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16)) {
      r = new Simulation(ScenarioAssembly.of(loaded)).run(events, List.of((time, e) -> {
        last[0] = Math.max(last[0], time);
        last[1] = Math.min(last[1] == 0 ? time : last[1], time);
      }));
    }
    covered.cpuMillis = (CPU.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
    covered.simulatedSeconds = (last[0] - last[1]) / 1e9;
    covered.events = r.summary().events();
    return r;
  }
}
