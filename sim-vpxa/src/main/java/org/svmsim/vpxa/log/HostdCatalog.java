package org.svmsim.vpxa.log;

import org.svmsim.kernel.log.MessageTemplate;

/**
 * hostd.log's messages. The task and state lines are real hostd wording (ESXi 6.x); the registration,
 * shadow and progress lines are the project's own, in hostd's manner, as the sources show none.
 */
final class HostdCatalog {
  /** Per-VM subsystem: {@code Vmsvc.vm:<vmx path>}. */
  static final String VMSVC_VM = "Vmsvc.vm:";
  static final String VMSVC = "Vmsvc";
  static final String TASK_MANAGER = "Vimsvc.TaskManager";
  /** hostd names the vCenter agent's session user this way on every operation vpxa asked for. */
  static final String VPXUSER = "vpxuser";

  static final MessageTemplate INITIALIZED = new MessageTemplate("Initialized virtual machine.");
  static final MessageTemplate SHADOW_REGISTERED = new MessageTemplate(
      "Registered shadow virtual machine {} of {} in fail-safe mode: {}");
  static final MessageTemplate UNREGISTERED = new MessageTemplate("Unregistered virtual machine {}.");
  static final MessageTemplate SHADOW_UNREGISTERED = new MessageTemplate(
      "Unregistered shadow virtual machine {}.");
  static final MessageTemplate STATE = new MessageTemplate("State Transition ({} -> {})");
  static final MessageTemplate SHADOW_READY = new MessageTemplate(
      "Shadow virtual machine is powered on and idle until the disk copy ends");
  static final MessageTemplate TASK_CREATED = new MessageTemplate("Task Created : {}");
  static final MessageTemplate TASK_PROGRESS = new MessageTemplate("Task Progress : {} {}%");
  static final MessageTemplate TASK_FAILED = new MessageTemplate("Task {} failed: {}");
  static final MessageTemplate TASK_COMPLETED = new MessageTemplate("Task Completed : {} Status {}");

  private HostdCatalog() {}
}
