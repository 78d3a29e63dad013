/* Veneer PE helpers: console output without printf, thread/PE ids, kernel arguments.
   Build with -DVENEER_QEMU to get the same functions on qemu-riscv32 (Linux user mode),
   where the console is stdout through the write system call. See docs/pe-isa.md. */
#ifndef VENEER_PE_H
#define VENEER_PE_H

#include <stdint.h>

#ifdef VENEER_QEMU
static inline void pe_putc(char c) {
    register long a0 __asm__("a0") = 1;
    register long a1 __asm__("a1") = (long) &c;
    register long a2 __asm__("a2") = 1;
    register long a7 __asm__("a7") = 64; /* write */
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
}
#else
#define PE_CONSOLE ((volatile uint32_t *) 0x20000000u)
#define PE_KERNEL_ARGS ((volatile const uint32_t *) 0x20000100u)
static inline void pe_putc(char c) { *PE_CONSOLE = (uint8_t) c; }
static inline uint32_t pe_thread_id(void) { uint32_t v; __asm__ volatile("csrr %0, 0xfc0" : "=r"(v)); return v; }
static inline uint32_t pe_id(void) { uint32_t v; __asm__ volatile("csrr %0, 0xfc1" : "=r"(v)); return v; }
static inline uint32_t pe_thread_count(void) { uint32_t v; __asm__ volatile("csrr %0, 0xfc2" : "=r"(v)); return v; }
static inline uint32_t pe_kernel_arg(int i) { return PE_KERNEL_ARGS[i]; }
#endif

static inline void pe_puts(const char *s) { while (*s) pe_putc(*s++); }

static inline void pe_puthex(uint32_t v) {
    for (int i = 28; i >= 0; i -= 4) pe_putc("0123456789abcdef"[(v >> i) & 15]);
}

static inline void pe_putdec(int32_t v) {
    char buf[12];
    int n = 0;
    uint32_t u = v < 0 ? 0u - (uint32_t) v : (uint32_t) v;
    do { buf[n++] = (char) ('0' + u % 10); u /= 10; } while (u);
    if (v < 0) pe_putc('-');
    while (n) pe_putc(buf[--n]);
}

#endif
