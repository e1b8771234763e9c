package katagym.grader.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import katagym.testkit.Runaways;
import org.junit.jupiter.api.Test;

class GuardedClassLoaderTest {

    @Test
    void classesUnderTheLearnersFolderAreDefinedRewrittenAndOthersComeFromTheParent() throws Exception {
        Path classes = Path.of(Runaways.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader parent = GuardedClassLoaderTest.class.getClassLoader();
        // here the contract shares the folder with the runaways: only the runaways are the "learner's"
        GuardedClassLoader loader = GuardedClassLoader.under(classes, parent, n -> n.startsWith(Runaways.class.getName()));
        Class<?> loop = loader.loadClass(Runaways.TightLoop.class.getName());
        assertThat(loop.getClassLoader()).as("a class under the folder is the learner's: defined, rewritten, by this loader")
                .isSameAs(loader);
        assertThat(loader.loadClass(Guard.class.getName())).as("the grader's classes come from the parent").isSameAs(Guard.class);
        GuardedClassLoader everything = GuardedClassLoader.under(classes, parent);
        assertThat(everything.loadClass(katagym.testkit.Echo.class.getName()).getClassLoader())
                .as("a file: URL written file:/a/b is under the folder Path.toUri() writes file:///a/b").isSameAs(everything);
        assertThat(loader.loadClass(katagym.testkit.Echo.class.getName())).as("the contract is the parent's, shared with the spec")
                .isSameAs(katagym.testkit.Echo.class);
    }
}
