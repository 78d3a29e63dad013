# Every M-extension instruction with ordinary, zero and overflow operands; main returns 0.
    .text
    .globl main
main:
    li   t0, -123456
    li   t1, 789
    li   t2, 0
    li   t3, 0x80000000
    li   t4, -1
    mul    a1, t0, t1
    mulh   a1, t0, t1
    mulhsu a1, t0, t1
    mulhu  a1, t0, t1
    mulh   a1, t3, t3
    mulhsu a1, t4, t4
    mulhu  a1, t4, t4
    div  a2, t0, t1
    divu a2, t0, t1
    rem  a2, t0, t1
    remu a2, t0, t1
    div  a3, t0, t2
    divu a3, t0, t2
    rem  a3, t0, t2
    remu a3, t0, t2
    div  a4, t3, t4
    rem  a4, t3, t4
    div  a5, t1, t0
    rem  a5, t1, t0
    # Divisions whose destination is a source, whose dividend is x0, whose result is discarded,
    # with a negative divisor and a positive dividend, and with large unsigned operands.
    li   t5, 7
    li   t6, -2
    div  a6, t5, t6
    rem  a7, t5, t6
    rem  a6, t6, t5
    div  a7, zero, t6
    rem  a7, zero, t6
    divu a6, t4, t5
    remu a7, t4, t6
    div  zero, t0, t1
    div  t5, t5, t5
    rem  t6, t0, t6
    divu t0, t0, t0
    li   a0, 0
    ret
