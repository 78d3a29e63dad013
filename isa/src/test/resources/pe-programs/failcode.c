#include "veneer_pe.h"
/* Returns a non-zero code: the PE reports it through tohost, qemu through the exit status. */
int main(void) { pe_puts("failing on purpose\n"); return 21; }
