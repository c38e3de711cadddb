package nl.uitkijk.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Runs a conformance kit inside a running installation, where there is no test engine: the same checks, in the
 * kit's order ({@link Order}, else by name), each between the kit's {@link BeforeEach} and {@link AfterEach}
 * methods, with {@link BeforeAll} first and {@link AfterAll} last, on one instance (the kits are
 * {@code PER_CLASS}). A check the kit declares not applicable ({@link TestAbortedException}) is reported so; one
 * whose assumption fails (missing test data) could not run and failed, as did one that threw anything else.
 * {@link TempDir} fields get a fresh directory. The report is the one JUnit would have written, kept in memory.
 *
 * <p>Why not the JUnit Platform launcher: it finds its engines and listeners with {@code ServiceLoader}, which an
 * OSGi framework does not wire across bundles; the kits need only this much of it.
 */
public final class KitRun {

    private KitRun() {
    }

    /**
     * Runs every check of the kit and answers its JSON report.
     *
     * @param kit an instance of a conformance kit's concrete subclass
     * @throws IllegalArgumentException if {@code kit} is not a conformance kit
     * @throws Exception if the kit's set-up ({@code @BeforeAll}) or report ({@code @AfterAll}) fails
     */
    public static String run(Object kit) throws Exception {
        if (!(kit instanceof ConformanceReport.Kit conformance)) {
            throw new IllegalArgumentException(kit.getClass().getName() + " is not a conformance kit");
        }
        ConformanceReport report = conformance.report();
        report.keepInMemory();
        List<Method> methods = methodsOf(kit.getClass());
        for (Field field : fieldsOf(kit.getClass())) {
            if (field.isAnnotationPresent(TempDir.class) && field.getType() == Path.class) {
                field.setAccessible(true);
                field.set(Modifier.isStatic(field.getModifiers()) ? null : kit,
                        Files.createTempDirectory("uitkijk-kit"));
            }
        }
        lifecycle(kit, methods, BeforeAll.class);
        List<Method> checks = methods.stream().filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparingInt((Method m) -> m.isAnnotationPresent(Order.class)
                        ? m.getAnnotation(Order.class).value() : Order.DEFAULT).thenComparing(Method::getName))
                .toList();
        for (Method check : checks) {
            String name = check.getName() + "()";
            try {
                invokeAll(kit, methods, BeforeEach.class);
                invoke(kit, check);
                report.record(name, "passed", "");
            } catch (TestAbortedException aborted) {
                // the kit's own "does not apply" passes; an unmet assumption (test data, a tool) means the check
                // could not run here, which certifies nothing
                boolean assumption = String.valueOf(aborted.getMessage()).startsWith("Assumption failed");
                report.record(name, assumption ? "failed" : "not applicable", assumption ? "could not run here: "
                        + aborted.getMessage() : aborted.getMessage());
            } catch (Throwable failed) {
                report.record(name, "failed", String.valueOf(failed.getMessage()));
                if (failed instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            } finally {
                try {
                    invokeAll(kit, methods, AfterEach.class);
                } catch (Throwable cleanUp) {
                    report.record(name, "failed", "after the check: " + cleanUp.getMessage());
                }
            }
        }
        lifecycle(kit, methods, AfterAll.class);
        return report.written();
    }

    /** The kit's set-up or report: a failure there is the run's, not one check's. */
    private static void lifecycle(Object kit, List<Method> methods, Class<? extends java.lang.annotation.Annotation>
            phase) throws Exception {
        try {
            invokeAll(kit, methods, phase);
        } catch (Exception | Error thrown) {
            throw thrown;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }

    private static void invokeAll(Object kit, List<Method> methods, Class<? extends java.lang.annotation.Annotation>
            phase) throws Throwable {
        for (Method method : methods) {
            if (method.isAnnotationPresent(phase)) {
                invoke(kit, method);
            }
        }
    }

    private static void invoke(Object kit, Method method) throws Throwable {
        if (method.getParameterCount() > 0) {
            throw new IllegalStateException(method.getName() + " takes parameters, which a kit run cannot supply");
        }
        method.setAccessible(true);
        try {
            method.invoke(Modifier.isStatic(method.getModifiers()) ? null : kit);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    /** The kit's methods, the superclass's first (as JUnit runs a superclass's lifecycle methods first). */
    private static List<Method> methodsOf(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c : hierarchy(type)) {
            methods.addAll(List.of(c.getDeclaredMethods()));
        }
        // an override in a subclass takes the superclass method's place, and inherits nothing of its annotations
        return methods.stream().filter(m -> !isOverriddenBelow(m, type)).toList();
    }

    private static boolean isOverriddenBelow(Method method, Class<?> type) {
        if (Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            return false;
        }
        for (Class<?> c = type; c != null && c != method.getDeclaringClass(); c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                return true;
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return false;
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy(type)) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(0, c);
        }
        return classes;
    }
}
