package org.svmsim.vpxa;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.fault.Fault;
import org.svmsim.kernel.fault.FaultKind;
import org.svmsim.kernel.fault.FaultMode;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.Component;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.Subscriptions;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.vpxa.hostd.Hostd;
import org.svmsim.vpxa.hostd.HostdVm;
import org.svmsim.vpxa.hostd.VmState;
import org.svmsim.vpxa.relocate.Vpxa;

/**
 * The host agents of one ESXi host, hostd and vpxa, and what keeps them: vCenter's requests (power on,
 * power off, relocate) reach the agent that serves them, and wait while it is down, as vCenter retries a
 * host that does not answer; an injected {@code agent-restart} stops one agent and starts it again a
 * little later, as the host's watchdog does.
 */
public final class HostAgents {
  /**
   * How long an agent stays down when it restarts: svmsim's guess (a watchdog's restart of vpxa takes
   * seconds, hostd's longer as it reloads its inventory); drawn from the seed.
   */
  static final long VPXA_DOWN_MIN = 2 * VirtualTime.SECOND;
  static final long VPXA_DOWN_MAX = 6 * VirtualTime.SECOND;
  static final long HOSTD_DOWN_MIN = 4 * VirtualTime.SECOND;
  static final long HOSTD_DOWN_MAX = 10 * VirtualTime.SECOND;

  private final Bus bus;
  private final Hostd hostd;
  private final Vpxa vpxa;
  private final SimRandom random;
  private final Subscriptions watchdog;
  /** vCenter's requests waiting for their agent: hostd's power operations, vpxa's relocates. */
  private final List<AgentEvent> forHostd = new ArrayList<>();
  private final List<AgentEvent> forVpxa = new ArrayList<>();
  /** vCenter's side of the requests: it outlives the host, so it lives on the run's bus. */
  private final List<Bus.Subscription> frontDoor = new ArrayList<>();

  private HostAgents(Bus bus, Hostd hostd, Vpxa vpxa, SimRandom random) {
    this.bus = bus;
    this.hostd = hostd;
    this.vpxa = vpxa;
    this.random = random;
    this.watchdog = new Subscriptions(bus);
  }

  /**
   * Subscribes hostd and vpxa to the bus and has hostd register {@code vms} (their files must already be
   * on their home volumes). Each agent draws from its own stream of {@code random}.
   */
  public static HostAgents install(Bus bus, Vmfs vmfs, SimRandom random, List<ManagedVm> vms) {
    return install(bus, bus, vmfs, random, vms);
  }

  /** As {@link #install(Bus, Vmfs, SimRandom, List)}, hearing vCenter's requests on {@code vcenter}. */
  public static HostAgents install(Bus bus, Bus vcenter, Vmfs vmfs, SimRandom random, List<ManagedVm> vms) {
    Hostd hostd = new Hostd(bus, vmfs, random.split("hostd"));
    Vpxa vpxa = new Vpxa(bus, vmfs, random.split("vpxa"), hostd);
    HostAgents agents = new HostAgents(bus, hostd, vpxa, random.split("watchdog"));
    hostd.start();
    agents.openFrontDoor(vcenter);
    vpxa.start();
    agents.watch();
    vms.forEach(hostd::register);
    return agents;
  }

  private void openFrontDoor(Bus vcenter) {
    frontDoor.add(vcenter.subscribe(AgentEvent.PowerOnVm.class, this::request));
    frontDoor.add(vcenter.subscribe(AgentEvent.PowerOffVm.class, this::request));
    frontDoor.add(vcenter.subscribe(AgentEvent.RelocateVm.class, this::request));
  }

  /**
   * The host lost power: both agents die with it, logging nothing more. vCenter's requests wait for the
   * host to come back ({@link #boot}).
   */
  public void powerLost() {
    hostd.powerLost();
    vpxa.powerLost();
    watchdog.cancel();
  }

  /**
   * The host booted again on {@code bus}: new agents, whose lasting state is what the crashed ones left
   * on disk (hostd's inventory, vpxa's journal, the migrations' host logs). hostd registers each VM where
   * its complete disks are and starts those that were running; vpxa then ends each relocate the crash
   * interrupted. What vCenter asked meanwhile runs then.
   */
  public static HostAgents boot(Bus bus, Bus vcenter, Vmfs vmfs, SimRandom random, HostAgents crashed) {
    Hostd hostd = new Hostd(bus, vmfs, random.split("hostd"));
    Vpxa vpxa = new Vpxa(bus, vmfs, random.split("vpxa"), hostd, crashed.vpxa);
    HostAgents agents = new HostAgents(bus, hostd, vpxa, random.split("watchdog"));
    crashed.frontDoor.forEach(Bus.Subscription::cancel);
    agents.forHostd.addAll(crashed.forHostd);
    agents.forVpxa.addAll(crashed.forVpxa);
    hostd.startAfterBoot();
    hostd.recover(crashed.hostd.inventory(), crashed.hostd.runningVms());
    agents.openFrontDoor(vcenter);
    agents.watch();
    agents.start(hostd);
    agents.start(vpxa);
    return agents;
  }

  private void watch() {
    watchdog.on(KernelEvent.FaultInjected.class, e -> {
      Fault f = e.fault();
      if (f.kind() == FaultKind.AGENT_RESTART) {
        restart(f.mode() == FaultMode.HOSTD ? hostd : vpxa);
      }
    });
  }

  /** Stops {@code agent} now and starts it again after its restart time; one already down is left alone. */
  private void restart(Component agent) {
    if (!agent.running()) {
      return;
    }
    long down = agent == hostd ? random.nextLong(HOSTD_DOWN_MIN, HOSTD_DOWN_MAX)
        : random.nextLong(VPXA_DOWN_MIN, VPXA_DOWN_MAX);
    agent.stop();
    watchdog.wakeAt(bus.now() + down, () -> start(agent));
  }

  private void start(Component agent) {
    agent.start();
    List<AgentEvent> waiting = agent == hostd ? forHostd : forVpxa;
    List<AgentEvent> due = new ArrayList<>(waiting);
    waiting.clear();
    due.forEach(this::deliver);
    if (agent == hostd) {
      vpxa.hostdStarted();
    }
  }

  /** A request of vCenter's reaches its agent now, or once the agent runs again. */
  private void request(AgentEvent e) {
    boolean toVpxa = e instanceof AgentEvent.RelocateVm;
    if ((toVpxa ? vpxa : hostd).running()) {
      deliver(e);
    } else {
      (toVpxa ? forVpxa : forHostd).add(e);
    }
  }

  private void deliver(AgentEvent e) {
    if (e instanceof AgentEvent.PowerOnVm p) {
      hostd.powerOn(p.vm());
    } else if (e instanceof AgentEvent.PowerOffVm p) {
      hostd.powerOff(p.vm());
    } else if (e instanceof AgentEvent.RelocateVm r) {
      vpxa.relocate(r);
    }
  }

  public Hostd hostd() {
    return hostd;
  }

  public Vpxa vpxa() {
    return vpxa;
  }

  /** hostd's state of {@code vm}. */
  public VmState state(VmId vm) {
    return hostd.require(vm).state();
  }

  /** Where {@code vm} runs from now: its .vmx path under /vmfs/volumes. */
  public String vmxPath(VmId vm) {
    return hostd.require(vm).vmxPath();
  }

  public HostdVm vm(VmId vm) {
    return hostd.require(vm);
  }
}
