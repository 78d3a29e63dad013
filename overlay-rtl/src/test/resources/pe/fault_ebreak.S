# Thread 0 stops with a fault (or EBREAK) that lockstep compares with the model.
    .text
    .globl main
main:
    li a0, 1
    ebreak
    li a0, 0
    ret
