/**
 * The host agents' part of a Storage vMotion (DOMAIN.md sections 1 and 2).
 *
 * <p>vCenter's relocate request reaches {@link org.svmsim.vpxa.relocate.Vpxa vpxa} as an
 * {@code AgentEvent.RelocateVm}. vpxa runs the task's six steps: it copies the VM's working directory to
 * the destination (step 1), has {@link org.svmsim.vpxa.hostd.Hostd hostd} register and start the shadow VM
 * in fail-safe mode (step 2), hands steps 3 to 5 (mirror driver, the one copy pass, fast suspend/resume) to
 * the VMX with a {@code VmxEvent.StartSvmotion}, and on the VMX's {@code SvmotionFinished} deletes the
 * source files (step 6) or, on failure, the destination's leftovers. hostd keeps each VM's state machine
 * and home, runs power on/off, and turns the kernel's copy progress into task progress.
 *
 * <p>Neither agent writes a log line: they publish facts, and the renderers in
 * {@link org.svmsim.vpxa.log} turn those facts, and only those, into hostd.log and vpxa.log, so that a
 * replay of {@code events.jsonl} renders the same files. {@link org.svmsim.vpxa.HostAgents#install} is the
 * one entry point.
 */
package org.svmsim.vpxa;
