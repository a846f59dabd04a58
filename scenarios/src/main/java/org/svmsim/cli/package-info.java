/**
 * The {@code svmsim} command line: {@code run}, {@code show}, {@code replay} and {@code list}, on picocli.
 * It resolves scenarios through {@link org.svmsim.scenario.ScenarioLoader}, hands them to the runner, and
 * owns the exit-code contract (0 done, 2 user mistake in one stderr line, 1 internal error) and the
 * all-or-nothing output directory ({@link org.svmsim.cli.OutputDirectory}).
 */
package org.svmsim.cli;
