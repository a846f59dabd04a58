/**
 * The VMX: one user-level process per running VM, and the Storage vMotion as the VMX runs it.
 *
 * <p>{@link org.svmsim.vmx.Vmx} lays down each VM's files and routes commands to its {@link
 * org.svmsim.vmx.VmxProcess}, which powers the VM on, runs its guest's I/O ({@code guest}: the workload
 * generator and the audit of acknowledged writes) through its virtual disks ({@code disk}: DiskLib opens,
 * the disk database's content ids) and stuns and unstuns it. {@code svmotion} holds the phases; phase 8
 * is the mirrored copy, then the switchover: stun, drain, check the destination block for block, fast
 * suspend/resume onto the shadow VM. {@code log} renders vmware.log from the VMX's facts.
 */
package org.svmsim.vmx;
