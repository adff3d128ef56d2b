package dev.custody.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A hand-written S3 client for the write path: it records each request (operation, key, body,
 * checksum) and answers it, or fails the operations it is told to fail with a 500 from "S3".
 */
final class ScriptedS3Client implements S3Client {
    static final String UPLOAD_ID = "upload-1";

    final List<String> operations = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final List<byte[]> bodies = new ArrayList<>();
    final List<String> checksums = new ArrayList<>();
    final List<CompletedPart> completedParts = new ArrayList<>();
    private final List<String> failing = new ArrayList<>();

    /** Makes every later request of {@code operation} fail. */
    ScriptedS3Client failing(String operation) {
        failing.add(operation);
        return this;
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        record("PutObject", request.key());
        record(body, request.checksumSHA256());
        return PutObjectResponse.builder().build();
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        record("CreateMultipartUpload", request.key());
        return CreateMultipartUploadResponse.builder().uploadId(UPLOAD_ID).build();
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        record("UploadPart", request.key());
        record(body, request.checksumSHA256());
        return UploadPartResponse.builder().eTag("etag-" + request.partNumber()).build();
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        record("CompleteMultipartUpload", request.key());
        completedParts.addAll(request.multipartUpload().parts());
        return CompleteMultipartUploadResponse.builder().build();
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        record("AbortMultipartUpload", request.key());
        return AbortMultipartUploadResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}

    private void record(String operation, String key) {
        operations.add(operation);
        keys.add(key);
        if (failing.contains(operation)) {
            throw (S3Exception) S3Exception.builder()
                    .statusCode(500)
                    .awsErrorDetails(
                            AwsErrorDetails.builder().errorCode("InternalError").build())
                    .message("injected failure")
                    .build();
        }
    }

    private void record(RequestBody body, String checksum) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            bodies.add(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checksums.add(checksum);
    }
}
