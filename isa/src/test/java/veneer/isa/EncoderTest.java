package veneer.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EncoderTest {
    @Test
    void encodesKnownWords() {
        assertEquals(0xfff30293, Encoder.i(Opcode.ADDI, 5, 6, -1));
        assertEquals(0x7e532fa3, Encoder.s(Opcode.SW, 6, 5, 2047));
        assertEquals(0x008000ef, Encoder.j(Opcode.JAL, 1, 8));
        assertEquals(0xfe2098e3, Encoder.b(Opcode.BNE, 1, 2, -16));
        assertEquals(0xfffff2b7, Encoder.u(Opcode.LUI, 5, 0xfffff000));
        assertEquals(0xf14022f3, Encoder.csr(Opcode.CSRRS, 5, 0xf14, 0));
        assertEquals(0x0ff0000f, Encoder.fence(15, 15));
        assertEquals(0x00100073, Encoder.encode(Opcode.EBREAK, 0, 0, 0, 0));
    }

    @Test
    void badFieldsSayWhatWasExpected() {
        assertEquals("addi: immediate 2048 out of range -2048..2047",
                assertThrows(EncodingException.class, () -> Encoder.i(Opcode.ADDI, 1, 1, 2048)).getMessage());
        assertEquals("add: rd register x32 out of range; expected x0..x31",
                assertThrows(EncodingException.class, () -> Encoder.r(Opcode.ADD, 32, 1, 1)).getMessage());
        assertEquals("beq: offset 3 is odd; expected a multiple of 2",
                assertThrows(EncodingException.class, () -> Encoder.b(Opcode.BEQ, 1, 1, 3)).getMessage());
        assertEquals("slli: shift amount 32 out of range 0..31",
                assertThrows(EncodingException.class, () -> Encoder.i(Opcode.SLLI, 1, 1, 32)).getMessage());
        assertEquals("jal: jump offset 1048576 out of range -1048576..1048574",
                assertThrows(EncodingException.class, () -> Encoder.j(Opcode.JAL, 1, 1 << 20)).getMessage());
        assertEquals("csrrs: CSR number 4096 out of range 0..4095",
                assertThrows(EncodingException.class, () -> Encoder.csr(Opcode.CSRRS, 1, 4096, 0)).getMessage());
        assertEquals("add is format R; expected format S",
                assertThrows(EncodingException.class, () -> Encoder.s(Opcode.ADD, 1, 1, 0)).getMessage());
        assertEquals("ecall has no imm field; expected 0, found 5",
                assertThrows(EncodingException.class, () -> Encoder.encode(Opcode.ECALL, 0, 0, 0, 5)).getMessage());
        assertThrows(EncodingException.class, () -> Encoder.u(Opcode.LUI, 1, 0x123));
        assertThrows(EncodingException.class, () -> Encoder.encode(Opcode.ILLEGAL, 0, 0, 0, 0));
    }

    @Test
    void illegalWordsDecodeWithoutThrowing() {
        Instruction i = Decoder.decode(0xffffffff);
        assertEquals(Opcode.ILLEGAL, i.opcode());
        assertEquals(".4byte\t0xffffffff", Disassembler.disassemble(i, 0));
        assertEquals(Opcode.ILLEGAL, Decoder.decode(0x02031293).opcode()); // slli shamt 32 is reserved on RV32
    }
}
