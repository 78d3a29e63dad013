#include "veneer_pe.h"
static volatile int32_t vals[] = {0, 1, -1, 7, -7, 2147483647, (int32_t) 0x80000000u, 12345, -98765, 3};
int main(void) {
    int n = sizeof vals / sizeof vals[0];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            int32_t a = vals[i], b = vals[j];
            uint32_t ua = (uint32_t) a, ub = (uint32_t) b;
            int32_t q, r;
            uint32_t uq, ur;
            __asm__ volatile("div %0,%1,%2" : "=r"(q) : "r"(a), "r"(b));
            __asm__ volatile("rem %0,%1,%2" : "=r"(r) : "r"(a), "r"(b));
            __asm__ volatile("divu %0,%1,%2" : "=r"(uq) : "r"(ua), "r"(ub));
            __asm__ volatile("remu %0,%1,%2" : "=r"(ur) : "r"(ua), "r"(ub));
            int64_t p = (int64_t) a * b;
            uint64_t up = (uint64_t) ua * ub;
            pe_puthex(q); pe_putc(' '); pe_puthex(r); pe_putc(' ');
            pe_puthex(uq); pe_putc(' '); pe_puthex(ur); pe_putc(' ');
            pe_puthex((uint32_t) (p >> 32)); pe_puthex((uint32_t) p); pe_putc(' ');
            pe_puthex((uint32_t) (up >> 32)); pe_putc(' ');
            pe_puthex(ua << (ub & 31)); pe_putc(' '); pe_puthex((uint32_t) (a >> (b & 31))); pe_putc(' ');
            pe_puthex(ua >> (ub & 31)); pe_putc(' '); pe_putdec(a < b); pe_putdec(ua < ub); pe_putc('\n');
        }
    }
    return 0;
}
