package veneer.sim.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import veneer.sim.Backend;

/**
 * Expands a {@link BackendTest} into one invocation per back end of {@code veneer.backends}.
 */
public final class BackendInvocations implements TestTemplateInvocationContextProvider {
  /** The system property listing the back ends to run. */
  public static final String PROPERTY = "veneer.backends";
  /** The back ends when the property is not set. */
  public static final String DEFAULT = "jvm,verilator";

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(BackendTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    String name = context.getDisplayName();
    return configured().stream().map(b -> invocation(name, b));
  }

  /** The back ends named by {@code -Dveneer.backends}, in order, without repeats. */
  public static List<Backend> configured() {
    String spec = System.getProperty(PROPERTY);
    if (spec == null || spec.isBlank()) {
      spec = DEFAULT;
    }
    Set<Backend> out = new LinkedHashSet<>();
    for (String part : spec.split(",")) {
      if (!part.isBlank()) {
        out.add(Backend.parse(part));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + " names no back end: expected jvm, verilator or both");
    }
    return new ArrayList<>(out);
  }

  private static TestTemplateInvocationContext invocation(String name, Backend backend) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return name + " [" + backend.name().toLowerCase(Locale.ROOT) + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new ParameterResolver() {
          @Override
          public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == Backend.class;
          }

          @Override
          public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return backend;
          }
        });
      }
    };
  }
}
