package io.millrace.runtime.api;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Readable names for user functions, used in operator names: the class's simple name, or for
 * lambdas and method references what their serialized form tells ({@code Click::userId},
 * {@code lambda in ClickJob.main}).
 */
final class FunctionNames {
  private FunctionNames() {}

  static String describe(Object function) {
    if (function == null) {
      return "?";
    }
    Class<?> type = function.getClass();
    if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
      String lambda = describeLambda(function);
      if (lambda != null) {
        return lambda;
      }
      return "lambda";
    }
    if (type.isAnonymousClass()) {
      Class<?> enclosing = type.getEnclosingClass();
      return "anonymous " + type.getSuperclass().getSimpleName()
          + (enclosing != null ? " in " + enclosing.getSimpleName() : "");
    }
    return type.getSimpleName();
  }

  private static String describeLambda(Object function) {
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replaced = writeReplace.invoke(function);
      if (!(replaced instanceof SerializedLambda lambda)) {
        return null;
      }
      String implClass = simpleName(lambda.getImplClass());
      String method = lambda.getImplMethodName();
      if (method.startsWith("lambda$")) {
        String[] parts = method.split("\\$");
        String enclosingMethod = parts.length > 1 ? parts[1] : "?";
        return "lambda in " + implClass + "." + enclosingMethod;
      }
      return implClass + "::" + method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String simpleName(String internalName) {
    String name = internalName.substring(internalName.lastIndexOf('/') + 1);
    return name.substring(name.lastIndexOf('$') + 1);
  }
}
