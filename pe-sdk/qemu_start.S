# Linux-user start-up for running the same test bodies under qemu-riscv32:
# calls main() and exits with its return value (exit system call 93).
    .text
    .globl _start
_start:
    call    main
    li      a7, 93
    ecall
