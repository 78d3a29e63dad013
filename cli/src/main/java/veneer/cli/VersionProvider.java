package veneer.cli;

import picocli.CommandLine.IVersionProvider;

/** The version comes from the jar manifest, so there is one place that sets it: the POM. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"veneer " + (v == null ? "(development build)" : v)};
  }
}
