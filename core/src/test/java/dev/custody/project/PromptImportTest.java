package dev.custody.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.project.PromptImport.Format;
import org.junit.jupiter.api.Test;

class PromptImportTest {
    @Test
    void text_isOnePromptALine_blankLinesSkipped() {
        assertThat(PromptImport.parse("\uFEFFThe birch canoe.\r\n\n  Glue the sheet.  \rLast one", Format.TEXT))
                .containsExactly("The birch canoe.", "Glue the sheet.", "Last one");
    }

    @Test
    void csv_takesTheFirstColumn_withQuotesAndAnOptionalHeader() {
        String csv = "prompt,notes\n\"Hello, world.\",greeting\n\"She said \"\"no\"\".\",quote\nPlain,\n";
        assertThat(PromptImport.parse(csv, Format.CSV)).containsExactly("Hello, world.", "She said \"no\".", "Plain");
    }

    @Test
    void refusesEmptyFilesBadLinesAndBrokenQuoting() {
        assertInvalid("\n \n", Format.TEXT, "no prompt");
        assertInvalid("ok\nbad\u0007bell\n", Format.TEXT, "line 2");
        assertInvalid("ok\n" + "x".repeat(Project.MAX_PROMPT_LENGTH + 1), Format.TEXT, "line 2");
        assertInvalid("\"never closed,\n", Format.CSV, "malformed CSV");
        assertInvalid("a\n".repeat(Project.MAX_PROMPTS + 1), Format.TEXT, "more than");
    }

    private static void assertInvalid(String content, Format format, String message) {
        assertThatThrownBy(() -> PromptImport.parse(content, format))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
