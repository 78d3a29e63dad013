#include "veneer_pe.h"
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}
static uint32_t gcd(uint32_t a, uint32_t b) { return b == 0 ? a : gcd(b, a % b); }
int main(void) {
    for (int i = 0; i < 18; i += 3) { pe_putdec(fib(i)); pe_putc(' '); }
    pe_putc('\n');
    pe_putdec(ackermann(2, 3)); pe_putc(' '); pe_putdec((int32_t) gcd(1071u * 97u, 462u * 97u)); pe_putc('\n');
    return fib(10) == 55 ? 0 : 2;
}
