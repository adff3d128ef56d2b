package dev.custody.server;

import dev.custody.audio.AudioContainer;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipAudio;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.payout.Earnings;
import dev.custody.rights.ExportArchive;
import dev.custody.rights.HistoryItem;
import dev.custody.rights.MyClip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A contributor's export as one ZIP, written to the response as it is produced: nothing of it is
 * held in memory beyond one recording, and nothing touches the disk. Recordings are stored as they
 * are (audio does not compress), the rest deflated; {@code README.txt} comes first. The archive is
 * complete only once {@link #finish} has written its central directory, so an export that fails
 * halfway leaves a file no ZIP tool opens, rather than one that looks whole.
 */
final class ZipExportArchive implements ExportArchive {
    private static final String README = "README.txt";

    private final Pseudonym contributor;
    private final Supplier<OutputStream> target;
    private ZipOutputStream zip;

    /** {@code target} is called once, at the first byte. */
    ZipExportArchive(Pseudonym contributor, Supplier<OutputStream> target) {
        this.contributor = contributor;
        this.target = target;
    }

    private static String recordingPath(Clip clip) {
        String extension = clip.audio().container() == AudioContainer.FLAC ? "flac" : "wav";
        return "recordings/" + clip.id().value() + "." + extension;
    }

    private static String receiptPath(ClipId clip) {
        return "receipts/" + clip.value() + ".receipt";
    }

    @Override
    public void recording(ClipAudio audio) {
        byte[] bytes = audio.bytes();
        var entry = new ZipEntry(recordingPath(audio.clip()));
        var crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCrc(crc.getValue());
        write(entry, out -> out.write(bytes));
    }

    @Override
    public void clips(List<MyClip> clips, Set<ClipId> recorded) {
        for (MyClip mine : clips) {
            byte[] receipt = mine.receipt().toText().getBytes(StandardCharsets.UTF_8);
            write(new ZipEntry(receiptPath(mine.clip().id())), out -> out.write(receipt));
        }
        var views = clips.stream()
                .map(mine -> new RightsViews.ExportedClipView(
                        Views.ClipView.of(mine.clip()),
                        recorded.contains(mine.clip().id()) ? recordingPath(mine.clip()) : null,
                        receiptPath(mine.clip().id())))
                .toList();
        writeJson("clips.json", views);
    }

    @Override
    public void consents(List<ConsentRecord> consents) {
        writeJson("consents.json", consents.stream().map(Views.ConsentView::of).toList());
    }

    @Override
    public void earnings(Earnings earnings) {
        writeJson("earnings.json", PayoutRoutes.EarningsView.of(earnings));
    }

    @Override
    public void history(Iterator<HistoryItem> history) {
        write(new ZipEntry("access-history.json"), out -> {
            try (var json = Json.generator(out)) {
                json.writeStartObject();
                json.writeStringField("contributor", contributor.value());
                json.writeArrayFieldStart("entries");
                while (history.hasNext()) {
                    json.writeObject(RightsViews.HistoryItemView.of(history.next()));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    /** Whether the first byte went out: from then on a failure can no longer be an error response. */
    boolean started() {
        return zip != null;
    }

    /** Writes the central directory: from here on the archive is whole. */
    void finish() {
        try {
            zip().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeJson(String name, Object value) {
        write(new ZipEntry(name), out -> {
            try (var json = Json.generator(out)) {
                json.writeObject(value);
            }
        });
    }

    private void write(ZipEntry entry, EntryWriter writer) {
        try {
            ZipOutputStream out = zip();
            out.putNextEntry(entry);
            writer.write(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ZipOutputStream zip() throws IOException {
        if (zip == null) {
            zip = new ZipOutputStream(target.get(), StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(README));
            try (InputStream readme = Objects.requireNonNull(
                    ZipExportArchive.class.getResourceAsStream("export-readme.txt"), "export-readme.txt is missing")) {
                readme.transferTo(zip);
            }
            zip.closeEntry();
        }
        return zip;
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }
}
