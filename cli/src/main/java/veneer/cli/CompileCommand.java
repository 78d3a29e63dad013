package veneer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import veneer.compiler.tool.CompileTool;

/** {@code veneer compile}: a kernel to IR, assembly or an ELF object. */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = {"Compile @Kernel methods onto the overlay and write one stage of the result.",
        "Example: ./veneer compile veneer.examples.VectorAdd#add --emit asm --out build/"})
final class CompileCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CLASS[#METHOD]", description = "The class (on the class path) and optionally one kernel.")
  String target;

  @Option(names = "--emit", paramLabel = "ir|asm|elf", description = "What to write (default ${DEFAULT-VALUE}).")
  String emit = "elf";

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write it.")
  Path out;

  @Override
  public Integer call() {
    int hash = target.indexOf('#');
    String className = hash < 0 ? target : target.substring(0, hash);
    String method = hash < 0 ? null : target.substring(hash + 1);
    List<Path> written = CompileTool.run(className, method, emit, out);
    written.forEach(p -> System.out.println("wrote " + p));
    return 0;
  }
}
