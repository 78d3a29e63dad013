# qemu-riscv32 (Linux user mode) harness for a kernel compiled with CompileOptions.withQemuUser(true).
#
# stdin:  P, T, N (3 words), the 64 argument words, then N bytes of global memory (0x80000000..)
# stdout: the N bytes of global memory after the launch
#
# The kernel's code is included from kernel.bin (it is position-independent: absolute addresses are
# only the PE's fixed regions, which this program provides at the same addresses). Every thread t of
# every PE p runs to its end, one after the other: the harness stores t, p and T at 0x20000010 (where
# a qemu build reads them instead of the PE's CSRs 0xFC0, 0xFC1, 0xFC2) and the address to come back
# to at 0x2000001c (where a qemu build jumps instead of its final ecall). Threads run in sequence, so
# kernels with barriers (team mode) cannot run here.
    .equ IDS, 0x20000010
    .equ ARGS, 0x20000100
    .equ GLOBAL, 0x80000000
    .equ SYS_READ, 63
    .equ SYS_WRITE, 64
    .equ SYS_EXIT, 93

    .text
    .globl _start
_start:
    la      a1, header
    li      a2, 12
    call    readfull
    li      a1, ARGS
    li      a2, 256
    call    readfull
    li      a1, GLOBAL
    la      t0, header
    lw      a2, 8(t0)
    call    readfull
    la      t0, state
    sw      zero, 0(t0)             # PE
pe_loop:
    la      t0, state
    la      t1, header
    lw      t2, 0(t0)
    lw      t3, 0(t1)
    bge     t2, t3, finish
    sw      zero, 4(t0)             # thread
thread_loop:
    la      t0, state
    la      t1, header
    lw      t2, 4(t0)               # t
    lw      t3, 4(t1)               # T
    bge     t2, t3, next_pe
    lw      t4, 0(t0)               # p
    li      t5, IDS
    sw      t2, 0(t5)
    sw      t4, 4(t5)
    sw      t3, 8(t5)
    la      t6, back
    sw      t6, 12(t5)
    j       kernel_code
back:
    bnez    a0, bad_exit
    la      t0, state
    lw      t2, 4(t0)
    addi    t2, t2, 1
    sw      t2, 4(t0)
    j       thread_loop
next_pe:
    lw      t2, 0(t0)
    addi    t2, t2, 1
    sw      t2, 0(t0)
    j       pe_loop
finish:
    li      a1, GLOBAL
    la      t0, header
    lw      a2, 8(t0)
write_loop:
    beqz    a2, done
    li      a0, 1
    li      a7, SYS_WRITE
    ecall
    blez    a0, io_error
    add     a1, a1, a0
    sub     a2, a2, a0
    j       write_loop
done:
    li      a0, 0
    li      a7, SYS_EXIT
    ecall
bad_exit:
    li      a0, 3
    li      a7, SYS_EXIT
    ecall
io_error:
    li      a0, 2
    li      a7, SYS_EXIT
    ecall

# reads a2 bytes from stdin to a1
readfull:
    beqz    a2, 1f
    li      a0, 0
    li      a7, SYS_READ
    ecall
    blez    a0, io_error
    add     a1, a1, a0
    sub     a2, a2, a0
    j       readfull
1:  ret

    .balign 4
kernel_code:
    .incbin "kernel.bin"

    .bss
    .balign 4
header: .space 12                   # P, T, N
state:  .space 8                    # current PE, current thread

    .section .spm, "aw", @nobits    # the PE's scratchpad: context blocks and stacks
    .space 0x4000
    .section .mmio, "aw", @nobits   # ids at 0x10, argument block at 0x100
    .space 0x200
    .section .global, "aw", @nobits # global memory
    .space 0x100000
