package dev.custody.testkit;

import dev.custody.Money;
import dev.custody.audio.AudioLimits;
import dev.custody.project.Commission;
import dev.custody.project.NewProject;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Projects for tests: English read-aloud for ASR training, voice cloning forbidden. */
public final class ProjectPlans {
    public static final Commission COMMISSION = new Commission("en", 1_000, 1, 1, Money.parse("0.50", "EUR"));
    public static final Purposes PURPOSES =
            new Purposes(Set.of(Purpose.ASR_TRAINING), Set.of(Purpose.VOICE_CLONING, Purpose.TTS_TRAINING));

    private ProjectPlans() {}

    public static NewProject readAloud(String name, List<String> prompts, int termsVersion, Duration retention) {
        return new NewProject(name, prompts, termsVersion, retention, AudioLimits.DEFAULT, COMMISSION, PURPOSES);
    }

    public static NewProject readAloud(
            String name, List<String> prompts, int termsVersion, Duration retention, Commission commission) {
        return new NewProject(name, prompts, termsVersion, retention, AudioLimits.DEFAULT, commission, PURPOSES);
    }
}
