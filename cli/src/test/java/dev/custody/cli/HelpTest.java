package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
    @Test
    void everyCommandAndSubcommand_printsItsUsage_forDashHAndDashDashHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), List.of(), commands);
        assertThat(commands).as("the walk found the subcommands").hasSizeGreaterThan(10);

        for (List<String> command : commands) {
            for (String flag : List.of("-h", "--help")) {
                var out = new StringWriter();
                var err = new StringWriter();
                List<String> args = new ArrayList<>(command);
                args.add(flag);

                int status = Main.commandLine()
                        .setOut(new PrintWriter(out))
                        .setErr(new PrintWriter(err))
                        .execute(args.toArray(String[]::new));

                assertThat(status).as(args + ": " + err).isZero();
                assertThat(out.toString()).as(String.join(" ", args)).startsWith("Usage: custody");
            }
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> found) {
        for (var sub : command.getSubcommands().entrySet()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            found.add(subPath);
            collect(sub.getValue(), subPath, found);
        }
    }
}
