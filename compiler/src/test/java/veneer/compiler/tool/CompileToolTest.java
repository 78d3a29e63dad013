package veneer.compiler.tool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.isa.elf.ElfFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompileToolTest {
  @TempDir
  Path dir;

  @Test
  void writesIrAsmAndElf() throws Exception {
    List<Path> ir = CompileTool.run("veneer.compiler.corpus.VectorAdd", "add", "ir", dir);
    assertEquals(List.of(dir.resolve("VectorAdd.add.ir")), ir);
    assertTrue(Files.readString(ir.get(0)).contains("aload"));
    Path s = CompileTool.run("veneer.compiler.corpus.VectorAdd", "add", "asm", dir).get(0);
    String asm = Files.readString(s);
    assertTrue(asm.contains("word 17..18  a  [I  array") && asm.matches("(?s).*csrrs\tx\\d+,0xfc0,x0.*"), asm);
    Path elf = CompileTool.run("veneer.compiler.corpus.VectorAdd", "add", "elf", dir).get(0);
    assertTrue(ElfFile.read(elf).symbol("VectorAdd.add").isPresent());
    List<Path> all = CompileTool.run("veneer.compiler.corpus.Crypto", null, "elf", dir);
    assertTrue(all.size() >= 5, all.toString());
  }

  @Test
  void badInputsSayWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompileTool.run("veneer.compiler.corpus.VectorAdd", "add", "obj", dir));
    assertEquals("--emit must be ir, asm or elf, found obj", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CompileTool.run("no.Such", null, "ir", dir));
    assertEquals("class no.Such is not on the class path", e.getMessage());
  }
}
