# Assembly body: sum of 1..100 with a backward branch, sign extension via byte loads, printed in hex.
    .text
    .globl main
main:
    addi    sp, sp, -16
    sw      ra, 12(sp)
    li      t0, 100
    li      t1, 0
1:  add     t1, t1, t0
    addi    t0, t0, -1
    bnez    t0, 1b
    mv      a0, t1
    call    pe_puthex_asm
    la      t2, bytes
    lb      a0, 0(t2)
    call    pe_puthex_asm
    lbu     a0, 0(t2)
    call    pe_puthex_asm
    lh      a0, 0(t2)
    call    pe_puthex_asm
    lw      ra, 12(sp)
    addi    sp, sp, 16
    li      a0, 0
    ret
    .data
bytes: .byte 0x80, 0xff, 0x01, 0x02
