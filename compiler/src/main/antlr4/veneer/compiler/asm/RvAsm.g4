/*
 * RV32IM assembly as GNU as writes it: one statement per line (or separated by ';'), labels
 * before it, '#' comments. Which name is a mnemonic, a directive, a register or a symbol is
 * decided by the assembler, not the grammar, so the grammar stays small.
 */
grammar RvAsm;

program : line* last? EOF ;

line : label* statement? NEWLINE ;

last : label+ statement? | statement ;

label : (IDENT | NUMBER) ':' ;

statement : IDENT (operand (',' operand)*)? ;

operand
    : expr '(' IDENT ')'      # offsetOperand
    | '(' IDENT ')'           # baseOperand
    | expr                    # exprOperand
    | STRING                  # stringOperand
    ;

expr : sign='-'? term (ops+=('+' | '-') terms+=term)* ;

term
    : NUMBER                             # number
    | IDENT                              # symbol
    | LOCAL_REF                          # localRef
    | '%' reloc=IDENT '(' expr ')'       # relocation
    | '(' expr ')'                       # parens
    ;

IDENT : [a-zA-Z_.$] [a-zA-Z0-9_.$]* ;
LOCAL_REF : [0-9]+ [fb] ;
NUMBER : '0' [xX] [0-9a-fA-F]+ | '0' [bB] [01]+ | [0-9]+ ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
COMMENT : '#' ~[\r\n]* -> skip ;
NEWLINE : ('\r'? '\n' | ';')+ ;
WS : [ \t]+ -> skip ;
