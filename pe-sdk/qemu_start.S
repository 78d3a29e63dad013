# Linux-user start-up for running the same test bodies under qemu-riscv32:
# sets gp (the default GNU ld script defines __global_pointer$ and relaxes accesses to it),
# calls main() and exits with its return value (exit system call 93).
    .text
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    call    main
    li      a7, 93
    ecall
