package katagym.grader.guard;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a learner class (bytecode, with ASM) so that it can be stopped and cannot end the JVM:
 * every method starts with {@code Guard.check()}, every backward jump (a loop's back-edge) is preceded
 * by one, and calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} go to
 * {@link Guard} instead. The inserted call takes and leaves nothing on the stack and adds no branch,
 * so stack sizes and frames stay valid as they are.
 */
public final class GuardRewriter {
    private GuardRewriter() {}

    private static final String GUARD = "katagym/grader/guard/Guard";

    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) return mv;
                return new Checkpoints(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Checkpoints extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        Checkpoints(MethodVisitor mv) { super(Opcodes.ASM9, mv); }

        private void check() { super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "check", "()V", false); }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) check(); // a backward jump: a loop goes round again
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (backward(dflt, labels)) check();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (backward(dflt, labels)) check();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean backward(Label dflt, Label[] labels) {
            if (seen.contains(dflt)) return true;
            for (Label l : labels) if (seen.contains(l)) return true;
            return false;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit") && descriptor.equals("(I)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt")) && descriptor.equals("(I)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
