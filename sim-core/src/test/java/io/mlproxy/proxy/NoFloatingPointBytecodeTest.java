package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Kernel discipline: no class of io.mlproxy.proxy (main code) may use float or double, neither as an
 * instruction, a constant, nor in any field, method, call or local-variable type.
 */
class NoFloatingPointBytecodeTest {

    /** Collects every floating-point use in one class. */
    static final class FloatScanner extends ClassVisitor {
        final List<String> findings = new ArrayList<>();
        private String className;

        FloatScanner() {
            super(Opcodes.ASM9);
        }

        private static boolean floaty(Type t) {
            if (t.getSort() == Type.ARRAY) {
                t = t.getElementType();
            }
            return t.getSort() == Type.FLOAT || t.getSort() == Type.DOUBLE;
        }

        static boolean floatyDescriptor(String desc) {
            if (desc == null) {
                return false;
            }
            if (desc.startsWith("(")) {
                Type m = Type.getMethodType(desc);
                if (floaty(m.getReturnType())) {
                    return true;
                }
                for (Type a : m.getArgumentTypes()) {
                    if (floaty(a)) {
                        return true;
                    }
                }
                return false;
            }
            return floaty(Type.getType(desc));
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] itf) {
            className = name;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
            if (floatyDescriptor(desc)) {
                findings.add(className + "." + name + " field " + desc);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] ex) {
            String where = className + "." + name + desc;
            if (floatyDescriptor(desc)) {
                findings.add(where + " signature");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInsn(int opcode) {
                    if (isFloatOpcode(opcode)) {
                        findings.add(where + " opcode " + opcode);
                    }
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    if (opcode == Opcodes.NEWARRAY && (operand == Opcodes.T_FLOAT || operand == Opcodes.T_DOUBLE)) {
                        findings.add(where + " newarray float/double");
                    }
                }

                @Override
                public void visitVarInsn(int opcode, int var) {
                    if (opcode == Opcodes.FLOAD || opcode == Opcodes.DLOAD || opcode == Opcodes.FSTORE
                            || opcode == Opcodes.DSTORE) {
                        findings.add(where + " local variable opcode " + opcode);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Float || value instanceof Double) {
                        findings.add(where + " constant " + value);
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
                    if (floatyDescriptor(fdesc)) {
                        findings.add(where + " field access " + owner + "." + fname);
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                    if (floatyDescriptor(mdesc)) {
                        findings.add(where + " call " + owner + "." + mname + mdesc);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
                    if (floatyDescriptor(idesc)) {
                        findings.add(where + " invokedynamic " + iname + idesc);
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (type.equals("java/lang/Float") || type.equals("java/lang/Double")) {
                        findings.add(where + " type " + type);
                    }
                }

                @Override
                public void visitLocalVariable(String lname, String ldesc, String lsig, Label s, Label e, int index) {
                    if (floatyDescriptor(ldesc)) {
                        findings.add(where + " local " + lname + " " + ldesc);
                    }
                }
            };
        }

        static boolean isFloatOpcode(int op) {
            return op >= Opcodes.FCONST_0 && op <= Opcodes.DCONST_1
                    || op >= Opcodes.FALOAD && op <= Opcodes.DALOAD
                    || op >= Opcodes.FASTORE && op <= Opcodes.DASTORE
                    || op == Opcodes.FADD || op == Opcodes.DADD || op == Opcodes.FSUB || op == Opcodes.DSUB
                    || op == Opcodes.FMUL || op == Opcodes.DMUL || op == Opcodes.FDIV || op == Opcodes.DDIV
                    || op == Opcodes.FREM || op == Opcodes.DREM || op == Opcodes.FNEG || op == Opcodes.DNEG
                    || op >= Opcodes.I2F && op <= Opcodes.D2F && op != Opcodes.I2L && op != Opcodes.L2I
                    || op >= Opcodes.FCMPL && op <= Opcodes.DCMPG
                    || op == Opcodes.FRETURN || op == Opcodes.DRETURN;
        }
    }

    static List<String> scan(InputStream classFile) throws IOException {
        FloatScanner s = new FloatScanner();
        new ClassReader(classFile).accept(s, 0);
        return s.findings;
    }

    @Test
    void noFloatingPointInTheProxyPackage() throws IOException, URISyntaxException {
        Path classes = Paths.get(MlModelProxy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve("io/mlproxy/proxy");
        List<Path> files;
        try (Stream<Path> s = Files.list(pkg)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertThat(files).as("compiled classes of io.mlproxy.proxy").hasSizeGreaterThan(30);
        assertThat(pkg.toString()).doesNotContain("test-classes");
        List<String> findings = new ArrayList<>();
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                findings.addAll(scan(in));
            }
        }
        assertThat(findings).isEmpty();
    }

    /** A class that does use floating point, to show the scanner finds each kind of use. */
    @SuppressWarnings("unused")
    static final class Offender {
        double field;

        static long viaLocal(long x) {
            double d = x * 0.5;
            return (long) d;
        }

        static int viaCall(int x) {
            return (int) Math.sqrt(x);
        }

        static String viaFormat(long x) {
            return String.valueOf(x / 3.0f);
        }
    }

    @Test
    void theScannerDetectsFloatingPoint() throws IOException {
        try (InputStream in = Offender.class.getResourceAsStream("NoFloatingPointBytecodeTest$Offender.class")) {
            List<String> f = scan(in);
            assertThat(f).anyMatch(s -> s.contains("field field"));
            assertThat(f).anyMatch(s -> s.contains("viaLocal") && s.contains("local variable opcode"));
            assertThat(f).anyMatch(s -> s.contains("viaCall") && s.contains("java/lang/Math.sqrt"));
            assertThat(f).anyMatch(s -> s.contains("viaFormat") && s.contains("valueOf"));
        }
        try (InputStream in = MlModelProxy.class.getResourceAsStream("MlModelProxy.class")) {
            assertThat(scan(in)).isEmpty();
        }
    }
}
