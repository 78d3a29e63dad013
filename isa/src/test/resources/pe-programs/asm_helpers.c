#include "veneer_pe.h"
void pe_puthex_asm(uint32_t v) { pe_puthex(v); pe_putc('\n'); }
