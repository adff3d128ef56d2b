package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.app.Installation;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.delivery.ClipDeliverySource;
import dev.custody.delivery.DatasetDescription;
import dev.custody.delivery.DeliveryProgress;
import dev.custody.delivery.DeliveryResult;
import dev.custody.delivery.DeliveryWriter;
import dev.custody.delivery.HmacDeliveryKeys;
import dev.custody.keys.SecretBytes;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Delivers a project's accepted clips into a folder, for one data-use purpose the project allows,
 * as the local operator (the clips are opened through the custodian, each open logged). Sample keys
 * and speaker labels are keyed hashes under the secret of {@code --secret-file}: the same secret
 * gives the same names, which a resumed run needs.
 */
@Command(
        name = "export",
        description = "Deliver a project's accepted clips: WebDataset shards, croissant.json and a signed"
                + " provenance.json; a second run into the same folder resumes.")
final class ExportCommand implements Callable<Integer> {
    private static final int PAGE = 10_000;
    private static final int OPENERS = 32;

    @Mixin
    DataFolderOption dataFolder;

    @Option(names = "--project", required = true, paramLabel = "PROJECT")
    String project;

    @Option(
            names = "--purpose",
            required = true,
            paramLabel = "PURPOSE",
            description = "The data-use purpose the delivery is for; the project must allow it.")
    String purpose;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(
            names = "--secret-file",
            required = true,
            paramLabel = "FILE",
            description = "At least 32 bytes that key the sample keys and speaker labels of this delivery.")
    Path secretFile;

    @Option(
            names = "--shard-size",
            defaultValue = "" + DeliveryWriter.DEFAULT_SHARD_BYTES,
            paramLabel = "BYTES",
            description = "Largest shard (default: ${DEFAULT-VALUE}).")
    long shardBytes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var id = new ProjectId(project);
        var allowed = Purpose.of(purpose);
        try (Installation installation = dataFolder.open();
                SecretBytes secret = readSecret()) {
            var metadata = installation.custody().metadataStore();
            var facts = metadata.inReadTransaction(r -> {
                Project found = r.projects().find(id).orElseThrow(() -> CustodyException.notFound("no such project"));
                String publisher = r.organizations()
                        .find(found.organization())
                        .orElseThrow()
                        .name();
                return new ProjectFacts(found, publisher, acceptedClips(r, id));
            });
            if (!facts.project().purposes().allows(allowed)) {
                throw CustodyException.invalidInput("the project's consent terms do not allow " + purpose);
            }
            var source = new ClipDeliverySource(
                    metadata,
                    installation.custody().services().custodian(),
                    Principal.bootstrapAdmin(),
                    purpose,
                    description(facts, allowed),
                    facts.clips());
            var keys = HmacDeliveryKeys.of("project:" + id.value() + ":" + purpose, secret);
            DeliveryResult result;
            try (var bar = Progress.start(
                    spec.commandLine().getErr(), "Export", facts.clips().size(), "clips")) {
                result = installation
                        .custody()
                        .deliveryWriter(shardBytes, OPENERS)
                        .write(source, keys, out, new DeliveryProgress() {
                            @Override
                            public void started(long samples, long alreadyDone) {
                                bar.skip(alreadyDone);
                            }

                            @Override
                            public void written(long bytes) {
                                bar.stepBy(1);
                            }
                        });
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Delivered %d clips in %d shards (%d written by this run, %d bytes) to %s.%n",
                            result.samples(), result.shards(), result.shardsWritten(), result.bytes(), out);
            return 0;
        }
    }

    private SecretBytes readSecret() throws IOException {
        if (Files.size(secretFile) > 4096) {
            throw CustodyException.invalidInput("the secret file is larger than 4 KiB");
        }
        byte[] bytes = Files.readAllBytes(secretFile);
        if (bytes.length < 32) {
            java.util.Arrays.fill(bytes, (byte) 0);
            throw CustodyException.invalidInput("the secret file holds fewer than 32 bytes");
        }
        return SecretBytes.takeOwnership(bytes);
    }

    private static List<ClipId> acceptedClips(dev.custody.store.Repositories r, ProjectId id) {
        List<ClipId> clips = new ArrayList<>();
        for (List<ClipId> page = acceptedPage(r, id, Optional.empty());
                !page.isEmpty();
                page = page.size() < PAGE ? List.of() : acceptedPage(r, id, Optional.of(page.getLast()))) {
            clips.addAll(page);
        }
        return clips;
    }

    private static List<ClipId> acceptedPage(dev.custody.store.Repositories r, ProjectId id, Optional<ClipId> after) {
        return r.clips().accepted(id, after, PAGE).stream().map(Clip::id).toList();
    }

    private static DatasetDescription description(ProjectFacts facts, Purpose allowed) {
        Project project = facts.project();
        return new DatasetDescription(
                project.name(),
                "Read speech in " + project.commission().language() + ": prompts read aloud by paid contributors.",
                facts.publisher(),
                "urn:custody:project:" + project.id().value() + ":purpose:" + allowed.code(),
                List.of(allowed.code()),
                project.purposes().forbidden().stream()
                        .map(Purpose::code)
                        .sorted()
                        .toList(),
                project.commission().payPerAcceptedClip() + " per accepted clip");
    }

    private record ProjectFacts(Project project, String publisher, List<ClipId> clips) {}
}
