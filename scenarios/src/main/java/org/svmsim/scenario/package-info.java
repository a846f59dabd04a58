/**
 * The scenario: what one run simulates, as a user writes it and as the runner receives it.
 *
 * <p>The flow is {@code defaults.yaml} + a scenario file ({@link org.svmsim.scenario.TreeMerge}, list
 * templates included) + the command line's {@link org.svmsim.scenario.Overrides} → one JSON tree → bound by
 * Jackson into the {@link org.svmsim.scenario.Scenario} records, whose constructors check each field →
 * {@link org.svmsim.scenario.ScenarioValidator} checks what spans records →
 * {@link org.svmsim.scenario.ScenarioAssembly} translates it into the components' config records and the
 * timeline's events. {@link org.svmsim.scenario.ScenarioLoader} is the entry point; every user mistake on the
 * way becomes a {@link org.svmsim.scenario.ScenarioException} naming source, field path and bad value.
 */
package org.svmsim.scenario;
