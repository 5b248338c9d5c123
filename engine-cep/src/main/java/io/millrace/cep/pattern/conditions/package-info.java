/**
 * The conditions a stage of a pattern puts on its events: {@link io.millrace.cep.pattern.conditions.SimpleCondition}
 * (the event alone), {@link io.millrace.cep.pattern.conditions.IterativeCondition} (the event and
 * the events the partial match already took) and their rich and composite forms. Public API.
 */
package io.millrace.cep.pattern.conditions;
