# Thread 0 stops with an illegal-instruction fault that lockstep compares with the model. The word
# (opcode 0101111, AMO, not in RV32IM) has opcode bits 5 and 3 set, as JAL does: the decoder's unit
# bits, defined for legal words only, may call it a jump, and its stop pc must still be its own.
    .text
    .globl main
main:
    li a0, 1
    .word 0x0000202f
    li a0, 0
    ret
