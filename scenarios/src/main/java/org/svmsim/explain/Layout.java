package org.svmsim.explain;

/** The line layouts explain reads, with the log each belongs to (DOMAIN.md section 6). */
enum Layout {
  VMKERNEL_ISO("vmkernel-5.x-7.0", Component.VMKERNEL, "ISO time, cpuN:world) prefix (ESXi 5.x-7.0)"),
  VMKERNEL_8X("vmkernel-8.x", Component.VMKERNEL, "ISO time, In(182) vmkernel: cpuN:world) (ESXi 8.x)"),
  VMKERNEL_UPTIME("vmkernel-4.x-syslog", Component.VMKERNEL, "syslog, uptime d:hh:mm:ss.mmm since boot (ESX 3.5/4.x)"),
  VMKERNEL_UNTIMED("vmkernel-untimed", Component.VMKERNEL, "cpuN:world) message, timestamp cut (KB copies)"),
  VMKERNEL_CONTINUATION("vmkernel-continuation", Component.VMKERNEL, "continues the message above"),
  VMWARE_50("vmware-5.0", Component.VMWARE, "<ts>| thread| message, no level (ESXi 5.0)"),
  VMWARE_51("vmware-5.1-7.0", Component.VMWARE, "<ts>| thread| I120: message (ESXi 5.1-7.0)"),
  VMWARE_70U2("vmware-7.0U2+", Component.VMWARE, "<ts> In(05) thread - message (ESXi 7.0U2, 8.x)"),
  VMWARE_UNTIMED("vmware-untimed", Component.VMWARE, "thread| message, timestamp cut (KB copies)"),
  AGENT_6X("agent-6.x-7.x", Component.HOSTD, "<ts> level daemon[tid] [Originator@6876 sub=...] (ESXi 6.x-7.x)"),
  AGENT_8X("agent-8.x", Component.HOSTD, "<ts> In(166) Daemon[tid]: [Originator@6876 sub=...] (ESXi 8.x)"),
  AGENT_4X("agent-4.x", Component.HOSTD, "[ts tid level 'context' opID=...] (ESX 4.x)"),
  AGENT_5X("agent-5.x", Component.HOSTD, "<ts> [tid level 'context' opID=...] (ESXi 5.x)"),
  AGENT_CONTINUATION("agent-continuation", Component.HOSTD, "--> continues the message above"),
  DAEMON_8X("daemon-8.x", null, "<ts> In(166) daemon[pid]: message, another ESXi 8.x daemon"),
  SYSLOG("syslog", null, "an RFC 3164/5424 syslog line of another daemon"),
  VOBD("vobd", null, "<ts>: [correlator] Nus: [vob.x.y] message (vobd.log, vmkernel observations)"),
  COMMENT("comment", null, "a comment, not a log line"),
  BLANK("blank", null, "an empty line");

  private final String id;
  private final Component component;
  private final String description;

  Layout(String id, Component component, String description) {
    this.id = id;
    this.component = component;
    this.description = description;
  }

  String id() {
    return id;
  }

  /** The log the layout belongs to; hostd for both agents' layouts until the line names its daemon. */
  Component component() {
    return component;
  }

  String description() {
    return description;
  }

  boolean vmkernel() {
    return component == Component.VMKERNEL;
  }

  boolean agent() {
    return component == Component.HOSTD;
  }
}
