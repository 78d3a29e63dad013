package veneer.compiler.ir;

/** A source position: file name and line (-1 if the class has no line table). */
public record Loc(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
