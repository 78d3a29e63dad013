#include "veneer_pe.h"
static const char *const words[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"};
static int length(const char *s) { int n = 0; while (s[n]) n++; return n; }
static int compare(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char) *a - (unsigned char) *b;
}
int main(void) {
    int total = 0;
    for (int i = 0; i < 6; i++) {
        pe_puts(words[i]); pe_putc(':'); pe_putdec(length(words[i]));
        pe_putc(' '); pe_putdec(compare(words[i], words[(i + 1) % 6])); pe_putc('\n');
        total += length(words[i]);
    }
    return total == 30 ? 0 : 3;
}
