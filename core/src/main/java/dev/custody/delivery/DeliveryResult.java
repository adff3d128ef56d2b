package dev.custody.delivery;

/**
 * What a delivery run did.
 *
 * @param samples samples in the delivery
 * @param shards shards in the delivery
 * @param shardsWritten shards this run wrote (the others an earlier run finished)
 * @param bytes bytes of every shard together
 */
public record DeliveryResult(long samples, int shards, int shardsWritten, long bytes) {}
