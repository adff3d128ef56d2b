package dev.custody.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;

/**
 * Uploaded prompt files, as text or CSV: between 1 and {@link PromptImport#MAX_PROMPTS} prompts,
 * none blank, or INVALID_INPUT. The seeds are small text and CSV files (the first byte picks the
 * format).
 */
class PromptImportFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(FuzzedDataProvider data) {
        PromptImport.Format format = data.pickValue(PromptImport.Format.values());
        String content = data.consumeRemainingAsString();
        try {
            var prompts = PromptImport.parse(content, format);
            assertThat(prompts).hasSizeBetween(1, PromptImport.MAX_PROMPTS);
            assertThat(prompts).noneMatch(String::isBlank);
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }
}
