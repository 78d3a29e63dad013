package veneer.isa;

/**
 * Names of the standard CSRs, as the ratified RISC-V specs (privileged 1.12, AIA, Smstateen,
 * Sstc, Sscofpmf, V, F, Zkr, Debug) name them and as GNU objdump 2.40 prints them.
 * A CSR without a standard name prints as hex ({@code 0xfc0}), as objdump does.
 *
 * <pre>{@code
 * CsrNames.name(0xf14)  // "mhartid"
 * CsrNames.name(0xfc0)  // null (custom: printed 0xfc0)
 * }</pre>
 */
public final class CsrNames {
    private static final String[] NAMES = new String[4096];

    static {
        String table = """
                001 fflags;002 frm;003 fcsr;008 vstart;009 vxsat;00a vxrm;00f vcsr;015 seed;
                100 sstatus;104 sie;105 stvec;106 scounteren;10a senvcfg;10c sstateen0;10d sstateen1;
                10e sstateen2;10f sstateen3;114 sieh;140 sscratch;141 sepc;142 scause;143 stval;144 sip;
                14d stimecmp;150 siselect;151 sireg;154 siph;15c stopei;15d stimecmph;180 satp;
                200 vsstatus;204 vsie;205 vstvec;214 vsieh;240 vsscratch;241 vsepc;242 vscause;243 vstval;
                244 vsip;24d vstimecmp;250 vsiselect;251 vsireg;254 vsiph;25c vstopei;25d vstimecmph;280 vsatp;
                300 mstatus;301 misa;302 medeleg;303 mideleg;304 mie;305 mtvec;306 mcounteren;308 mvien;
                309 mvip;30a menvcfg;30c mstateen0;30d mstateen1;30e mstateen2;30f mstateen3;310 mstatush;
                313 midelegh;314 mieh;318 mvienh;319 mviph;31a menvcfgh;31c mstateen0h;31d mstateen1h;
                31e mstateen2h;31f mstateen3h;320 mcountinhibit;340 mscratch;341 mepc;342 mcause;343 mtval;
                344 mip;34a mtinst;34b mtval2;350 miselect;351 mireg;354 miph;35c mtopei;5a8 scontext;
                600 hstatus;602 hedeleg;603 hideleg;604 hie;605 htimedelta;606 hcounteren;607 hgeie;608 hvien;
                609 hvictl;60a henvcfg;60c hstateen0;60d hstateen1;60e hstateen2;60f hstateen3;613 hidelegh;
                615 htimedeltah;618 hvienh;61a henvcfgh;61c hstateen0h;61d hstateen1h;61e hstateen2h;
                61f hstateen3h;643 htval;644 hip;645 hvip;646 hviprio1;647 hviprio2;64a htinst;655 hviph;
                656 hviprio1h;657 hviprio2h;680 hgatp;6a8 hcontext;747 mseccfg;757 mseccfgh;7a0 tselect;
                7a1 tdata1;7a2 tdata2;7a3 tdata3;7a4 tinfo;7a5 tcontrol;7a8 mcontext;7aa mscontext;7b0 dcsr;
                7b1 dpc;7b2 dscratch0;7b3 dscratch1;b00 mcycle;b02 minstret;b80 mcycleh;b82 minstreth;
                c00 cycle;c01 time;c02 instret;c20 vl;c21 vtype;c22 vlenb;c80 cycleh;c81 timeh;c82 instreth;
                da0 scountovf;db0 stopi;e12 hgeip;eb0 vstopi;f11 mvendorid;f12 marchid;f13 mimpid;
                f14 mhartid;f15 mconfigptr;fb0 mtopi""";
        for (String entry : table.replace("\n", "").split(";")) {
            String[] kv = entry.trim().split(" ");
            NAMES[Integer.parseInt(kv[0], 16)] = kv[1];
        }
        for (int i = 0; i < 16; i++) {
            NAMES[0x3a0 + i] = "pmpcfg" + i;
        }
        for (int i = 0; i < 64; i++) {
            NAMES[0x3b0 + i] = "pmpaddr" + i;
        }
        for (int i = 3; i < 32; i++) {
            NAMES[0x320 + i] = "mhpmevent" + i;
            NAMES[0x720 + i] = "mhpmevent" + i + "h";
            NAMES[0xb00 + i] = "mhpmcounter" + i;
            NAMES[0xb80 + i] = "mhpmcounter" + i + "h";
            NAMES[0xc00 + i] = "hpmcounter" + i;
            NAMES[0xc80 + i] = "hpmcounter" + i + "h";
        }
    }

    private CsrNames() {
    }

    /** The standard name of CSR {@code csr} (0..4095), or null if it has none. */
    public static String name(int csr) {
        return csr >= 0 && csr < NAMES.length ? NAMES[csr] : null;
    }

    /** The name, or {@code 0x...} hex as objdump prints an unnamed CSR. */
    public static String format(int csr) {
        String n = name(csr);
        return n != null ? n : "0x" + Integer.toHexString(csr);
    }
}
