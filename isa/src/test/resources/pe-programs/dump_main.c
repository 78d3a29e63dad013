#include "veneer_pe.h"
/* Calls the generated straight-line/branchy body and prints the 27 registers x5..x31 it left. */
void rand_body(uint32_t *out);
static uint32_t regs[27];
int main(void) {
    rand_body(regs);
    for (int i = 0; i < 27; i++) { pe_putc('x'); pe_putdec(i + 5); pe_putc('='); pe_puthex(regs[i]); pe_putc('\n'); }
    return 0;
}
