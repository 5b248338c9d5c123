/**
 * Complex event processing: patterns over keyed event streams (filled by the CEP issue).
 */
package io.millrace.cep;
