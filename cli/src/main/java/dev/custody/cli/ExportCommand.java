package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.app.Installation;
import dev.custody.delivery.DeliveryProgress;
import dev.custody.delivery.DeliveryResult;
import dev.custody.delivery.DeliveryWriter;
import dev.custody.delivery.GrantDelivery;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantId;
import dev.custody.store.MetadataStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Delivers a grant's clips into a folder, as the grant's data consumer would receive them over the
 * API. Run beside a stopped server, the command acts as the grant's consumer account (or the account
 * of {@code --as}), never as an administrator: every clip is opened under the grant, so its purposes,
 * expiry, the egress budgets and the canaries apply, and each open is logged in that account's name.
 */
@Command(
        name = "export",
        description = "Deliver a grant's clips: WebDataset shards, croissant.json and a signed"
                + " provenance.json; a second run into the same folder resumes.")
final class ExportCommand implements Callable<Integer> {
    private static final int OPENERS = 32;

    @Mixin
    DataFolderOption dataFolder;

    @Option(names = "--grant", required = true, paramLabel = "GRANT")
    String grant;

    @Option(
            names = "--purpose",
            paramLabel = "PURPOSE",
            description = "The data-use purpose the delivery is for; the grant must name it"
                    + " (default: the grant's first purpose by code).")
    String purpose;

    @Option(
            names = "--as",
            paramLabel = "ACCOUNT",
            description = "The account that receives the delivery (default: the grant's consumer).")
    String account;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

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
        var id = new GrantId(grant);
        try (Installation installation = dataFolder.open()) {
            MetadataStore metadata = installation.custody().metadataStore();
            Principal receiver = receiver(metadata, id);
            try (var delivery = GrantDelivery.prepare(
                    metadata, installation.custody().services(), receiver, id, Optional.ofNullable(purpose))) {
                DeliveryResult result = write(installation, delivery);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Delivered %d clips in %d shards (%d written by this run, %d bytes) to %s.%n",
                                result.samples(), result.shards(), result.shardsWritten(), result.bytes(), out);
            }
            return 0;
        }
    }

    private DeliveryResult write(Installation installation, GrantDelivery delivery) throws IOException {
        try (var bar = Progress.start(
                spec.commandLine().getErr(), "Export", delivery.source().count(), "clips")) {
            return installation
                    .custody()
                    .deliveryWriter(shardBytes, OPENERS)
                    .write(delivery.source(), delivery.keys(), out, new DeliveryProgress() {
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
    }

    /**
     * The account the delivery is for, as the server would know it after sign-in: no credential is
     * asked here, as whoever holds the data folder and its passphrase is trusted with it anyway.
     */
    private Principal receiver(MetadataStore metadata, GrantId id) {
        return metadata.inReadTransaction(r -> {
            AccountId who = account != null
                    ? new AccountId(account)
                    : r.grants()
                            .find(id)
                            .map(Grant::consumer)
                            .orElseThrow(() -> CustodyException.notFound("no such grant"));
            var found = r.accounts()
                    .find(who)
                    .filter(a -> !a.disabled())
                    .orElseThrow(() -> CustodyException.notFound("no such account, or it is disabled"));
            return Principal.of(found.id().value(), found.role(), found.organization());
        });
    }
}
