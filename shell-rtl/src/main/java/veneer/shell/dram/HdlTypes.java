package veneer.shell.dram;

import veneer.hdl.Bool;
import veneer.hdl.HdlType;
import veneer.hdl.UInt;

/** Type constructors for helpers that build hardware from outside a Module subclass. */
final class HdlTypes {
  private HdlTypes() {}

  static HdlType<Bool> bool() {
    return HdlType.bool();
  }

  static HdlType<UInt> uint(int width) {
    return HdlType.uint(width);
  }
}
