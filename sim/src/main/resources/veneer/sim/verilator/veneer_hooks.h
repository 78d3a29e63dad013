// Force-included into every C++ file of a model (verilated.cpp too), so that Verilator's
// console output goes to the model that is being evaluated instead of the process's stdout.
#ifndef VENEER_HOOKS_H
#define VENEER_HOOKS_H
void veneer_vl_printf(const char* format, ...);
#define VL_PRINTF veneer_vl_printf
#endif
