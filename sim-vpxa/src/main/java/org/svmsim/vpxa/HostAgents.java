package org.svmsim.vpxa;

import java.util.List;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.vpxa.hostd.Hostd;
import org.svmsim.vpxa.hostd.HostdVm;
import org.svmsim.vpxa.hostd.VmState;
import org.svmsim.vpxa.relocate.Vpxa;

/** The host agents of one ESXi host, wired onto the bus: hostd and vpxa. */
public final class HostAgents {
  private final Hostd hostd;
  private final Vpxa vpxa;

  private HostAgents(Hostd hostd, Vpxa vpxa) {
    this.hostd = hostd;
    this.vpxa = vpxa;
  }

  /**
   * Subscribes hostd and vpxa to the bus and has hostd register {@code vms} (their files must already be
   * on their home volumes). Each agent draws from its own stream of {@code random}.
   */
  public static HostAgents install(Bus bus, Vmfs vmfs, SimRandom random, List<ManagedVm> vms) {
    Hostd hostd = new Hostd(bus, vmfs, random.split("hostd"));
    Vpxa vpxa = new Vpxa(bus, vmfs, random.split("vpxa"), hostd);
    vms.forEach(hostd::register);
    return new HostAgents(hostd, vpxa);
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
