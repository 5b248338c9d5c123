package io.millrace.state.internal;

import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Objects;

/** Checks shared by the keyed state backends when a registered state is requested again. */
public final class KeyedStates {
  private KeyedStates() {}

  /**
   * Fails unless {@code requested} (with {@code requestedNamespaces}) describes the same state
   * as the {@code registered} one: one name must mean one state, of one kind, value type, TTL
   * and namespace type. The message names the state, the operator, the difference and the fix.
   *
   * @throws IllegalStateException if they differ
   */
  public static void checkCompatible(
      StateDescriptor<?, ?> registered, TypeSerializer<?> registeredNamespaces,
      StateDescriptor<?, ?> requested, TypeSerializer<?> requestedNamespaces,
      String operatorDescription) {
    if (registered == requested && registeredNamespaces == requestedNamespaces) {
      return;
    }
    String difference = null;
    if (registered.getKind() != requested.getKind()) {
      difference = "registered as " + registered.getKind() + " state and is now requested as "
          + requested.getKind() + " state";
    } else if (!registered.getSerializer().equals(requested.getSerializer())) {
      difference = "registered with values written by " + registered.getSerializer()
          + " and is now requested with " + requested.getSerializer();
    } else if (!Objects.equals(registered.getTtlConfig(), requested.getTtlConfig())) {
      difference = "registered with TTL " + registered.getTtlConfig()
          + " and is now requested with TTL " + requested.getTtlConfig();
    } else if (!registeredNamespaces.equals(requestedNamespaces)) {
      difference = "registered with namespaces written by " + registeredNamespaces
          + " and is now requested with " + requestedNamespaces
          + " (e.g. once per window and once globally)";
    }
    if (difference != null) {
      throw new IllegalStateException(
          "state '" + requested.getName() + "' of " + operatorDescription + " was " + difference
              + ": use a different name for each state");
    }
  }
}
