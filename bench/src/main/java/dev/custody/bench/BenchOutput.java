package dev.custody.bench;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code custody bench} command does with its result: print it, and write it as JSON if asked. */
final class BenchOutput {
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to this file.")
    Optional<Path> json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int report(BenchReport report) {
        spec.commandLine().getOut().println(report.toJson());
        json.ifPresent(report::writeTo);
        return 0;
    }
}
