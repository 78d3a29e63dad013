# Veneer PE start-up. Every hardware thread starts here at reset with all registers zero.
#  - sp = __stack_top - threadId * __stack_size (each thread its own stack in the scratchpad)
#  - thread 0 calls main(); its return value r ends the whole run: tohost = (r << 1) | 1
#    (1 = pass, otherwise failure code r)
#  - every other thread calls thread_main(threadId) if the program defines it, then exits
#    with ECALL (a0 = its return value); without thread_main it exits at once with code 0
# .bss needs no clearing: the loader zero-fills it (PeModel.load, the runtime's IMEM/scratch loader).
    .section .text.init, "ax"
    .globl _start
_start:
    csrrs   t0, 0xfc0, x0          # thread id (PeCsr.THREAD_ID)
    la      sp, __stack_top
    la      t1, __stack_size
    mul     t1, t1, t0
    sub     sp, sp, t1
    bnez    t0, 1f
    call    main
    slli    a0, a0, 1
    ori     a0, a0, 1
    la      t0, tohost
    sw      a0, 0(t0)
0:  j       0b                     # the run has ended; never reached in the model
1:  mv      a0, t0
    la      t1, thread_main
    beqz    t1, 2f
    jalr    t1
    ecall
2:  li      a0, 0
    ecall

    .weak thread_main

    .section .tohost, "aw", @progbits
    .align  2
    .globl  tohost
tohost: .word 0
