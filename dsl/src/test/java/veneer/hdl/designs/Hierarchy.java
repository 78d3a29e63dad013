package veneer.hdl.designs;

import veneer.hdl.BlackBox;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Three levels: {@link Top} holds two {@link Middle}s, each holding a {@link Leaf} of its own
 * width (so the two Leaf variants need unique names) and a {@link SyncFlop} black box.
 */
public final class Hierarchy {
  private Hierarchy() {}

  /** Accumulates its input; its width is a parameter, so each width is a module of its own. */
  public static final class Leaf extends Module {
    public final UInt in;
    public final UInt acc;

    public Leaf(int width) {
      in = input("in", UInt(width));
      acc = output("acc", UInt(width));
      UInt total = reg("total", UInt(width), 0);
      total.assign(total.add(in));
      acc.assign(total);
    }
  }

  /** A two-flop synchronizer written in Verilog, with a parameter. */
  public static final class SyncFlop extends BlackBox {
    public final Bool d = input("d", Bool());
    public final Bool q = output("q", Bool());

    public SyncFlop() {
      super("SyncFlop");
      clockInput("clk");
      parameter("STAGES", 2);
      verilogText("""
          // A synchronizer chain of STAGES flops.
          `default_nettype none
          module SyncFlop #(
            parameter STAGES = 2
          ) (
            input  wire clk,
            input  wire d,
            output wire q
          );
            reg [STAGES-1:0] chain = {STAGES{1'b0}};
            always @(posedge clk) chain <= {chain[STAGES-2:0], d};
            assign q = chain[STAGES-1];
          endmodule
          `default_nettype wire
          """);
    }
  }

  /** A leaf of {@code width} bits and a synchronized flag. */
  public static final class Middle extends Module {
    public final UInt in;
    public final Bool flag = input("flag", Bool());
    public final UInt out;
    public final Bool flagSync = output("flag_sync", Bool());

    public Middle(int width) {
      super("Middle" + width);
      in = input("in", UInt(width));
      out = output("out", UInt(width));
      Leaf leaf = instance("leaf", new Leaf(width));
      leaf.in.assign(in);
      out.assign(leaf.acc);
      SyncFlop sync = instance("sync", new SyncFlop());
      sync.d.assign(flag);
      flagSync.assign(sync.q);
    }
  }

  /** The top: an 8-bit and a 12-bit middle, their flags crossed over. */
  public static final class Top extends Module {
    public Top() {
      super("HierarchyTop");
      UInt in = input("in", UInt(8));
      Bool flag = input("flag", Bool());
      Middle narrow = instance("narrow", new Middle(8));
      Middle wide = instance("wide", new Middle(12));
      narrow.in.assign(in);
      narrow.flag.assign(flag);
      wide.in.assign(in.extend(12));
      wide.flag.assign(narrow.flagSync);
      output("low", UInt(8)).assign(narrow.out);
      output("sum", UInt(12)).assign(wide.out.add(narrow.out));
      output("flag_out", Bool()).assign(wide.flagSync);
    }
  }
}
