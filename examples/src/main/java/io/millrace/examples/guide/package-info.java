/**
 * The code quoted in the user guide ({@code docs/}) and the README: every snippet there is cut
 * from these classes between {@code // [START name]} and {@code // [END name]}, so it compiles
 * (and {@code DocSnippetsTest} checks that the quotes still match). Each class has a
 * {@code main} that runs its pipelines on small inputs.
 */
package io.millrace.examples.guide;
