package veneer.hdl.ir;

import java.util.Map;

/**
 * A child module instance. {@code inputs} maps each input port of the child to the parent net
 * that drives it (clock and reset included); outputs appear in the parent as nets driven by
 * {@link Driver.InstanceOutput}.
 */
public record Instance(String name, ModuleIr module, Map<String, Integer> inputs, SourceLoc loc) {}
