package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.TextField;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a project's prompts from an uploaded file, one prompt a line: plain text (blank lines
 * skipped), or CSV (RFC 4180, so a prompt may hold commas and quotes) whose first column is the
 * prompt, with an optional header row naming that column {@code prompt}. Every prompt is validated
 * as {@link Project} validates it; the first bad line fails the whole import with its line number.
 */
public final class PromptImport {
    public static final int MAX_PROMPTS = Project.MAX_PROMPTS;

    private PromptImport() {}

    public enum Format {
        TEXT,
        CSV
    }

    public static List<String> parse(String content, Format format) {
        requireNonNull(content, "content is null");
        requireNonNull(format, "format is null");
        String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<String> prompts = switch (format) {
            case TEXT -> text(body);
            case CSV -> csv(body);
        };
        if (prompts.isEmpty()) {
            throw CustodyException.invalidInput("the file holds no prompt");
        }
        return List.copyOf(prompts);
    }

    private static List<String> text(String body) {
        List<String> prompts = new ArrayList<>();
        String[] lines = body.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                add(prompts, lines[i].strip(), i + 1);
            }
        }
        return prompts;
    }

    private static List<String> csv(String body) {
        List<String> prompts = new ArrayList<>();
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(body))) {
            for (CSVRecord record : parser) {
                String prompt = record.get(0).strip();
                boolean header = record.getRecordNumber() == 1 && prompt.equalsIgnoreCase("prompt");
                if (!header && !(record.size() == 1 && prompt.isEmpty())) {
                    add(prompts, prompt, record.getRecordNumber());
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports malformed quoting as an unchecked exception with the position.
            throw CustodyException.invalidInput("malformed CSV: unbalanced quotes or stray characters");
        }
        return prompts;
    }

    private static void add(List<String> prompts, String prompt, long line) {
        if (prompts.size() == MAX_PROMPTS) {
            throw CustodyException.invalidInput("more than " + MAX_PROMPTS + " prompts");
        }
        try {
            prompts.add(TextField.require(prompt, "prompt", Project.MAX_PROMPT_LENGTH));
        } catch (CustodyException e) {
            throw CustodyException.invalidInput("line " + line + ": " + e.getMessage());
        }
    }
}
