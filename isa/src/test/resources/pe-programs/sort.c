#include "veneer_pe.h"
static int16_t data[200];
static uint8_t bytes[64];
static void insertion_sort(int16_t *a, int n) {
    for (int i = 1; i < n; i++) {
        int16_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}
int main(void) {
    uint32_t s = 0x1234567u;
    for (int i = 0; i < 200; i++) { s = s * 1103515245u + 12345u; data[i] = (int16_t) (s >> 8); }
    insertion_sort(data, 200);
    int32_t sum = 0;
    for (int i = 0; i < 200; i++) { sum += data[i]; if (i % 20 == 0) { pe_putdec(data[i]); pe_putc(' '); } }
    pe_putc('\n'); pe_putdec(sum); pe_putc('\n');
    for (int i = 0; i < 64; i++) bytes[i] = (uint8_t) (i * 37);
    uint32_t h = 0;
    for (int i = 0; i < 64; i++) h = (h ^ bytes[i]) * 16777619u + (int8_t) bytes[i];
    pe_puthex(h); pe_putc('\n');
    return sum == 0 ? 1 : 0;
}
