package dev.custody.delivery;

/** Told how a delivery run advances, for a progress bar. Called from the writing thread only. */
public interface DeliveryProgress {
    /** Before the first sample: how many the selection holds, and how many earlier runs finished. */
    void started(long samples, long alreadyDone);

    /** After each sample written, with the bytes of its two files. */
    void written(long bytes);

    DeliveryProgress NONE = new DeliveryProgress() {
        @Override
        public void started(long samples, long alreadyDone) {}

        @Override
        public void written(long bytes) {}
    };
}
