package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code custody serve} runs on ({@code custody.jar} and {@code target/lib}, as the launcher and
 * the packaged-process tests build it) holds no benchmark code: JMH and the harness have their own
 * launcher and class path.
 */
class ServeClassPathIT {
    @Test
    void serveClassPath_holdsTheServerButNoBenchmarkOrJmhJar() throws IOException {
        List<String> jars;
        try (Stream<Path> lib = Files.list(Path.of("target", "lib"))) {
            jars = lib.map(jar -> jar.getFileName().toString()).toList();
        }

        assertThat(jars).anyMatch(jar -> jar.startsWith("custody-server-"));
        assertThat(jars).anyMatch(jar -> jar.startsWith("jackson-databind-"));
        assertThat(jars).noneMatch(jar -> jar.startsWith("jmh-") || jar.startsWith("custody-bench"));
    }
}
