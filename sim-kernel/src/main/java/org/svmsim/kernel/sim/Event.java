package org.svmsim.kernel.sim;

/**
 * Something that travels on the bus: a command (imperative name, {@code StartDiskCopy}) or a fact
 * (past tense, {@code DiskCopyCompleted}). Every event is a record nested in one sealed interface per
 * component, so that {@code events.jsonl} and the log renderers see one closed vocabulary.
 */
public interface Event {}
