package katagym.grader.run;

import katagym.grader.catalogue.Kata;
import katagym.grader.spec.KataSpec;

/** Finds a kata's spec, stub and reference by the names its slug gives them. */
public final class Implementations {
    private Implementations() {}

    public static KataSpec<?> spec(Kata kata) {
        Object spec = instantiate(kata.specClass(), Implementations.class.getClassLoader());
        if (!(spec instanceof KataSpec<?> s)) {
            throw new IllegalStateException(kata.specClass() + " does not implement KataSpec");
        }
        return s;
    }

    /**
     * The learner's stub, from the compiled katas module ({@code mvn test}), loaded through a class
     * loader that rewrites it so a run over its time limit can be stopped on any JDK.
     */
    public static Object stub(Kata kata) { return instantiate(kata.stubClass(), guardedLoader()); }

    private static volatile ClassLoader guarded;

    private static ClassLoader guardedLoader() {
        if (guarded == null) {
            synchronized (Implementations.class) {
                if (guarded == null) {
                    guarded = katagym.grader.guard.GuardedClassLoader.under(
                            ProjectRoot.find().resolve("katas").resolve("target").resolve("classes"), loader());
                }
            }
        }
        return guarded;
    }

    public static Object reference(Kata kata) { return instantiate(kata.referenceClass(), loader()); }

    /**
     * A kata's fixture bugs: the nested classes of {@code <Name>Bugs} that implement its contract, by name.
     * They live in the reference module's test classes, so this finds none unless those are on the classpath.
     */
    public static java.util.List<Class<?>> fixtureBugs(Kata kata) {
        return nestedImplementations(kata, kata.bugsClass());
    }

    /** A kata's correct solutions unlike the reference: the nested classes of {@code <Name>Alternatives}. */
    public static java.util.List<Class<?>> alternatives(Kata kata) {
        return nestedImplementations(kata, kata.contractClass() + "Alternatives");
    }

    private static java.util.List<Class<?>> nestedImplementations(Kata kata, String holderClass) {
        try {
            Class<?> holder = Class.forName(holderClass, false, loader());
            Class<?> contract = Class.forName(kata.contractClass(), false, loader());
            return java.util.Arrays.stream(holder.getDeclaredClasses()).filter(contract::isAssignableFrom)
                    .sorted(java.util.Comparator.comparing(Class::getSimpleName)).toList();
        } catch (ClassNotFoundException e) {
            return java.util.List.of();
        }
    }

    /** An instance of a (possibly non-public) class with a no-argument constructor: a fixture bug or an alternative. */
    public static Object newInstance(Class<?> c) {
        try {
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not construct " + c.getName(), e);
        }
    }

    public static boolean exists(String className) {
        try {
            Class.forName(className, false, loader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static Object instantiate(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class " + className + " not found on the classpath", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("could not construct " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not construct " + className + " (it needs a public no-argument constructor)", e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : Implementations.class.getClassLoader();
    }
}
