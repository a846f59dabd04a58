package org.svmsim.run;

import org.svmsim.kernel.Vmkernel;
import org.svmsim.kernel.config.HostConfig;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.perf.StorageFabric;
import org.svmsim.kernel.sim.Component;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.vmx.Vmx;
import org.svmsim.vpxa.HostAgents;

/**
 * The ESXi host as a whole, the one component that owns the others: its kernel, its VMXs and its agents
 * run on one share of the loop ({@link EventLoop.Domain}). An injected {@code host-crash} cuts the power:
 * everything on the host stops at once (every handler, timer and wake-up of the domain is dropped, the
 * datastores deliver no completion to it, the guests' writes not acknowledged are gone), and its logs
 * stop mid-flow. Some time later the host boots: a new kernel over the same volumes, the VMXs powered
 * off, then hostd (which starts each VM again where its complete disks are) and vpxa (which ends the
 * relocate the crash interrupted). The datastores, vCenter and the timeline are outside the host and go on.
 */
final class Host implements Component {
  /**
   * How long the host stays without power, and how long its agents take to start once the kernel has
   * booted: svmsim's guesses (an ESXi boot takes minutes on real hardware), drawn from the seed.
   */
  static final long OFF_MIN = 30 * VirtualTime.SECOND;
  static final long OFF_MAX = 90 * VirtualTime.SECOND;
  static final long AGENTS_MIN = 20 * VirtualTime.SECOND;
  static final long AGENTS_MAX = 45 * VirtualTime.SECOND;

  private final EventLoop loop;
  private final SimRandom random;
  private final HostConfig config;
  private final StorageFabric storage;
  private EventLoop.Domain domain;
  private Vmkernel kernel;
  private Vmx vmx;
  private HostAgents agents;
  private int boots;
  private long crashedAt;

  Host(EventLoop loop, SimRandom random, HostConfig config, StorageFabric storage, EventLoop.Domain domain,
      Vmkernel kernel, Vmx vmx, HostAgents agents) {
    this.loop = loop;
    this.random = random;
    this.config = config;
    this.storage = storage;
    this.domain = domain;
    this.kernel = kernel;
    this.vmx = vmx;
    this.agents = agents;
    // The power cord is not the host's: it stays plugged in through the crash.
    loop.subscribe(KernelEvent.FaultInjected.class, e -> {
      if (e.fault().kind() == FaultKind.HOST_CRASH) {
        stop();
      }
    });
  }

  @Override
  public String name() {
    return "host";
  }

  @Override
  public boolean running() {
    return domain.on();
  }

  /** Boots a host whose power is back; one running already is left alone. */
  @Override
  public void start() {
    if (!running()) {
      boot(crashedAt);
    }
  }

  /** The power goes: nothing of the host runs from now until its boot, which comes by itself later. */
  @Override
  public void stop() {
    if (!running()) {
      return;
    }
    vmx.powerLost();
    agents.powerLost();
    domain.powerOff();
    storage.dropStreams();
    crashedAt = loop.now();
    long off = random.nextLong(OFF_MIN, OFF_MAX);
    loop.wakeAt(crashedAt + off, this::start);
  }

  private void boot(long crashedAt) {
    boots++;
    SimRandom r = random.split("boot" + boots);
    domain = loop.domain("host");
    domain.publish(new KernelEvent.HostBooted(loop.now() - crashedAt));
    kernel = Vmkernel.boot(domain, r.split("kernel"), config, kernel.vmfs());
    vmx = Vmx.boot(domain, kernel, r.split("vmx"), vmx);
    kernel.start();
    HostAgents crashed = agents;
    EventLoop.Domain booted = domain;
    domain.wakeAt(loop.now() + r.nextLong(AGENTS_MIN, AGENTS_MAX),
        () -> agents = HostAgents.boot(booted, loop, kernel.vmfs(), r.split("agents"), crashed));
  }

  Vmkernel kernel() {
    return kernel;
  }

  /** The VMXs running now: after a crash, the booted host's. */
  Vmx vmx() {
    return vmx;
  }
}
