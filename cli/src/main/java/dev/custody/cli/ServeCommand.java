package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.app.BackgroundJobs;
import dev.custody.app.CheckpointSchedule;
import dev.custody.audit.CheckpointPolicy;
import dev.custody.server.ApiServer;
import dev.custody.server.WebSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Start the HTTP server (creating the embedded default on first use).")
final class ServeCommand implements Callable<Integer> {
    /** How long a stop may take to finish requests, stop the jobs and sign the last checkpoint. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    DataFolderOption dataFolder;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--checkpoint-every-entries",
            defaultValue = "1000",
            description = "Sign a ledger checkpoint once this many entries are uncovered (default: ${DEFAULT-VALUE}).")
    long checkpointEntries;

    @Option(
            names = "--checkpoint-every-seconds",
            defaultValue = "60",
            description = "...or once an entry has waited this long (default: ${DEFAULT-VALUE}).")
    long checkpointSeconds;

    @Option(
            names = "--public-url",
            defaultValue = "${env:CUSTODY_PUBLIC_URL}",
            description = "The URL browsers use, e.g. https://custody.example.org behind a TLS proxy: with https the"
                    + " session cookie is Secure, and only this origin may send browser requests"
                    + " (env CUSTODY_PUBLIC_URL).")
    String publicUrl;

    @Option(
            names = "--client-address-header",
            defaultValue = "${env:CUSTODY_CLIENT_ADDRESS_HEADER}",
            description = "A header the trusted proxy in front sets to the client's address, e.g. X-Real-IP;"
                    + " sign-in failures are throttled per client address (env CUSTODY_CLIENT_ADDRESS_HEADER).")
    String clientAddressHeader;

    @Option(
            names = "--retention-every-minutes",
            defaultValue = "60",
            description = "Erase clips past their project's retention and contributors inactive for 3 years this"
                    + " often (default: ${DEFAULT-VALUE}).")
    long retentionMinutes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var web = new WebSettings(
                Optional.ofNullable(publicUrl).map(ServeCommand::url), Optional.ofNullable(clientAddressHeader));
        if (retentionMinutes < 1) {
            throw CustodyException.invalidInput("--retention-every-minutes must be at least 1");
        }
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        // Declared first, so closed last of all but the installation: once the server and the jobs
        // have stopped writing, it signs a checkpoint of the final log size, then the database closes.
        try (var installation = dataFolder.open();
                var checkpoints = new CheckpointSchedule(new CheckpointPolicy(
                        installation.custody().services().ledger(),
                        checkpointEntries,
                        Duration.ofSeconds(checkpointSeconds),
                        Clock.systemUTC()));
                var jobs = BackgroundJobs.start(
                        installation.custody().jobLock(),
                        Duration.ofSeconds(30),
                        BackgroundJobs.Job.afterErasure(
                                installation.custody().services().erasure()),
                        BackgroundJobs.Job.keySchedule(
                                installation.custody().services().keys()),
                        BackgroundJobs.Job.keyRewrap(
                                installation.custody().services().keys()),
                        BackgroundJobs.Job.expiredUploadKeys(
                                installation.custody().services().ingest()));
                // Its own schedule: far less frequent than the reaper's, and not run by its nudges.
                var retention = BackgroundJobs.start(
                        installation.custody().jobLock(),
                        Duration.ofMinutes(retentionMinutes),
                        BackgroundJobs.Job.retention(
                                installation.custody().services().retention()),
                        // Asked at each retention run; it sweeps once a day at most.
                        BackgroundJobs.Job.orphanBlobs(
                                installation.custody().services().orphans()));
                var server = ApiServer.start(host, port, installation.custody().services(), web)) {
            // A serving node acknowledges erasures without waiting for the per-clip pass and the blobs.
            installation.custody().services().erasure().followUpInBackground(jobs::nudge);
            var out = spec.commandLine().getOut();
            out.println(installation.location());
            Announcements.firstStart(out, installation);
            out.println("Custody is listening on http://" + host + ":" + server.port() + "/");
            out.flush();
            // The JVM halts once its shutdown hooks return: this one holds it until the above are closed.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                awaitQuietly(closed);
            }));
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw CustodyException.invalidInput("--public-url is not a URL");
        }
    }
}
