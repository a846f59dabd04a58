/**
 * The vocabulary of the bus: every command and fact of a run, one sealed interface per component
 * ({@link org.svmsim.kernel.event.RunEvent}, {@link org.svmsim.kernel.event.KernelEvent},
 * {@link org.svmsim.kernel.event.VmxEvent}, {@link org.svmsim.kernel.event.AgentEvent}). The types live in
 * sim-kernel because it is the one module that the VMX and the host agents both see: what they say to each
 * other travels as these events. Commands have imperative names, facts past-tense names. Every fact carries
 * what a log renderer needs, so that replaying {@code events.jsonl} renders the same logs.
 */
package org.svmsim.kernel.event;
